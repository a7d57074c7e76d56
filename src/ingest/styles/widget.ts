import type { Span } from '../../schema/common.js';
import { matchChrome } from '../chrome-patterns.js';
import { isBlank, type Line } from '../lines.js';
import { CHAT_CLOCK, isRemovalNote, isRemovedPlaceholder, isSectionChrome, readCountLine, readFoldToggle } from '../section-cues.js';
import type { CommentStyle } from '../types.js';
import { countWords, endsWithTerminal } from '../../text/words.js';
import { parseCalendarDate } from '../../text/dates.js';
import { type Field, type Footer, isNameTokens, readCount, timeKind, isStandaloneTime, readBoardHeader, readNumberedBoardHeader, readSignature, readBadgeLine, readCommaHeader, readFooter, readHandleOnlyLine, isSignOff, readLetterSignature, readNameLine, readArrowNameLine, readRepliedToHeader, readReplyLine, readTimeLine, readTimeReplyLine, readWidgetHeader, splitFields, isInitialsOver, isActivityVerb } from './header-cues.js';
import { depthsFromIndents, findSectionStart, readAnyCountLine } from './section-shape.js';
import { type FoundHeader, isFooterRun, openReplyToggle, POST_NUMBER_LINE, readFooterOrVote, type SectionReader, type WalkState, walkSection } from './walk-section.js';
import { isAccountBlurb, isCommentGate, isSeeMoreGate, isUiLine } from '../ui-lines.js';
import { isProfileShape } from './counted.js';

// Chrome of widget sections that the shared section cues do not cover. Whole trimmed line, linear.
const WIDGET_CHROME = /^(?:(?:join|start) the (?:discussion|conversation)(?:…|\.\.\.|\.)?|(?:login|log in|sign in|sign up|register|logout|log out)(?: with \w{2,20})?|(?:show|view|load|see|hide|read) (?:\d{1,5} )?(?:more |all |previous |new |older |newer |hidden )?(?:replies|reply|comments?|responses|notes)(?: \(\d{1,5}\))?(?:…|\.\.\.)?|\d{1,5} (?:more )?(?:replies|reply|responses)(?: by \S.{0,60})?|(?:best|newest|oldest|top|popular|controversial|latest|most (?:liked|recent))|(?:favorite|favourite|subscribe|privacy|(?:disqus'? )?privacy policy|share what you think|(?:best|worst|highest|lowest) rated|terms of (?:use|service)|do not sell my (?:personal )?(?:data|information)|add disqus to your site|disqus|comment policy|community rules|be the first to comment\.?|what do you think\??|commenting has been (?:disabled|closed)\.?|facebook|email|copy link|reactions?|\d{1,5} reactions?)|also on \S.{0,60}|(?:view|read) (?:our|the) (?:comment|community) (?:policy|guidelines)\.?|(?:comments?|replies) (?:are|is) (?:closed|disabled)\.?|(?:\S{1,40} ){0,4}avatar|avatar (?:of|for) \S.{0,40}|[−+]|(?:your )?(?:comment|name|email|website|e-mail)(?: address)?(?: \*| \(required\)| \((?:will not|won't|is not|never) be (?:published|shown|displayed|made public)\)| \((?:optional|not published)\))?|(?:post|submit|publish) (?:comment|reply)|cancel reply|your email address will not be published\..{0,80}|save my name, email.{0,120}|notify me of (?:follow-up comments|new posts).{0,60}|what are your thoughts\??|cancel|respond|relevant|view quotes|post your reply|discover more|sourced from across \S{1,20}|latest comment:? \S.{0,40}|last (?:reply|replied|activity|comment|post) (?:\S.{0,40})|also sent to (?:the )?channel|(?:\d{1,3}(?:[,.]\d{3})*|\d{1,7}) (?:others|other people|people) (?:liked|reblogged|shared) this|message #[\w-]{1,40}|this page was last edited on \S.{0,60}|retrieved from ["“]\S{1,200}["”]|\d{1,5} (?:people|persons|users) in (?:the )?discussion|add topic|(?:↪|↳|⤷|↩)\s?original (?:message|comment|post) (?:was|has been) deleted\.?|(?:↪|↳|⤷|↩)\s?(?:message|comment) could not be loaded\.?|link to (?:comment|post)|share on other sites|more sharing options(?:…|\.\.\.)?)$/i;

// "X reblogged this from Y" (a note), "… and added:" (a post by X answering Y): Tumblr's own words.
const REBLOGGED = /^([\p{L}\p{N}_.-]{1,40}) reblogged this from ([\p{L}\p{N}_.-]{1,40})( and added:)?$/u;

// "Dee Marsh, Ollie Brandt and 12 others like this.", "Kelby Courier likes this.", "Rowan Pike and Sam Tyler replied to
// this." (a forum's reaction and reply summaries under a post, session 27): capitalised names (one with the verb's
// singular, two or more, or "N others", with its plural), then the verb and "this". "I like this." is a post.
const SUMMARY_NAME = "\\p{Lu}[\\p{L}\\p{M}'’.-]{0,30}(?: \\p{Lu}[\\p{L}\\p{M}'’.-]{0,30}){0,3}";
const REACTION_SUMMARY = new RegExp(
  `^(?:${SUMMARY_NAME} (?:likes|liked|replied to|reacted to)|${SUMMARY_NAME}(?:, ${SUMMARY_NAME}){0,6},? and (?:${SUMMARY_NAME}|\\d{1,5} others?) (?:like|liked|replied to|reacted to)) this\\.?$`,
  'u',
);

