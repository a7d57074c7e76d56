/**
 * A forum topic or a thread whose first post carries the article as a quotation ("Posting this for
 * discussion…" over "> Museum to return 17 sculptures…" / "> By … | …"): when the page above the section
 * has no article of its own, the quoted story is the article and the first post is not a comment.
 */
import type { ArticleSegmentation } from './article.js';
import { isBlank, type Line } from './lines.js';
import type { SectionParse } from './types.js';
import { countWords } from '../text/words.js';

/** Where the opening post's quoted article stands, and the first line of the comments after it; null when none. */
export function findQuotedArticle(
  lines: readonly Line[],
  article: ArticleSegmentation,
  parsed: SectionParse,
): { quoted: Set<number>; next: number } | null {
  if (parsed.posts.length < 3) return null;
  const prose = article.blocks.filter((b) => b.kind === 'paragraph' && countWords(b.text, 12) >= 12).length;
  if (prose >= 2) return null;
  let first = -1;
  let last = -1;
  let next = -1;
  for (const [line, post] of parsed.linePost) {
    if (post === 0) {
      if (first < 0 || line < first) first = line;
      if (line > last) last = line;
    } else if (post === 1 && (next < 0 || line < next)) next = line;
  }
  if (first < 0 || next <= last) return null;
  const quoted = new Set<number>();
  let long = 0;
  for (let k = first; k <= last; k++) {
    const t = lines[k]!.trimmed;
    if (!t.startsWith('>')) continue;
    quoted.add(k);
    if (countWords(t, 12) >= 12) long++;
  }
  return long >= 3 ? { quoted, next } : null;
}

/** The lines with the quote marks of `quoted` lines taken off ("> The museum…" → "The museum…"), offsets kept. */
export function unquoteLines(lines: readonly Line[], quoted: ReadonlySet<number>): Line[] {
  return lines.map((l) => {
    if (!quoted.has(l.index)) return l;
    let j = l.contentStart - l.start;
    while (j < l.text.length && (l.text[j] === '>' || l.text[j] === ' ')) j++;
    const contentStart = Math.min(l.start + j, l.contentEnd);
    const copy: Line = { index: l.index, start: l.start, end: l.end, next: l.next, text: l.text, contentStart, contentEnd: l.contentEnd, trimmed: l.text.slice(contentStart - l.start, l.contentEnd - l.start), indent: l.indent };
    return isBlank(copy) ? { ...copy, contentStart: l.contentEnd } : copy;
  });
}
