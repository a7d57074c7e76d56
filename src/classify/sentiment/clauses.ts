/**
 * Clause-scoped lexicon features: the sentiment words' values summed by where they stand (negated, before or
 * after a contrast, hedged, intensified, in a clause that ends in "?", capitalised inside the sentence as a word of
 * a name), squashed per sentence. The lexicon rules
 * (score-tokens.ts) fix only the direction a scope turns a word; how much each scope counts is fit on data from
 * several domains, so "is this any good?" and "not great, but fine" are weighed as readers weigh them.
 */
import { pushDense, type FeatureBag } from './features.js';
import type { ScopeSums } from './score-tokens.js';

const ALPHA = 16;
const squash = (x: number): number => x / Math.sqrt(x * x + ALPHA);

/** Empty scope sums. */
export function emptyScopes(): ScopeSums {
  return { negated: 0, beforeContrast: 0, afterContrast: 0, hedged: 0, intensified: 0, question: 0, named: 0 };
}

/** Adds `b` into `a`. */
export function addScopes(a: ScopeSums, b: ScopeSums): void {
  a.negated += b.negated;
  a.beforeContrast += b.beforeContrast;
  a.afterContrast += b.afterContrast;
  a.hedged += b.hedged;
  a.intensified += b.intensified;
  a.question += b.question;
  a.named += b.named;
}

/** Appends the scope features (`#c.<scope>`, per-sentence means of the sums, squashed). */
export function addScopeFeatures(s: ScopeSums, sentences: number, bag: FeatureBag): void {
  const per = Math.max(1, sentences);
  pushDense(bag, '#c.negated', squash(s.negated / per));
  pushDense(bag, '#c.before', squash(s.beforeContrast / per));
  pushDense(bag, '#c.after', squash(s.afterContrast / per));
  pushDense(bag, '#c.hedged', squash(s.hedged / per));
  pushDense(bag, '#c.intensified', squash(s.intensified / per));
  pushDense(bag, '#c.question', squash(s.question / per));
  pushDense(bag, '#c.named', squash(s.named / per));
}
