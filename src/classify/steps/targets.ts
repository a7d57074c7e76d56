import { deriveTargets } from '../targets/index.js';
import type { ThreadStep } from './types.js';

/** The stance targets: the caller's, else derived from the article (none for a lone record) (src/classify/targets). */
export const targetsStep: ThreadStep = {
  name: 'targets',
  scope: 'thread',
  needs: [],
  run(thread, config) {
    const article = thread.doc?.article;
    thread.targets = config.targets ? config.targets.map((t) => ({ name: t.name, aliases: [...t.aliases] })) : article ? deriveTargets({ title: article.title, text: article.text }) : [];
  },
};
