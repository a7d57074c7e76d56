import type { Line } from './lines.js';
import { countedStyle } from './styles/counted.js';
import { forumStyle } from './styles/forum.js';
import { mailStyle } from './styles/mail.js';
import { qaStyle } from './styles/qa.js';
import { chatStyle } from './styles/chat.js';
import { footerBylineStyle } from './styles/footer-byline.js';
import { trailingSignatureStyle } from './styles/trailing-signature.js';
import { widgetStyle } from './styles/widget.js';
import type { CommentStyle, SectionFound } from './types.js';

/** Comment styles in order of preference when two are equally sure. */
export const COMMENT_STYLES: readonly CommentStyle[] = [countedStyle, widgetStyle, forumStyle, mailStyle, qaStyle, chatStyle, footerBylineStyle, trailingSignatureStyle];

/**
 * The comment section of the dump: the style that recognises it most surely, or null. Two styles about as
 * sure of themselves are told apart by their readings when the surer one leaves most of its posts without a
 * header: the one whose posts carry more header structure (a name with a time) explains more of the
 * section, and wins.
 */
export function detectSection(lines: readonly Line[], styles: readonly CommentStyle[] = COMMENT_STYLES, text?: string): ({ style: CommentStyle } & Omit<SectionFound, 'confidence'>) | null {
  const found: Array<{ style: CommentStyle } & SectionFound> = [];
  for (const style of styles) {
    const d = style.detect(lines);
    if (d) found.push({ style, ...d });
  }
  if (found.length === 0) return null;
  let best = found[0]!;
  for (const f of found) if (f.confidence > best.confidence) best = f;
  const close = found.filter((f) => best.confidence - f.confidence < 0.15);
  // Only a reading that leaves most posts without a header is questioned.
  if (close.length > 1 && text !== undefined && structuredShare(best.style, lines, best.start, text) < 0.5) {
    let top = -1;
    for (const f of close) {
      const score = f.confidence + 0.3 * structuredShare(f.style, lines, f.start, text);
      if (score > top + 1e-9) {
        top = score;
        best = f;
      }
    }
  }
  // A reading that leaves the dump's indentation unexplained loses to a close one that reads it as nesting (two
  // replies or more indented under their posts) with as many posts headed by a name and a time.
  if (close.length > 1 && text !== undefined && nestedPosts(best.style, lines, best.start, text).nested === 0) {
    const own = nestedPosts(best.style, lines, best.start, text).structured;
    for (const f of close) {
      if (f === best) continue;
      const other = nestedPosts(f.style, lines, f.start, text);
      if (other.nested >= 2 && other.structured >= own) {
        best = f;
        break;
      }
    }
  }
  return best.article ? { style: best.style, start: best.start, article: best.article } : { style: best.style, start: best.start };
}

/** Share of the posts a style reads from `start` that have a name and a time: how much of the section its headers explain. */
function structuredShare(style: CommentStyle, lines: readonly Line[], start: number, text: string): number {
  try {
    const posts = style.parse(lines, start, text).posts;
    if (posts.length === 0) return 0;
    return posts.filter((p) => p.author !== null && p.timestamp !== null).length / posts.length;
  } catch {
    return 0;
  }
}

/** Posts a style reads from `start` that the dump indents as replies, and those with a name and a time. */
function nestedPosts(style: CommentStyle, lines: readonly Line[], start: number, text: string): { nested: number; structured: number } {
  try {
    const posts = style.parse(lines, start, text).posts;
    return { nested: posts.filter((p) => p.depth !== null && p.depth > 0).length, structured: posts.filter((p) => p.author !== null && p.timestamp !== null).length };
  } catch {
    return { nested: 0, structured: 0 };
  }
}
