import { detectClaimsScored } from '../claims/index.js';
import type { PostStep } from './types.js';

/** Check-worthy claims of the post, and of the article once the posts are done (src/classify/claims). */
export const claimsStep: PostStep = {
  name: 'claims',
  scope: 'post',
  reads: 'post',
  needs: [],
  run(a) {
    const { claims, scores } = detectClaimsScored(a.text, {}, a.read);
    a.post.claims = a.toInput(claims);
    for (const [sentence, score] of scores) a.sentenceScores.set(sentence, score);
  },
  finish(thread) {
    thread.claims = thread.articleClaims();
  },
};
