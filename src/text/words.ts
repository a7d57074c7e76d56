import { SUBSTANCE_STOPWORDS } from './word-lists.js';

/** Counts white-space separated words, stopping early past `limit`. */
export function countWords(text: string, limit = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!space && !inWord) {
      n++;
      if (n > limit) return n;
    }
    inWord = !space;
  }
  return n;
}

/** True when the text ends with sentence punctuation, possibly inside closing quotes or brackets. */
export function endsWithTerminal(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && '"\'\u201d\u2019)]'.includes(text[i]!)) i--;
  return i >= 0 && '.!?\u2026:;'.includes(text[i]!);
}

/** Lower-case content words of a text (letters and digits, 3+ characters, not in `SUBSTANCE_STOPWORDS`). */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = (): void => {
    if (word.length >= 3 && !SUBSTANCE_STOPWORDS.has(word)) out.push(word);
    word = '';
  };
  for (const ch of text.toLowerCase()) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch.toUpperCase() !== ch) word += ch;
    else flush();
  }
  flush();
  return out;
}

/** A figure: a digit run with its decimal or thousands parts and a percent sign ("95", "19%", "1,000"). */
const FIGURE = /\d+(?:[.,]\d+)*%?/g;

/**
 * A post's words as the reply-link choosers weigh them (session 43's name-cue chooser, session 44's within-thread
 * choice): its content words plus every figure (`#95`, `#19%`), in first-seen order.
 */
export function wordsAndFigures(text: string): Set<string> {
  const words = new Set(contentWords(text));
  for (const m of text.matchAll(FIGURE)) words.add(`#${m[0]}`);
  return words;
}

/**
 * The weight of the words two of a page's posts share (`texts`: the posts' texts in page order): for each of post
 * `i`'s `wordsAndFigures` that post `k` has too, log(N / df) over the page's N posts. The page's words and document
 * frequencies are read once, when the first weight is asked for.
 */
export function sharedWordWeight(texts: readonly string[]): (i: number, k: number) => number {
  let words: Array<Set<string>> | undefined;
  const df = new Map<string, number>();
  const n = texts.length;
  return (i, k) => {
    if (words === undefined) {
      words = texts.map(wordsAndFigures);
      for (const w of words) for (const t of w) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const theirs = words[k]!;
    let s = 0;
    for (const w of words[i]!) if (theirs.has(w)) s += Math.log(n / (df.get(w) ?? 1));
    return s;
  };
}
