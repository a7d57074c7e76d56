import type { Message, Span } from '../../schema/common.js';
import type { BlockKind } from '../../schema/document.js';
import { countWords, endsWithTerminal } from '../../text/words.js';
import { isBlank, type Line } from '../lines.js';
import { CHAT_CLOCK, FOLD_REPLIES, THREAD_REPLY_BOX, isRemovalNote, readListedReplies } from '../section-cues.js';
import { matchChrome } from '../chrome-patterns.js';
import { isAccountBlurb, isLegalLine, isSeeMoreGate, isUiLine } from '../ui-lines.js';
import type { RawPost, SectionParse } from '../types.js';
import { isProfileLine, navTailStart, newPost } from './counted.js';
import { type Footer, isSignOff, readBadgeLine, readCount, readFooter, readMentionPreview, laterReplyCue, readReplyLine, readReplySummary, readTimeLine } from './header-cues.js';
import { isItemRow, isRowLabel, isStrayLabel, postWithoutHeader } from './section-shape.js';
import { isQuoteAttribution, QUOTE_LABEL } from '../../thread/split-quote.js';
import { minOf, pushAll } from '../../arrays.js';

/** A post header a style reader found: the post's header fields and the line indices it spans. */
export interface FoundHeader {
  author: string | null;
  authorSpan: Span | null;
  timestamp: string | null;
  isOP: boolean;
  /** "jdoe_77 ▸ Maria Keller": the name the header says the post answers. */
  replyTo: { name: string; span: Span } | null;
  /** Points or likes shown in the header ("12 points"). */
  points: number | null;
  /** "[deleted]" shown as the author: the post is removed. */
  deletedAuthor?: boolean;
  /** The header stands right over a removal note (its last line): the post was removed and keeps its place. */
  removedUnder?: boolean;
  /** "| parent |" (Hacker-News-like): the header marks the post as a reply without naming its parent. */
  replyMark?: Span | null;
  /** The header marks a top-level post ("| next [–]" without "parent"). */
  rootMark?: boolean;
  /** The reply mark's level ("| root | parent |" or "| parent |" alone): see `RawPost.replyLevel`. */
  replyLevel?: 'first' | 'deeper';
  /** A header line that names the post answered when it is an earlier poster's name (see `RawPost.replyHint`). */
  replyHint?: { name: string; span: Span } | null;
  /** The account handle shown with the name ("@jobrennan@mastodon.ie" → "jobrennan"). */
  handle?: string | null;
  /** A name alone over the text, the time in the footer under it (Instagram): see `readFooterTimedHeader`. */
  footerTimed?: boolean;
  /** A wiki signature at the end of the post's text is its header; the header has no line of its own. */
  signed?: boolean;
  /** The post's own number ("No.4821349" on an imageboard), which replies cite (">>4821349"): the post's id. */
  number?: string;
  /** A subject line over the header ("Re: Konečně rozumné rozhodnutí"): a reply's names the subject it answers. */
  subject?: string;
  /** The post's number says which post it answers ("1-2": the second reply to post 1): that post's number. */
  parentRef?: string;
  /** Where the number naming `parentRef` stands (the whole "1-2"): see `RawPost.parentRefSpan`. */
  parentRefSpan?: Span;
  /** Lines of the post's own text that stand above its header, under its number (a talkback's title). */
  lead?: number[];
  lines: number[];
}

/** Where the walker stands: reading header lines, reading text, or between posts (after a footer). */
export type Phase = 'header' | 'body' | 'closed';

/** What the walker knows when it asks a reader about a line. */
export interface WalkState {
  phase: Phase;
  /** The line before was a footer line of the current post. */
  afterFooter: boolean;
  /** A post is open. */
  hasPost: boolean;
  /** No post is open, or the last one was closed by a footer or placeholder. */
  between: boolean;
  /** Posts read so far. */
  postCount: number;
  /** The next non-blank line after the current one. */
  next(): Line | undefined;
  /** The line right after the current one is blank, or there is none. */
  blankAfter?: boolean;
  /** The lines after the current one, down to the next break, are a footer (buttons, an edited mark, a bare count). */
  footerRunAfter?(): boolean;
  /** The section's lines and the current line's index in them. */
  at?: { lines: readonly Line[]; i: number };
}

/**
 * The per-style part of a header-and-footer comment section (widget, forum): how to read each kind of line.
 * `walkSection` owns the loop, the post and blank bookkeeping, and the order in which the readers are asked.
 */
export interface SectionReader {
  /** The post header starting at line `i`, if any (one line or several). */
  headerAt(lines: readonly Line[], i: number): FoundHeader | null;
  /** A depth marker line ("level 2") that belongs to the next post: its depth, else null. */
  readMarker?(trimmed: string): number | null;
  /** A placeholder left where a post was removed. */
  isRemoved(trimmed: string, state: WalkState): boolean;
  /** After a placeholder, text below still belongs to the removed post ("awaiting moderation"). */
  textUnderPlaceholder: boolean;
  /** A footer line of buttons and counts: the like count it shows (null when none), or undefined. */
  readFooter(line: Line, state: WalkState): Footer | undefined;
  /**
   * A chrome line of the section, or undefined when not chrome. `count`: the declared count a count line
   * shows ("143 comments" → 143, "Comments" → null); undefined for chrome that is no count line.
   */
  readChrome(trimmed: string, state: WalkState): { count: number | null | undefined } | undefined;
  /** The declared count read above the section (a submission line), else null or absent. */
  declaredCount?: number | null;
  /** A count read off a chrome line after the first post still sets the declared count. */
  countAfterPosts: boolean;
  /** A header line inside the page above the section ("Posted by u/x"): the OP's name, if any. */
  submitter?: string | null;
  /** What a post header looks like in this style, for the `ingest/post-without-header` message. */
  expectedHeader: string;
  /** Depths of the posts from their markers and first-line indents; null entries for "not shown". */
  depths(posts: readonly RawPost[], indents: readonly number[], markers: readonly (number | null)[]): void;
}

// A count alone on a line ("47"): under a post's header, the post's recommendations.
const HEADER_COUNT = /^\d{1,6}$/;

/** "4 replies", "1 Reply", "2 replies by Priya Raman and others": a count of the replies to the post above. */
// "返信3" (Yahoo! Japan), "回复 3": the same count with the word before it.
// "8 replies from Owen, Jess, and Farah", "1 reply from Ann": a thread's summary naming who replied.
const REPLIES_FROM = /^(\d{1,5}) repl(?:y|ies) from \S.{0,80}$/i;
// "Collapse all", "Expand all": a client's toggle for every listed reply at once.
const ALL_TOGGLE = /^(?:collapse|expand|hide|show) all$/i;

/**
 * The line where the replies a summary (`REPLIES_FROM`) on line `i` lists start: the next line when it is a post's
 * header, or the first header after an all-replies toggle and blank lines (three lines at most), else null.
 */
function repliesListedUnder(lines: readonly Line[], i: number, reader: SectionReader): number | null {
  let k = i + 1;
  let toggles = 0;
  while (k < lines.length && k <= i + 3 && (isBlank(lines[k]!) || ALL_TOGGLE.test(lines[k]!.trimmed))) {
    if (!isBlank(lines[k]!)) toggles++;
    k++;
  }
  if (k >= lines.length || (k > i + 1 && toggles === 0) || isBlank(lines[k]!)) return null;
  return reader.headerAt(lines, k) !== null ? k : null;
}

// "Reply 2": the same with the English word before it (a Korean portal's English edition, session 24).
const REPLY_COUNT = /^(?:(\d{1,5}) repl(?:y|ies)(?: by \S.{0,60})?|(?:답글|返信|回复|repl(?:y|ies)) ?(\d{1,5}))$/i;

/**
 * A fold toggle under a run of posts (`FOLD_REPLIES`), or a thread's reply box (`THREAD_REPLY_BOX`, `nested` false): the
 * nearest post above whose reply count equals the number of posts between it and the toggle listed them open, so they
 * answer it (`RawPost.repliesListed`).
 */
function noteFoldedReplies(posts: readonly RawPost[], countRightAbove: (span: Span) => boolean, nested = true): void {
  // "2 replies" / "Hide replies" in the post's own footer, the toggle right under the count: the page shows the replies
  // open, under the toggle, so the next posts the count covers answer the post.
  const last = posts[posts.length - 1];
  if (last?.replyCount && last.replyCount.count > 0 && !last.repliesListed && countRightAbove(last.replyCount.span)) {
    last.repliesListed = true;
    // A toggle that folds the replies belongs to a page that nests them; the copy shows them flat (session 30).
    last.repliesNested = true;
    return;
  }
  for (let k = posts.length - 2; k >= 0 && k >= posts.length - 51; k--) {
    const count = posts[k]!.replyCount?.count;
    if (count === undefined || count <= 0) continue;
    if (count === posts.length - 1 - k) {
      posts[k]!.repliesListed = true;
      if (nested) posts[k]!.repliesNested = true;
    }
    return;
  }
}

/** Whether `span` is the line right above line `i`, blank lines aside. */
function isLineAbove(lines: readonly Line[], i: number, span: Span): boolean {
  let above = i - 1;
  while (above >= 0 && isBlank(lines[above]!)) above--;
  return above >= 0 && lines[above]!.contentStart === span[0] && lines[above]!.contentEnd === span[1];
}

/**
 * A short line of one to four button labels and counts ("Balas", "Suka 41", "Odpovědět | Sdílet"), letters only
 * but for the counts, no sentence punctuation: its shape with the figures masked ("suka #"), else null.
 */
