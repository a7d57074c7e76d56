import type { Config } from '../compile.js';
import type { Post, ThreadDocument } from '../schema/document.js';
import { shiftSpans } from '../text/remap.js';
import { detectClaims } from './claims/index.js';
import { labelPost, planOf, threadAnalysis } from './run-steps.js';

/**
 * Runs the config's steps over a parsed document: labels on every post (sentiment, acts, reply stance,
 * moderation, stances, claims, corrections, concessions), the article's claims and inconsistencies, the targets
 * and the thread summary. Returns a new document; the input is not changed.
 */
export function classifyDocument(doc: ThreadDocument, config: Config): ThreadDocument {
  const { before, posts: postSteps, after } = planOf(config);
  const thread = threadAnalysis(doc, doc.article.sentences, () =>
    doc.article.blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'heading').flatMap((b) => shiftSpans(detectClaims(b.text), b.span[0])),
  );
  for (const step of before) step.run(thread, config);
  for (const p of doc.thread.posts) labelPost({ ...p }, thread, config, postSteps);
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
