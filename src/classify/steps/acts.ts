import { classifyReplyStance, detectActs } from '../acts/index.js';
import type { PostStep } from './types.js';

/** Discourse acts of the post and its stance toward its parent (src/classify/acts). */
export const actsStep: PostStep = {
  name: 'acts',
  scope: 'post',
  reads: 'post',
  needs: [],
  run(a) {
    // Acts see the text as written ("@Ann exactly"); the reply stance sees handles blanked like the other steps.
    a.post.acts = a.toInput(detectActs(a.post.text, { parentText: a.parentText, sentences: a.written.sentences }));
    // Its sentiment feature is the post's built-in sentiment score, shared with the sentiment step.
    a.post.replyStance = a.parentText === null ? null : a.toInput(classifyReplyStance(a.text, a.parentText, { sentiment: a.shared().sentiment.result.score }));
  },
};
