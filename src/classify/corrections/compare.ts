/**
 * Comparisons shared by the correction detectors: whether two values differ, which words two sentences
 * share, and which sentence of an answered post a reply speaks to.
 */
import type { ClaimValue, Correction } from '../../schema/classify.js';
import { isCapitalised, isContent, isNegator } from '../../text/word-lists.js';
import { unitKey } from './paraphrase.js';
import { affinity } from './self.js';
import type { Candidate, CorrectionPost, ThreadIndex } from './thread-index.js';
import { isDateValue, makeUnit, valueKeys, type Unit } from './units.js';

/** Shared content lemmas of two sentences, and how many of them are lower-case (not names) in both. */
export function sharedWords(post: Unit, target: Unit): { shared: string[]; common: number } {
  const shared: string[] = [];
  let common = 0;
  for (const lemma of post.content) {
    if (!target.content.has(lemma)) continue;
    shared.push(lemma);
    if (!post.capital.has(lemma) && !target.capital.has(lemma)) common++;
  }
  return { shared, common };
}

/** How far apart two approximate years may be and still be the same. */
const YEAR_TOLERANCE_APPROX = 1;

/** True when two numbers of one kind differ (approximate values: one year, 15%; amounts 100 times apart are other quantities). */
export function differentAmount(a: number, b: number, approximate: boolean, kind: string): boolean {
  if (kind === 'year' || kind === 'date') return approximate ? Math.abs(a - b) > YEAR_TOLERANCE_APPROX : a !== b;
  // Amounts a hundred times apart ("£50 more a year" and "£52m") are not the same quantity.
  const smaller = Math.min(Math.abs(a), Math.abs(b));
  if (smaller > 0 && Math.max(Math.abs(a), Math.abs(b)) / smaller > 100) return false;
  const tolerance = approximate ? 0.15 : 0.02;
  return Math.abs(a - b) > tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** True when two comparable values differ (approximate values: one year, 15%). */
export function differs(a: ClaimValue, b: ClaimValue): boolean {
  const keysA = valueKeys(a);
  const keysB = valueKeys(b);
  if (keysA.length === 0 || keysB.length === 0) return false;
  if (isDateValue(a) && isDateValue(b)) {
    const yearA = parseInt(String(a.value), 10);
    const yearB = parseInt(String(b.value), 10);
    if (Number.isFinite(yearA) && Number.isFinite(yearB)) return differentAmount(yearA, yearB, a.approximate || b.approximate, 'year');
    return !keysA.some((k) => keysB.includes(k));
  }
  if (typeof a.value !== 'number' || typeof b.value !== 'number') return !keysA.some((k) => keysB.includes(k));
  return differentAmount(a.value, b.value, a.approximate || b.approximate, a.kind);
}

/** True when both sentences state the same amount (not a year; never a value about the writer's own life). */
export function sharedFigure(post: Unit, target: Unit): boolean {
  return post.keys.some((keys, vi) => !post.personal.has(vi) && keys.some((k) => !k.startsWith('y:') && target.keys.some((tk, ti) => !target.personal.has(ti) && tk.includes(k))));
}

/** True when a sentence has a capitalised content word (a name), the first word included ("Trump told ..."). */
export function namesSomeone(u: Unit): boolean {
  return u.capital.size > 0 || (u.words[0] !== undefined && isCapitalised(u.words[0]) && isContent(u.words[0]));
}

const HYPOTHETICAL = new Set(['if', 'whether', 'would', 'could', 'might', 'should', 'may', 'asked', 'wonder', 'wondered', 'maybe', 'perhaps']);

/** True when a conditional, modal or question word stands within six words before word `i`. */
export function hypotheticalBefore(u: Unit, i: number): boolean {
  for (let k = Math.max(0, i - 6); k < i; k++) if (HYPOTHETICAL.has(u.words[k]!.lower)) return true;
  return false;
}

/** The quoted words of a sentence as a unit ("'highest turnout in twenty years' is wrong"), or null. */
export function quotedUnit(u: Unit): Unit | null {
  const quote = /["\u201c]([^"\u201d]{3,200})["\u201d]/.exec(u.text);
  if (!quote) return null;
  const start = u.span[0] + quote.index + 1;
  return makeUnit(quote[1]!, [start, start + quote[1]!.length], u.paraphrases);
}

/**
 * The sentence of the answered post a marker reply corrects: the one carrying that post's own correction,
 * else the one closest to what follows the marker, else its first.
 */
export function answeredSentence(parent: CorrectionPost, probe: Unit, corrections: readonly Correction[] | undefined, index: ThreadIndex, sentence: Unit): Candidate | null {
  const candidates = index.sentencesOf(parent).map((i) => index.cands[i]!);
  for (const correction of corrections ?? []) {
    for (const e of correction.evidence) {
      const hit = candidates.find((x) => x.abs[0] <= e.span[0] && e.span[1] <= x.abs[1]);
      if (hit) return hit;
    }
  }
  let top: Candidate | null = null;
  let topScore = 0;
  for (const candidate of candidates) {
    const score = affinity(probe, candidate.unit) + affinity(sentence, candidate.unit);
    if (score > topScore) {
      top = candidate;
      topScore = score;
    }
  }
  return top ?? candidates[0] ?? null;
}

/** Openers that agree with the post replied to ("Exactly, and ..."). */
export const AGREE = new Set(['yes', 'yeah', 'yep', 'exactly', 'right', 'correct', 'true', 'indeed', 'agreed', 'agree']);

/**
 * True when word `i` opens a negation's scope: negated, with only function words between the negator and it
 * ("wasn't 6-1", "not even 5-2"), so the negation denies that word itself, not a predicate before it ("Nobody judged
 * Falcon 1": the judging is denied, not the 1).
 */
export function opensNegation(u: Unit, i: number): boolean {
  if (i <= 0 || !u.negated.has(i) || u.described.has(i)) return false;
  let k = i - 1;
  while (k > 0 && !isNegator(u.words[k]!)) k--;
  return isNegator(u.words[k]!) && !u.words.slice(k + 1, i).some((w) => isContent(w));
}

type Value = ClaimValue;

/** True when two values fill the same kind of slot: both dates or years, or amounts of one kind and unit. */
export function sameSlot(a: Value, b: Value, paraphrases: Unit['paraphrases']): boolean {
  if (a.kind === 'entity' || b.kind === 'entity' || a.unit === 'decade' || b.unit === 'decade') return false;
  if (isDateValue(a) || isDateValue(b)) return isDateValue(a) && isDateValue(b);
  return a.kind === b.kind && a.kind !== 'number' && unitKey(a.unit, paraphrases) === unitKey(b.unit, paraphrases);
}

/** True when two values of one slot differ; two dates that both name a month differ by month ("3 March 2025", "May 2025"). */
export function slotDiffers(a: Value, b: Value): boolean {
  if (isDateValue(a) && isDateValue(b)) {
    const ma = valueKeys(a).find((k) => k.startsWith('ym:'));
    const mb = valueKeys(b).find((k) => k.startsWith('ym:'));
    if (ma && mb) return ma !== mb;
  }
  return differs(a, b);
}
