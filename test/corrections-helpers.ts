import { splitSentences } from '../src/text/sentences.js';
import { findCorrections, type CorrectionPost } from '../src/classify/corrections/index.js';
import type { Correction } from '../src/schema/classify.js';

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

/** A hand-made correction case (test/corrections-cases/*.json). */
export interface CorrectionCase {
  name: string;
  article: string[];
  posts: Array<{ id: string; author: string; parentId: string | null; text: string }>;
  expected: Array<{ post: string; kind: 'article' | 'post' | 'self'; cue: string; target: { article?: number; post?: string } }>;
  concessions?: Array<{ post: string; correctedBy: string }>;
  inconsistencies?: Array<{ article: number }>;
}

/**
 * Lays a case out as a dump: the article sentences on one line, then per post an author line and the
 * post's lines indented by two spaces (so post text offsets differ from input offsets).
 */
export function buildCase(c: CorrectionCase): {
  input: string;
  articleSentences: Array<{ span: [number, number]; text: string }>;
  posts: CorrectionPost[];
} {
  const article = c.article.join(' ');
  let input = `${article}\n\nComments\n`;
  const posts: CorrectionPost[] = [];
  for (const p of c.posts) {
    input += `${p.author}\n`;
    const lines: Array<{ span: [number, number]; text: string }> = [];
    for (const l of p.text.split('\n')) {
      const start = input.length + 2;
      input += `  ${l}\n`;
      lines.push({ span: [start, start + l.length], text: l });
    }
    posts.push({ id: p.id, text: p.text, span: [lines[0]!.span[0], lines[lines.length - 1]!.span[1]], lines, parentId: p.parentId, author: p.author });
  }
  const articleSentences = splitSentences(article).map((s) => ({ span: [s.span[0], s.span[1]] as [number, number], text: s.text }));
  return { input, articleSentences, posts };
}

/**
 * Runs the corrections finder over a made-up thread laid out as a dump (`buildCase`), each post with the posts above it
 * and the corrections found so far; returns each post's corrections by id, and the dump.
 */
export function runCase(c: Omit<CorrectionCase, 'expected' | 'name'>): { found: Map<string, Correction[]>; input: string } {
  const { articleSentences, posts, input } = buildCase({ ...c, name: 'inline', expected: [] });
  const found = new Map<string, Correction[]>();
  posts.forEach((post, i) => found.set(post.id, findCorrections({ post, earlier: posts.slice(0, i), articleSentences, earlierCorrections: found })));
  return { found, input };
}

/** One blind thread (test/corrections-blind/*.json). */
export interface BlindCase {
  name: string;
  article: string[];
  posts: Array<{ id: string; author: string; parentId: string | null; text: string }>;
  expected: Array<{ post: string; kind: 'article' | 'post' | 'self'; target: { article?: number; post?: string }; targetIncludes: string; why: string }>;
  notCorrections: string[];
  ambiguous?: string[];
}
