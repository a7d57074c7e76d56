import type { Config } from '../compile.js';
import type { Post, ThreadDocument } from '../schema/document.js';
import { shiftSpans } from '../text/remap.js';
import { detectClaims } from './claims/index.js';
import { attachPost, detachPost, labelPost, planOf, threadAnalysis, type DetachedPost, type PostBatch, type PostLabels } from './run-steps.js';
import type { StepPost, ThreadAnalysis } from './steps/index.js';

/**
 * Runs the config's steps over a parsed document: labels on every post (sentiment, acts, reply stance,
 * moderation, stances, claims, corrections, concessions), the article's claims and inconsistencies, the targets
 * and the thread summary. Returns a new document; the input is not changed.
 */
export function classifyDocument(doc: ThreadDocument, config: Config): ThreadDocument {
  const thread = startThread(doc, config);
  const { posts: postSteps } = planOf(config);
  for (const p of doc.thread.posts) labelPost({ ...p }, thread, config, postSteps);
  return finishThread(doc, thread, config);
}

/** Labels a batch of posts apart from their thread (`labelBatch`, usually on a worker thread). */
export type BatchLabeler = (batch: PostBatch) => Promise<PostLabels[]> | PostLabels[];

/** How `classifyDocumentAsync` hands out the posts. */
export interface BatchPlan {
  /** Posts per batch. */
  readonly size: number;
  /** Batches handed out and not yet taken back, at most (bounds the memory of results waiting their turn). */
  readonly window: number;
}

/**
 * `classifyDocument` with the post steps that read only their post (`reads: 'post'`: sentiment, acts,
 * moderation, stance, claims) run by `label` on batches of posts, perhaps at once on worker threads; the rest
 * (what a reply takes over from its parent, corrections, the summary) runs here, post by post in dump order, as
 * each batch comes back. The same steps on the same data: the same document, byte for byte.
 */
export async function classifyDocumentAsync(doc: ThreadDocument, config: Config, label: BatchLabeler, plan: BatchPlan): Promise<ThreadDocument> {
  const thread = startThread(doc, config);
  const steps = planOf(config);
  const posts = doc.thread.posts;
  const earlier = new Map<string, StepPost>();
  const context = { ...(thread.targets ? { targets: thread.targets } : {}), ...(thread.subjects ? { subjects: [...thread.subjects] } : {}) };
  const size = Math.max(1, plan.size);
  const inflight: Array<{ from: number; labels: Promise<PostLabels[]> }> = [];
  let next = 0;
  const send = (): void => {
    const from = next;
    const batch: DetachedPost[] = [];
    for (; next < posts.length && next - from < size; next++) {
      batch.push(detachPost(posts[next]!, earlier));
      earlier.set(posts[next]!.id, posts[next]!);
    }
    const labels = Promise.resolve().then(() => label({ posts: batch, ...context }));
    // A batch that fails while an earlier one is awaited is reported when its turn comes, not as an unhandled rejection.
    labels.catch(() => {});
    inflight.push({ from, labels });
  };
  while (next < posts.length && inflight.length < Math.max(1, plan.window)) send();
  while (inflight.length > 0) {
    const { from, labels } = inflight.shift()!;
    const done = await labels;
    if (next < posts.length) send();
    for (let i = 0; i < done.length; i++) attachPost({ ...posts[from + i]! }, done[i]!, thread, config, steps);
  }
  return finishThread(doc, thread, config);
}

/** The thread of `doc`, with the thread steps the post steps need run. */
function startThread(doc: ThreadDocument, config: Config): ThreadAnalysis {
  const thread = threadAnalysis(doc, doc.article.sentences, () =>
    doc.article.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'heading').flatMap((b) => shiftSpans(detectClaims(b.text), b.span[0])),
  );
  for (const step of planOf(config).before) step.run(thread, config);
  return thread;
}

/** What the post steps add to the article, the thread steps after the posts, and the labelled document. */
function finishThread(doc: ThreadDocument, thread: ThreadAnalysis, config: Config): ThreadDocument {
  const { posts: postSteps, after } = planOf(config);
  for (const step of postSteps) step.finish?.(thread, config);
  for (const step of after) step.run(thread, config);
  return {
    ...doc,
    article: { ...doc.article, claims: thread.claims ?? [], inconsistencies: thread.inconsistencies ?? [] },
    thread: { ...doc.thread, posts: thread.posts as Post[] },
    ...(thread.targets ? { targets: thread.targets } : {}),
    ...(thread.summary ? { summary: thread.summary } : {}),
  };
}
