/**
 * The page's record template as line features (session 39, tmpl39), for the line-role model (line-features.ts): a
 * comment section repeats one record per post (a head, the text, a footer), so the head's shape recurs, and the lines
 * at a fixed place from the head (a time under the name, `Reply · Like` over the next head) recur with it. Of the
 * shapes that recur (line-recurrence.ts `shapeSignature`, no word of any language), the head is the one whose records
 * are most regular, not the most frequent (session 38, template38: short patterns that also match quotes and footers
 * won on count). Each line is then told where it lies in its record and whether its shape and text recur at that place.
 * Computed once per dump; linear in the lines (at most MAX_CANDIDATES heads weighed, each in one pass).
 */

import { bucket, shapeSignature } from '../../../src/ingest/line-recurrence.js';

/** Head shapes weighed: the most frequent recurring ones (keeps the pass linear). */
const MAX_CANDIDATES = 16;
/** Places from the head, and from the record's end, whose shape is compared across records. */
const NEAR = 3;
/** A place is a frame place when this share of the records (or more) have the same shape there. */
const FRAME_SHARE = 0.6;

const FIGURES = /[0-9]+/g;

/** The record template found in a dump's non-blank lines (ranks among them). */
export interface RecordTemplate {
  /** The head shape (a `shapeSignature`). */
  head: string;
  /** Ranks of the head lines, ascending; record j runs [heads[j], ends[j]). */
  heads: number[];
  ends: number[];
  /** Mean share of records sharing the modal shape just under the head and at the record's end (0-1). */
  regularity: number;
  /** Distinct head texts (figures aside) over heads (0-1): names vary, a footer's button words do not. */
  vary: number;
  /** Records holding a line besides the head, over records. */
  filled: number;
  score: number;
}

/** The modal value of `xs` (nulls skipped, ties to the smaller string) and how many records hold it. */
function modal(xs: ReadonlyArray<string | null>): { value: string | null; count: number } {
  const c = new Map<string, number>();
  for (const x of xs) if (x !== null) c.set(x, (c.get(x) ?? 0) + 1);
  let value: string | null = null;
  let count = 0;
  for (const [v, k] of c) {
    if (k > count || (k === count && value !== null && v < value)) {
      value = v;
      count = k;
    }
  }
  return { value, count };
}

/** The records a head shape's occurrences cut (the last no longer than the longest other), scored by regularity. */
function weigh(head: string, at: readonly number[], sigs: readonly string[], bare: readonly string[]): RecordTemplate {
  const n = sigs.length;
  const m = at.length;
  let longest = 1;
  for (let j = 0; j + 1 < m; j++) longest = Math.max(longest, at[j + 1]! - at[j]!);
  const ends = at.map((a, j) => (j + 1 < m ? at[j + 1]! : Math.min(n, a + longest)));
  const shareAt = (rank: (j: number) => number | null): number => modal(at.map((_, j) => {
    const k = rank(j);
    return k === null ? null : sigs[k]!;
  })).count / m;
  const under = shareAt((j) => (at[j]! + 1 < ends[j]! ? at[j]! + 1 : null));
  const last = shareAt((j) => (ends[j]! - 1 > at[j]! ? ends[j]! - 1 : null));
  const regularity = (under + last) / 2;
  const vary = new Set(at.map((k) => bare[k]!)).size / m;
  const filled = at.filter((a, j) => ends[j]! - a >= 2).length / m;
  // whole-record regularity weighs the count: a shape that also cuts quotes or footers cuts irregular records
  const score = m * filled * regularity * regularity;
  return { head, heads: [...at], ends, regularity, vary, filled, score };
}

/**
 * The dump's record template from its non-blank trimmed lines' shape signatures (null: prose) and texts: of the shapes
 * on three lines or more, never two in a row, the one whose records score best (ties: the more heads, then the
 * smaller shape); null when none recurs so.
 */
