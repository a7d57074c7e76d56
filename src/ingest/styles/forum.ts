import type { Span } from '../../schema/common.js';
import { matchChrome } from '../chrome-patterns.js';
import { isBlank, type Line } from '../lines.js';
import { isRemovedPlaceholder, readCountLine } from '../section-cues.js';
import type { CommentStyle } from '../types.js';
import { isSeparator, isStandaloneTime, readCount, readFooter, readLevelLine, readTimeLine, timeKind, type Field, splitFields } from './header-cues.js';
import { depthsFromIndents, findSectionStart } from './section-shape.js';
import { type FoundHeader, readFooterOrVote, type SectionReader, walkSection } from './walk-section.js';
import { isWidgetChrome } from './widget.js';

/** A forum post header. */
export interface ForumHeader extends FoundHeader {
  /** "[deleted]" / "[removed]" shown as the author. */
  deletedAuthor: boolean;
  /** The header carries a forum-only cue ("u/" prefix, "[–]" marker, "12 points"). */
  strong: boolean;
}

const COLLAPSE = /^\[[–—+-]\]/;
const HANDLE = /^(?:\/?u\/)?[\p{L}\p{N}_-]{2,40}$/u;
const DELETED_AUTHOR = /^\[(?:deleted|removed)\]$/i;
// "(authored)" (session 23, Lobsters-like): the story's submitter wrote the story.
const OP_MARKS = new Set(['op', '(op)', '[op]', 'submitter', '[s]', '(submitter)', '(author)', '(authored)']);
const BADGES = new Set(['mod', '[m]', '(mod)', 'moderator', 'admin', '[a]', '🏆', '✓', '✔']);

/** Reads the handle token (maybe glued to "[–]"), returning the handle text and its span. */
function readHandle(tokens: Field[], at: number): { text: string; span: Span; prefixed: boolean; next: number; badge?: string } | null {
  let k = at;
  let tok = tokens[k];
  if (!tok) return null;
  let prefixed = false;
  const collapse = COLLAPSE.exec(tok.text);
  if (collapse) {
    prefixed = true;
    if (collapse[0].length === tok.text.length) {
      k++;
      tok = tokens[k];
      if (!tok) return null;
    } else tok = { text: tok.text.slice(collapse[0].length), start: tok.start + collapse[0].length, end: tok.end };
  }
  if (DELETED_AUTHOR.test(tok.text)) return { text: tok.text, span: [tok.start, tok.end], prefixed, next: k + 1 };
  // "ashford_rover[S]", "AutoModerator[M]": a role badge glued to the handle.
  const glued = GLUED_BADGE.exec(tok.text);
  let badge: string | null = null;
  if (glued && glued[1]!.length >= 2) {
    badge = glued[2]!.toLowerCase();
    tok = { text: glued[1]!, start: tok.start, end: tok.start + glued[1]!.length };
  }
  if (!HANDLE.test(tok.text)) return null;
  const slash = tok.text.startsWith('/u/') ? 3 : tok.text.startsWith('u/') ? 2 : 0;
  if (slash > 0) prefixed = true;
  return { text: tok.text.slice(slash), span: [tok.start + slash, tok.end], prefixed, next: k + 1, ...(badge ? { badge } : {}) };
}

const GLUED_BADGE = /^([^[\]]{2,40})(\[[a-z+]{1,3}\])$/i;
// A flair is at most this many tokens between the handle and "12 points".
const MAX_FLAIR = 6;

/**
 * Reads a one-line forum header: "u/some_user · 5h", "[–] throwaway_99 12 points 3 hours ago",
 * "civics_teacher_22 [S] 31 points 8 hours ago", "u/eurowatcher_ OP · 5h", "[deleted] · 6h".
 */
