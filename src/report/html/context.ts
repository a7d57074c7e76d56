import type { Correction } from '../../schema/classify.js';
import type { Post, ThreadDocument } from '../../schema/document.js';

/** A passage (article sentence or post text) that one or more posts correct. */
export interface CorrectedPassage {
  /** Anchor id of the highlighted passage. */
  id: string;
  target: Correction['target'];
  /** The correcting posts, in thread order. */
  by: { post: Post; correction: Correction }[];
}

/** What the parts of the report share: anchors of posts and of corrected passages. */
export interface ReportContext {
  doc: ThreadDocument;
  postsById: Map<string, Post>;
  /** Anchor id of a post (`post-<index+1>`: dump ids may hold any character). */
  anchor: (post: Post) => string;
  corrected: CorrectedPassage[];
  /** The passage a correction points to. */
  passageOf: (correction: Correction) => CorrectedPassage | undefined;
  /** Posts in thread order: each top-level post followed by its replies, depth first. */
  order: Post[];
}

const keyOf = (target: Correction['target']): string =>
  `${target.kind}:${target.kind === 'post' ? target.postId : ''}:${target.span[0]}-${target.span[1]}`;

/** Orders posts depth first under their parents; orphans (missing parent) stay top level. */
export function threadOrder(posts: readonly Post[]): Post[] {
  const ids = new Set(posts.map((p) => p.id));
  const children = new Map<string, Post[]>();
  const roots: Post[] = [];
  for (const p of posts) {
    if (p.parentId !== null && p.parentId !== p.id && ids.has(p.parentId)) {
      const list = children.get(p.parentId) ?? [];
      list.push(p);
      children.set(p.parentId, list);
    } else roots.push(p);
  }
  const out: Post[] = [];
  const seen = new Set<Post>();
  // Iterative depth-first walk: deep threads must not overflow the stack.
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    out.push(p);
    const kids = children.get(p.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  // A parent cycle would leave posts unreached: show them anyway.
  for (const p of posts) if (!seen.has(p)) out.push(p);
  return out;
}

export function buildContext(doc: ThreadDocument): ReportContext {
  const posts = doc.thread.posts;
  const postsById = new Map(posts.map((p) => [p.id, p] as const));
  const passages = new Map<string, CorrectedPassage>();
  for (const post of posts) {
    for (const correction of post.corrections ?? []) {
      const key = keyOf(correction.target);
      let passage = passages.get(key);
      if (!passage) passages.set(key, (passage = { id: `corrected-${passages.size + 1}`, target: correction.target, by: [] }));
      passage.by.push({ post, correction });
    }
  }
  return {
    doc,
    postsById,
    anchor: (post) => `post-${post.index + 1}`,
    corrected: [...passages.values()],
    passageOf: (correction) => passages.get(keyOf(correction.target)),
    order: threadOrder(posts),
  };
}

