import { analyzeModeration, moderateShared } from '../moderation/index.js';
import { shippedToxicityModel } from '../moderation/toxicity-model.js';
import type { PostStep } from './types.js';

/** Moderation signals of the post: toxicity, insult, profanity, identity attack, threat (src/classify/moderation). */
export const moderationStep: PostStep = {
  name: 'moderation',
  scope: 'post',
  needs: [],
  run(a, config) {
    const shared = a.shared();
    // The caller's terms come as tables built once by compile; the built-in tables go through moderateShared.
    const result = config.moderationTables ? analyzeModeration(a.text, config.moderationTables, shippedToxicityModel(), shared).result : moderateShared(a.text, undefined, shared);
    a.post.moderation = a.toInput(result);
  },
};