export function readForumHeader(line: Line): Omit<ForumHeader, 'lines'> | null {
  if (line.trimmed.length < 3 || line.trimmed.length > 160) return null;
  const tokens = splitFields(line);
  const handle = readHandle(tokens, 0);
  if (!handle) return null;
  let k = handle.next;
  let isOP = handle.badge !== undefined && OP_MARKS.has(handle.badge);
  let points: number | null = null;
  let timestamp: string | null = null;
  let strong = handle.prefixed;
  let sawSeparator = false;
  let replyMark: Span | null = null;
  let rootMark = false;
  let replyLevel: 'first' | 'deeper' | null = null;
  while (k < tokens.length) {
    const t = tokens[k]!.text;
    const lower = t.toLowerCase();
    if (OP_MARKS.has(lower)) {
      isOP = true;
      k++;
    } else if (BADGES.has(lower)) k++;
    else if (isSeparator(t)) {
      sawSeparator = true;
      k++;
    } else if (/^[+-]?\d{1,7}$/.test(t) && /^points?$/i.test(tokens[k + 1]?.text ?? '')) {
      points = Number(t);
      strong = true;
      k += 2;
    } else if (lower === '[score' || (lower === 'score' && tokens[k + 1]?.text.toLowerCase().startsWith('hidden'))) {
      strong = true;
      k += 2;
    } else if (points === null && handle.prefixed && k === handle.next) {
      // "[–]name Flair Text 10 points": a flair between the handle and the points is skipped.
      let f = k;
      while (f < tokens.length && f - k < MAX_FLAIR && !(/^[+-]?\d{1,7}$/.test(tokens[f]!.text) && /^points?$/i.test(tokens[f + 1]?.text ?? ''))) f++;
      if (f === k || f >= tokens.length || f - k >= MAX_FLAIR) break;
      k = f;
    } else break;
  }
  if (k < tokens.length) {
    // The time runs to the end, or up to "(edited …)", "*", "(3 children)".
    let e = k;
    let starred = false;
    while (e < tokens.length && !tokens[e]!.text.startsWith('(') && tokens[e]!.text !== '*' && !isSeparator(tokens[e]!.text) && !/^edited/i.test(tokens[e]!.text)) {
      // "3 hours ago*": the edited star glued to the age ends it.
      if (tokens[e]!.text.length > 1 && tokens[e]!.text.endsWith('*')) {
        starred = true;
        e++;
        break;
      }
      e++;
    }
    if (e === k) return null;
    const text = tokens.slice(k, e).map((t) => t.text).join(' ').replace(/\*$/, '');
    if (!timeKind(text)) return null;
    timestamp = line.text.slice(tokens[k]!.start - line.start, tokens[e - 1]!.end - line.start - (starred ? 1 : 0));
    // Hacker-News-like links after the age: "| parent | next [–]". "parent" marks a reply, their absence
    // (with "next" or "[–]") a top-level post; either way the line is a forum header.
    const nav = readNavTail(tokens, e);
    if (nav) {
      strong = true;
      replyMark = nav.parent;
      rootMark = nav.parent === null;
      if (nav.parent !== null) replyLevel = nav.root ? 'deeper' : 'first';
    }
  }
  if (timestamp === null && points === null) return null;
  // A bare name and a time with nothing between could be words ("Sounds 5h"): ask for a separator or "ago".
  if (!strong && !sawSeparator && timestamp !== null && !/ago$/i.test(timestamp)) return null;
  const deletedAuthor = DELETED_AUTHOR.test(handle.text);
  return {
    author: deletedAuthor ? null : handle.text,
    authorSpan: deletedAuthor ? null : handle.span,
    deletedAuthor,
    isOP,
    timestamp,
    points,
    strong,
    replyTo: null,
    ...(replyMark ? { replyMark } : {}),
    ...(rootMark ? { rootMark } : {}),
    ...(replyLevel ? { replyLevel } : {}),
  };
}

const NAV_WORDS = new Set(['parent', 'prev', 'next', 'root', 'context', 'flag', 'favorite', 'hide', 'past', 'vouch', 'unvote', 'link', 'edit', 'delete']);
const COLLAPSE_TOKEN = /^\[[–—+-]\]$|^\[\d{1,5} more\]$/;

/**
 * Reads the links after a header's age ("| parent | next [–]", "| prev | next [–]"): null when the tokens
 * from `at` are not all links and separators or hold no link; else where "parent" stands (null without it).
 */
function readNavTail(tokens: readonly Field[], at: number): { parent: Span | null; root: boolean } | null {
  let parent: Span | null = null;
  let root = false;
  let links = 0;
  for (let k = at; k < tokens.length; k++) {
    const t = tokens[k]!;
    const lower = t.text.toLowerCase();
    if (isSeparator(t.text)) continue;
    if (NAV_WORDS.has(lower) || COLLAPSE_TOKEN.test(t.text)) {
      links++;
      if (lower === 'parent') parent = [t.start, t.end];
      if (lower === 'root') root = true;
    } else return null;
  }
  return links > 0 ? { parent, root } : null;
}

/** A handle alone on a line ("railfan_1987", "u/railfan_1987 OP"), the first line of a multi-line header. */
function readHandleLine(line: Line): { author: string | null; authorSpan: Span | null; deleted: boolean; isOP: boolean; prefixed: boolean } | null {
  if (line.trimmed.length > 60) return null;
  const tokens = splitFields(line);
  const handle = readHandle(tokens, 0);
  if (!handle) return null;
  let isOP = false;
  for (let k = handle.next; k < tokens.length; k++) {
    const lower = tokens[k]!.text.toLowerCase();
    if (OP_MARKS.has(lower)) isOP = true;
    else if (!BADGES.has(lower) && !isSeparator(lower)) return null;
  }
  const deleted = DELETED_AUTHOR.test(handle.text);
  return { author: deleted ? null : handle.text, authorSpan: deleted ? null : handle.span, deleted, isOP, prefixed: handle.prefixed };
}

