import type { ClaimValue } from '../../schema/classify.js';
import { isCapitalised, type Token } from './tokens.js';
import { APPROX_AFTER, APPROX_BEFORE, CURRENCY_WORDS, MONTHS, NUMBER_WORDS, SCALES, UNIT_STOP } from './lexicon.js';

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
    const month = MONTHS.get(t.lower.replace(/\.$/, ''));
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
    // Spelled numbers followed by a scale or unit: "ten trillion yen", "two million people", "five percent".
    const wn = NUMBER_WORDS.get(t.lower);
    if (wn !== undefined && t.kind === 'word') {
      let value = wn;
      let j = i + 1;
      const scale = toks[j] ? SCALES.get(toks[j]!.lower) : undefined;
      if (scale !== undefined) {
        value *= scale;
        j++;
      }
      const next = toks[j];
      const approx = approxBefore(i) || approxAfter(j);
      if (next && (next.lower === 'percent' || next.text === '%')) push('percent', i, j + 1, value, '%', approx);
      else if (next && CURRENCY_WORDS.get(next.lower)) push('money', i, j + 1, value, CURRENCY_WORDS.get(next.lower)!, approx);
      else if (scale !== undefined) push('number', i, j, value, null, approx);
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

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