// "Pingback: Parents start petition – Holmbrook Grapevine": a blog's notice that another page linked to the post, listed
// among the comments (and counted with them) but written by nobody (session 30). WordPress's comment form: "Leave a
// Reply Cancel reply", "Enter your comment here...", "Fill in your details below or click an icon to log in:",
// "Email (required) (Address never made public)".
const LINK_NOTICE = /^(?:pingback|trackback): \S.{0,200}$/i;
const COMMENT_FORM = /^(?:leave a (?:reply|comment)(?: cancel reply)?|enter your comment here(?:…|\.\.\.)?|fill in your details below(?: or click an icon to log in)?:?|(?:name|email|e-mail|website)(?: \(required\))?(?: \((?:address )?(?:never|will not be|won't be) (?:made public|published|shown)\))?)$/i;

/** A comment-section chrome line of a widget ("Join the discussion…", "Show 3 more replies", "Newest"). */
const REVEAL_HIDDEN = /^(?:view|show|see|reveal|display) (?:the )?hidden (?:content|post|comment|reply|message)s?\.?$/i;

export function isWidgetChrome(trimmed: string): boolean {
  if (LINK_NOTICE.test(trimmed) || COMMENT_FORM.test(trimmed)) return true;
  if (trimmed.length <= 200 && REACTION_SUMMARY.test(trimmed) && !/^I /.test(trimmed)) return true;
  // (Session 33) "View hidden content.", "Show hidden post": the link that opens a post the page hides (under its note).
  if (REVEAL_HIDDEN.test(trimmed)) return true;
  // "1 of 19": a scrubber's place (a forum's post count beside "Original Post" and "Now"; session 27).
  if (/^\d{1,5} of \d{1,6}$/.test(trimmed)) return true;
  // (A long line is chrome only as a comment box's moderation notice.)
  if (trimmed.length > 100) return isSectionChrome(trimmed);
  if (WIDGET_CHROME.test(trimmed) || isSectionChrome(trimmed) || readCountLine(trimmed) !== undefined || isCommentGate(trimmed)) return true;
  // "[Post a Reply]", "[Return] [Catalog] [Top]": a row of bracketed links (an imageboard's menu); "9 replies / 0 images".
  if (/^(?:\[[\p{L} ]{2,24}\] ?){1,12}$/u.test(trimmed) || /^\d{1,5} repl(?:y|ies) \/ \d{1,5} images?$/i.test(trimmed)) return true;
  // "salt-and-static reblogged this from harbourlinenews": a reblog with nothing added is a note, not a post.
  const reblog = REBLOGGED.exec(trimmed);
  if (reblog && reblog[3] === undefined) return true;
  // "< 1 2 >", "‹ 1 2 3 … 9 ›", "1 2 3 »": a pager, page figures with an arrow, on one line.
  if (/^(?:[<‹«←]\s?)?(?:\d{1,4}\s(?:…\s)?){1,12}\d{0,4}(?:\s?[>›»→])?$/u.test(trimmed) && /[<‹«←>›»→]/u.test(trimmed) && /\d\s\S/u.test(trimmed)) return true;
  // "NEW": a chat's unread-messages divider (Discord), in capitals alone on its line.
  if (trimmed === 'NEW') return true;
  // "Newest | Oldest | Most liked": a row of chrome items is chrome.
  if (!/ [|•·] | {2}|\t/.test(trimmed)) return false;
  const items = trimmed.split(/ [|•·] | {2,}|\t+/).map((t) => t.trim());
  return items.length >= 2 && items.every((t) => t.length > 0 && (WIDGET_CHROME.test(t) || isSectionChrome(t)));
}

/**
 * What a widget reading learns once about a dump's lines and reads at many of its lines: made per call (per `detect`
 * and per `parse`), never kept between dumps.
 */
interface WidgetDump {
  /** The lines it describes. */
  readonly lines: readonly Line[];
  /** Whether the dump's numbered posts carry a title between number and header (`titledNumbers`), once known. */
  titled: boolean | undefined;
  /** The subjects replies answer and how many lines open with "Re: " (`subjectsOf`), once counted. */
  subjects: { answered: Set<string>; replies: number } | undefined;
  /** Whether the dump heads its posts with a bare account name and no time (`bareHandlesOf`), and the names shown over an OP badge, once read. */
  bareHandles: { on: boolean; op: Set<string> } | undefined;
  /** Whether the dump heads its posts with a name over a bare clock (`clockHeadsOf`), once counted. */
  clockHeads: boolean | undefined;
  /** The lines holding a post number (`#7`) that runs in sequence through the dump (`numberRunOf`), once found. */
  numberRun: Set<number> | undefined;
}

function widgetDump(lines: readonly Line[]): WidgetDump {
  return { lines, titled: undefined, subjects: undefined, bareHandles: undefined, clockHeads: undefined, numberRun: undefined };
}

// "moss-and-mayhem", "beaverfan1987": an account name alone on a line, one token in lower case (a blog's or a handle's
// address, never a person's name as written).
const BARE_HANDLE = /^[\p{Ll}\p{N}][\p{Ll}\p{N}_.-]{2,39}$/u;
// "Reblogged from sundew-and-stones": the line under a reblogger's name naming the blog the post was reblogged from.
const REBLOGGED_FROM = /^reblogged from ([\p{L}\p{N}_.-]{2,40})$/iu;
// "@fenland-farmer-girl" in a text: an account named by its handle.
const MENTIONED = /(?:^|\s)@([\p{L}\p{N}_.-]{2,40})/gu;

// "18:10", "9:02 AM": a clock alone on a line.
const BARE_CLOCK = /^(?:[01]?\d|2[0-3]):[0-5]\d(?: ?[AaPp]\.?[Mm]\.?)?$/;

/**
 * How many lines right under a head's time line (at `k`) restate it: up to two time lines or bare clocks, with the
 * same indent, a line of text under them (so a post whose text is a time keeps it).
 */
function restatedTimeLines(lines: readonly Line[], k: number, indent: number): number {
  let n = 0;
  while (n < 2) {
    const l = lines[k + n + 1];
    if (!l || isBlank(l) || l.indent !== indent || !(readTimeLine(l) !== null || BARE_CLOCK.test(l.trimmed))) break;
    n++;
  }
  const after = lines[k + n + 1];
  return n > 0 && after !== undefined && !isBlank(after) ? n : 0;
}
// "In reply to" alone on a line, over the sender quoted.
const IN_REPLY_TO = /^in reply to$/i;

/**
 * Whether `lines` head their posts with a name over a bare clock (`Pip K` / `09:14` / text, a chat client's copy,
 * session 32), read from the dump as a whole: four such heads at least, each after a break (a clock alone is too common
 * a line to read as a post's time anywhere else).
 */
function clockHeadsOf(lines: readonly Line[], dump: WidgetDump): boolean {
  if (dump.clockHeads !== undefined) return dump.clockHeads;
  let count = 0;
  for (let i = 1; i + 2 < lines.length && count < 4; i++) {
    if (!BARE_CLOCK.test(lines[i]!.trimmed) || isBlank(lines[i + 1]!) || isBlank(lines[i - 1]!)) continue;
    const before = lines[i - 2];
    if ((before === undefined || isBlank(before)) && readNameLine(lines[i - 1]!) !== null) count++;
  }
  dump.clockHeads = count >= 4;
  return dump.clockHeads;
}

/**
 * Whether `lines` head their posts with a bare account name and no time (a blog's notes: the name, maybe an "Original
 * Poster" badge or a "Reblogged from" line, then the text; session 30), read from the dump as a whole: at least four
 * lower-case one-token names after a break over text, two or more of them named elsewhere in the dump as accounts
 * (`@name`, "Reblogged from name"). One short word alone over a paragraph is too common a shape to read anywhere else.
 */
function bareHandlesOf(lines: readonly Line[], dump: WidgetDump): { on: boolean; op: Set<string> } {
  if (dump.bareHandles) return dump.bareHandles;
  const named = new Set<string>();
  const candidates = new Set<string>();
  const op = new Set<string>();
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trimmed;
    if (t.length === 0 || t.length > 2000) continue;
    const from = REBLOGGED_FROM.exec(t);
    if (from) named.add(from[1]!.toLowerCase());
    for (const m of t.matchAll(MENTIONED)) {
      // ("@joan-birch." at a sentence's end: the period is the sentence's.)
      let name = m[1]!;
      while (name.endsWith('.')) name = name.slice(0, -1);
      named.add(name.toLowerCase());
    }
    const next = lines[i + 1];
    if (BARE_HANDLE.test(t) && (i === 0 || isBlank(lines[i - 1]!)) && next && !isBlank(next) && underIsText(lines, i)) {
      count++;
      candidates.add(t.toLowerCase());
      if (readBadgeLine(next.trimmed)?.isOP) op.add(t.toLowerCase());
    }
  }
  let confirmed = 0;
  for (const c of candidates) if (named.has(c)) confirmed++;
  dump.bareHandles = { on: count >= 4 && confirmed >= 2, op };
  return dump.bareHandles;
}

/**
 * The lines under a bare name, down to the next break, hold no line of the page's interface: "tumblr" / "Explore" /
 * "Log in" / "Sign up" and "wendvalleygazette" / "Follow" are a site's or a blog's name over its menu or button.
 */
function underIsText(lines: readonly Line[], i: number): boolean {
  for (let k = i + 1; k < lines.length && k <= i + 12 && !isBlank(lines[k]!); k++) {
    const t = lines[k]!.trimmed;
    if (isUiLine(t) || isWidgetChrome(t)) return false;
  }
  return true;
}

/**
 * "cottagecore-crimes" / "Reblogged from wend-valley-lad" / text, "wendvalleygazette" / "Original Poster" / text: a bare
 * account name over the text in a dump that heads its posts so (`bareHandlesOf`). A reblog answers the blog it was
 * reblogged from, unless that is the original poster's: then it passes the post itself on (a top-level post).
 */
function readBareHandleHeader(lines: readonly Line[], i: number, line: Line, dump: WidgetDump): FoundHeader | null {
  if (!BARE_HANDLE.test(line.trimmed) || !followsBreak(lines, i)) return null;
  const next = lines[i + 1];
  if (!next || isBlank(next) || isWidgetChrome(line.trimmed) || !underIsText(lines, i)) return null;
  // "kelp_and_co" / "Author" / "19h": a name over its time is the timed header's (read below), not a bare one.
  if ([next, lines[i + 2]].some((l) => l !== undefined && !isBlank(l) && readTimeLine(l) !== null)) return null;
  const facts = bareHandlesOf(lines, dump);
  if (!facts.on) return null;
  const span: Span = [line.contentStart, line.contentEnd];
  const header: FoundHeader = { author: line.trimmed, authorSpan: span, isOP: false, timestamp: null, replyTo: null, points: null, lines: [i] };
  const badge = readBadgeLine(next.trimmed);
  const from = REBLOGGED_FROM.exec(next.trimmed);
  if (badge) {
    header.isOP = badge.isOP;
    header.lines.push(i + 1);
  } else if (from) {
    header.lines.push(i + 1);
    const name = from[1]!;
    const at = next.contentStart + next.trimmed.length - name.length;
    if (facts.op.has(name.toLowerCase())) header.rootMark = true;
    else header.replyTo = { name, span: [at, at + name.length] };
  }
  return header;
}

/**
 * How many avatar, badge or post-number lines over a name `headerAt` reads down through and `followsBreak` looks up
 * through: real ones stack one to three deep. Unbounded, both walks were quadratic in a dump of thousands of short
 * name-like lines, and their recursion overflowed the stack (5,000 lines of "Anna").
 */
const MAX_LINES_OVER_NAME = 4;
const BARE_COUNT = /^\d{1,6}$/;
const USERNAME_LINE = /^[a-z0-9][a-z0-9_.-]{1,30}$/;

/**
 * `line` is a lower-case username that opens as one of `display`'s words does, two letters at least ("lindam" under
 * "Linda Marsh", "echo_sport" under "Stourford Echo", "mo_r" under "Mo Rashid").
 */
function isUsernameOf(line: string, display: string): boolean {
  if (!USERNAME_LINE.test(line) || line === display.toLowerCase()) return false;
  const head = /^[a-z]+/.exec(line)?.[0] ?? '';
  if (head.length < 2) return false;
  return display.toLowerCase().split(/[^\p{L}]+/u).some((w) => {
    const n = Math.min(head.length, w.length);
    return n >= 2 && w.slice(0, n) === head.slice(0, n);
  });
}

/**
 * The post header starting at line `i`, if any (`dump`: what this reading learnt of `lines`). `over`: how many
 * avatar or badge lines over the header were read already (past `MAX_LINES_OVER_NAME`, no header).
 */
function headerAt(lines: readonly Line[], i: number, dump: WidgetDump, over = 0): FoundHeader | null {
  const line = lines[i];
  if (!line || isBlank(line)) return null;
  const labelled = readNumberedLabel(lines, i);
  if (labelled) return labelled;
  if (inSignOffUnder(lines, i)) return null;
  const signed = readSignedStart(lines, i) ?? readSignedOffStart(lines, i);
  if (signed) return signed;
  const board = readBoardHeader(line);
  if (board) return { author: board.author, authorSpan: board.authorSpan, timestamp: board.timestamp, isOP: false, replyTo: null, points: null, number: board.number, lines: [i] };
  const lead = readNumberedLead(lines, i, dump);
  if (lead) return lead;
  const stamped = readTimeNumberHeader(lines, i) ?? readNumberTimeHeader(lines, i) ?? readNumberClosedHead(lines, i, dump) ?? readSubjectTimeHeader(lines, i);
  if (stamped) return stamped;
  const outlined = readOutlineHeader(lines, i);
  if (outlined) return outlined;
  const numbered = readNumberedBoardHeader(line);
  if (numbered) return { author: numbered.author, authorSpan: numbered.authorSpan, timestamp: numbered.timestamp, isOP: false, replyTo: null, points: null, number: numbered.number, lines: [i] };
  // "KD" / "Karen Doyle" / "4 hours ago": an avatar that shows the poster's initials (or its alt text, the
  // name again) over the header.
  if (isAvatarLine(line, lines[i + 1])) {
    const under = over < MAX_LINES_OVER_NAME ? headerAt(lines, i + 1, dump, over + 1) : null;
    return under ? { ...under, lines: [i, ...under.lines] } : null;
  }
  // "エキスパート" / "佐藤 由美" / role / time, "Verified" over the name: a badge line over a header belongs to it.
  const badge = readBadgeLine(line.trimmed);
  if (badge && lines[i + 1] && !isBlank(lines[i + 1]!) && followsBreak(lines, i)) {
    const under = over < MAX_LINES_OVER_NAME ? headerAt(lines, i + 1, dump, over + 1) : null;
    if (under && under.lines[0] === i + 1) return { ...under, isOP: under.isOP || badge.isOP, lines: [i, ...under.lines] };
  }
  const bylined = readSubjectByline(lines, i);
  if (bylined) return bylined;
  const subjected = readSubjectOverHeader(lines, i, dump);
  if (subjected) return subjected;
  // "Name · Role · 2 h": a line shaped like a dotted footer opens a post where it stands after a blank line over text.
  // (A removal note right above closes a post as a blank line does: session 30.)
  const opens = (i === 0 || isBlank(lines[i - 1]!) || isRemovedPlaceholder(lines[i - 1]!.trimmed)) && lines[i + 1] !== undefined && !isBlank(lines[i + 1]!) && readFooter(lines[i + 1]!) === undefined;
  const one = readWidgetHeader(line, opens) ?? readCommaHeader(line);
  if (one) return { ...one, lines: [i] };
  // "Elena Bianchi risponde a Giorgio_Como58" / "1 ora fa": a reply's name line that also names the post answered.
  const replied = readRepliedToHeader(line);
  const repliedTime = replied && lines[i + 1] && lines[i + 1]!.indent === line.indent ? readTimeLine(lines[i + 1]!) : null;
  if (replied && repliedTime !== null) return { author: replied.author, authorSpan: replied.authorSpan, isOP: false, timestamp: repliedTime, replyTo: replied.replyTo, points: null, lines: [i, i + 1] };
  // (Session 37) "Martin Fell in reply to Dee Ransome" / "Admin" / "Chief Operating Officer" / "Dec 4, 2026 5:58 PM": up to
  // two badge or job-title lines (short, no sentence) between such a head and its time, after a break.
  if (replied && followsBreak(lines, i)) {
    for (let k = i + 1; k <= i + 3 && lines[k] !== undefined && !isBlank(lines[k]!) && lines[k]!.indent === line.indent; k++) {
      const time = readTimeLine(lines[k]!);
      if (time !== null) {
        if (k === i + 1) break;
        return { author: replied.author, authorSpan: replied.authorSpan, isOP: false, timestamp: time, replyTo: replied.replyTo, points: null, lines: range(i, k) };
      }
      if (!isRoleLine(lines[k]!.trimmed)) break;
    }
  }
  // "kelp-and-concrete reblogged this from harbourlinenews and added:": a reblog with words of its own is a post by
  // the first name answering the second (Tumblr's own phrase).
  const reblog = REBLOGGED.exec(line.trimmed);
  if (reblog && reblog[3] !== undefined) {
    const a = line.contentStart;
    const r = line.contentStart + line.trimmed.indexOf(` ${reblog[2]!}`, reblog[1]!.length + 1) + 1;
    return { author: reblog[1]!, authorSpan: [a, a + reblog[1]!.length], isOP: false, timestamp: null, replyTo: { name: reblog[2]!, span: [r, r + reblog[2]!.length] }, points: null, lines: [i] };
  }
  // "Reply from Harbourline Ferries" / "2 days ago": the answer a review site shows under a review, by the one named.
  const fromMatch = REPLY_FROM.exec(line.trimmed);
  const from = fromMatch ? [fromMatch[0], fromMatch[1] ?? fromMatch[2]] : null;
  const fromTime = from && lines[i + 1] && lines[i + 1]!.indent === line.indent ? readTimeLine(lines[i + 1]!) : null;
  if (from && fromTime !== null && isNameTokens(splitFields(line).slice(-from[1]!.split(' ').length))) {
    const at = line.contentStart + line.trimmed.length - from[1]!.length;
    const mark: Span = [line.contentStart, at - 1];
    return { author: from[1]!, authorSpan: [at, at + from[1]!.length], isOP: false, timestamp: fromTime, replyTo: null, points: null, replyMark: mark, lines: [i, i + 1] };
  }
  // A bare account name over the text, where the whole dump heads its posts so (a blog's notes).
  const bare = readBareHandleHeader(lines, i, line, dump);
  if (bare) return bare;
  // Two lines: "Maria Keller" / "3 hours ago" (a lone "•" line may sit between).
  const name = readNameLine(line) ?? displayNameOverHandle(lines, i, line);
  if (!name) return readArrowedHeader(lines, i, line);
  const anchored = readAnchoredCard(lines, i, name);
  if (anchored) return anchored;
  const carded = readMemberCardHeader(lines, i, line, name);
  if (carded) return carded;
  // A button or chrome line ("Flag", "Avatar", "Sort by Popular") is never the name over a time line.
  // (Nor is a removal note: "(this entry was deleted)" over its time.)
  if (!name || isWidgetChrome(line.trimmed) || readFooter(line) !== undefined || isRemovedPlaceholder(line.trimmed)) return null;
  // Or a name over a place-and-time line ("J. Alvarez" / "Denver, CO · Nov. 21"), where the name follows a
  // post's footer, chrome or a blank line rather than text (so a short body line is not taken for a name).
  const under = lines[i + 1];
  const placed = under && under.indent === line.indent ? readWidgetHeader(under) : null;
  if (placed && !placed.replyTo && followsBreak(lines, i)) {
    return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: placed.timestamp, replyTo: null, points: null, lines: [i, i + 1] };
  }
  // "Jo Brennan" / "@jobrennan@mastodon.ie" / "Nov 21": a display name over the account's handle, then the time.
  const handled = readHandleHeader(lines, i, line, name);
  if (handled) return handled;
  let k = i + 1;
  if (lines[k] && /^[•·|]$/.test(lines[k]!.trimmed)) k++;
  // "Maria Keller" / "Leeds, UK" / "3 hours ago" (session 29): a place, rank or badge line between the name and its
  // time, under a break (a page's heading lines run on without one). Not a line that reads as a name: "Tolpuddle_Martyr"
  // / "Bramblewick" / "4 Dec 2026" is a name over the name it answers (the Guardian's reply head).
  const between = lines[k];
  const below = lines[k + 1];
  // (Session 32: a line that reads as a name may be the badge there, `Press` / `Global Moderator`, when the time line
  // names the post answered itself, `replied to dough_boy on 2 Nov 2026, 09:40`, or an avatar's initials stand over the name.)
  const belowReplies = below !== undefined && readTimeLine(below) === null && readTimeReplyLine(below) !== null;
  const badgeMayBeName = belowReplies || (i > 0 && isInitialsOver(lines[i - 1]!, line));
  if (between && below && followsBreak(lines, i) && between.indent === line.indent && below.indent === line.indent && readTimeLine(between) === null && (readTimeLine(below) !== null || belowReplies) && readBadgeLine(between.trimmed) === null && (isProfileShape(between) || READ_STATE.test(between.trimmed)) && (readNameLine(between) === null || badgeMayBeName)) k++;
  const timeLine = lines[k];
  const timeReply = timeLine && timeLine.indent === line.indent && readTimeLine(timeLine) === null ? readTimeReplyLine(timeLine) : null;
  let time = timeReply ? timeReply.time : timeLine && timeLine.indent === line.indent ? readTimeLine(timeLine) : null;
  // "Pip K" / "09:14" / text (a chat client's copy, session 32): a bare clock under the name is its time where the
  // dump heads its posts so (`clockHeadsOf`).
  if (time === null && timeLine && k === i + 1 && BARE_CLOCK.test(timeLine.trimmed) && followsBreak(lines, i) && clockHeadsOf(lines, dump)) time = timeLine.trimmed;
  // "In reply to" / "Pip K" / "The discount card costing £15 is the real sting for…" under the time: the client's quote of the message answered
  // (its sender and its first words) belongs to the head.
  if (time !== null && !timeReply && lines[k + 1] && IN_REPLY_TO.test(lines[k + 1]!.trimmed) && lines[k + 2] && lines[k + 3] && !isBlank(lines[k + 3]!)) {
    const quoted = readNameLine(lines[k + 2]!);
    if (quoted) {
      return { ...withoutPlace(name), isOP: name.isOP, timestamp: time, replyTo: { name: quoted.author, span: quoted.authorSpan }, points: null, ...(name.handle ? { handle: name.handle } : {}), lines: range(i, k + 3) };
    }
  }
  // "Élodie" / "Collectif Gare Sud" / "2 h" / "J'aime" / "Répondre": a name under text over the time and the
  // buttons that close a post is its signature, not a header (a header has text under it).
  if (time !== null && !followsBreak(lines, i) && isFooterRun(lines, k + 1)) return null;
  if (time !== null) {
    // "vonatos_pisti" / "2026.12.04 09:02:17" / "(1)": the post's number under its time closes the header (later posts
    // may cite it).
    const num = lines[k + 1] && lines[k + 1]!.indent === line.indent ? POST_NUMBER_UNDER.exec(lines[k + 1]!.trimmed) : null;
    // "to Ashcombe Residents' Association" under the time: a mailing list's web view names the message's recipients.
    const sentTo = !num && lines[k + 1] && lines[k + 1]!.indent === line.indent && RECIPIENTS.test(lines[k + 1]!.trimmed);
    // (Session 36) "Katherine Ives" / "5 Dec" / "5 Dec '26" / "9:14 a.m.": a list archive prints the date twice (short,
    // then with its year) and the clock on a line of its own; the time lines right under the time are the head's.
    const restated = !num && !sentTo && !timeReply ? restatedTimeLines(lines, k, line.indent) : 0;
    const numbered = num ? { number: num[1] ?? num[2]!, lines: range(i, k + 1) } : { lines: range(i, sentTo ? k + 1 : k + restated) };
    // "Tom Hale" / "2 HOURS AGO · replying to Anna Price": the time line may name the post answered.
    return { ...withoutPlace(name), isOP: name.isOP, timestamp: time, replyTo: timeReply ? timeReply.reply : null, points: null, ...(name.handle ? { handle: name.handle } : {}), ...numbered };
  }
  if (!followsBreak(lines, i)) {
    // "Edited · 2d" / "river_rat_bentham" / text / "2d  212 likes  Reply": a post whose age is in its footer has no
    // time line of its own over the text, so a time line right above its name ends the block above (Instagram's caption).
    const above = lines[i - 1];
    return above && readTimeLine(above) !== null ? readFooterTimedHeader(lines, i, line, name) : null;
  }
  const spaced = readSpacedHeader(lines, i, line, name);
  if (spaced) return spaced;
  // A name over one or two lines that say where the poster is or what they are ("Ann Arbor, MI",
  // "Writer"), then the time: "Harold B." / "Ann Arbor, MI" / "Nov. 19".
  // A name over one or two lines that say where the poster is, what they are ("Ann Arbor, MI", "Writer",
  // "• 2nd" / "Senior Hydrologist | Flood risk") or whom they answer ("Tolpuddle_Martyr"), then the time.
  let isOP = name.isOP;
  let replyHint: { name: string; span: Span } | null = null;
  let replyTo: { name: string; span: Span } | null = null;
  // (Session 33: three such lines, a forum's "Linda Marsh" / "lindam" / "Season ticket since 1996" / "gwynp" / "14h": the
  // full name, the username, the user's title and the name answered.)
  // (Session 33) "Gwyn Pritchard" / "gwynp": a display name over a lower-case name of one word that starts as one of the
  // display name's words does is the account's username, not the name answered (`cheeky_kev` / `adeok`, or the
  // Guardian's `GrumpyOldEngineer` / `cymru_am_byth`, is).
  const username = lines[i + 1] && isUsernameOf(lines[i + 1]!.trimmed, name.author) ? lines[i + 1]!.trimmed : null;
  for (let m = i + 1; m <= i + 3; m++) {
    // (A meta line may be indented otherwise: LinkedIn's " • 2nd" keeps a space before the dot.)
    const meta = lines[m];
    // "↩ jlindqvist" under the name: the post it answers, shown by the page.
    const reply = meta ? readReplyLine(meta) : null;
    if (reply) replyTo = reply;
    else if (!meta || !isMetaLine(meta)) break;
    const badge = reply ? null : readBadgeLine(meta!.trimmed);
    if (badge?.isOP) isOP = true;
    if (!badge && !reply && !(m === i + 1 && username !== null)) replyHint = nameHint(meta!);
    const under = lines[m + 1];
    let at = under && under.indent === line.indent ? readTimeLine(under) : null;
    // (Session 36) "Leah Morton" / "External" / "08:14": where the dump heads its posts with a bare clock under the name
    // (`clockHeadsOf`), the clock under a badge is the time as well.
    if (at === null && under && under.indent === line.indent && BARE_CLOCK.test(under.trimmed) && followsBreak(lines, i) && clockHeadsOf(lines, dump)) at = under.trimmed;
    // "Eastgate Chronicle" / "Author" / "Eastgate · 4 hr ago": under a badge, a place-and-time line (session 25, Nextdoor).
    if (at === null && badge && under && under.indent === line.indent) {
      const placedUnder = readWidgetHeader(under);
      if (placedUnder && !placedUnder.replyTo && placedUnder.timestamp !== null) at = placedUnder.timestamp;
    }
    if (at !== null) {
      const num = lines[m + 2] && lines[m + 2]!.indent === line.indent ? POST_NUMBER_UNDER.exec(lines[m + 2]!.trimmed) : null;
      const numbered = num ? { number: num[1] ?? num[2]!, lines: range(i, m + 2) } : { lines: range(i, m + 1) };
      // (Session 36) "Echo Moderator" / "Moderator": a page printing the badge on a line of its own does not print it
      // after the name too, so a name ending in the badge's word keeps it.
      const own = badge && m === i + 1 && name.author.length < line.trimmed.length && line.trimmed.startsWith(name.author) && line.trimmed.toLowerCase().endsWith(` ${meta!.trimmed.toLowerCase()}`);
      const author = own ? { author: line.trimmed, authorSpan: [line.contentStart, line.contentEnd] as Span } : { author: name.author, authorSpan: name.authorSpan };
      return { ...author, isOP, timestamp: at, replyTo, points: null, replyHint, ...(username !== null ? { handle: username } : {}), ...numbered };
    }
  }
  const timed = readFooterTimedHeader(lines, i, line, name);
  if (timed) return timed;
  // A name right over a placeholder ("Anonymous" / "This comment has been removed …"): the removed post's author.
  const next = lines[i + 1];
  if (next && next.indent === line.indent && isRemovedPlaceholder(next.trimmed) && !isRemovedPlaceholder(line.trimmed)) {
    return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: null, replyTo: null, points: null, lines: [i] };
  }
  return null;
}

/**
 * "gutterlordz  ▸  linda_r" / "Today 3:40pm" (a badge line, "Staff", may sit between): a reply's name line naming the
 * poster answered over its time, after a break.
 */
function readArrowedHeader(lines: readonly Line[], i: number, line: Line): FoundHeader | null {
  const named = readArrowNameLine(line);
  if (!named || !followsBreak(lines, i)) return null;
  let k = i + 1;
  let isOP = named.isOP;
  const badge = lines[k] && !isBlank(lines[k]!) ? readBadgeLine(lines[k]!.trimmed) : null;
  if (badge) {
    isOP ||= badge.isOP;
    k++;
  }
  const under = lines[k];
  const time = under && under.indent === line.indent ? readTimeLine(under) : null;
  if (time === null) return null;
  return { author: named.author, authorSpan: named.authorSpan, isOP, timestamp: time, replyTo: named.replyTo, points: null, lines: range(i, k) };
}

// "2,317", "41": a member's post count alone on its line; "11y", "7 yrs": how long the member has been one.
// (Session 34: or shortened, "1.2k", "876", as a community platform's card prints a member's content count.)
const MEMBER_COUNT = /^(?:\d{1,3}(?:,\d{3}){1,2}|\d{1,6}|\d{1,3}(?:\.\d)?[kK])$/;
const MEMBER_AGE = /^\d{1,2} ?(?:y|yr|yrs|years?|mo|mos|months?)$/i;
// "4,812 posts", "37 reviews", "1,166 helpful votes": a member's tally with what it counts (session 35).
const MEMBER_TALLY = /^(?:\d{1,3}(?:,\d{3}){1,2}|\d{1,6}) (?:helpful )?(?:posts?|messages?|reviews?|votes?|likes?|reactions?|points?|ratings?|answers?|comments?|followers?|photos?|contributions?|solutions?|kudos)$/i;
// "Re: Bus lane vote", "12. Re: Bus lane vote": a reply's subject line, maybe numbered.
const CARD_SUBJECT = /^(?:#?\d{1,5}\.? )?re: ?\S.{0,150}$/i;

/**
 * (Session 34) "Posted December 2" under a member card: a capital activity verb before a calendar date is the post's
 * time there (`readTimeLine` takes a capital verb only before an age, as an article's "Updated Fri, 04 Dec 2026" is the
 * page's date line; under a card it is the post's). Returns the date without the verb, or null.
 */
function readPostedDate(line: Line): string | null {
  const m = /^(\p{Lu}\p{Ll}{3,12}) (?:on )?(\S.{3,60})$/u.exec(line.trimmed);
  if (!m || !isActivityVerb(m[1]!)) return null;
  const date = m[2]!.replace(/ \(edited\)$/i, '');
  return isStandaloneTime(date) && timeKind(date) === 'absolute' ? date : null;
}

/**
 * "hollowpoint" / "Ars Scholae Palatinae" / "11y" / "2,317" / "" / "Dec 4, 2026 at 11:41 AM": a forum's member card
 * over the post, unlabelled (the rank a few words without a sentence's end, the membership age, the post count, or
 * labelled fields such as "Posts: 1,204"), then the post's own date and clock, maybe after a blank line. Needs a
 * count or an age among the card's lines and a calendar time under them, so that "11y" is not taken for the post's
 * time and a name over a role over a time (NYT-like) stays that reader's.
 */
function readMemberCardHeader(lines: readonly Line[], i: number, line: Line, name: { author: string; authorSpan: Span; isOP: boolean }): FoundHeader | null {
  if (!followsBreak(lines, i)) return null;
  let m = i + 1;
  let figures = 0;
  let ranks = 0;
  // (Session 35) A travel forum's card runs longer: a place, a badge over what it is for, a level, then three tallies
  // ("Porthaven, UK" / "Destination Expert" / "for Porthaven" / "Level Contributor" / "4,812 posts" / "37 reviews" /
  // "1,166 helpful votes"): up to four short lines before the first figure, ten lines in all.
  while (m <= i + 10) {
    const l = lines[m];
    if (!l || isBlank(l)) break;
    const t = l.trimmed;
    // (Session 34) " 1.2k": a figure may keep the space its icon stood in, one column off the name's.
    if (l.indent !== line.indent && !(Math.abs(l.indent - line.indent) <= 1 && MEMBER_COUNT.test(t))) break;
    if (m > i + 5 && figures === 0 && ranks < 2) break;
    if (MEMBER_COUNT.test(t) || MEMBER_AGE.test(t) || MEMBER_TALLY.test(t) || isProfileField(l) || isDatedField(l)) figures++;
    // "Location: Settle": under a figure, a labelled field without one belongs to the card too.
    else if (figures > 0 && PROFILE_FIELD.test(t) && t.length <= 40) {
      m++;
      continue;
    }
    else if (ranks < 4 && figures === 0 && t.length <= 40 && countWords(t, 7) <= 6 && !endsWithTerminal(t) && readTimeLine(l) === null && readFooter(l) === undefined && !isWidgetChrome(t)) ranks++;
    else break;
    m++;
  }
  if (figures === 0 || m - i - 1 < 2) return null;
  // More than one short line over the figures only with two figures or more under them (a card, not a poem).
  if (ranks > 1 && figures < 2) return null;
  const card = m;
  if (lines[m] && isBlank(lines[m]!) && lines[m + 1] && !isBlank(lines[m + 1]!)) m++;
  let under = lines[m];
  let time = under && under.indent === line.indent ? (readTimeLine(under) ?? readPostedDate(under)) : null;
  // (Session 35) "12. Re: Airport Express closing …" / "4 Dec 2026, 19:05": the post's subject between card and time.
  const subject = time === null && under !== undefined && CARD_SUBJECT.test(under.trimmed) && lines[m + 1] !== undefined && lines[m + 1]!.indent === line.indent ? readTimeLine(lines[m + 1]!) : null;
  if (subject !== null) {
    time = subject;
    m++;
    under = lines[m];
  }
  if (time === null || timeKind(time) !== 'absolute') return bylineUnderCard(lines, i, card, name);
  const shown = [...range(i, subject !== null ? m - 1 : card - 1), m];
  return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: time, replyTo: null, points: null, lines: shown };
}

// (Session 38) "« Reply #3 on: December 05, 2026, 08:40:19 AM »", "« on: … »" (a Simple Machines board): the post's number
// and time in guillemets, under the member card and the post's subject; the opening post's has no number.
const GUILLEMET_TIME = /^«\s?(?:reply #(\d{1,6}) )?on: (\S.{3,60}?)\s?»$/i;
// "Quote", "Reply", "Report to moderator": the post's buttons on a line of their own under its time.
const CARD_BUTTON = /^(?:quote|reply|report to moderator|modify|remove|split topic)$/i;
const STAR_RANK = /^[*★☆✪]{1,10}$/;

/**
 * (Session 38) A member card over a guillemet time line: name (after a break) / rank / stars / `Posts: N` (blank lines
 * may stand between them) / `Re: SUBJECT` / `« Reply #N on: DATE »` / `Quote`. Every line between the name and the time
 * is short and no sentence; the subject line, when there is one, stands right over the time.
 */
function readAnchoredCard(lines: readonly Line[], i: number, name: { author: string; authorSpan: Span; isOP: boolean }): FoundHeader | null {
  // The card's first lines run on from the name (a blank line under a lone word is no card: "Logged" / "" / the next).
  if (!followsBreak(lines, i) || lines[i + 1] === undefined || isBlank(lines[i + 1]!)) return null;
  // The name's own block (down to the first blank line) holds the rank's stars or a field (`Posts: N`) unless the card
  // is that block alone: "Logged" / a signature / "" / the next card is no card.
  let firstBlockCarded = false;
  let blocks = 0;
  for (let k = i + 1; k <= i + 12 && k < lines.length; k++) {
    const l = lines[k]!;
    const t = l.trimmed;
    const m = GUILLEMET_TIME.exec(t);
    if (m) {
      if (k === i + 1 || timeKind(m[2]!.replace(/,(?= \d{1,2}:)/, '')) === null) return null;
      if (blocks > 0 && !firstBlockCarded) return null;
      let end = k;
      if (lines[k + 1] && CARD_BUTTON.test(lines[k + 1]!.trimmed)) end = k + 1;
      const subjectLine = lines[k - 1]!;
      const subject = CARD_SUBJECT.test(subjectLine.trimmed) ? subjectLine.trimmed : undefined;
      return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: m[2]!, replyTo: null, points: null, number: m[1] ?? '0', ...(subject !== undefined ? { subject } : {}), lines: range(i, end) };
    }
    if (isBlank(l)) {
      if (!isBlank(lines[k - 1]!)) blocks++;
      continue;
    }
    if (STAR_RANK.test(t) || isProfileField(l) || CARD_SUBJECT.test(t)) {
      if (blocks === 0 && !CARD_SUBJECT.test(t)) firstBlockCarded = true;
      continue;
    }
    if (t.length <= 40 && countWords(t, 7) <= 6 && !endsWithTerminal(t) && readTimeLine(l) === null && !isWidgetChrome(t)) continue;
    return null;
  }
  return null;
}

// "Reply from X", "Response from the owner", and as review sites print it in Spanish, German, French, Italian, Dutch,
// Polish and Russian ("Respuesta de X", "Antwort von X", "Réponse de X", "Risposta di X", "Reactie van X", "Odpowiedź od X",
// "Ответ от X"): the header of an answer to the review above it.
const REPLY_FROM = /^(?:reply|response|answer) from (?:the )?(\S.{0,46}\S)$|^(?:respuesta de|antwort von|réponse de|risposta d[ai]|reactie van|antwoord van|odpowiedź od|ответ от) (\S.{0,46}\S)$/i;

// "PhD", "MSc", "DPhil": letters after a name, a capital after a small letter in one short word, which no place name
// of that length has (session 30b). All-capital letters ("RN" as "NY") are not told from a place by their shape.
const POST_NOMINAL_SHAPE = /^(?=\p{L}{3,5}$)(?=\p{L}{0,4}\p{Ll})\p{Lu}\p{L}{0,3}\p{Lu}/u;

/**
 * "יוסי, נהריה" / "(04.12.26)", "Anna, Lyon" over the time: a name and the place the poster gives, one to three words
 * each, no figures; the author is the name. Any other name is kept whole.
 */
function withoutPlace(name: { author: string; authorSpan: Span }): { author: string; authorSpan: Span } {
  const m = /^([^,\d]{1,40}), ([^,\d]{1,40})$/u.exec(name.author);
  if (!m || countWords(m[1]!, 4) > 3 || countWords(m[2]!, 4) > 3 || POST_NOMINAL_SHAPE.test(m[2]!)) return { author: name.author, authorSpan: name.authorSpan };
  return { author: m[1]!, authorSpan: [name.authorSpan[0], name.authorSpan[0] + m[1]!.length] };
}

/**
 * "gullwing" / "Established Member" / "Posts: 2314" / "Joined: Tue Mar 08, 2011 7:15 pm" / "Re: Bus lane vote" / "Quote" /
 * "Post by gullwing » Sat Dec 05, 2026 9:14 am" (phpBB): the member card stands over the post's subject, its buttons and
 * its byline, which names the same member; the card, subject and buttons are the header's lines with the byline.
 */
function bylineUnderCard(lines: readonly Line[], i: number, card: number, name: { author: string; authorSpan: Span; isOP: boolean }): FoundHeader | null {
  let subjects = 0;
  for (let n = card; n < card + 4 && n < lines.length; n++) {
    const l = lines[n]!;
    if (isBlank(l)) return null;
    const byline = readWidgetHeader(l);
    if (byline && byline.author === name.author && byline.timestamp !== null && timeKind(byline.timestamp) === 'absolute') {
      return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: byline.timestamp, replyTo: null, points: null, lines: range(i, n) };
    }
    // One subject line (a short line, no sentence's end), and buttons ("Quote").
    if (isUiLine(l.trimmed) || readFooter(l) !== undefined) continue;
    if (subjects === 0 && l.trimmed.length <= 120 && !endsWithTerminal(l.trimmed)) {
      subjects++;
      continue;
    }
    return null;
  }
  return null;
}

