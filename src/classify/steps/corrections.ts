import { correctionProbability, findArticleInconsistencies, findConcededByWriter, findConcessions, findCorrections, findGrantedCorrections, ThreadWalk } from '../corrections/index.js';
import type { PostStep, StepPost, ThreadAnalysis } from './types.js';

// The walk of each thread being labelled: each post is indexed once, as the posts come (see ThreadWalk).
const walks = new WeakMap<ThreadAnalysis, ThreadWalk<StepPost>>();

/**
 * Corrections the post makes (of the article, of the latest 200 earlier posts and an older parent, of itself)
 * and concessions it grants, then, once every post is done, the corrections the corrected writers concede (a reply
 * answered "you're right, my mistake" by the writer it answered), then the replies granting their parent's correction
 * (granted-correction.ts: "Ruth is right, it was Wednesday. Changing the date now."), and the
 * article's own inconsistencies (src/classify/corrections).
 */
export const correctionsStep: PostStep = {
  name: 'corrections',
  scope: 'post',
  reads: 'thread',
  needs: [],
  run(a, config) {
    const { post, thread } = a;
    let walk = walks.get(thread);
    if (!walk) walks.set(thread, (walk = new ThreadWalk(thread.articleSentences, config.paraphrases)));
    if (post.removed) {
      post.corrections = [];
      post.concessions = [];
    } else {
      const { earlier, prepared } = walk.next(post, a.parent, a.written);
      const input = {
        post,
        earlier,
        articleSentences: thread.articleSentences,
        articleClaims: thread.articleClaims(),
        earlierCorrections: thread.corrections,
        paraphrases: config.paraphrases,
        prepared,
        sentenceScores: a.sentenceScores,
      };
      post.corrections = findCorrections(input);
      post.concessions = findConcessions({ ...input, corrections: thread.corrections });
    }
    walk.push(post);
    thread.corrections.set(post.id, post.corrections);
  },
  finish(thread, config) {
    const live = thread.posts.filter((p) => !p.removed);
    for (const [id, correction] of findConcededByWriter(live, thread.corrections, correctionProbability, config.paraphrases)) {
      const post = thread.byId.get(id);
      if (!post || post.removed) continue;
      post.corrections = [...(post.corrections ?? []), correction];
      thread.corrections.set(id, post.corrections);
    }
    for (const [id, correction] of findGrantedCorrections(live, thread.corrections, config.paraphrases)) {
      const post = thread.byId.get(id);
      if (!post || post.removed) continue;
      post.corrections = [...(post.corrections ?? []), correction];
      thread.corrections.set(id, post.corrections);
    }
    thread.inconsistencies = findArticleInconsistencies(thread.articleSentences);
  },
};
