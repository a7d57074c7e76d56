import type { BlockKind } from '../../schema/document.js';
import { isBlank, type Line } from '../lines.js';
import { countWords, endsWithTerminal } from '../../text/words.js';
import { isRemovalNote, isRemovedPlaceholder, readCountLine } from '../section-cues.js';
import type { CommentStyle, RawPost, SectionParse } from '../types.js';
import { newPost } from './counted.js';
import { readColonHead, splitColonHead } from './colon-head.js';
import { readBadgeLine, readReplyLine } from './header-cues.js';

/**
 * Chat-log exports (a messenger's "export chat" file, a channel pasted as a log), where every message opens with
 * its time stamp and the sender on ONE line, the text following on the same line: `[04/12/26, 09:14] Name: text`,
 * `04/12/26, 09:14 - Name: text`, `[2026-12-04 09:14] Name: text`. Lines without a stamp continue the message above.
 * A stamped line without `Name: ` is a notice of the app (`X created the group`, `X pinned a message`); so is a
 * leading run of lines "sent" in the chat's own name (it never writes again, and its notices name the members).
 * There is no nesting: replies are found from their words (`@Name`, a first name, a quote). Reported as `widget`.
 * (Session 24) An export marks the app's own words with a left-to-right mark (U+200E) where a message's text would
 * start (`[04/12/2026, 17:55] Group: \u200eMessages and calls are end-to-end encrypted.`, `Name: \u200eimage omitted`,
 * `Name: \u200eThis message was deleted by admin X.`) and after an edited message's text (`\u200e<This message was
 * edited>`): so marked, a removal note is a removed message, anything else the app's notice; the edit mark is not text.
 * (Session 29) The same `Name: text` line with its stamp AFTER the text: no stamp before the name, but a line of its own
 * under the text that opens with the time (`12-05 09:41 from Zhejiang   Reply   👍 1386`: the time, then a place, the
 * buttons, the counts), as a microblog's comments print it. The time line closes the message; lines under it before the
 * next head are the page's (a count of replies opening a block of replies listed under the message, the toggle closing
 * it), so such a message has a depth: 1 inside a block, 0 outside.
 */
// The app's mark before its own words on a message line, and its bracketed note after a message's text.
const APP_MARK = '\u200e';
const APP_NOTE_AFTER = /\u200e<[^<>\n]{3,80}>$/u;

/** The line without the app's bracketed note at its end (`… \u200e<This message was edited>`), offsets kept. */
function withoutAppNote(line: Line): Line {
  const m = APP_NOTE_AFTER.exec(line.trimmed);
  if (!m || m.index === 0) return line;
  const trimmed = line.trimmed.slice(0, m.index).trimEnd();
  if (trimmed.length === 0) return line;
  return { ...line, trimmed, contentEnd: line.contentStart + trimmed.length, fields: undefined };
}

// The stamp: a calendar date and a clock, in brackets, or followed by a dash.
const DATE = '\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}';
const CLOCK = '\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:\\s?[ap]\\.?\\s?m\\.?)?';
// A clock alone stands for the stamp where the log has no dates: in brackets (`[09:14] `), or with its seconds
// (`0:05:03 `, a recording's chat replay, the offset from its start).
// (Session 33) A clock and a tab (`18:06<TAB>Name<TAB>text`): a messenger's plain-text export that puts each day's date on
// a line of its own and splits time, sender and text with tabs.
const STAMP = new RegExp(
  `^(?:\\[(${DATE},? ${CLOCK})\\]\\s?(?:[-–]\\s)?|(${DATE},? ${CLOCK})\\s[-–]\\s|\\[(\\d{1,2}:\\d{2}(?::\\d{2})?)\\]\\s|(\\d{1,2}:\\d{2}:\\d{2})\\s(?=\\S)|(\\d{1,2}:\\d{2}(?:\\s?[ap]m)?)\\t(?=\\S))`,
  'iu',
);
// (Session 33) After the stamp, an IRC log's sender: `<nick> text` (the nick maybe with its channel mode, `<@mags>`), or
// `* nick text` for an action (`/me`: the text is what the nick does); `-!- …`, `*** …`, `--> …`, `<-- …` open the
// client's own notices (joins, quits, kicks, topic, modes). A tab export's sender ends at the tab; a line with no second
// tab is the app's notice (`Name joined the group.`).
const IRC_SENDER = /^\s*<[~&@%+]?([^\s<>]{1,32})>\s+(?=\S)/u;
const IRC_ACTION = /^\s*\*\s([^\s*]{1,32})\s+(?=\S)/u;
const IRC_NOTICE = /^\s*(?:-!-|\*{3}|-->|<--|---?)\s/u;
const TAB_SENDER = /^([^\t]{1,60})\t+(?=\S)/u;

