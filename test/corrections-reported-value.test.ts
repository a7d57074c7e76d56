import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { collectCorrections } from '../src/classify/corrections/index.js';
import { buildCase, runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;
const ofArticle = (cs: readonly Correction[] | undefined): Correction[] => (cs ?? []).filter((c) => c.target.kind === 'article');

// Made-up threads (session 28): a post reports a value of the article ("The article says ...") and one of its next two
// sentences gives the same slot another value, a date or year against a date or year, an amount against a bare number.
const article = [
  'The new ferry pier at Drummond Point opened in March 2025 after a two-year build.',
  'The crossing to Kelby is 14 miles and takes about an hour on the new boats.',
  'The harbour board says 52,000 passengers used the route last year.',
];

describe('a reported article value answered by another of the same slot (article-reference.ts)', () => {
  it('finds a reported year or month answered by another date', () => {
    const found = run({ article, posts: [{ id: 'a', author: 'Moira', parentId: null, text: 'The article says the pier opened in March 2025. The first sailing left it on 9 May 2025, I was on it.' }] });
    const cs = ofArticle(found.get('a'));
    expect(cs).toHaveLength(1);
    expect(cs[0]!).toMatchObject({ kind: 'article', detector: 'article-reference', cue: 'explicit-marker' });
    expect(cs[0]!.target.text).toContain('March 2025');
  });

  it('finds a reported amount answered by a bare number, its unit left out', () => {
    const found = run({ article, posts: [{ id: 'a', author: 'Moira', parentId: null, text: 'The story says the crossing is 14 miles. That is on the chart. It is 19 by the channel the boats use.' }] });
    const cs = ofArticle(found.get('a'));
    expect(cs).toHaveLength(1);
    expect(cs[0]!.target.text).toContain('14 miles');
  });

  it('says how the pair was found in the scorer\'s features', () => {
    const { articleSentences, posts } = buildCase({
      name: 'reported',
      article,
      posts: [{ id: 'a', author: 'Moira', parentId: null, text: 'Your story says 52,000 passengers. The operator\'s own count is 47,500.' }],
      expected: [],
    });
    const cands = collectCorrections({ post: posts[0]!, earlier: [], articleSentences });
    expect(cands.some((c) => c.correction.detector === 'article-reference' && c.features.some(([n]) => n === 'link:reported-value'))).toBe(true);
  });

  it('finds nothing when the next sentences restate the value, give another kind, or the article is not reported', () => {
    const found = run({
      article,
      posts: [
        // The same value again, then a value of another kind (a year against miles).
        { id: 'a', author: 'Moira', parentId: null, text: 'The article says the crossing is 14 miles. It is 14 miles on my chart too. I first made it in 2009.' },
        // A date against an amount: never one slot.
        { id: 'b', author: 'Ross', parentId: null, text: 'The article says the pier opened in March 2025. It cost 12 million.' },
        // No report of the article: a value of the writer's, answered two sentences later.
        { id: 'c', author: 'Tam', parentId: null, text: 'The crossing felt like 14 miles to me. Rough day. Took 90 minutes.' },
      ],
    });
    for (const id of ['a', 'b', 'c']) expect(ofArticle(found.get(id))).toEqual([]);
  });
});
