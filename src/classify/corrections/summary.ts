import type { Claim, Correction } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';

/** An article sentence with the posts that correct it. */
export interface ContestedSentence {
  span: Span;
  text: string;
  /** Ids of the posts correcting it, in thread order, each once. */
  postIds: string[];
  /** Cues used, each once. */
  cues: string[];
}

export interface ContestedSummary {
  /** Article sentences with at least one correcting post, most contested first. */
  sentences: ContestedSentence[];
  /** The most check-worthy claims in the posts (and the article, `postId: null`), best first. */
  topClaims: Array<{ postId: string | null; text: string; span: Span; kind: Claim['kind']; checkworthiness: number }>;
}

/**
 * Which article sentences the thread contests most (with the correcting post ids), and the top
 * check-worthy claims. `limit` caps the claims list (default 10).
 */
export function mostContested(
  articleSentences: ReadonlyArray<{ span: Span; text: string }>,
  posts: ReadonlyArray<{ id: string; corrections?: readonly Correction[] | null; claims?: readonly Claim[] | null }>,
  options: { articleClaims?: readonly Claim[]; limit?: number } = {},
): ContestedSummary {
  const limit = options.limit ?? 10;
  const bySpan = new Map<string, ContestedSentence>();
  const order = new Map<string, number>();
  (Array.isArray(articleSentences) ? articleSentences : []).forEach((s, i) => order.set(`${s.span[0]}:${s.span[1]}`, i));
  for (const p of Array.isArray(posts) ? posts : []) {
    for (const c of p?.corrections ?? []) {
      if (c.target.kind !== 'article') continue;
      const key = `${c.target.span[0]}:${c.target.span[1]}`;
      let e = bySpan.get(key);
      if (!e) {
        e = { span: [c.target.span[0], c.target.span[1]], text: c.target.text, postIds: [], cues: [] };
        bySpan.set(key, e);
      }
      if (!e.postIds.includes(p.id)) e.postIds.push(p.id);
      if (!e.cues.includes(c.cue)) e.cues.push(c.cue);
    }
  }
  const sentences = [...bySpan.values()].sort(
    (a, b) => b.postIds.length - a.postIds.length || (order.get(`${a.span[0]}:${a.span[1]}`) ?? a.span[0]) - (order.get(`${b.span[0]}:${b.span[1]}`) ?? b.span[0]),
  );
  const claims: ContestedSummary['topClaims'] = [];
  for (const c of options.articleClaims ?? []) claims.push({ postId: null, text: c.text, span: c.span, kind: c.kind, checkworthiness: c.checkworthiness });
  for (const p of Array.isArray(posts) ? posts : []) {
    for (const c of p?.claims ?? []) claims.push({ postId: p.id, text: c.text, span: c.span, kind: c.kind, checkworthiness: c.checkworthiness });
  }
  claims.sort((a, b) => b.checkworthiness - a.checkworthiness || a.span[0] - b.span[0]);
  return { sentences, topClaims: claims.slice(0, Math.max(0, limit)) };
}
