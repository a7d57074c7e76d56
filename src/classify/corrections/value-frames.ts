/**
 * Values the claim reader leaves out that corrections compare (session 27, values27): a frequency ("every 20
 * minutes", "twice a week", "once a month"), a fraction as a share ("half the team", "two thirds of"), and a vague
 * count ("a couple of days"). Closed classes only (value-words.ts). Each is normalised so that two values of one kind
 * compare and values of different kinds never do:
 *
 * - a frequency is a `quantity` with unit `FREQUENCY_UNIT`, valued in occasions per day, under its own key (`f:`);
 * - a fraction is an approximate `percent` (half 50), so it compares with a percentage ("under 10%" against "half");
 * - "a couple of X" is an approximate `quantity` 2 of unit X.
 *
 * A change read as a ratio ("doubled", "went up 40%") was measured and not shipped (docs/corrections.md, session 27).
 * The claims step does not read these (its values are part of the output contract); only the corrections' units do.
 */
import type { ClaimValue } from '../../schema/classify.js';
import { NUMBER_WORDS } from '../../text/number-words.js';
import type { Token } from '../../text/tokenize.js';
import { APPROX_BEFORE, FRACTION_OF, FRACTION_WORDS, OCCASION_WORDS, SPELLED_UNIT_STOP, TIME_UNIT_DAYS, UNIT_STOP } from '../../text/value-words.js';
import { isCapitalised } from '../../text/word-lists.js';

/** The unit of a frequency (occasions per day). Not a word, so no written unit ever equals it. */
export const FREQUENCY_UNIT = '/day';
/** True for a value this module reads as a rate (compared only with values of the same unit). */
export function isFrameValue(v: ClaimValue): boolean {
  return v.unit === FREQUENCY_UNIT;
}

/** A count written in digits or as one number word ("20", "two", "twenty-five"), with the index after it. */
function countAt(toks: readonly Token[], i: number): { value: number; end: number } | null {
  const t = toks[i];
  if (!t) return null;
  if (t.kind === 'number') return /^\d+(?:\.\d+)?$/.test(t.text) ? { value: Number(t.text), end: i + 1 } : null;
  if (t.kind !== 'word') return null;
  const dash = t.lower.indexOf('-');
  if (dash > 0) {
    const tens = NUMBER_WORDS.get(t.lower.slice(0, dash));
    const ones = NUMBER_WORDS.get(t.lower.slice(dash + 1));
    return tens !== undefined && tens >= 20 && tens % 10 === 0 && ones !== undefined && ones <= 9 ? { value: tens + ones, end: i + 1 } : null;
  }
  const n = t.lower === 'hundred' || t.lower === 'dozen' ? undefined : NUMBER_WORDS.get(t.lower);
  return n === undefined ? null : { value: n, end: i + 1 };
}

function approxAt(toks: readonly Token[], i: number): boolean {
  const a = toks[i - 1]?.lower ?? '';
  const b = toks[i - 2]?.lower ?? '';
  return APPROX_BEFORE.has(a) || APPROX_BEFORE.has(`${b} ${a}`);
}

/**
 * Reads the frequencies, fractions and vague counts of this module in a sentence's tokens (punctuation included). Spans are relative to `text`.
 * `existing` are the values read already (sorted): a count or quantity inside a frequency ("20 minutes" of "every 20
 * minutes") is its period, not an amount, and is returned in `covered` to be dropped.
 */
