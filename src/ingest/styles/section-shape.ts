import type { Message } from '../../schema/common.js';
import type { Line } from '../lines.js';
import { readCountLine } from '../section-cues.js';
import { countWords, endsWithTerminal } from '../../text/words.js';

/**
 * Depths from the indentation of each post's first line, or null when every post sits at the same indent
 * (the dump shows no nesting). A post is one deeper than the nearest earlier post indented less, so a
 * depth never jumps by more than one.
 */
export function depthsFromIndents(indents: readonly number[]): number[] | null {
  if (indents.length === 0 || indents.every((x) => x === indents[0])) return null;
  const stack: number[] = [];
  return indents.map((indent) => {
    while (stack.length > 0 && stack[stack.length - 1]! >= indent) stack.pop();
    const depth = stack.length;
    stack.push(indent);
    return depth;
  });
}

/**
 * Where a comment section starts, given the line indices of its post headers: the last opener line
 * ("143 comments", "Sort by Best") that only chrome separates from a header and that has all headers
 * but at most one (an article byline "Jane Doe • 3 hours ago") after it, extended back over the opening
 * chrome above it. Without such an opener, the first header when there are two or more; else null.
 * A line that `countOpener` reads as a count opens the section too when its figure is at least the number of
 * headers after it (a page counts every comment, and shows at most that many).
 */
export function findSectionStart(
  lines: readonly Line[],
  headers: readonly number[],
  isOpener: (trimmed: string) => boolean,
  isChrome: (line: Line) => boolean,
  countOpener?: (trimmed: string) => number | null,
): { start: number; opener: boolean } | null {
  if (headers.length === 0) return null;
  // An opener right over the first header ("Best rated" / "View all" / the first post): then a later one that leaves
  // that header above it ("Click to rate", "▲ 412" in the first post's footer) is the post's own, and opens nothing.
  const openerOverFirst = openerRightAbove(lines, headers[0]!, isOpener, isChrome);
  const rows = countOpener ? repeatedCountRows(lines, countOpener) : new Set<number>();
  let h = headers.length - 1;
  for (let i = lines.length - 1; i >= 0; i--) {
    while (h >= 0 && headers[h]! > i) h--;
    const after = headers.length - 1 - h;
    if (after === 0) continue;
    // (Not a footer's count: "12 Reply" under the first post.)
    // (Session 44: nor a count row the page prints under its posts, `14 Kudos` three times and more: `repeatedCountRows`.)
    const counted = countOpener && !isChrome(lines[i]!) && !rows.has(i) ? countOpener(lines[i]!.trimmed) : null;
    // "Comments (18)" over eighteen headers (one more or fewer: a removed comment counted or not): the page's own count
    // opens the section whatever header-like lines stand above it (a masthead over the date, the story's byline over
    // its time; session 26). Otherwise at most one header may stand above the opener.
    // (Not a footer's button count either, "Thank (6)" over the last six posts, unless it counts comments; session 34.)
    const button = isChrome(lines[i]!) && readCountLine(lines[i]!.trimmed) === undefined;
    const declared = after >= 5 && countOpener && !button && !rows.has(i) ? countOpener(lines[i]!.trimmed) : null;
    const countsBelow = declared !== null && declared !== undefined && Math.abs(declared - after) <= 1;
    if (after < headers.length - 1 && !countsBelow) continue;
    // (The page's count over its headers wins over an opener above the first one, a tab row's `Comments` over the project
    // update's headline and date; session 27.)
    // (Only a count line that is an opener itself: "12 Recommend" in a footer counts no comments.)
    if (after < headers.length && openerOverFirst && !(countsBelow && isOpener(lines[i]!.trimmed))) continue;
    if (!isOpener(lines[i]!.trimmed) && !(counted !== null && counted >= after) && !countsBelow) continue;
    const next = headers[h + 1]!;
    // Only chrome, and a few short labels ("All", "Reader Picks"), may stand between the opener and the posts. Under
    // the page's own count of the posts below, the labels the walk keeps out of posts too (four words at most: "Log
    // In/Create an Account"; a row's "Comments Filter:"), as many as may stand over it (eight): a filter row
    // ("Comments Filter:" / "All" / "Insightful" / "Informative" / "Interesting" / "Funny") is one label a line
    // (session 30b).
    const labelsAllowed = countsBelow ? 8 : 4;
    let clean = true;
    let labels = 0;
    for (let k = i + 1; k < next && clean; k++) {
      const l = lines[k]!;
      if (l.trimmed === '' || isOpener(l.trimmed) || isChrome(l)) continue;
      if ((isShortLabel(l.trimmed) || isItemRow(l.trimmed) || (countsBelow && (isStrayLabel(l.trimmed) || isRowLabel(l.trimmed)))) && ++labels <= labelsAllowed) continue;
      clean = false;
    }
    if (!clean) continue;
    let start = i;
    let k = i - 1;
    for (; k >= 0; k--) {
      const l = lines[k]!;
      if (l.trimmed === '') continue;
      if (isOpener(l.trimmed) || isChrome(l)) start = k;
      else break;
    }
    // "9 Comments" over a few buttons and labels of the widget ("The Coastal Courier", "Login", "1",
    // "Recommend"): the count line still opens the section.
    let short = 0;
    for (; k >= 0 && short <= 8; k--) {
      const l = lines[k]!;
      if (l.trimmed === '') continue;
      if (readCountLine(l.trimmed) !== undefined && isOpener(l.trimmed)) {
        start = k;
        break;
      }
      // ("Share what you think", "Best rated": the widget's own chrome, however many words, is one of its buttons.)
      if (!isShortLabel(l.trimmed) && !isChrome(l)) break;
      short++;
    }
    return { start, opener: true };
  }
  return headers.length >= 2 ? { start: headers[0]!, opener: false } : null;
}

