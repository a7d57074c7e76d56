import { countWords } from '../text/words.js';
import { isBlank, splitLines, type Line } from './lines.js';
import { headLines, NAME_LINE, openingIntoHead, openingLine, skeleton, withoutPosts, withPostsRelaid } from './head-template.js';
import { readFooter, readTimeLine, timeKind } from './styles/header-cues.js';
import type { RawPost, SectionParse } from './types.js';
import { lineOver, readOneLineRecords } from './one-line-records.js';
import { readRecordMarks } from './record-marks.js';

/**
 * (Session 40) Page-level readings of a section's records by the shape the page's records share, not by any layout's
 * words (run by `parseText` after `readPageTemplate`, the session-39 readings):
 * - a head line in columns, the name then a short field after a wide gap (`kite_runner  LV5`, `Harbour Sports  UP`),
 *   printed so by most named posts: the gap is the page's template, the field after it a badge, not part of the name;
 * - such a head line opening a post's text, where a line the reader took for a name stands over it (a button of the
 *   comment box, `Send`, over the first comment), is the post's head, and the line over it is the page's;
 * - a post's text going on under its footer row, over a template head line and another footer, holds the next records
 *   the reader ran into it (a "Total 3 replies  Collapse" row between threads hid the next head): each template head
 *   line with text and a footer under it is a post of its own, and the rows between are the page's;
 * - a short line opening a post's text with a separator, a word or two and a date (`• Edited on Dec 6`), under a head
 *   that shows a time, is the head's last line, not the text's first;
 * - a word after the name on the head line read as the name answered (`NAME  PLUS  ·  2 days ago`, `NAME  Owner  · …`)
 *   that is no poster's name on the page and stands so in two heads or more is a badge of the head's, not a reply cue;
 * - a record with no footer row (no time, count or button line under its text) on a page where nearly every named post
 *   has one is page furniture when it stands at an edge of the section and its head is no other post's head (sort tabs
 *   over the first comment, "Up next" under the last), or when it carries no name (a "Recommended" block between
 *   threads, a card's events between its comments);
 * - (session 41) a record with neither a name nor a time (in its lines or right over them) on a page where nearly
 *   every named post prints its time is page furniture (a merge request's system note and commit line between threads,
 *   the comment box under the last); so is a nameless record at an edge whose only row under it is none the page
 *   prints under its posts (a comment box's placeholder over "Login to comment");
 * - (session 41) where the page's name lines stand under no post's text (four in five), a name-shaped line a post's
 *   text runs on to under its footer row (the page's row, printed under three posts or more), right over a head whose
 *   name no other post is by (a bio the reader took for the name), is that head's name; the lines between the row and
 *   it are the page's.
 * - (session 42) where nearly every named post prints its name and its time on one head line (nine in ten, five at
 *   least), a first record whose name line carries no time, by a name no other post is by, is page furniture (a page's
 *   property rows, `Reporter` / its value / `Desk` / …, read as a record over the first comment).
 * - (session 42) a name read with one word after a wide gap (`Wrenfield Post  Newsroom`), a word of letters that is no
 *   poster's name and no time, is the name and a badge, on any page: a display name holds no column gap.
 * - (session 45) a head that holds, among its lines, the words of an earlier post's text (five words or more, a run of
 *   the head's lines: a forum's `Quote:` / `NAME said:` / the words, a chat's quoted message over the reply) holds a
 *   quotation of that post (`quoted`), which names the post answered, as a `> …` block does.
 * - (session 45) last, the readings of `readRecordMarks` (src/ingest/record-marks.ts): a sign-off line under every
 *   record's text (`— NAME · time`) and a number over every record (`1.2.1`, `#7`).
 * - (session 43) first, the readings of `readOneLineRecords` (src/ingest/one-line-records.ts): a toggle row read as every
 *   record's name, records printed head and text on one line, a reply's preview line, a name line that is a removal
 *   note, the story's words quoted over each post.
 */