interface ChatLine {
  stamp: string;
  /** Null for an app's notice (no `Name: `). */
  sender: string | null;
  senderAt: number;
  /** Offset where the message's text starts on the line. */
  textAt: number;
  /** (Session 33) The tab export's line, whose messages of several lines are wrapped in double quotes. */
  tabbed?: boolean;
}

/** A stamped line's message text: from where the sender ends to the line's end. */
function messageText(line: Line, c: { textAt: number }): string {
  return line.text.slice(c.textAt - line.start);
}

/** A stamped line as its message's first body line: the line from where the message's text starts. */
function messageLine(line: Line, c: ChatLine): Line {
  const text = messageText(line, c);
  return { ...line, start: c.textAt, text, contentStart: c.textAt, trimmed: text.trim(), indent: 0, fields: undefined };
}

// (Session 29) The time line under a message's text: a clock (maybe after a date, maybe a month and day only) opening a
// short line of meta, no sentence.
const META_AFTER = /^(?:\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?,?\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?=\s|$)/iu;
// "Linjiang Daily English [Author]": a badge in brackets after the sender's name.
const BRACKET_BADGE = /\s[[(]([^\])[(]{1,30})[\])]$/u;
// How far under its head a message's time line may stand (the message's lines between).
const META_REACH = 30;

/** The time a meta line under a message opens with (`12-05 09:41`), else null. */
function readMetaAfter(line: Line): string | null {
  const t = line.trimmed;
  if (t.length > 120 || endsWithTerminal(t)) return null;
  const m = META_AFTER.exec(t);
  return m ? m[0] : null;
}

/**
 * An unstamped `Name: text` line whose time line stands under its text (`readMetaAfter`), no other head or time line
 * between: the head (sender with its badge off) and the index of the time line, else null. At most seven words of
 * name with a letter and no sentence punctuation (the time line under the text is the evidence a longer name needs).
 */
interface MetaAfterHead {
  stamp: string;
  sender: string;
  senderAt: number;
  textAt: number;
  /** Index of the message's time line. */
  metaAt: number;
  /** The badge after the name marks the page's own writer (`[Author]`). */
  isOP: boolean;
}

function readMetaAfterHead(lines: readonly Line[], i: number, meta: readonly (string | null)[], nextMeta: readonly number[]): MetaAfterHead | null {
  const line = lines[i]!;
  const t = line.trimmed;
  if (t.length > 4000 || meta[i] !== null || STAMP.test(t)) return null;
  // The sender's name as `readColonHead` tells one (no sentence punctuation, a full stop only after an initial).
  const s = readColonHead(t);
  if (!s) return null;
  let sender = s.name.trim();
  let isOP = false;
  const badge = BRACKET_BADGE.exec(sender);
  if (badge) {
    const b = readBadgeLine(badge[1]!);
    if (b) {
      isOP = b.isOP;
      sender = sender.slice(0, badge.index).trim();
    }
  }
  if (sender.length === 0 || sender.split(/\s+/u).length > 7 || BRACKET_BADGE.test(` ${sender}`)) return null;
  // The first time line under the head, within reach; the line right over it is no other message's head.
  const at = nextMeta[i + 1] ?? -1;
  if (at < 0 || at > i + META_REACH || (at - 1 > i && splitColonHead(lines[at - 1]!.trimmed) !== null)) return null;
  return { stamp: meta[at]!, sender, senderAt: line.contentStart, textAt: line.contentStart + s.textAt, metaAt: at, isOP };
}

