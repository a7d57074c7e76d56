import { matchChrome } from '../chrome-patterns.js';
import { isBlank, type Line } from '../lines.js';
import { isRemovedPlaceholder, isSectionChrome, readCountLine } from '../section-cues.js';
import type { CommentStyle } from '../types.js';
import { countWords, endsWithTerminal } from '../../text/words.js';
import { readBadgeLine, readCommaHeader, readFooter, readNameLine, readReplyLine, readTimeLine, readWidgetHeader } from './header-cues.js';
import { depthsFromIndents, findSectionStart } from './section-shape.js';
import { type FoundHeader, readFooterOrVote, type SectionReader, walkSection } from './walk-section.js';

// Chrome of widget sections that the shared section cues do not cover. Whole trimmed line, linear.
const WIDGET_CHROME = /^(?:(?:join|start) the (?:discussion|conversation)(?:…|\.\.\.|\.)?|(?:login|log in|sign in|sign up|register|logout|log out)(?: with \w{2,20})?|(?:show|view|load|see|hide|read) (?:\d{1,5} )?(?:more |all |previous |new |older |newer |hidden )?(?:replies|reply|comments?|responses)(?: \(\d{1,5}\))?(?:…|\.\.\.)?|\d{1,5} (?:more )?(?:replies|reply|responses)|(?:best|newest|oldest|top|popular|controversial|latest|most (?:liked|recent))|(?:favorite|favourite|subscribe|privacy|(?:disqus'? )?privacy policy|share what you think|(?:best|worst|highest|lowest) rated|terms of (?:use|service)|do not sell my (?:personal )?(?:data|information)|add disqus to your site|disqus|comment policy|community rules|be the first to comment\.?|what do you think\??|commenting has been (?:disabled|closed)\.?|facebook|email|copy link|reactions?|\d{1,5} reactions?)|also on \S.{0,60}|(?:view|read) (?:our|the) (?:comment|community) (?:policy|guidelines)\.?|(?:comments?|replies) (?:are|is) (?:closed|disabled)\.?|(?:\S{1,40} )?avatar|[−+]|(?:comment|name|email|website|e-mail)(?: \*| \(required\))?|(?:post|submit|publish) (?:comment|reply)|cancel reply|your email address will not be published\..{0,80}|save my name, email.{0,120}|notify me of (?:follow-up comments|new posts).{0,60})$/i;

/** A comment-section chrome line of a widget ("Join the discussion…", "Show 3 more replies", "Newest"). */
export function isWidgetChrome(trimmed: string): boolean {
  if (trimmed.length > 100) return false;
  return WIDGET_CHROME.test(trimmed) || isSectionChrome(trimmed) || readCountLine(trimmed) !== undefined;
}

/** The post header starting at line `i`, if any. */
export function headerAt(lines: readonly Line[], i: number): FoundHeader | null {
  const line = lines[i];
  if (!line || isBlank(line)) return null;
  const one = readWidgetHeader(line) ?? readCommaHeader(line);
  if (one) return { ...one, lines: [i] };
  // Two lines: "Maria Keller" / "3 hours ago" (a lone "•" line may sit between).
  const name = readNameLine(line);
  // A button or chrome line ("Flag", "Avatar", "Sort by Popular") is never the name over a time line.
  if (!name || isWidgetChrome(line.trimmed) || readFooter(line) !== undefined) return null;
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
  const time = timeLine && timeLine.indent === line.indent ? readTimeLine(timeLine) : null;
  if (time !== null) return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: time, replyTo: null, points: null, lines: range(i, k) };
  if (!followsBreak(lines, i)) return null;
  // A name over one or two lines that say where the poster is or what they are ("Ann Arbor, MI",
  // "Writer"), then the time: "Harold B." / "Ann Arbor, MI" / "Nov. 19".
  let isOP = name.isOP;
  for (let m = i + 1; m <= i + 2; m++) {
    const meta = lines[m];
    if (!meta || meta.indent !== line.indent || !isMetaLine(meta)) break;
    if (readBadgeLine(meta.trimmed)?.isOP) isOP = true;
    const under = lines[m + 1];
    const at = under && under.indent === line.indent ? readTimeLine(under) : null;
    if (at !== null) return { author: name.author, authorSpan: name.authorSpan, isOP, timestamp: at, replyTo: null, points: null, lines: range(i, m + 1) };
  }
  // A name right over a placeholder ("Anonymous" / "This comment has been removed …"): the removed post's author.
  const next = lines[i + 1];
  if (next && next.indent === line.indent && isRemovedPlaceholder(next.trimmed)) {
    return { author: name.author, authorSpan: name.authorSpan, isOP: name.isOP, timestamp: null, replyTo: null, points: null, lines: [i] };
  }
  return null;
}

/** Line indices from `a` to `b`, both included. */
function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let n = a; n <= b; n++) out.push(n);
  return out;
}

