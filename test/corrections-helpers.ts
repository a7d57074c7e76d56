import { splitSentences } from '../src/text/sentences.js';
import type { CorrectionPost } from '../src/classify/corrections/index.js';

/** Builds posts from a dump whose comments are "author line, then text lines" (seed 001 style). */
export function postsFromDump(input: string, startMarker: string, authors: ReadonlySet<string>): CorrectionPost[] {
  const posts: CorrectionPost[] = [];
  let at = input.indexOf(startMarker);
  at = at < 0 ? input.length : at + startMarker.length;
  let cur: { author: string; lines: Array<{ span: [number, number]; text: string }> } | null = null;
  const flush = (): void => {
    if (!cur || cur.lines.length === 0) return;
    const text = cur.lines.map((l) => l.text).join('\n');
    posts.push({ id: `p${posts.length + 1}`, text, span: [cur.lines[0]!.span[0], cur.lines[cur.lines.length - 1]!.span[1]], lines: cur.lines, parentId: null, author: cur.author });
  };
  while (at < input.length) {
    let end = input.indexOf('\n', at);
    if (end < 0) end = input.length;
    const line = input.slice(at, end);
    if (authors.has(line.trim())) {
      flush();
      cur = { author: line.trim(), lines: [] };
    } else if (cur && line.trim().length > 0) {
      cur.lines.push({ span: [at, end], text: line });
    }
    at = end + 1;
  }
  flush();
  return posts;
}

/** Article sentences with absolute spans. */
export function articleSentencesOf(input: string, endMarker: string): Array<{ span: [number, number]; text: string }> {
  const end = input.indexOf(endMarker);
  return splitSentences(input.slice(0, end < 0 ? input.length : end)).map((s) => ({ span: [s.span[0], s.span[1]], text: s.text }));
}