function readChatLine(line: Line): ChatLine | null {
  const t = line.trimmed;
  if (t.length > 4000) return null;
  const m = STAMP.exec(t);
  if (!m) return null;
  const rest = t.slice(m[0].length);
  const stamp = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5])!;
  const base = line.contentStart + m[0].length;
  const notice = { stamp, sender: null, senderAt: base, textAt: base };
  if (m[5] !== undefined) {
    // The tab export: the sender runs to the next tab.
    const tab = TAB_SENDER.exec(rest);
    return tab ? { stamp, sender: tab[1]!.trim(), senderAt: base, textAt: base + tab[0].length, tabbed: true } : notice;
  }
  const irc = IRC_SENDER.exec(rest) ?? IRC_ACTION.exec(rest);
  if (irc) {
    const at = base + rest.indexOf(irc[1]!);
    return { stamp, sender: irc[1]!, senderAt: at, textAt: base + irc[0].length };
  }
  if (IRC_NOTICE.test(rest)) return notice;
  // A stamped line's sender needs no more test than its place: the stamp is the evidence.
  const s = splitColonHead(rest);
  if (!s || /^https?$/i.test(s.name)) return notice;
  return { stamp, sender: s.name.trim(), senderAt: base, textAt: base + s.textAt };
}

function detectChat(lines: readonly Line[]): { start: number; confidence: number } | null {
  let first = -1;
  let stamped = 0;
  let nonBlank = 0;
  const senders = new Set<string>();
  for (const line of lines) {
    if (isBlank(line)) continue;
    nonBlank++;
    const c = readChatLine(line);
    if (!c) continue;
    if (first < 0) first = line.index;
    stamped++;
    if (c.sender) senders.add(c.sender);
  }
  // A log: stamped lines from two senders or more, most of the lines from the first stamp on.
  if (stamped < 4 || senders.size < 2 || first < 0) return stamped === 0 ? detectMetaAfter(lines) : null;
  const after = lines.slice(first).filter((l) => !isBlank(l)).length;
  if (stamped / after < 0.5) return null;
  return { start: first, confidence: 0.9 };
}

/** The heads of messages whose time line stands under the text (`readMetaAfterHead`), in order, from `from` on. */
function metaAfterHeads(lines: readonly Line[], from: number): Array<MetaAfterHead & { at: number }> {
  const heads: Array<MetaAfterHead & { at: number }> = [];
  // Each line's time (null for none), and the index of the first time line at or after each line (-1 for none).
  const meta = lines.map((l, i) => (i >= from ? readMetaAfter(l) : null));
  const nextMeta = new Array<number>(lines.length + 1).fill(-1);
  for (let k = lines.length - 1; k >= from; k--) nextMeta[k] = meta[k] !== null ? k : nextMeta[k + 1]!;
  for (let i = from; i < lines.length; i++) {
    const h = readMetaAfterHead(lines, i, meta, nextMeta);
    if (h === null) continue;
    heads.push({ ...h, at: i });
    i = h.metaAt;
  }
  return heads;
}

/**
 * A section of `Name: text` messages with their time lines under them: four heads or more from two senders or more,
 * the heads and their time lines most of the lines from the first head on. It starts at a count of comments a few
 * lines over the first head (`Comments (17)` / `Hot | Latest`), if there is one.
 */
function detectMetaAfter(lines: readonly Line[]): { start: number; confidence: number } | null {
  const heads = metaAfterHeads(lines, 0);
  if (heads.length < 4 || new Set(heads.map((h) => h.sender)).size < 2) return null;
  const first = heads[0]!.at;
  const after = lines.slice(first).filter((l) => !isBlank(l)).length;
  if ((2 * heads.length) / after < 0.5) return null;
  let start = first;
  for (let k = first - 1, seen = 0; k >= 0 && seen < 4; k--) {
    if (isBlank(lines[k]!)) continue;
    seen++;
    if (readCountLine(lines[k]!.trimmed) !== undefined) {
      start = k;
      break;
    }
  }
  return { start, confidence: 0.9 };
}

