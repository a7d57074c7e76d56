/**
 * A sentence that names the article with a contrast ("The headline says 300 spaces, but ..."), or reports its
 * figure with another amount of that unit in one of the next two sentences ("The article says 22 miles. That's from
 * the county line. From the hospital it's 31 miles"): the article
 * sentence with the same value, else the one sharing two words besides the article word. The word shown as
 * evidence is the one the check found (one vocabulary, `ARTICLE_WORDS`).
 */
import { refersToArticle } from './clauses.js';
import { sharedWords } from './compare.js';
import type { Detector } from './detector.js';

export const articleReference: Detector = {
  id: 'article-reference',
  find(unit, context) {
    const articleWord = refersToArticle(unit, context.sentences[context.at + 1]?.unit, context.sentences[context.at + 2]?.unit);
    if (articleWord < 0) return [];
    const { index, window } = context;
    const ids = unit.keys.flatMap((keys, vi) => (unit.personal.has(vi) ? [] : keys.flatMap((k) => index.withValue(k, window)))).filter((i) => index.cands[i]!.kind === 'article');
    const target =
      context.best(ids) ??
      context.ranked.find((c) => c.kind === 'article' && sharedWords(unit, c.unit).shared.filter((l) => l !== unit.lemmas[articleWord]).length >= 2) ??
      null;
    if (!target) return [];
    const word = unit.words[articleWord]!;
    return [{ target, cue: 'explicit-marker', evidence: [[word.start, word.end]], note: 'refers to the article', strength: 0.6 }];
  },
};