// "Joined: Tue Mar 08, 2011 7:15 pm": a profile field whose value is a date with its clock (colons and all).
const DATED_FIELD = /^\p{L}[\p{L}\p{M}.]{1,15}(?: \p{L}[\p{L}\p{M}.]{1,15})?: (\S.{3,40})$/u;

function isDatedField(l: Line): boolean {
  const m = DATED_FIELD.exec(l.trimmed);
  return m !== null && timeKind(m[1]!) === 'absolute';
}

// "unread,": the reader's state of a message, one lower-case word and a comma, between the sender and the time (a
// mailing list's web view, session 31).
const READ_STATE = /^\p{Ll}{3,12},$/u;
// "to Ashcombe Residents' Association", "to me, Jane Doe": the recipients a mail view prints under the time.
const RECIPIENTS = /^to \S[^.!?]{0,80}$/;

// "(12)", "#12": a post's number alone on its line under the header's time.
const POST_NUMBER_UNDER = /^(?:\((\d{1,5})\)|#(\d{1,5}))$/;

// "Reg: Mar 2011", "Inlägg: 4 512", "Posts: 1,204", "Joined: Jan 2015": a field of the poster's profile, a label of one
// or two words with its colon and a short value with a figure.
const PROFILE_FIELD = /^\p{L}[\p{L}\p{M}.]{1,15}(?: \p{L}[\p{L}\p{M}.]{1,15})?: ?[^\s:](?:[^:]{0,28}\S)?$/u;

function isProfileField(l: Line | undefined): boolean {
  return l !== undefined && PROFILE_FIELD.test(l.trimmed) && /\d/.test(l.trimmed) && l.trimmed.length <= 40;
}

/**
 * "2026-12-04, 08:20" / "#2" / "pendlar_pelle" / "Medlem" / "Reg: Sep 2016" / "Inlägg: 388": a forum post's time over its
 * number over the name, then maybe a rank (a word or two, only over a profile field) and the fields of the poster's
 * profile. Under a time and a number, a single line and a break is a post without a name (a removal note).
 */
function readTimeNumberHeader(lines: readonly Line[], i: number): FoundHeader | null {
  const time = readTimeLine(lines[i]!);
  if (time === null || !followsBreak(lines, i)) return null;
  const num = lines[i + 1] ? POST_NUMBER_LINE.exec(lines[i + 1]!.trimmed) : null;
  const nameLine = lines[i + 2];
  if (!num || !nameLine || isBlank(nameLine)) return null;
  const number = num[1] ?? num[2];
  const name = readNameLine(nameLine);
  if (!name || isRemovedPlaceholder(nameLine.trimmed)) {
    const after = lines[i + 3];
    return after === undefined || isBlank(after) ? { author: null, authorSpan: null, timestamp: time, isOP: false, replyTo: null, points: null, number, lines: [i, i + 1] } : null;
  }
  let end = i + 2;
  for (let m = i + 3; m <= i + 6; m++) {
    const l = lines[m];
    if (isProfileField(l)) end = m;
    else if (m === i + 3 && l && !isBlank(l) && countWords(l.trimmed, 3) <= 2 && !/[\d.!?:]/.test(l.trimmed) && isProfileField(lines[m + 1])) end = m;
    else break;
  }
  return { author: name.author, authorSpan: name.authorSpan, timestamp: time, isOP: name.isOP, replyTo: null, points: null, number, lines: range(i, end) };
}

// "Old 12-04-2026, 07:40 AM": the alt text of a forum's post icon ("Old", "New") copied before the post's time.
const POST_ICON_WORD = /^(?:old|new) (?=\S)/i;
// "gymrat_78 gymrat_78 is offline": the name, then the alt text of its online-status icon, which repeats it.
const ONLINE_STATUS = /^(\S.{0,80}?) is (?:offline|online|invisible)$/iu;

/** "gymrat_78 gymrat_78" (the name and the status icon's repeat of it): the name once. */
function undoubled(text: string): string {
  const half = (text.length - 1) / 2;
  return Number.isInteger(half) && text[half] === ' ' && text.slice(0, half) === text.slice(half + 1) ? text.slice(0, half) : text;
}

// "7. Re: Airport Express closing …": a forum post's number and reply subject on one line.
const NUMBERED_SUBJECT = /^\d{1,5}\. re: ?\S.{0,150}$/i;

/**
 * (Session 35) "6. Re: SUBJECT" / "4 Dec 2026, 20:58" / then a removal note (a post removed with its card), or a name
 * and maybe one short label ("Tripadvisor Staff" / "Message from Tripadvisor staff") over the text (a staff post shown
 * without a member card): a travel forum's posts that have no card over their number, subject and date.
 */
function readSubjectTimeHeader(lines: readonly Line[], i: number): FoundHeader | null {
  const timeLine = lines[i + 1];
  const next = lines[i + 2];
  if (!NUMBERED_SUBJECT.test(lines[i]!.trimmed) || !followsBreak(lines, i) || !timeLine || !next || isBlank(next)) return null;
  const time = readTimeLine(timeLine);
  if (time === null || timeKind(time) !== 'absolute' || time.length !== timeLine.trimmed.length) return null;
  if (isRemovedPlaceholder(next.trimmed)) return { author: null, authorSpan: null, timestamp: time, isOP: false, replyTo: null, points: null, lines: [i, i + 1] };
  const name = readNameLine(next);
  const under = lines[i + 3];
  if (!name || !under || isBlank(under)) return null;
  const shown = [i, i + 1, i + 2];
  const label = under.trimmed;
  if (lines[i + 4] && !isBlank(lines[i + 4]!) && countWords(label, 7) <= 6 && !endsWithTerminal(label) && !/\d/.test(label)) shown.push(i + 3);
  return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: time, replyTo: null, points: null, lines: shown };
}

