import { findArticleInconsistencies, findConcessions, findCorrections, type CorrectionPost } from '../corrections/index.js';
import type { PostStep, StepPost } from './types.js';

// How many earlier posts a post is compared with for corrections: keeps a long thread linear.
const CORRECTION_WINDOW = 200;

/** The earlier posts a correction may point at: the latest ones, plus the parent when it is older. */
function earlierWindow(posts: readonly StepPost[], parent: StepPost | undefined): CorrectionPost[] {
  const recent = posts.length > CORRECTION_WINDOW ? posts.slice(posts.length - CORRECTION_WINDOW) : posts.slice();
  if (parent && !recent.includes(parent)) recent.unshift(parent);
  return recent;
}

/**
 * Corrections the post makes (of the article, of earlier posts, of itself) and concessions it grants, then the
 * article's own inconsistencies (src/classify/corrections).
 */
export const correctionsStep: PostStep = {
  name: 'corrections',
  scope: 'post',
  needs: [],
  run(a, config) {
    const { post, thread } = a;
    if (post.removed) {
      post.corrections = [];
      post.concessions = [];
    } else {
      const input = {
        post,
        earlier: earlierWindow(thread.posts, a.parent),
        articleSentences: thread.articleSentences,
        articleClaims: thread.articleClaims(),
        earlierCorrections: thread.corrections,
        paraphrases: config.paraphrases,
      };
      post.corrections = findCorrections(input);
      post.concessions = findConcessions({ ...input, corrections: thread.corrections });
    }
    thread.corrections.set(post.id, post.corrections);
  },
  finish(thread) {
    thread.inconsistencies = findArticleInconsistencies(thread.articleSentences);
  },
};
