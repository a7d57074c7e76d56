import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { textChangedAt } from '../src/classify/corrections/conceded-article.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;

// Made-up threads (session 31's labelling rule): a reply under a correction of the article that says the text was
// changed to take it in says the article was wrong (an `article` correction of the sentence corrected); a conceding
// phrase alone is a concession, not a correction.
const article = [
  'The new footbridge over the Wensum cost £4.2m, the county council said.',
  'It opened to walkers and cyclists in April after two years of work.',
];
const fix = { id: 'a', author: 'Rosa', parentId: null, text: 'Small correction: the footbridge cost £5.4m, not £4.2m. The council\'s own budget papers say so.' };
const articleKinds = (text: string, author = 'Eastern Echo'): string[] =>
  (run({ article, posts: [fix, { id: 'b', author, parentId: 'a', text }] }).get('b') ?? []).map((c) => `${c.kind}:${c.target.kind === 'article' ? c.target.text : ''}`);

describe('a reply that grants a correction of the article (conceded-article.ts)', () => {
  it('the parent is a correction of the article (the premise of every case below)', () => {
    const found = run({ article, posts: [fix] }).get('a') ?? [];
    expect(found.some((c) => c.kind === 'article')).toBe(true);
  });

  for (const text of [
    "Thanks Rosa, you're right. We've corrected the story.",
    'Good catch, the papers do say £5.4m. I will update the article this afternoon.',
    'Thank you, you are right and it has been corrected.',
    'Rosa is right. Story updated.',
  ]) {
    it(`"${text}": an article correction of the sentence the parent corrected`, () => {
      const kinds = articleKinds(text);
      expect(kinds.length, text).toBe(1);
      expect(kinds[0]).toBe(`article:${article[0]}`);
    });
  }

  for (const text of [
    "You're right, it was £5.4m.",
    'Right, I misread it. Doesn\'t change my point though.',
    'Have you corrected the story yet?',
    'Sure, you\'re right, we\'ve corrected the story. Not.',
    'It was changed in 2019 when the budget was cut.',
  ]) {
    it(`"${text}": no article correction from the concession alone`, () => {
      expect(articleKinds(text, 'Milo').filter((k) => k.startsWith('article:')), text).toEqual([]);
    });
  }

  it('not when the parent answered the writer\'s own post, nor when the parent corrected no article sentence', () => {
    const own = { id: 'z', author: 'Milo', parentId: null, text: 'The footbridge cost £4.2m, a bargain.' };
    const toOwn = { ...fix, parentId: 'z' };
    const found = run({ article, posts: [own, toOwn, { id: 'b', author: 'Milo', parentId: 'a', text: "Fair enough, I've corrected my comment." }] }).get('b') ?? [];
    expect(found.filter((c) => c.kind === 'article')).toEqual([]);
    const opinion = { id: 'a', author: 'Rosa', parentId: null, text: 'Lovely bridge, worth every penny.' };
    expect(run({ article, posts: [opinion, { id: 'b', author: 'Eastern Echo', parentId: 'a', text: "Thanks Rosa. We've updated the story." }] }).get('b')).toEqual([]);
  });

  it('the evidence slices back to the conceding and changing words', () => {
    const text = "Thanks Rosa, you're right. We've corrected the story.";
    const { found, input } = runCase({ article, posts: [fix, { id: 'b', author: 'Eastern Echo', parentId: 'a', text }] });
    const c = found.get('b')!.find((x) => x.kind === 'article')!;
    for (const e of c.evidence) expect(input.slice(e.span[0], e.span[1])).toBe(e.text);
    expect(c.evidence.map((e) => e.text).join(' | ')).toContain("We've corrected");
  });
});

describe('textChangedAt: the text as the subject of a change', () => {
  it('finds a text noun or a perfect pronoun before a change verb', () => {
    expect(textChangedAt('Story updated on the website.')).not.toBeNull();
    expect(textChangedAt('The article was amended at noon.')).not.toBeNull();
    expect(textChangedAt('it has been corrected')).not.toBeNull();
  });
  it('not a pronoun in the simple past, another writer\'s text, or a policy', () => {
    expect(textChangedAt('it was changed in 2019')).toBeNull();
    expect(textChangedAt('your post was edited')).toBeNull();
    expect(textChangedAt('The law was changed in 2019.')).toBeNull();
    expect(textChangedAt("It hasn't been corrected.")).toBeNull();
  });
});
