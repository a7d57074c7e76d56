import type { Message } from '../../schema/common.js';
import type { Line } from '../lines.js';
import { readCountLine } from '../section-cues.js';

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
 * An info message when the declared count ("842 comments") differs from the posts found: a partial dump
 * (or a count that includes replies hidden behind "load more"). The count is a hint, never forced.
 */
export function declaredCountMessage(
  declared: number | null,
  found: number,
  lines: readonly Line[],
  start: number,
  read: (trimmed: string) => number | null | undefined = readCountLine,
): Message | null {
  if (declared === null || declared === found) return null;
  let place: [number, number] | null = null;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i]!;
    if (read(l.trimmed) === declared) {
      place = [l.contentStart, l.contentEnd];
      break;
    }
  }
  return {
    ruleId: 'thread/declared-count-mismatch',
    severity: 'info',
    place,
    reason:
      declared > found
        ? `The dump declares ${declared} comments but shows ${found}: it is probably a partial dump.`
        : `The dump declares ${declared} comments but shows ${found}.`,
    actual: String(found),
    expected: String(declared),
  };
}

/**
 * Where a comment section starts, given the line indices of its post headers: the last opener line
 * ("143 comments", "Sort by Best") that only chrome separates from a header and that has all headers
 * but at most one (an article byline "Jane Doe • 3 hours ago") after it, extended back over the opening
 * chrome above it. Without such an opener, the first header when there are two or more; else null.
 */
export function findSectionStart(
  lines: readonly Line[],
  headers: readonly number[],
  isOpener: (trimmed: string) => boolean,
  isChrome: (line: Line) => boolean,
): { start: number; opener: boolean } | null {
  if (headers.length === 0) return null;
  let h = headers.length - 1;
  for (let i = lines.length - 1; i >= 0; i--) {
    while (h >= 0 && headers[h]! > i) h--;
    const after = headers.length - 1 - h;
    if (after === 0 || after < headers.length - 1 || !isOpener(lines[i]!.trimmed)) continue;
    const next = headers[h + 1]!;
    let clean = true;
    for (let k = i + 1; k < next && clean; k++) {
      const l = lines[k]!;
      if (l.trimmed !== '' && !isOpener(l.trimmed) && !isChrome(l)) clean = false;
    }
    if (!clean) continue;
    let start = i;
    for (let k = i - 1; k >= 0; k--) {
      const l = lines[k]!;
      if (l.trimmed === '') continue;
      if (isOpener(l.trimmed) || isChrome(l)) start = k;
      else break;
    }
    return { start, opener: true };
  }
  return headers.length >= 2 ? { start: headers[0]!, opener: false } : null;
}
