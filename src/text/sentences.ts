import type { Sentence } from '../schema/common.js';

// Abbreviations after which a period never ends a sentence (lower-cased, without the period).
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'sgt', 'capt',
  'cmdr', 'adm', 'maj', 'rev', 'hon', 'pres', 'supt', 'messrs', 'mt', 'ft', 'no', 'nos', 'vs', 'v', 'etc',
  'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'assn', 'bros', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'fig', 'figs', 'al', 'cf', 'ca', 'op', 'vol',
  'pp', 'ed', 'eds', 'ave', 'blvd', 'rd', 'hwy', 'sq', 'km', 'mi', 'min', 'max', 'tel', 'ext',
]);
// Abbreviations that are "etc."-like: they may end a sentence, so a capital after them splits.
const CLOSING_ABBREVIATIONS = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'al']);

// Capitalised words that usually open a new sentence: after "U.S." or "p.m." they decide a split.
const SENTENCE_OPENERS = new Set([
  'the', 'then', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'but',
  'and', 'or', 'so', 'yet', 'however', 'in', 'on', 'at', 'if', 'when', 'while', 'after', 'before', 'there',
  'a', 'an', 'as', 'for', 'with', 'meanwhile', 'instead', 'also', 'still', 'now', 'what', 'why', 'how', 'who',
  'his', 'her', 'their', 'our', 'my', 'your', 'some', 'many', 'most', 'no', 'not', 'nobody', 'everyone',
  'although', 'though', 'because', 'since', 'until', 'moreover', 'furthermore', 'besides', 'even', 'just',
]);

const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '}', '\u00bb']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u3000' || c === '\f' || c === '\v';
}
function isNewline(c: string): boolean {
  return c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
}
function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}
function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** The word (letters, digits and inner periods) that ends just before `end`. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0) {
    const c = text[i - 1]!;
    if (isLetter(c) || isDigit(c) || c === '.') i--;
    else break;
  }
  return text.slice(i, end);
}

/** The word that starts at `start` (letters only). */
function wordAt(text: string, start: number): string {
  let i = start;
  while (i < text.length && isLetter(text[i]!)) i++;
  return text.slice(start, i);
}

/**
 * Decides whether the run of terminal punctuation `text[at..runEnd)` closes a sentence, given that
 * `next` is the index of the first non-space character after it (on the same line).
 */
function endsSentence(text: string, at: number, runEnd: number, next: number): boolean {
  const run = text.slice(at, runEnd);
  const nextChar = text[next]!;
  const startsLower = isLower(nextChar);
  if (run.includes('?') || run.includes('!')) return !startsLower;
  // An ellipsis followed by a lower-case word goes on with the same sentence.
  if (run.length > 1 || run === '\u2026') return !startsLower;
  // A single period.
  const word = wordBefore(text, at);
  const lower = word.toLowerCase();
  if (word.length === 0) return !startsLower;
  if (isDigit(nextChar) && /^\d+$/.test(word)) return true; // "in 2015. 2016 was ..."
  if (startsLower) return false;
  if (word.includes('.')) {
    // "U.S.", "p.m.", "e.g.": a split only before a word that usually opens a sentence.
    return SENTENCE_OPENERS.has(wordAt(text, next).toLowerCase());
  }
  if (TITLE_ABBREVIATIONS.has(lower) && !CLOSING_ABBREVIATIONS.has(lower)) return false;
  // A single capital letter is an initial ("J. Smith"), except the pronoun-free cases like "Plan B."
  if (word.length === 1 && isUpper(word)) return SENTENCE_OPENERS.has(wordAt(text, next).toLowerCase());
  return true;
}

/**
 * Splits text into sentences with `[start, end)` offsets (shifted by `base`). Every line break ends a
 * sentence, so lines without final punctuation stand alone. Leading and trailing white space is left out
 * of each sentence; `text.slice(start - base, end - base)` is the sentence text. Linear in the input.
 */
export function splitSentences(text: string, base = 0): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = -1;
  const push = (from: number, to: number): void => {
    let a = from;
    let b = to;
    while (a < b && (isSpace(text[a]!) || isNewline(text[a]!))) a++;
    while (b > a && (isSpace(text[b - 1]!) || isNewline(text[b - 1]!))) b--;
    if (b > a) out.push({ span: [a + base, b + base], text: text.slice(a, b) });
  };
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (isNewline(c)) {
      if (start >= 0) push(start, i);
      start = -1;
      i++;
      continue;
    }
    if (start < 0) {
      if (isSpace(c)) {
        i++;
        continue;
      }
      start = i;
    }
    if (c === '.' || c === '!' || c === '?' || c === '\u2026') {
      let runEnd = i + 1;
      while (runEnd < n && (text[runEnd] === '.' || text[runEnd] === '!' || text[runEnd] === '?' || text[runEnd] === '\u2026')) runEnd++;
      let close = runEnd;
      while (close < n && CLOSERS.has(text[close]!)) close++;
      let next = close;
      while (next < n && isSpace(text[next]!)) next++;
      if (next >= n || isNewline(text[next]!)) {
        push(start, close);
        start = -1;
        i = next;
        continue;
      }
      if (next > close && endsSentence(text, i, runEnd, next)) {
        push(start, close);
        start = -1;
        i = next;
        continue;
      }
      i = runEnd;
      continue;
    }
    i++;
  }
  if (start >= 0) push(start, n);
  return out;
}