export function readPageRecords(page: SectionParse, lines: readonly Line[]): SectionParse {
  // (Session 43) A toggle row read as every record's name, and records printed head and text on one line.
  // (Session 44) Heads printed under the text, before the readings below judge records by their heads.
  const parsed = withHeadsUnderText(readOneLineRecords(page, lines), lines);
  const tails = gapTails(parsed);
  const records = withoutFooterlessRecords(withDatedHeadTails(withRunTogetherRecords(withHeadsInBody(withWordTails(withGapNames(parsed, tails)), tails), tails)), lines);
  return readRecordMarks(withHeadCopies(withoutBadgeReplyNames(withoutUnlikeFirstHead(withoutUntimedNameless(withNamesUnderFooters(records, lines), lines), lines))), lines);
}

// A wide gap inside a line: two spaces or more, or a tab.
const WIDE_GAP = / {2,}|\t/;
// The field after the gap: short, one or two words, no sentence punctuation.
const TAIL = /^[\p{L}\p{N}][\p{L}\p{N}_.+-]{0,11}(?: [\p{L}\p{N}][\p{L}\p{N}_.+-]{0,11})?$/u;

/** Splits a name read with a column gap into the name and the field after it, if the field is tail-shaped. */
function splitAtGap(text: string): { name: string; tail: string } | null {
  const gap = WIDE_GAP.exec(text);
  if (!gap || gap.index === 0) return null;
  const name = text.slice(0, gap.index).trim();
  const tail = text.slice(gap.index + gap[0].length).trim();
  if (name.length === 0 || !TAIL.test(tail) || WIDE_GAP.test(tail)) return null;
  return { name, tail };
}

/** The post's footer lines: its kept lines under its first line of text. */
const footers = (p: RawPost): Line[] => {
  const first = p.body.find((l) => !isBlank(l));
  return first ? p.raw.filter((l) => l.index > first.index && !isBlank(l)) : [];
};

const named = (parsed: SectionParse): RawPost[] => parsed.posts.filter((p) => !p.removed && p.author !== null && p.authorSpan !== null);

/**
 * The skeletons (figures as `#`) of the fields after a wide gap that make the page's head template: each seen on at
 * least four lines that split so, as a name read by the reader or a line of a post's text (a head the reader ran into
 * the post above), once at least as a name, and on as many lines as half the posts; empty when none.
 */
function gapTails(parsed: SectionParse): Set<string> {
  const seen = new Map<string, { lines: number; named: number }>();
  const live = parsed.posts.filter((p) => !p.removed);
  const count = (tail: string, asName: boolean): void => {
    const n = seen.get(skeleton(tail)) ?? { lines: 0, named: 0 };
    n.lines++;
    if (asName) n.named++;
    seen.set(skeleton(tail), n);
  };
  for (const p of live) {
    const named = p.author === null ? null : splitAtGap(p.author);
    if (named) count(named.tail, true);
    for (const l of p.body) {
      const split = isBlank(l) ? null : splitAtGap(l.trimmed);
      if (split && isHeadName(split.name)) count(split.tail, false);
    }
  }
  return new Set([...seen].filter(([, n]) => n.named >= 1 && n.lines >= Math.max(4, live.length / 2)).map(([k]) => k));
}

/** A name as a head prints it: one to four words, no sentence punctuation. */
const isHeadName = (name: string): boolean => name.split(' ').length <= 4 && !/[.!?,;:]$/.test(name) && !/[.!?]\s/.test(name);

function withGapNames(parsed: SectionParse, tails: ReadonlySet<string>): SectionParse {
  if (tails.size === 0) return parsed;
  for (const p of named(parsed)) {
    const split = splitAtGap(p.author!);
    if (!split) continue;
    const offset = p.author!.indexOf(split.name);
    p.author = split.name;
    p.authorSpan = [p.authorSpan![0] + offset, p.authorSpan![0] + offset + split.name.length];
  }
  return parsed;
}

/** A name with one word of letters after a wide gap: the word is a badge (`withGapNames` for a page with no template). */
function withWordTails(parsed: SectionParse): SectionParse {
  const live = named(parsed);
  const posters = new Set(live.map((p) => p.author!.toLowerCase()));
  for (const p of live) {
    const split = splitAtGap(p.author!);
    if (!split || !/^\p{L}+$/u.test(split.tail) || posters.has(split.tail.toLowerCase()) || timeKind(split.tail) !== null) continue;
    const offset = p.author!.indexOf(split.name);
    p.author = split.name;
    p.authorSpan = [p.authorSpan![0] + offset, p.authorSpan![0] + offset + split.name.length];
  }
  return parsed;
}

