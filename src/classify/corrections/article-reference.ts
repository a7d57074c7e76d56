/**
 * A sentence that names the article with a contrast ("The headline says 300 spaces, but ..."), or reports its
 * figure with another amount of that unit in one of the next two sentences ("The article says 22 miles. That's from
 * the county line. From the hospital it's 31 miles"): the article
 * sentence with the same value, else the one sharing two words besides the article word. Since session 28 a reported
 * date, year or amount answered by another of the same slot, or by a bare number ("The article says Calverton is 27
 * miles away. ... It's 34 by road"), counts too, with the scorer feature `link:reported-value`. The word shown as
 * evidence is the one the check found (one vocabulary, `ARTICLE_WORDS`).
 */
import { answeredReport, refersToArticle } from './clauses.js';
import { sharedWords } from './compare.js';
import type { Detector } from './detector.js';

export const articleReference: Detector = {
  id: 'article-reference',
  find(unit, context) {
    const next = context.sentences[context.at + 1]?.unit;
    const after = context.sentences[context.at + 2]?.unit;
    let articleWord = refersToArticle(unit, next, after);
    // How the report was answered when only the wider slot check finds it: the scorer's `link:` feature.
    let links: string[] | undefined;
    if (articleWord < 0) {
      articleWord = answeredReport(unit, next, after);
      links = ['reported-value'];
    }
    if (articleWord < 0) return [];
    const { index, window } = context;
    const ids = unit.keys.flatMap((keys, vi) => (unit.personal.has(vi) ? [] : keys.flatMap((k) => index.withValue(k, window)))).filter((i) => index.cands[i]!.kind === 'article');
    const target =
      context.best(ids) ??
      context.ranked.find((c) => c.kind === 'article' && sharedWords(unit, c.unit).shared.filter((l) => l !== unit.lemmas[articleWord]).length >= 2) ??
      null;
    if (!target) return [];
    const word = unit.words[articleWord]!;
    return [{ target, cue: 'explicit-marker', evidence: [[word.start, word.end]], note: 'refers to the article', strength: 0.6, ...(links ? { links } : {}) }];
  },
};
