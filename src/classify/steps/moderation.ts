import { moderateShared, moderateWith } from '../moderation/index.js';
import { shippedModerationModels } from '../moderation/models.js';
import type { PostStep } from './types.js';

/** Moderation signals of the post: toxicity, insult, profanity, identity attack, threat and spans (src/classify/moderation). */
export const moderationStep: PostStep = {
  name: 'moderation',
  scope: 'post',
  reads: 'post',
  needs: [],
  run(a, config) {
    const shared = a.shared();
    // The caller's terms come as tables built once by compile; the built-in tables go through moderateShared.
    const result = config.moderationTables
      ? moderateWith(a.text, shippedModerationModels(), config.moderationTables, shared.tokens, config.moderationSpans)
      : moderateShared(a.text, config.moderationSpans === 'learned' ? undefined : { spans: config.moderationSpans }, shared);
    a.post.moderation = a.toInput(result);
  },
};
