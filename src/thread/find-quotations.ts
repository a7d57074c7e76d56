import type { Span } from '../schema/common.js';
import type { Sentence } from '../schema/common.js';
import type { ThreadPost } from './build-posts.js';

const MAX_QUOTES_PER_POST = 20;

/** Text between matching quote marks in a line, 3+ words long. */
function quotedRuns(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const pairs: Record<string, string> = { '"': '"', '\u201c': '\u201d', '\u00ab': '\u00bb' };
  let i = 0;
  while (i < text.length && out.length < MAX_QUOTES_PER_POST) {
    const close = pairs[text[i]!];
    if (close === undefined) {
      i++;
      continue;
    }
    const end = text.indexOf(close, i + 1);
    if (end < 0) break;
    const inner = text.slice(i + 1, end);
    if (inner.split(' ').length >= 2) out.push({ start: i + 1, end });
    i = end + 1;
  }
  return out;
}

/**
 * Fills `quotations`: a post sentence repeating an earlier post's sentence, or quoted words ("...") found
 * in the article or in an earlier post. Bounded work per post.
 */
export function findQuotations(posts: ThreadPost[], articleSentences: readonly Sentence[], analysed: string): void {
  const earlier = new Map<string, { postId: string; span: Span }>();
  for (const post of posts) {
    const found: ThreadPost['quotations'] = [];
    const seen = new Set<number>();
    for (const s of post.sentences) {
      const hit = earlier.get(s.text);
      if (hit && s.text.split(' ').length >= 6 && found.length < MAX_QUOTES_PER_POST) {
        found.push({ span: s.span, text: s.text, source: { kind: 'post', postId: hit.postId, span: hit.span } });
        seen.add(s.span[0]);
      }
    }
    for (const line of post.lines) {
      for (const run of quotedRuns(line.text)) {
        if (found.length >= MAX_QUOTES_PER_POST) break;
        const inner = line.text.slice(run.start, run.end);
        const span: Span = [line.span[0] + run.start, line.span[0] + run.end];
        if (seen.has(span[0])) continue;
        const source = locate(inner, articleSentences, analysed);
        if (source) found.push({ span, text: inner, source: { kind: 'article', span: source } });
      }
    }
    post.quotations = found;
    for (const s of post.sentences) if (!earlier.has(s.text)) earlier.set(s.text, { postId: post.id, span: s.span });
  }
}

/** Where the article says `words` (case-insensitive), within one sentence. */
function locate(words: string, sentences: readonly Sentence[], analysed: string): Span | null {
  const needle = words.toLowerCase();
  if (needle.length < 8) return null;
  for (const s of sentences.length > 2000 ? sentences.slice(0, 2000) : sentences) {
    const at = s.text.toLowerCase().indexOf(needle);
    if (at >= 0) {
      const start = s.span[0] + at;
      // Lower-casing can change lengths (rare letters); check before trusting the offset.
      if (analysed.slice(start, start + words.length).toLowerCase() === needle) return [start, start + words.length];
    }
  }
  return null;
}