export function frameValues(text: string, toks: readonly Token[], existing: readonly ClaimValue[]): { values: ClaimValue[]; covered: Set<number> } {
  const values: ClaimValue[] = [];
  const covered = new Set<number>();
  const push = (kind: ClaimValue['kind'], from: number, to: number, value: number, unit: string, approximate: boolean): void => {
    const s = toks[from]!.start;
    const e = toks[to - 1]!.end;
    values.push({ kind, text: text.slice(s, e), span: [s, e], value: Math.round(value * 10000) / 10000, unit, approximate });
    if (unit === FREQUENCY_UNIT) existing.forEach((v, vi) => {
      if (v.span[0] >= s && v.span[1] <= e && (v.kind === 'quantity' || v.kind === 'number')) covered.add(vi);
    });
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'punct') continue;
    const lower = t.lower;
    // "every 20 minutes", "every half hour", "every other week", "every day".
    if (lower === 'every') {
      let j = i + 1;
      let n = 1;
      const c = countAt(toks, j);
      if (c) {
        n = c.value;
        j = c.end;
      } else if (toks[j]?.lower === 'other') {
        n = 2;
        j++;
      } else if (toks[j]?.lower === 'half') {
        n = 0.5;
        j += toks[j + 1]?.lower === 'an' ? 2 : 1;
      }
      const days = TIME_UNIT_DAYS.get(toks[j]?.lower ?? '');
      if (days !== undefined && n > 0) {
        push('quantity', i, j + 1, 1 / (n * days), FREQUENCY_UNIT, approxAt(toks, i));
        i = j;
        continue;
      }
    }
    // "twice a week", "once per month", "three times a day", "5 times every year".
    const occasion = OCCASION_WORDS.get(lower);
    const count = occasion === undefined ? countAt(toks, i) : null;
    if (occasion !== undefined || (count && toks[count.end]?.lower === 'times')) {
      const n = occasion ?? count!.value;
      const j = occasion !== undefined ? i + 1 : count!.end + 1;
      const per = toks[j]?.lower ?? '';
      const days = TIME_UNIT_DAYS.get(toks[j + 1]?.lower ?? '');
      if ((per === 'a' || per === 'an' || per === 'per' || per === 'each' || per === 'every') && days !== undefined && n > 0) {
        push('quantity', i, j + 2, n / days, FREQUENCY_UNIT, approxAt(toks, i));
        i = j + 1;
        continue;
      }
    }
    // "half the team", "a third of", "two thirds of", "one quarter of".
    const share = FRACTION_WORDS.get(lower);
    if (share !== undefined && FRACTION_OF.has(toks[i + 1]?.lower ?? '') && !isCapitalised(toks[i + 1]!)) {
      const before = toks[i - 1]?.lower ?? '';
      const plural = lower.endsWith('s');
      const numerator = plural ? NUMBER_WORDS.get(before) : before === 'a' || before === 'one' ? 1 : undefined;
      if (lower === 'half' && before !== 'a') {
        push('percent', i, i + 1, 50, '%', true);
        continue;
      }
      if (numerator !== undefined && numerator >= 1 && numerator <= 9 && (plural ? numerator > 1 : true)) {
        push('percent', i - 1, i + 1, numerator * share, '%', true);
        continue;
      }
    }
    // "two-thirds of" written as one word.
    const dash = lower.indexOf('-');
    if (dash > 0 && FRACTION_OF.has(toks[i + 1]?.lower ?? '')) {
      const num = NUMBER_WORDS.get(lower.slice(0, dash));
      const part = FRACTION_WORDS.get(lower.slice(dash + 1));
      if (num !== undefined && num >= 1 && num <= 9 && part !== undefined && part !== 50) {
        push('percent', i, i + 1, num * part, '%', true);
        continue;
      }
    }
    // "a couple of days".
    if (lower === 'a' && toks[i + 1]?.lower === 'couple' && toks[i + 2]?.lower === 'of') {
      const unit = toks[i + 3];
      if (unit && unit.kind === 'word' && !isCapitalised(unit) && !unit.lower.includes("'") && !UNIT_STOP.has(unit.lower) &&
        (!SPELLED_UNIT_STOP.has(unit.lower) || TIME_UNIT_DAYS.has(unit.lower)) && NUMBER_WORDS.get(unit.lower) === undefined) {
        push('quantity', i, i + 4, 2, unit.lower, true);
        i += 3;
        continue;
      }
    }
  }
  return { values, covered };
}
