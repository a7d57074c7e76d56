import type { BlockKind } from '../../schema/document.js';
import { isBlank, type Line } from '../lines.js';
import { isRemovalNote, isRemovedPlaceholder } from '../section-cues.js';
import type { CommentStyle, RawPost, SectionParse } from '../types.js';
import { newPost } from './counted.js';
import { readReplyLine } from './header-cues.js';

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
const STAMP = new RegExp(
  `^(?:\\[(${DATE},? ${CLOCK})\\]\\s?(?:[-–]\\s)?|(${DATE},? ${CLOCK})\\s[-–]\\s|\\[(\\d{1,2}:\\d{2}(?::\\d{2})?)\\]\\s|(\\d{1,2}:\\d{2}:\\d{2})\\s(?=\\S))`,
  'iu',
);
// The sender: a short run without a colon, then ": ".
const SENDER = /^([^:\s][^:]{0,47}?):\s/u;

interface ChatLine {
  stamp: string;
  /** Null for an app's notice (no `Name: `). */
  sender: string | null;
  senderAt: number;
  /** Offset where the message's text starts on the line. */
  textAt: number;
}

function readChatLine(line: Line): ChatLine | null {
  const t = line.trimmed;
  if (t.length > 4000) return null;
  const m = STAMP.exec(t);
  if (!m) return null;
  const rest = t.slice(m[0].length);
  const s = SENDER.exec(rest);
  const base = line.contentStart + m[0].length;
  if (!s || /^https?$/i.test(s[1]!)) return { stamp: (m[1] ?? m[2] ?? m[3] ?? m[4])!, sender: null, senderAt: base, textAt: base };
  return { stamp: (m[1] ?? m[2] ?? m[3] ?? m[4])!, sender: s[1]!.trim(), senderAt: base, textAt: base + s[0].length };
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
  if (stamped < 4 || senders.size < 2 || first < 0) return null;
  const after = lines.slice(first).filter((l) => !isBlank(l)).length;
  if (stamped / after < 0.5) return null;
  return { start: first, confidence: 0.9 };
}

function parseChat(lines: readonly Line[], start: number): SectionParse {
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
      const text = lines[i]!.text.slice(read[i]!.textAt - lines[i]!.start);
      return [...others].some((o) => text.startsWith(`${o} `));
    });
    if (run < order.length && !others.has(head) && namesOther) system.add(head);
  }
  let current = -1;
  let pendingReply: RawPost['replyTo'] = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const c = read[i];
    if (c) {
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
      const text = line.text.slice(c.textAt - line.start);
      const app = text.startsWith(APP_MARK);
      if (app && !isRemovalNote(text.slice(APP_MARK.length).trim())) {
        // The app's notice in a sender's name (`Name: \u200eimage omitted`, a group notice "sent" in its own name).
        lineKinds.set(i, 'comment-chrome');
        current = -1;
        pendingReply = null;
        continue;
      }
      const body: Line = withoutAppNote({ ...line, start: c.textAt, text, contentStart: c.textAt, trimmed: text.trim(), indent: 0, fields: undefined });
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
  return { posts, lineKinds, linePost, declaredCount: null, messages: [] };
}

/** Chat-log exports: one stamped `Name: text` line opens each message. */
export const chatStyle: CommentStyle = {
  name: 'widget',
  detect: detectChat,
  parse: (lines, start) => parseChat(lines, start),
};