/**
 * "#2" / "Old 12-04-2026, 07:40 AM" / "gymrat_78 gymrat_78 is offline" / "Senior Member" / " " / "Join Date: Mar 2009" /
 * "Location: Eastside" / "Posts: 4,512" (vBulletin-era forums, session 25): a post's number alone on its line over its
 * time (maybe after the post icon's word), then the name (maybe with its status icon's words), then the poster's card:
 * a rank, blank lines and profile fields, one of them with a figure. Without a card, the number, the time and a name
 * right over a removal note are a removed post's header ("… / dunkalot / This message has been deleted by …").
 */
function readNumberTimeHeader(lines: readonly Line[], i: number): FoundHeader | null {
  const num = POST_NUMBER_LINE.exec(lines[i]!.trimmed);
  const timeLine = lines[i + 1];
  const nameLine = lines[i + 2];
  if (!num || !timeLine || !nameLine || isBlank(timeLine) || isBlank(nameLine)) return null;
  const icon = POST_ICON_WORD.exec(timeLine.trimmed);
  const shift = icon ? icon[0].length : 0;
  const timeText = timeLine.trimmed.slice(shift);
  const time = readTimeLine({ ...timeLine, trimmed: timeText, contentStart: timeLine.contentStart + shift, text: timeLine.text.slice(timeLine.contentStart + shift - timeLine.start), start: timeLine.contentStart + shift, fields: undefined });
  if (time === null || timeKind(time) !== 'absolute') return null;
  const status = ONLINE_STATUS.exec(nameLine.trimmed);
  const own = status ? undoubled(status[1]!) : null;
  const name = own !== null && own.length <= 40 ? { author: own, authorSpan: [nameLine.contentStart, nameLine.contentStart + own.length] as Span, isOP: false } : readNameLine(nameLine);
  if (!name || isRemovedPlaceholder(nameLine.trimmed)) return null;
  let end = i + 2;
  let figures = 0;
  for (let m = i + 3, ranks = 0; m <= i + 10 && lines[m]; m++) {
    const l = lines[m]!;
    if (isBlank(l)) continue;
    if (PROFILE_FIELD.test(l.trimmed) && l.trimmed.length <= 40) {
      if (/\d/.test(l.trimmed)) figures++;
      end = m;
    } else if (ranks === 0 && figures === 0 && m <= i + 4 && l.trimmed.length <= 40 && countWords(l.trimmed, 7) <= 5 && !/[\d:.!?]/.test(l.trimmed)) {
      ranks++;
      end = m;
    } else break;
  }
  const under = lines[i + 3];
  // No card: the name right over a removal note is the header of a post a moderator removed, which keeps its place.
  const removed = figures === 0;
  if (removed && (!under || !isRemovalNote(under.trimmed))) return null;
  if (removed) end = i + 3;
  return { author: name.author, authorSpan: name.authorSpan, timestamp: time, isOP: name.isOP, replyTo: null, points: null, number: num[1] ?? num[2], lines: range(i, end), ...(removed ? { removedUnder: true } : {}) };
}

// "#7": a post's number alone on its line, "#" and figures.
const HASH_NUMBER_LINE = /^#(\d{1,5})$/;

/**
 * The lines holding a post number ("#1", "#2", "#3" …) that runs in sequence through the dump: each number one more
 * than the last one above it, three or more in a row (session 32). A number out of the run (an issue's "#1432") is
 * none.
 */
function numberRunOf(lines: readonly Line[], dump: WidgetDump): Set<number> {
  if (dump.numberRun) return dump.numberRun;
  const run = new Set<number>();
  let current: number[] = [];
  let last = -1;
  const close = (): void => {
    if (current.length >= 3) for (const k of current) run.add(k);
  };
  for (let k = 0; k < lines.length; k++) {
    const m = HASH_NUMBER_LINE.exec(lines[k]!.trimmed);
    if (!m) continue;
    const n = Number(m[1]);
    if (n !== last + 1 || current.length === 0) {
      close();
      current = [];
    }
    current.push(k);
    last = n;
  }
  close();
  dump.numberRun = run;
  return run;
}

/**
 * "Tom_K" / "Well-known member" / "" / "Dec 4, 2026" / "Add bookmark" / "#2" (a XenForo-like card, session 32): a short
 * head block closed by the post's number where the dump's numbers run in sequence (`numberRunOf`). The name is the
 * block's first line, after a break (not a word of the page's interface); under it at most two short lines (a rank, a
 * badge), at most one blank line, the post's time and at most two short lines (the card's buttons) over the number.
 */
function readNumberClosedHead(lines: readonly Line[], i: number, dump: WidgetDump): FoundHeader | null {
  const run = numberRunOf(lines, dump);
  if (run.size === 0) return null;
  const line = lines[i]!;
  if (HASH_NUMBER_LINE.test(line.trimmed) || isUiLine(line.trimmed) || readTimeLine(line) !== null || !followsBreak(lines, i)) return null;
  const name = readNameLine(line);
  if (!name || isRemovedPlaceholder(line.trimmed)) return null;
  let time: string | null = null;
  let blanks = 0;
  let short = 0;
  for (let k = i + 1; k <= i + 9 && k < lines.length; k++) {
    const l = lines[k]!;
    if (run.has(k)) {
      if (time === null) return null;
      const under = lines[k + 1];
      if (under !== undefined && !isBlank(under)) return null;
      return { author: name.author, authorSpan: name.authorSpan, timestamp: time, isOP: name.isOP, replyTo: null, points: null, number: HASH_NUMBER_LINE.exec(l.trimmed)![1], lines: range(i, k) };
    }
    if (isBlank(l)) {
      if (++blanks > 1) return null;
      continue;
    }
    if (HASH_NUMBER_LINE.test(l.trimmed)) return null;
    const t: string | null = time === null ? readTimeLine(l) : null;
    if (t !== null) {
      time = t;
      short = 0;
      continue;
    }
    if (l.trimmed.length > 40 || countWords(l.trimmed, 6) > 4 || endsWithTerminal(l.trimmed) || ++short > 2) return null;
  }
  return null;
}

/**
 * "3." / "זה מה שקורה כשמתכננים…" / "יוסי, נהריה" / "(04.12.26)": a post's number alone on its line, its first words (a
 * title of one or two lines, the post's own text) and then its header with a time. The title lines are the post's
 * text (`lead`); the number is the post's id, which later posts may cite.
 */
function readNumberedLead(lines: readonly Line[], i: number, dump: WidgetDump): FoundHeader | null {
  if (!POST_NUMBER_LINE.test(lines[i]!.trimmed)) return null;
  // "#6" / "Katrin Bäumer" / "SPIEGEL-Redaktion" / "Heute, 09:55 Uhr": where a header stands right under the number,
  // the line under it is a title only in a dump whose numbered posts have titles (`titledNumbers`).
  if (headerAt(lines, i + 1, dump) !== null && !titledNumbers(lines, dump)) return null;
  return leadAt(lines, i, dump);
}

/**
 * Whether more of the dump's post numbers stand over a title that no header reading claims ("3." / "זה מה שקורה…" /
 * name / time) than right over a header ("#6" / name / time).
 */
function titledNumbers(lines: readonly Line[], dump: WidgetDump): boolean {
  if (dump.titled !== undefined) return dump.titled;
  // While it is counted, the headers it reads see no titles (the count does not wait on itself).
  dump.titled = false;
  let titled = 0;
  let direct = 0;
  for (let n = 0; n < lines.length; n++) {
    if (!POST_NUMBER_LINE.test(lines[n]!.trimmed)) continue;
    if (headerAt(lines, n + 1, dump) !== null) direct++;
    else if (leadAt(lines, n, dump) !== null) titled++;
  }
  dump.titled = titled > direct;
  return dump.titled;
}

function leadAt(lines: readonly Line[], i: number, dump: WidgetDump): FoundHeader | null {
  const m = POST_NUMBER_LINE.exec(lines[i]!.trimmed)!;
  for (let k = 1; k <= 2; k++) {
    const l = lines[i + k];
    if (!l || isBlank(l) || l.trimmed.length > 160 || POST_NUMBER_LINE.test(l.trimmed)) return null;
    const at = i + k + 1;
    const u = lines[at];
    if (!u || isBlank(u) || POST_NUMBER_LINE.test(u.trimmed)) continue;
    const h = headerAt(lines, at, dump);
    if (h && h.lines[0] === at && h.timestamp !== null && h.lead === undefined) return { ...h, number: m[1] ?? m[2], lead: range(i + 1, i + k), lines: [i, ...h.lines] };
  }
  return null;
}

