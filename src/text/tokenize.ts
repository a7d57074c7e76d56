import emoticons from 'wink-sentiment/src/emoticons.js';
import vader from '../classify/sentiment/lexicon-vader.json' with { type: 'json' };

/** What a token is. */
export type TokenKind = 'word' | 'emoji' | 'emoticon' | 'hashtag' | 'mention' | 'url' | 'number' | 'punct';

/** A token with its `[start, end)` place in the tokenized text. */
export interface Token {
  kind: TokenKind;
  /** The text as written. */
  text: string;
  /** Lower-cased, curly apostrophes made straight ("Don’t" -> "don't"). */
  lower: string;
  /** Lower-cased, apostrophes removed ("Don't" -> "dont"): the lexicon key. */
  norm: string;
  start: number;
  end: number;
}

// Emoticons are literal strings; longest first so ":-)" wins over ":-".
const EMOTICONS = [...Object.keys(emoticons), ...Object.keys(vader.emoticons)].sort((a, b) => b.length - a.length);
const EMOTICON_FIRST = new Set(EMOTICONS.map((e) => e[0]!));

// One alternation per token kind, tried in order at each place. Every branch is a single character class
// run or a literal, with no nested quantifiers, so matching is linear.
const TOKEN_RE =
  /(https?:\/\/[^\s]+|www\.[^\s]+)|([#][\p{L}\p{N}_]+)|(@[\p{L}\p{N}_]+)|(\p{N}+(?:[.,:]\p{N}+)*%?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['\u2019\-][\p{L}\p{M}\p{N}]+)*)|(\p{Extended_Pictographic}|\p{Regional_Indicator}{2})|([!?.,;:\u2026\u2014\u2013"*()\[\]/]+|[^\s\p{L}\p{N}])/gu;

const APOSTROPHES = /['\u2019]/g;

const CURLY = /\u2019/g;

/** The `lower` form of a token: lower-cased, curly apostrophes made straight ("Don’t" -> "don't"). */
export function lowerOf(raw: string): string {
  const lower = raw.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(CURLY, "'") : lower;
}

/** The `norm` form of a word: lower-cased, apostrophes removed ("Don't" -> "dont"). */
export function normOf(raw: string): string {
  const lower = raw.toLowerCase();
  return lower.includes("'") || lower.includes('\u2019') ? lower.replace(APOSTROPHES, '') : lower;
}

/** Splits `text` into words, numbers, emoji, emoticons, hashtags, URLs and punctuation runs, keeping offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // One shared regex: its lastIndex is reset here and the loop never yields or calls out, so no call can
  // see another's position (compiling a fresh copy per call cost a third of the time).
  const re = TOKEN_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    if (m[7] !== undefined && EMOTICON_FIRST.has(text[start]!)) {
      const emo = emoticonAt(text, start);
      if (emo) {
        out.push({ kind: 'emoticon', text: emo, lower: emo, norm: emo, start, end: start + emo.length });
        re.lastIndex = start + emo.length;
        continue;
      }
    }
    const raw = m[0];
    const end = start + raw.length;
    if (m[1] !== undefined) out.push({ kind: 'url', text: raw, lower: lowerOf(raw), norm: raw, start, end });
    else if (m[2] !== undefined) out.push({ kind: 'hashtag', text: raw, lower: lowerOf(raw), norm: raw.slice(1).toLowerCase(), start, end });
    else if (m[3] !== undefined) out.push({ kind: 'mention', text: raw, lower: lowerOf(raw), norm: raw.toLowerCase(), start, end });
    else if (m[4] !== undefined) out.push({ kind: 'number', text: raw, lower: raw, norm: raw, start, end });
    else if (m[5] !== undefined) {
      const lower = lowerOf(raw);
      out.push({ kind: 'word', text: raw, lower, norm: lower.includes("'") ? lower.replace(APOSTROPHES, '') : lower, start, end });
    } else if (m[6] !== undefined) out.push({ kind: 'emoji', text: raw, lower: raw, norm: raw, start, end });
    else out.push({ kind: 'punct', text: raw, lower: raw, norm: raw, start, end });
  }
  return out;
}

/** The emoticon starting at `at`, when it is not glued to a following letter or digit (":Daily" is no emoticon). */
function emoticonAt(text: string, at: number): string | null {
  for (const e of EMOTICONS) {
    if (text.startsWith(e, at)) {
      const next = text.codePointAt(at + e.length);
      if (next !== undefined && /[\p{L}\p{N}]/u.test(String.fromCodePoint(next))) continue;
      return e;
    }
  }
  return null;
}
