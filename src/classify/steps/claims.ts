import { detectClaims } from '../claims/index.js';
import type { PostStep } from './types.js';

/** Check-worthy claims of the post, and of the article once the posts are done (src/classify/claims). */
export const claimsStep: PostStep = {
  name: 'claims',
  scope: 'post',
  needs: [],
  run(a) {
    a.post.claims = a.toInput(detectClaims(a.text));
  },
  finish(thread) {
    thread.claims = thread.articleClaims();
  },
};