function buttonShape(trimmed: string): string | null {
  // (A toggle of replies, "Sembunyikan 3 balasan", is read as one: `openReplyToggle`.)
  if (trimmed.length === 0 || trimmed.length > 40 || openReplyToggle(trimmed) !== null) return null;
  const items = trimmed.split(/ {1,3}[|·•] {1,3}| +/u);
  // ("[12]Αναφορά": a text-mode browser's link number glued to a label, `blankLinkMarks`.)
  if (items.length > 4 || !items.every((x) => /^(?:(?:\[\d{1,4}\])?\p{L}[\p{L}\p{M}'’-]{1,15}|\(?\d{1,6}\)?)$/u.test(x)) || !items.some((x) => /^(?:\[\d{1,4}\])?\p{L}/u.test(x))) return null;
  return trimmed.toLowerCase().replace(/\d{1,6}/g, '#');
}

/**
 * The button shapes (`buttonShape`) that a section prints under three posts or more: lines met three times or more
 * from `start` down, never a post header, never over a time line and never right after a blank line. A page's own
 * buttons in whatever language ("Balas", "Suka #"), read by their repeating under each post.
 */
function recurringButtons(lines: readonly Line[], start: number, reader: SectionReader): Set<string> {
  const seen = new Map<string, number>();
  const bad = new Set<string>();
  for (let i = start; i < lines.length; i++) {
    const shape = buttonShape(lines[i]!.trimmed);
    if (shape === null) continue;
    seen.set(shape, (seen.get(shape) ?? 0) + 1);
    if (bad.has(shape)) continue;
    const before = lines[i - 1];
    const under = lines[i + 1];
    if (!before || isBlank(before) || (under && !isBlank(under) && readTimeLine(under) !== null) || reader.headerAt(lines, i) !== null) bad.add(shape);
  }
  const out = new Set<string>();
  for (const [shape, n] of seen) if (n >= 3 && !bad.has(shape)) out.add(shape);
  return out;
}

/**
 * "Ẩn 2 trả lời", "Sembunyikan 3 balasan", "Hide 2 replies": one or two words, a figure, one or two words, no
 * sentence punctuation (a toggle of a post's replies in whatever language): the figure, else null. The walk reads it
 * so only right under a post's footer and over the next post's header.
 */
export function openReplyToggle(trimmed: string): number | null {
  const m = /^\p{L}[\p{L}\p{M}'’-]{0,15}(?: \p{L}[\p{L}\p{M}'’-]{0,15})? (\d{1,3}) \p{L}[\p{L}\p{M}'’-]{0,15}(?: \p{L}[\p{L}\p{M}'’-]{0,15})?$/u.exec(trimmed);
  return m ? Number(m[1]) : null;
}

/**
 * A count of `post`'s replies on `line` ("4 replies"), or the open toggle that lists them right under it ("Hide 3
 * replies": also marks the post `repliesListed`): recorded on the post; nothing when the line is neither.
 */
function noteReplyCount(post: RawPost, line: Line): void {
  const span: Span = [line.contentStart, line.contentEnd];
  const counted = REPLY_COUNT.exec(line.trimmed);
  if (counted) post.replyCount = { count: Number(counted[1] ?? counted[2]), span };
  const listed = readListedReplies(line.trimmed);
  if (listed !== null) {
    post.replyCount = { count: listed, span };
    post.repliesListed = true;
    // The toggle hides a nested block the copy shows flat: a reply in it may answer another (session 30).
    post.repliesNested = true;
  }
}

/**
 * Walks a comment section line by line: headers open posts, text fills them, footers and placeholders
 * close them, chrome and blank lines between posts are kept out of post texts. Never throws on text.
 */
export function walkSection(lines: readonly Line[], start: number, reader: SectionReader): SectionParse {
  const lineKinds = new Map<number, BlockKind>();
  const linePost = new Map<number, number>();
  const posts: RawPost[] = [];
  const indents: number[] = [];
  const markers: (number | null)[] = [];
  const messages: Message[] = [];
  let declaredCount: number | null = reader.declaredCount ?? null;
  let current: RawPost | null = null;
  // header: just after the header lines; body: reading text; closed: after a footer or placeholder.
  let phase: Phase = 'closed';
  let pendingBlanks: number[] = [];
  let pendingReply: { name: string; span: Span; snippet?: string } | null = null;
  let pendingMarker: { depth: number; line: number } | null = null;
  // "2 replies by Priya Raman and others" under a post: the next post, by that replier, answers it.
  // A "Comments" label under a post: the post, the first post under the label, and where the label stands.
  let underComments: { owner: number; from: number; span: Span } | null = null;
  // A "Replies" label under a post's buttons (session 27, Blogger): the post, the first post under the label, and where
  // the label stands; the lone button line after a break that closes the block ends it.
  let underReplies: { owner: number; from: number; span: Span } | null = null;
  let pendingSummary: { parent: string; replier: string; span: Span; owner: number } | null = null;
  let afterFooter = false;

  const own = (i: number, kind: BlockKind): void => {
    lineKinds.set(i, kind);
    linePost.set(i, posts.length - 1);
  };
  const flushBlanks = (intoBody: boolean): void => {
    for (const b of pendingBlanks) {
      if (intoBody && current) {
        current.body.push(lines[b]!);
        own(b, 'post-body');
      } else lineKinds.set(b, 'blank');
    }
    pendingBlanks = [];
  };
  // A removed post read from two lines, its header (a number or a time) over its placeholder: opens the post, owns both.
  const openRemovedPair = (i: number, under: Line, mark: (post: RawPost) => void): void => {
    flushBlanks(false);
    const post = newPost(null, null);
    mark(post);
    post.removed = true;
    current = open(post, lines[i]!.indent);
    current.raw.push(lines[i]!, under);
    own(i, 'post-header');
    own(i + 1, 'post-removed');
  };
  const open = (post: RawPost, indent: number): RawPost => {
    if (current) dropCountTail(current, lineKinds);
    flushBlanks(false);
    posts.push(post);
    indents.push(indent);
    markers.push(pendingMarker ? pendingMarker.depth : null);
    if (pendingMarker) {
      post.raw.push(lines[pendingMarker.line]!);
      own(pendingMarker.line, 'post-header');
    }
    pendingMarker = null;
    if (pendingReply && !post.replyTo) post.replyTo = pendingReply;
    pendingReply = null;
    if (pendingSummary && !post.replyTo && post.author !== null && post.author.toLowerCase() === pendingSummary.replier.toLowerCase()) {
      post.replyTo = { name: pendingSummary.parent, span: pendingSummary.span };
      // The replier the summary names comes next: the page lists the replies it counts open, under the post.
      const owner = posts[pendingSummary.owner];
      if (owner?.replyCount && owner.replyCount.count > 1) {
        owner.repliesListed = true;
        owner.repliesNested = true;
      }
    }
    pendingSummary = null;
    if (reader.submitter && post.author === reader.submitter) post.isOP = true;
    return post;
  };
  const buttons = recurringButtons(lines, start, reader);
  // "Balas" / "Suka 41" over the next post's header, "Odpovědět | Sdílet" over a vote tally: a run of the section's
  // recurring button lines (`recurringButtons`) that ends at a break, a footer or a header closes the post.
  const buttonRunAt = (i: number): boolean => {
    if (!buttons.has(buttonShape(lines[i]!.trimmed) ?? '')) return false;
    let k = i;
    while (k < lines.length && !isBlank(lines[k]!) && k - i < 6 && (buttons.has(buttonShape(lines[k]!.trimmed) ?? '') || readFooter(lines[k]!) !== undefined)) k++;
    return k >= lines.length || isBlank(lines[k]!) || reader.headerAt(lines, k) !== null || openReplyToggle(lines[k]!.trimmed) !== null;
  };
  const nextContent = (from: number): Line | undefined => {
    for (let k = from; k < lines.length; k++) if (!isBlank(lines[k]!)) return lines[k];
    return undefined;
  };

  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trimmed;
    if (isBlank(line)) {
      pendingBlanks.push(i);
      continue;
    }
    const state: WalkState = {
      phase,
      afterFooter,
      hasPost: current !== null,
      between: current === null || phase === 'closed',
      postCount: posts.length,
      next: () => nextContent(i + 1),
      blankAfter: i + 1 >= lines.length || isBlank(lines[i + 1]!),
      footerRunAfter: () => isFooterRun(lines, i + 1),
      at: { lines, i },
    };
    afterFooter = false;
    const marker = reader.readMarker ? reader.readMarker(t) : null;
    if (marker !== null) {
      flushBlanks(false);
      if (pendingMarker) lineKinds.set(pendingMarker.line, 'comment-chrome');
      pendingMarker = { depth: marker, line: i };
      phase = 'closed';
      continue;
    }
    // "Times Pick", "Top fan", "Edited 4h ago" under the header: about the post, not its text (and never
    // a header of its own, though "Edited 4h ago" reads like a handle and an age).
    const badge = phase === 'header' && current ? readBadgeLine(t) : null;
    if (badge && current) {
      flushBlanks(false);
      if (badge.isOP) current.isOP = true;
      current.raw.push(line);
      own(i, 'post-header');
      continue;
    }
    // "…Wish someone had told us then." / "" / "Ruth" / "December 4, 2026": the writer's first name signing off over
    // the post's footer, not a next post's name-and-time header.
    const signOff = phase === 'body' && current !== null && lines[i + 1] !== undefined && !isBlank(lines[i + 1]!) && isSignOff(t, current.author);
    const header = signOff ? null : reader.headerAt(lines, i);
    // "Seacrest Holiday Parks" / "@SeacrestParks" / "Ad" / its text / its counts: a promoted post among the replies (X)
    // is an advertisement, its ad label right under the header: header, label and lines down to the next header or
    // break are chrome, as an ad's label between posts is (below).
    const underHeader = header && header.lines.length > 0 ? lines[header.lines[header.lines.length - 1]! + 1] : undefined;
    // "Notification Bot  BOT  9:50 AM" / "A message was moved from this topic to … by Sam Ortega." (session 32): an app's
    // account (its `BOT` / `APP` badge on the head line) telling of a moderation act in one line is the chat's event, not
    // a post: header and notice are chrome.
    const notice = header && underHeader && header.lines.length === 1 && isBotHead(lines[i]!) && BOT_NOTICE.test(underHeader.trimmed)
      && (lines[underHeader.index + 1] === undefined || isBlank(lines[underHeader.index + 1]!));
    if (notice) {
      flushBlanks(false);
      lineKinds.set(i, 'comment-chrome');
      lineKinds.set(underHeader.index, 'comment-chrome');
      i = underHeader.index;
      phase = 'closed';
      continue;
    }
    if (header && underHeader && AD_LABEL.test(underHeader.trimmed)) {
      flushBlanks(false);
      let k = i;
      for (; k < lines.length && !isBlank(lines[k]!) && (k <= underHeader.index || reader.headerAt(lines, k) === null); k++) lineKinds.set(k, 'comment-chrome');
      i = k - 1;
      phase = 'closed';
      continue;
    }
    if (header) {
      // "message 4: by [deleted user]": the account is gone, the post has no author.
      const gone = header.author !== null && DELETED_ACCOUNT.test(header.author);
      const post = newPost(gone ? null : header.author, gone ? null : header.authorSpan);
      post.timestamp = header.timestamp;
      post.likes = header.points;
      post.isOP = header.isOP;
      post.replyTo = header.replyTo;
      if (header.replyMark !== undefined) post.replyMark = header.replyMark;
      if (header.replyLevel !== undefined) post.replyLevel = header.replyLevel;
      if (header.subject !== undefined) post.subject = header.subject;
      if (header.rootMark) post.rootMark = true;
      if (header.replyHint) post.replyHint = header.replyHint;
      if (header.handle) post.handle = header.handle;
      if (header.number !== undefined) post.id = header.number;
      if (header.parentRef !== undefined) {
        post.parentRef = header.parentRef;
        post.parentRefSpan = header.parentRefSpan ?? null;
      }
      current = open(post, line.indent);
      if (header.lines.length === 0) {
        // Signed at its end: this line is already the post's text.
        current.body.push(line);
        own(i, 'post-body');
        phase = 'body';
        continue;
      }
      for (const k of header.lines) {
        current.raw.push(lines[k]!);
        own(k, 'post-header');
      }
      if (header.removedUnder) {
        const note = header.lines[header.lines.length - 1]!;
        current.removed = true;
        own(note, 'post-removed');
        i = note;
        phase = 'closed';
        continue;
      }
      for (const k of header.lead ?? []) {
        current.body.push(lines[k]!);
        own(k, 'post-body');
      }
      i = header.lines[header.lines.length - 1]!;
      phase = 'header';
      continue;
    }
    // "Marek Novak  9:24 AM" / text / "9:26" / text: a chat shows a second message by the same sender a few minutes
    // later under its clock alone, the name left out; it is a post of its own by that sender. (Session 25: also under
    // the first message's reactions, "🙃 9  👏 4", a footer line.)
    const sameSender = phase === 'body' || (phase === 'closed' && state.afterFooter && !current?.removed);
    // "Sarah K — Today at 08:29" / text / "[08:31]" / text: a chat's copy prints the grouped message's clock in brackets
    // (Discord, session 29) under a header that shows a clock.
    const bracketed = BRACKETED_CLOCK.exec(t);
    const grouped = bracketed !== null && /\b\d{1,2}:\d{2}\b/.test(current?.timestamp ?? '') && lines[i + 1] !== undefined && !isBlank(lines[i + 1]!);
    if (current && current.author !== null && sameSender && !state.blankAfter && ((BARE_CLOCK.test(t) && BARE_CLOCK.test(current.timestamp ?? '')) || grouped)) {
      const post = newPost(current.author, current.authorSpan);
      post.timestamp = bracketed ? bracketed[1]! : t;
      post.isOP = current.isOP;
      current = open(post, line.indent);
      current.raw.push(line);
      own(i, 'post-header');
      phase = 'header';
      continue;
    }
    // "#4" over the next post's header: that post's number on a line of its own, not the text of the one above.
    if (POST_NUMBER_LINE.test(t) && reader.headerAt(lines, i + 1)) {
      flushBlanks(false);
      lineKinds.set(i, 'comment-chrome');
      phase = 'closed';
      continue;
    }
    // "4." / "תגובה זו הוסרה על ידי המערכת" / "5.": a numbered post with no header (a removed one), its number over one
    // to three lines and the next number: a post whose author the dump does not show.
    if (POST_NUMBER_LINE.test(t) && nextNumberBelow(lines, i)) {
      flushBlanks(false);
      const post = newPost(null, null);
      post.id = /\d{1,5}/.exec(t)![0];
      current = open(post, line.indent);
      current.raw.push(line);
      own(i, 'post-header');
      phase = 'header';
      continue;
    }
    // "(5)" / "A hozzászólást a moderátor törölte." / break: a post's number over a removal note in any language, and
    // nothing else: the removed post keeps its number, which later posts may cite.
    const numbered = NUMBER_LINE_ANY.exec(t);
    const note = numbered ? lines[i + 1] : undefined;
    if (numbered && note && isRemovalNote(note.trimmed) && (lines[i + 2] === undefined || isBlank(lines[i + 2]!) || reader.headerAt(lines, i + 2) !== null)) {
      openRemovedPair(i, note, (post) => (post.id = numbered[1] ?? numbered[2] ?? numbered[3]!));
      i++;
      phase = 'closed';
      continue;
    }
    // "(bu entry yazarı tarafından silinmiştir)" / "04.12.2026 10:02": the removed post's time under its placeholder.
    // "5 December 2026 at 10:26" / "This comment has been removed by a blog administrator." (session 27): a removed
    // comment whose name the page dropped keeps its time over the placeholder, after a break.
    const placeholderUnder = lines[i + 1];
    if ((phase === 'closed' || !current || isBlank(lines[i - 1] ?? line)) && placeholderUnder && (reader.isRemoved(placeholderUnder.trimmed, state) || isRemovalNote(placeholderUnder.trimmed)) && readTimeLine(line) !== null) {
      openRemovedPair(i, placeholderUnder, (post) => (post.timestamp = t));
      i++;
      phase = reader.textUnderPlaceholder ? 'header' : 'closed';
      continue;
    }
    // "[deleted]" / "0 points · 4 hours ago" / "[deleted]" (session 27): a comment box that puts the placeholder in the
    // name's place and the text's keeps the time between them; the second placeholder is the same post's.
    const echoed = lines[i + 1] !== undefined && lines[i + 1]!.trimmed === lines[i - 1]?.trimmed && reader.isRemoved(lines[i + 1]!.trimmed, state);
    if (current?.removed === true && phase === 'header' && (state.blankAfter || echoed) && lineKinds.get(i - 1) === 'post-removed' && readTimeLine(line) !== null) {
      if (current.timestamp === null) current.timestamp = t;
      current.raw.push(line);
      own(i, 'post-footer');
      if (echoed) {
        current.raw.push(lines[i + 1]!);
        own(i + 1, 'post-removed');
        i++;
      }
      phase = 'closed';
      continue;
    }
    // "…text." / "" / "Kommentti on poistettu ylläpidon toimesta." / "" / next header: a removal note in any language alone
    // between blank lines right over a post's header is a removed post, not a paragraph of the post above.
    if (reader.isRemoved(t, state) || isNoteAlone(lines, i, reader)) {
      // "Beitrag entfernt" / "Dieser Beitrag wurde von der Redaktion entfernt. …": two placeholder lines, one post.
      // The same note again ("[deleted]" / "[deleted]", session 29) is the next removed post.
      const continued = current?.removed === true && lineKinds.get(i - 1) === 'post-removed' && linePost.get(i - 1) === posts.length - 1 && lines[i - 1]!.trimmed !== t;
      if (!continued && (!current || phase !== 'header' || current.removed)) current = open(newPost(null, null), line.indent);
      else flushBlanks(false);
      current!.removed = true;
      current!.raw.push(line);
      own(i, 'post-removed');
      if (reader.textUnderPlaceholder) phase = 'header';
      continue;
    }
    // "Replying to" / "@marcuslee_" / "and" / "@RivertonPost": X's reply line, copied one piece a line.
    const split = phase === 'body' ? null : readSplitReply(lines, i);
    if (split && current && phase === 'header') {
      flushBlanks(false);
      current.replyTo = split.reply;
      for (let k = i; k <= split.last; k++) {
        current.raw.push(lines[k]!);
        own(k, 'post-header');
      }
      i = split.last;
      continue;
    }
    // "Seán Mac Giolla" / "Visitors won't stay away over €4…" under the header: a chat's preview of the message
    // answered (Telegram), that sender's name over the first words of one of their earlier messages.
    const quoted = current && phase === 'header' ? readQuotedPreview(lines, i, posts) : null;
    if (quoted && current) {
      flushBlanks(false);
      current.replyTo = quoted;
      for (const k of [i, i + 1]) {
        current.raw.push(lines[k]!);
        own(k, 'post-header');
      }
      i++;
      continue;
    }
    // "Deleted message" under the header: the preview of a message that is gone, naming no one.
    if (current && phase === 'header' && DELETED_PREVIEW.test(t)) {
      flushBlanks(false);
      current.raw.push(line);
      own(i, 'post-header');
      continue;
    }
    // "Ruth Abernethy" / "Retired headteacher" / "In reply to Tomasz Wierzbicki": a short line with no sentence end
    // between a header and its reply line is the commenter's role or badge, part of the header, not the text.
    // The same line right under the same name line (the post's author) in another header of the section ("Ruth
    // Abernethy" / "Retired headteacher" twice) is that role too, with or without a reply line under it.
    if (current && phase === 'header' && !current.replyTo && countWords(t, 7) <= 6 && !endsWithTerminal(t) && !/[:?]$/.test(t) && lines[i + 1] !== undefined && !isBlank(lines[i + 1]!) && readReplyLine(line) === null && (readReplyLine(lines[i + 1]!) !== null || (current.author !== null && lines[i - 1]?.trimmed === current.author && repeatsUnderName(lines, i, start)))) {
      flushBlanks(false);
      current.raw.push(line);
      own(i, 'post-header');
      continue;
    }
    // "Leeds, UK" / "157 comments" right under the header, over the text (session 29): about the poster, not the post
    // (`isProfileLine`: by shape, a short line that is no sentence over a line of prose).
    if (phase === 'header' && current && !current.removed && pendingBlanks.length === 0 && isProfileLine(line, lines[i + 1]) && !isQuoteAttribution(t) && !posts.some((p) => p.author === t) && reader.headerAt(lines, i) === null) {
      current.raw.push(line);
      own(i, 'post-header');
      continue;
    }
    // "↳ replying to @X: first words…" right over a header, under a post's text: a chat shows what the next
    // post answers above its header.
    const reply = phase === 'body' ? (reader.headerAt(lines, i + 1) ? readReplyLine(line) : null) : readReplyLine(line);
    // "@Sarah K well that's it then…" / "Tom Wainwright — Today at 08:05": without its arrow, a reply preview is "@"
    // and an earlier poster's name right over a header (Discord's copy, session 29), never a post's first line;
    // "Original message was deleted" there answers a message that is gone.
    // (Under a removal note, too: a removed post has no text for the preview to be part of; session 30.)
    const overHeader = !reply && (phase !== 'header' || current?.removed === true) && posts.length > 0 && reader.headerAt(lines, i + 1) !== null;
    const preview = overHeader ? readMentionPreview(line, posts) : null;
    if (overHeader && (preview || GONE_PREVIEW.test(t))) {
      flushBlanks(false);
      pendingReply = preview;
      lineKinds.set(i, 'comment-chrome');
      continue;
    }
    if (reply) {
      flushBlanks(false);
      if (current && phase === 'header') {
        // "@Guest The school board…" over the head, "Replying to Guest" in it: the preview's words pick which of that
        // poster's posts is answered, so they are kept (session 30).
        current.replyTo = laterReplyCue(current.replyTo, reply);
        current.raw.push(line);
        own(i, 'post-header');
      } else {
        pendingReply = reply;
        lineKinds.set(i, 'comment-chrome');
      }
      continue;
    }
    // "Ẩn 2 trả lời", "Sembunyikan 3 balasan": in a language the toggles above do not know, a short line of words
    // around one figure right under a post's footer and right over a post's header lists that many replies open
    // (`openReplyToggle`). A toggle in words the page's chrome lists know ("Show 3 more replies": the replies are not
    // listed) is read as that chrome, so an unknown toggle is taken for an open one: a guess, measured on round ten.
    if (current && phase === 'closed' && state.afterFooter && !current.replyCount && openReplyToggle(t) !== null && !reader.readChrome(t, state) && reader.headerAt(lines, i + 1) !== null) {
      flushBlanks(false);
      current.replyCount = { count: openReplyToggle(t)!, span: [line.contentStart, line.contentEnd] };
      current.repliesListed = true;
      lineKinds.set(i, 'comment-chrome');
      continue;
    }
    // "Quote:" / "Originally Posted by NAME View Post": a quote box's label over its attribution opens quoted words inside
    // the post's text (vBulletin, session 25), not a footer's button.
    let footer = current && QUOTE_LABEL.test(t) && lines[i + 1] !== undefined && QUOTE_ATTRIBUTION.test(lines[i + 1]!.trimmed) ? undefined : reader.readFooter(line, state);
    if (!footer && current && phase !== 'closed' && current.body.length > 0 && buttonRunAt(i)) footer = { likes: null };
    else if (!footer && current && phase === 'closed' && state.afterFooter && buttonRunAt(i)) footer = { likes: null };
    // (Session 37) "Gordon Blyth" / "Fri, 12/04/2026 - 17:48" / "Permalink" / the text: a lone link to the post right
    // under its header, over its text, is the header's (a CMS prints the post's own address there), not a footer that
    // closes an empty post.
    if (footer && phase === 'header' && current && current.body.length === 0 && !current.removed && HEAD_LINK.test(t) && lines[i + 1] !== undefined && !isBlank(lines[i + 1]!) && reader.headerAt(lines, i + 1) === null) {
      flushBlanks(false);
      current.raw.push(line);
      own(i, 'post-header');
      continue;
    }
    // "👍" alone under a header, with the real footer below it: an emoji-only post, not a like button.
    if (footer && footer.likes === null && phase === 'header' && current && current.body.length === 0 && !/[\p{L}\p{N}]/u.test(t)) {
      // ("👎" / "Date of experience: …" / "Useful 14": a line of the post's own may stand between.)
      if (footerBelow(lines, i, reader, state)) footer = undefined;
      // In a layout without footers, the symbol alone between its header and a break is the post's whole text.
      else if (!lines[i + 1] || isBlank(lines[i + 1]!)) footer = undefined;
    }
    // "@Dan Pengelly" / "212" / "Reply": a lone count under a text that is only a tag is the reply itself
    // (a post says something besides whom it answers), not a like count above the footer.
    if (footer && phase === 'body' && current && onlyTags(current.body) && isVoteLine(t) && readFooter(line) === undefined) footer = undefined;
    if (footer) {
      // "Reply" / "Delete" / "Replies" / the replies / "Reply": a bare "Replies" label right under a post's buttons lists
      // its replies open under it, down to the block's own button line standing alone after a break, which closes them
      // (one level shown, so a reply may answer another reply: `repliesNested`).
      if (REPLIES_LABEL.test(t) && current && phase === 'closed' && state.afterFooter && underReplies === null && !current.replyCount && posts.length > 0) {
        flushBlanks(false);
        underReplies = { owner: posts.length - 1, from: posts.length, span: [line.contentStart, line.contentEnd] };
        lineKinds.set(i, 'comment-chrome');
        continue;
      }
      if (underReplies !== null && current && phase === 'closed' && posts.length > underReplies.from && i > 0 && isBlank(lines[i - 1]!) && buttonShape(t) !== null) {
        const n = posts.length - underReplies.from;
        const owner = posts[underReplies.owner]!;
        if (n > 0 && !owner.replyCount) {
          owner.replyCount = { count: n, span: underReplies.span };
          owner.repliesListed = true;
          owner.repliesNested = true;
        }
        underReplies = null;
        flushBlanks(false);
        lineKinds.set(i, 'comment-chrome');
        afterFooter = true;
        continue;
      }
      flushBlanks(false);
      // "4 replies", "1 Reply": a count of the replies to the post above (also under a placeholder).
      if (current) noteReplyCount(current, line);
      const balloon = current && current.balloonCount === undefined ? BALLOON_COUNT.exec(t) : null;
      if (balloon && current) current.balloonCount = Number(balloon[1]);
      if (FOLD_REPLIES.test(t)) noteFoldedReplies(posts, (span) => isLineAbove(lines, i, span));
      else if (THREAD_REPLY_BOX.test(t)) noteFoldedReplies(posts, () => false, false);
      // Footers close the post; a second footer line right under the first still belongs to it.
      if (current && (phase !== 'closed' || state.afterFooter)) {
        if (footer.likes !== null && current.likes === null) current.likes = footer.likes;
        if (footer.timestamp !== undefined && current.timestamp === null) current.timestamp = footer.timestamp;
        markParentLink(current, line, phase === 'closed');
        current.raw.push(line);
        own(i, 'post-footer');
      } else lineKinds.set(i, 'comment-chrome');
      phase = 'closed';
      afterFooter = true;
      continue;
    }
    // "8 replies from Owen, Jess, and Farah" under a closed post, its replies right under it (no blank line between): a
    // one-level thread opened (a work chat's channel), whose replies all answer the post.
    // (Session 34) A client may print an expand-all toggle under the summary, and blank lines around it ("3 replies from
    // …" / "Collapse all" / "" / the first reply); over the section's first post (the thread's opening post being the
    // article) the summary is the section's chrome.
    const summary = REPLIES_FROM.exec(t);
    const listedAt = summary ? repliesListedUnder(lines, i, reader) : null;
    if (summary && listedAt !== null && !current) {
      for (let k = i; k < listedAt; k++) lineKinds.set(k, isBlank(lines[k]!) ? 'blank' : 'comment-chrome');
      i = listedAt - 1;
      continue;
    }
    const opened = current && (phase === 'closed' || listedAt !== null) && !current.removed ? summary : null;
    if (opened && current && listedAt !== null) {
      flushBlanks(false);
      current.replyCount = { count: Number(opened[1]), span: [line.contentStart, line.contentEnd] };
      current.repliesListed = true;
      // The summary and the toggle under it are the post's footer, in page order; the blank lines between are blank.
      for (let k = i; k < listedAt; k++) {
        if (k > i && isBlank(lines[k]!)) {
          lineKinds.set(k, 'blank');
          continue;
        }
        current.raw.push(lines[k]!);
        own(k, 'post-footer');
      }
      i = listedAt - 1;
      continue;
    }
    // "4 replies" under a closed post: how many replies it has (they may be listed right under it).
    if (current && phase !== 'body') noteReplyCount(current, line);
    const replier = current?.author && phase === 'closed' ? readReplySummary(t) : null;
    if (replier && current?.author) pendingSummary = { parent: current.author, replier, span: [line.contentStart, line.contentEnd], owner: posts.length - 1 };
    // "Sponsored by Grammarly" / "Write clearly…" / "Learn More" between posts: an advertisement, its label and the
    // lines under it down to the next blank line (or the next post's header).
    if ((!current || phase === 'closed') && AD_LABEL.test(t)) {
      flushBlanks(false);
      let k = i;
      for (; k < lines.length && !isBlank(lines[k]!) && (k === i || reader.headerAt(lines, k) === null); k++) lineKinds.set(k, 'comment-chrome');
      i = k - 1;
      continue;
    }
    // (Session 24) A fold toggle between posts that the page prints once (a line the chrome readers do not know when it
    // does not recur): it closes the replies listed open above it all the same.
    if ((!current || phase === 'closed') && FOLD_REPLIES.test(t) && !reader.readChrome(t, state)) {
      flushBlanks(false);
      noteFoldedReplies(posts, (span) => isLineAbove(lines, i, span));
      lineKinds.set(i, 'comment-chrome');
      continue;
    }
    let chrome = reader.readChrome(t, state);
    // "Sort by Best" / "is the default…": a chrome line inside a post's sentence, which runs on in lower case.
    if (chrome && current && phase !== 'closed' && continuesSentence(lines[i + 1], line) && reader.headerAt(lines, i + 1) === null && reader.readFooter(lines[i + 1]!, state) === undefined) chrome = undefined;
    if (chrome) {
      flushBlanks(false);
      if (FOLD_REPLIES.test(t)) noteFoldedReplies(posts, (span) => isLineAbove(lines, i, span));
      else if (THREAD_REPLY_BOX.test(t)) noteFoldedReplies(posts, () => false, false);
      // "3 replies" / "Last reply today at 9:41 AM": a summary of a thread kept elsewhere (a chat's), its replies not
      // listed under the post, so the posts below do not answer it for being there.
      if (LAST_REPLY.test(t) && current && current.replyCount && !current.repliesListed) current.replyCount = null;
      // "Comments" under a post's footer, then posts, then "View more comments": the post's own comments, listed open
      // under it (an answer's comments on a Q&A page, a shared post's on a wall), so they answer it.
      if (COMMENTS_LABEL.test(t) && current && phase === 'closed' && posts.length > 0 && underComments === null) underComments = { owner: posts.length - 1, from: posts.length, span: [line.contentStart, line.contentEnd] };
      else if (MORE_COMMENTS.test(t) && underComments !== null) {
        const n = posts.length - underComments.from;
        const owner = posts[underComments.owner]!;
        if (n > 0 && !owner.replyCount) {
          owner.replyCount = { count: n, span: underComments.span };
          owner.repliesListed = true;
        }
        underComments = null;
      }
      const count = chrome.count;
      if (count !== undefined && count !== null && declaredCount === null && (posts.length === 0 || reader.countAfterPosts)) declaredCount = count;
      lineKinds.set(i, count !== undefined && posts.length === 0 ? 'comment-section-header' : 'comment-chrome');
      // Chrome ends a post's text, and ends the stretch right under a placeholder where text still belongs to it.
      if (phase === 'body' || (phase === 'header' && current?.removed)) phase = 'closed';
      continue;
    }
    // Body text. After a closed post, text without a header is a post whose author the dump does not show.
    if (!current || phase === 'closed') {
      // ("Comments Filter:" over its options, before the first post: the row's label; session 30b.)
      if (isStrayLabel(t) || isItemRow(t) || (posts.length === 0 && isRowLabel(t))) {
        // "Posting rules", "Community" under the last post: a label of the page, not a post (nor a row of sort links).
        flushBlanks(false);
        lineKinds.set(i, 'comment-chrome');
        continue;
      }
      current = open(newPost(null, null), line.indent);
      messages.push(postWithoutHeader(line, reader.expectedHeader));
    }
    flushBlanks(current.body.length > 0);
    current.body.push(line);
    own(i, 'post-body');
    phase = 'body';
  }
  flushBlanks(false);
  if (pendingMarker) lineKinds.set((pendingMarker as { line: number }).line, 'comment-chrome');
  if (current) dropCountTail(current, lineKinds);
  dropPageTail(posts, indents, markers, lineKinds, linePost, messages, lines);
  markRemovalNotes(posts, lineKinds, messages);
  takeSubjectLines(posts, lineKinds);
  nameStaffNotes(posts, lines, lineKinds, linePost, messages);
  takeMastheadBadges(posts, lines, start, lineKinds);
  takeHeaderCounts(posts, lines, lineKinds);
  listCountedReplies(posts, declaredCount, lines);
  listTightReplies(posts, lines);
  reader.depths(posts, indents, markers);
  nestByBalloonCounts(posts);
  citeByNumber(posts);
  return { posts, lineKinds, linePost, declaredCount, messages };
}

/**
 * Line `i` stands right under a name line, and the same two lines (name, then this line) stand again elsewhere from
 * `start` down: a commenter's role or badge printed under their name in each of their headers.
 */
function repeatsUnderName(lines: readonly Line[], i: number, start: number): boolean {
  const name = lines[i - 1];
  if (name === undefined || isBlank(name)) return false;
  const t = lines[i]!.trimmed;
  for (let k = start + 1; k < lines.length; k++) {
    if (k !== i && lines[k]!.trimmed === t && lines[k - 1]!.trimmed === name.trimmed) return true;
  }
  return false;
}

/** A footer line in the post's run of lines under line `i` (up to three lines down, before a blank line). */
function footerBelow(lines: readonly Line[], i: number, reader: SectionReader, state: WalkState): boolean {
  for (let k = i + 1; k <= i + 3 && k < lines.length; k++) {
    const l = lines[k]!;
    if (isBlank(l)) return false;
    if (reader.readFooter(l, { ...state, afterFooter: true }) !== undefined) return true;
  }
  return false;
}

// "Moderator", "Admin", "The editors": a staff role alone on a line, as a site signs its own notes among the comments.
const STAFF_ROLE = /^(?:the )?(?:moderators?|moderation(?: team)?|mods?|admins?|administrators?|editors?|editorial team|staff|community team|newsroom)$/i;

/**
 * A post that no name stands over, right under a staff role alone on its line ("Moderator" over "Readers, please keep
 * to the subject…", no time, no votes): the site's note, signed by the role, which names its author.
 */
function nameStaffNotes(posts: RawPost[], lines: readonly Line[], lineKinds: Map<number, BlockKind>, linePost: Map<number, number>, messages: Message[]): void {
  posts.forEach((post, index) => {
    if (post.author !== null || post.removed || post.body.length === 0) return;
    let k = post.body[0]!.index - 1;
    while (k >= 0 && isBlank(lines[k]!)) k--;
    const role = k >= 0 ? lines[k]! : undefined;
    if (!role || lineKinds.get(k) !== 'comment-chrome' || !STAFF_ROLE.test(role.trimmed)) return;
    post.author = role.trimmed;
    post.authorSpan = [role.contentStart, role.contentEnd];
    post.raw.push(role);
    lineKinds.set(k, 'post-header');
    linePost.set(k, index);
    const at = messages.findIndex((m) => m.ruleId === 'ingest/post-without-header' && m.place?.[0] === post.body[0]!.contentStart);
    if (at >= 0) messages.splice(at, 1);
  });
}

/**
 * "Rhys Kowalski" / "Coastline News" / "Hi all, to clarify…": a short line under a post's name that repeats a line of
 * the page above the comments (the site's masthead) is the poster's affiliation, a badge of the header, not the
 * first line of the text. Only where the post's text goes on under it.
 */
function takeMastheadBadges(posts: RawPost[], lines: readonly Line[], start: number, lineKinds: Map<number, BlockKind>): void {
  let page: Set<string> | null = null;
  for (const post of posts) {
    if (post.author === null || post.authorSpan === null || post.body.length < 2) continue;
    const first = post.body[0]!;
    const t = first.trimmed;
    if (t.length === 0 || t.length > 40 || !/\p{L}/u.test(t) || countWords(t, 5) > 4 || endsWithTerminal(t) || t === post.author) continue;
    let k = first.index - 1;
    while (k >= 0 && isBlank(lines[k]!)) k--;
    if (k < 0 || lines[k]!.contentEnd !== post.authorSpan[1]) continue;
    page ??= new Set(lines.slice(0, start).map((l) => l.trimmed).filter((x) => x.length > 0));
    if (!page.has(t)) continue;
    post.body.shift();
    post.raw.push(first);
    lineKinds.set(first.index, 'post-header');
  }
}

/**
 * "RedBrickRoad" / "4 Dec 2026 18:11" / "47" / text: a lone count right under the header, over more text, in most of
 * the section's posts (three at least): the recommendations a Guardian-like page prints beside the time, a part of
 * the header (the first one becomes the likes), not the start of the text. One post opening with a bare figure ("290" /
 * "about 250 of them are union members", an answer) is text: only the section's repeating shape says otherwise.
 */
function takeHeaderCounts(posts: RawPost[], lines: readonly Line[], lineKinds: Map<number, BlockKind>): void {
  const headed = posts.filter((p) => p.author !== null && !p.removed && p.authorSpan !== null && p.body.length > 0);
  const counted = headed.filter((p) => {
    const first = p.body[0]!;
    const next = p.body[1];
    return HEADER_COUNT.test(first.trimmed) && next !== undefined && !isBlank(next) && !HEADER_COUNT.test(next.trimmed) && lineKinds.get(first.index - 1) === 'post-header';
  });
  if (counted.length < 3 || counted.length * 4 < headed.length * 3) return;
  for (const post of counted) {
    const first = post.body.shift()!;
    post.raw.push(first);
    lineKinds.set(first.index, 'post-header');
    if (post.likes === null) post.likes = Number(first.trimmed);
  }
}

/**
 * "Comments 18" over eighteen posts, "" / "2 replies" / "" under a post: when the page's count of comments is the number
 * of posts found, the replies it counts under each post are in the dump, so the ones it counts are the posts right
 * under it (`repliesListed`), as an open toggle says. Only where every count stands alone between blank lines (a toggle
 * over the replies, not a count in the post's footer, which a page prints whether the replies are shown or not), every
 * counted run fits before the next counted post and no run's post carries a count of its own (one level of replies,
 * as such pages show them).
 */
function listCountedReplies(posts: RawPost[], declaredCount: number | null, lines: readonly Line[]): void {
  if (declaredCount === null || declaredCount !== posts.length) return;
  const counted = posts.flatMap((p, k) => (p.replyCount && p.replyCount.count > 0 && !p.repliesListed ? [k] : []));
  if (counted.length === 0) return;
  const lineAt = new Map(lines.map((l, k) => [l.contentStart, k]));
  const alone = (span: Span): boolean => {
    const k = lineAt.get(span[0]);
    return k !== undefined && k > 0 && isBlank(lines[k - 1]!) && (k + 1 >= lines.length || isBlank(lines[k + 1]!));
  };
  if (!counted.every((k) => alone(posts[k]!.replyCount!.span))) return;
  let replies = 0;
  for (const k of counted) {
    const n = posts[k]!.replyCount!.count;
    if (k + n >= posts.length) return;
    for (let j = k + 1; j <= k + n; j++) if (posts[j]!.replyCount || posts[j]!.repliesListed) return;
    replies += n;
  }
  if (replies + counted.length > posts.length) return;
  for (const k of counted) posts[k]!.repliesListed = true;
}

/**
 * "3 replies" as the last line under a post, the next post's header on the very next line, and the run of posts it
 * counts printed tight (no break before any of their headers) while the post after the run follows a break: the page
 * lists the replies open under the post in a box of their own (a discussion widget, giscus-like, session 28), so they
 * answer it (`repliesListed`), one level shown (`repliesNested`). A count printed whether or not the replies are shown
 * is followed by a break, so it is not read so; nor is a run that ends the dump or opens with a removed post.
 */
function listTightReplies(posts: RawPost[], lines: readonly Line[]): void {
  const lineAt = new Map(lines.map((l, k) => [l.contentStart, k]));
  const firstLine = (p: RawPost): number | undefined => {
    const ks = [...p.raw, ...p.body].map((l) => lineAt.get(l.contentStart)).filter((k): k is number => k !== undefined);
    return ks.length > 0 ? minOf(ks) : undefined;
  };
  const afterBreak = (p: RawPost): boolean => {
    const k = firstLine(p);
    return k === undefined || k === 0 || isBlank(lines[k - 1]!);
  };
  posts.forEach((p, k) => {
    const n = p.replyCount?.count ?? 0;
    // (A post after the run, after a break, must close it: a count over the last posts of the dump closes nothing.)
    if (n <= 0 || p.repliesListed || k + n + 1 >= posts.length || posts[k + 1]!.removed) return;
    const c = lineAt.get(p.replyCount!.span[0]);
    if (c === undefined || firstLine(posts[k + 1]!) !== c + 1) return;
    for (let j = k + 1; j <= k + n; j++) if (afterBreak(posts[j]!) || posts[j]!.replyCount) return;
    if (!afterBreak(posts[k + n + 1]!)) return;
    p.repliesListed = true;
    p.repliesNested = true;
  });
}

// "💬 2" / "🗨️ 2" in a post's footer row: the speech balloon counts the post's replies.
const BALLOON_COUNT = /(?:^|\s)(?:\u{1F4AC}|\u{1F5E8}\uFE0F?) ?(\d{1,5})(?=\s|$)/u;

/**
 * "💬 1  🔁 3  ❤️ 24" under every post of a flat dump (a Bluesky thread embedded as comments, nesting not shown): the
 * balloon counts each post's replies, and the replies follow their post depth first, so the counts in page order
 * give the tree (each post answers the nearest post above it that still has replies to come). Only where every post
 * but a removed one (no footer: no replies) has a count, one count at least is not 0, and the counts use up the posts
 * exactly (no reply counted but hidden, no post left over inside a counted run); otherwise nothing changes.
 */
function nestByBalloonCounts(posts: RawPost[]): void {
  if (posts.length < 2 || posts.some((p) => p.depth !== null && p.depth > 0)) return;
  if (posts.some((p) => p.balloonCount === undefined && !p.removed) || !posts.some((p) => (p.balloonCount ?? 0) > 0)) return;
  const open: number[] = [];
  const depths: number[] = [];
  for (const p of posts) {
    while (open.length > 0 && open[open.length - 1] === 0) open.pop();
    depths.push(open.length);
    if (open.length > 0) open[open.length - 1]!--;
    open.push(p.balloonCount ?? 0);
  }
  if (open.some((n) => n > 0)) return;
  posts.forEach((p, k) => {
    p.depth = depths[k]!;
    p.depthCue = 'depth';
  });
}

/** Line `i` is a removal note (`isRemovalNote`) alone between blank lines, with a post header (or the end) under it. */
function isNoteAlone(lines: readonly Line[], i: number, reader: SectionReader): boolean {
  if (i === 0 || !isBlank(lines[i - 1]!) || (lines[i + 1] !== undefined && !isBlank(lines[i + 1]!)) || !isRemovalNote(lines[i]!.trimmed)) return false;
  let k = i + 1;
  while (k < lines.length && isBlank(lines[k]!)) k++;
  return k >= lines.length || reader.headerAt(lines, k) !== null;
}

/**
 * (Session 37) "The fine is roughly 6% of th…" / "The fine is roughly 6% of their turnover (£180k on £3.1m). …": a CMS
 * heads each comment with a subject, by default the text's first words cut off with an ellipsis. Where three posts or
 * more open with such a cut-off copy of their own next line, every post's first line over more text is its subject (the
 * defaults and the subjects the posters typed, "Cost of doing business"): part of the header, not the text.
 */
function takeSubjectLines(posts: RawPost[], lineKinds: Map<number, BlockKind>): void {
  const firstTwo = (post: RawPost): [Line, Line] | null => {
    const text = post.body.filter((l) => !isBlank(l));
    return !post.removed && text.length >= 2 && post.body[0] === text[0] ? [text[0]!, text[1]!] : null;
  };
  const cutCopy = (a: Line, b: Line): boolean => {
    const m = /^(\S.{7,78}?)\s?(?:…|\.\.\.)$/u.exec(a.trimmed);
    return m !== null && b.trimmed.length > m[1]!.length && b.trimmed.startsWith(m[1]!);
  };
  let copies = 0;
  for (const post of posts) {
    const two = firstTwo(post);
    if (two && cutCopy(two[0], two[1])) copies++;
  }
  if (copies < 3) return;
  for (const post of posts) {
    const two = firstTwo(post);
    if (!two || two[0].trimmed.length > 80 || /[.!:;,]$/u.test(two[0].trimmed.replace(/(?:…|\.\.\.)$/u, 'x'))) continue;
    post.subject = two[0].trimmed;
    post.raw.push(two[0]);
    post.body = post.body.slice(post.body.indexOf(two[1]));
    lineKinds.set(two[0].index, 'post-header');
  }
}

/**
 * A post that no name stands over, whose text is one short line saying that a post was removed, in any language
 * ("Komentar ini telah dihapus.", "Ý kiến này đã bị ẩn do vi phạm quy định." over its time, "4." / "תגובה זו הוסרה
 * על ידי המערכת"): the placeholder of a removed post, not a post by an unknown author. A time line may follow it.
 */
function markRemovalNotes(posts: RawPost[], lineKinds: Map<number, BlockKind>, messages: Message[]): void {
  for (const post of posts) {
    if (post.author !== null || post.removed) continue;
    const text = post.body.filter((l) => !isBlank(l));
    if (text.length === 0 || text.length > 2 || !isRemovalNote(text[0]!.trimmed)) continue;
    if (text.length === 2 && readTimeLine(text[1]!) === null) continue;
    const first = post.body[0]!;
    post.removed = true;
    for (const l of post.body) {
      if (isBlank(l)) continue;
      lineKinds.set(l.index, l === text[0] ? 'post-removed' : 'post-footer');
      post.raw.push(l);
    }
    if (text.length === 2 && post.timestamp === null) post.timestamp = text[1]!.trimmed;
    post.body = [];
    const at = messages.findIndex((m) => m.ruleId === 'ingest/post-without-header' && m.place?.[0] === first.contentStart);
    if (at >= 0) messages.splice(at, 1);
  }
}

/**
 * The page below the last post ("Ready for more?", "Privacy ∙ Terms", "Related topics" and their
 * headlines), read as posts without a header: when such posts come after the last post with a header and
 * hold only short lines, none a sentence of eight words or more, they are the page's chrome.
 */
function dropPageTail(
  posts: RawPost[],
  indents: number[],
  markers: (number | null)[],
  lineKinds: Map<number, BlockKind>,
  linePost: Map<number, number>,
  messages: Message[],
  lines: readonly Line[],
): void {
  let k = posts.length;
  // (Session 34) Every post above headed (or a removal placeholder): the list's posts all show a header here.
  const headed = posts.length >= 6 && posts.slice(0, -1).every((p) => p.author !== null || p.removed);
  while (k > 0 && (isHeaderlessChrome(posts[k - 1]!) || (k === posts.length && isTailAfterPager(posts[k - 1]!, lines, lineKinds, headed)))) k--;
  // "Discover more" / "Sourced from across X" / a post by someone else …: under a label for other content the page
  // recommends, the last posts (three at most) are that content, header and all, not replies (session 31).
  k = recommendedTailStart(posts, k, lines, lineKinds);
  // "About" / "News" / "Pro" / "Apps" / … / "© …": a site footer's one-word links below the last post, read two by two
  // as a name over a line of text (session 28). Three such posts at least at the end, none with a time, a count or a
  // footer, in a section whose posts above show times: the page's links, not comments.
  k = navTailStart(posts, k, isStrictPageLine, (p) => p.timestamp !== null);
  if (k === 0 || k === posts.length) return;
  for (const post of posts.splice(k)) {
    for (const line of post.raw) {
      lineKinds.set(line.index, 'comment-chrome');
      linePost.delete(line.index);
    }
    for (const line of post.body) {
      lineKinds.set(line.index, isBlank(line) ? 'blank' : 'comment-chrome');
      linePost.delete(line.index);
    }
    const first = post.body[0];
    const at = messages.findIndex((m) => m.ruleId === 'ingest/post-without-header' && first !== undefined && m.place?.[0] === first.contentStart);
    if (at >= 0) messages.splice(at, 1);
  }
  indents.length = k;
  markers.length = k;
}

// The label over content a page recommends under the comments: "Discover more", "More posts from X", "Up next",
// "Related videos", "You might like".
const RECOMMENDED_LABEL = /^(?:discover more|more (?:posts|videos|stories|threads) from \S.{0,40}|up next|you (?:might|may) (?:also )?like|related (?:posts|videos|threads))$/i;

/**
 * Where the recommended content under the comments starts: the first of the last three posts or fewer (before `k`)
 * with a chrome line reading as a recommendation label between it and the post above; `k` when there is none.
 */
function recommendedTailStart(posts: readonly RawPost[], k: number, lines: readonly Line[], lineKinds: Map<number, BlockKind>): number {
  for (let j = Math.max(1, k - 3); j < k; j++) {
    const above = lineExtent(posts[j - 1]!)?.last;
    const first = lineExtent(posts[j]!)?.first;
    if (above === undefined || first === undefined) continue;
    for (let n = above + 1; n < first; n++) {
      if (lineKinds.get(n) === 'comment-chrome' && RECOMMENDED_LABEL.test(lines[n]!.trimmed)) return j;
    }
  }
  return k;
}

/** The first and last line of a post's header and text (a loop: a long post's lines are never spread into a call). */
function lineExtent(post: RawPost): { first: number; last: number } | null {
  let out: { first: number; last: number } | null = null;
  for (const part of [post.raw, post.body]) {
    for (const l of part) {
      if (out === null) out = { first: l.index, last: l.index };
      else if (l.index < out.first) out.first = l.index;
      else if (l.index > out.last) out.last = l.index;
    }
  }
  return out;
}

// "Load more", "Show more comments", "View more comments": the pager that closes a comment list the page cut short.
const LIST_PAGER = /^(?:load|show|view|see) more(?: comments| replies)?$/i;
// A chat's message box: "Message #transport" (Slack), "Send a message", "Type a message…".
const COMPOSE_BOX = /^(?:message #[\w-]{1,40}|(?:send|type|write) a message(?:…|\.\.\.)?)$/i;

/**
 * The last post, with no header, right under the pager that closes the list ("Load more" / "" / "Want to bookmark
 * your favourite articles …? Start your subscription today." / "About us" / …): the page below the comments when
 * three lines in four are the page's (labels, interface, legal), whatever the length of the promotion among them.
 */
function isTailAfterPager(post: RawPost, lines: readonly Line[], lineKinds: Map<number, BlockKind>, headed = false): boolean {
  if (post.author !== null || post.removed || post.body.length === 0) return false;
  let k = post.body[0]!.index - 1;
  while (k >= 0 && isBlank(lines[k]!)) k--;
  if (k < 0 || lineKinds.get(k) !== 'comment-chrome') return false;
  // (Session 36) "Load More Comments" / "wpDiscuz" / "Would love your thoughts, please comment.x" / "| Reply": in a list
  // whose every post shows its header, a block without one under the pager (among the three chrome lines over it) is
  // the page's, a widget's leftover buttons read as its footer or not.
  if (headed && chromeRunHasPager(lines, lineKinds, k)) return true;
  if (post.raw.length > 0) return false;
  // "Message #transport" / "Aa" / "Herald Members is on a free plan. …": a chat's message box (and the chrome beside it)
  // closes the channel; what stands under it is the app's notice, not a message (session 25).
  for (let c = k, seen = 0; c >= 0 && seen < 3; c--) {
    if (isBlank(lines[c]!)) continue;
    if (lineKinds.get(c) !== 'comment-chrome') break;
    if (COMPOSE_BOX.test(lines[c]!.trimmed)) return true;
    seen++;
  }
  // "Related questions" / "Do lower speed limits …?" / … : a list of links under a related-list label closes the page
  // (Quora, session 25); its lines are short, whether headlines or questions.
  const text0 = post.body.filter((l) => !isBlank(l));
  if (matchChrome(lines[k]!.trimmed)?.id === 'related' && countWords(lines[k]!.trimmed, 4) <= 3 && text0.every((l) => countWords(l.trimmed, 17) <= 16 || isPageLine(l.trimmed) || isLinkRowLine(l.trimmed))) return true;
  if (!LIST_PAGER.test(lines[k]!.trimmed)) return false;
  // (Session 34) "Load more comments" / "The rules of replying:" / "Be respectful. …": under the pager that closes a list
  // whose every post shows its header, a block without one is the page's (its rules box, its links), not a comment.
  if (headed) return true;
  const text = post.body.filter((l) => !isBlank(l));
  const page = text.filter((l) => isPageLine(l.trimmed)).length;
  return text.length >= 4 && page * 4 >= text.length * 3;
}

/** Among the (up to three) chrome lines from line `k` up, the pager that closes a comment list. */
function chromeRunHasPager(lines: readonly Line[], lineKinds: Map<number, BlockKind>, k: number): boolean {
  for (let c = k, seen = 0; c >= 0 && seen < 3; c--) {
    if (isBlank(lines[c]!)) continue;
    if (lineKinds.get(c) !== 'comment-chrome') return false;
    if (LIST_PAGER.test(lines[c]!.trimmed)) return true;
    seen++;
  }
  return false;
}

/** A post with no header, footer or placeholder whose lines are all short and none a full sentence. */
function isHeaderlessChrome(post: RawPost): boolean {
  if (post.author !== null || post.removed) return false;
  // "Log in to see more replies." / "Log in or sign up for …" / …: what a logged-out page shows under the last reply it
  // lets through opens the page's sign-up box, whatever stands under it (session 28).
  const opening = post.body.find((l) => !isBlank(l));
  if (opening !== undefined && isSeeMoreGate(opening.trimmed)) return true;
  // "You must log in or register to reply here." / "Share": with a button read as its footer, only when every line
  // is the page's interface, a login blurb or a legal line (not merely short).
  if (post.raw.length > 0) return post.body.every((l) => isBlank(l) || isStrictPageLine(l.trimmed)) && post.raw.every((l) => isUiLine(l.trimmed));
  if (post.body.every((l) => isPageLine(l.trimmed))) return true;
  // "Want to write?" / "Write an article and join a growing community of …" / "Register now": the page's promotion
  // box, two to four lines closed by its button (an interface line), none a long paragraph.
  const text = post.body.filter((l) => !isBlank(l));
  if (text.length >= 2 && text.length <= 4 && isUiLine(text.at(-1)!.trimmed) && text.every((l) => countWords(l.trimmed, 41) <= 40)) return true;
  // A list of headlines and links with one short sentence among them ("Snow emergency lifted; parking ban
  // ends at 6 a.m."): three lines in four are the page's, and none is a long sentence.
  const page = post.body.filter((l) => isPageLine(l.trimmed)).length;
  return post.body.length >= 4 && page * 4 >= post.body.length * 3 && post.body.every((l) => countWords(l.trimmed, 16) < 16);
}

/** An interface line, a login blurb or a legal notice: the page's, whatever its length. */
function isStrictPageLine(t: string): boolean {
  return isUiLine(t) || isAccountBlurb(t) || isLegalLine(t);
}

/**
 * A line of the page below the comments: a label or headline (no sentence: short, or unpunctuated and under
 * sixteen words), a row of a table ("Topic<TAB>Replies<TAB>Views"), an interface line, a login blurb or a
 * legal notice.
 */
/** "About · Careers · Terms · Privacy · …": a footer's row of three or more short links, set apart by dots or bars. */
function isLinkRowLine(t: string): boolean {
  if (t.length > 300) return false;
  const items = t.split(/ [|·•] /);
  return items.length >= 3 && items.every((x) => x.length > 0 && x.length <= 30 && countWords(x, 4) <= 3 && !endsWithTerminal(x));
}

/**
 * "Radio Severnside, PO Box 4021, Cardiff · Ofcom licence · Privacy · Cookies · Complaints": a site footer's row, the
 * owner's name and address before three or more short links set apart by dots or bars, no item a sentence (session 26).
 */
function isAddressedLinkRow(t: string): boolean {
  if (t.length > 300) return false;
  const items = t.split(/ [|·•] /);
  if (items.length < 4 || items.some((x) => x.length === 0 || endsWithTerminal(x))) return false;
  return items.slice(1).every((x) => x.length <= 30 && countWords(x, 4) <= 3);
}

/**
 * "Vale Rugby Supporters Forum » First XV » Carrick Vale docked 12 points and fined £15,000": a breadcrumb trail, three
 * items or more set apart by `»`, `›` or `>`, every item but the last (the page's own title) a short label (session 38).
 */
function isTrailRow(t: string): boolean {
  if (t.length > 300) return false;
  const items = t.split(/ [»›>] /);
  return items.length >= 3 && items.every((x) => x.length > 0 && !endsWithTerminal(x)) && items.slice(0, -1).every((x) => x.length <= 40 && countWords(x, 6) <= 5);
}

function isPageLine(t: string): boolean {
  if (t.length === 0) return true;
  if (isUiLine(t) || isAccountBlurb(t) || isLegalLine(t) || t.includes('\t') || isAddressedLinkRow(t) || isTrailRow(t)) return true;
  const words = countWords(t, 16);
  return endsWithTerminal(t) ? words < 8 : words < 16;
}

/**
 * "3" / "5" / "12" closing a post's text right above the next header: the counts of its icon buttons
 * (replies, boosts, favourites, a heart) that a copy keeps without the icons. Lone counts at the end of
 * the text move to the post's footer (the text keeps at least one line); no count becomes the likes,
 * since the icons that say which is which are gone.
 */
function dropCountTail(post: RawPost, lineKinds: Map<number, BlockKind>): void {
  let k = post.body.length;
  while (k > 0 && isBlank(post.body[k - 1]!)) k--;
  const end = k;
  while (k > 1 && isCountLine(post.body[k - 1]!.trimmed)) k--;
  // "@Ana Novak" / "312": the text keeps a count that is all it says besides the tag.
  if (k < end && onlyTags(post.body.slice(0, k))) k++;
  if (k >= end) return;
  for (const line of post.body.splice(k, end - k)) {
    post.raw.push(line);
    lineKinds.set(line.index, 'post-footer');
  }
}

/** Text lines that only tag whom the post answers ("@Dan Pengelly", "@kate_w @sam"): no words of its own. */
function onlyTags(body: readonly Line[]): boolean {
  const lines = body.filter((l) => !isBlank(l));
  return lines.length > 0 && lines.every((l) => /^@\S{1,40}(?:\s+(?:@\S{1,40}|\p{Lu}[\p{L}'.-]{0,30}))*$/u.test(l.trimmed) && countWords(l.trimmed, 8) <= 6);
}

/**
 * "Replying to" on a line of its own over the handles answered, one a line, joined by "and" or commas
 * ("Replying to" / "@obrady" / "and" / "@RivertonPost"): the first handle is the post answered.
 */
function readSplitReply(lines: readonly Line[], i: number): { reply: { name: string; span: Span }; last: number } | null {
  if (!/^(?:replying to|in reply to|reply to)$/i.test(lines[i]!.trimmed)) return null;
  let first: { name: string; span: Span } | null = null;
  let last = -1;
  for (let k = i + 1; k < lines.length && k <= i + 12; k++) {
    const l = lines[k]!;
    const t = l.trimmed;
    const handle = /^@([\p{L}\p{N}_.]{1,40})$/u.exec(t);
    if (handle) {
      if (!first) first = { name: handle[1]!, span: [l.contentStart + 1, l.contentEnd] };
      last = k;
    } else if (!first || !/^(?:and|,|&|others|\d{1,3} others)$/i.test(t)) break;
  }
  return first ? { reply: first, last } : null;
}

/** A line that is only a count ("12", "1.2K"). */
function isCountLine(trimmed: string): boolean {
  return /^(?:\d{1,7}|\d{1,4}(?:\.\d)?[kK])$/.test(trimmed);
}

/** The line right under `line` (no blank between, same indent) starts in lower case: one sentence runs over both. */
function continuesSentence(under: Line | undefined, line: Line): boolean {
  if (!under || isBlank(under) || under.indent !== line.indent) return false;
  const c = under.trimmed[0]!;
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/**
 * Old Reddit's footer links: "permalink embed save parent report reply" marks a reply (its parent link),
 * the same links without "parent" a top-level post; a lone "Parent" line under another footer line (`inRun`) marks a
 * reply too. Other footers say nothing about the parent.
 */
function markParentLink(post: RawPost, line: Line, inRun = false): void {
  if (post.replyMark !== undefined || post.rootMark) return;
  // "Vote (4)" / "Reply" / "Bookmark" / "Link" / "Parent" (Tildes-like): a lone "Parent" link in a run of footer lines
  // marks a reply the same way.
  if (inRun && /^parent$/i.test(line.trimmed)) {
    post.replyMark = [line.contentStart, line.contentEnd];
    return;
  }
  const words = line.trimmed.toLowerCase().split(' ');
  // "Link | Reply | Thread | Parent" (a journal site's comment links, session 35): a row of link words between
  // separators with "parent" among them marks a reply as old Reddit's does; without it the row says nothing.
  const linkWords = words.filter((w) => !ROW_SEPARATORS.has(w));
  if (linkWords.length >= 3 && linkWords.length < words.length && linkWords.includes('parent') && linkWords.every((w) => COMMENT_LINKS.has(w))) {
    const offset = line.trimmed.toLowerCase().indexOf('parent');
    post.replyMark = [line.contentStart + offset, line.contentStart + offset + 'parent'.length];
    return;
  }
  if (!words.includes('permalink')) return;
  const at = words.indexOf('parent');
  if (at < 0) {
    post.rootMark = true;
    return;
  }
  const offset = words.slice(0, at).reduce((n, w) => n + w.length + 1, 0);
  post.replyMark = [line.contentStart + offset, line.contentStart + offset + 'parent'.length];
}

// The separators and link words of a comment's row of links ("Link | Reply | Thread | Parent | Expand").
const ROW_SEPARATORS = new Set(['|', '·', '•']);
const COMMENT_LINKS = new Set(['link', 'permalink', 'reply', 'thread', 'parent', 'expand', 'collapse', 'edit', 'delete', 'flag', 'report', 'share', 'track', 'screen', 'freeze']);

/** A lone vote count ("134", "-2", "1.2k") or "Vote": a footer when it sits next to other footer lines. */
function isVoteLine(trimmed: string): boolean {
  return /^(?:[+-]?\d{1,7}|\d{1,4}(?:\.\d)?k|vote)$/i.test(trimmed);
}

// Telegram's preview of a reply to a message that was deleted.
const DELETED_PREVIEW = /^(?:deleted message|message deleted)$/i;
// A post's own address as a link word (session 37): "Permalink", "Link", "#".
const HEAD_LINK = /^(?:permalink|permanent link|link|#)$/i;

/** Collapses runs of white space and drops a final ellipsis, to compare a preview with a post's text. */
function previewForm(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/(?:…|\.\.\.)$/, '').trimEnd();
}

/**
 * Line `i` is an earlier poster's name and line `i + 1` the first words of one of that poster's posts (maybe cut
 * short with "…"): a chat's preview of the message answered. The name (with its span and the snippet), else null.
 */
function readQuotedPreview(lines: readonly Line[], i: number, posts: readonly RawPost[]): { name: string; span: Span; snippet: string } | null {
  const name = lines[i]!;
  const words = lines[i + 1];
  if (!words || isBlank(words) || name.trimmed.length > 60) return null;
  const snippet = previewForm(words.trimmed);
  if (snippet.length < 2) return null;
  const said = posts.slice(0, -1).some((p) => p.author === name.trimmed && previewForm(p.body.filter((l) => !l.trimmed.startsWith('>')).map((l) => l.trimmed).join(' ')).startsWith(snippet));
  return said ? { name: name.trimmed, span: [name.contentStart, name.contentEnd], snippet: words.trimmed } : null;
}

// "[deleted user]", "[deleted account]", "[removed]": shown where the poster's name was.
const DELETED_ACCOUNT = /^\[(?:deleted|removed)(?: (?:user|account|member))?\]$/i;

// "#4", "12.": a post's number alone on its line.
/** "#6", "3.": a post's number alone on its line (the figure in group 1 or 2). */
// The attribution line under a quote box's label (`QUOTE_LABEL`, the quote splitter's): "Originally Posted by NAME …".
const QUOTE_ATTRIBUTION = /^(?:quote )?(?:originally posted by|quote from|quoting|posted by) \S.{0,60}$/i;
export const POST_NUMBER_LINE = /^(?:#(\d{1,5})|(\d{1,5})\.)$/;
/** The same, or the number in brackets ("(5)"). */
const NUMBER_LINE_ANY = /^(?:#(\d{1,5})|(\d{1,5})\.|\((\d{1,5})\))$/;

// "Last reply today at 9:41 AM", "Last reply 2 days ago": under a reply count, a thread's summary.
const LAST_REPLY = /^last (?:reply|replied|activity)\b/i;

// "9:05 AM", "14:05": a clock time alone.
const BARE_CLOCK = /^\d{1,2}:\d{2} ?(?:[ap]\.?m\.?)?$/i;
// "[08:31]", "[8:31 AM]": the same in brackets, as a chat's copy prints a grouped message's clock.
const BRACKETED_CLOCK = /^\[(\d{1,2}:\d{2} ?(?:[ap]\.?m\.?)?)\]$/i;


// "9:14 AM · Mar 3, 2026": the time X prints under the text of the post a conversation is about.
const CLOCK_DATE = /^\d{1,2}:\d{2} ?(?:[ap]\.?m\.?)? · (?:[a-z]{3,9}\.? \d{1,2}, \d{4}|\d{1,2} [a-z]{3,9}\.? \d{4})$/i;

// "A message was moved from this topic to #x > y by Sam Ortega.", "This topic was locked by a moderator.": an app's
// notice of a moderation act, in the passive, naming who did it.
const BOT_NOTICE = /^(?:an?|the|this|\d{1,4}) (?:messages?|topics?|threads?|posts?|conversations?|streams?|channels?) (?:was|were|has been|have been) (?:moved|renamed|merged|split|resolved|unresolved|locked|unlocked|archived|pinned|unpinned|closed|reopened)\b[^\n]{0,150}\bby [^.\n]{1,60}\.?$/i;

/** A head line with an app's badge as one of its fields (`Notification Bot  BOT  9:50 AM`, `Newsdesk  APP  9:02 AM`). */
function isBotHead(line: Line): boolean {
  return line.trimmed.length <= 100 && line.trimmed.split(/\s{2,}|\t/).some((f) => f === 'BOT' || f === 'APP');
}

/**
 * A footer line of buttons and counts, or a lone vote count right under one ("Reply" / "5" / "1") or right
 * above one ("Upvote" / "134" / "Downvote"): its first count becomes the likes.
 */
// An advertisement's label, alone or with the advertiser ("Sponsored by X", "Promoted by X", "Anzeige", "Publicidade").
const AD_LABEL = /^(?:sponsored|promoted|advertisement|ad|anzeige|werbung|publicidade|publicidad|pubblicità|publicité|reklama|реклама|广告|広告|विज्ञापन|إعلان)(?:\s(?:by|von|por|par|da|de|od)\s\S.{0,40})?$/iu;

// A label heading a post's comments, and the link under them to more ("View more comments", "Ver mais comentários").
const REPLIES_LABEL = /^(?:replies|respuestas|antworten|réponses|risposte|reacties|odpowiedzi|ответы)$/i;
const COMMENTS_LABEL = /^(?:comments|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarze|комментарии)$/i;
const MORE_COMMENTS = /^(?:(?:view|show|see|load) (?:more|all|all \d{1,5}|\d{1,5} more) comments|ver (?:mais|más) coment[áa]rios|mehr kommentare (?:anzeigen|laden)|voir plus de commentaires|altri commenti|meer reacties (?:bekijken|tonen)|показать (?:ещё|больше) комментари(?:и|ев))$/i;

const TWO_COUNTS = /^\d{1,7}(?:[.,]\d{1,3})?[kK]? {1,4}\d{1,7}(?:[.,]\d{1,3})?[kK]?$/;

/** Lines from `k` down to the next break are a footer: button lines, an edited mark or a bare count, one button at least. */
export function isFooterRun(lines: readonly Line[], k: number): boolean {
  let buttons = 0;
  const end = k + 12;
  for (; k < lines.length && !isBlank(lines[k]!); k++) {
    // A footer is a few lines: a longer run is something else (and the scan stays short).
    if (k >= end) return false;
    const l = lines[k]!;
    if (readFooter(l) !== undefined) buttons++;
    else if (!/^\d{1,6}$/.test(l.trimmed) && readBadgeLine(l.trimmed) === null) return false;
  }
  return buttons > 0;
}

// "Reactions: A, B and 9 others": a one- or two-word label, a colon, then a list.
const REACTOR_LIST = /^\p{L}[\p{L}\p{M}]{1,15}(?: \p{L}[\p{L}\p{M}]{1,15})?: (\S.{0,200})$/u;

/** A labelled list of names, as a page prints who reacted to a post: at most eight short items, none a sentence. */
function isReactorList(t: string): boolean {
  const m = REACTOR_LIST.exec(t);
  if (!m) return false;
  const items = m[1]!.split(/, | and /);
  return items.length <= 8 && items.every((item) => item.length > 0 && item.length <= 40 && item.split(' ').length <= 3 && !/[.!?;:]$/.test(item));
}

export function readFooterOrVote(line: Line, state: WalkState): Footer | undefined {
  const footer = readFooter(line);
  if (footer) return footer;
  const t = line.trimmed;
  if (state.hasPost && CLOCK_DATE.test(t)) return { likes: null, timestamp: t };
  // "(edited)" on a line of its own under a chat message's text (Discord): the app's marker, not the text.
  if (state.hasPost && state.phase === 'body' && /^\(edited\)$/i.test(t)) return { likes: null };
  // "10:14", "edited 10:52": a chat app's time at the end of a message (Telegram), the last line before a blank one.
  if (state.hasPost && state.phase === 'body' && state.blankAfter && CHAT_CLOCK.test(t)) return { likes: null, timestamp: t.replace(/^edited\s+/i, '') };
  // "3 h" / "J'aime" / "Répondre" / "24": a time over the buttons that close the post heads its footer.
  if (state.hasPost && state.phase === 'body' && state.footerRunAfter?.() && readTimeLine(line) !== null) return { likes: null, timestamp: t };
  // Under a footer: a lone "·", and "Views" under its count ("18.2K" / "Views": a view count, not likes).
  if (state.afterFooter && /^(?:[·•]|views?)$/i.test(t)) return { likes: null };
  // (Session 32) Under a footer's buttons, closing the post: "Reactions: Tom_K, anglerdave and 9 others", a label and the
  // names of those who reacted (short items, no sentence), not a post.
  if (state.afterFooter && state.blankAfter && isReactorList(t)) return { likes: null };
  // "145 12" over "Responder": the likes and dislikes as two bare counts on one line, right over the buttons.
  if (state.hasPost && state.phase === 'body' && TWO_COUNTS.test(t) && readFooter(state.next() ?? line) !== undefined) return { likes: readCount(t.split(/\s+/)[0]!) };
  if (!isVoteLine(t) || !state.hasPost) return undefined;
  // (Session 24) "12" / "1" / a blank line: two lone counts closing a post's text are its likes and dislikes (a
  // portal's reply, listed open without buttons under it, over the fold toggle).
  if (state.phase === 'body' && state.at) {
    const { lines, i } = state.at;
    const pair = lines[i + 1];
    const after = lines[i + 2];
    if (pair !== undefined && !isBlank(pair) && isVoteLine(pair.trimmed) && (after === undefined || isBlank(after))) return { likes: readCount(t) };
  }
  if (state.afterFooter) return { likes: /^views?$/i.test(state.next()?.trimmed ?? '') ? null : readCount(t) };
  if (state.phase !== 'closed' && readFooter(state.next() ?? line) !== undefined) return { likes: readCount(t) };
  return undefined;
}

// ">>4821349" (">>4821345 (OP)" for the thread's opening post) on a post's first line: the number of the post it answers.
const CITATION = /^>>(\d{1,12})(\s?\(OP\))?(?:\s|$)/;
// "ל-3, …", "לכותב 7, …", "To 3, …": an earlier post's list number at the very start of a numbered post, maybe after one
// short word, then a comma: the post it answers.
const LIST_CITATION = /^(?:\p{L}{1,8}[-־ ]?)?(\d{1,4}), /u;

/**
 * "4." / one to three lines / "5.": the next post's number (the same form, one more) stands within four lines under the
 * number at `i`, with no blank line and no header between.
 */
function nextNumberBelow(lines: readonly Line[], i: number): boolean {
  const t = lines[i]!.trimmed;
  const n = Number(/\d{1,5}/.exec(t)![0]);
  const next = t.startsWith('#') ? `#${n + 1}` : `${n + 1}.`;
  for (let k = i + 1; k <= i + 4 && k < lines.length; k++) {
    const l = lines[k]!;
    if (isBlank(l)) return false;
    if (l.trimmed === next) return k > i + 1;
  }
  return false;
}

/**
 * Posts with their own numbers (imageboards) cite the post they answer by number on their first line: an earlier
 * post's number is the parent (`parentRef`); a citation of the opening post, the article, makes the post top level.
 */
function citeByNumber(posts: RawPost[]): void {
  const numbers = new Set<string>();
  for (const post of posts) {
    if (post.id === null) continue;
    const first = post.body.find((l) => l.trimmed.length > 0);
    const cited = first ? CITATION.exec(first.trimmed) : null;
    const listed = first && !cited ? LIST_CITATION.exec(first.trimmed) : null;
    if (cited && cited[2] !== undefined) post.rootMark = true;
    else if (cited && numbers.has(cited[1]!)) {
      // ">>4821349": the link, without the space after it.
      post.parentRef = cited[1]!;
      post.parentRefSpan = [first!.contentStart, first!.contentStart + 2 + cited[1]!.length];
    } else if (listed && numbers.has(listed[1]!)) {
      // "To 3" / "ל-3" / "3": the word and the number, without the comma after them.
      post.parentRef = listed[1]!;
      post.parentRefSpan = [first!.contentStart, first!.contentStart + listed[0].length - 2];
    }
    if (cited) takeLinkLines(post);
    numbers.add(post.id);
  }
}

// ">>4821345 (OP)" / ">>4821349 >>4821352": a line of nothing but links to the posts answered.
const LINK_LINE = /^>>\d{1,12}(?:\s?\(OP\))?(?:\s+>>\d{1,12}(?:\s?\(OP\))?)*$/;

/**
 * (Session 39) The lines of links that open a post are its reply cue, not its words: they go with its raw lines, when
 * it has text under them (the "> …" lines under them, its quotation, are taken by `splitLeadingQuote` as on any page).
 * A link inside a sentence (">>4821349 is right") stays text.
 */
function takeLinkLines(post: RawPost): void {
  const body = post.body;
  let k = 0;
  while (k < body.length && isBlank(body[k]!)) k++;
  let end = k;
  while (end < body.length && LINK_LINE.test(body[end]!.trimmed)) end++;
  let rest = end;
  while (rest < body.length && isBlank(body[rest]!)) rest++;
  if (end === k || rest >= body.length) return;
  pushAll(post.raw, body.slice(k, end));
  post.body = body.slice(rest);
}

// "Original message was deleted" (a chat's reply preview of a message that is gone).
const GONE_PREVIEW = /^original (?:message|comment|post) (?:was|has been) deleted\.?$/i;

