import type { Span } from '../schema/common.js';

/** A text made of lines, each with the input offset where it starts (a post with dump indentation). */
export interface LineMapped {
  lines: ReadonlyArray<{ span: Span; text: string }>;
}

/**
 * Returns a function that turns an offset into `lines.map(l => l.text).join('\n')` into an offset into
 * the analysed input. Offsets on a joining "\n" map to the end of the line before it.
 */
export function lineOffsetMapper(node: LineMapped): (offset: number) => number {
  const starts: number[] = [];
  let at = 0;
  for (const line of node.lines) {
    starts.push(at);
    at += line.text.length + 1;
  }
  return (offset: number): number => {
    if (node.lines.length === 0) return offset;
    // Binary search for the line holding `offset`.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = node.lines[lo]!;
    const within = Math.min(offset - starts[lo]!, line.text.length);
    return line.span[0] + within;
  };
}

function isSpan(value: unknown): value is Span {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}

/**
 * What `remapSpans` calls whose results are kept together (one post's labels) share: the spans already moved, by
 * start then end, and the evidence objects (`{span, text, cue}`) made, by span.
 */
export interface RemapCache {
  readonly spans: Map<number, Array<[number, Span]>>;
  readonly evidence: Map<Span, Array<Record<string, unknown>>>;
  /** Whether short texts and cues are kept once (`intern`); see `remapCache`. */
  readonly internStrings: boolean;
}

/**
 * An empty cache for `remapSpans`. `internStrings` (default true): keep short evidence texts and cues once. Labels
 * made to be posted to another thread pass false: a structured clone writes every string out by value (it keeps
 * shared objects shared, not equal strings), so the receiving side holds one string per occurrence whatever this
 * side shared, and the lookups would be work for nothing.
 */
export function remapCache(internStrings = true): RemapCache {
  return { spans: new Map(), evidence: new Map(), internStrings };
}

/** True for an evidence object as the schema has it: `span`, `text` and `cue`, in that order, and nothing else. */
function isEvidence(keys: readonly string[], copy: Record<string, unknown>): boolean {
  return keys.length === 3 && keys[0] === 'span' && keys[1] === 'text' && keys[2] === 'cue' && typeof copy.text === 'string' && typeof copy.cue === 'string';
}

// Short evidence texts and cues kept once: below 13 characters V8 copies a slice instead of pointing into the text,
// so every "Yes" of every evidence list is a string of its own; a cue ("lexicon:jerk", "model:$lex-insult
// target:you") is built afresh for each evidence. A cache, not state: the strings are equal, only fewer.
const SHORT = 13;
const CUE_MAX = 80;
const INTERN_LIMIT = 1 << 16;
let interned = new Map<string, string>();

function intern(s: string): string {
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  if (interned.size >= INTERN_LIMIT) interned = new Map();
  interned.set(s, s);
  return s;
}

/**
 * Returns a deep copy of `value` where every `span` property is moved through `map`. Spans that end on a
 * line end map their end with `map(end - 1) + 1`, so a span never reaches across the dump's indentation.
 * What `value` shares stays shared in the copy (sentiment lists each evidence object in its sentence and in
 * the post's list), equal spans become one array and equal evidence one object (across calls too, given one
 * `cache`: moderation lists one word under several signals), and short strings and cues one string: the same
 * JSON with fewer objects to keep, as every post's labels stay in memory until the whole thread is done.
 */
export function remapSpans<T>(value: T, map: (offset: number) => number, cache: RemapCache = remapCache()): T {
  const { spans, evidence, internStrings } = cache;
  const copies = new Map<object, unknown>();
  const moved = (s: number, e: number): Span => {
    let same = spans.get(s);
    if (same === undefined) spans.set(s, (same = []));
    for (const [key, out] of same) if (key === e) return out;
    const out: Span = e > s ? [map(s), map(e - 1) + 1] : [map(s), map(s)];
    same.push([e, out]);
    return out;
  };
  const visit = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const seen = copies.get(v);
    if (seen !== undefined) return seen;
    let out: unknown;
    if (Array.isArray(v)) out = v.map(visit);
    else {
      const copy: Record<string, unknown> = {};
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj);
      for (const key of keys) {
        const inner = obj[key];
        copy[key] =
          (key === 'span' || key === 'place') && isSpan(inner)
            ? moved(inner[0], inner[1])
            : typeof inner === 'string'
              ? internStrings && ((key === 'text' && inner.length < SHORT) || (key === 'cue' && inner.length <= CUE_MAX))
                ? intern(inner)
                : inner
              : visit(inner);
      }
      out = copy;
      if (isEvidence(keys, copy) && isSpan(copy.span)) {
        const span = copy.span;
        let same = evidence.get(span);
        if (same === undefined) evidence.set(span, (same = []));
        const twin = same.find((e) => e.text === copy.text && e.cue === copy.cue);
        if (twin) out = twin;
        else same.push(copy);
      }
    }
    copies.set(v, out);
    return out;
  };
  return visit(value) as T;
}

/** Shifts every `span` in `value` by `delta` (for text that is one contiguous slice of the input). */
export function shiftSpans<T>(value: T, delta: number): T {
  return delta === 0 ? value : remapSpans(value, (o) => o + delta);
}
