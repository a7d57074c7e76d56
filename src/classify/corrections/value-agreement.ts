/**
 * Whether two figures quantify the same thing (session 36, corr39): "The company plan has 8 ships being retired"
 * and "The ferry company said twelve vessels will be retired" agree (the company, retired), "my council tax went up
 * 8%" and "rates rise 5%" do not. Read on the clause around each figure, not the whole sentence: a sentence listing
 * several figures shares words with the other sentence through the wrong one.
 */
import type { Span } from '../../schema/common.js';
import { isContent } from '../../text/word-lists.js';
import type { ValueAgreement } from './detector.js';
import type { Unit } from './units.js';

// Punctuation that ends a clause between two words (a hyphen inside a word is no break: words hold it).
const CLAUSE_BREAK = /[,;:()[\]\u2014\u2013!?"\u201c\u201d]|\s-\s/;
// Words that open another clause: coordinating and subordinating conjunctions, relative pronouns (closed class).
const CLAUSE_OPENERS = new Set(['but', 'while', 'whereas', 'although', 'though', 'because', 'which', 'who', 'whom', 'whose', 'unless', 'if', 'so']);
// Words that say when or how often, not what is counted: the periods a rate runs over (compared already as the
// figures' measure, value-mismatch.ts `measureOf`), time deixis, and the reporting verb every speech shares ("say").
const NOT_WHAT = new Set(['hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'annum', 'term', 'season', 'shift', 'last', 'next', 'previous', 'past', 'ago', 'say']);

/** The word indices [from, to) of the clause holding the words of `span` (a value's span in the unit's text). */
export function clauseAround(u: Unit, span: Span): [number, number] {
  const words = u.words;
  let at = words.findIndex((w) => w.end > span[0]);
  if (at < 0) return [words.length, words.length];
  let end = at;
  while (end < words.length && words[end]!.start < span[1]) end++;
  if (end === at) end = at + 1;
  const breaksBefore = (i: number): boolean => CLAUSE_BREAK.test(u.text.slice(words[i - 1]!.end, words[i]!.start)) || CLAUSE_OPENERS.has(words[i]!.lower);
  while (at > 0 && !breaksBefore(at)) at--;
  while (end < words.length && !breaksBefore(end)) end++;
  // A clause set off by commas inside the sentence ("the flood barrier, built in 2009, worked") describes the noun
  // phrase before it: that clause is read too.
  const commaBefore = at > 0 && u.text.slice(words[at - 1]!.end, words[at]!.start).includes(',');
  const commaAfter = end < words.length && u.text.slice(words[end - 1]!.end, words[end]!.start).includes(',');
  if (commaBefore && commaAfter) {
    at--;
    while (at > 0 && !breaksBefore(at)) at--;
  }
  return [at, end];
}

function clauseLemmas(u: Unit, span: Span): Set<string> {
  const [from, to] = clauseAround(u, span);
  const lemmas = new Set<string>();
  for (let i = from; i < to; i++) {
    const w = u.words[i]!;
    // The figure's own words (its amount and unit) are what differs or what is compared already.
    if (w.start >= span[0] && w.end <= span[1]) continue;
    if (w.kind === 'word' && isContent(w) && u.content.has(u.lemmas[i]!) && !NOT_WHAT.has(u.lemmas[i]!)) lemmas.add(u.lemmas[i]!);
  }
  return lemmas;
}

/**
 * What the clauses of a post figure and a target figure share: their content lemmas (names included), each figure's
 * amount and unit left out, and the words saying when or how often. The figures are taken to quantify the same thing
 * when the clauses share a word. (The writer's own figures, "I paid £95 a year", are left out before: `Unit.personal`.)
 */
export function valueAgreement(post: Unit, postSpan: Span, target: Unit, targetSpan: Span): Omit<ValueAgreement, 'linked'> {
  const a = clauseLemmas(post, postSpan);
  const b = clauseLemmas(target, targetSpan);
  const shared = [...a].filter((l) => b.has(l));
  return { same: shared.length > 0, shared };
}