/** A short line under a name that tells where the poster is or what they are ("Ann Arbor, MI", "Writer"). */
function isMetaLine(line: Line): boolean {
  const t = line.trimmed;
  if (t.length === 0 || t.length > 40 || t.startsWith('@') || endsWithTerminal(t) || countWords(t, 6) > 5) return false;
  return readFooter(line) === undefined && readTimeLine(line) === null && !isWidgetChrome(t) && !isRemovedPlaceholder(t);
}

/** True when the line before `i` ends a post or the page chrome: blank, a footer, chrome or a section opener. */
function followsBreak(lines: readonly Line[], i: number): boolean {
  const before = lines[i - 1];
  if (!before || isBlank(before)) return true;
  const t = before.trimmed;
  return readFooter(before) !== undefined || isWidgetChrome(t) || isSectionChrome(t) || readCountLine(t) !== undefined || isRemovedPlaceholder(t);
}

const SECTION_OPENERS = /^(?:(?:join|start) the (?:discussion|conversation)(?:…|\.\.\.|\.)?|sort(?:ed)? by\b.{0,30}|(?:login|log in|sign in) to (?:comment|reply)\b.{0,30})$/i;

/** Lines that open a widget section: "143 comments", "Join the discussion…", "Sort by Best". */
function isOpener(trimmed: string): boolean {
  // "6 replies" under a post counts its replies: it opens nothing.
  if (readCountLine(trimmed) !== undefined && !/repl/i.test(trimmed)) return true;
  return trimmed.length <= 60 && SECTION_OPENERS.test(trimmed);
}

/** Widget headers, footers and openers: the section starts at the opener that leads into the posts. */
function detectWidget(lines: readonly Line[]): { start: number; confidence: number } | null {
  const headers: number[] = [];
  let footers = 0;
  let oneLine = false;
  for (let i = 0; i < lines.length; i++) {
    const h = headerAt(lines, i);
    if (h) {
      headers.push(i);
      if (h.lines.length === 1) oneLine = true;
      i = h.lines[h.lines.length - 1]!;
    } else if (readFooter(lines[i]!)) footers++;
  }
  const found = findSectionStart(lines, headers, isOpener, (l) => isWidgetChrome(l.trimmed) || readFooter(l) !== undefined || isRemovedPlaceholder(l.trimmed) || readReplyLine(l) !== null);
  if (!found) return null;
  // Bare names over time lines with no footer anywhere read the same as the counted layout, which is
  // the simpler reading and wins the tie.
  if (footers === 0 && !oneLine) return { start: found.start, confidence: 0.5 };
  if (found.opener) return { start: found.start, confidence: footers > 0 ? 0.9 : 0.8 };
  return { start: found.start, confidence: footers > 0 ? 0.7 : 0.55 };
}

/** How a widget section reads its lines; `walkSection` does the rest. */
const widgetReader: SectionReader = {
  headerAt,
  isRemoved: (t) => isRemovedPlaceholder(t),
  textUnderPlaceholder: true,
  readFooter: readFooterOrVote,
  readChrome(t, state) {
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
 * Disqus-like sections: a header line per post with the name and a time, body lines, a footer of buttons
 * and counts; replies shown by indentation and/or a "Replying to X" line; placeholders for removed posts.
 */
export const widgetStyle: CommentStyle = {
  name: 'widget',
  detect: detectWidget,
  parse: (lines, start) => walkSection(lines, start, widgetReader),
};