/**
 * (Session 44) The count lines (`countOpener` reads a figure) whose shape, figures aside, the page prints three times or
 * more (`14 Kudos`, `9 Kudos`, `3 Kudos` under the posts): a row of the posts' footers, never the page's count of them.
 */
function repeatedCountRows(lines: readonly Line[], countOpener: (trimmed: string) => number | null): Set<number> {
  const byShape = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l.trimmed === '' || countOpener(l.trimmed) === null) return;
    const shape = l.trimmed.replace(/\d+/gu, '#');
    const at = byShape.get(shape) ?? [];
    at.push(i);
    byShape.set(shape, at);
  });
  const rows = new Set<number>();
  for (const at of byShape.values()) if (at.length >= 3) for (const i of at) rows.add(i);
  return rows;
}

/** Whether an opener stands over line `header` with only blank lines, chrome and up to four short labels between. */
function openerRightAbove(lines: readonly Line[], header: number, isOpener: (trimmed: string) => boolean, isChrome: (line: Line) => boolean): boolean {
  let labels = 0;
  for (let k = header - 1; k >= 0; k--) {
    const l = lines[k]!;
    if (l.trimmed === '') continue;
    if (isOpener(l.trimmed)) return true;
    if (isChrome(l)) continue;
    if ((isShortLabel(l.trimmed) || isItemRow(l.trimmed)) && ++labels <= 4) continue;
    return false;
  }
  return false;
}

// "12 komentar", "Ý kiến (11)", "Počet příspěvků: 11", "12 תגובות": a count of comments in whatever language, one or
// two words and one figure (before them, or after them in brackets or after a colon).
const ANY_COUNT_LINE = /^(?:(\d{1,6}) \p{L}[\p{L}\p{M}]{2,15}(?: \p{L}[\p{L}\p{M}]{1,15})?|\p{L}[\p{L}\p{M}]{0,15}(?: \p{L}[\p{L}\p{M}]{1,15})?(?: \((\d{1,6})\)|: (\d{1,6})))$/u;

/** The figure of a count line in any language ("12 komentar", "Ý kiến (11)"), else null. */
export function readAnyCountLine(trimmed: string): number | null {
  const m = trimmed.length <= 40 ? ANY_COUNT_LINE.exec(trimmed) : null;
  return m ? Number(m[1] ?? m[2] ?? m[3]) : null;
}

/**
 * "Seřadit: podle vláken | nejnovější | nejlépe hodnocené": a row of three or more short items (one to three words)
 * set apart by " | " or " · ", maybe after a label with its colon: the section's sort or tab links.
 */
export function isItemRow(trimmed: string): boolean {
  if (trimmed.length > 100) return false;
  const items = trimmed.replace(/^\p{L}{2,20}: /u, '').split(/ [|·] /);
  return items.length >= 3 && items.every((x) => x.length > 0 && x.length <= 30 && countWords(x, 4) <= 3 && !endsWithTerminal(x));
}

/** "Comments Filter:", "Score:": a short label naming the row of options under it. */
export function isRowLabel(trimmed: string): boolean {
  return trimmed.length <= 30 && trimmed.endsWith(':') && countWords(trimmed, 4) <= 3 && !endsWithTerminal(trimmed.slice(0, -1));
}

/** A line of at most three words without sentence punctuation: a button or label of the page. */
function isShortLabel(trimmed: string): boolean {
  return trimmed.length <= 30 && countWords(trimmed, 4) <= 3 && !endsWithTerminal(trimmed);
}

/**
 * A short line without sentence punctuation ("Posting rules", "Community") met between posts with no
 * header above it: page chrome rather than a post by an unknown author.
 */
export function isStrayLabel(trimmed: string): boolean {
  return countWords(trimmed, 5) <= 4 && !endsWithTerminal(trimmed) && !trimmed.startsWith('@');
}

/** The message for text met in a comment section with no post header above it. */
export function postWithoutHeader(line: Line, expectedHeader: string): Message {
  const t = line.trimmed;
  return {
    ruleId: 'ingest/post-without-header',
    severity: 'warning',
    place: [line.contentStart, line.contentEnd],
    reason: 'Text in the comment section without a post header before it was read as a post by an unknown author.',
    actual: t.length > 60 ? `${t.slice(0, 60)}…` : t,
    expected: expectedHeader,
  };
}
