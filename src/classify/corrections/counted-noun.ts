/**
 * What a figure counts (session 37, corr40): the noun phrase of its "of" complement ("92% of its seagrass"), the
 * noun phrase it modifies ("half its visiting boats", "8 ships"), or the noun it is the amount of ("a fine of
 * £186,000"). Closed-class patterns only; null when none reads. Words are compared by the unit's lemmas (light lemma
 * or paraphrase group), so "boats" and "vessels" are one noun.
 */
import type { Span } from '../../schema/common.js';
import { lemma } from '../../text/lemma.js';
import { CURRENCY_WORDS, FRACTION_OF, FRACTION_WORDS, NUMBER_WORDS, SCALES } from '../../text/value-words.js';
import { isContent } from '../../text/word-lists.js';
import type { Unit } from './units.js';

// Determiners and possessives that may open the noun phrase a figure counts (the fraction reader's closed class,
// value-words.ts `FRACTION_OF`, and the articles and quantifiers).
const DETERMINERS = new Set([...FRACTION_OF, 'a', 'an', 'this', 'that', 'all', 'each', 'every', 'some']);
DETERMINERS.delete('of');
// Prepositions the stop list leaves as content words (closed class): they end a noun phrase.
const PREPOSITIONS = new Set(['across', 'along', 'among', 'amongst', 'around', 'behind', 'beside', 'besides', 'beyond', 'despite', 'except', 'inside', 'near', 'onto', 'outside', 'per', 'plus', 'minus', 'since', 'throughout', 'toward', 'towards', 'upon', 'versus', 'via', 'within']);
/** The words of an amount itself: spelled numbers, scales, fractions, currencies, "percent". */
function amountWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower) || SCALES.has(lower) || FRACTION_WORDS.has(lower) || CURRENCY_WORDS.has(lower) || /^(?:per|percent|percentage|pc|cent)$/.test(lower);
}
/** Words read in a counted noun phrase at most: "(adj)* NOUN" is short. */
const PHRASE_WORDS = 4;

/** A word that may stand in a noun phrase: a content word that is no inflected verb ("came", "rose", "retired"). */
function nominal(u: Unit, i: number, notWhat: ReadonlySet<string>): boolean {
  const w = u.words[i];
  if (!w || w.kind !== 'word' || !isContent(w) || !u.content.has(u.lemmas[i]!) || notWhat.has(u.lemmas[i]!) || u.lemmas[i] === 'say') return false;
  // "-ly" adverbs ("annually", "roughly") say how, not what; a preposition ends the phrase; an amount word is no noun.
  if (w.lower.endsWith('ly') || PREPOSITIONS.has(w.lower) || amountWord(w.lower)) return false;
  // An irregular past or a past participle changes under the light lemma without a plural "-s": a verb, not a noun.
  return w.lower.endsWith('s') || lemma(w.lower) === w.lower || w.lower.endsWith('ing');
}

/** The lemmas of the noun phrase opening at word `i` (determiners skipped), or null when no noun follows. */
function phraseFrom(u: Unit, i: number, notWhat: ReadonlySet<string>): string[] | null {
  while (i < u.words.length && DETERMINERS.has(u.words[i]!.lower)) i++;
  const out: string[] = [];
  while (i < u.words.length && out.length < PHRASE_WORDS && nominal(u, i, notWhat)) out.push(u.lemmas[i++]!);
  // A run cut short by the cap is no phrase read whole, and its last word not surely the head.
  if (out.length === 0 || (out.length === PHRASE_WORDS && nominal(u, i, notWhat))) return null;
  return out;
}

/**
 * The lemmas of what the figure at `span` counts, its head noun last: "N% of (det) (adj)* NOUN", "NUMBER (det)
 * (adj)* NOUN" (a quantity's own unit, a fraction's noun), "NOUN of NUMBER"; null when none reads. `notWhat`: the
 * words that say when rather than what (a period, time deixis), never a counted noun.
 */
export function countedNoun(u: Unit, span: Span, notWhat: ReadonlySet<string>): string[] | null {
  const first = u.words.findIndex((w) => w.end > span[0]);
  if (first < 0) return null;
  let after = first;
  while (after < u.words.length && u.words[after]!.start < span[1]) after++;
  // "8 ships": the value reader took the counted noun into the figure; the phrase may go on ("8 cargo ships").
  const own: string[] = [];
  for (let i = first; i < after; i++) if (nominal(u, i, notWhat)) own.push(u.lemmas[i]!);
  if (own.length > 0) return [...own, ...(phraseFrom(u, after, notWhat) ?? [])];
  if (u.words[after]?.lower === 'of') return phraseFrom(u, after + 1, notWhat);
  const next = phraseFrom(u, after, notWhat);
  if (next) return next;
  // "a fine of £186,000", "a total of 300": the noun the figure is the amount of.
  if (first >= 2 && u.words[first - 1]!.lower === 'of' && nominal(u, first - 2, notWhat)) return [u.lemmas[first - 2]!];
  return null;
}

/** Whether two counted noun phrases read for two figures name different things: no lemma in common. */
export function countedApart(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a !== null && b !== null && !a.some((l) => b.includes(l));
}