// A message's text opening with a word and an earlier sender's name after "@" and before a colon (`Reply @Name: …`): the
// message answers that sender.
const AT_NAME_LEAD = /^(?:\p{L}{1,12}\s?)?[@＠]([^:：@\n]{1,48})[:：]/u;

/**
 * Messages whose time line stands under the text (`detectMetaAfter`): each head opens a message, its text runs to its
 * time line (`post-footer`); a line with a figure right under a time line over the next head (`Total of 2 replies ▾`)
 * opens a block of replies listed under the message above (depth 1), which another line of the page (`Collapse ▴`) or
 * the count reached closes; a removal note is a removed message; every other line is the page's.
 */
function parseMetaAfter(lines: readonly Line[], start: number): SectionParse {
  const posts: RawPost[] = [];
  const lineKinds = new Map<number, BlockKind>();
  const linePost = new Map<number, number>();
  let declaredCount: number | null = null;
  const heads = new Map(metaAfterHeads(lines, start).map((h) => [h.at, h]));
  const senders = new Set<string>();
  // The open block of replies: the replies its count promises that are still to come.
  let block: { left: number } | null = null;
  let afterMeta = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const h = heads.get(i);
    if (h) {
      const post = newPost(h.sender, [h.senderAt, h.senderAt + h.sender.length]);
      post.isOP = h.isOP;
      post.timestamp = h.stamp;
      post.depth = block ? 1 : 0;
      post.depthCue = 'depth';
      const text = messageText(line, h);
      const lead = AT_NAME_LEAD.exec(text);
      if (lead && senders.has(lead[1]!.trim())) {
        const name = lead[1]!.trim();
        const at = h.textAt + text.indexOf(name);
        post.replyTo = { name, span: [at, at + name.length] };
      }
      post.raw = [line];
      post.body.push({ ...line, start: h.textAt, text, contentStart: h.textAt, trimmed: text.trim(), indent: 0, fields: undefined });
      const index = posts.push(post) - 1;
      lineKinds.set(i, 'post-body');
      linePost.set(i, index);
      for (let k = i + 1; k < h.metaAt; k++) {
        post.body.push(lines[k]!);
        lineKinds.set(k, isBlank(lines[k]!) ? 'blank' : 'post-body');
        linePost.set(k, index);
      }
      while (post.body.length > 1 && isBlank(post.body[post.body.length - 1]!)) post.body.pop();
      post.raw.push(lines[h.metaAt]!);
      lineKinds.set(h.metaAt, 'post-footer');
      linePost.set(h.metaAt, index);
      senders.add(h.sender);
      if (block && --block.left <= 0) block = null;
      afterMeta = true;
      i = h.metaAt;
      continue;
    }
    if (isBlank(line)) {
      lineKinds.set(i, 'blank');
      continue;
    }
    const t = line.trimmed;
    if (i === start && readCountLine(t) !== undefined) {
      declaredCount = readCountLine(t) ?? null;
      lineKinds.set(i, 'comment-section-header');
      continue;
    }
    if (isRemovedPlaceholder(t)) {
      const post = newPost(null, null);
      post.removed = true;
      post.depth = block ? 1 : 0;
      post.depthCue = 'depth';
      post.raw = [line];
      linePost.set(i, posts.push(post) - 1);
      lineKinds.set(i, 'post-removed');
      if (block && --block.left <= 0) block = null;
      afterMeta = false;
      continue;
    }
    // A count of replies under a message's time line, over the next head: the block of the replies it lists.
    const count = /\d{1,5}/u.exec(t);
    if (afterMeta && block === null && posts.length > 0 && count && t.length <= 40 && !endsWithTerminal(t) && headFollows(lines, i + 1, heads)) {
      const last = posts[posts.length - 1]!;
      last.replyCount = { count: Number(count[0]), span: [line.contentStart, line.contentEnd] };
      if (last.replyCount.count > 0) block = { left: last.replyCount.count };
    } else block = null;
    lineKinds.set(i, 'comment-chrome');
    afterMeta = false;
  }
  return { posts, lineKinds, linePost, declaredCount, messages: [] };
}

