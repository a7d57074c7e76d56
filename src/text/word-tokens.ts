/**
 * The one tokenizer's tokens (./tokenize.ts) regrouped for reading words and values, the view claims,
 * corrections, stance and targets read: every mark is one character (", not ,"), "%" stands apart from its
 * number, initialisms ("U.S.", "e.g.") and numbers with letters glued on ("10th", "5pm", "90's") are one
 * token, a hashtag or mention is its mark and its word, and emoji and emoticons are marks. Only three kinds
 * remain: `word`, `number` and `punct`. One linear pass over the tokens; offsets are kept.
 */
import { lowerOf, normOf, tokenize, type Token } from './tokenize.js';

function mark(text: string, start: number): Token {
  return { kind: 'punct', text, lower: text, norm: text, start, end: start + text.length };
}

function word(kind: 'word' | 'number', text: string, start: number): Token {
  return { kind, text, lower: lowerOf(text), norm: normOf(text), start, end: start + text.length };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Characters of `t` as marks, with runs of ASCII digits as numbers and runs of letters as words (":D", "8)"). */
function splitChars(t: Token, out: Token[]): void {
  let i = 0;
  const s = t.text;
  while (i < s.length) {
    const c = s[i]!;
    const kind = isDigit(c) ? 'number' : c.toLowerCase() !== c.toUpperCase() ? 'word' : null;
    if (kind === null) {
      // Surrogate pairs stay one mark so spans never split a character.
      const w = s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdbff && i + 1 < s.length ? 2 : 1;
      out.push(mark(s.slice(i, i + w), t.start + i));
      i += w;
      continue;
    }
    let j = i + 1;
    while (j < s.length && (kind === 'number' ? isDigit(s[j]!) : s[j]!.toLowerCase() !== s[j]!.toUpperCase())) j++;
    out.push(word(kind, s.slice(i, j), t.start + i));
    i = j;
  }
}

/** A number token ("3:15", "50%") as numbers and marks: only "," and "." join digits. */
function splitNumber(t: Token, out: Token[]): void {
  const s = t.text;
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = s[i];
    if (c !== ':' && c !== '%' && i < s.length) continue;
    if (i > from) out.push(word('number', s.slice(from, i), t.start + from));
    if (c !== undefined) out.push(mark(c, t.start + i));
    from = i + 1;
  }
}

// The word view of the last texts asked for. A post's text, its sentences, its parent's text and the article's
// title are each read by several steps (claims, corrections, stance, targets), which called this up to ten
// times per post on the same strings. Bounded, so memory does not grow with the input; the arrays and tokens
// handed out are frozen, so no caller can change what another one reads.
const RECENT = 64;
const recent = new Map<string, readonly Token[]>();

/**
 * The words, numbers and one-character marks of `text`, with `[start, end)` offsets (frozen: shared between
 * callers). `tokens`: `tokenize(text)` when the caller has it already; `owned`: those tokens were made for this
 * call alone (nobody else holds them), so they are frozen and handed out as they are instead of copied.
 */
export function wordTokens(text: string, tokens?: readonly Token[], owned = false): readonly Token[] {
  const hit = recent.get(text);
  if (hit !== undefined) return hit;
  // Tokens handed in belong to the caller (a TextAnalysis): copied before they are frozen, unless they are the caller's own.
  const out = tokens === undefined ? readWords(tokenize(text), false) : readWords(tokens, !owned);
  for (const t of out) Object.freeze(t);
  Object.freeze(out);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(text, out);
  return out;
}

function readWords(tokens: readonly Token[], copy: boolean): Token[] {
  const flat: Token[] = [];
  for (const t of tokens) {
    if (t.kind === 'word') flat.push(copy ? { kind: t.kind, text: t.text, lower: t.lower, norm: t.norm, start: t.start, end: t.end } : t); // a literal: the same shape as every other token (a spread copy is not)
    else if (t.kind === 'number') splitNumber(t, flat);
    else if (t.kind === 'url') flat.push(word('word', t.text, t.start));
    else if (t.kind === 'hashtag' || t.kind === 'mention') {
      // "#", "@" and "_" are marks; the parts between them are words or numbers.
      let from = 0;
      for (let i = 0; i <= t.text.length; i++) {
        const c = t.text[i];
        if (c !== undefined && c !== '_' && i > 0) continue;
        if (i > from) flat.push(word(isDigit(t.text[from]!) ? 'number' : 'word', t.text.slice(from, i), t.start + from));
        if (c !== undefined) flat.push(mark(c, t.start + i));
        from = i + 1;
      }
    } else splitChars(t, flat);
  }
  return joinGlued(flat);
}

/** Joins initialisms ("U" "." "S" "." -> "U.S.") and numbers with glued letters ("10" "th", "90" "'" "s"). */
function joinGlued(toks: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    let j = i;
    let end = t.end;
    if (t.kind === 'word') {
      // "U.S.", "e.g.", "Ph.D.": a period, one glued letter, a period; the last period is kept too.
      while (isPeriod(toks[j + 1], end) && isLetter1(toks[j + 2], end + 1) && isPeriod(toks[j + 3], end + 2)) {
        j += 2;
        end = toks[j]!.end;
      }
      if (j > i) {
        j++;
        end = toks[j]!.end;
      }
    } else if (t.kind === 'number' && !t.text.includes('%')) {
      const next = toks[j + 1];
      if (next && next.kind === 'word' && next.start === end) {
        // "12th-century": the letters up to a hyphen join the number; the rest is a mark and a word.
        const cut = next.text.indexOf('-');
        if (cut > 0) {
          out.push(word('number', t.text + next.text.slice(0, cut), t.start));
          out.push(mark('-', next.start + cut));
          out.push(word('word', next.text.slice(cut + 1), next.start + cut + 1));
          i++;
          continue;
        }
        j++;
        end = next.end;
      } else if (next && (next.text === "'" || next.text === '\u2019') && next.start === end && toks[j + 2]?.kind === 'word' && toks[j + 2]!.start === next.end) {
        j += 2;
        end = toks[j]!.end;
      }
    }
    if (j === i) {
      out.push(t);
      continue;
    }
    const text = toks.slice(i, j + 1).map((u) => u.text).join('');
    out.push(word(t.kind === 'number' ? 'number' : 'word', text, t.start));
    i = j;
  }
  return out;
}

function isPeriod(t: Token | undefined, at: number): boolean {
  return t !== undefined && t.text === '.' && t.start === at;
}

function isLetter1(t: Token | undefined, at: number): boolean {
  return t !== undefined && t.kind === 'word' && t.start === at && t.text.length === 1;
}
