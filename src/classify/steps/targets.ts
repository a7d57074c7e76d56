import type { Target } from '../../schema/classify.js';
import { deriveTargets, isPlaceName, lemmaCounts, pickSubject, subjectFromTitle } from '../targets/index.js';
import type { ThreadStep } from './types.js';

/**
 * The stance targets: the caller's (all of them subjects), else derived from the article with the article's
 * subject first and every derived target marked `derived: true` (none for a lone record) (src/classify/targets).
 */
export const targetsStep: ThreadStep = {
  name: 'targets',
  scope: 'thread',
  needs: [],
  run(thread, config) {
    const doc = thread.doc;
    if (config.targets) {
      thread.targets = config.targets.map((t) => ({ name: t.name, aliases: [...t.aliases] }));
      thread.subjects = new Set(thread.targets.map((t) => t.name));
      return;
    }
    if (!doc) {
      thread.targets = [];
      thread.subjects = new Set();
      return;
    }
    const article = doc.article;
    // The thread's words, counted once piece by piece (see lemmaCounts) for both subject finders.
    const context = lemmaCounts([article.text, ...doc.thread.posts.map((p) => p.text)]);
    const targets = subjectFirst(deriveTargets({ title: article.title, text: article.text }), article.title, context);
    thread.targets = targets;
    thread.subjects = new Set(targets.slice(0, 1).filter((t) => !isPlaceName(t.name)).map((t) => t.name));
  },
};

/** Derived targets, marked `derived: true`, with the article's subject first. */
function subjectFirst(derived: readonly Target[], title: string | null, text: ReadonlyMap<string, number>): Target[] {
  // The subject as the title names it, when the article keeps repeating it; else the best derived target.
  const named = subjectFromTitle(title, text);
  if (named) {
    const lower = named.name.toLowerCase();
    return [named, ...derived.filter((t) => t.name.toLowerCase() !== lower).map((t) => ({ ...t, derived: true }))];
  }
  const s = pickSubject(derived, title, text);
  // No subject among them (only places): no target gets an implicit stance.
  if (s < 0) return derived.map((t) => ({ ...t, derived: true }));
  const ordered = [derived[s]!, ...derived.slice(0, s), ...derived.slice(s + 1)];
  return ordered.map((t) => ({ ...t, derived: true }));
}
