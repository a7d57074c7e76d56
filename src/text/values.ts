import type { ClaimValue } from '../schema/classify.js';
import type { Token } from './tokenize.js';
import { isCapitalised } from './word-lists.js';
import { APPROX_AFTER, APPROX_BEFORE, CURRENCY_WORDS, MONTHS, NUMBER_WORDS, SCALES, SPELLED_UNIT_STOP, UNIT_STOP } from './value-words.js';

/** Parses "54,000" / "1.5" / "2016" to a number, or NaN. */
function parseDigits(s: string): number {
  const clean = s.replace(/,/g, '');
  return /^\d+(?:\.\d+)?$/.test(clean) ? Number(clean) : Number.NaN;
}

function isYear(n: number, raw: string): boolean {
  return /^\d{4}$/.test(raw) && n >= 1800 && n <= 2100;
}

/**
 * Finds numbers, percentages, money, quantities, dates, years and capitalised entities in a sentence's
 * tokens. Spans are relative to `text` (the string the tokens were made from).
 */
export function extractValues(text: string, toks: readonly Token[], options: { entities?: boolean } = {}): ClaimValue[] {
  const out: ClaimValue[] = [];
  const used = new Set<number>();
  const approxBefore = (i: number): boolean => {
    const a = toks[i - 1]?.lower ?? '';
    const b = toks[i - 2]?.lower ?? '';
    return APPROX_BEFORE.has(a) || APPROX_BEFORE.has(`${b} ${a}`) || a === '~';
  };
  const approxAfter = (j: number): boolean => {
    const a = toks[j]?.lower ?? '';
    const b = toks[j + 1]?.lower ?? '';
    return APPROX_AFTER.has(`${a} ${b}`) || APPROX_AFTER.has(a);
  };
  const push = (kind: ClaimValue['kind'], from: number, to: number, value: number | string, unit: string | null, approx: boolean): void => {
    const s = toks[from]!.start;
    const e = toks[to - 1]!.end;
    for (let k = from; k < to; k++) used.add(k);
    out.push({ kind, text: text.slice(s, e), span: [s, e], value, unit, approximate: approx });
  };

  for (let i = 0; i < toks.length; i++) {
    if (used.has(i)) continue;
    const t = toks[i]!;
    // Dates: "May 8, 1981", "May 1981", "8 May 1981".
    const month = MONTHS.get(t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower);
    if (month !== undefined && t.kind === 'word' && isCapitalised(t)) {
      const d = toks[i + 1];
      if (d && d.kind === 'number' && /^\d{1,2}(?:st|nd|rd|th)?$/.test(d.lower)) {
        const day = parseInt(d.lower, 10);
        let j = i + 2;
        if (toks[j]?.text === ',') j++;
        const y = toks[j];
        if (y && y.kind === 'number' && /^\d{4}$/.test(y.text) && day >= 1 && day <= 31) {
          push('date', i, j + 1, `${y.text}-${pad(month)}-${pad(day)}`, null, approxBefore(i));
          continue;
        }
      } else if (d && d.kind === 'number' && /^\d{4}$/.test(d.text)) {
        push('date', i, i + 2, `${d.text}-${pad(month)}`, null, approxBefore(i));
        continue;
      }
    }
    if (t.kind === 'number') {
      const dm = /^(\d{1,2})$/.exec(t.text);
      const m2 = toks[i + 1] ? MONTHS.get(toks[i + 1]!.lower) : undefined;
      const y2 = toks[i + 2];
      if (dm && m2 !== undefined && y2 && /^\d{4}$/.test(y2.text)) {
        push('date', i, i + 3, `${y2.text}-${pad(m2)}-${pad(parseInt(dm[1]!, 10))}`, null, approxBefore(i));
        continue;
      }
      // Decades: "the 1980s", "1980's".
      const dec = /^(\d{4})(?:'?s)$/.exec(t.lower.replace('\u2019', "'"));
      if (dec) {
        push('year', i, i + 1, Number(dec[1]), 'decade', true);
        continue;
      }
      const raw = t.text;
      let value = parseDigits(raw);
      if (Number.isNaN(value)) continue;
      const currencyBefore = toks[i - 1] && CURRENCY_WORDS.get(toks[i - 1]!.text);
      const from = currencyBefore ? i - 1 : i;
      let j = i + 1;
      const scale = toks[j] ? SCALES.get(toks[j]!.lower) : undefined;
      if (scale !== undefined) {
        value *= scale;
        j++;
      }
      if (scale === undefined && !currencyBefore && isYear(value, raw)) {
        const approx = approxBefore(i) || approxAfter(j);
        const end = approxAfter(j) ? j + (APPROX_AFTER.has(`${toks[j]?.lower ?? ''} ${toks[j + 1]?.lower ?? ''}`) ? 2 : 1) : j;
        push('year', i, end, value, null, approx);
        continue;
      }
      const approx = approxBefore(from) || approxAfter(j);
      if (currencyBefore) {
        push('money', from, j, value, currencyBefore, approx);
        continue;
      }
      const next = toks[j];
      if (next && (next.text === '%' || next.lower === 'percent' || next.lower === 'per' && toks[j + 1]?.lower === 'cent')) {
        push('percent', from, next.lower === 'per' ? j + 2 : j + 1, value, '%', approx);
        continue;
      }
      const cur = next ? CURRENCY_WORDS.get(next.lower) : undefined;
      if (cur) {
        push('money', from, j + 1, value, cur, approx);
        continue;
      }
      if (next && next.kind === 'word' && !UNIT_STOP.has(next.lower) && !isCapitalised(next)) {
        push('quantity', from, j + 1, value, next.lower, approx);
        continue;
      }
      // "U.S. troops" after the number: skip one capitalised word to reach the unit.
      const after = toks[j + 1];
      if (next && isCapitalised(next) && after && after.kind === 'word' && !isCapitalised(after) && !UNIT_STOP.has(after.lower)) {
        push('quantity', from, j + 2, value, after.lower, approx);
        continue;
      }
      push('number', from, j, value, null, approx);
      continue;
    }
    // Spelled numbers: "twelve vessels", "twenty-five people", "two million people", "ten trillion yen", "five percent".
    // (Both pure: the rarer test first, so most words never ask what came before them.)
    const sp = t.kind === 'word' && (!isCapitalised(t) || i === 0 || toks[i - 1]!.kind === 'punct') ? spelledAt(toks, i) : null;
    if (sp && !afterCount(toks, i)) {
      const j = sp.end;
      const next = toks[j];
      const approx = approxBefore(i) || approxAfter(j);
      const perCent = next?.lower === 'per' && toks[j + 1]?.lower === 'cent';
      if (next && (next.lower === 'percent' || next.text === '%' || perCent)) push('percent', i, perCent ? j + 2 : j + 1, sp.value, '%', approx);
      else if (next && CURRENCY_WORDS.get(next.lower)) push('money', i, j + 1, sp.value, CURRENCY_WORDS.get(next.lower)!, approx);
      else if (!sp.weak && next && isSpelledUnit(next)) push('quantity', i, j + 1, sp.value, next.lower, approx);
      else if (sp.scaled) push('number', i, j, sp.value, null, approx);
    }
  }
  if (options.entities !== false) {
    // Runs of capitalised words that do not open the sentence (or do, when two or more long).
    for (let i = 0; i < toks.length; i++) {
      if (used.has(i)) continue;
      const t = toks[i]!;
      if (t.kind !== 'word' || !isCapitalised(t) || ENTITY_SKIP.has(t.lower) || MONTHS.has(t.lower)) continue;
      let j = i + 1;
      while (j < toks.length && !used.has(j)) {
        const u = toks[j]!;
        if (u.kind === 'word' && isCapitalised(u) && !MONTHS.has(u.lower)) j++;
        else if ((u.lower === 'of' || u.lower === 'for' || u.lower === '-') && toks[j + 1] && isCapitalised(toks[j + 1]!) && j + 1 - i <= 4) j += 2;
        else break;
      }
      const sentenceStart = i === 0 || /^["'(\u201c\u2018]$/.test(toks[i - 1]!.text) && i === 1;
      if (sentenceStart && j - i < 2 && t.text.length < 2) {
        i = j - 1;
        continue;
      }
      if (sentenceStart && j - i < 2 && !/[A-Z].*[A-Z]/.test(t.text)) {
        i = j - 1;
        continue;
      }
      // Drop a possessive "'s" from the value.
      const s = toks[i]!.start;
      const e = toks[j - 1]!.end;
      const name = text.slice(s, e).replace(/['\u2019]s$/, '');
      out.push({ kind: 'entity', text: text.slice(s, e), span: [s, e], value: name, unit: null, approximate: false });
      i = j - 1;
    }
  }
  out.sort((a, b) => a.span[0] - b.span[0]);
  return out;
}

const ENTITY_SKIP = new Set([
  'i', 'i\'m', 'i\'ve', 'i\'ll', 'i\'d', 'the', 'a', 'an', 'this', 'that', 'it', 'he', 'she', 'we', 'they', 'you',
  'but', 'and', 'or', 'so', 'if', 'when', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'in', 'on', 'at',
]);

/** Tens that take a ones word after them: "twenty-five", "forty two". */
const TENS = new Set([20, 30, 40, 50, 60, 70, 80, 90]);

/** 1..9 for "one".."nine" (never the article "a"), else undefined. */
function onesOf(lower: string): number | undefined {
  const n = lower === 'a' ? undefined : NUMBER_WORDS.get(lower);
  return n !== undefined && n <= 9 ? n : undefined;
}

/**
 * A number from 1 to 99 starting at `toks[i]`: "twelve", "twenty-five" (one token: the tokenizer keeps a hyphen
 * between letters), "forty two" (two tokens), with the index after it. Not "a", "hundred" or "dozen".
 */
function smallAt(toks: readonly Token[], i: number): { value: number; end: number } | null {
  const t = toks[i];
  if (!t || t.kind !== 'word') return null;
  const dash = t.lower.indexOf('-');
  if (dash > 0) {
    const tens = NUMBER_WORDS.get(t.lower.slice(0, dash));
    const ones = onesOf(t.lower.slice(dash + 1));
    return tens !== undefined && TENS.has(tens) && ones !== undefined ? { value: tens + ones, end: i + 1 } : null;
  }
  const n = t.lower === 'a' || t.lower === 'hundred' || t.lower === 'dozen' ? undefined : NUMBER_WORDS.get(t.lower);
  if (n === undefined) return null;
  const next = toks[i + 1];
  const ones = TENS.has(n) && next?.kind === 'word' ? onesOf(next.lower) : undefined;
  return ones !== undefined ? { value: n + ones, end: i + 2 } : { value: n, end: i + 1 };
}

/** A spelled cardinal read by `spelledAt`. */
interface Spelled {
  value: number;
  /** Index of the token after the number. */
  end: number;
  /** A multiplier was read: "a dozen", "two hundred", "three million". */
  scaled: boolean;
  /** A bare "one" or "a": a pronoun or an article far more often than a count, so never a quantity. */
  weak: boolean;
}

/**
 * A spelled cardinal starting at `toks[i]`: "twelve", "forty two", "a dozen", "two hundred and fifty",
 * "twenty-five million", "hundred thousand", or null. Scales are whole words here ("ten m" is ten metres).
 */
function spelledAt(toks: readonly Token[], i: number): Spelled | null {
  const first = toks[i]!.lower;
  const small = first === 'a' || first === 'hundred' || first === 'dozen' ? { value: NUMBER_WORDS.get(first)!, end: i + 1 } : smallAt(toks, i);
  if (!small) return null;
  let value = small.value;
  let j = small.end;
  let scaled = false;
  const at = (k: number): string => toks[k]?.lower ?? '';
  if (at(j) === 'dozen' && value < 100 && first !== 'dozen') {
    value *= 12;
    j++;
    scaled = true;
  } else {
    if (at(j) === 'hundred' && value < 100 && first !== 'hundred') {
      value *= 100;
      j++;
      scaled = true;
      // "two hundred and fifty", "a hundred one".
      const rest = smallAt(toks, at(j) === 'and' ? j + 1 : j);
      if (rest) {
        value += rest.value;
        j = rest.end;
      }
    }
    const big = SCALES.get(at(j));
    if (big !== undefined && big > 100 && at(j).length > 2) {
      value *= big;
      j++;
      scaled = true;
    }
  }
  const weak = !scaled && (first === 'a' || first === 'one');
  return { value, end: j, scaled, weak };
}

/**
 * True when the spelled number at `toks[i]` is the second term of a ratio or a run ("nine out of ten
 * doctors", "one in five adults", "nine eleven"): it does not count the word after it.
 */
function afterCount(toks: readonly Token[], i: number): boolean {
  const prev = toks[i - 1];
  if (!prev) return false;
  const spelled = (t: Token | undefined): boolean => t !== undefined && ((t.lower !== 'a' && NUMBER_WORDS.has(t.lower)) || smallAt([t], 0) !== null);
  if (spelled(prev)) return true;
  if (prev.lower === 'in') return toks[i - 2]?.kind === 'number' || spelled(toks[i - 2]);
  return prev.lower === 'of' && toks[i - 2]?.lower === 'out';
}

/** True when `t` can be the unit of a spelled number: a plain lower-case word that is not a number, a scale or a function word. */
function isSpelledUnit(t: Token): boolean {
  return t.kind === 'word' && !isCapitalised(t) && !t.lower.includes("'") && !UNIT_STOP.has(t.lower) && !SPELLED_UNIT_STOP.has(t.lower) &&
    !SCALES.has(t.lower) && !NUMBER_WORDS.has(t.lower) && smallAt([t], 0) === null;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
