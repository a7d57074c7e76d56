/** One physical line of the analysed text. */
export interface Line {
  /** 0-based line number. */
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character before the line terminator. */
  end: number;
  /** Offset of the next line (past "\n", "\r\n" or "\r"). */
  next: number;
  /** The line without its terminator. */
  text: string;
  /** Offset of the first non-space character (== end for a blank line). */
  contentStart: number;
  /** Offset just past the last non-space character (== contentStart for a blank line). */
  contentEnd: number;
  /** The line without leading and trailing white space. */
  trimmed: string;
  /** Width of the leading white space, a tab counting 4. */
  indent: number;
  /**
   * The line's fields, filled by the first `splitFields(line)` of a parse: the header, footer and time readers
   * all ask for them, several times a line. Read-only once set.
   */
  fields?: readonly Field[];
}

/**
 * A white-space separated field of a header or footer line ("Maria", "•", "3h", "ago"), with absolute offsets.
 * Not a word token: the readers of dump layouts match whole fields, so words are read by src/text/tokenize.ts.
 */
export interface Field {
  text: string;
  start: number;
  end: number;
}

/**
 * White space of a line: space, tab, NBSP, BOM, vertical tab, form feed, ideographic space, zero-width space, and
 * (session 44) the left-to-right and right-to-left marks (U+200E, U+200F): invisible, a page prints them around a date
 * (`\u200e12-04-2026 07:51 AM`) or a name, and at a line's edge they are no part of what the line says.
 */
export function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 11 || c === 12 || c === 0x3000 || c === 0x200b || c === 0x200e || c === 0x200f;
}

/** A direction mark (U+200E, U+200F): blank at a line's edge, but no indentation. */
const isDirectionMark = (c: number): boolean => c === 0x200e || c === 0x200f;

/** A thread-guide bar of a reader app's nested replies: "│" (U+2502) or "┃" (U+2503). */
function isGuideBar(c: number): boolean {
  return c === 0x2502 || c === 0x2503;
}

/** Splits the text into lines on "\n", "\r\n" and lone "\r"; the lines tile the text. Linear. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  let start = 0;
  let index = 0;
  while (start < n || (start === n && index === 0 && n === 0)) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    let next = end;
    if (next < n) {
      next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1;
    }
    let cs = start;
    let indent = 0;
    for (;;) {
      while (cs < end && isBlankChar(text.charCodeAt(cs))) {
        indent += text.charCodeAt(cs) === 9 ? 4 : isDirectionMark(text.charCodeAt(cs)) ? 0 : 1;
        cs++;
      }
      // A reader app's thread guide ("│ │ reply"): a box-drawing bar followed by white space or the line's end
      // is one more level of leading indentation, not text (a bar and its space count 4, as four spaces would).
      if (cs < end && isGuideBar(text.charCodeAt(cs)) && (cs + 1 === end || isBlankChar(text.charCodeAt(cs + 1)))) {
        indent += 3;
        cs++;
        continue;
      }
      break;
    }
    let ce = end;
    while (ce > cs && isBlankChar(text.charCodeAt(ce - 1))) ce--;
    lines.push({
      index,
      start,
      end,
      next,
      text: text.slice(start, end),
      contentStart: cs,
      contentEnd: ce,
      trimmed: text.slice(cs, ce),
      indent,
    });
    index++;
    if (n === 0) break;
    start = next;
  }
  return lines;
}

/** True when the line holds nothing but white space. */
export function isBlank(line: Line): boolean {
  return line.contentStart === line.contentEnd;
}
