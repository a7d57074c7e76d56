import { mostContested } from '../corrections/index.js';
import { summarizeSentiment } from '../moderation/index.js';
import { summarizeStances } from '../stance/index.js';
import type { Post } from '../../schema/document.js';
import type { ThreadStep } from './types.js';

/** The thread summary: sentiment and acts, the review queue, per-author figures, stances, the most contested sentences. */
export const summaryStep: ThreadStep = {
  name: 'summary',
  scope: 'thread',
  needs: [],
  run(thread, config) {
    const posts = thread.posts as Post[];
    thread.summary = {
      ...summarizeSentiment(posts),
      ...(config.steps.includes('stance') ? { stances: summarizeStances(posts, thread.targets ?? []) } : {}),
      ...(config.steps.includes('corrections') ? { contested: mostContested(thread.articleSentences, posts, { articleClaims: thread.articleClaims() }) } : {}),
    };
  },
};
