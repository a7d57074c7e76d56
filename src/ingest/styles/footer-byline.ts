import type { BlockKind } from '../../schema/document.js';
import { isBlank, type Line } from '../lines.js';
import { isRemovalNote, readCountLine } from '../section-cues.js';
import type { CommentStyle, RawPost, SectionParse } from '../types.js';
import type { Span } from '../../schema/common.js';
import { parseCalendarDate } from '../../text/dates.js';
import { newPost } from './counted.js';
import { isNameTokens, splitFields } from './header-cues.js';

/**
 * (Session 24) Comment sections that sign each comment UNDER its text (SB Nation's and other Chorus sites' old
 * comments): the text (maybe a subject line first), then one footer line `by NAME on Dec 4, 2026 | 6:31 PM  up  reply
 * rec (14)  flag  actions`: "by" and the name, "on" and the time, then the comment's buttons. A footer line is known by
 * its buttons (a closed class of interface words, `reply` and one other at least) after a time; `up` among them (the
 * link to the comment answered) marks a reply to the comment above, as a `parent` link does; a deleted comment keeps
 * the footer without "by NAME" (`on Dec 4, 2026 | 7:15 PM  up  reply  flag`). The text of a comment is every line
 * between the footer above and its own; the first comment's is the run of lines over the first footer. Reported as
 * `widget`.
 */

// The buttons after the time: interface words of comment widgets (a closed class).
const BUTTONS = new Set(['up', 'reply', 'rec', 'recs', 'recommend', 'flag', 'actions', 'report', 'permalink', 'share', 'like', 'link', 'edit', 'delete']);
const BUTTON_COUNT = /^\(\d{1,6}\)$/;

interface BylineFooter {
  author: string | null;
  authorSpan: Span | null;
  timestamp: string;
  up: Span | null;
  recs: number | null;
  /** The signature does not show nesting (no `up` link): the post is not marked top level. */
  unnested?: boolean;
  /** The post's own number (`17 posted on … by NAME`), which replies cite. */
  number?: string;
}

// (Session 34) A community weblog's signature (MetaFilter): `posted by NAME at 7:19 AM on December 4, 2026`, maybe a
// qualifier after the name (`NAME (staff)`) and a bracketed counter after the date (`[3 favorites]`). The clock, "on"
// and a calendar date make it a signature without buttons.
const POSTED_BY = /^posted by (\S.{0,58}?) at (\d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?) on (\p{L}{3,9}\.? \d{1,2}(?:, \d{4})?|\d{1,2} \p{L}{3,9}\.?(?: \d{4})?)(?: \[[^\[\]]{1,40}\])?$/iu;
const NAME_QUALIFIER = / \((?:staff|mod|moderator|admin|op)\)$/i;

/** A `posted by NAME at TIME on DATE` signature, or null. Nesting is not shown by it, so it marks no root. */
function readPostedBy(line: Line): BylineFooter | null {
  const t = line.trimmed;
  if (t.length > 200) return null;
  const m = POSTED_BY.exec(t);
  if (!m || parseCalendarDate(m[3]!) === null) return null;
  const name = m[1]!.replace(NAME_QUALIFIER, '');
  const from = line.contentStart + 'posted by '.length;
  const fields = splitFields(line).filter((f) => f.start >= from && f.end <= from + name.length);
  if (!isNameTokens(fields)) return null;
  return { author: name, authorSpan: [from, from + name.length], timestamp: `${m[2]!} on ${m[3]!}`, up: null, recs: null, unnested: true };
}

// (Session 38) A news board's signature under each reply (Free Republic): `17 posted on 12/05/2026 6:49:30 AM PST by NAME`,
// the post's number first. The number, "posted on", a date and "by" make it a signature without buttons; whom the post
// answers stands in the button row under it (`[ Post Reply | Private Reply | To 3 | View Replies]`).
const NUMBERED_POSTED = /^(\d{1,6}) posted on (\S.{5,44}?) by (\S.{0,58})$/;
const SLASHED_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/;

/** A `N posted on DATE by NAME` signature, or null. */
function readNumberedPosted(line: Line): BylineFooter | null {
  const t = line.trimmed;
  if (t.length > 200) return null;
  const m = NUMBERED_POSTED.exec(t);
  if (!m || (!SLASHED_DATE.test(m[2]!) && parseCalendarDate(m[2]!) === null)) return null;
  const name = m[3]!;
  const from = line.contentStart + t.length - name.length;
  const fields = splitFields(line).filter((f) => f.start >= from);
  if (!isNameTokens(fields)) return null;
  return { author: name, authorSpan: [from, from + name.length], timestamp: m[2]!, up: null, recs: null, unnested: true, number: m[1]! };
}