/** The post whose text opens with a template head line gets it as its head; the lines over it go to the page. */
function withHeadsInBody(parsed: SectionParse, tails: ReadonlySet<string>): SectionParse {
  if (tails.size === 0) return parsed;
  parsed.posts.forEach((p, index) => {
    const opening = p.removed ? null : openingLine(p);
    if (!opening) return;
    const { line, k } = opening;
    const split = splitAtGap(line.trimmed);
    if (!split || !tails.has(skeleton(split.tail)) || !isHeadName(split.name)) return;
    const above = [...p.raw.filter((l) => l.index < line.index), ...p.body.slice(0, k)];
    for (const l of above) {
      parsed.lineKinds.set(l.index, isBlank(l) ? 'blank' : 'comment-chrome');
      parsed.linePost.delete(l.index);
    }
    const start = line.contentStart + line.trimmed.indexOf(split.name);
    p.author = split.name;
    p.authorSpan = [start, start + split.name.length];
    p.raw = [line, ...p.raw.filter((l) => l.index > line.index)];
    p.body = p.body.slice(k + 1);
    parsed.lineKinds.set(line.index, 'post-header');
    parsed.linePost.set(line.index, index);
  });
  return parsed;
}

/**
 * Does the record print a row under its text as the page's posts do: a footer line the reader kept as the post's, or,
 * right under its last line of text, a line read as a footer (buttons, counts) or one the page prints under other posts
 * (same skeleton; only such a row with `pageRowsOnly`)? A named record also where a line of its text after the first is such a row or a time (a reader that
 * ran the post on into what follows: the name holds the record, the row shows it is a post).
 */
function hasFooter(p: RawPost, lines: readonly Line[], rows: ReadonlySet<string>, pageRowsOnly = false): boolean {
  if (pageRowsOnly ? footers(p).some((l) => rows.has(skeleton(l.trimmed))) : footers(p).length > 0) return true;
  const text = p.body.filter((l) => !isBlank(l));
  if (text.length === 0) return false;
  const isRow = (l: Line): boolean => (!pageRowsOnly && readFooter(l) !== undefined) || rows.has(skeleton(l.trimmed));
  if (rowUnder(p, lines).some(isRow)) return true;
  return p.author !== null && text.slice(1).some((l) => isRow(l) || readTimeLine(l) !== null);
}

/** The first line under the post's last line of text, if it has text: where a page prints a post's footer row. */
function rowUnder(p: RawPost, lines: readonly Line[]): Line[] {
  const text = p.body.filter((l) => !isBlank(l));
  if (p.removed || text.length === 0) return [];
  let k = text[text.length - 1]!.index + 1;
  while (k < lines.length && isBlank(lines[k]!)) k++;
  return k < lines.length ? [lines[k]!] : [];
}

/** The line holding the post's name, the name as `\u0000` and figures as `#`: the shape of its head; null without a name. */
function headSkeleton(p: RawPost): string | null {
  if (p.author === null || p.authorSpan === null) return null;
  const [a, b] = p.authorSpan;
  const line = p.raw.find((l) => l.start <= a && b <= l.end);
  if (!line) return null;
  return skeleton(`${line.text.slice(0, a - line.start)}\u0000${line.text.slice(b - line.start)}`.trim());
}

