import type { Message } from '../../schema/common.js';
import type { BlockKind } from '../../schema/document.js';
import { matchChrome } from '../chrome-patterns.js';
import { isBlank, type Line } from '../lines.js';
import { isRemovedPlaceholder, isSectionChrome, readCountLine } from '../section-cues.js';
import type { CommentStyle, RawPost, SectionParse } from '../types.js';
import { newPost } from './counted.js';
import { type Header, readFooter, readNameLine, readReplyLine, readTimeLine, readWidgetHeader } from './header-cues.js';
import { depthsFromIndents, findSectionStart, isStrayLabel, postWithoutHeader } from './section-shape.js';

// Chrome of widget sections that the shared section cues do not cover. Whole trimmed line, linear.
const WIDGET_CHROME = /^(?:(?:join|start) the (?:discussion|conversation)(?:…|\.\.\.|\.)?|(?:login|log in|sign in|sign up|register|logout|log out)(?: with \w{2,20})?|(?:show|view|load|see|hide|read) (?:\d{1,5} )?(?:more |all |previous |new |older |newer |hidden )?(?:replies|reply|comments?|responses)(?: \(\d{1,5}\))?(?:…|\.\.\.)?|\d{1,5} (?:more )?(?:replies|reply|responses)|(?:best|newest|oldest|top|popular|controversial|latest|most (?:liked|recent))|(?:favorite|favourite|subscribe|privacy|privacy policy|terms of (?:use|service)|do not sell my (?:personal )?(?:data|information)|add disqus to your site|disqus|comment policy|community rules|be the first to comment\.?|what do you think\??|commenting has been (?:disabled|closed)\.?|facebook|email|copy link|reactions?|\d{1,5} reactions?)|also on \S.{0,60}|(?:view|read) (?:our|the) (?:comment|community) (?:policy|guidelines)\.?|(?:comments?|replies) (?:are|is) (?:closed|disabled)\.?)$/i;

/** A comment-section chrome line of a widget ("Join the discussion…", "Show 3 more replies", "Newest"). */
export function isWidgetChrome(trimmed: string): boolean {
  if (trimmed.length > 100) return false;
  return WIDGET_CHROME.test(trimmed) || isSectionChrome(trimmed) || readCountLine(trimmed) !== undefined;
}

/** A post header found at a line: one line ("Maria Keller • 3 hours ago") or a name line then a time line. */
interface FoundHeader extends Header {
  /** Line indices the header spans. */
  lines: number[];
}

/** The post header starting at line `i`, if any. */
export function headerAt(lines: readonly Line[], i: number): FoundHeader | null {
  const line = lines[i];
  if (!line || isBlank(line)) return null;
  const one = readWidgetHeader(line);
  if (one) return { ...one, lines: [i] };
  // Two lines: "Maria Keller" / "3 hours ago" (a lone "•" line may sit between).
  const name = readNameLine(line);
  if (!name) return null;
  // Or a name over a place-and-time line ("J. Alvarez" / "Denver, CO · Nov. 21"), where the name follows a
  // post's footer, chrome or a blank line rather than text (so a short body line is not taken for a name).
  const under = lines[i + 1];
  const placed = under && under.indent === line.indent ? readWidgetHeader(under) : null;
  if (placed && !placed.replyTo && followsBreak(lines, i)) {
    return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: placed.timestamp, replyTo: null, points: null, lines: [i, i + 1] };
  }
  let k = i + 1;
  if (lines[k] && /^[•·|]$/.test(lines[k]!.trimmed)) k++;
  const timeLine = lines[k];
  if (!timeLine || timeLine.indent !== line.indent) return null;
  const time = readTimeLine(timeLine);
  if (time === null) return null;
  const used: number[] = [];
  for (let n = i; n <= k; n++) used.push(n);
  return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: time, replyTo: null, points: null, lines: used };
}

/** True when the line before `i` ends a post or the page chrome: blank, a footer, chrome or a section opener. */
function followsBreak(lines: readonly Line[], i: number): boolean {
  const before = lines[i - 1];
  if (!before || isBlank(before)) return true;
  const t = before.trimmed;
  return readFooter(before) !== undefined || isWidgetChrome(t) || isSectionChrome(t) || readCountLine(t) !== undefined;
}

const SECTION_OPENERS = /^(?:(?:join|start) the (?:discussion|conversation)(?:…|\.\.\.|\.)?|sort(?:ed)? by\b.{0,30}|(?:login|log in|sign in) to (?:comment|reply)\b.{0,30})$/i;

/** Lines that open a widget section: "143 comments", "Join the discussion…", "Sort by Best". */
function isOpener(trimmed: string): boolean {
  return trimmed.length <= 60 && (readCountLine(trimmed) !== undefined || SECTION_OPENERS.test(trimmed));
}

/** Widget headers, footers and openers: the section starts at the opener that leads into the posts. */
function detectWidget(lines: readonly Line[]): { start: number; confidence: number } | null {
  const headers: number[] = [];
  let footers = 0;
  for (let i = 0; i < lines.length; i++) {
    const h = headerAt(lines, i);
    if (h) {
      headers.push(i);
      i = h.lines[h.lines.length - 1]!;
    } else if (readFooter(lines[i]!)) footers++;
  }
  const found = findSectionStart(lines, headers, isOpener, (l) => isWidgetChrome(l.trimmed) || readFooter(l) !== undefined || isRemovedPlaceholder(l.trimmed) || readReplyLine(l) !== null);
  if (!found) return null;
  if (found.opener) return { start: found.start, confidence: footers > 0 ? 0.9 : 0.8 };
  return { start: found.start, confidence: footers > 0 ? 0.7 : 0.55 };
}