// The button row under a numbered signature, bracketed and barred: `[ Post Reply | Private Reply | To 3 | View Replies]`;
// `To N` cites the post answered by its number.
const BUTTON_ROW = /^\[ ?[^\[\]|]{1,30}(?: ?\| ?[^\[\]|]{1,30}){1,7} ?\]$/;
const CITED_NUMBER = /(?:^|\| ?)(to (\d{1,6})) ?(?=\||\]$)/i;

/**
 * A bracketed row of buttons under a signature, with the number it cites (`To 3`) and where `To 3` stands in the row
 * (`at`: offsets into `trimmed`), or null when it is no such row.
 */
function readButtonRow(trimmed: string): { cited: string | null; at: [number, number] | null } | null {
  if (trimmed.length > 160 || !BUTTON_ROW.test(trimmed) || !/\breply\b/i.test(trimmed)) return null;
  const inner = trimmed.slice(1, -1);
  // The row is read without its brackets and the white space inside them: `lead` characters of `trimmed` go before.
  const lead = 1 + inner.length - inner.trimStart().length;
  const m = CITED_NUMBER.exec(inner.trim() + ']');
  if (!m) return { cited: null, at: null };
  const from = lead + m.index + m[0].indexOf(m[1]!);
  return { cited: m[2]!, at: [from, from + m[1]!.length] };
}

// A clock closing a signature's date: `06:52:05 AM PST`, `18:40`.
const CLOCK_LAST = /\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,5})?$/i;

// One bracketed link alone on a line (`[ Parent ]`, `[ reply ]`): a signature's link row.
const LINK_ROW = /^\[ ?\p{L}{2,12} ?\]$/u;

// A recipient line over the text (`To: NAME`, `To: All`): whom the post is addressed to, not its text.
const RECIPIENT = /^to: (\S.{0,58})$/i;