function withoutFooterlessRecords(parsed: SectionParse, lines: readonly Line[]): SectionParse {
  const posts = parsed.posts;
  const rows = new Set(posts.flatMap((p) => footers(p).map((l) => skeleton(l.trimmed))));
  const bare = (p: RawPost): boolean => !p.removed && !hasFooter(p, lines, rows);
  // A named record keeps its place where its head line, the name aside, is the head of two other posts.
  // (Its shape, or the marks it prints around the name when there are any: `[-] NAME 1 hour ago | link | flag`.)
  const marks = (h: string): string | null => {
    const m = h.replace(/[\p{L}\p{N}\s]+/gu, '');
    return m.length > 1 ? m : null;
  };
  // ... and as many head lines over its text: a name over its time is not a name over a run of the page's panels
  const heads = new Map<string, number>();
  const keys = (p: RawPost): { h: string; m: string | null } | null => {
    const h = headSkeleton(p);
    if (h === null) return null;
    const m = marks(h);
    const n = `\u0001${headLines(p).length}`;
    return { h: h + n, m: m === null || m === h ? null : m + n };
  };
  for (const p of posts) {
    const k = keys(p);
    if (k === null) continue;
    heads.set(k.h, (heads.get(k.h) ?? 0) + 1);
    if (k.m !== null) heads.set(k.m, (heads.get(k.m) ?? 0) + 1);
  }
  const unlike = (p: RawPost): boolean => {
    const k = keys(p);
    return bare(p) && (k === null || ((heads.get(k.h) ?? 0) < 3 && (k.m === null || (heads.get(k.m) ?? 0) < 3)));
  };
  // (Session 41) A nameless record at an edge of the section, whose only row under it is none the page prints under its
  // posts (a comment box's "Login to comment" under its placeholder), is as bare as one with no row.
  // (The page's rows: those the other posts keep as footers, or print right under their text.)
  const pageRow = (p: RawPost): boolean => {
    const others = new Set(posts.filter((q) => q !== p).flatMap((q) => [...footers(q), ...rowUnder(q, lines)].map((l) => skeleton(l.trimmed))));
    return hasFooter(p, lines, others, true);
  };
  const atEdge = (p: RawPost): boolean => unlike(p) || (!p.removed && p.author === null && !pageRow(p));
  const drop = new Set<number>();
  for (let k = 0; k < posts.length && atEdge(posts[k]!); k++) drop.add(k);
  for (let k = posts.length - 1; k >= 0 && atEdge(posts[k]!); k--) drop.add(k);
  posts.forEach((p, k) => {
    if (bare(p) && p.author === null) drop.add(k);
  });
  if (drop.size === 0) return parsed;
  // The rule is the page's: at least five named posts with text among the others, nine in ten of them with a footer,
  // and the named records dropped at the edges half as many as those at most.
  const kept = posts.filter((p, k) => !drop.has(k) && !p.removed && p.author !== null && p.body.some((l) => !isBlank(l)));
  const footed = kept.filter((p) => !bare(p)).length;
  const namedDropped = [...drop].filter((k) => posts[k]!.author !== null).length;
  if (kept.length < 5 || footed < 0.9 * kept.length || namedDropped > kept.length / 2) return parsed;
  return withoutPosts(parsed, drop, () => 'comment-chrome');
}

