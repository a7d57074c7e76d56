import type { Line } from './lines.js';
import { countedStyle } from './styles/counted.js';
import { forumStyle } from './styles/forum.js';
import { widgetStyle } from './styles/widget.js';
import type { CommentStyle } from './types.js';

/** Comment styles in order of preference when two are equally sure. */
export const COMMENT_STYLES: readonly CommentStyle[] = [countedStyle, widgetStyle, forumStyle];

/** The comment section of the dump: the style that recognises it most surely, or null. */
export function detectSection(lines: readonly Line[], styles: readonly CommentStyle[] = COMMENT_STYLES): { style: CommentStyle; start: number } | null {
  let best: { style: CommentStyle; start: number; confidence: number } | null = null;
  for (const style of styles) {
    const found = style.detect(lines);
    if (found && (!best || found.confidence > best.confidence)) best = { style, ...found };
  }
  return best ? { style: best.style, start: best.start } : null;
}