/** A footer line signing the comment above it, or null. */
export function readBylineFooter(line: Line): BylineFooter | null {
  const t = line.trimmed;
  if (/^posted by /i.test(t)) return readPostedBy(line);
  if (/^\d/.test(t)) return readNumberedPosted(line);
  if (t.length > 200 || !/^(?:by |on )/.test(t)) return null;
  const fields = splitFields(line);
  let k = 0;
  let author: string | null = null;
  let authorSpan: Span | null = null;
  if (fields[0]!.text === 'by') {
    const on = fields.findIndex((f, j) => j >= 2 && j <= 6 && f.text === 'on');
    if (on < 0) return null;
    const name = fields.slice(1, on);
    if (!isNameTokens(name)) return null;
    authorSpan = [name[0]!.start, name[name.length - 1]!.end];
    author = line.text.slice(authorSpan[0] - line.start, authorSpan[1] - line.start);
    k = on;
  }
  // The time: from after "on" to the first button.
  let b = k + 1;
  while (b < fields.length && !BUTTONS.has(fields[b]!.text)) b++;
  if (b === k + 1) return null;
  // (Session 39) `by NAME on Sat Dec 05, 2026 at 06:52:05 AM PST` and nothing after: a community blog's signature
  // without buttons, known as MetaFilter's is by "by", the name, "on", a calendar date and a clock.
  if (b >= fields.length) {
    if (author === null) return null;
    const when = line.text.slice(fields[k + 1]!.start - line.start, fields[fields.length - 1]!.end - line.start);
    // The date and the clock end the line (maybe a zone): no bracketed ids, handles or links after it.
    if (/[()[\]#@|]/.test(when) || !CLOCK_LAST.test(when) || parseCalendarDate(when) === null) return null;
    return { author, authorSpan, timestamp: when, up: null, recs: null, unnested: true };
  }
  const timestamp = line.text.slice(fields[k + 1]!.start - line.start, fields[b - 1]!.end - line.start);
  if (parseCalendarDate(timestamp) === null && !/\d{1,2}:\d{2}/.test(timestamp)) return null;
  // The rest is buttons only, `reply` among them, and two at least.
  let up: Span | null = null;
  let recs: number | null = null;
  let buttons = 0;
  let reply = false;
  for (let j = b; j < fields.length; j++) {
    const f = fields[j]!;
    if (BUTTON_COUNT.test(f.text) && j > b && BUTTONS.has(fields[j - 1]!.text)) {
      if (/^rec/.test(fields[j - 1]!.text) || fields[j - 1]!.text === 'like') recs = Number(f.text.slice(1, -1));
      continue;
    }
    if (!BUTTONS.has(f.text)) return null;
    buttons++;
    if (f.text === 'reply') reply = true;
    if (f.text === 'up') up = [f.start, f.end];
  }
  if (!reply || buttons < 2) return null;
  return { author, authorSpan, timestamp, up, recs };
}

// (Session 34) The post's own signature line counting its comments: `posted by NAME (18 comments total) 22 users …`.
const COMMENTS_TOTAL = /\((\d{1,6}) comments? total\)/i;

/** The section's count line: a count line, or a line counting `(N comments total)`. */
function sectionCount(trimmed: string): number | null | undefined {
  const c = readCountLine(trimmed);
  if (c !== undefined) return c;
  const m = trimmed.length <= 200 ? COMMENTS_TOTAL.exec(trimmed) : null;
  return m ? Number(m[1]) : undefined;
}

function footers(lines: readonly Line[]): number[] {
  const out: number[] = [];
  for (const l of lines) if (!isBlank(l) && readBylineFooter(l)) out.push(l.index);
  return out;
}

/** The first line of the first comment: the run of lines right over the first footer. */
function firstTextLine(lines: readonly Line[], firstFooter: number): number {
  let s = firstFooter;
  // A numbered signature may stand one blank line under the text.
  if (s > 1 && isBlank(lines[s - 1]!) && !isBlank(lines[s - 2]!) && readBylineFooter(lines[s]!)?.number !== undefined) s--;
  while (s > 0 && !isBlank(lines[s - 1]!)) s--;
  return s;
}

function detectFooterByline(lines: readonly Line[]): { start: number; confidence: number } | null {
  const f = footers(lines);
  // Three signed comments at least, most of them with text right over the footer.
  if (f.length < 3) return null;
  const signed = f.filter((i) => readBylineFooter(lines[i]!)!.author !== null).length;
  // A numbered signature (`17 posted on …`) may stand one blank line under its text.
  const texted = f.filter((i) => i > 0 && (!isBlank(lines[i - 1]!) || (readBylineFooter(lines[i]!)!.number !== undefined && i > 1 && !isBlank(lines[i - 2]!)))).length;
  if (signed < 3 || texted < f.length * 0.8) return null;
  const text = firstTextLine(lines, f[0]!);
  // The section's count line ("19 comments") a little above, when there is one.
  let start = text;
  for (let k = text - 1; k >= Math.max(0, text - 15); k--) {
    if (sectionCount(lines[k]!.trimmed) !== undefined) {
      start = k;
      break;
    }
  }
  return { start, confidence: 0.97 };
}

function parseFooterByline(lines: readonly Line[], start: number): SectionParse {
  const posts: RawPost[] = [];
  // The ids of the posts so far and the lowest as a number (NaN once any id is no number), kept as they come so a
  // numbered post's cited number is looked up in constant time.
  const numbered: NumberedSoFar = { ids: new Set<string>(), min: Infinity };
  const lineKinds = new Map<number, BlockKind>();
  const linePost = new Map<number, number>();
  let declaredCount: number | null = null;
  const f = footers(lines).filter((i) => i >= start);
  if (f.length === 0) return { posts, lineKinds, linePost, declaredCount, messages: [] };
  const first = Math.max(start, firstTextLine(lines, f[0]!));
  for (let k = start; k < first; k++) {
    const c = sectionCount(lines[k]!.trimmed);
    if (c !== undefined && c !== null && declaredCount === null) declaredCount = c;
    lineKinds.set(k, isBlank(lines[k]!) ? 'blank' : c !== undefined ? 'comment-section-header' : 'comment-chrome');
  }
  let from = first;
  for (const at of f) {
    const foot = readBylineFooter(lines[at]!)!;
    const post = newPost(foot.author, foot.authorSpan);
    post.timestamp = foot.timestamp;
    post.likes = foot.recs;
    post.raw = [lines[at]!];
    if (foot.up) post.replyMark = foot.up;
    else if (!foot.unnested) post.rootMark = true;
    let a = from;
    let b = at;
    while (a < b && isBlank(lines[a]!)) lineKinds.set(a++, 'blank');
    while (b > a && isBlank(lines[b - 1]!)) lineKinds.set(--b, 'blank');
    const body = lines.slice(a, b);
    const index = posts.length;
    // A weblog's signed note (`[One comment deleted. …]` / `posted by MOD (staff) at …`) is the moderator's comment: that
    // page drops the deleted one, so only a footer that shows nesting keeps a removal placeholder.
    if (body.length === 1 && !foot.unnested && isRemovalNote(body[0]!.trimmed)) {
      post.removed = true;
      lineKinds.set(a, 'post-removed');
      linePost.set(a, index);
    } else {
      post.body = body;
      for (const l of body) {
        lineKinds.set(l.index, isBlank(l) ? 'blank' : 'post-body');
        linePost.set(l.index, index);
      }
    }
    lineKinds.set(at, 'post-footer');
    linePost.set(at, index);
    if (foot.number !== undefined) numberPost(post, foot.number, lines, at, numbered, lineKinds, linePost, index);
    posts.push(post);
    if (post.id !== null) {
      numbered.ids.add(post.id);
      numbered.min = Math.min(numbered.min, Number(post.id));
    }
    from = at + 1;
    // The button row under the signature is the post's.
    let k = at + 1;
    while (k < lines.length && k <= at + 2 && isBlank(lines[k]!)) k++;
    // (Session 39) `[ Parent ]` right under a signature: the link to the comment answered (as Chorus's `up`), the post's.
    if (foot.number === undefined && at + 1 < lines.length && LINK_ROW.test(lines[at + 1]!.trimmed)) {
      lineKinds.set(at + 1, 'post-footer');
      linePost.set(at + 1, index);
      post.raw.push(lines[at + 1]!);
      post.replyMark = [lines[at + 1]!.contentStart, lines[at + 1]!.contentEnd];
      from = at + 2;
    }
    if (foot.number !== undefined && k < lines.length && readButtonRow(lines[k]!.trimmed)) {
      for (let j = at + 1; j < k; j++) lineKinds.set(j, 'blank');
      lineKinds.set(k, 'post-footer');
      linePost.set(k, index);
      post.raw.push(lines[k]!);
      from = k + 1;
    }
  }
  for (let k = from; k < lines.length; k++) lineKinds.set(k, isBlank(lines[k]!) ? 'blank' : 'comment-chrome');
  return { posts, lineKinds, linePost, declaredCount, messages: [] };
}

/**
 * A numbered post (`17 posted on … by NAME`): its number is its id; the `To N` of the button row under the signature
 * cites the post answered (an earlier post's number), or the story above the comments (a number under every post's:
 * top level); a `To: NAME` line over the text is the header's, and `To: All` marks a post to no one in particular.
 */
interface NumberedSoFar {
  ids: Set<string>;
  min: number;
}

function numberPost(post: RawPost, number: string, lines: readonly Line[], at: number, numbered: NumberedSoFar, lineKinds: Map<number, BlockKind>, linePost: Map<number, number>, index: number): void {
  post.id = number;
  let k = at + 1;
  while (k < lines.length && k <= at + 2 && isBlank(lines[k]!)) k++;
  const row = k < lines.length ? readButtonRow(lines[k]!.trimmed) : null;
  const cited = row?.cited ?? null;
  if (cited !== null && numbered.ids.has(cited)) {
    post.parentRef = cited;
    const at = row!.at!; // found with the number
    post.parentRefSpan = [lines[k]!.contentStart + at[0], lines[k]!.contentStart + at[1]];
  } else if (cited !== null && Number(cited) < Math.min(Number(number), numbered.min)) post.rootMark = true;
  const first = post.body.findIndex((l) => !isBlank(l));
  const recipient = first >= 0 && post.body.length > first + 1 ? RECIPIENT.exec(post.body[first]!.trimmed) : null;
  if (recipient) {
    const line = post.body[first]!;
    post.body.splice(0, first + 1);
    post.raw.unshift(line);
    lineKinds.set(line.index, 'post-header');
    linePost.set(line.index, index);
    if (/^all$/i.test(recipient[1]!) && cited === null) post.rootMark = true;
  }
  // `To: NAME` / `Removed by Moderator`: a removed post keeps its number, recipient and signature.
  const text = post.body.filter((l) => !isBlank(l));
  if (text.length === 1 && isRemovalNote(text[0]!.trimmed)) {
    post.removed = true;
    post.body = [];
    lineKinds.set(text[0]!.index, 'post-removed');
  }
}

/** Comments signed by a footer line under their text. */
export const footerBylineStyle: CommentStyle = {
  name: 'widget',
  detect: detectFooterByline,
  parse: (lines, start) => parseFooterByline(lines, start),
};