/** Whether the first line from `k` on that is not blank opens a message (`heads`). */
function headFollows(lines: readonly Line[], k: number, heads: ReadonlyMap<number, unknown>): boolean {
  while (k < lines.length && isBlank(lines[k]!)) k++;
  return k < lines.length && heads.has(lines[k]!.index);
}

function parseChat(lines: readonly Line[], start: number): SectionParse {
  if (readChatLine(lines[start]!) === null && !lines.slice(start).some((l) => readChatLine(l)?.sender)) return parseMetaAfter(lines, start);
  const posts: RawPost[] = [];
  const lineKinds = new Map<number, BlockKind>();
  const linePost = new Map<number, number>();
  const read = lines.map((l, i) => (i >= start ? readChatLine(l) : null));
  // The chat's own name as a sender: a leading run of one sender who never writes again, whose lines name another
  // sender (the app's notices, "Rosa created the group").
  const order = read.filter((c): c is ChatLine => c !== null && c.sender !== null);
  const system = new Set<string>();
  if (order.length > 0) {
    const head = order[0]!.sender!;
    let run = 0;
    while (run < order.length && order[run]!.sender === head) run++;
    const others = new Set(order.slice(run).map((c) => c.sender!));
    const headLines = read.map((c, i) => (c?.sender === head ? i : -1)).filter((i) => i >= 0);
    const namesOther = headLines.some((i) => {
      const text = messageText(lines[i]!, read[i]!);
      return [...others].some((o) => text.startsWith(`${o} `));
    });
    if (run < order.length && !others.has(head) && namesOther) system.add(head);
  }
  const pasted = pastedLines(lines, read, start);
  let current = -1;
  let pendingReply: RawPost['replyTo'] = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const c = read[i];
    if (c && pasted.has(i) && current >= 0) {
      // A line of a text pasted in one go, sent by the client as a message a line (`pastedLines`): the message above's.
      posts[current]!.body.push(messageLine(line, c));
      lineKinds.set(i, 'post-body');
      linePost.set(i, current);
      continue;
    }
    if (c) {
      if (c.sender === null && isRemovalNote(messageText(line, c).trim())) {
        // The app's note where a message was taken back (`Name unsent a message.`): a removed message.
        const post = newPost(null, null);
        post.removed = true;
        post.timestamp = c.stamp;
        post.raw = [line];
        current = posts.push(post) - 1;
        lineKinds.set(i, 'post-removed');
        linePost.set(i, current);
        pendingReply = null;
        continue;
      }
      if (c.sender === null || system.has(c.sender)) {
        lineKinds.set(i, 'comment-chrome');
        current = -1;
        pendingReply = null;
        continue;
      }
      // "0:05:58 Replying to @marta: quindi il biglietto…": the preview of the message answered, stamped like the
      // reply under it (a chat replay shows it on a line of its own above the reply).
      const preview = readReplyLine({ ...line, trimmed: line.trimmed.slice(c.senderAt - line.contentStart), contentStart: c.senderAt });
      if (preview?.snippet) {
        pendingReply = preview;
        lineKinds.set(i, 'comment-chrome');
        current = -1;
        continue;
      }
      const post = newPost(c.sender, [c.senderAt, c.senderAt + c.sender.length]);
      post.replyTo = pendingReply;
      pendingReply = null;
      post.timestamp = c.stamp;
      post.raw = [line];
      const text = messageText(line, c);
      const app = text.startsWith(APP_MARK);
      if (app && !isRemovalNote(text.slice(APP_MARK.length).trim())) {
        // The app's notice in a sender's name (`Name: \u200eimage omitted`, a group notice "sent" in its own name).
        lineKinds.set(i, 'comment-chrome');
        current = -1;
        pendingReply = null;
        continue;
      }
      const body: Line = withoutAppNote(messageLine(line, c));
      if (app || isRemovedPlaceholder(body.trimmed)) post.removed = true;
      else post.body.push(body);
      current = posts.push(post) - 1;
      lineKinds.set(i, post.removed ? 'post-removed' : 'post-body');
      linePost.set(i, current);
      continue;
    }
    // "Replying to @marta: quindi il biglietto…" WITHOUT a stamp, right over a stamped message (a live chat's replay
    // as a page prints it, session 25): the preview of the message the next one answers, not the text above.
    const unstamped = read[i + 1]?.sender ? readReplyLine(line) : null;
    if (unstamped?.snippet && unstamped.name.length > 0) {
      pendingReply = unstamped;
      lineKinds.set(i, 'comment-chrome');
      current = -1;
      continue;
    }
    if (current >= 0 && !posts[current]!.removed) {
      posts[current]!.body.push(withoutAppNote(line));
      lineKinds.set(i, isBlank(line) ? 'blank' : 'post-body');
      linePost.set(i, current);
    } else lineKinds.set(i, isBlank(line) ? 'blank' : 'comment-chrome');
  }
  // Trailing blank lines are not the message's text.
  for (const p of posts) while (p.body.length > 1 && isBlank(p.body[p.body.length - 1]!)) p.body.pop();
  for (const p of posts) if (p.body.length > 1 && read[p.body[0]!.index]?.tabbed) unwrapQuotes(p.body);
  return { posts, lineKinds, linePost, declaredCount: null, messages: [] };
}