export function findRecordTemplate(sigs: ReadonlyArray<string | null>, bare: readonly string[]): RecordTemplate | null {
  const at = new Map<string, number[]>();
  sigs.forEach((s, k) => {
    if (s === null) return;
    const a = at.get(s);
    if (a === undefined) at.set(s, [k]);
    else a.push(k);
  });
  const spaced = [...at].filter(([, a]) => a.length >= 3 && a.every((k, j) => j === 0 || k - a[j - 1]! >= 2));
  spaced.sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const flat = sigs.map((s) => s ?? '~');
  let best: RecordTemplate | null = null;
  for (const [s, a] of spaced.slice(0, MAX_CANDIDATES)) {
    const t = weigh(s, a, flat, bare);
    if (t.score <= 0) continue;
    if (best === null || t.score > best.score || (t.score === best.score && (t.heads.length > best.heads.length || (t.heads.length === best.heads.length && s < best.head)))) best = t;
  }
  return best;
}

/** What the records have at one place (from the head or from the end): the modal shape and text, and their shares. */
interface Place {
  sig: string | null;
  sigShare: number;
  text: string | null;
  textShare: number;
}

/**
 * The records' frame: at each place from the head (1..NEAR) and from the end (1..NEAR) the modal shape and text, and
 * each record's fit to it (0-2: its line under the head, its last line, of the modal shapes).
 */
function frameOf(t: RecordTemplate, flat: readonly string[], bare: readonly string[]): { fromHead: Place[]; fromEnd: Place[]; fits: number[] } {
  const m = t.heads.length;
  const place = (rank: (j: number) => number | null): Place => {
    const ks = t.heads.map((_, j) => rank(j));
    const s = modal(ks.map((k) => (k === null ? null : flat[k]!)));
    const x = modal(ks.map((k) => (k === null || flat[k] !== s.value ? null : bare[k]!)));
    return { sig: s.value, sigShare: s.count / m, text: x.value, textShare: x.count / m };
  };
  const fromHead = Array.from({ length: NEAR }, (_, d) => place((j) => (t.heads[j]! + d + 1 < t.ends[j]! ? t.heads[j]! + d + 1 : null)));
  const fromEnd = Array.from({ length: NEAR }, (_, e) => place((j) => (t.ends[j]! - e - 1 > t.heads[j]! ? t.ends[j]! - e - 1 : null)));
  const fits = t.heads.map((h, r) => {
    const e = t.ends[r]!;
    return (h + 1 < e && flat[h + 1] === fromHead[0]!.sig ? 1 : 0) + (e - 1 > h && flat[e - 1] === fromEnd[0]!.sig ? 1 : 0);
  });
  return { fromHead, fromEnd, fits };
}

/**
 * Where the records begin, as a shift (-NEAR..NEAR non-blank lines) from the repeated line (v3, tmpl39b): the shift at
 * which the most records begin just after a blank line (`blankBefore`, by non-blank rank), if that is at least
 * FRAME_SHARE of the records and more than at the repeated line itself; else 0. A like count at a post's end gives +1
 * (the post starts after it), a time line under the name -1. Ties: the smaller shift, then the later one. A shifted
 * start must stay between its neighbours' repeated lines. No blank structure: 0 (the records stay anchored as v1).
 */
export function boundaryShift(heads: readonly number[], blankBefore: readonly boolean[]): number {
  const m = heads.length;
  const share = (s: number): number => heads.filter((h, j) => {
    const k = h + s;
    const inside = s >= 0 ? j + 1 >= m || k < heads[j + 1]! : j === 0 || k > heads[j - 1]!;
    return k >= 0 && k < blankBefore.length && inside && blankBefore[k]!;
  }).length / m;
  const at0 = share(0);
  let best = 0;
  let bestShare = at0;
  for (let d = 1; d <= NEAR; d++) {
    for (const s of [d, -d]) {
      const x = share(s);
      if (x > bestShare) {
        best = s;
        bestShare = x;
      }
    }
  }
  return bestShare >= FRAME_SHARE ? best : 0;
}

/**
 * Each record's first line at the boundary `shift` gives: the blank-preceded line nearest the shifted place within the
 * record's window (the post of a repeated line at its end, shift > 0: after the repeated line up to the next one; of a
 * repeated line inside it, shift < 0: after the previous repeated line up to its own), ties to the earlier; the shifted
 * place itself when the window holds none. A false first anchor in the article then starts its record at the first
 * blank-separated block after it, not in the article's tail. Kept within the page and strictly ascending.
 */
