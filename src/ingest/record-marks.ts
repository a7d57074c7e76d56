import type { Span } from '../schema/common.js';
import { isBlank, splitLines, type Line } from './lines.js';
import { NAME_LINE } from './head-template.js';
import { isRemovalNote } from './section-cues.js';
import { readTimeLine } from './styles/header-cues.js';
import type { RawPost, SectionParse } from './types.js';

/**
 * (Session 45) Two page-level readings of what a page prints around each record, by the shape the records share, not by
 * any layout's words (run last by `readPageRecords`):
 * - sign-off lines: where a line of one template, a dash, a name, a separator and a time (`— Jane Orr · 3 days ago`),
 *   stands right under the text of nearly every record, each record's name and time are those of the line under its
 *   text, whatever the reader before took for its head (the side label over the text, `Pro`, or the sign-off of the
 *   record above); a record under which none stands and whose one line of text is a removal note is a removed record;
 * - record numbers: where every record, removed ones too, has a line that is nothing but a number right over it (`1.2.1`
 *   over a claim, `#7` over a comment), the numbers all different, the number is the record's id; an outline number
 *   (`1.2.1`) answers the record numbered by its first parts (`1.2`), and one whose first parts number no record
 *   answers the page (top level); with plain numbers (`#7`), a text opening with `#N` (an earlier record's number)
 *   answers that record. A page whose numbers link no record (it numbers its comments and cites none) is left as read.
 */
export function readRecordMarks(parsed: SectionParse, lines: readonly Line[]): SectionParse {
  return withRecordNumbers(withSignOffLines(parsed, lines), lines);
}

// A dash, the name, a separator, the time: `— Jane Orr · 3 days ago`, `– kite_runner | 5 Dec 2026`.
const SIGN_OFF = /^[—–-]{1,2} ?(\S.{0,58}?) +[·•|] +(\S.{1,40})$/u;

interface SignOff {
  line: Line;
  name: string;
  nameSpan: Span;
  time: string;
}

function readSignOff(line: Line): SignOff | null {
  if (line.trimmed.length > 100) return null;
  const m = SIGN_OFF.exec(line.trimmed);
  if (!m || !NAME_LINE.test(m[1]!)) return null;
  const time = readTimeLine(splitLines(m[2]!)[0]!);
  if (time === null) return null;
  const at = line.contentStart + line.trimmed.indexOf(m[1]!, 1);
  return { line, name: m[1]!, nameSpan: [at, at + m[1]!.length], time };
}

const textLines = (p: RawPost): Line[] => p.body.filter((l) => !isBlank(l));

function withSignOffLines(parsed: SectionParse, lines: readonly Line[]): SectionParse {
  const posts = parsed.posts;
  if (posts.length < 5) return parsed;
  // The section's lines that records own, from the first to three lines under the last (a loop: a long page's lines
  // are too many to spread into `Math.min`).
  let from = Infinity;
  let last = -1;
  for (const k of parsed.linePost.keys()) {
    from = Math.min(from, k);
    last = Math.max(last, k);
  }
  if (last < 0) return parsed;
  const to = Math.min(lines.length - 1, last + 3);
  const signOffs: SignOff[] = [];
  for (let k = from; k <= to; k++) {
    const s = isBlank(lines[k]!) ? null : readSignOff(lines[k]!);
    if (s) signOffs.push(s);
  }
  if (signOffs.length < 5) return parsed;
  const signOffAt = new Set(signOffs.map((s) => s.line.index));
  // The record whose text stands right over each sign-off (the nearest line above that is a record's text).
  const textOwner = new Map<number, number>();
  posts.forEach((p, k) => {
    for (const l of textLines(p)) if (!signOffAt.has(l.index)) textOwner.set(l.index, k);
  });
  const signedBy = new Map<number, SignOff>();
  for (const s of signOffs) {
    let k = s.line.index - 1;
    while (k >= from && isBlank(lines[k]!)) k--;
    const owner = textOwner.get(k);
    if (owner === undefined || signedBy.has(owner)) return parsed;
    signedBy.set(owner, s);
  }
  const withText = posts.filter((p) => !p.removed && textLines(p).some((l) => !signOffAt.has(l.index)));
  if (signedBy.size < 0.8 * withText.length) return parsed;
  posts.forEach((p, k) => {
    for (const l of p.raw) {
      parsed.lineKinds.set(l.index, isBlank(l) ? 'blank' : 'comment-chrome');
      parsed.linePost.delete(l.index);
    }
    // The sign-off closes the record's text: lines read into the text under it (the page's rows, the next record's
    // number) are the page's.
    const s = signedBy.get(k);
    for (const l of p.body.filter((x) => s !== undefined && x.index > s.line.index)) {
      parsed.lineKinds.set(l.index, isBlank(l) ? 'blank' : 'comment-chrome');
      parsed.linePost.delete(l.index);
    }
    p.body = p.body.filter((l) => !signOffAt.has(l.index) && (s === undefined || l.index < s.line.index));
    for (const so of signOffs) if (parsed.linePost.get(so.line.index) === k) parsed.linePost.delete(so.line.index);
    p.raw = [];
    p.author = null;
    p.authorSpan = null;
    p.timestamp = null;
    p.replyTo = null;
    p.isOP = false;
    if (s) {
      p.raw = [s.line];
      p.author = s.name;
      p.authorSpan = s.nameSpan;
      p.timestamp = s.time;
      parsed.lineKinds.set(s.line.index, 'post-header');
      parsed.linePost.set(s.line.index, k);
      return;
    }
    // No sign-off under it: a removal note alone is a removed record.
    const text = textLines(p);
    if (!p.removed && text.length === 1 && isRemovalNote(text[0]!.trimmed)) {
      p.removed = true;
      p.body = [];
      p.raw = [text[0]!];
      parsed.lineKinds.set(text[0]!.index, 'post-removed');
    }
  });
  return parsed;
}