/**
 * Disqus-like sections: a header line per post with the name and a time, body lines, a footer of buttons
 * and counts; replies shown by indentation and/or a "Replying to X" line; placeholders for removed posts.
 */
export const widgetStyle: CommentStyle = {
  name: 'widget',
  detect: detectWidget,
  parse(lines, start): SectionParse {
    const lineKinds = new Map<number, BlockKind>();
    const linePost = new Map<number, number>();
    const posts: RawPost[] = [];
    const indents: number[] = [];
    const messages: Message[] = [];
    let declaredCount: number | null = null;
    let current: RawPost | null = null;
    // header: just after the header lines; body: reading text; closed: after a footer or placeholder.
    let phase: 'header' | 'body' | 'closed' = 'closed';
    let pendingBlanks: number[] = [];
    let pendingReply: { name: string; span: [number, number] } | null = null;
    let afterFooter = false;

    const own = (i: number, kind: BlockKind): void => {
      lineKinds.set(i, kind);
      linePost.set(i, posts.length - 1);
    };
    const flushBlanks = (kind: BlockKind | null): void => {
      for (const b of pendingBlanks) {
        if (kind === 'post-body' && current) {
          current.body.push(lines[b]!);
          own(b, 'post-body');
        } else lineKinds.set(b, 'blank');
      }
      pendingBlanks = [];
    };
    const open = (post: RawPost, indent: number): RawPost => {
      flushBlanks(null);
      posts.push(post);
      indents.push(indent);
      if (pendingReply && !post.replyTo) post.replyTo = pendingReply;
      pendingReply = null;
      return post;
    };

    for (let i = start; i < lines.length; i++) {
      const line = lines[i]!;
      const t = line.trimmed;
      if (isBlank(line)) {
        pendingBlanks.push(i);
        continue;
      }
      const wasAfterFooter = afterFooter;
      afterFooter = false;
      const between = current === null || phase === 'closed';
      const header = headerAt(lines, i);
      if (header) {
        const post = newPost(header.author, header.authorSpan);
        post.timestamp = header.timestamp;
        post.isOP = header.isOP;
        post.replyTo = header.replyTo;
        current = open(post, line.indent);
        for (const k of header.lines) {
          current.raw.push(lines[k]!);
          own(k, 'post-header');
        }
        i = header.lines[header.lines.length - 1]!;
        phase = 'header';
        continue;
      }
      if (isRemovedPlaceholder(t)) {
        if (!current || phase !== 'header' || current.removed) current = open(newPost(null, null), line.indent);
        else flushBlanks(null);
        current.removed = true;
        current.raw.push(line);
        own(i, 'post-removed');
        // Text right under a placeholder ("awaiting moderation") still belongs to the post.
        phase = 'header';
        continue;
      }
      const reply = phase === 'body' ? null : readReplyLine(line);
      if (reply) {
        flushBlanks(null);
        if (current && phase === 'header') {
          current.replyTo = reply;
          current.raw.push(line);
          own(i, 'post-header');
        } else {
          pendingReply = reply;
          lineKinds.set(i, 'comment-chrome');
        }
        continue;
      }
      const footer = readFooter(line);
      if (footer) {
        flushBlanks(null);
        // Footers close the post; a second footer line right under the first still belongs to it.
        if (current && (phase !== 'closed' || wasAfterFooter)) {
          if (footer.likes !== null && current.likes === null) current.likes = footer.likes;
          current.raw.push(line);
          own(i, 'post-footer');
        } else lineKinds.set(i, 'comment-chrome');
        phase = 'closed';
        afterFooter = true;
        continue;
      }
      const chrome = phase === 'body' ? isWidgetChrome(t) && readCountLine(t) === undefined : isWidgetChrome(t) || (between && matchChrome(t) !== undefined);
      if (chrome) {
        flushBlanks(null);
        const count = readCountLine(t);
        if (count !== undefined && posts.length === 0) {
          if (declaredCount === null) declaredCount = count;
          lineKinds.set(i, 'comment-section-header');
        } else lineKinds.set(i, 'comment-chrome');
        if (phase === 'body') phase = 'closed';
        continue;
      }
      // Body text. After a closed post, text without a header is a post whose author the dump does not show.
      if (!current || phase === 'closed') {
        if (isStrayLabel(t)) {
          // "Posting rules", "Community" under the last post: a label of the page, not a post.
          flushBlanks(null);
          lineKinds.set(i, 'comment-chrome');
          continue;
        }
        current = open(newPost(null, null), line.indent);
        messages.push(postWithoutHeader(line, 'a header line such as "Name • 3 hours ago"'));
      }
      flushBlanks(current.body.length > 0 ? 'post-body' : null);
      current.body.push(line);
      own(i, 'post-body');
      phase = 'body';
    }
    flushBlanks(null);
    const depths = depthsFromIndents(indents);
    posts.forEach((p, k) => {
      p.depth = depths ? depths[k]! : null;
      p.depthCue = depths ? 'indent' : null;
    });
    return { posts, lineKinds, linePost, declaredCount, messages };
  },
};