function boundaryStarts(heads: readonly number[], shift: number, blankBefore: readonly boolean[]): number[] {
  const n = blankBefore.length;
  const out: number[] = [];
  heads.forEach((h, j) => {
    const want = h + shift;
    const lo = shift > 0 ? want : j === 0 ? 0 : heads[j - 1]! + 1;
    const hi = shift > 0 ? Math.min(n - 1, j + 1 < heads.length ? heads[j + 1]! : want) : h;
    let k = want;
    let gap = Infinity;
    for (let c = Math.max(0, lo); c <= hi; c++) {
      if (blankBefore[c] === true && Math.abs(c - want) < gap) {
        k = c;
        gap = Math.abs(c - want);
      }
    }
    if (k >= 0 && k < n && (out.length === 0 || k > out[out.length - 1]!)) out.push(k);
  });
  return out;
}

/**
 * A page's non-blank lines (their line indices), their shapes (`flat`: '~' for prose), texts with figures masked,
 * whether a blank line precedes each, and the record template they give (null: none).
 */
function pageShapes(trimmed: readonly string[]): { nonBlank: number[]; bare: string[]; flat: string[]; blankBefore: boolean[]; found: RecordTemplate | null } {
  const nonBlank: number[] = [];
  trimmed.forEach((t, i) => {
    if (t !== '') nonBlank.push(i);
  });
  const sigs = nonBlank.map((i) => shapeSignature(trimmed[i]!));
  const bare = nonBlank.map((i) => trimmed[i]!.replace(FIGURES, '0'));
  return {
    nonBlank,
    bare,
    flat: sigs.map((s) => s ?? '~'),
    blankBefore: nonBlank.map((i, k) => k > 0 && i - nonBlank[k - 1]! > 1),
    found: findRecordTemplate(sigs, bare),
  };
}

/** Options of `templateFeatures` (all default false: tmpl39's v1). */
export interface TemplateOptions {
  /** v2: each record's fit to the frame as a feature of its lines (`tpl:fit`, `tpl:edgeFit`). */
  recordFit?: boolean;
  /** v3 (b): the records start at their blank-line boundary, not at the repeated line (`boundaryShift`). */
  boundary?: boolean;
  /** v3 (a): the records start at the first run of two that fit the frame; lines before it are `tpl:before`. */
  firstRun?: boolean;
}

/**
 * Template features of each line of a dump (trimmed lines; [] for a blank one and for every line when no template
 * recurs): the head line (with the template's regularity and how far its head texts vary), a line's place from its
 * record's head and from its end, before the first record or after the last, and whether the line's shape is the
 * record's frame at its place (most records have that shape there), its text then constant there (a footer, a badge)
 * or varying (a name, a time). With `recordFit` (v2, registered after v1's run): every line of a record is also told how
 * well its record fits the frame (`tpl:fit:0-2`: its line under the head and its last line of the modal shapes), and
 * those of the first and last records apart (`tpl:edgeFit:0-2`): the extra first post v1 read (a comment box, a notice,
 * the article's tail cut as a record) is a record that does not fit. With `boundary` and `firstRun` (v3, tmpl39b,
 * tmpl39's two proposals): the records begin at their blank-line boundary (`tpl:head` on the record's first line,
 * `tpl:anchor` on the repeated line when the two differ), and the section at its first run of two fitting records.
 */