// A line that is nothing but a record's number: `#7`, `12`, an outline number `1.2.1`.
const NUMBER_LINE = /^#?(\d{1,4}(?:\.\d{1,4}){0,11})$/;
// A text opening with an earlier record's number: `#3:`, `#12 thanks`.
const CITED = /^#(\d{1,4})(?=[\s:.,;)]|$)/;

/** The number line right over a record: in the run of lines over its first line, up to a blank line or another record's line. */
function numberOver(p: RawPost, k: number, parsed: SectionParse, lines: readonly Line[]): { number: string; line: Line } | null | 'several' {
  const own = [...p.raw, ...p.body].filter((l) => !isBlank(l)).sort((a, b) => a.index - b.index);
  const first = own[0];
  if (!first) return null;
  const candidates = own.filter((l) => l.index < (textLines(p)[0]?.index ?? Infinity));
  for (let i = first.index - 1, n = 0; i >= 0 && n < 6; i--, n++) {
    const l = lines[i]!;
    const owner = parsed.linePost.get(i);
    if (isBlank(l) || (owner !== undefined && owner !== k)) break;
    candidates.push(l);
  }
  const found = candidates.map((l) => ({ m: NUMBER_LINE.exec(l.trimmed), line: l })).filter((x) => x.m !== null);
  if (found.length > 1) return 'several';
  return found.length === 1 ? { number: found[0]!.m![1]!, line: found[0]!.line } : null;
}

function withRecordNumbers(parsed: SectionParse, lines: readonly Line[]): SectionParse {
  const posts = parsed.posts;
  if (posts.length < 5 || posts.some((p) => p.id !== null || p.parentRef !== null)) return parsed;
  const numbers = posts.map((p, k) => numberOver(p, k, parsed, lines));
  if (numbers.some((n) => n === null || n === 'several')) return parsed;
  const found = numbers as Array<{ number: string; line: Line }>;
  const ids = new Set(found.map((n) => n.number));
  if (ids.size !== posts.length) return parsed;
  const outline = found.some((n) => n.number.includes('.'));
  // Only a page whose numbers link a record reads them (a page that numbers its comments and cites none keeps its ids).
  const links = (k: number): string | null => {
    const { number } = found[k]!;
    if (outline) {
      const cut = number.lastIndexOf('.');
      return cut > 0 && ids.has(number.slice(0, cut)) ? number.slice(0, cut) : null;
    }
    const first = textLines(posts[k]!)[0];
    const cited = first ? CITED.exec(first.trimmed) : null;
    return cited && ids.has(cited[1]!) ? cited[1]! : null;
  };
  if (!posts.some((_, k) => links(k) !== null)) return parsed;
  const seen = new Set<string>();
  posts.forEach((p, k) => {
    const { number, line } = found[k]!;
    p.id = number;
    parsed.lineKinds.set(line.index, 'post-header');
    if (outline) {
      const cut = number.lastIndexOf('.');
      const parent = cut > 0 ? number.slice(0, cut) : null;
      if (parent !== null && seen.has(parent)) {
        p.parentRef = parent;
        p.parentRefSpan = [line.contentStart, line.contentEnd];
      } else p.rootMark = true;
    } else {
      const first = textLines(p)[0];
      const cited = first ? CITED.exec(first.trimmed) : null;
      if (cited && seen.has(cited[1]!)) {
        p.parentRef = cited[1]!;
        p.parentRefSpan = [first!.contentStart, first!.contentStart + cited[0].length];
      }
    }
    seen.add(number);
  });
  return parsed;
}
