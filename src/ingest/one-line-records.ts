import { isBlank, type Line } from './lines.js';
import { openingIntoHead, openingLine, skeleton, withPostsRelaid } from './head-template.js';
import { normalise } from '../thread/split-quote.js';
import { readWidgetHeader, splitFields } from './styles/header-cues.js';
import { isRemovalNote } from './section-cues.js';
import { postLineBounds } from './opening-post.js';
import type { RawPost, SectionParse } from './types.js';

/**
 * (Session 43) Page-level readings of heads and records the section's reader took for a name or for text, judged by
 * what the page's records share, not by any layout's words (run first by `readPageRecords`):
 * - a name the reader read for four posts or more, where every post by it has under that line a head line of its own
 *   (a name and a time, `Jo Baines 3 days ago`) by another name: the line the reader took for the name is the page's
 *   (a toggle row over each record), and the head line's name is the poster's;
 * - a line of a post's text (or a nameless record's first line) opening with a head (a name and a time) and going on
 *   with text, right under a row the page prints under its posts (`helpful! 3`), on a page whose heads print name and
 *   time on one line: a record of its own, head and text on one line, one level under the post it was read into; such a
 *   page's records end at their rows (the rows are their footers, what follows the page's, or a removed record: a
 *   removal note, or one line and no head under the row the first reading found over each record's head);
 * - a line opening a post's text that names an earlier poster and previews, after a colon, the first words of one of
 *   that poster's posts cut with an ellipsis: the reply's context line (`withPreviewLines`);
 * - a name line that reads as a removal note heads a removed record (`withRemovalNames`);
 * - a line wholly in quotation marks opening three posts or more, each of words the page prints above the section:
 *   the story's words each post answers, not its text (`withStoryQuotes`).
 */
export function readOneLineRecords(parsed: SectionParse, lines: readonly Line[]): SectionParse {
  // The rows over each record's head that the first reading gives the page (a record opens under one).
  const openers = new Set<string>();
  return withStoryQuotes(withRemovalNames(withPreviewLines(withHeadlessUnderOpeners(withOneLineRecords(withNamesUnderConstantLine(parsed, openers), lines, openers), lines, openers))), lines);
}

/** A nameless record of one line with no time, right under the row that opens each record: its head is gone (removed). */
function withHeadlessUnderOpeners(parsed: SectionParse, lines: readonly Line[], openers: ReadonlySet<string>): SectionParse {
  if (openers.size === 0) return parsed;
  parsed.posts.forEach((p) => {
    const text = p.body.filter((l) => !isBlank(l));
    if (p.removed || p.author !== null || p.timestamp !== null || text.length !== 1 || p.raw.some((l) => !isBlank(l))) return;
    const over = lineOver(text[0]!, lines);
    if (!over || !openers.has(over.trimmed) || leadingHead(text[0]!) !== null) return;
    p.removed = true;
    p.raw = text;
    p.body = [];
    parsed.lineKinds.set(text[0]!.index, 'post-removed');
  });
  return parsed;
}

/**
 * - a name line that reads as a removal note (`Hidden by moderators`, over a date and the note) heads a removed record
 *   when its text, if any, is a removal note too: no one's name says that a post was hidden (a post whose text stands
 *   under a `[deleted]` account is still a post).
 */
function withRemovalNames(parsed: SectionParse): SectionParse {
  parsed.posts.forEach((p) => {
    if (p.removed || p.author === null || !isRemovalNote(p.author)) return;
    if (!p.body.every((l) => isBlank(l) || isRemovalNote(l.trimmed))) return;
    for (const l of p.body) if (!isBlank(l)) parsed.lineKinds.set(l.index, 'post-footer');
    p.raw = [...p.raw, ...p.body.filter((l) => !isBlank(l))].sort((a, b) => a.index - b.index);
    p.body = [];
    p.removed = true;
    p.author = null;
    p.authorSpan = null;
  });
  return parsed;
}

// A line wholly in quotation marks: “…”, "…", ‘…’ or «…».
const WHOLE_QUOTE = /^(?:“([^”]{8,300})”|"([^"]{8,300})"|‘([^’]{8,300})’|«([^»]{8,300})»)$/u;