export function templateFeatures(trimmed: readonly string[], opts: TemplateOptions = {}): Array<Array<[string, number]>> {
  const { recordFit = false, boundary = false, firstRun = false } = opts;
  const out: Array<Array<[string, number]>> = trimmed.map(() => []);
  const { nonBlank, bare, flat, blankBefore, found } = pageShapes(trimmed);
  if (found === null) return out;
  let t = found;
  // v3 (b): the records start at their boundary, the repeated line kept as the record's anchor
  const shift = boundary ? boundaryShift(t.heads, blankBefore) : 0;
  const anchors = new Set(t.heads);
  if (shift !== 0) t = weigh(t.head, boundaryStarts(t.heads, shift, blankBefore), flat, bare);
  let frame = frameOf(t, flat, bare);
  // v3 (a): the section starts at the first run of two records that fit the frame; records before it are outside
  if (firstRun) {
    const s0 = frame.fits.findIndex((x, r) => x === 2 && frame.fits[r + 1] === 2);
    if (s0 > 0) {
      t = weigh(t.head, t.heads.slice(s0), flat, bare);
      frame = frameOf(t, flat, bare);
    }
  }
  const { fromHead, fromEnd, fits } = frame;
  const m = t.heads.length;
  const headText = modal(t.heads.map((k) => bare[k]!));
  const frameFeature = (p: Place, k: number, tag: string, f: Array<[string, number]>): void => {
    if (p.sig === null || p.sigShare < FRAME_SHARE || flat[k] !== p.sig) return;
    f.push([`tpl:frame${tag}`, 1]);
    f.push([p.textShare >= FRAME_SHARE && bare[k] === p.text ? `tpl:const${tag}` : `tpl:vary${tag}`, 1]);
  };
  let j = 0;
  nonBlank.forEach((i, k) => {
    const f = out[i]!;
    if (k < t.heads[0]!) {
      f.push(['tpl:before', 1]);
      return;
    }
    while (j + 1 < m && t.heads[j + 1]! <= k) j++;
    if (k >= t.ends[j]!) {
      f.push(['tpl:after', 1]);
      return;
    }
    if (recordFit) {
      f.push([`tpl:fit:${fits[j]}`, 1]);
      if (j === 0 || j === m - 1) f.push([`tpl:edgeFit:${fits[j]}`, 1]);
    }
    if (shift !== 0 && anchors.has(k)) f.push(['tpl:anchor', 1]);
    if (k === t.heads[j]) {
      f.push(['tpl:head', 1]);
      f.push([`tpl:headReg:${bucket(t.regularity, [0.5, 0.75, 0.9])}`, 1]);
      f.push([`tpl:headVary:${bucket(t.vary, [0.5, 0.8])}`, 1]);
      // a head text shared by many heads is a frame line cutting the records (a footer), not a name
      if (headText.count / m >= FRAME_SHARE && bare[k] === headText.value) f.push(['tpl:headConst', 1]);
      return;
    }
    const d = k - t.heads[j]!;
    const e = t.ends[j]! - k;
    f.push([`tpl:off:${bucket(d, [2, 3, 4, 6])}`, 1]);
    f.push([`tpl:toEnd:${bucket(e, [2, 3, 4])}`, 1]);
    if (d <= NEAR) frameFeature(fromHead[d - 1]!, k, 'Head', f);
    if (e <= NEAR) frameFeature(fromEnd[e - 1]!, k, 'End', f);
  });
  return out;
}

/**
 * The page's records as line ranges, for the template as a decoding constraint (session 40, tmpl40): the records of
 * `findRecordTemplate` moved to their blank-line boundary (`boundaryShift`, tmpl39b's (b); no first-run cut), each
 * [starts[j], ends[j]) in line indices of `trimmed`; `leadFrom` the first line of the lead window before the first
 * record (as many non-blank lines as the longest record); the records' `regularity` (the gate's strength); and
 * `firstRunAt`, the index of the first record of the first run of two that fit the frame (tmpl39b's (a); -1: none).
 * Null when no shape recurs as a head.
 */
export interface PageRecords {
  starts: number[];
  ends: number[];
  leadFrom: number;
  regularity: number;
  firstRunAt: number;
}

export function pageRecords(trimmed: readonly string[]): PageRecords | null {
  const { nonBlank, bare, flat, blankBefore, found } = pageShapes(trimmed);
  if (found === null) return null;
  const shift = boundaryShift(found.heads, blankBefore);
  const t = shift === 0 ? found : weigh(found.head, boundaryStarts(found.heads, shift, blankBefore), flat, bare);
  if (t.heads.length === 0) return null;
  const { fits } = frameOf(t, flat, bare);
  const line = (rank: number): number => (rank < nonBlank.length ? nonBlank[rank]! : trimmed.length);
  let longest = 1;
  t.heads.forEach((h, j) => {
    longest = Math.max(longest, t.ends[j]! - h);
  });
  return {
    starts: t.heads.map(line),
    ends: t.ends.map(line),
    leadFrom: line(Math.max(0, t.heads[0]! - longest)),
    regularity: t.regularity,
    firstRunAt: fits.findIndex((x, r) => x === 2 && fits[r + 1] === 2),
  };
}
