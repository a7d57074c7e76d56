/**
 * The page's record template as a decoding constraint on the line-role model (session 40, tmpl40; tmpl39b's closing
 * proposal (C) behind its gate (G)). The model and its features are main's; only the reading of its per-line
 * probabilities changes, and only on a page whose template is strong (the gate): there a post may start only where the
 * records allow, at most one start in each record and in the lead window before the first record, none outside them.
 * A page whose gate stays closed is read exactly as main reads it (each line its most probable role).
 *
 * - `restrict`: a start line the model reads outside every record (and outside the lead window) takes its most probable
 *   other role; in a record (or the lead window) with two start lines or more, the most probable start stays, the others
 *   take their most probable other role.
 * - `force`: as `restrict`, and a record with no start line gets one: of its lines the model reads as body, the one most
 *   probably a start (none when it has no body line). The lead window is never forced.
 *
 * The gate (word-free, page-level): the records' regularity (`PageRecords.regularity`) at least `theta`, and with
 * `near`, the records' first run of two fitting records starting at the first or second record (`firstRunAt` 0 or 1).
 */
import { LINE_ROLES, readInlineHead } from '../../../src/ingest/line-features.js';
import { pageRecords, type PageRecords } from './line-template.js';

/** `+head` (post hoc, after the registered run): a start line with a head of its own is never dropped (see below). */
export type DecodeMode = 'restrict' | 'force' | 'restrict+head' | 'force+head';
export interface TemplateGate {
  theta: number;
  near: boolean;
}

const START = LINE_ROLES.indexOf('start');
const BODY = LINE_ROLES.indexOf('body');
const AUTHOR = LINE_ROLES.indexOf('author');
const META = LINE_ROLES.indexOf('meta');

/** Whether the gate opens on a page's records (none: closed). */
export function gateOpens(r: PageRecords | null, g: TemplateGate): boolean {
  return r !== null && r.regularity >= g.theta && (!g.near || (r.firstRunAt >= 0 && r.firstRunAt <= 1));
}

function argmax(p: readonly number[], skip = -1): number {
  let best = skip === 0 ? 1 : 0;
  for (let l = 0; l < p.length; l++) if (l !== skip && p[l]! > p[best]!) best = l;
  return best;
}

/**
 * The roles (indices into LINE_ROLES; null for a blank line) of a page's lines from the model's probabilities, under
 * the records `r` (null or a closed gate: each line's most probable role, main's reading).
 */
export function decodeUnderTemplate(probs: ReadonlyArray<readonly number[] | null>, r: PageRecords | null, mode: DecodeMode | null, texts: readonly string[] = []): Array<number | null> {
  const roles = probs.map((p) => (p === null ? null : argmax(p)));
  if (r === null || mode === null) return roles;
  if (mode.endsWith('+head')) return decodeHeaded(probs, roles, r, mode === 'force+head', texts);
  const seg = segmentsOf(r, probs.length);
  const kept = keepOneStart(probs, roles, seg, () => true, new Set());
  if (mode === 'force') forceStarts(probs, roles, r, kept);
  return roles;
}

/** Each line's segment: -1 the lead window, j record j, null outside every record. */
function segmentsOf(r: PageRecords, n: number): Array<number | null> {
  const seg: Array<number | null> = Array.from({ length: n }, () => null);
  for (let i = r.leadFrom; i < r.starts[0]! && i < n; i++) seg[i] = -1;
  r.starts.forEach((s, j) => {
    for (let i = s; i < r.ends[j]! && i < n; i++) seg[i] = j;
  });
  return seg;
}

/**
 * Of the start lines `weighed` (as `roles` read them), those outside every segment or in a segment of `closed` take
 * their most probable other role; in each other segment the most probable stays and the rest take theirs. Returns the
 * start kept in each segment.
 */
function keepOneStart(probs: ReadonlyArray<readonly number[] | null>, roles: Array<number | null>, seg: ReadonlyArray<number | null>, weighed: (i: number) => boolean, closed: ReadonlySet<number>): Map<number, number> {
  const kept = new Map<number, number>();
  const drop = (i: number): void => {
    roles[i] = argmax(probs[i]!, START);
  };
  [...roles].forEach((x, i) => {
    if (x !== START || !weighed(i)) return;
    const s = seg[i];
    if (s === null || s === undefined || closed.has(s)) {
      drop(i);
      return;
    }
    const k = kept.get(s);
    if (k === undefined) kept.set(s, i);
    else if (probs[i]![START]! > probs[k]![START]!) {
      drop(k);
      kept.set(s, i);
    } else drop(i);
  });
  return kept;
}

/** A record with no start (none kept, none in `also`) gets one at its body line most probably a start. */
function forceStarts(probs: ReadonlyArray<readonly number[] | null>, roles: Array<number | null>, r: PageRecords, kept: ReadonlyMap<number, number>, also: ReadonlySet<number> = new Set()): void {
  r.starts.forEach((s, j) => {
    if (kept.has(j) || also.has(j)) return;
    let best = -1;
    for (let i = s; i < r.ends[j]! && i < roles.length; i++) {
      if (roles[i] === BODY && (best < 0 || probs[i]![START]! > probs[best]![START]!)) best = i;
    }
    if (best >= 0) roles[best] = START;
  });
}

/**
 * The `+head` modes (post hoc, tmpl40, after the registered run read pages whose records were fewer than their posts:
 * a head shape that varies between posts, `| parent | next` beside `| parent | prev | next`, a handle with a hyphen):
 * a start line with a head of its own (its nearest non-blank line above read as an author or meta line, or a head on
 * the line itself, `readInlineHead`) is a post whatever the records say and always stays. The records then only weigh
 * headless start lines (a paragraph the model took for a new post): outside every record and the lead window they
 * take their most probable other role; in a record (or the lead window) with a headed start they all do; in one
 * without, the most probable stays. `force` as before: a record with no start at all gets one at its body line most
 * probably a start.
 */
function decodeHeaded(probs: ReadonlyArray<readonly number[] | null>, roles: Array<number | null>, r: PageRecords, force: boolean, texts: readonly string[]): Array<number | null> {
  const base = [...roles];
  const seg = segmentsOf(r, probs.length);
  let above: number | null = null;
  const headed = base.map((x, i) => {
    if (x === null) return false;
    const h = x === START && ((above !== null && (above === AUTHOR || above === META)) || (texts[i] !== undefined && readInlineHead(texts[i]!) !== null));
    above = x;
    return h;
  });
  const hasHeaded = new Set<number>();
  base.forEach((x, i) => {
    const s = seg[i];
    if (x === START && headed[i] && s !== null && s !== undefined) hasHeaded.add(s);
  });
  const kept = keepOneStart(probs, roles, seg, (i) => !headed[i], hasHeaded);
  if (force) forceStarts(probs, roles, r, kept, hasHeaded);
  return roles;
}

/** The page's records from its lines' trimmed texts (blank: ''), as the decoder reads them. */
export function recordsOf(trimmed: readonly string[]): PageRecords | null {
  return pageRecords(trimmed);
}
