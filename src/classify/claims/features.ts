/**
 * Surface features for the check-worthiness model, on top of the cue features in index.ts: number shapes
 * (a year, a small count, a large count, a decimal) alone and next to their neighbour ("<year>" after "in",
 * "<n3> million", "$ <n2>"), a few punctuation marks, light lemmas ("voted" -> "vote"), how many capitalised
 * words follow the first (names, places, bills), a length bucket and the opening words. Each one generalises
 * beyond the sentences it was learnt on: "in 1998" and "in 2016" share "in <year>". Cheap: one pass over the
 * tokens, no regex over the sentence.
 */
import type { Token } from '../../text/tokenize.js';
import { lemma } from '../../text/lemma.js';
import { isCapitalised } from '../../text/word-lists.js';

const MARKS = new Set(['%', '$', '"', '\u201c', '\u201d', ':', ';', '-', '\u2014', '!']);

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** The shape of a number token (`<year>`, `<ord>`, `<decade>`, `<dec>`, `<n1>` .. `<n5>`); other tokens as written, lower-cased. */
export function numberShape(t: Token): string {
  if (t.kind !== 'number') return t.lower;
  const c = t.text.replace(/,/g, '');
  const tail = t.lower.slice(-2);
  if (c.length === 4 && isDigits(c) && (c.startsWith('18') || c.startsWith('19') || c.startsWith('20'))) return '<year>';
  if ((tail === 'st' || tail === 'nd' || tail === 'rd' || tail === 'th') && isDigits(t.lower.slice(0, -2))) return '<ord>';
  if (t.lower.endsWith('s') && isDigits(t.lower.slice(0, -1))) return '<decade>';
  if (c.includes('.')) return '<dec>';
  if (!isDigits(c)) return '<numw>';
  const n = Number(c);
  return n < 10 ? '<n1>' : n < 100 ? '<n2>' : n < 1e4 ? '<n3>' : '<n5>';
}

/** Appends the surface features of one sentence's tokens to `out`. */
export function pushSurfaceFeatures(toks: readonly Token[], words: readonly Token[], out: string[]): void {
  // Number shapes, and shape bigrams over words plus "%" and "$".
  const shapes: string[] = [];
  for (const t of toks) {
    if (t.kind === 'punct') {
      if (MARKS.has(t.text)) out.push(`p:${t.text}`);
      if (t.text === '%' || t.text === '$') shapes.push(t.text);
      continue;
    }
    const s = numberShape(t);
    if (s.startsWith('<')) out.push(`s:${s}`);
    shapes.push(s);
  }
  for (let i = 0; i + 1 < shapes.length; i++) {
    const a = shapes[i]!;
    const b = shapes[i + 1]!;
    if (a.startsWith('<') || b.startsWith('<') || a === '$' || b === '%') out.push(`sb:${a} ${b}`);
  }
  // Light lemmas, where they differ from the word.
  for (const w of words) {
    const l = lemma(w.lower);
    if (l !== w.lower) out.push(`l:${l}`);
  }
  // Capitalised words after the first (names, places, bills) and length, both bucketed.
  let caps = 0;
  for (let i = 1; i < words.length; i++) if (words[i]!.kind === 'word' && isCapitalised(words[i]!)) caps++;
  out.push(`c:${Math.min(caps, 4)}`, `len:${Math.min(8, Math.floor(words.length / 5))}`);
  // Opening words ("So", "Well", "I think", "We have").
  out.push(`p0:${words[0]?.lower ?? ''}`);
  if (words[1]) out.push(`p01:${words[0]!.lower} ${words[1].lower}`);
}
