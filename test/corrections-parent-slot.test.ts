import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { collectCorrections } from '../src/classify/corrections/index.js';
import { buildCase, runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;
const ofPost = (cs: readonly Correction[] | undefined, postId: string): Correction[] => (cs ?? []).filter((c) => c.target.kind === 'post' && c.target.postId === postId);

// Made-up threads (session 26): a reply states a value of the same slot kind as a sentence of its parent, which the
// parent nowhere states, linked to it by the article (which states the reply's value) or by a shared word or name.
const article = [
  'The new bus depot on Carrow Road opened on 4 June 2024 after two years of building work.',
  'The county paid for the site and the operator paid for the buildings.',
];
const opening = { id: 'a', author: 'Ines', parentId: null, text: 'Funny how the depot only opened in August 2024, right after the summer timetable started.' };

describe('a replacement value for the parent (parent-slot.ts)', () => {
  it('proposes the reply\'s date against the parent\'s differing date when the article states the reply\'s', () => {
    const found = run({ article, posts: [opening, { id: 'b', author: 'Col', parentId: 'a', text: 'Ines, it was 4 June 2024, before the summer timetable.' }] });
    const cs = ofPost(found.get('b'), 'a');
    expect(cs).toHaveLength(1);
    expect(cs[0]!).toMatchObject({ kind: 'post', cue: 'different-date', detector: 'value-mismatch' });
    expect(cs[0]!.target.text).toContain('August 2024');
    expect(cs[0]!.evidence.map((e) => e.text)).toEqual(['4 June 2024']);
  });

  it('proposes a weekday against the parent\'s other weekday when the two sentences share a word', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Ines', parentId: null, text: 'The depot canteen is shut on Mondays, so the drivers eat in their cabs.' },
        { id: 'b', author: 'Col', parentId: 'a', text: 'The canteen is shut on Tuesdays, I drive out of there.' },
      ],
    });
    expect(ofPost(found.get('b'), 'a')).toHaveLength(1);
  });

  it('says how the pair was found in the scorer\'s features', () => {
    const { articleSentences, posts } = buildCase({
      name: 'links',
      article,
      posts: [opening, { id: 'b', author: 'Col', parentId: 'a', text: 'Ines, it was 4 June 2024, not later.' }],
      expected: [],
    });
    const cands = collectCorrections({ post: posts[1]!, earlier: posts.slice(0, 1), articleSentences });
    const names = cands.flatMap((c) => c.features.map(([n]) => n));
    expect(names).toContain('link:article');
    expect(names).toContain('link:cue');
  });

  it('proposes nothing for the same kind of value given in agreement, as a second fact, or conceded first', () => {
    const found = run({
      article,
      posts: [
        opening,
        // The parent's own date again, with another date beside it: agreement.
        { id: 'b', author: 'Col', parentId: 'a', text: 'Yes, August 2024, and the timetable changed in July 2024.' },
        // A second fact of the same kind, added beside the parent's.
        { id: 'c', author: 'Dee', parentId: 'a', text: 'The depot also took on night buses in October 2024.' },
        // Conceding first, then a date: the point is taken up.
        { id: 'd', author: 'Eli', parentId: 'a', text: 'Fair point, the cafe there opened in May 2024 anyway.' },
        // The reply's date has no link to the parent's sentence: not in the article, no shared word.
        { id: 'e', author: 'Fay', parentId: 'a', text: 'My brother moved house in March 2023.' },
      ],
    });
    for (const id of ['b', 'c', 'd', 'e']) expect(ofPost(found.get(id), 'a'), id).toEqual([]);
  });

  it('proposes nothing under the writer\'s own post, or against a value the parent states elsewhere', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Ines', parentId: null, text: 'The depot opened in August 2024. The building work started in June 2022.' },
        { id: 'b', author: 'Ines', parentId: 'a', text: 'The depot opened on 4 June 2024, sorry.' },
        { id: 'c', author: 'Col', parentId: 'a', text: 'The building work was finished by June 2022 for the most part.' },
      ],
    });
    expect(ofPost(found.get('b'), 'a').filter((c) => c.kind === 'post')).toEqual([]);
    expect(ofPost(found.get('c'), 'a')).toEqual([]);
  });
});