// "Re: X": a subject line that answers the post with subject X.
const RE_REPLY_SUBJECT = /^re: ?\S/i;

// The subjects that replies answer ("Re: X" → "x") and how many lines open with "Re: ", counted once per dump.
function subjectsOf(lines: readonly Line[], dump: WidgetDump): { answered: Set<string>; replies: number } {
  let found = dump.subjects;
  if (found) return found;
  found = { answered: new Set(), replies: 0 };
  for (const l of lines) {
    if (!RE_REPLY_SUBJECT.test(l.trimmed) || l.trimmed.length > 120) continue;
    found.replies++;
    found.answered.add(l.trimmed.replace(/^re: ?/i, '').toLowerCase());
  }
  dump.subjects = found;
  return found;
}

/**
 * "Re: Konečně rozumné rozhodnutí" / "Marie Černá" / "4. 12. 2026 8:11": a subject line over a name-and-time header,
 * after a break, in a dump whose replies carry "Re: " subjects (two or more such lines). A subject opening with "Re: "
 * marks a reply to the latest post with the subject it repeats; any other opens a thread.
 */
function readSubjectOverHeader(lines: readonly Line[], i: number, dump: WidgetDump): FoundHeader | null {
  const line = lines[i]!;
  const t = line.trimmed;
  if (t.length > 100 || subjectsOf(lines, dump).replies < 2) return null;
  const re = RE_REPLY_SUBJECT.test(t);
  if (readTimeLine(line) !== null || readFooter(line) !== undefined || isWidgetChrome(t) || isRemovedPlaceholder(t) || !followsBreak(lines, i)) return null;
  const under = lines[i + 1];
  if (!under || isBlank(under) || RE_REPLY_SUBJECT.test(under.trimmed)) return null;
  const h = headerAt(lines, i + 1, dump);
  if (!h || h.lines[0] !== i + 1 || h.timestamp === null || h.replyMark || h.rootMark) return null;
  const header: FoundHeader = { ...h, subject: t, lines: [i, ...h.lines] };
  if (re) header.replyMark = [line.contentStart, line.contentStart + 3];
  else header.rootMark = true;
  return header;
}

const SCORE = /\s?\(score:\s?(-?\d{1,3})(?:, ?[^()]{1,30})?\)$/i;
const RE_SUBJECT = /^re:/i;

/**
 * A Slashdot-like header: the comment's subject line ("Re:Third time? (Score:4, Informative)") over
 * "by thegarbz ( 1787294 ) on Friday November 20, 2026 @09:48PM (#64921102)". A subject opening with "Re:"
 * marks a reply (to which post the flat copy does not show); any other subject opens a thread. The score
 * becomes the likes.
 */
function readSubjectByline(lines: readonly Line[], i: number): FoundHeader | null {
  const line = lines[i]!;
  const collapsed = readCollapsedComment(line);
  if (collapsed) return { ...collapsed, lines: [i] };
  const titled = readTitledByline(line);
  if (titled) return { ...titled, lines: [i] };
  const own = readByline(line);
  const under = lines[i + 1];
  const by = own ? null : under && under.indent === line.indent ? readByline(under) : null;
  if (!own && !by) return null;
  const t = line.trimmed;
  if (by && (t.length > 160 || readFooter(line) !== undefined || isWidgetChrome(t))) return null;
  const found = (own ?? by)!;
  const header: FoundHeader = { author: found.author, authorSpan: found.authorSpan, timestamp: found.timestamp, isOP: false, replyTo: null, points: null, lines: own ? [i] : [i, i + 1] };
  // "Homepage" / "Journal": the byline's profile links, which a copy may put on lines of their own under it (session
  // 30), are header lines, not the start of the text.
  for (let k = header.lines[header.lines.length - 1]! + 1; k < lines.length && k <= i + 4; k++) {
    const l = lines[k]!;
    if (isBlank(l) || l.trimmed.split(' ').length > 2 || !isUiLine(l.trimmed)) break;
    header.lines.push(k);
  }
  if (by) {
    const score = SCORE.exec(t);
    if (score) header.points = Number(score[1]);
    // The subject without its score: the thread the post is in (`parentFromMark`).
    header.subject = score ? t.slice(0, score.index) : t;
    if (RE_SUBJECT.test(t)) header.replyMark = [line.contentStart, line.contentStart + 3];
    else header.rootMark = true;
  }
  return header;
}

// "Re: Bread price to rise by dammy_k(m): 8:17am On Dec 05": a forum's one-line post header (session 35), the subject,
// "by", the name (maybe with a bracketed gender mark glued to it) and a colon, then the post's time.
const TITLED_BYLINE = /^(\S.{0,200}?) by ([\p{L}\p{N}_.-]{2,40})(\([mf]\))?: (\S.{3,40})$/u;

/**
 * The one-line header `TITLED_BYLINE` reads: the author (without the gender mark), the time and the subject; "Re:" marks
 * a reply in the subject's thread, as in the collapsed comment.
 */
function readTitledByline(line: Line): Omit<FoundHeader, 'lines'> | null {
  if (line.trimmed.length > 300) return null;
  const m = TITLED_BYLINE.exec(line.trimmed);
  if (!m || !isStandaloneTime(m[4]!) || timeKind(m[4]!) === null) return null;
  const at = line.contentStart + m[1]!.length + 4;
  const header: Omit<FoundHeader, 'lines'> = { author: m[2]!, authorSpan: [at, at + m[2]!.length], timestamp: m[4]!, isOP: false, replyTo: null, points: null, subject: m[1]! };
  if (RE_SUBJECT.test(line.trimmed)) header.replyMark = [line.contentStart, line.contentStart + 3];
  else header.rootMark = true;
  return header;
}

// "Re:Running costs (Score:-1, Flamebait) by Anonymous Coward on …": the subject, its score and the byline on one line.
const COLLAPSED_SUBJECT = /^\S.{0,159}?\(score:\s?(-?\d{1,3})(?:, ?[^()]{1,30})?\) (?=by )/i;

/**
 * A comment the page shows collapsed, under the reader's score threshold: its subject, score and byline on one line
 * and no text (session 30). The post is in the thread, but what it said is not on the page, so it is read as a removed
 * post that keeps its header (`removedUnder`, the header line being its own placeholder).
 */
function readCollapsedComment(line: Line): Omit<FoundHeader, 'lines'> | null {
  const m = COLLAPSED_SUBJECT.exec(line.trimmed);
  if (!m) return null;
  const off = line.contentStart - line.start + m[0].length;
  const byline = readByline({ ...line, text: line.text.slice(off), start: line.start + off, contentStart: line.start + off, trimmed: line.trimmed.slice(m[0].length), fields: undefined });
  if (!byline) return null;
  const subject = m[0].slice(0, m[0].lastIndexOf('(')).trimEnd();
  const header: Omit<FoundHeader, 'lines'> = { author: byline.author, authorSpan: byline.authorSpan, timestamp: byline.timestamp, isOP: false, replyTo: null, points: Number(m[1]), removedUnder: true, subject };
  if (RE_SUBJECT.test(line.trimmed)) header.replyMark = [line.contentStart, line.contentStart + 3];
  else header.rootMark = true;
  return header;
}

/**
 * "by sjames ( 1099 ) on Friday November 20, 2026 @09:24PM (#64921011) Homepage Journal": a comment's
 * byline, with "by" in lower case (an article's "By Jane Doe" is not one); the author and the time.
 */
function readByline(line: Line): { author: string; authorSpan: Span; timestamp: string } | null {
  const t = line.trimmed;
  if (t.length > 200 || !t.startsWith('by ')) return null;
  const tokens = splitFields(line);
  const on = tokens.findIndex((tok, k) => k >= 2 && k <= 9 && tok.text === 'on');
  if (on < 0) return readDashedByline(line, tokens);
  // The name, without the user number after it ("( 1099 )", "(1099)").
  let end = on;
  while (end > 2 && /^\(?\d{0,9}\)?$/.test(tokens[end - 1]!.text)) end--;
  const name = tokens.slice(1, end);
  if (!isNameTokens(name)) return null;
  let stop = on + 1;
  while (stop < tokens.length && !tokens[stop]!.text.startsWith('(#')) stop++;
  if (stop === on + 1) return null;
  const timestamp = line.text.slice(tokens[on + 1]!.start - line.start, tokens[stop - 1]!.end - line.start);
  if (parseCalendarDate(timestamp) === null && !/\d{1,2}:\d{2}/.test(timestamp)) return null;
  const authorSpan: Span = [name[0]!.start, name[name.length - 1]!.end];
  return { author: line.text.slice(authorSpan[0] - line.start, authorSpan[1] - line.start), authorSpan, timestamp };
}

/**
 * (Session 34) "by Dave Rook - Thursday, 3 December 2026, 7:58 PM": a learning platform's forum byline, the name and the
 * post's date and clock after a dash (the whole rest of the line), under the post's subject.
 */
function readDashedByline(line: Line, tokens: Field[]): { author: string; authorSpan: Span; timestamp: string } | null {
  const dash = tokens.findIndex((tok, k) => k >= 2 && k <= 7 && (tok.text === '-' || tok.text === '–' || tok.text === '—'));
  if (dash < 0 || dash === tokens.length - 1) return null;
  const name = tokens.slice(1, dash);
  if (!isNameTokens(name)) return null;
  const timestamp = line.text.slice(tokens[dash + 1]!.start - line.start, tokens[tokens.length - 1]!.end - line.start);
  if (parseCalendarDate(timestamp) === null || !/\d{1,2}:\d{2}/.test(timestamp)) return null;
  const authorSpan: Span = [name[0]!.start, name[name.length - 1]!.end];
  return { author: line.text.slice(authorSpan[0] - line.start, authorSpan[1] - line.start), authorSpan, timestamp };
}

/** Line indices from `a` to `b`, both included. */
function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let n = a; n <= b; n++) out.push(n);
  return out;
}

/**
 * A short line under a name that tells where the poster is or what they are ("Ann Arbor, MI", "Writer",
 * a profile headline "Senior Hydrologist | Catchment modelling and flood risk"): no sentence, no button.
 */
function isMetaLine(line: Line): boolean {
  const t = line.trimmed;
  if (t.length === 0 || t.length > 80 || t.startsWith('@') || countWords(t, 13) > 12) return false;
  // "😡": a line of emoji only says nothing about the poster; it is a post's text (an emoji-only post).
  if (/\p{Extended_Pictographic}/u.test(t) && !/[\p{L}\p{N}]/u.test(t)) return false;
  // "oh you're right, my mistake" / "2d": three words or more opening in lower case with a clause's comma or a
  // contraction are a short post's text over its age, not a place, a title or a sign-in note ("logged in via Google";
  // session 38).
  if (/^\p{Ll}/u.test(t) && countWords(t, 4) >= 3 && /,|\p{L}['’]\p{L}/u.test(t)) return false;
  // "Lancaster, Pa.": a place may end with an abbreviation's period; a sentence may not.
  if (endsWithTerminal(t) && !/(?:^|[ ,])\p{Lu}[\p{L}.]{0,5}\.$/u.test(t)) return false;
  return readFooter(line) === undefined && readTimeLine(line) === null && !isWidgetChrome(t) && !isRemovedPlaceholder(t);
}

/** A meta line that could be a poster's name (a reply's header shows the name answered there), else null. */
function nameHint(line: Line): { name: string; span: Span } | null {
  const named = readNameLine(line);
  return named && !named.isOP ? { name: named.author, span: named.authorSpan } : null;
}

/**
 * "Tom Ellery | Callow Bay B&B" / "@callowbaybnb": over an account's handle, the line is the display name the poster
 * chose, whatever it holds (a bar and a tagline, more than four words, emoji), so long as it is short, has a letter and
 * reads as no sentence or interface line. Null when the line under is no handle.
 */
function displayNameOverHandle(lines: readonly Line[], i: number, line: Line): { author: string; authorSpan: Span; isOP: boolean; handle?: string } | null {
  const under = lines[i + 1];
  if (!under || under.indent !== line.indent || readHandleOnlyLine(under.trimmed) === null) return null;
  const t = line.trimmed;
  if (t.length > 50 || t.startsWith('@') || !/\p{L}/u.test(t) || /[.!?:,;]$/.test(t) || isUiLine(t) || isWidgetChrome(t) || readTimeLine(line) !== null) return null;
  // ("tom-r added the bug label 3 days ago" / "@mo-k" / "mo-k": an event line with its age over the next post's avatar
  // and name is no display name.)
  if (/\b(?:ago|yesterday|today)$/i.test(t) || isAvatarLine(under, lines[i + 2])) return null;
  return { author: t, authorSpan: [line.contentStart, line.contentEnd], isOP: false };
}

/**
 * "Jo Brennan" / "@jobrennan@mastodon.ie" / "Nov 21" (Mastodon, Bluesky): a display name over the account's
 * handle, then the time. The author is the display name; the handle is kept so that "@jobrennan" finds it.
 */
function readHandleHeader(lines: readonly Line[], i: number, line: Line, name: { author: string; authorSpan: Span; isOP: boolean }): FoundHeader | null {
  const under = lines[i + 1];
  if (!under || under.indent !== line.indent || line.trimmed.startsWith('@')) return null;
  const handle = readHandleOnlyLine(under.trimmed);
  if (handle === null) return null;
  let k = i + 2;
  if (lines[k] && /^[•·|]$/.test(lines[k]!.trimmed)) k++;
  const timeLine = lines[k];
  const time = timeLine && timeLine.indent === line.indent ? readTimeLine(timeLine) : null;
  if (time === null) {
    // "sam.holloway" / "@pete.carvalho" / "25" / … / "1h  22 likes  Reply": the handle is the reply's tag, the
    // first words of a post whose age stands in its footer.
    if (readFooterTimedHeader(lines, i, line, name)) return null;
    // X's post at the head of a conversation: "Riverton Post" / "@RivertonPost" / its text, the time under
    // the text. After a break, a display name over a handle is a header without a time.
    const text = lines[i + 2];
    if (!text || isBlank(text) || !followsBreak(lines, i) || readFooter(text) !== undefined || isWidgetChrome(text.trimmed)) return null;
    return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: null, replyTo: null, points: null, handle, lines: [i, i + 1] };
  }
  return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: time, replyTo: null, points: null, handle, lines: range(i, k) };
}

/**
 * A line of one to three capital letters that are the initials of the name on the line under it ("KD" over
 * "Karen Doyle", "J" over "jdoe_77"): the text an avatar shows in place of a picture, not a name.
 */
const PHOTO_OF = /'s profile (?:photo|picture)$/i;

