/**
 * Which words of a comment are never highlighted as a span, whatever the comment's scores (since 2026-12-04,
 * session 16): the writer does not say them as abuse of a person. Until then the comment gate alone kept most such
 * comments dark; the veto now sits on the word, so a flagged comment does not show a quoted word either.
 *
 * Vetoed: a word aimed at an idea ("a stupid plan"; since session 23 `highlight` in index.ts lifts this for a plain
 * one when the comment highlights a word that is not aimed at an idea, so a comment that only criticises a policy
 * still shows nothing); a quoted word when the quote is reported speech or a mention
 * (a verb of saying or a mention noun stands just before its opening mark: `said "..."`, `the word "..."`); a word
 * in a naming verb's scope ("don't call anyone a moron", "I am not calling anyone an idiot"); a denied predicate
 * ("you are not an idiot", "they aren't morons"). Not vetoed, because SemEval-2021's raters mark them as the
 * writer's abuse (docs/moderation.md, session 16): other quoted words (scare quotes around a word the writer applies)
 * and other words in a denial's reach ("don't be an idiot", "you can't be that stupid").
 * The readings' `mode` (features.ts) says which words are quoted or denied; this reads only the words before them.
 */
import type { Token } from '../../text/tokenize.js';
import { NAMING, NEGATORS, type WordReading } from './features.js';

// The words that introduce reported speech or a mention; the naming verbs and negators are features.ts's own.
const SAYING = new Set(
  'say says said saying write writes wrote written writing quote quotes quoted quoting call calls called calling word words term terms phrase label labels labeled labelled tell tells told ask asks asked claim claims claimed state states stated reply replies replied tweet tweeted yell yelled shout shouted scream screamed use used uses using as'.split(
    ' ',
  ),
);
const COPULAR_NEGATORS = new Set(['isnt', 'arent', 'wasnt', 'werent', 'aint']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'being', 'been', 'im', 'youre', 'hes', 'shes', 'theyre', 'its', 'thats']);
const CLAUSE_BREAK = /[.!?;:,\n]/;
const OPENING_QUOTE = /["\u201c]/;

/**
 * Why a word is vetoed (session 45): `idea` (aimed at an idea, whatever its use), `quote` (quoted as reported speech or
 * a mention), `naming` (in a naming verb's scope), `denial` (a denied predicate); `''` when it is not.
 */
export type SpanVetoKind = '' | 'idea' | 'quote' | 'naming' | 'denial';

/** For every reading of `text`: true when the word is never highlighted (see the module comment). */
export function spanVetoes(text: string, tokens: readonly Token[], readings: readonly WordReading[]): boolean[] {
  return spanVetoKinds(text, tokens, readings).map((k) => k !== '');
}

/** For every reading of `text`: why it is vetoed ({@link SpanVetoKind}), `''` when it is not. */
export function spanVetoKinds(text: string, tokens: readonly Token[], readings: readonly WordReading[]): SpanVetoKind[] {
  const gap = (j: number): string => text.slice(tokens[readings[j]!.token]!.end, tokens[readings[j + 1]!.token]!.start);
  return readings.map((r, k): SpanVetoKind => {
    if (r.target === 'idea') return 'idea';
    if (r.mode === 'quote') {
      // The quote's first word, then the two words before its opening mark.
      let q = k;
      while (q > 0 && readings[q - 1]!.mode === 'quote' && !OPENING_QUOTE.test(gap(q - 1))) q--;
      for (let j = q - 1; j >= Math.max(0, q - 2); j--) if (SAYING.has(readings[j]!.norm)) return 'quote';
      return '';
    }
    if (r.mode !== 'negated') return '';
    // What put the word in scope, looking back within its clause: a naming verb, or a negator of a predicate.
    for (let j = k - 1; j >= 0; j--) {
      if (CLAUSE_BREAK.test(gap(j))) return '';
      const w = readings[j]!.norm;
      if (NAMING.has(w)) return 'naming';
      if (NEGATORS.has(w)) return COPULAR_NEGATORS.has(w) || (j > 0 && COPULAS.has(readings[j - 1]!.norm)) ? 'denial' : '';
    }
    return '';
  });
}

/** The learned veto decision's inputs, in the order of its `veto.<name>` weights in the span model's thresholds (session 45). */
export const VETO_DECISION_FEATURES = ['bias', 'idea-held', 'quote', 'naming', 'denial', 'score', 'beside', 'sentence', 'tox'] as const;

/**
 * The learned decision on a vetoed word (session 45, docs/moderation.md span45), when the span model's thresholds carry
 * it (`veto.<feature>` weights and `veto.cut`; else null: a vetoed word is never shown, a plain word aimed at an idea
 * only at `marked` beside a shown word that is not). It is only ever asked about a word in a comment that already shows
 * a plain word (not vetoed, not aimed at an idea), so a comment that only criticises a policy, or only quotes, names or
 * denies an insult, stays dark whatever it says. A logistic regression, fit on held-out span scores toward the
 * SemEval-2021 gold (scripts/eval/moderation-span-cv.ts SPAN_VETO45): the word's veto kind (a plain word aimed at an
 * idea is the base; `idea-held` an idea word quoted or denied), its span score (logit), whether a shown plain word
 * stands beside it / in its sentence, and the comment's shown toxicity (logit). The word is shown when it reaches `veto.cut`.
 */
export function vetoDecision(th: Readonly<Record<string, number>> | undefined): ((kind: SpanVetoKind, idea: boolean, score: number, beside: boolean, sentence: boolean, tox: number) => boolean) | null {
  if (th?.['veto.cut'] === undefined) return null;
  const w = VETO_DECISION_FEATURES.map((f) => th[`veto.${f}`] ?? 0);
  const cut = th['veto.cut'];
  const lg = (x: number): number => {
    const q = Math.max(1e-4, Math.min(1 - 1e-4, x));
    return Math.log(q / (1 - q));
  };
  return (kind, idea, score, beside, sentence, tox) => {
    const x = [1, kind === 'idea' && !idea ? 1 : 0, kind === 'quote' ? 1 : 0, kind === 'naming' ? 1 : 0, kind === 'denial' ? 1 : 0, lg(score), beside ? 1 : 0, sentence ? 1 : 0, lg(tox)];
    let z = 0;
    for (let a = 0; a < x.length; a++) z += w[a]! * x[a]!;
    return 1 / (1 + Math.exp(-z)) >= cut;
  };
}