/**
 * - a line wholly in quotation marks opening a post's text (more text under it) whose words the page prints above the
 *   section's first post (the story's words, highlighted by an annotation), where three posts or more open so (the
 *   page prints each annotation's anchor; one reader quoting the story keeps the quote in the text): the post quotes
 *   the story; the line is the words it answers, not its own text.
 */
function withStoryQuotes(parsed: SectionParse, lines: readonly Line[]): SectionParse {
  const first = postLineBounds(parsed)?.first;
  if (first === undefined) return parsed;
  const above = normalise(lines.slice(0, first).map((l) => l.trimmed).join(' '));
  const quotes = parsed.posts.map((p) => {
    const opening = p.removed || (p.quoted?.length ?? 0) > 0 ? null : openingLine(p);
    const m = opening ? WHOLE_QUOTE.exec(opening.line.trimmed) : null;
    if (!opening || !m) return null;
    const words = normalise(m[1] ?? m[2] ?? m[3] ?? m[4]!);
    return words.split(' ').length >= 3 && above.includes(words) ? opening : null;
  });
  // The page's habit, not a reader's: three posts or more open so (a reader quoting the story keeps the quote as text).
  if (quotes.filter((q) => q !== null).length < 3) return parsed;
  parsed.posts.forEach((p, k) => {
    const opening = quotes[k];
    if (!opening) return;
    p.quoted = [opening.line];
    p.quotedStory = true;
    p.body = p.body.slice(opening.k + 1);
    parsed.lineKinds.set(opening.line.index, 'post-body');
  });
  return parsed;
}

// "…: Absolutely ridiculous. My daughter had croup…": a line's last part after a colon, cut with an ellipsis.
const PREVIEW = /^(.{3,80}?):\s+(\S.{8,160}?)\s*(?:…|\.\.\.)$/u;

/**
 * - a line opening a post's text (more text under it) that names an earlier poster and, after a colon, gives the first
 *   words of one of that poster's earlier posts cut with an ellipsis (`Commented on Jo's message: Absolutely…`), is the
 *   reply's context line: the head's, naming whom the post answers and previewing its words, not the post's text; where
 *   the reader read such a line as the name answered, preview and all, the name is the poster's it names.
 */
function withPreviewLines(parsed: SectionParse): SectionParse {
  const texts = parsed.posts.map((p) => (p.removed ? '' : normalise(p.body.filter((l) => !isBlank(l)).map((l) => l.trimmed).join(' '))));
  const posters = new Set(parsed.posts.map((p) => p.author?.toLowerCase()).filter((a) => a !== undefined));
  // The latest post before `index` whose text starts with the previewed words, by a writer `text` names before them.
  const previewed = (text: string, index: number): { name: string; at: number; snippet: string } | null => {
    const m = PREVIEW.exec(text);
    if (!m) return null;
    const words = normalise(m[2]!);
    if (words.split(' ').length < 3) return null;
    const lead = m[1]!.toLowerCase();
    for (let k = index - 1; k >= 0; k--) {
      const q = parsed.posts[k]!;
      if (q.removed || q.author === null || !texts[k]!.startsWith(words)) continue;
      const at = lead.lastIndexOf(q.author.toLowerCase());
      if (at >= 0) return { name: q.author, at, snippet: m[2]! };
    }
    return null;
  };
  parsed.posts.forEach((p, index) => {
    if (p.removed) return;
    // A reply line read with the preview in the name answered ("Replied to Jo's post: First words…" read as the name).
    if (p.replyTo !== null) {
      if (posters.has(p.replyTo.name.toLowerCase())) return;
      const seen = previewed(p.replyTo.name, index);
      if (seen) p.replyTo = { name: seen.name, span: [p.replyTo.span[0] + seen.at, p.replyTo.span[0] + seen.at + seen.name.length], snippet: seen.snippet };
      return;
    }
    const opening = openingLine(p);
    const seen = opening ? previewed(opening.line.trimmed, index) : null;
    if (!opening || !seen) return;
    const start = opening.line.contentStart + seen.at;
    p.replyTo = { name: seen.name, span: [start, start + seen.name.length], snippet: seen.snippet };
    openingIntoHead(parsed, index, opening.k);
  });
  return parsed;
}