/** The forum header starting at line `i`: one line, or a handle line, optional "OP" / "·" lines, a time line. */
export function forumHeaderAt(lines: readonly Line[], i: number): ForumHeader | null {
  const line = lines[i];
  if (!line || isBlank(line)) return null;
  const one = readForumHeader(line);
  if (one) return { ...one, lines: [i] };
  const handle = readHandleLine(line);
  if (!handle) return null;
  let isOP = handle.isOP;
  let k = i + 1;
  for (; k < lines.length && k <= i + 3; k++) {
    const t = lines[k]!.trimmed.toLowerCase();
    if (OP_MARKS.has(t)) isOP = true;
    else if (!(isSeparator(t) || BADGES.has(t))) break;
  }
  const timeLine = lines[k];
  let time = timeLine ? readTimeLine(timeLine) : null;
  // "fjord_driver" / "OP · 4h": the OP mark and the time share the line under the handle.
  const marked = time === null && timeLine ? /^(\S{1,12}) ?[·•|] ?(.{1,40})$/.exec(timeLine.trimmed) : null;
  if (marked && OP_MARKS.has(marked[1]!.toLowerCase()) && isStandaloneTime(marked[2]!)) {
    isOP = true;
    time = marked[2]!;
  }
  if (time === null) return null;
  const used: number[] = [];
  for (let n = i; n <= k; n++) used.push(n);
  return { author: handle.author, authorSpan: handle.authorSpan, deletedAuthor: handle.deleted, isOP, timestamp: time, points: null, strong: handle.prefixed, replyTo: null, lines: used };
}

// Forum chrome beyond the widget's: thread navigation and the comment box.
const FORUM_CHROME = /^(?:load more comments(?: \(\d{1,6} repl(?:y|ies)\))?|continue this thread(?: ?[→›»])?|\d{1,6} more repl(?:y|ies)|more repl(?:y|ies)|view (?:all|entire discussion|more) ?(?:\(?[\d.,]{1,9}k? comments\)?|comments)?|single comment thread|see full discussion|comment as \S{1,60}|markdown mode|fancy pants editor|add (?:a )?comment|comments section|search comments|expand comment search|go to comments|sort by:? ?\w{0,20}|sorted by:? ?\w{0,20}|all [\d.,]{1,9}k? comments|[\d.,]{1,9}k? comments share save hide report|(?:share|save|hide|report|award|crosspost)(?: (?:share|save|hide|report|award|crosspost)){0,5}|r\/\w{2,40}|join|joined|vote|upvote|downvote|\[ ?removed by reddit ?\]|(?:comment )?removed by reddit.{0,80})$/i;

/** A chrome line of a forum section ("load more comments (14 replies)", "Continue this thread →", "r/europe"). */
export function isForumChrome(trimmed: string): boolean {
  return trimmed.length <= 120 && (FORUM_CHROME.test(trimmed) || isWidgetChrome(trimmed));
}

const REMOVED_BY_SITE = /^(?:\[ ?removed by (?:reddit|moderator|mods?) ?\]|removed by (?:reddit|moderator)(?: on account of .{0,80})?\.?|comment (?:deleted|removed) by (?:user|moderator|reddit)\.?)$/i;

/** Placeholders left where a forum post was removed ("[removed]", "[deleted]", "Removed by Reddit"). */
function isForumRemoved(trimmed: string): boolean {
  return isRemovedPlaceholder(trimmed) || (trimmed.length <= 120 && REMOVED_BY_SITE.test(trimmed));
}

/** "View entire discussion (842 comments)", "all 57 comments", "View all 1.2k comments": the count. */
export function readForumCount(trimmed: string): number | null | undefined {
  const shared = readCountLine(trimmed);
  if (shared !== undefined) return shared;
  if (trimmed.length > 60) return undefined;
  const m = /^(?:view entire discussion \(|all |view all )([\d.,]{1,9}k?) comments\)?$/i.exec(trimmed);
  return m ? readCount(m[1]!.replace(/,(?=\d{3})/g, '')) ?? undefined : undefined;
}

const OPENERS = /^(?:sort(?:ed)? by:? ?\w{0,20}|comment as \S{1,60}|view all [\d.,]{1,9}k? comments|single comment thread|add (?:a )?comment|comments section|search comments)$/i;
function isOpener(trimmed: string): boolean {
  return trimmed.length <= 60 && (readForumCount(trimmed) !== undefined || OPENERS.test(trimmed));
}