function withRunTogetherRecords(parsed: SectionParse, tails: ReadonlySet<string>): SectionParse {
  if (tails.size === 0) return parsed;
  const posts: RawPost[] = [];
  const newIndex = new Map<number, number>();
  const lineKinds = new Map(parsed.lineKinds);
  const moved = new Map<number, number>();
  let changed = false;
  parsed.posts.forEach((p, k) => {
    newIndex.set(k, posts.length);
    posts.push(p);
    const rows = footers(p);
    if (p.removed || rows.length < 2) return;
    // The lines after the first footer row, in page order, and the footer rows among them.
    const after = [...p.body, ...p.raw].filter((l) => l.index > rows[0]!.index).sort((a, b) => a.index - b.index);
    const isRow = new Set(rows.map((l) => l.index));
    const records: Array<{ head: Line; name: string; body: Line[]; footer: Line; before: Line[] }> = [];
    let pending: Line[] = [];
    for (const l of after) {
      if (!isRow.has(l.index)) {
        pending.push(l);
        continue;
      }
      const headAt = pending.findIndex((x) => {
        const split = isBlank(x) ? null : splitAtGap(x.trimmed);
        return split !== null && tails.has(skeleton(split.tail)) && isHeadName(split.name);
      });
      const body = headAt < 0 ? [] : pending.slice(headAt + 1);
      if (headAt < 0 || !body.some((x) => !isBlank(x))) return; // not a record: leave the post as read
      records.push({ head: pending[headAt]!, name: splitAtGap(pending[headAt]!.trimmed)!.name, body, footer: l, before: pending.slice(0, headAt) });
      pending = [];
    }
    if (records.length === 0) return;
    changed = true;
    // Rows under the last record's footer ("Total 2 replies  Collapse") are the page's too.
    for (const l of pending) lineKinds.set(l.index, isBlank(l) ? 'blank' : 'comment-chrome');
    const cut = rows[0]!.index;
    p.body = p.body.filter((l) => l.index < cut);
    p.raw = p.raw.filter((l) => l.index <= cut);
    for (const r of records) {
      for (const l of r.before) lineKinds.set(l.index, isBlank(l) ? 'blank' : 'comment-chrome');
      const at = posts.length;
      const start = r.head.contentStart + r.head.trimmed.indexOf(r.name);
      posts.push({ id: null, author: r.name, authorSpan: [start, start + r.name.length], body: r.body, removed: false, isOP: false, depth: p.depth, depthCue: p.depthCue, replyTo: null, parentRef: null, timestamp: null, likes: null, raw: [r.head, r.footer] });
      lineKinds.set(r.head.index, 'post-header');
      lineKinds.set(r.footer.index, 'post-footer');
      for (const l of [r.head, ...r.body, r.footer]) moved.set(l.index, at);
      for (const l of r.body) lineKinds.set(l.index, isBlank(l) ? 'blank' : 'post-body');
    }
  });
  if (!changed) return parsed;
  return withPostsRelaid(parsed, posts, newIndex, lineKinds, moved, (line) => lineKinds.get(line) === 'comment-chrome');
}

// "• Edited on Dec 6", "· updated 3h": a separator, at most two words, then what reads as a time.
const DATED_TAIL = /^[•·|]\s*((?:\p{L}+\s+){0,2})(\S.{0,30})$/u;

function withDatedHeadTails(parsed: SectionParse): SectionParse {
  parsed.posts.forEach((p, index) => {
    if (p.removed || !p.raw.some((l) => readTimeLine(l) !== null)) return;
    const opening = openingLine(p);
    const m = opening ? DATED_TAIL.exec(opening.line.trimmed) : null;
    if (!opening || !m || readTimeLine(splitLines(m[2]!)[0]!) === null) return;
    openingIntoHead(parsed, index, opening.k);
  });
  return parsed;
}

function withoutBadgeReplyNames(parsed: SectionParse): SectionParse {
  const posters = new Set(parsed.posts.map((p) => p.author?.toLowerCase()).filter((a) => a !== undefined));
  // The replies whose head line holds both the name and the name answered.
  const inHead = parsed.posts.filter((p) => {
    if (p.replyTo === null || p.authorSpan === null) return false;
    const [a] = p.authorSpan;
    const line = p.raw.find((l) => l.start <= a && a < l.end);
    return line !== undefined && line.start <= p.replyTo.span[0] && p.replyTo.span[1] <= line.end;
  });
  const tally = new Map<string, number>();
  for (const p of inHead) tally.set(p.replyTo!.name.toLowerCase(), (tally.get(p.replyTo!.name.toLowerCase()) ?? 0) + 1);
  const own = ownHeadFields(parsed, inHead, posters);
  for (const p of inHead) {
    const name = p.replyTo!.name.toLowerCase();
    if (((tally.get(name) ?? 0) >= 2 && !posters.has(name)) || own) p.replyTo = null;
  }
  return parsed;
}

/**
 * (Session 45) The field read as the name answered is the poster's own (`NAME  @handle  8:14 AM`, a chat that prints
 * each writer's handle between the name and the time): on a page where nearly every named post's head line holds such a
 * field (nine in ten, five at least), each writer with several posts shows one and the same field in all of them (three
 * such writers at least), and no two writers show the same one, the field goes with the writer, not with the post
 * answered (a writer answering several people would name several). Not on a page where such a field names a poster.
 */
