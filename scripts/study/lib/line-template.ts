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

/**
 * Template features of each line of a dump (trimmed lines; [] for a blank one and for every line when no template
 * recurs): the head line (with the template's regularity and how far its head texts vary), a line's place from its
 * record's head and from its end, before the first record or after the last, and whether the line's shape is the
 * record's frame at its place (most records have that shape there), its text then constant there (a footer, a badge)
 * or varying (a name, a time). With `recordFit` (v2, registered after v1's run): every line of a record is also told how
 * well its record fits the frame (`tpl:fit:0-2`: its line under the head and its last line of the modal shapes), and
 * those of the first and last records apart (`tpl:edgeFit:0-2`): the extra first post v1 read (a comment box, a notice,
 * the article's tail cut as a record) is a record that does not fit.
 */
export function templateFeatures(trimmed: readonly string[], recordFit = false): Array<Array<[string, number]>> {
  const out: Array<Array<[string, number]>> = trimmed.map(() => []);
  const nonBlank: number[] = [];
  trimmed.forEach((t, i) => {
    if (t !== '') nonBlank.push(i);
  });
  const sigs = nonBlank.map((i) => shapeSignature(trimmed[i]!));
  const bare = nonBlank.map((i) => trimmed[i]!.replace(FIGURES, '0'));
  const t = findRecordTemplate(sigs, bare);
  if (t === null) return out;
  const flat = sigs.map((s) => s ?? '~');
  const m = t.heads.length;
  // the frame at each place: from the head (1..NEAR) and from the end (1..NEAR), its modal shape and text
  const place = (rank: (j: number) => number | null): { sig: string | null; sigShare: number; text: string | null; textShare: number } => {
    const ks = t.heads.map((_, j) => rank(j));
    const s = modal(ks.map((k) => (k === null ? null : flat[k]!)));
    const x = modal(ks.map((k) => (k === null || flat[k] !== s.value ? null : bare[k]!)));
    return { sig: s.value, sigShare: s.count / m, text: x.value, textShare: x.count / m };
  };
  const fromHead = Array.from({ length: NEAR }, (_, d) => place((j) => (t.heads[j]! + d + 1 < t.ends[j]! ? t.heads[j]! + d + 1 : null)));
  const fromEnd = Array.from({ length: NEAR }, (_, e) => place((j) => (t.ends[j]! - e - 1 > t.heads[j]! ? t.ends[j]! - e - 1 : null)));
  const headText = modal(t.heads.map((k) => bare[k]!));
  const frameOf = (p: (typeof fromHead)[number], k: number, tag: string, f: Array<[string, number]>): void => {
    if (p.sig === null || p.sigShare < FRAME_SHARE || flat[k] !== p.sig) return;
    f.push([`tpl:frame${tag}`, 1]);
    f.push([p.textShare >= FRAME_SHARE && bare[k] === p.text ? `tpl:const${tag}` : `tpl:vary${tag}`, 1]);
  };
  const fits = t.heads.map((h, r) => {
    const e = t.ends[r]!;
    return (h + 1 < e && flat[h + 1] === fromHead[0]!.sig ? 1 : 0) + (e - 1 > h && flat[e - 1] === fromEnd[0]!.sig ? 1 : 0);
  });
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
    if (d <= NEAR) frameOf(fromHead[d - 1]!, k, 'Head', f);
    if (e <= NEAR) frameOf(fromEnd[e - 1]!, k, 'End', f);
  });
  return out;
}
