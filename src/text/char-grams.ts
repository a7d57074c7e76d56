/**
 * Character n-grams of a word between two edge marks ("<love>" -> "<lov", "love", "ove>"), kept per distinct word.
 * The sarcasm ranker and the moderation models read a comment's words as 4-grams, and a thread repeats its words:
 * slicing them afresh made new strings that every lookup hashed again. The lists here are the same strings each
 * time, hashed once. A cache, not state: the grams of a word are the same whether kept or made.
 */

/** Distinct words kept per mark pair; the table is cleared when full (a long dump's vocabulary is larger). */
const MAX_WORDS = 65_536;

const tables = new Map<string, Map<string, readonly string[]>>();

/**
 * The `n`-grams of `open + word + close` in order (repeats kept), or none when that is shorter than `n`. The array is
 * shared between calls: read it, never change it.
 */
export function markedGrams(word: string, open: string, close: string, n: number): readonly string[] {
  const key = `${open}${close}${n}`;
  let table = tables.get(key);
  if (table === undefined) tables.set(key, (table = new Map()));
  let grams = table.get(word);
  if (grams === undefined) {
    grams = makeGrams(`${open}${word}${close}`, n);
    if (table.size >= MAX_WORDS) table.clear();
    table.set(word, grams);
  }
  return grams;
}

/** The `n`-grams of `w` in order, made afresh (what {@link markedGrams} keeps). */
export function makeGrams(w: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n));
  return out;
}
