/**
 * Word features for the learned models: lower-cased, lightly lemmatised unigrams ("not_" marked inside a
 * negation's reach), bigrams within a clause, and emoji. Each distinct feature is present once, valued
 * 1/sqrt(number of distinct features), so a long post does not outweigh a short one. Every feature keeps the
 * span of its first occurrence for evidence.
 */
import type { Token } from '../../text/tokenize.js';
import { lemma as textLemma } from '../../text/lemma.js';
import { squeezeLetterRuns } from '../../text/squeeze.js';
import { isNegator } from '../../text/word-lists.js';

/** Named features with values and, for text features, the span of their first occurrence. */
export interface FeatureBag {
  names: string[];
  values: number[];
  spans: Array<[number, number] | null>;
}

// How many words a negator marks ("not very funny" -> not_very, not_funny), as in the lexicon rules.
const NEGATION_REACH = 3;
const CLAUSE_BREAK = /[.,;:!?\u2026\u2014\u2013()]/;
// Function words that are no feature inside a negation's reach: "not bad at all" must not learn "not_at".
const UNMARKED = new Set(['a', 'an', 'the', 'at', 'all', 'to', 'of', 'it', 'that', 'this', 'be', 'is', 'was', 'so', 'very', 'really', 'too', 'even', 'and', 'or']);

/**
 * The feature lemma of a word (`Token.lower`): letter runs of three or more squeezed to two ("soooo" -> "soo"),
 * then the one lemma of threadlens (src/text/lemma.ts: irregular forms, plurals, -ed and -ing).
 */
export function featureLemma(lower: string): string {
  return textLemma(lower.length > 3 && hasRun3(lower) ? squeezeLetterRuns(lower, 2) : lower);
}

function hasRun3(w: string): boolean {
  // Char codes, not one-letter strings: the same test, without a deoptimisation on how the string is stored.
  for (let i = 2; i < w.length; i++) if (w.charCodeAt(i) === w.charCodeAt(i - 1) && w.charCodeAt(i) === w.charCodeAt(i - 2)) return true;
  return false;
}

/** Appends one dense feature (no span); a zero value is left out, as the linear models read it as absent. */
export function pushDense(bag: FeatureBag, name: string, value: number): void {
  if (value === 0) return;
  bag.names.push(name);
  bag.values.push(value);
  bag.spans.push(null);
}

/** Appends word, bigram and emoji features of `tokens` to `bag` (deduplicated, length-normalised). */
export function addWordFeatures(tokens: readonly Token[], bag: FeatureBag): void {
  addFeatureSpans(wordFeatureSpans(tokens, 0, tokens.length), bag);
}

/** Appends features given as name -> span of first occurrence, each valued 1/sqrt(count). */
export function addFeatureSpans(seen: ReadonlyMap<string, [number, number]>, bag: FeatureBag): void {
  const value = seen.size > 0 ? 1 / Math.sqrt(seen.size) : 0;
  for (const [name, span] of seen) {
    bag.names.push(name);
    bag.values.push(value);
    bag.spans.push(span);
  }
}

/** Word, bigram and emoji features of `tokens[from..to)`: name -> span of its first occurrence. */
export function wordFeatureSpans(tokens: readonly Token[], from: number, to: number): Map<string, [number, number]> {
  const seen = new Map<string, [number, number]>();
  const add = (name: string, start: number, end: number): void => {
    if (!seen.has(name)) seen.set(name, [start, end]);
  };
  let negatedUntil = -1;
  let prev: { lemma: string; start: number } | null = null;
  let wordIndex = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct') {
      if (CLAUSE_BREAK.test(t.text)) {
        negatedUntil = -1;
        prev = null;
      }
      continue;
    }
    if (t.kind === 'emoji' || t.kind === 'emoticon') {
      add(t.norm.replace(/\uFE0F/g, ''), t.start, t.end);
      prev = null;
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'hashtag') {
      prev = null;
      continue;
    }
    const l = featureLemma(t.lower);
    wordIndex++;
    if (isNegator(t)) {
      // The negator itself is no feature: its effect is the "not_" mark on the words it reaches (and the
      // lexicon's negation rule), so "not bad at all" is not pulled down by "not" alone.
      negatedUntil = wordIndex + NEGATION_REACH;
    } else {
      if (wordIndex > negatedUntil) {
        add(l, t.start, t.end);
        if (prev) add(`${prev.lemma} ${l}`, prev.start, t.end);
      } else if (!UNMARKED.has(t.norm)) {
        // Inside a negation's reach only the marked content words count (no bigrams): the lexicon's
        // negation rule already scores "not bad at all"; "at all" must not drag it down on its own.
        add(`not_${l}`, t.start, t.end);
      }
    }
    prev = { lemma: l, start: t.start };
  }
  return seen;
}