function ownHeadFields(parsed: SectionParse, inHead: readonly RawPost[], posters: ReadonlySet<string>): boolean {
  const live = named(parsed);
  if (live.length < 5 || inHead.length < 0.9 * live.length) return false;
  const fields = new Map<string, Set<string>>();
  const posts = new Map<string, number>();
  for (const p of inHead) {
    const name = p.replyTo!.name.toLowerCase();
    if (posters.has(name) || posters.has(name.replace(/^@/, ''))) return false;
    const set = fields.get(p.author!) ?? new Set<string>();
    set.add(name);
    fields.set(p.author!, set);
    posts.set(p.author!, (posts.get(p.author!) ?? 0) + 1);
  }
  const owners = new Map<string, string>();
  let repeated = 0;
  for (const [author, set] of fields) {
    if (set.size !== 1) return false;
    const field = [...set][0]!;
    if (owners.has(field) && owners.get(field) !== author) return false;
    owners.set(field, author);
    if ((posts.get(author) ?? 0) >= 2) repeated++;
  }
  return repeated >= 3;
}

/** Nearly every one of the posts (nine in ten, five posts at least) does `what`: a page's habit, not a post's. */
const nearlyAll = (posts: readonly RawPost[], what: (p: RawPost) => boolean): boolean => posts.length >= 5 && posts.filter(what).length >= 0.9 * posts.length;

/** Does the record print a time: the one its reader kept, or a line of its own that reads as one? */
const hasTime = (p: RawPost): boolean => p.timestamp !== null || [...p.raw, ...p.body].some((l) => !isBlank(l) && readTimeLine(l) !== null);

/** Does a line reading as a time stand right over the record's first line (a head the reader left to the page)? */
function timeOver(p: RawPost, lines: readonly Line[]): boolean {
  const first = [...p.raw, ...p.body].filter((l) => !isBlank(l)).sort((a, b) => a.index - b.index)[0];
  const over = first ? lineOver(first, lines) : undefined;
  return over !== undefined && readTimeLine(over) !== null;
}

function withoutUntimedNameless(parsed: SectionParse, lines: readonly Line[]): SectionParse {
  const kept = named(parsed).filter((p) => p.body.some((l) => !isBlank(l)));
  if (!nearlyAll(kept, hasTime)) return parsed;
  const drop = new Set<number>();
  parsed.posts.forEach((p, k) => {
    if (!p.removed && p.author === null && !hasTime(p) && !timeOver(p, lines)) drop.add(k);
  });
  // Furniture is the exception: at most one such record for every four named posts.
  if (drop.size === 0 || drop.size > kept.length / 4) return parsed;
  return withoutPosts(parsed, drop, () => 'comment-chrome');
}

/** Does the record print its time on its name line (`NAME  Dec 5`, `NAME · 3h`)? */
const timeOnNameLine = (p: RawPost, lines: readonly Line[]): boolean => {
  const line = p.timestamp === null ? undefined : nameLine(p, lines);
  return line !== undefined && line.trimmed.includes(p.timestamp!);
};

function withoutUnlikeFirstHead(parsed: SectionParse, lines: readonly Line[]): SectionParse {
  const first = parsed.posts[0];
  if (first === undefined || first.removed || first.author === null || timeOnNameLine(first, lines)) return parsed;
  const others = named(parsed).filter((p) => p !== first);
  if (others.some((p) => p.author === first.author) || !nearlyAll(others, (p) => timeOnNameLine(p, lines))) return parsed;
  return withoutPosts(parsed, new Set([0]), () => 'comment-chrome');
}

/** The line holding the post's name, else undefined. */
const nameLine = (p: RawPost, lines: readonly Line[]): Line | undefined => {
  if (p.authorSpan === null) return undefined;
  const [a, b] = p.authorSpan;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= a) lo = mid;
    else hi = mid - 1;
  }
  const l = lines[lo];
  return l && l.start <= a && b <= l.end ? l : undefined;
};