// How many words a pasted line needs, and how many such lines make a paste.
const PASTE_WORDS = 15;
const PASTE_LONG = 3;

/**
 * (Session 33) The lines of a text pasted in one go into a client that sends each line as a message of its own (an IRC
 * log: `[08:58] <mags> Headline` / `[08:58] <mags> First paragraph…` / …): a run of three stamped lines or more from
 * one sender with the same stamp, nobody else's between, at least three of them of fifteen words or more. A burst of
 * short messages in one minute is no paste. Returned: the run's lines after its first, which continue its first.
 */
function pastedLines(lines: readonly Line[], read: ReadonlyArray<ChatLine | null>, start: number): Set<number> {
  const out = new Set<number>();
  let i = start;
  while (i < lines.length) {
    const c = read[i];
    if (!c?.sender) {
      i++;
      continue;
    }
    let j = i + 1;
    const run = [i];
    while (j < lines.length && (read[j]?.sender === c.sender && read[j]!.stamp === c.stamp || isBlank(lines[j]!) && read[j + 1]?.sender === c.sender && read[j + 1]!.stamp === c.stamp)) {
      if (read[j]) run.push(j);
      j++;
    }
    const long = run.filter((k) => countWords(messageText(lines[k]!, read[k]!), PASTE_WORDS) >= PASTE_WORDS).length;
    if (run.length >= 3 && long >= PASTE_LONG) for (const k of run.slice(1)) out.add(k);
    i = j;
  }
  return out;
}

/**
 * (Session 33) A tab export wraps a message of several lines in double quotes (`18:40<TAB>Name<TAB>"First line` / … /
 * `last line"`): the quotes are the export's, not the text's. Taken off in place, offsets kept.
 */
function unwrapQuotes(body: Line[]): void {
  const first = body[0]!;
  const lastAt = body.length - 1;
  const last = body[lastAt]!;
  if (!first.trimmed.startsWith('"') || !last.trimmed.endsWith('"') || first.trimmed.length < 2 || last.trimmed.length < 2) return;
  body[0] = { ...first, contentStart: first.contentStart + 1, trimmed: first.trimmed.slice(1), fields: undefined };
  const l = body[lastAt]!;
  body[lastAt] = { ...l, contentEnd: l.contentEnd - 1, trimmed: l.trimmed.slice(0, -1), fields: undefined };
}

/** Chat-log exports: one stamped `Name: text` line opens each message. */
export const chatStyle: CommentStyle = {
  name: 'widget',
  detect: detectChat,
  parse: (lines, start) => parseChat(lines, start),
};