/** The head line under the line holding the post's name that reads as a head of its own (a name and a time), if any. */
function headUnderName(p: RawPost): { line: Line; author: string; span: [number, number]; timestamp: string | null } | null {
  if (p.authorSpan === null) return null;
  const [a] = p.authorSpan;
  const at = p.raw.findIndex((l) => l.start <= a && a < Math.max(l.end, l.start + 1));
  if (at < 0) return null;
  for (const line of p.raw.slice(at + 1)) {
    if (isBlank(line)) continue;
    const h = readWidgetHeader(line);
    if (h && h.timestamp !== null && h.author.toLowerCase() !== p.author?.toLowerCase()) return { line, author: h.author, span: h.authorSpan, timestamp: h.timestamp };
    return null;
  }
  return null;
}

function withNamesUnderConstantLine(parsed: SectionParse, openers: Set<string>): SectionParse {
  const byName = new Map<string, RawPost[]>();
  for (const p of parsed.posts) {
    if (p.removed || p.author === null) continue;
    byName.set(p.author, [...(byName.get(p.author) ?? []), p]);
  }
  for (const posts of byName.values()) {
    if (posts.length < 4) continue;
    const heads = posts.map(headUnderName);
    if (heads.some((h) => h === null)) continue;
    posts.forEach((p, k) => {
      const h = heads[k]!;
      for (const l of p.raw) {
        if (l.index >= h.line.index || isBlank(l)) continue;
        parsed.lineKinds.set(l.index, 'comment-chrome');
        openers.add(l.trimmed);
      }
      p.raw = p.raw.filter((l) => l.index >= h.line.index);
      p.author = h.author;
      p.authorSpan = h.span;
      p.timestamp = h.timestamp;
    });
  }
  return parsed;
}

/** The first non-blank line over `line`, else undefined. */
export const lineOver = (line: Line, lines: readonly Line[]): Line | undefined => {
  let k = line.index - 1;
  while (k >= 0 && isBlank(lines[k]!)) k--;
  return k >= 0 ? lines[k] : undefined;
};

/** A short line: at most 40 characters (a row of buttons and counts, not a sentence of text). */
const isShortRow = (l: Line): boolean => !isBlank(l) && l.trimmed.length <= 40;

/**
 * The head a line opens with, where it goes on with text: the fewest fields from the line's start that read as a head
 * (a name and a time ending there), and where the text after them starts; else null.
 */
