/**
 * Recurrence of line shapes across a dump (session 31, shape31), for the line-role model (line-features.ts): a page's
 * comments are records that repeat, so the head line(s) of every post share a shape (the same classes of tokens in the
 * same order: a name, a separator, a time, button words) recurring at a rough period, and what lies between two heads
 * is text. Computed once per dump, by shape only (no word of any language), linear in the lines.
 *
 * Also the reader's half: `varyingName` splits a head line into the name and the rest by the tokens that vary across
 * the dump's heads (the name varies, the separators, time shapes and button words recur).
 */

/** Lines of more tokens than this have no shape signature: prose. */
const MAX_TOKENS = 12;

const LETTER_RUN = /\p{L}+/gu;
const DIGIT_RUN = /[0-9]+/g;
/** A word or a handle: a letter, then letters, figures and the joiners of names and handles (`bob_k`, `O'Neil`, `J.R.`). */
const WORDISH = /^\p{L}(?:[\p{L}\p{M}\p{N}_.'’-]*[\p{L}\p{M}\p{N}_])?$/u;

/**
 * A token's shape: a word or handle as `a`; otherwise each run of figures as `0` and of letters as `a`, the rest kept
 * (`3h` -> `0a`, `12:04` -> `0:0`, `·` -> `·`, `(2)` -> `(0)`).
 */
export function tokenShape(w: string): string {
  if (WORDISH.test(w)) return 'a';
  return w.replace(DIGIT_RUN, '0').replace(LETTER_RUN, 'a');
}

/** The whitespace tokens of a trimmed line, at most MAX_TOKENS + 1 (more means prose). */
function tokens(t: string): string[] {
  return t === '' ? [] : t.split(/\s+/u, MAX_TOKENS + 1);
}

/**
 * A trimmed line's shape signature: its tokens' shapes, a run of the same shape as one, `+` after it when it is of four
 * or more (a name of one word or three reads alike, a sentence does not); null for a blank line or one of more than
 * MAX_TOKENS tokens.
 */
export function shapeSignature(t: string): string | null {
  const w = tokens(t);
  if (w.length === 0 || w.length > MAX_TOKENS) return null;
  const out: string[] = [];
  let run = 0;
  for (const x of w) {
    const s = tokenShape(x);
    if (out[out.length - 1] === s || out[out.length - 1] === `${s}+`) {
      run++;
      if (run === 4) out[out.length - 1] = `${s}+`;
    } else {
      out.push(s);
      run = 1;
    }
  }
  return out.join(' ');
}

/** A sentence's end at a line's end, past a closing quote or bracket (shared with line-features.ts). */
export const END_SENTENCE = /[.!?。！？…]["'”’»)]?$/u;

/** Prose: a line of more than MAX_TOKENS tokens, or one of three or more that ends a sentence. */
function isProse(t: string): boolean {
  const n = tokens(t).length;
  return n > MAX_TOKENS || (n >= 3 && END_SENTENCE.test(t));
}

/** The index of the first edge above `x` ("0" below every edge), as a feature value (shared with line-features.ts). */
export function bucket(x: number, edges: readonly number[]): string {
  let k = 0;
  while (k < edges.length && x >= edges[k]!) k++;
  return String(k);
}

/** What the dump's recurring shapes are, per shape. */
interface ShapeGroup {
  /** Ranks (among the non-blank lines) of the lines with this shape. */
  at: number[];
  /** The lines' texts without figures. */
  texts: Set<string>;
  /** Occurrences whose next non-blank line is prose; whose previous one is. */
  thenProse: number;
  afterProse: number;
  /** Occurrences with a prose line among the next three non-blank lines. */
  proseWithin3: number;
  minGap: number;
}

/**
 * Recurrence features of each line of a dump (trimmed lines; [] for a blank one): how many lines share its shape, how
 * far their texts vary, whether prose follows or precedes them, the least spacing between two of them, and where the
 * line lies from the dump's record head (the shape recurring most often at a spacing of two or more non-blank lines,
 * its texts varying other than in figures, prose within three lines below, rather right below: the shape of a post's
 * head) above and below.
 */
export function recurrenceFeatures(trimmed: readonly string[]): Array<Array<[string, number]>> {
  const nonBlank: number[] = [];
  trimmed.forEach((t, i) => {
    if (t !== '') nonBlank.push(i);
  });
  const sigs = nonBlank.map((i) => shapeSignature(trimmed[i]!));
  const prose = nonBlank.map((i) => isProse(trimmed[i]!));
  const groups = new Map<string, ShapeGroup>();
  sigs.forEach((s, k) => {
    if (s === null) return;
    let g = groups.get(s);
    if (g === undefined) {
      g = { at: [], texts: new Set(), thenProse: 0, afterProse: 0, proseWithin3: 0, minGap: Infinity };
      groups.set(s, g);
    }
    const last = g.at[g.at.length - 1];
    if (last !== undefined) g.minGap = Math.min(g.minGap, k - last);
    g.at.push(k);
    // the texts compared without their figures: a count or a time that changes is not a varying name
    g.texts.add(trimmed[nonBlank[k]!]!.replace(DIGIT_RUN, ''));
    if (prose[k + 1] === true) g.thenProse++;
    if (prose[k - 1] === true) g.afterProse++;
    if (prose[k + 1] === true || prose[k + 2] === true || prose[k + 3] === true) g.proseWithin3++;
  });
  // The record head: recurring (3+), spaced (never two in a row), its texts mostly different, prose under most.
  let head: string | null = null;
  let best = 0;
  for (const [s, g] of groups) {
    const n = g.at.length;
    if (n < 3 || g.minGap < 2 || 2 * g.texts.size < n || 2 * g.proseWithin3 < n) continue;
    const score = g.proseWithin3 + g.thenProse;
    if (score > best || (score === best && head !== null && s < head)) {
      best = score;
      head = s;
    }
  }
  const out: Array<Array<[string, number]>> = trimmed.map(() => []);
  // distance (in non-blank lines) from the last record head above and to the next below
  const headAt = head === null ? [] : groups.get(head)!.at;
  let h = -1;
  nonBlank.forEach((i, k) => {
    const f = out[i]!;
    const s = sigs[k];
    if (s === null || s === undefined) f.push(['shapeN:prose', 1]);
    else {
      const g = groups.get(s)!;
      const n = g.at.length;
      f.push([`shapeN:${bucket(n, [2, 3, 5, 9, 17])}`, 1]);
      if (n >= 3) {
        f.push([`shapeVary:${bucket(g.texts.size / n, [0.34, 0.67, 0.9])}`, 1]);
        f.push([`shapeThenProse:${bucket(g.thenProse / n, [0.34, 0.67])}`, 1]);
        f.push([`shapeAfterProse:${bucket(g.afterProse / n, [0.34, 0.67])}`, 1]);
        f.push([`shapeMinGap:${bucket(g.minGap, [2, 3, 5])}`, 1]);
      }
    }
    if (head === null) return;
    while (h + 1 < headAt.length && headAt[h + 1]! <= k) h++;
    if (h >= 0 && headAt[h] === k) f.push(['recordHead', 1]);
    else f.push([`fromHead:${h < 0 ? 'none' : bucket(k - headAt[h]!, [2, 3, 4, 6])}`, 1]);
    const next = headAt[h + 1];
    f.push([`toHead:${next === undefined ? 'none' : bucket(next - k, [2, 3, 4])}`, 1]);
  });
  return out;
}

/** A token is part of the recurring frame of the heads when its shape-normalised form is on at least half of them. */
function frameKey(w: string): string {
  return w.replace(DIGIT_RUN, '0').toLowerCase();
}

/**
 * The name in a head line, by the tokens that vary across the dump's heads (`peers`, the head lines of the same
 * reading, this one included): the first run of tokens with a letter that are not on at least half of the heads (the
 * frame: separators, time shapes, button words). Offsets are into `t`. Null with fewer than three heads, when no token
 * of the line is frame (a line that is all name), or when no run varies.
 */
export function varyingName(t: string, peers: readonly string[]): { name: string; at: number } | null {
  if (peers.length < 3) return null;
  const seen = new Map<string, number>();
  for (const p of peers) {
    for (const w of new Set(p.split(/\s+/u).filter((x) => x !== '').map(frameKey))) seen.set(w, (seen.get(w) ?? 0) + 1);
  }
  const spans: Array<{ w: string; at: number }> = [];
  for (const m of t.matchAll(/\S+/gu)) spans.push({ w: m[0], at: m.index });
  const frame = spans.map((s) => 2 * (seen.get(frameKey(s.w)) ?? 0) >= peers.length);
  if (!frame.some(Boolean)) return null;
  const a = frame.findIndex((f, k) => !f && /\p{L}/u.test(spans[k]!.w));
  if (a < 0) return null;
  let b = a;
  while (b + 1 < spans.length && !frame[b + 1]) b++;
  // a separator glued to the run's ends is not the name's (`Name:`, `(Name)`, `Name,`)
  const first = spans[a]!;
  const last = spans[b]!;
  let start = first.at;
  let end = last.at + last.w.length;
  while (start < end && /[^\p{L}\p{N}@_]/u.test(t[start]!)) start++;
  while (end > start && /[^\p{L}\p{N}_.]/u.test(t[end - 1]!)) end--;
  if (end <= start) return null;
  return { name: t.slice(start, end), at: start };
}