function withNamesUnderFooters(parsed: SectionParse, lines: readonly Line[]): SectionParse {
  const posts = parsed.posts;
  const live = named(parsed);
  // The page's heads stand under no post's text: four in five named posts' name lines have none right over them.
  const clear = live.filter((p) => {
    const name = nameLine(p, lines);
    const over = name ? lineOver(name, lines) : undefined;
    return name !== undefined && (over === undefined || parsed.lineKinds.get(over.index) !== 'post-body');
  });
  if (live.length < 5 || clear.length < 0.8 * live.length) return parsed;
  const rowPosts = new Map<string, number>();
  for (const p of posts) for (const t of new Set(footers(p).map((l) => skeleton(l.trimmed)))) rowPosts.set(t, (rowPosts.get(t) ?? 0) + 1);
  const byName = new Map<string, number>();
  for (const p of posts) if (p.author !== null) byName.set(p.author, (byName.get(p.author) ?? 0) + 1);
  for (let k = 1; k < posts.length; k++) {
    const prev = posts[k - 1]!;
    const cur = posts[k]!;
    if (prev.removed || cur.removed || cur.author === null || (byName.get(cur.author) ?? 0) > 1) continue;
    const rows = footers(prev).filter((l) => (rowPosts.get(skeleton(l.trimmed)) ?? 0) >= 3);
    const head = nameLine(cur, lines);
    if (rows.length === 0 || head === undefined) continue;
    const last = rows[rows.length - 1]!.index;
    const tail = prev.body.filter((l) => l.index > last && !isBlank(l));
    const name = tail[tail.length - 1];
    if (!name || name !== lineOver(head, lines) || !NAME_LINE.test(name.trimmed) || readTimeLine(name) !== null) continue;
    for (const l of prev.body.filter((x) => x.index > last)) {
      parsed.lineKinds.set(l.index, isBlank(l) ? 'blank' : 'comment-chrome');
      parsed.linePost.delete(l.index);
    }
    prev.body = prev.body.filter((x) => x.index <= last);
    cur.raw = [name, ...cur.raw];
    cur.author = name.trimmed;
    cur.authorSpan = [name.contentStart, name.contentEnd];
    parsed.lineKinds.set(name.index, 'post-header');
    parsed.linePost.set(name.index, k);
  }
  return parsed;
}

// A head's first line `NAME, Place`: a name, one comma, a place (no figure: not a date).
const PLACE = /^([^,\d]{2,40}), ([^,\d]{2,40})$/u;

/** A post's lines of text, blank ones left out. */
const textLines = (p: RawPost): Line[] => p.body.filter((l) => !isBlank(l));

/**
 * The lines right under a post's last line of text, down to the first blank line or line of another post's text: the
 * head a page that signs its records under the text prints there (name, time, buttons), else none.
 */
function runUnder(p: RawPost, parsed: SectionParse, lines: readonly Line[]): Line[] {
  const text = textLines(p);
  const out: Line[] = [];
  for (let k = text[text.length - 1]!.index + 1; k < lines.length; k++) {
    const l = lines[k]!;
    const kind = parsed.lineKinds.get(k);
    if (isBlank(l) || kind === 'post-body' || kind === 'post-removed') break;
    out.push(l);
  }
  return out;
}

/**
 * (Session 44) Heads under the text: a page that prints each record's name, time and buttons *under* its text (`text` /
 * `NAME, Town` / `5 December 2026, 08:12` / `Reply | Report`), read by a reader that takes the lines over a text for its
 * head, gives every post the name of the post above (the first none). The page says so by its shape: the first post
 * with text has no name; the head lines of four posts in five with one stand right under the text of the post above
 * (no blank line between) and apart from their own text (a blank line between); and under the last post's text stands a
 * name-shaped run of lines too (the last head, which no post took). Then each post's head is the run of lines right
 * under its own text. A page template of `NAME, Place` on every head (one comma, both sides short, no figure) gives
 * the name before the comma.
 */