function leadingHead(line: Line): { author: string; span: [number, number]; timestamp: string; textAt: number } | null {
  const fields = splitFields(line);
  for (let t = 2; t < fields.length && t <= 9; t++) {
    const end = fields[t - 1]!.end;
    const text = line.text.slice(0, end - line.start);
    const head = readWidgetHeader({ ...line, end, text, contentEnd: end, trimmed: text.trim(), fields: undefined });
    if (head === null || head.timestamp === null || head.replyTo !== null) continue;
    const rest = line.text.slice(end - line.start);
    if (rest.trim().split(/\s+/).length < 2 || !/^\s+\p{L}/u.test(rest) && !/^\s+["'“‘(\p{N}$£€@]/u.test(rest)) return null;
    return { author: head.author, span: head.authorSpan, timestamp: head.timestamp, textAt: fields[t]!.start };
  }
  return null;
}

function withOneLineRecords(parsed: SectionParse, lines: readonly Line[], openers: ReadonlySet<string>): SectionParse {
  const live = parsed.posts.filter((p) => !p.removed && p.author !== null && p.authorSpan !== null);
  // The page's heads print the name and the time on one line (every named post but one at most, four at least).
  const oneLine = live.filter((p) => {
    const [a] = p.authorSpan!;
    const line = p.raw.find((l) => l.start <= a && a < l.end);
    return p.timestamp !== null && line !== undefined && line.trimmed.includes(p.timestamp);
  });
  if (oneLine.length < 4 || oneLine.length < live.length - 1) return parsed;
  // The rows the page prints under its posts' text: short lines of one skeleton in three posts or more.
  const rowPosts = new Map<string, number>();
  for (const p of parsed.posts) for (const t of new Set([...p.raw, ...p.body].filter(isShortRow).map((l) => skeleton(l.trimmed)))) rowPosts.set(t, (rowPosts.get(t) ?? 0) + 1);
  const isRow = (l: Line): boolean => isShortRow(l) && (rowPosts.get(skeleton(l.trimmed)) ?? 0) >= 3 && leadingHead(l) === null;
  const cutsOf = parsed.posts.map((p) => {
    // The body lines that open a record of their own: a head and text, right under one of the page's rows (a record the
    // reader read as a nameless post opens so under the row over it).
    const cuts: { at: number; head: NonNullable<ReturnType<typeof leadingHead>> }[] = [];
    if (p.removed) return cuts;
    const opening = p.body.find((l) => !isBlank(l));
    let last: Line | undefined = p.author === null && opening ? lineOver(opening, lines) : undefined;
    if (p.author === null && last === undefined) return cuts;
    p.body.forEach((l, j) => {
      if (isBlank(l)) return;
      const head = last !== undefined && isRow(last) ? leadingHead(l) : null;
      if (head) cuts.push({ at: j, head });
      last = l;
    });
    return cuts;
  });
  if (cutsOf.every((c) => c.length === 0)) return parsed;
  const posts: RawPost[] = [];
  const newIndex = new Map<number, number>();
  const lineKinds = new Map(parsed.lineKinds);
  const moved = new Map<number, number>();
  const freed = new Set<number>();
  // A record's text runs down to the page's rows under it: the rows are its footer; what follows them on such a page
  // is the page's (the next record's toggle row, the comment box), or a removed record's note.
  const settle = (post: RawPost, body: Line[]): void => {
    const first = body.findIndex((l) => !isBlank(l));
    let end = body.findIndex((l, j) => j > first && isRow(l));
    if (first < 0 || end < 0) {
      post.body = body;
      return;
    }
    let after = end;
    while (after < body.length && (isBlank(body[after]!) || isRow(body[after]!))) after++;
    const rows = body.slice(end, after).filter((l) => !isBlank(l));
    while (end > 0 && isBlank(body[end - 1]!)) end--;
    post.body = body.slice(0, end);
    post.raw = [...post.raw, ...rows];
    for (const l of rows) lineKinds.set(l.index, 'post-footer');
    const rest = body.slice(after).filter((l) => !isBlank(l));
    // A removal note; or, under the row that opens each record, one line and no head: a record whose head is gone.
    const headless = rest.length === 2 && openers.has(rest[0]!.trimmed) && leadingHead(rest[1]!) === null && readWidgetHeader(rest[1]!) === null;
    const note = headless ? 1 : rest.findIndex((l) => isRemovalNote(l.trimmed));
    rest.forEach((l, j) => {
      if (j === note) return;
      lineKinds.set(l.index, 'comment-chrome');
      freed.add(l.index);
    });
    if (note < 0) return;
    const line = rest[note]!;
    lineKinds.set(line.index, 'post-removed');
    const index = posts.push({ id: null, author: null, authorSpan: null, body: [], removed: true, isOP: false, depth: 0, depthCue: 'depth', replyTo: null, parentRef: null, timestamp: null, likes: null, raw: [line] }) - 1;
    moved.set(line.index, index);
  };
  parsed.posts.forEach((p, k) => {
    const cuts = cutsOf[k]!;
    newIndex.set(k, posts.length);
    if (p.author === null && cuts.length === 0) {
      posts.push(p);
      return;
    }
    // A nameless record that opens with its head is that record; a named one keeps the text above its first cut.
    if (p.author !== null) {
      const host = p.removed ? p : { ...p, depth: 0, depthCue: 'depth' as const };
      posts.push(host);
      if (host === p) return;
      settle(host, p.body.slice(0, cuts[0]?.at ?? p.body.length));
    }
    cuts.forEach((c, n) => {
      const line = p.body[c.at]!;
      const text = line.text.slice(c.head.textAt - line.start);
      const body = [{ ...line, start: c.head.textAt, text, contentStart: c.head.textAt, trimmed: text.trim(), indent: 0, fields: undefined }, ...p.body.slice(c.at + 1, cuts[n + 1]?.at ?? p.body.length)];
      const post: RawPost = {
        id: null, author: c.head.author, authorSpan: c.head.span, body: [], removed: false, isOP: false, depth: 1, depthCue: 'depth',
        replyTo: null, parentRef: null, timestamp: c.head.timestamp, likes: null, raw: [line],
      };
      const index = posts.push(post) - 1;
      for (const l of [line, ...body]) moved.set(l.index, index);
      lineKinds.set(line.index, 'post-body');
      settle(post, body);
    });
  });
  return withPostsRelaid(parsed, posts, newIndex, lineKinds, moved, (line) => freed.has(line));
}
