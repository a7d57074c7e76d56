/**
 * Styles a caller registers through `parse(input, { styles: [...] })`: a post header described by one
 * regex with named groups, read by the same loop as the built-in widget and forum layouts.
 */
import type { Span } from '../../schema/common.js';
import { isBlank, type Line } from '../lines.js';
import { isRemovedPlaceholder, readCountLine } from '../section-cues.js';
import type { CommentStyle } from '../types.js';
import { readFooter } from './header-cues.js';
import { depthsFromIndents } from './section-shape.js';
import { type FoundHeader, type SectionReader, walkSection } from './walk-section.js';
import { isWidgetChrome } from './widget.js';

/**
 * A comment layout of the caller's own: one header line per post, matched by `header` against the trimmed
 * line. `header` must have a named group `author`; `time` and `replyTo` ("↪ Maria" on the header) are read
 * when present. Lines matching `footer` close a post (built-in footers such as "Reply · 3 likes" do too);
 * lines matching `chrome` are kept out of posts. Depth comes from indentation.
 */
export interface StyleDefinition {
  /** A name for the layout, shown in the `ingest/custom-style` message. */
  name: string;
  /** The post header, tested against each trimmed line; named groups `author` (required), `time`, `replyTo`. */
  header: RegExp;
  /** Footer lines that close a post ("Like · Reply"). Default: the built-in footer reader only. */
  footer?: RegExp;
  /** Chrome lines of the section to keep out of posts. Default: the built-in widget chrome only. */
  chrome?: RegExp;
}

/** Where a named group of `m` stands in `text` (from the `d` flag's indices, else the first occurrence after the match start). */
function groupSpan(m: RegExpExecArray, group: string, base: number): Span | null {
  const value = m.groups?.[group];
  if (value === undefined || value.length === 0) return null;
  const at = m.indices?.groups?.[group];
  if (at) return [base + at[0], base + at[1]];
  const from = m[0].indexOf(value);
  const s = base + m.index + Math.max(0, from);
  return [s, s + value.length];
}

/** Tests a whole trimmed line (a global or sticky regex would keep state between calls: a copy without them is used). */
function fresh(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
}

/** Builds a comment style from a caller's definition. */
export function compileStyle(def: StyleDefinition): CommentStyle {
  const header = fresh(def.header);
  const footer = def.footer ? fresh(def.footer) : null;
  const chrome = def.chrome ? fresh(def.chrome) : null;
  const headerAt = (lines: readonly Line[], i: number): FoundHeader | null => {
    const line = lines[i];
    if (!line || isBlank(line) || line.trimmed.length > 400) return null;
    const m = header.exec(line.trimmed);
    const author = m?.groups?.author;
    if (!m || author === undefined || author.trim().length === 0) return null;
    const authorSpan = groupSpan(m, 'author', line.contentStart)!;
    const replySpan = groupSpan(m, 'replyTo', line.contentStart);
    return {
      author: line.text.slice(authorSpan[0] - line.start, authorSpan[1] - line.start),
      authorSpan,
      timestamp: m.groups?.time ?? null,
      isOP: false,
      replyTo: replySpan ? { name: m.groups!.replyTo!, span: replySpan } : null,
      points: null,
      lines: [i],
    };
  };
  const reader: SectionReader = {
    headerAt,
    isRemoved: (t) => isRemovedPlaceholder(t),
    textUnderPlaceholder: true,
    readFooter: (line) => (footer && line.trimmed.length <= 400 && footer.test(line.trimmed) ? { likes: null } : readFooter(line)),
    readChrome(t, state) {
      const count = readCountLine(t);
      if (chrome && t.length <= 400 && chrome.test(t)) return { count };
      const built = state.phase === 'body' ? isWidgetChrome(t) && count === undefined : isWidgetChrome(t);
      return built ? { count } : undefined;
    },
    countAfterPosts: false,
    expectedHeader: `a header matching the "${def.name}" style`,
    depths(posts, indents) {
      const depths = depthsFromIndents(indents);
      posts.forEach((p, k) => {
        p.depth = depths ? depths[k]! : null;
        p.depthCue = depths ? 'indent' : null;
      });
    },
  };
  return {
    name: 'custom',
    detect(lines) {
      let first = -1;
      let count = 0;
      for (let i = 0; i < lines.length; i++) {
        if (headerAt(lines, i)) {
          if (first < 0) first = i;
          count++;
        }
      }
      if (count < 2) return null;
      // A count line or chrome just above the first header opens the section with it.
      let start = first;
      for (let k = first - 1; k >= 0 && k >= first - 4; k--) {
        const t = lines[k]!.trimmed;
        if (t === '') continue;
        if (readCountLine(t) !== undefined || isWidgetChrome(t) || (chrome !== null && chrome.test(t))) start = k;
        else break;
      }
      // The caller's word beats every built-in guess.
      return { start, confidence: 1 };
    },
    // "Replying to X" under a header works as in the built-in layouts (walkSection reads it).
    parse: (lines, start) => {
      const parsed = walkSection(lines, start, reader);
      parsed.messages.unshift({ ruleId: 'ingest/custom-style', severity: 'info', place: null, reason: `The comment section was read with the caller's "${def.name}" style.` });
      return parsed;
    },
  };
}