export function isAvatarLine(line: Line, under: Line | undefined): boolean {
  if (!under || isBlank(under) || under.indent !== line.indent) return false;
  // "Tom Achebe" / "Tom Achebe": the avatar's alt text, the name again, over the name.
  if (line.trimmed === under.trimmed) return readNameLine(line) !== null && !isWidgetChrome(line.trimmed);
  // "Pete Gallagher's profile photo" / "Pete Gallagher": the avatar's alt text names the photo after the name under it.
  if (PHOTO_OF.test(line.trimmed) && line.trimmed.startsWith(`${under.trimmed}'s `)) return !isWidgetChrome(under.trimmed) && under.trimmed.length <= 60;
  // "@mkovacs" / "mkovacs": the avatar's alt text is the handle of the name under it.
  if (line.trimmed === `@${under.trimmed}`) return readNameLine(under) !== null && !isWidgetChrome(under.trimmed);
  // (Session 38) "@mkovacs" / "mkovacs commented 2 days ago": the same alt text over a one-line head that starts with the
  // handle and then says what the poster did.
  if (isAltOverEvent(line.trimmed, under.trimmed)) return true;
  // "Profile photo for Priya Raman" / "Priya Raman", "Foto de perfil de Ana" / "Ana": the avatar's alt text, a few
  // words of the page's own and then the name under it.
  // (Session 36) Not over a badge line: "Echo Moderator" / "Moderator" / "5 hours ago" is a name ending in the word of
  // the badge printed under it.
  if (line.trimmed.endsWith(` ${under.trimmed}`) && line.trimmed.length <= 100 && readBadgeLine(under.trimmed) === null) {
    const lead = line.trimmed.slice(0, line.trimmed.length - under.trimmed.length - 1);
    return /^\p{L}[\p{L}\p{M}'’ ]{0,40}$/u.test(lead) && lead.split(' ').length <= 4 && readNameLine(under) !== null && !isWidgetChrome(under.trimmed);
  }
  return isInitialsOver(line, under);
}

/**
 * A badge or job-title line under a name (`Admin`, `Physiotherapist, Community Therapies`): short, capitalised, no
 * sentence. Its one caller has read the line as no time line already (`readTimeLine`).
 */
function isRoleLine(t: string): boolean {
  return t.length <= 60 && /^\p{Lu}/u.test(t) && countWords(t, 8) <= 7 && !endsWithTerminal(t) && !/[?:"“”]|\d/u.test(t) && !isUiLine(t);
}

/**
 * A header whose lines a copy sets apart by blank lines (Medium: "Tom Achebe" / "" / "Author" / "Mar 2"): a
 * name after a break, then, each after at most one blank line, up to two lines of badge or place or role,
 * then the time. Only when a blank line follows the name (the unspaced forms are read above).
 */
function readSpacedHeader(lines: readonly Line[], i: number, line: Line, name: { author: string; authorSpan: Span; isOP: boolean }): FoundHeader | null {
  if (!lines[i + 1] || !isBlank(lines[i + 1]!) || isRemovedPlaceholder(line.trimmed)) return null;
  const taken: number[] = [i];
  let isOP = name.isOP;
  let k = i + 1;
  for (let step = 0; step < 3; step++) {
    if (lines[k] && isBlank(lines[k]!)) k++;
    const at = lines[k];
    if (!at || isBlank(at) || at.indent !== line.indent) return null;
    const time = readTimeLine(at);
    if (time !== null) return { author: name.author, authorSpan: name.authorSpan, isOP, timestamp: time, replyTo: null, points: null, lines: [...taken, k] };
    if (step === 2) return null;
    const badge = readBadgeLine(at.trimmed);
    if (badge?.isOP) isOP = true;
    // A line that reads as a name is the next post's header, not this one's role line.
    if (!badge && (!isMetaLine(at) || readNameLine(at) !== null)) return null;
    taken.push(k);
    k++;
  }
  return null;
}

/**
 * "marta.vidal" / "the bridge has been closed since MARCH…" / "5h  212 likes  Reply" (Instagram, TikTok): a name
 * alone over the text, the post's age in the footer under the text. After a break, a name (maybe over a badge
 * line) over text lines that end, before any blank line, in a footer with an age or in a time line of its own.
 */
function readFooterTimedHeader(lines: readonly Line[], i: number, line: Line, name: { author: string; authorSpan: Span; isOP: boolean }): FoundHeader | null {
  let k = i + 1;
  while (k <= i + 2 && lines[k] && !isBlank(lines[k]!) && readBadgeLine(lines[k]!.trimmed) !== null) k++;
  let text = 0;
  for (; k < lines.length && k <= i + 20; k++) {
    const l = lines[k]!;
    // "…told us then." / "" / "Ruth" (or "Thanks," / "Ruth") / the footer: a sign-off after a blank line ends the text.
    if (isBlank(l) && text > 0 && lines[k + 1] !== undefined && !isBlank(lines[k + 1]!)) {
      const sig = isSignOff(lines[k + 1]!.trimmed, name.author) ? k + 1 : lines[k + 2] !== undefined && countWords(lines[k + 1]!.trimmed, 4) <= 3 && isSignOff(lines[k + 2]!.trimmed, name.author) ? k + 2 : -1;
      if (sig > 0) {
        text += sig - k;
        k = sig;
        continue;
      }
    }
    if (isBlank(l) || l.indent !== line.indent) return null;
    const footer = readFooter(l);
    const last = !lines[k + 1] || isBlank(lines[k + 1]!);
    // "10:14" / "edited 10:52" last (a chat app's message, Telegram) closes it as a time line does.
    // "3 h" / "J'aime" / "Répondre" / "24": the time may also head a footer of button lines down to the break.
    // (Session 36) "Yesterday" / "Today" alone before a break is a chat's day divider over the next message, not a time.
    const dayWord = /^(?:today|yesterday)$/i.test(l.trimmed);
    const end = footer !== undefined ? footer.timestamp !== undefined : !dayWord && (readTimeLine(l) !== null || CHAT_CLOCK.test(l.trimmed)) && (last || (readTimeLine(l) !== null && isFooterRun(lines, k + 1)));
    // "👍 14" / "10:14": a reaction row over the chat clock that ends the message.
    const clockUnder = footer !== undefined && footer.timestamp === undefined && lines[k + 1] !== undefined && CHAT_CLOCK.test(lines[k + 1]!.trimmed) && (!lines[k + 2] || isBlank(lines[k + 2]!));
    if (end || clockUnder) return text > 0 ? { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: null, replyTo: null, points: null, footerTimed: true, lines: [i] } : null;
    if (footer !== undefined || readWidgetHeader(l) !== null || isWidgetChrome(l.trimmed) || isRemovedPlaceholder(l.trimmed)) return null;
    text++;
  }
  return null;
}

/**
 * A wiki talk page's post, signed at its end ("… — Oskar Lind (talk) 08:12, 4 December 2026 (UTC)"): line `i`
 * starts a post when a break stands above it (a blank line, a footer such as "Reply", chrome, a placeholder or
 * another signed line) and a signature ends one of the lines from it down to the next blank line or footer. The
 * header is the signature, inside the text: it has no line of its own (`lines` is empty).
 */
function readSignedStart(lines: readonly Line[], i: number): FoundHeader | null {
  const before = lines[i - 1];
  const own = lines[i]!.trimmed;
  if (readFooter(lines[i]!) !== undefined || isWidgetChrome(own) || isRemovedPlaceholder(own)) return null;
  if (before && !isBlank(before) && readSignature(before) === null && !followsBreak(lines, i)) return null;
  for (let k = i; k < lines.length && k <= i + 15; k++) {
    const l = lines[k]!;
    if (isBlank(l) || (k > i && readFooter(l) !== undefined)) return null;
    const sig = readSignature(l);
    if (sig) return k === i && readFooter(l) !== undefined ? null : { author: sig.author, authorSpan: sig.authorSpan, isOP: false, timestamp: sig.timestamp, replyTo: null, points: null, signed: true, lines: [] };
  }
  return null;
}

// "04.12.2026 09:05 ~ 09:07": a time with the time of its last edit after a tilde.
const EDIT_RANGE = /\s?~\s?\d{1,2}:\d{2}$/;

/**
 * The sign-off that closes the block of lines holding `i` (down to the next blank line): a time line, then the
 * poster's name alone on the block's last line, maybe a bare count over the time ("82" / "04.12.2026 09:05" /
 * "sarı simit"). A post whose header comes after its text. Returns the sign-off's first line, the name and the time.
 */
function signOffOf(lines: readonly Line[], i: number): { from: number; author: string; authorSpan: Span; timestamp: string; isOP?: boolean } | null {
  let e = i;
  while (e < lines.length && !isBlank(lines[e]!) && e - i <= 40) e++;
  const last = e - 1;
  if (last < 1 || e - i > 40) return null;
  const under = signedUnder(lines, i, last);
  if (under) return under;
  const nameLine = lines[last]!;
  const timeLine = lines[last - 1]!;
  if (isBlank(timeLine) || timeLine.indent !== nameLine.indent) return null;
  const name = readNameLine(nameLine);
  // ("to Ashcombe Residents' Association" under a time is a mail view's recipients line, no sign-off.)
  if (!name || isWidgetChrome(nameLine.trimmed) || readFooter(nameLine) !== undefined || readTimeLine(nameLine) !== null || isRemovedPlaceholder(nameLine.trimmed) || RECIPIENTS.test(nameLine.trimmed)) return null;
  const timeText = timeLine.trimmed.replace(EDIT_RANGE, '');
  if (timeKind(timeText) === null || !/\d/.test(timeText)) return null;
  let from = last - 1;
  if (from > 0 && !isBlank(lines[from - 1]!) && /^\d{1,6}$/.test(lines[from - 1]!.trimmed)) from--;
  return { from, author: name.author, authorSpan: name.authorSpan, timestamp: timeText };
}

// "1.1 - Nadia El Fassi", "3.1.1 – Mourad", "4 -": a comment's place in the tree as an outline number, a dash and the
// name (none on a removed comment's line).
const OUTLINE_HEAD = /^(\d{1,4}(?:\.\d{1,4}){0,6}) [-–—](?: (\S.{0,56}))?$/u;

/**
 * "1.1 - Nadia El Fassi" / "Saturday 5 December 2026 - 11:52": a header that numbers each comment by its place in the
 * tree ("3" the third comment, "3.1" the first reply to it, "3.1.1" the first reply to that), then a dash and the name,
 * over the time line, after a break (session 26). The number is the post's id and the number without its last part
 * the post it answers (`parentRef`); a number and a dash with no name over the time is a removed comment's header,
 * which keeps its place (the removal note under it).
 */
function readOutlineHeader(lines: readonly Line[], i: number): FoundHeader | null {
  const line = lines[i]!;
  if (line.trimmed.length > 64) return null;
  const m = OUTLINE_HEAD.exec(line.trimmed);
  if (!m || !followsBreak(lines, i)) return null;
  const under = lines[i + 1];
  const time = under && under.indent === line.indent ? readTimeLine(under) : null;
  if (time === null) return null;
  let author: string | null = null;
  let authorSpan: Span | null = null;
  if (m[2] !== undefined) {
    const fields = splitFields(line).slice(2);
    if (fields.length === 0 || fields.length > 4 || !isNameTokens(fields)) return null;
    authorSpan = [fields[0]!.start, fields[fields.length - 1]!.end];
    author = line.text.slice(authorSpan[0] - line.start, authorSpan[1] - line.start);
  }
  const number = m[1]!;
  const cut = number.lastIndexOf('.');
  return {
    author,
    authorSpan,
    isOP: false,
    timestamp: time,
    replyTo: null,
    points: null,
    number,
    // "1.1": the whole number (the parent's and the post's place under it) names the post answered.
    ...(cut > 0 ? { parentRef: number.slice(0, cut), parentRefSpan: [line.contentStart, line.contentStart + number.length] as Span } : {}),
    lines: [i, i + 1],
  };
}

// "ความคิดเห็นที่ 3", "Kommentar 12", "Comment #4", "ความคิดเห็นที่ 1-2": a label of one to four words and a post's number,
// maybe with the number of a reply under it after a dash or a period ("1-2": the second reply to post 1; "3.1").
const NUMBERED_LABEL = /^(\p{L}[\p{L}\p{M} ]{0,39}?) ?#?(\d{1,5})(?:[-.](\d{1,4}))?$/u;

/**
 * A post opened by a numbered label line that the dump repeats before its posts ("ความคิดเห็นที่ 1", … "ความคิดเห็นที่ 1-1",
 * as a Thai web board shows them): the same label with a number stands alone after a blank line at least twice more
 * within eighty lines above or below. The number is the post's id; "1-1" is a reply to post 1 (its `parentRef`). The poster's name
 * and time come under the text (`signOffOf`), or there is none (a removed post's note under its number).
 */
function readNumberedLabel(lines: readonly Line[], i: number): FoundHeader | null {
  const line = lines[i]!;
  if (line.trimmed.length > 48) return null;
  const m = NUMBERED_LABEL.exec(line.trimmed);
  if (!m || countWords(m[1]!, 5) > 4 || !followsBreak(lines, i)) return null;
  const label = m[1]!.trim();
  let same = 0;
  for (let k = Math.max(1, i - 80); k < lines.length && k <= i + 80 && same < 2; k++) {
    // The blank line above first: a dump with no blank lines between its posts ran the regex over 160 lines per
    // label-like line ("level 1" in a forum dump) for nothing.
    if (k === i || !isBlank(lines[k - 1]!)) continue;
    const o = NUMBERED_LABEL.exec(lines[k]!.trimmed);
    if (o && o[1]!.trim() === label) same++;
  }
  if (same < 2) return null;
  const number = m[3] === undefined ? m[2]! : `${m[2]}-${m[3]}`;
  const so = signOffOf(lines, i + 1);
  const parentRef = m[3] === undefined ? undefined : m[2]!;
  // "1-1" (or "1.1") closes the line: the whole number, as written, names the post answered.
  const written = m[3] === undefined ? 0 : m[2]!.length + 1 + m[3].length;
  return {
    author: so ? so.author : null,
    authorSpan: so ? so.authorSpan : null,
    isOP: so?.isOP ?? false,
    timestamp: so ? so.timestamp : null,
    replyTo: null,
    points: null,
    number,
    ...(parentRef !== undefined ? { parentRef, parentRefSpan: [line.contentEnd - written, line.contentEnd] as Span } : {}),
    lines: [i],
  };
}

/**
 * "…text…" / "52" / "ถูกใจ" / "ตอบกลับ" / "คนเมืองนนท์" / "เจ้าของกระทู้" / "4 ธันวาคม 2569 เวลา 08:05 น.": the poster's name over
 * the time closing the block (a one- or two-word badge may stand between them), under the post's buttons (counts and
 * labels of one or two words, at most four lines), with text above them. The buttons are part of the sign-off.
 */
function signedUnder(lines: readonly Line[], i: number, last: number): { from: number; author: string; authorSpan: Span; timestamp: string; isOP?: boolean } | null {
  const timeLine = lines[last]!;
  const timeText = timeLine.trimmed;
  if (timeKind(timeText) !== 'absolute' || !/\d/.test(timeText)) return null;
  let n = last - 1;
  let isOP = false;
  const badge = n > i ? readBadgeLine(lines[n]!.trimmed) : null;
  let name = n >= i ? readNameLine(lines[n]!) : null;
  if (n - 1 >= i && (badge || (name && countWords(lines[n]!.trimmed, 3) <= 2))) {
    const above = readNameLine(lines[n - 1]!);
    if (above && !isButtonLabel(lines, lines[n - 1]!.trimmed)) {
      isOP = badge?.isOP ?? false;
      n--;
      name = above;
    }
  }
  if (!name || n <= i || isButtonLabel(lines, lines[n]!.trimmed) || readFooter(lines[n]!) !== undefined || isRemovedPlaceholder(lines[n]!.trimmed)) return null;
  let from = n;
  while (from - 1 > i && from > n - 4 && isButtonLabel(lines, lines[from - 1]!.trimmed)) from--;
  if (from === n) return null;
  return { from, author: name.author, authorSpan: name.authorSpan, timestamp: timeText, isOP: isOP || name.isOP };
}

/**
 * Line `i` is the name (or its badge, or the time) of a post's sign-off under its text and buttons (`signedUnder`), not
 * a header: looked for only where an absolute time one or two lines down ends its block.
 */
function inSignOffUnder(lines: readonly Line[], i: number): boolean {
  let last = -1;
  for (let k = i; k <= i + 2 && k < lines.length; k++) {
    if (isBlank(lines[k]!)) break;
    if ((lines[k + 1] === undefined || isBlank(lines[k + 1]!)) && timeKind(lines[k]!.trimmed) === 'absolute') last = k;
  }
  if (last < 0) return false;
  let top = i;
  while (top > 0 && !isBlank(lines[top - 1]!) && i - top <= 40) top--;
  if (top >= i) return false;
  const so = signedUnder(lines, top, last);
  return so !== null && i >= so.from;
}

/**
 * "52", "ถูกใจ", "ตอบกลับ", "Reply": a post's button, a count or a label of one or two words without punctuation that the
 * dump repeats (three times or more: a name of one word looks the same, but differs from post to post).
 */
function isButtonLabel(lines: readonly Line[], t: string): boolean {
  if (/^\d{1,6}$/.test(t)) return true;
  if (t.length > 20 || countWords(t, 3) > 2 || /[\d.!?,:;]/.test(t) || /\p{Extended_Pictographic}/u.test(t)) return false;
  return (lineCounts(lines).get(t) ?? 0) >= 3;
}

const LINE_COUNTS = new WeakMap<readonly Line[], Map<string, number>>();

/** How often each short line stands in the dump (counted once a dump). */
function lineCounts(lines: readonly Line[]): Map<string, number> {
  let counts = LINE_COUNTS.get(lines);
  if (!counts) {
    counts = new Map();
    for (const l of lines) if (l.trimmed.length > 0 && l.trimmed.length <= 20) counts.set(l.trimmed, (counts.get(l.trimmed) ?? 0) + 1);
    LINE_COUNTS.set(lines, counts);
  }
  return counts;
}

/**
 * A post signed off after its text (above): line `i` follows a blank line (or starts the dump) and starts a block
 * with text lines over its sign-off. The header has no line of its own (`lines` is empty).
 */
function readSignedOffStart(lines: readonly Line[], i: number): FoundHeader | null {
  const own = lines[i]!;
  if (i > 0 && !isBlank(lines[i - 1]!)) return null;
  if (readFooter(own) !== undefined || isWidgetChrome(own.trimmed) || isRemovedPlaceholder(own.trimmed)) return null;
  const so = signOffOf(lines, i);
  if (!so || so.from <= i) return null;
  return { author: so.author, authorSpan: so.authorSpan, isOP: false, timestamp: so.timestamp, replyTo: null, points: null, signed: true, lines: [] };
}

/** A line of the sign-off closing the open post (the count, the time, the name) reads as its footer. */
function signOffFooter(line: Line, state: WalkState): Footer | undefined {
  // (The sign-off's lines under a first one read as a footer are still its footer.)
  if (!state.at || !state.hasPost || !(state.phase === 'body' || (state.phase === 'closed' && state.afterFooter))) return undefined;
  const { lines, i } = state.at;
  // (A sign-off closes a block of 40 lines at most: the look back stops there, so a long block costs no more.)
  let top = i;
  while (top > 0 && !isBlank(lines[top - 1]!) && i - top <= 40) top--;
  if (top > 0 && !isBlank(lines[top - 1]!)) return undefined;
  const so = signOffOf(lines, top);
  if (!so || i < so.from || so.from <= top) return undefined;
  return { likes: /^\d{1,6}$/.test(line.trimmed) ? readCount(line.trimmed) : null, ...(i === so.from + (/^\d{1,6}$/.test(lines[so.from]!.trimmed) ? 1 : 0) ? { timestamp: so.timestamp } : {}) };
}

/**
 * Lines of a talk page whose replies are indented by leading colons (":", "::", one a level), read with the
 * colons as indentation: the colons leave the text and each counts as a level. Only in a section with two
 * signed posts or more and two colon-led lines or more; other lines are returned as they are.
 */
function readColonIndents(lines: readonly Line[], start: number): readonly Line[] {
  let signatures = 0;
  let colons = 0;
  for (let k = start; k < lines.length && (signatures < 2 || colons < 2); k++) {
    if (readSignature(lines[k]!) !== null) signatures++;
    if (/^:{1,12}[^:)(|/\\\s]/u.test(lines[k]!.trimmed)) colons++;
  }
  if (signatures < 2 || colons < 2) return lines;
  return lines.map((l) => {
    if (l.index < start) return l;
    const m = /^:{1,12}/.exec(l.trimmed);
    // ":)", ":(", ":/" alone are faces, not indentation.
    if (!m || /^[)(|/\\DPp]?\S?$/u.test(l.trimmed.slice(m[0].length))) return l;
    let at = l.contentStart + m[0].length;
    const rest = l.text.slice(at - l.start);
    const pad = rest.length - rest.trimStart().length;
    at += pad;
    if (at >= l.contentEnd) return l;
    return { ...l, fields: undefined, contentStart: at, trimmed: l.text.slice(at - l.start, l.contentEnd - l.start), indent: l.indent + m[0].length * 2 };
  });
}

/**
 * True when the line before `i` ends a post or the page chrome: blank, a footer, chrome or a section opener.
 * `over`: how many lines over the name were looked through already (past `MAX_LINES_OVER_NAME`, no break).
 */
function followsBreak(lines: readonly Line[], i: number, over = 0): boolean {
  const before = lines[i - 1];
  if (!before || isBlank(before)) return true;
  const above = (): boolean => over < MAX_LINES_OVER_NAME && followsBreak(lines, i - 1, over + 1);
  // An avatar's initials over the name: the break is above them.
  if (isAvatarLine(before, lines[i]) && i >= 1) return above();
  const t = before.trimmed;
  // A badge over the name ("エキスパート" / "佐藤 由美"): the break is above it.
  if (readBadgeLine(t) && i >= 2) return above();
  // "#6" over the name: a post's number on a line of its own; the break is above it.
  if (POST_NUMBER_LINE.test(t) && i >= 2) return above();
  // (Session 33) "31" over the name after a blank line: the like count the post above ends with (a forum that prints
  // the count on its own line after the text, its buttons left out); the break is above it.
  if (BARE_COUNT.test(t) && i >= 2 && isBlank(lines[i - 2]!)) return true;
  // "Ẩn 2 trả lời" under a post's footer: the toggle of its open replies, a break like the footer above it.
  if (openReplyToggle(t) !== null && i >= 2 && readFooter(lines[i - 2]!) !== undefined) return true;
  // "Válasz | Link | Jelentés": a row of three or four one-word buttons set apart by bars, in whatever language, closes
  // the post above; so does a removal note in any language that no name or number stands over (under its number, "3." /
  // "Το σχόλιο αφαιρέθηκε", it is that numbered post's line, and the next number is the break).
  const note = isRemovedPlaceholder(t) || (isRemovalNote(t) && !(i >= 2 && POST_NUMBER_LINE.test(lines[i - 2]!.trimmed)));
  return readFooter(before) !== undefined || isWidgetChrome(t) || isSectionChrome(t) || readCountLine(t) !== undefined || note || isButtonBar(t);
}

/** "Válasz | Link | Jelentés", "Reply | Share | Report": three or four one-word labels set apart by " | ", no figures. */
function isButtonBar(t: string): boolean {
  if (t.length > 60 || !t.includes(' | ')) return false;
  const items = t.split(' | ');
  return items.length >= 3 && items.length <= 4 && items.every((x) => /^\p{L}{2,14}$/u.test(x));
}

// (A sort menu with its choices, "Sorted by: Newest first / Oldest first / Track time", is section chrome:
// `isSectionChrome`'s SORT_MENU, read below.)
const SECTION_OPENERS = /^(?:(?:join|start) the (?:discussion|conversation)(?:…|\.\.\.|\.)?|sort(?:ed)? by\b.{0,30}|(?:login|log in|sign in) to (?:comment|reply)\b.{0,30})$/i;

/** Lines that open a widget section: "143 comments", "Join the discussion…", "Sort by Best". */
function isOpener(trimmed: string): boolean {
  // "6 replies" under a post counts its replies: it opens nothing.
  if (readCountLine(trimmed) !== undefined && !/repl/i.test(trimmed)) return true;
  if (trimmed.length > 60) return false;
  // "Hide replies", "View replies (4)": a fold toggle of a post's replies stands under that post, and opens nothing.
  if (readFoldToggle(trimmed) !== null && /\b(?:repl(?:y|ies)|responses?|answers?)\b/i.test(trimmed)) return false;
  // "Сначала интересные", "Написать комментарий…", "おすすめ順  新着順": the section's own sort orders and comment box,
  // in the languages the localised chrome lists know, open it as "Sort by Best" does.
  return SECTION_OPENERS.test(trimmed) || (isSectionChrome(trimmed) && !/\d/.test(trimmed));
}

/** Widget headers, footers and openers: the section starts at the opener that leads into the posts. */
function detectWidget(lines: readonly Line[]): { start: number; confidence: number } | null {
  const headers: number[] = [];
  let footers = 0;
  let oneLine = false;
  // Headers that are a name alone over text whose footer gives the age.
  const timed = new Set<number>();
  const dump = widgetDump(lines);
  for (let i = 0; i < lines.length; i++) {
    const h = headerAt(lines, i, dump);
    if (h) {
      headers.push(i);
      if (h.footerTimed) timed.add(i);
      if (h.lines.length === 0) continue;
      // One-line headers, and subject-and-byline ones, cannot be a bare name over text.
      if ((h.lines.length === 1 && !h.footerTimed) || h.rootMark || h.replyMark) oneLine = true;
      i = h.lines[h.lines.length - 1]!;
    } else if (readFooter(lines[i]!)) footers++;
  }
  // An imageboard's opening post (its header carries the thread's subject) is the article: the section starts under it.
  // A numbered board's post 1 ("1 名前：… 投稿日：…") opens the thread the same way.
  if (headers.length > 1 && (readBoardHeader(lines[headers[0]!]!)?.subject || readNumberedBoardHeader(lines[headers[0]!]!)?.opening)) headers.shift();
  // "mkovacs" / "opened 3 days ago": the post that opened the thread (an issue, a question) is the article, as the
  // question of a Q&A page is: the comments start under it.
  if (headers.length > 2 && OPENED.test(lines[lastHeaderLine(lines, headers[0]!, dump)]!.trimmed)) headers.shift();
  // (Session 38) "mkovacs opened this issue 2 days ago · 18 comments" over the first post, that post by mkovacs: the
  // thread's opening post (the issue's own text) under the line saying who opened it, the article too.
  else if (headers.length > 2 && openedBy(lines, headers[0]!, dump)) headers.shift();
  // "2026-12-04, 08:12" / "#1" / name: a forum thread's first post, numbered 1, is its opening post (the article).
  if (headers.length > 2 && (readTimeNumberHeader(lines, headers[0]!) ?? readNumberTimeHeader(lines, headers[0]!))?.number === '1') headers.shift();
  // (Session 38) "« on: December 04, 2026, 12:40:00 PM »" (no "Reply #"): a board's opening post, the article.
  else if (headers.length > 2 && readAnchoredOpening(lines, headers[0]!, dump)) headers.shift();
  // (Session 32) So is a card's post 1 in a dump whose numbers run in sequence, and the heads read above it (the
  // thread's own starter line) are the page's.
  const first = headers.length > 3 ? headers.slice(0, 3).findIndex((h) => readNumberClosedHead(lines, h, dump)?.number === '1') : -1;
  if (first >= 0) headers.splice(0, first + 1);
  const found = findSectionStart(lines, headers, isOpener, (l) => isWidgetChrome(l.trimmed) || readFooter(l) !== undefined || isRemovedPlaceholder(l.trimmed) || readReplyLine(l) !== null, readAnyCountLine);
  if (!found) return null;
  // Printed letters right above the comments ("Courrier des lecteurs"): the section starts at the first letter.
  const letters = lettersAbove(lines, found.start);
  if (letters !== null) found.start = letters;
  // Bare names over time lines with no footer anywhere read the same as the counted layout, which is
  // the simpler reading and wins the tie.
  if (footers === 0 && !oneLine) return { start: found.start, confidence: 0.5 };
  // Names over text with the age in the footer only: the counted layout (a count line, then names over
  // text) reads those too, and is surer when it finds its count line.
  if (headers.every((h) => h < found.start || timed.has(h))) return { start: found.start, confidence: 0.35 };
  if (found.opener) return { start: found.start, confidence: footers > 0 ? 0.9 : 0.8 };
  return { start: found.start, confidence: footers > 0 ? 0.7 : 0.55 };
}

/**
 * The blocks of lines from `from` down, each ended by a printed letter's signature line ("Jean-Marc Perrin,
 * Thonon-les-Bains") with one line or more above it, a blank line between blocks: each block's first line and its
 * writer. Letters are posts signed at their end; a page prints two or more of them, so fewer are none.
 */
function letterBlocks(lines: readonly Line[], from: number): Map<number, { author: string; authorSpan: Span }> {
  const out = new Map<number, { author: string; authorSpan: Span }>();
  let k = from;
  while (k < lines.length) {
    while (k < lines.length && isBlank(lines[k]!)) k++;
    const a = k;
    while (k < lines.length && !isBlank(lines[k]!) && k - a <= 40) k++;
    const sig = k - 1 > a ? readLetterSignature(lines[k - 1]!) : null;
    if (!sig || (k < lines.length && !isBlank(lines[k]!))) break;
    out.set(a, sig);
  }
  return out.size >= 2 ? out : new Map();
}

/**
 * The first line of two or more printed letters that end right above the block of lines holding `start` (the
 * section's opener, with its count and sort lines), blank lines aside, else null.
 */
function lettersAbove(lines: readonly Line[], start: number): number | null {
  let top = start;
  while (top > 0 && !isBlank(lines[top - 1]!) && start - top < 6) top--;
  let k = top - 1;
  let first = -1;
  let count = 0;
  for (;;) {
    while (k >= 0 && isBlank(lines[k]!)) k--;
    if (k < 0 || !readLetterSignature(lines[k]!)) break;
    let a = k;
    while (a > 0 && !isBlank(lines[a - 1]!) && k - a < 40) a--;
    if (a === k || (a > 0 && !isBlank(lines[a - 1]!))) break;
    first = a;
    count++;
    k = a - 1;
  }
  return count >= 2 ? first : null;
}

/** A reader that opens a post at each printed letter the section starts with (signed at its end). */
function withLetters(reader: SectionReader, lines: readonly Line[], start: number): SectionReader {
  const letters = letterBlocks(lines, start);
  if (letters.size === 0) return reader;
  return {
    ...reader,
    headerAt(ls, i) {
      const sig = letters.get(i);
      if (sig) return { author: sig.author, authorSpan: sig.authorSpan, isOP: false, timestamp: null, replyTo: null, points: null, signed: true, lines: [] };
      return reader.headerAt(ls, i);
    },
  };
}

// "Store readings keyed on UTC #1440": an issue's or pull request's title with its number, as a tracker links it.
const ITEM_REFERENCE = /^\p{Lu}[^.!?]{2,100} #\d{1,7}$/u;

/** "@mkovacs" over "mkovacs commented 2 days ago" / "mkovacs closed this": an avatar's alt text over the poster's own event line. */
function isAltOverEvent(trimmed: string, under: string): boolean {
  return /^@\S{1,40}$/.test(trimmed) && under.startsWith(`${trimmed.slice(1)} `) && isActivityEvent(under);
}

/**
 * "jtan-dev added the bug label 3 days ago", "jtan-dev linked a pull request yesterday that will close this issue": an
 * event of an issue tracker's timeline, by its shape: a handle, a lower-case verb in the past tense, what was done,
 * and a time among the words; no sentence end.
 */
function isActivityEvent(trimmed: string): boolean {
  if (trimmed.length > 120 || /[.!?:]$/.test(trimmed)) return false;
  const words = trimmed.split(' ');
  // "@dmitri-k dmitri-k mentioned this issue yesterday": the avatar's alt text copied onto the event's line (session 38).
  if (words.length > 3 && words[0] === `@${words[1]!}`) words.shift();
  if (words.length < 3 || words.length > 16 || !/^@?[\p{L}\p{N}_.-]{2,40}$/u.test(words[0]!)) return false;
  // "Jess Lowry pinned the discussion. 7 hours ago" (a forum's event line, session 27): a display name of two or three
  // capitalised words before the verb, as well as a handle.
  let verb = 1;
  while (verb < 3 && words.length > verb + 2 && /^\p{Lu}[\p{L}\p{M}'’-]{0,30}$/u.test(words[verb]!) && /^\p{Lu}/u.test(words[0]!)) verb++;
  if (!/^\p{Ll}{2,12}ed$/u.test(words[verb]!)) return false;
  for (let a = verb + 1; a < words.length; a++) {
    for (let n = 1; n <= 3 && a + n <= words.length; n++) if (isStandaloneTime(words.slice(a, a + n).join(' '))) return true;
  }
  return false;
}

// A member's event in a chat room, by the client's own phrases after the member's name (one to four words): joining or
// leaving the room, a changed name or picture, a member removed, invited or banned by another.
const ROOM_EVENT = /^\S{1,40}(?: \S{1,40}){0,3} (?:(?:joined|left) the (?:room|group|channel|chat|server|conversation|space)|changed (?:their|his|her) (?:display name|name|profile picture|avatar)(?: to \S.{0,40})?|(?:removed|invited|banned|kicked|unbanned) \S{1,40}(?: \S{1,40}){0,3}(?: from the (?:room|group|channel|chat|server))?)$/u;

// "opened 3 days ago", "asked Dec 2", "started this conversation": the time line of the post that opened the thread.
const OPENED = /^(?:opened|asked|started)\b/i;

// "mkovacs opened this issue 2 days ago · 18 comments": who opened the thread, named before the verb.
const OPENED_BY = /^(\S{1,40}) (?:opened|started) this (?:issue|discussion|thread|topic|conversation|pull request)\b/i;

/** Whether the header at `i` is by the poster a line a little above it says opened the thread. */
function openedBy(lines: readonly Line[], i: number, dump: WidgetDump): boolean {
  const h = headerAt(lines, i, dump);
  if (!h || h.author === null) return false;
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
    const m = OPENED_BY.exec(lines[k]!.trimmed);
    if (m) return m[1]!.replace(/^@/, '').toLowerCase() === h.author.replace(/^@/, '').toLowerCase();
  }
  return false;
}

/** Whether the header at `i` is a member card over the guillemet time of a board's opening post (`« on: … »`). */
function readAnchoredOpening(lines: readonly Line[], i: number, dump: WidgetDump): boolean {
  const h = headerAt(lines, i, dump);
  return h !== null && h.number === '0' && h.lines.some((k) => /^«\s?on: /i.test(lines[k]!.trimmed));
}

/** Whether the line at `i` is no head and the next line after the break under it opens a post. */
function signatureOver(lines: readonly Line[], i: number): boolean {
  const dump = widgetDump(lines);
  if (headerAt(lines, i, dump) !== null) return false;
  let k = i + 1;
  while (k < lines.length && isBlank(lines[k]!)) k++;
  return k > i + 1 && k < lines.length && headerAt(lines, k, dump) !== null;
}

/** The last line of the header at `i`. */
function lastHeaderLine(lines: readonly Line[], i: number, dump: WidgetDump): number {
  const h = headerAt(lines, i, dump);
  return h && h.lines.length > 0 ? h.lines[h.lines.length - 1]! : i;
}

/** How a widget section reads its lines; `walkSection` does the rest. Its `headerAt` is per parse (`readerFor`). */
const widgetReader: SectionReader = {
  headerAt: (lines, i) => headerAt(lines, i, widgetDump(lines)),
  isRemoved: (t) => isRemovedPlaceholder(t),
  textUnderPlaceholder: true,
  readFooter: (line, state) => readFooterOrVote(line, state) ?? signOffFooter(line, state),
  readChrome(t, state) {
    // A tracker's timeline between the comments: its events, the avatar's "@handle" over one, and the title of the
    // item an event links ("Store readings keyed on UTC #1440") between posts.
    if (isActivityEvent(t)) return { count: undefined };
    // "Omar Quist joined the room", "pip_k changed their display name to Pip K" (a chat client's membership events,
    // session 32): between posts, chrome.
    if (state.between && state.postCount > 0 && ROOM_EVENT.test(t)) return { count: undefined };
    const next = state.next()?.trimmed;
    if (next !== undefined && isAltOverEvent(t, next)) return { count: undefined };
    if (state.between && state.postCount > 0 && ITEM_REFERENCE.test(t) && countWords(t, 13) <= 12) return { count: undefined };
    // "Logged" / "Up the Vale since 1979 | Homepage" / break / the next head: a line right under a post's footer, alone
    // before a break and the next post's head, is the poster's signature (a forum prints it under every post), not a post
    // without a head (session 38).
    if (state.afterFooter && state.blankAfter && state.at !== undefined && t.length <= 100 && countWords(t, 13) <= 12 && !isAccountBlurb(t) && !isSeeMoreGate(t) && signatureOver(state.at.lines, state.at.i)) return { count: undefined };
    // "Preview Post Comment…" (a comment box with its buttons) between the section's opener and the first post: before any
    // post, a short line of interface words is the page's, not a post without a header (session 38).
    // (The section's own heading and sort words, its openers, keep their reading.)
    if (state.between && state.postCount === 0 && isUiLine(t) && !/\d/.test(t) && !isOpener(t)) return { count: undefined };
    const count = readCountLine(t);
    // In a post's text only a chrome line that is no count line ends it ("12 comments" may be text).
    const chrome = state.phase === 'body' ? isWidgetChrome(t) && count === undefined : isWidgetChrome(t) || (state.between && matchChrome(t) !== undefined);
    return chrome ? { count } : undefined;
  },
  countAfterPosts: false,
  expectedHeader: 'a header line such as "Name • 3 hours ago"',
  depths(posts, indents) {
    const depths = depthsFromIndents(indents);
    posts.forEach((p, k) => {
      p.depth = depths ? depths[k]! : null;
      p.depthCue = depths ? 'indent' : null;
    });
  },
};

/**
 * The shape of a header, to compare headers of one dump: how many lines it spans, whether the name is a
 * handle ("@…"), whether the time is relative or absolute, and whether it names a reply.
 */
function headerShape(h: FoundHeader): string {
  const time = h.timestamp === null ? '-' : /\d{4}|[a-z]{3}\.? \d/i.test(h.timestamp) ? 'abs' : 'rel';
  return `${h.signed ? 's' : h.lines.length}|${h.author?.startsWith('@') ? '@' : 'n'}|${time}|${h.replyTo ? 'r' : ''}`;
}

/**
 * Learns which header shape repeats in this dump ("name line over a relative time", twenty times) and,
 * below the last header of that shape, refuses headers of any shape the thread never used: a list of
 * related videos or stories under the comments ("Channel name" / "2 months ago") reads like a header but
 * does not repeat the thread's own shape. Shapes seen inside the thread (a reply's longer header) stay.
 */
function learnShapes(reader: SectionReader, lines: readonly Line[], start: number): SectionReader {
  const found: Array<{ at: number; shape: string }> = [];
  for (let i = start; i < lines.length; i++) {
    const h = reader.headerAt(lines, i);
    if (!h) continue;
    found.push({ at: i, shape: headerShape(h) });
    if (h.lines.length > 0) i = h.lines[h.lines.length - 1]!;
  }
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.shape, (counts.get(f.shape) ?? 0) + 1);
  let dominant = '';
  let most = 0;
  for (const [shape, n] of counts) if (n > most) [dominant, most] = [shape, n];
  if (most < 3 || most < found.length * 0.6) return reader;
  const last = found.filter((f) => f.shape === dominant).at(-1)!.at;
  const seen = new Set(found.filter((f) => f.at <= last).map((f) => f.shape));
  return {
    ...reader,
    headerAt(ls, i) {
      const h = reader.headerAt(ls, i);
      if (!h || i <= last || seen.has(headerShape(h))) return h;
      // "#6 — Jana Köhler" / "Redaktion" / "vor 40 Minuten": a header of the thread's shape ("Redaktion" over the
      // time) with the name over it is that shape with one more line, not a line of the page's tail.
      const end = h.lines[h.lines.length - 1];
      const inner = h.lines.length > 1 ? reader.headerAt(ls, h.lines[1]!) : null;
      return inner && inner.lines[inner.lines.length - 1] === end && seen.has(headerShape(inner)) ? h : null;
    },
  };
}

/**
 * A short line with its figures taken out ("共感した 1,204" → "共感した", "إعجاب 52" → "إعجاب", "返信3" → "返信"), when
 * it could be a button: at most three words, letters in it, no sentence end. Null otherwise.
 */
function buttonStem(trimmed: string): string | null {
  if (trimmed.length > 24 || /[.!?:;,…。！？、]$/.test(trimmed) || /["“”«»「」@#]/.test(trimmed)) return null;
  const stem = trimmed.replace(/\(?[+-]?\d[\d.,]*[kK]?\)?/g, ' ').replace(/\s+/g, ' ').trim();
  // Words only ("[/quote]", "<br>", "#tag" are markup, not a button's label).
  if (!/\p{L}/u.test(stem) || !/^[\p{L}\p{M} '’・·-]+$/u.test(stem) || stem.split(' ').length > 3) return null;
  return stem.toLowerCase();
}

// "Topic<TAB>Replies<TAB>Views<TAB>Activity": a table's head row, three to eight column labels (a word or two each, no
// figure) set apart by tabs.
const TABLE_HEAD = /^\p{L}[\p{L}'’-]{0,20}(?: [\p{L}'’-]{1,20})?(?:\t\p{L}[\p{L}'’-]{0,20}(?: [\p{L}'’-]{1,20})?){2,7}$/u;

/**
 * (Session 33) A table the page lists under the thread (a forum's suggested or latest topics: a head row of column
 * labels set apart by tabs, then each topic's title, its category and a row of its figures): from the head row down,
 * the section is the page's; no line there opens a post (a row's `88<TAB>4.2k<TAB>Dec 2` reads as a header). Only under
 * a post.
 */
function withListingTable(reader: SectionReader, lines: readonly Line[], start: number): SectionReader {
  let head = -1;
  let posted = false;
  for (let i = start; i < lines.length; i++) {
    if (!posted && reader.headerAt(lines, i) !== null) posted = true;
    else if (posted && TABLE_HEAD.test(lines[i]!.trimmed)) {
      head = i;
      break;
    }
  }
  if (head < 0) return reader;
  return {
    ...reader,
    headerAt: (ls, i) => (i >= head ? null : reader.headerAt(ls, i)),
    readChrome: (t, state) => (state.at !== undefined && state.at.i >= head ? { count: undefined } : reader.readChrome(t, state)),
  };
}

/**
 * Buttons in a language the lists do not know, read by repetition: a short line (maybe with a count: "共感した 412",
 * "إعجاب 52", "رد") that stands, with its figures taken out, under three posts or more, and never opens a post or
 * its text, is the page's button row, not anyone's words. Its count is not taken for the likes: which button it
 * is, the words do not tell.
 */
function withRepeatedButtons(reader: SectionReader, lines: readonly Line[], start: number): SectionReader {
  const seen = new Map<string, number>();
  const refused = new Set<string>();
  let afterHeader = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const h = reader.headerAt(lines, i);
    if (h) {
      for (const k of h.lines) {
        const stem = buttonStem(lines[k]!.trimmed);
        if (stem) refused.add(stem);
      }
      if (h.lines.length > 0) i = h.lines[h.lines.length - 1]!;
      afterHeader = true;
      continue;
    }
    const stem = buttonStem(line.trimmed);
    if (stem && afterHeader) refused.add(stem);
    else if (stem) seen.set(stem, (seen.get(stem) ?? 0) + 1);
    afterHeader = false;
  }
  const buttons = new Set([...seen].filter(([stem, n]) => n >= 3 && !refused.has(stem)).map(([stem]) => stem));
  if (buttons.size === 0) return reader;
  return {
    ...reader,
    readFooter(line, state) {
      const footer = reader.readFooter(line, state);
      if (footer !== undefined || !state.hasPost) return footer;
      const stem = buttonStem(line.trimmed);
      return stem !== null && buttons.has(stem) ? { likes: null } : undefined;
    },
  };
}

/** The widget reader of one parse: what it learns of `read` (the lines it walks) is kept for that parse only. */
function readerFor(read: readonly Line[]): SectionReader {
  const dump = widgetDump(read);
  return { ...widgetReader, headerAt: (ls, i) => headerAt(ls, i, ls === read ? dump : widgetDump(ls)) };
}

/**
 * Disqus-like sections: a header line per post with the name and a time, body lines, a footer of buttons
 * and counts; replies shown by indentation and/or a "Replying to X" line; placeholders for removed posts.
 */
export const widgetStyle: CommentStyle = {
  name: 'widget',
  detect: detectWidget,
  parse: (lines, start) => {
    const read = readColonIndents(lines, start);
    const reader = readerFor(read);
    return walkSection(read, start, withListingTable(withLetters(learnShapes(withRepeatedButtons(reader, read, start), read, start), read, start), read, start));
  },
};
