/**
 * Clause shapes that make a sentence a correction: markers at its start ("Correction:", "Björn, no,"),
 * "Y, not X", verdicts ("... is wrong", "So 300 is right"), updates ("was pushed back to 2027"),
 * references to the article, and self-correction markers. Each works on one prepared sentence.
 */
import type { ClaimValue } from '../../schema/classify.js';
import type { Token } from '../../text/tokenize.js';
import { wordTokens } from '../../text/word-tokens.js';
import { isCapitalised, isContent } from '../../text/word-lists.js';
import { NUMBER_WORDS, SCALES } from '../../text/value-words.js';
import { isDateValue, type Unit } from './units.js';
import { differs, sameSlot, slotDiffers } from './compare.js';
import { BUILTIN_PARAPHRASES, unitKey, type Paraphrases } from './paraphrase.js';

/** Sentence openers that announce a correction of someone else. */
export const MARKERS = [
  'correction:', 'correction', 'small correction', 'minor correction', 'quick correction', 'slight correction',
  'actually', 'in fact', "that's not true", 'that is not true', 'not true', "that's false", 'that is false',
  "that's incorrect", 'that is incorrect', 'to be fair, the record shows', 'the record shows', 'for the record',
  'fact check', 'fact:', "that's not correct", 'that is not correct', 'not correct', 'false', 'incorrect', 'wrong,',
  'in reality', 'the truth is', 'just to correct',
];
/** Openers that correct the post being answered only ("Björn, no, the table has 88.6%"). */
export const REPLY_MARKERS = ['no,', 'nope,', 'not quite', 'not so'];
/** Openers by which authors correct themselves ("Edit:", "Correction to my own post:", "I meant"). */
export const SELF_MARKERS = [
  'correction to my', 'correction of my', 'correcting my', 'correcting myself', 'to correct myself', 'self-correction', 'edit:', 'edit -', 'update:',
  'i meant', 'i should have said', 'i should have written', 'i misspoke', 'scratch that', 'i mixed up',
];
/** Openers that quote the author's own earlier words ("I said the decision covers ..."). */
const SELF_QUOTES = ['i said', 'i wrote', 'i claimed', 'i stated', 'i posted', 'earlier i said', 'above i said'];

function norm(s: string): string {
  return s.toLowerCase().replace(/\u2019/g, "'");
}

/**
 * Where a marker phrase opens `text`, after quotes, "@name" or a short vocative ("Lucía Ortega, that's
 * not true"): `[start, end, phrase]` or null.
 */
export function markerAt(text: string, phrases: readonly string[]): [number, number, string] | null {
  for (const at of openings(text)) {
    const rest = norm(text.slice(at, at + 60));
    for (const p of phrases) {
      if (!rest.startsWith(p)) continue;
      const after = rest[p.length];
      if (after === undefined || !/[a-z0-9]/.test(after) || /[:,]$/.test(p)) return [at, at + p.length, p];
    }
  }
  return null;
}