/** "Posted by u/x 6h" / "submitted 9 hours ago by x": the submitter, whose posts are the OP's. */
function findSubmitter(lines: readonly Line[], end: number): { submitter: string | null; count: number | null } {
  for (let i = 0; i < end && i < lines.length; i++) {
    const t = lines[i]!.trimmed;
    if (t.length > 200) continue;
    const m = /^posted by \/?u\/([\p{L}\p{N}_-]{2,40})\b/iu.exec(t) ?? /^submitted .{1,40} by \/?(?:u\/)?([\p{L}\p{N}_-]{2,40})$/iu.exec(t);
    if (m) return { submitter: m[1]!, count: null };
    // Hacker-News-like: "412 points by kvstore 6 hours ago | hide | past | favorite | 187 comments".
    const hn = /^\d{1,6} points? by ([\p{L}\p{N}_-]{2,40}) /iu.exec(t);
    if (hn) {
      const count = /\| (\d{1,7})[\u00a0 ]comments?$/i.exec(t);
      return { submitter: hn[1]!, count: count ? Number(count[1]) : null };
    }
  }
  return { submitter: null, count: null };
}

const AVATAR_LINE = /^\/?u\/(?:[\p{L}\p{N}_-]{2,40}|\[deleted\]) avatar$/u;

function detectForum(lines: readonly Line[]): { start: number; confidence: number } | null {
  const headers: number[] = [];
  let strong = 0;
  let levels = 0;
  for (let i = 0; i < lines.length; i++) {
    if (readLevelLine(lines[i]!.trimmed) !== null) {
      levels++;
      continue;
    }
    // New Reddit's avatar line over a handle ("u/lisbon_mo avatar") is as sure a cue as a "u/" prefix.
    if (AVATAR_LINE.test(lines[i]!.trimmed)) {
      strong++;
      continue;
    }
    const h = forumHeaderAt(lines, i);
    if (h) {
      headers.push(i);
      if (h.strong) strong++;
      i = h.lines[h.lines.length - 1]!;
    }
  }
  if (headers.length === 0 || (strong === 0 && levels === 0)) return null;
  const found = findSectionStart(lines, headers, isOpener, (l) => isForumChrome(l.trimmed) || readLevelLine(l.trimmed) !== null);
  if (!found) {
    if (strong === 0) return null;
    return { start: headers[0]!, confidence: 0.6 };
  }
  let start = found.start;
  // A level line just above the first header belongs to the section.
  while (start > 0 && readLevelLine(lines[start - 1]!.trimmed) !== null) start--;
  return { start, confidence: levels > 0 || strong >= 2 ? 0.95 : 0.75 };
}

/** How a forum section reads its lines; `walkSection` does the rest. */
function forumReader(submission: { submitter: string | null; count: number | null }): SectionReader {
  return {
    declaredCount: submission.count,
    headerAt: forumHeaderAt,
    readMarker: readLevelLine,
    // "[deleted]" inside a post's text is text.
    isRemoved: (t, state) => state.phase !== 'body' && isForumRemoved(t),
    textUnderPlaceholder: false,
    readFooter: readFooterOrVote,
    readChrome(t, state) {
      const count = readForumCount(t);
      return count !== undefined || isForumChrome(t) || (state.between && matchChrome(t) !== undefined) ? { count } : undefined;
    },
    countAfterPosts: true,
    submitter: submission.submitter,
    expectedHeader: 'a header line such as "u/name · 5h"',
    depths(posts, indents, levels) {
      const byLevel = levels.some((l) => l !== null);
      const byIndent = byLevel ? null : depthsFromIndents(indents);
      let lastDepth = -1;
      posts.forEach((p, k) => {
        if (byLevel) {
          // A post without a level line sits under the previous one's level (never deeper than one step).
          const raw = levels[k] ?? null;
          const depth = raw !== null ? Math.max(0, raw - 1) : Math.max(0, lastDepth);
          p.depth = Math.min(depth, lastDepth + 1);
          p.depthCue = 'depth';
        } else if (byIndent) {
          p.depth = byIndent[k]!;
          p.depthCue = 'indent';
        }
        lastDepth = p.depth ?? 0;
      });
    },
  };
}

/**
 * Reddit-like sections: "level N" depth markers and/or indentation, handles with a prefix and an age,
 * OP markers, "[deleted]" / "[removed]" posts, lines of action buttons, and a declared count far larger
 * than the posts present.
 */
export const forumStyle: CommentStyle = {
  name: 'forum',
  detect: detectForum,
  parse: (lines, start) => walkSection(lines, start, forumReader(findSubmitter(lines, start))),
};
