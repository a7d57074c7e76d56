/**
 * A reply's finding aimed at an article sentence whose value the parent states as its own claim answers the parent
 * (session 33, corr35): "The 53p is just the electricity ..." under "53p a day before I've even boiled a kettle"
 * corrects the parent, who repeated the article's figure, not the article. Read only when the parent (someone else's
 * post) has no article-kind finding of its own (it repeats the article; a parent that corrected the article is
 * answered by `answeredSentence` in index.ts) and the reply does not name the article ("the story says" answers
 * the article).
 */
import { articleWordAt } from './clauses.js';
import type { Candidate, CorrectionPost, ThreadIndex } from './thread-index.js';
import type { PostSentence } from './detector.js';

/**
 * The parent's statement stating a value (same comparison key) that the article sentence `target` states: the one
 * sharing most keys, the first on a tie; null when none does, when `target` is no article sentence, or when the
 * reply names the article in any of its `sentences` ("The story's slightly off on that.").
 */
export function restatingSentence(parent: CorrectionPost, target: Candidate, sentences: readonly PostSentence[], index: ThreadIndex, foreign: (c: Candidate) => boolean): Candidate | null {
  if (target.kind !== 'article' || target.unit.keys.length === 0 || sentences.some((s) => articleWordAt(s.unit) >= 0)) return null;
  const keys = new Set(target.unit.keys.flat());
  let top: Candidate | null = null;
  let topShared = 0;
  for (const id of index.sentencesOf(parent)) {
    const c = index.cands[id]!;
    if (c.unit.question || !foreign(c)) continue;
    const shared = c.unit.keys.filter((k) => k.some((key) => keys.has(key))).length;
    if (shared > topShared) {
      top = c;
      topShared = shared;
    }
  }
  return top;
}
