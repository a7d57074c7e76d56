import type { Span } from '../../schema/common.js';
import type { Post } from '../../schema/document.js';
import { escapeHtml } from './escape.js';

/** A run of text to wrap in `<mark>`; offsets are local to the string being rendered. */
export interface Mark {
  start: number;
  end: number;
  className: string;
  /** Tooltip. */
  title?: string;
  /** Anchor id, set on the first piece of the mark. */
  id?: string;
  /** Trusted HTML written right after the mark ends (links to the posts behind it). */
  after?: string;
}

/**
 * Renders `text` escaped, with every mark wrapped in `<mark class=...>`. Overlapping marks are split into
 * nested pieces, so any set of spans renders as well-formed HTML. Marks outside the text are clamped;
 * empty marks are dropped.
 */
export function highlight(text: string, marks: readonly Mark[]): string {
  const ok = marks
    .map((m) => ({ ...m, start: Math.max(0, Math.min(m.start, text.length)), end: Math.max(0, Math.min(m.end, text.length)) }))
    .filter((m) => m.end > m.start)
    // Outer marks first: earlier start, then longer.
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (ok.length === 0) return escapeHtml(text);
  const cuts = [...new Set([0, text.length, ...ok.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const opened = new Set<Mark>();
  let html = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const active = ok.filter((m) => m.start <= from && m.end >= to);
    let piece = escapeHtml(text.slice(from, to));
    for (let k = active.length - 1; k >= 0; k--) {
      const m = active[k]!;
      const first = !opened.has(m);
      opened.add(m);
      const attrs = [`class="${escapeHtml(m.className)}"`];
      if (first && m.id) attrs.push(`id="${escapeHtml(m.id)}"`);
      if (m.title) attrs.push(`title="${escapeHtml(m.title)}"`);
      piece = `<mark ${attrs.join(' ')}>${piece}</mark>`;
    }
    html += piece;
    for (const m of ok) if (m.end === to && m.after) html += m.after;
  }
  return html;
}

/** Moves a span of the analysed text into `[start, end)` of a block whose text is `slice(blockSpan)`. */
export function toBlockLocal(span: Span, blockSpan: Span): [number, number] | null {
  const start = Math.max(span[0], blockSpan[0]);
  const end = Math.min(span[1], blockSpan[1]);
  return end > start ? [start - blockSpan[0], end - blockSpan[0]] : null;
}

/**
 * Maps spans of the analysed text into offsets of `post.text` (its lines joined by "\n"), or returns null
 * when the post's lines do not rebuild its text (then the post is shown without marks).
 */
export function postLocalMapper(post: Post): ((span: Span) => [number, number] | null) | null {
  const starts: number[] = [];
  let at = 0;
  for (const line of post.lines) {
    starts.push(at);
    at += line.text.length + 1;
  }
  if (post.lines.map((l) => l.text).join('\n') !== post.text) return null;
  return (span) => {
    let start = -1;
    let end = -1;
    post.lines.forEach((line, i) => {
      const s = Math.max(span[0], line.span[0]);
      const e = Math.min(span[1], line.span[1]);
      if (e < s || (e === s && span[1] > span[0])) return;
      if (start < 0) start = starts[i]! + (s - line.span[0]);
      end = starts[i]! + (e - line.span[0]);
    });
    return start >= 0 && end > start ? [start, end] : null;
  };
}