function withHeadsUnderText(parsed: SectionParse, lines: readonly Line[]): SectionParse {
  const live = parsed.posts.map((p, k) => ({ p, k })).filter(({ p }) => !p.removed && textLines(p).length > 0);
  if (live.length < 5) return parsed;
  let headed = 0;
  let hugging = 0;
  for (let j = 1; j < live.length; j++) {
    const head = headLines(live[j]!.p);
    if (head.length === 0 || live[j]!.p.author === null) continue;
    headed++;
    const above = textLines(live[j - 1]!.p);
    const hugsAbove = head[0]!.index === above[above.length - 1]!.index + 1;
    const apartBelow = head[head.length - 1]!.index + 1 < textLines(live[j]!.p)[0]!.index;
    if (hugsAbove && apartBelow) hugging++;
  }
  if (headed < 4 || hugging < 0.8 * headed) return parsed;
  const runs = live.map(({ p }) => runUnder(p, parsed, lines));
  // The page's template: every head's first line `NAME, Place`.
  const placed = runs.every((r) => r.length === 0 || PLACE.test(r[0]!.trimmed));
  const nameOf = (l: Line): string => (placed ? PLACE.exec(l.trimmed)![1]!.trim() : l.trimmed);
  const lastRun = runs[runs.length - 1]!;
  if (lastRun.length === 0 || !NAME_LINE.test(nameOf(lastRun[0]!)) || runs.filter((r) => r.length > 0).length < 0.9 * live.length) return parsed;
  for (const { p } of live) {
    for (const l of headLines(p)) {
      parsed.lineKinds.set(l.index, 'comment-chrome');
      parsed.linePost.delete(l.index);
    }
  }
  live.forEach(({ p, k }, j) => {
    const run = runs[j]!;
    p.raw = run;
    p.author = null;
    p.authorSpan = null;
    p.timestamp = null;
    p.replyTo = null;
    p.isOP = false;
    if (run.length === 0) return;
    const name = run[0]!;
    const shown = nameOf(name);
    p.author = shown;
    p.authorSpan = [name.contentStart, name.contentStart + shown.length];
    for (const l of run) {
      parsed.lineKinds.set(l.index, 'post-header');
      parsed.linePost.set(l.index, k);
      if (l !== name) p.timestamp ??= readTimeLine(l);
      const footer = l !== name ? readFooter(l) : undefined;
      if (footer !== undefined && footer.likes !== null) p.likes = footer.likes;
    }
  });
  return parsed;
}

/** A text as the head copies are compared: lower case, one space between words, no quotation marks. */
const compared = (t: string): string => t.toLowerCase().replace(/["\u201c\u201d\u2018\u2019']/gu, '').replace(/\s+/g, ' ').trim();

/**
 * (Session 45) Head lines that copy an earlier post's words: a run of a record's head lines (consecutive but for blank
 * lines, three words or more each, five or more in all) that an earlier post's text holds (of the 200 posts before it,
 * as `findQuotedPost` looks back) is the record's quotation of
 * that post (`quoted`), where its reader kept it in the head (a forum's `Quote:` / `NAME said:` / the words over the
 * reply's text). A record that has a quotation already keeps it, and so does one whose head names the post answered
 * (`replyTo`); a line that three records or more print (a button row) is no quotation.
 */
function withHeadCopies(parsed: SectionParse): SectionParse {
  // A line printed in three records or more (a button row, a badge) is the page's, never a quotation.
  const inRecords = new Map<string, number>();
  for (const p of parsed.posts) for (const t of new Set([...p.raw, ...p.body].map((l) => l.trimmed))) inRecords.set(t, (inRecords.get(t) ?? 0) + 1);
  const texts: string[] = [];
  parsed.posts.forEach((p) => {
    const own = p.removed ? '' : compared(textLines(p).map((l) => l.trimmed).join(' '));
    if (!p.removed && p.replyTo === null && (p.quoted === undefined || p.quoted.length === 0) && texts.length > 0) {
      const head = p.raw.filter((l) => !isBlank(l) && (inRecords.get(l.trimmed) ?? 0) < 3).sort((a, b) => a.index - b.index);
      // The runs of head lines of three words or more (a shorter line, `Quote:`, `NAME said:`, a time, ends a run).
      const runs: Line[][] = [[]];
      for (const l of head) {
        if (countWords(l.trimmed, 3) < 3) runs.push([]);
        else runs[runs.length - 1]!.push(l);
      }
      for (const run of runs) {
        const said = compared(run.map((l) => l.trimmed).join(' '));
        if (run.length === 0 || said.split(' ').length < 5) continue;
        if (texts.slice(-200).some((t) => t.includes(said))) {
          p.quoted = run;
          break;
        }
      }
    }
    texts.push(own);
  });
  return parsed;
}