/** Offsets where the sentence proper may start: the start, and after "@name" or a vocative "Name Name,". */
function openings(text: string): number[] {
  let i = 0;
  while (i < text.length && /[\s"'\u201c\u2018(*>-]/.test(text[i]!)) i++;
  const out = [i];
  // Only "@name" or a comma among the first words opens a second place: without either, nothing to read (the
  // same answer as tokenizing, which every sentence used to pay for up to four times).
  if (text[i] !== '@' && !hasComma(text, i, i + 80)) return out;
  const toks = wordTokens(text.slice(i, i + 80));
  let k = 0;
  if (toks[0]?.text === '@' && toks[1]) k = 2;
  else while (k < 3 && toks[k] && toks[k]!.kind === 'word' && isCapitalised(toks[k]!)) k++;
  if (k > 0 && toks[k]?.text === ',') k++;
  else if (!(toks[0]?.text === '@' && k === 2)) return out;
  if (toks[k]) out.push(i + toks[k]!.start);
  return out;
}

function hasComma(text: string, from: number, to: number): boolean {
  const at = text.indexOf(',', from);
  return at >= 0 && at < to;
}

const NOT_SKIP = new Set(['only', 'just', 'even', 'merely', 'necessarily', 'sure', 'always', 'all', 'much', 'least', 'quite', 'really', 'exactly', 'yet', 'so', 'that', 'too', 'very', 'everyone', 'everything', 'enough']);
const FILLER = new Set(['a', 'an', 'the', 'my', 'your', 'his', 'her', 'their', 'our', 'its', 'because', 'of', 'by', 'in', 'on', 'at', 'for', 'to', 'from', 'with', 'about', 'as', 'due']);

/** "Y, not X" / "not X but Y": the corrected X (a value or a word) and the correct Y. */
export interface NotClause {
  /** Index of "not" among the unit's words. */
  notAt: number;
  x: { value: number } | { word: number };
  /** Index of Y's value, when X is a value and Y one too. */
  yValue: number | null;
  /** Span of the clause in the unit's text. */
  span: [number, number];
  /**
   * Comparison keys of X: its value's keys, or for a bare number or ordinal that leaves its unit to Y ("April
   * 13th, not the 14th", "37 miles, not 23") the keys it has with Y's month or unit. Empty for a word X.
   */
  xKeys: string[];
}

/** Keys of a bare number or ordinal X read with the value Y before it: a day of Y's month, or an amount. */
function elidedKeys(token: Token, y: ClaimValue | undefined): string[] {
  const m = /^(\d{1,3}(?:,\d{3})*|\d+)(?:\.\d+)?(st|nd|rd|th)?$/.exec(token.lower);
  if (!m || !y) return [];
  const n = Number(m[1]!.replace(/,/g, ''));
  const monthDay = /^(?:\d{4}|-)?-(\d{2})-\d{2}$/.exec(String(y.value));
  if (y.kind === 'date' && monthDay && n >= 1 && n <= 31) return [`md:${monthDay[1]}-${n < 10 ? `0${n}` : n}`];
  if (m[2] || y.kind === 'date' || y.kind === 'year') return [];
  return [`n:${n}`];
}

/** How far `notClause` reads X (session 32, corr33; `not-x-but-y` only, the other readers keep the first word). */
export interface NotClauseReach {
  /** X's first content word past the function words opening it ("not the most expensive" -> "expensive"). */
  contentX?: boolean;
  /** "31-18 not 30-19": two figures either side of "not" make the contrast without a comma. */
  bareFigures?: boolean;
}

/** The most function words `contentX` skips before X's content word. */
const MAX_LEAD = 3;

/** Finds the first "Y, not X" or "not X but Y" clause of a sentence. */
export function notClause(u: Unit, reach: NotClauseReach = {}): NotClause | null {
  const w = u.words;
  for (let i = 1; i < w.length; i++) {
    if (w[i]!.lower !== 'not') continue;
    if (NOT_SKIP.has(w[i + 1]?.lower ?? '')) continue;
    const gap = u.text.slice(w[i - 1]!.end, w[i]!.start);
    const figures = reach.bareFigures === true && w[i - 1]!.kind === 'number' && w[i + 1]?.kind === 'number' && !/[.!?]/.test(gap);
    const afterComma = /[,;\u2014\u2013]/.test(gap) || figures;
    let butAt = -1;
    for (let k = i + 2; k < Math.min(w.length, i + 9); k++) {
      if (w[k]!.lower === 'but') {
        butAt = k;
        break;
      }
    }
    if (!afterComma && butAt < 0) continue;
    let xi = i + 1;
    while (xi < w.length && FILLER.has(w[xi]!.lower)) xi++;
    if (reach.contentX === true && w[xi] !== undefined && w[xi]!.kind === 'word' && !isContent(w[xi]!) && valueAt(u, w[xi]!.start) < 0) {
      // Past the function words opening X, within its clause: X's first content word.
      let k = xi;
      while (k < w.length && k - xi < MAX_LEAD && w[k]!.kind === 'word' && !isContent(w[k]!) && !/[,;:.!?()\u2014\u2013]/.test(u.text.slice(w[k]!.end, w[k + 1]?.start ?? w[k]!.end))) k++;
      if (w[k] !== undefined && w[k]!.kind === 'word' && isContent(w[k]!) && k > xi) xi = k;
    }
    const xw = w[xi];
    if (!xw) continue;
    const vi = valueAt(u, xw.start);
    const end = butAt >= 0 && w[butAt + 1] ? w[butAt + 1]!.end : xw.end;
    const start = afterComma ? w[i - 1]!.start : w[i]!.start;
    if (vi >= 0) {
      // Y: the value just before "not" ("1998, not 2001") or just after "but".
      let yValue: number | null = null;
      if (afterComma) {
        for (let k = u.values.length - 1; k >= 0; k--) if (u.values[k]!.span[1] <= w[i]!.start && u.values[k]!.kind !== 'entity') {
          yValue = k;
          break;
        }
      } else if (w[butAt + 1]) {
        const k = valueAt(u, w[butAt + 1]!.start);
        yValue = k >= 0 ? k : null;
      }
      const ys = yValue !== null ? u.values[yValue]! : null;
      const vEnd = u.values[vi]!.span[1];
      const own = u.keys[vi] ?? [];
      const xKeys = own.length > 0 && (u.values[vi]!.kind !== 'number' || !ys || ys.kind === 'number') ? own : elidedKeys(xw, ys ?? undefined).concat(own);
      return { notAt: i, x: { value: vi }, yValue, span: [ys && afterComma ? ys.span[0] : start, Math.max(end, vEnd)], xKeys };
    }
    if (xw.kind === 'number' && afterComma) {
      // "April 13th, not the 14th": an ordinal or number the extractor reads as no value, with Y's month or unit.
      let yValue: number | null = null;
      for (let k = u.values.length - 1; k >= 0; k--) if (u.values[k]!.span[1] <= w[i]!.start && u.values[k]!.kind !== 'entity') {
        yValue = k;
        break;
      }
      const xKeys = elidedKeys(xw, yValue !== null ? u.values[yValue] : undefined);
      if (xKeys.length > 0 && yValue !== null) return { notAt: i, x: { word: xi }, yValue, span: [u.values[yValue]!.span[0], xw.end], xKeys };
      // "the 12th, not the 11th": two ordinals, matched as written.
      return { notAt: i, x: { word: xi }, yValue: null, span: [start, end], xKeys: [] };
    }
    if (xw.kind === 'word' && isContent(xw)) return { notAt: i, x: { word: xi }, yValue: null, span: [start, end], xKeys: [] };
  }
  return null;
}

/** Index of the value starting at (or covering) character `at`, or -1. */
export function valueAt(u: Unit, at: number): number {
  return u.values.findIndex((v) => v.kind !== 'entity' && v.span[0] <= at && at < v.span[1]);
}

const VERDICT_BAD = new Set(['wrong', 'incorrect', 'false', 'misleading', 'untrue', 'inaccurate', 'outdated']);
const VERDICT_GOOD = new Set(['right', 'correct', 'accurate', 'fine']);
const BE = new Set(['is', 'are', 'was', 'were', "'s", 'be', 'been', 'gets', 'got', 'get', 'has', 'had']);

/** "... is wrong", "the article gets the date wrong", "is out of date": the verdict word's index, or -1. */
export function badVerdict(u: Unit): number {
  const w = u.words;
  for (let i = 1; i < w.length; i++) {
    // "out of date" counts as one verdict word ("outdated"), read at its last word.
    if (w[i]!.lower === 'date' && w[i - 1]?.lower === 'of' && w[i - 2]?.lower === 'out' && i >= 3 && /^(not|never|isn't|wasn't)$/.test(w[i - 3]!.lower) === false) {
      for (let k = i - 3; k >= Math.max(0, i - 7); k--) if (BE.has(w[k]!.lower) || w[k]!.lower.endsWith("'s")) return i;
    }
    const l = w[i]!.lower;
    const negatedTrue = (l === 'true' || l === 'correct') && (w[i - 1]!.lower === 'not' || w[i - 1]!.lower === "isn't" || w[i - 1]!.lower === "wasn't");
    if (!VERDICT_BAD.has(l) && !negatedTrue) continue;
    if (VERDICT_BAD.has(l) && /^(not|never|isn't|wasn't|aren't|weren't)$/.test(w[i - 1]!.lower)) continue;
    let be = -1;
    for (let k = i - 1; k >= Math.max(0, i - 5); k--) if (BE.has(w[k]!.lower) || w[k]!.lower.endsWith("'s")) {
      be = k;
      break;
    }
    if (be < 0) continue;
    // "I was wrong" concedes; "you are wrong" alone is disagreement (a fact must follow, checked by the caller).
    if (be > 0 && w[be - 1]!.lower === 'i') continue;
    return i;
  }
  return -1;
}

/** "So 300 is right", "310,000 was not wrong either": the value declared right, or -1. */
export function goodVerdict(u: Unit): number {
  const w = u.words;
  let at = 0;
  for (let vi = 0; vi < u.values.length; vi++) {
    const v = u.values[vi]!;
    while (at < w.length && w[at]!.start < v.span[1]) at++;
    if (v.kind === 'entity' || at >= w.length) continue;
    for (let k = at; k < Math.min(w.length, at + 4); k++) {
      const l = w[k]!.lower;
      if (VERDICT_GOOD.has(l) && BE.has(w[k - 1]?.lower ?? '')) return vi;
      if (l === 'wrong' && (w[k - 1]?.lower === 'not' || w[k - 1]?.lower === "wasn't" || w[k - 1]?.lower === "isn't")) return vi;
    }
  }
  return -1;
}

const UPDATE_VERBS = new Set([
  'changed', 'renumbered', 'moved', 'pushed', 'postponed', 'delayed', 'revised', 'updated', 'raised', 'lowered', 'cut',
  'increased', 'reduced', 'extended', 'corrected', 'brought', 'rescheduled', 'adjusted', 'amended', 'renamed',
]);

/** "Section 14 was renumbered to 12", "It was pushed back to 2027": the new value and the old one if named. */
export function updateClause(u: Unit): { to: number; from: number | null } | null {
  const w = u.words;
  for (let i = 1; i < w.length; i++) {
    if (!UPDATE_VERBS.has(w[i]!.lower) || !BE.has(w[i - 1]!.lower)) continue;
    for (let k = i + 1; k < Math.min(w.length - 1, i + 4); k++) {
      if (w[k]!.lower !== 'to') continue;
      const to = valueAt(u, w[k + 1]!.start);
      if (to < 0) break;
      let from: number | null = null;
      const fromAt = w.findIndex((t, j) => j > i && t.lower === 'from');
      if (fromAt >= 0 && w[fromAt + 1]) {
        const f = valueAt(u, w[fromAt + 1]!.start);
        if (f >= 0) from = f;
      }
      if (from === null) {
        for (let j = u.values.length - 1; j >= 0; j--) if (u.values[j]!.kind !== 'entity' && u.values[j]!.span[1] <= w[i - 1]!.start) {
          from = j;
          break;
        }
      }
      return { to, from };
    }
  }
  return null;
}

const CONTRAST = new Set(['but', 'though', 'however', 'wrong', 'only', 'actually', 'misleading', 'incorrect', 'not', "isn't", "wasn't", "doesn't", 'although']);

/**
 * Words by which a reader names the piece they comment on ("the article", "the headline", "the video's
 * description"). One list for the check and for the evidence span, so a sentence accepted as naming the
 * article always has a word to show as evidence.
 */
export const ARTICLE_WORDS: ReadonlySet<string> = new Set(['article', 'headline', 'title', 'story', 'piece', 'description', 'caption', 'subheading', 'byline', 'writeup', 'write-up']);

/** Index of the first word naming the article ("article", "headline's", "the piece"), or -1. */
export function articleWordAt(u: Unit): number {
  return u.words.findIndex((t) => ARTICLE_WORDS.has(t.lower.replace(/'s$/, '')));
}

/** True when the sentence has a contrast or negation word ("but", "actually", "not", "isn't", "wrong"...). */
export function hasContrast(u: Unit): boolean {
  return u.words.some((t) => CONTRAST.has(t.lower));
}

/**
 * "The article says 300 spaces, but ...", "The article's 18,900 figure is for England only though": the article
 * word's index, or -1. `next`, the sentence after, may carry the contrast instead ("The story says a first
 * offence is a $100 fine. It isn't.", "... quotes her saying X. What she actually says is Y").
 */
export function refersToArticle(u: Unit, next?: Unit, after?: Unit): number {
  const at = articleWordAt(u);
  if (at < 0) return -1;
  // The next sentence answers only a sentence that reports a checkable thing the article says (a figure or a
  // quotation after "says", "quotes", "claims"); "nothing in this piece suggests ..." is an opinion.
  const reportsFact = u.speech && (u.quoted || u.values.some((v) => /\d/.test(v.text)));
  if (hasContrast(u) || (reportsFact && next !== undefined && (hasContrast(next) || ellipticalDenial(next) >= 0))) return at;
  // "The article says Lakeside is 22 miles away. That's from the county line. From St. Anne's it's 31 miles": one of
  // the next two sentences gives the reported figure's unit another amount.
  return reportsFact && [next, after].some((x) => x !== undefined && clashes(u, x)) ? at : -1;
}

/**
 * A report of the article's value answered by another value of the same slot in one of the next two sentences
 * (session 28, corr28), where `refersToArticle` finds nothing: a date or year against a date or year (by month when
 * both name one: "The story says the lane went in in September 2025. The first stage opened on 14 July 2025"), an
 * amount against one of its kind and unit or against a bare number, the unit left implicit ("The article says
 * Calverton is 27 miles away. ... It's 34 by road"; "Your story says 190,000 people. The water company's own figure
 * ... is 164,000"). The article word's index, or -1.
 */
export function answeredReport(u: Unit, next?: Unit, after?: Unit): number {
  const at = articleWordAt(u);
  if (at < 0 || !u.speech) return -1;
  return [next, after].some((x) => x !== undefined && reportedClash(u, x)) ? at : -1;
}

/** True when `x` gives a figure `u` reports another value of the same slot, or a bare number (see `answeredReport`). */
function reportedClash(u: Unit, x: Unit): boolean {
  return u.values.some((a) => /\d/.test(a.text) && x.values.some((b) => /\d/.test(b.text) && (sameSlot(a, b, u.paraphrases) || (b.kind === 'number' && b.unit === null && a.kind !== 'number' && !isDateValue(a) && a.kind !== 'entity')) && slotDiffers(a, b)));
}

/** True when `x` gives a figure of `u` (with a unit) another amount in the same unit ("31 miles" after "22 miles"). */
function clashes(u: Unit, x: Unit): boolean {
  return u.values.some((a) => a.unit !== null && /\d/.test(a.text) && x.values.some((b) => b.kind === a.kind && b.unit === a.unit && differs(a, b)));
}

/** A self-correction marker opening the sentence ("Edit:", "Correction to my own post:", "I meant"). */
export function selfMarker(u: Unit): [number, number, string] | null {
  const m = markerAt(u.text, SELF_MARKERS);
  if (!m) return null;
  // "Edit:" and "Update:" also add links or thanks: only a changed fact or an "actually" corrects.
  if ((m[2] === 'edit:' || m[2] === 'edit -' || m[2] === 'update:') && !u.values.some((v) => /\d/.test(v.text)) && !u.words.some((t) => /^(actually|meant|sorry|wrong|correction|mistake)$/.test(t.lower))) return null;
  return m;
}

/** "my first comment", "my own number above", "my earlier post": the writer points at their own words. */
export const OWN_POST = /\bmy (?:own |first |earlier |previous |last |original |above )?(?:comment|post|reply|message|number|figure|estimate)s?\b/i;

/**
 * A sentence that points at the writer's own earlier post and, after that, replaces something in it with a
 * self-correction marker whose "I" is dropped ("... my comment above, should have said ..."; "In my last post,
 * meant ..."): `[start, end, phrase]` of the marker, or null. The pointer is what makes the sentence the
 * writer's own correction; the marker alone, mid-sentence, is not ("what I meant is ...").
 */
export function pointedSelfMarker(u: Unit): [number, number, string] | null {
  const pointer = OWN_POST.exec(u.text);
  if (!pointer) return null;
  const lower = norm(u.text);
  for (const phrase of SELF_MARKERS) {
    if (!phrase.startsWith('i ')) continue;
    const bare = phrase.slice(2);
    const re = new RegExp(`(?:^|[\\s,;:(-])(?:i\\s+)?(${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\b`, 'g');
    for (const m of lower.matchAll(re)) {
      const start = m.index! + m[0].length - m[1]!.length;
      if (start > pointer.index) return [start, start + bare.length, bare];
    }
  }
  return null;
}

/** True when the sentence quotes its author's own earlier words ("I said the decision covers ..."). */
export function quotesSelf(u: Unit): boolean {
  return markerAt(u.text, SELF_QUOTES) !== null;
}

/** True when two values can be compared as amounts: same kind and unit, or one a bare number. */
export function comparable(a: ClaimValue, b: ClaimValue, paraphrases: Paraphrases = BUILTIN_PARAPHRASES): boolean {
  if (a.kind === 'entity' || b.kind === 'entity' || a.unit === 'decade' || b.unit === 'decade') return false;
  const dates = (v: ClaimValue) => v.kind === 'year' || v.kind === 'date';
  if (dates(a) || dates(b)) return dates(a) && dates(b);
  if (a.unit === 'score' || b.unit === 'score') return a.unit === b.unit;
  if (a.kind === b.kind && unitKey(a.unit, paraphrases) === unitKey(b.unit, paraphrases)) return true;
  return a.kind === 'number' || b.kind === 'number' || (a.kind === 'quantity' && b.kind === 'quantity');
}

/** Closing rebukes that make the sentence before them a correction ("... Please get your facts right."). */
export const REBUKES = [
  'get your facts right', 'get your facts straight', 'check your facts', 'check the facts', 'do your research',
  'do some research', 'facts matter', 'look it up',
];

/** Where a closing rebuke (after an optional "please") makes up `text`: `[start, end, phrase]` or null. */
export function rebukeAt(text: string): [number, number, string] | null {
  const lower = norm(text);
  let at = 0;
  while (at < lower.length && /[\s"'(]/.test(lower[at]!)) at++;
  if (lower.startsWith('please ', at)) at += 7;
  for (const p of REBUKES) {
    if (!lower.startsWith(p, at)) continue;
    // The rebuke must be the whole sentence (bar "please", "mate", punctuation): "Check your facts before ..." is advice.
    const rest = lower.slice(at + p.length).replace(/[\s.!,]|mate|people|folks/g, '');
    if (rest === '') return [at, at + p.length, p];
  }
  return null;
}

const IT_BE_SUBJECT = new Set(['it', 'that', 'this', 'they', 'he', 'she']);
const IT_BE_VERB = new Set(['was', 'is', 'were', 'are', "it's", "that's"]);

/** Number words that never count on their own: the article "a", a lone "one" (a pronoun: "it was one of ..."), "hundred", "dozen". */
const WEAK_NUMBER_WORDS = new Set(['a', 'one', 'hundred', 'dozen']);

/**
 * The count a number word gives alone ("nine"), or undefined: not for the weak words (as `extractValues` reads
 * them: "It was a shambles" names no amount) nor before a scale ("nine hundred" is not nine).
 */
function spelledCount(word: string, next: string | undefined): number | undefined {
  if (WEAK_NUMBER_WORDS.has(word)) return undefined;
  if (next !== undefined && (next === 'hundred' || next === 'dozen' || (next.length > 2 && SCALES.has(next)))) return undefined;
  return NUMBER_WORDS.get(word);
}

/**
 * "It was nine", "it's 300", "they were eight", "she was 31": the number a pronoun subject is said to be (digits or a
 * number word such as "nine" or "twenty"; never "a" or a lone "one": "It was a shambles"), with the word's
 * index, or null. Replies restating their parent's "it was X" with another X contradict it even when they
 * share no other word.
 */
export function itWasNumber(u: Unit): { at: number; value: number } | null {
  const w = u.words;
  for (let i = 0; i + 1 < w.length; i++) {
    let next = -1;
    if ((w[i]!.lower === "it's" || w[i]!.lower === "that's") && w[i + 1]) next = i + 1;
    else if (IT_BE_SUBJECT.has(w[i]!.lower) && IT_BE_VERB.has(w[i + 1]!.lower) && w[i + 2]) next = i + 2;
    if (next < 0) continue;
    const t = w[next]!;
    const n = t.kind === 'number' && /^\d{1,3}(?:,\d{3})*$|^\d+$/.test(t.text) ? Number(t.text.replace(/,/g, '')) : spelledCount(t.lower, w[next + 1]?.lower);
    // "It was 1998" is a date, compared by the date rules.
    if (n === undefined || n >= 1000) continue;
    return { at: next, value: n };
  }
  return null;
}

/**
 * A topic label opening the sentence ("Germany: €12.82 an hour"): the label's lower-case text, or null.
 * Figures under a label are about that label, not about a sentence that does not name it.
 */
export function topicLabel(u: Unit): string | null {
  const w = u.words[0];
  if (!w || w.kind !== 'word' || !isCapitalised(w)) return null;
  const after = u.text.slice(w.end, w.end + 2);
  return after.startsWith(':') ? w.lower : null;
}

const ELLIPSIS_SUBJECT = new Set(['it', 'that', 'this', 'they', 'he', 'she']);
const ELLIPSIS_NEG = new Set(["wasn't", "isn't", "weren't", "aren't", "didn't", "doesn't", "don't", "hasn't", "haven't", "wasnt", "isnt", "didnt", "doesnt"]);

/**
 * An elliptical denial closing a short sentence ("not at our end it wasn't", "so not even that", "So no."): the
 * index of its first word, or -1. It denies what the post replied to said, without repeating it.
 */
export function ellipticalDenial(u: Unit): number {
  const w = u.words;
  const n = w.length;
  if (n < 2 || n > 10 || u.question) return -1;
  const low = (i: number): string => w[i]!.lower;
  if (ELLIPSIS_SUBJECT.has(low(n - 2)) && ELLIPSIS_NEG.has(low(n - 1))) return n - 2;
  if (n >= 3 && low(n - 3) === 'not' && low(n - 2) === 'even' && (low(n - 1) === 'that' || low(n - 1) === 'close')) return n - 3;
  // "So no." / "So not really." after the facts that answer the parent.
  if (n <= 3 && low(0) === 'so' && (low(1) === 'no' || low(1) === 'not')) return 0;
  return -1;
}

/** Past forms by which writers say they changed their text ("I've corrected it", "Fixed in the web version"). */
export const AMEND_DONE: ReadonlySet<string> = new Set(['corrected', 'fixed', 'updated', 'amended', 'changed', 'edited', 'clarified', 'added']);
/** The same verbs in -ing ("Correcting it now", "we're updating the piece"). */
const AMEND_ING = new Set(['correcting', 'fixing', 'updating', 'amending', 'changing', 'editing', 'clarifying', 'adding']);
/** The same verbs after "will" ("I'll fix that"). */
const AMEND_BASE = new Set(['correct', 'fix', 'update', 'amend', 'change', 'edit', 'clarify', 'add']);
/** What an "added" must be to change a claim ("added a line", "a note"): an added link or photo concedes nothing. */
const AMEND_ADDED = new Set(['line', 'note', 'correction', 'clarification', 'sentence', 'paragraph', 'caveat', 'footnote']);
/** The writer's text, after a sentence-opening "Updating the ..." ("Updating the story now"). */
export const AMEND_TEXT: ReadonlySet<string> = new Set(['article', 'story', 'piece', 'post', 'comment', 'headline', 'copy', 'text']);
/** What may close a sentence-opening "Fixed" / "Correcting it" ("Correcting it now", "Fixed in the web version"). */
const AMEND_AFTER = new Set(['now', 'accordingly', 'above', 'thanks', 'in', 'and']);
const AMEND_ADVERBS = new Set(['just', 'now', 'already', 'also']);

/**
 * Where a writer says they changed their own text to take a correction in: "I've corrected it", "We've added a
 * line to the piece", "Correcting it now", "Updating the story", "Fixed in the web version", "I'll update the
 * article", "we are amending it": `[start, end, text]` in `text`, or null. Only the first person counts: "you've fixed it",
 * "they updated the figures" and "the law has been changed" report someone else's change; an added link is none.
 * `toks`: `wordTokens(text)`, when the caller has them already.
 */
export function amendmentAt(text: string, toks: readonly Token[] = wordTokens(text)): [number, number, string] | null {
  const low = (i: number): string => toks[i]?.lower ?? '';
  const firstPerson = (i: number): boolean => low(i) === 'i' || low(i) === 'we';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const l = low(i);
    const done = AMEND_DONE.has(l);
    const ing = AMEND_ING.has(l);
    const base = AMEND_BASE.has(l);
    if (t.kind !== 'word' || (!done && !ing && !base)) continue;
    // The subject and auxiliary before the verb, past an adverb ("we've just updated").
    let b = i - 1;
    while (b >= 0 && AMEND_ADVERBS.has(low(b))) b--;
    const aux = b >= 0 ? low(b) : '';
    let from = -1;
    if (done && (aux === "i've" || aux === "we've")) from = b;
    else if (done && aux === 'have' && firstPerson(b - 1)) from = b - 1;
    else if (base && (aux === "i'll" || aux === "we'll")) from = b;
    else if (base && aux === 'will' && firstPerson(b - 1)) from = b - 1;
    else if (ing && (aux === "i'm" || aux === "we're")) from = b;
    else if (ing && (aux === 'am' || aux === 'are') && firstPerson(b - 1)) from = b - 1;
    else if ((done || ing) && b === i - 1 && opensSentence(text, toks, i) && shortAmendment(toks, i, low)) from = i;
    // "I'm correcting nothing": a refusal.
    if (from < 0 || low(i + 1) === 'nothing') continue;
    let end = i;
    if (l === 'added' || l === 'adding' || l === 'add') {
      end = -1;
      for (let k = i + 1; k < Math.min(toks.length, i + 4) && end < 0; k++) if (AMEND_ADDED.has(low(k))) end = k;
      if (end < 0) continue;
    }
    const start = toks[from]!.start;
    return [start, toks[end]!.end, text.slice(start, toks[end]!.end)];
  }
  return null;
}

/**
 * True when the amend verb at `i`, its subject left out, makes a short clause of its own: an optional object
 * ("it", "that", "the story") then the end, "now", "in ..." ("Correcting it now", "Fixed in the web version",
 * "Corrected, thanks"). "Changing that would not help" and "Updated figures show ..." go on with other words.
 */
function shortAmendment(toks: readonly Token[], i: number, low: (k: number) => string): boolean {
  let k = i + 1;
  if (low(k) === 'it' || low(k) === 'that' || low(k) === 'this') k++;
  else if ((low(k) === 'the' || low(k) === 'my') && AMEND_TEXT.has(low(k + 1))) k += 2;
  return toks[k] === undefined || toks[k]!.kind === 'punct' || AMEND_AFTER.has(low(k));
}

/**
 * True when token `i` opens a sentence: the text's first token, one after ".", "!", "?", a dash or a line break,
 * or one after a comma that closes a short opener ("Thanks, fixed", "Ravi, thank you, correcting it now").
 */
function opensSentence(text: string, toks: readonly Token[], i: number): boolean {
  const boundary = (p: number): boolean => p < 0 || /^[.!?:\u2013\u2014-]$/.test(toks[p]!.text) || text.slice(toks[p]!.end, toks[p + 1]!.start).includes('\n');
  let p = i - 1;
  while (p >= 0 && toks[p]!.kind === 'punct' && /^["'\u201c\u2018(*]$/.test(toks[p]!.text)) p--;
  if (boundary(p)) return true;
  if (toks[p]!.text !== ',') return false;
  // Up to four words (and a few commas) back to the sentence's start: at most eight tokens are looked at.
  let words = 0;
  for (let k = p - 1; !boundary(k); k--) {
    if (p - k > 8 || (toks[k]!.kind === 'word' && ++words > 4)) return false;
  }
  return true;
}
