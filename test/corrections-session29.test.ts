import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;
const ofPost = (cs: readonly Correction[] | undefined, id: string): Correction[] => (cs ?? []).filter((c) => c.target.kind === 'post' && c.target.postId === id);

// Made-up threads (session 29): a reply's opening sentence turns the polarity of a statement of its parent, on the same
// predicate, and names one more participant of it somewhere in the two sentences (turned-polarity.ts).
const article = [
  'The county will merge the two branch libraries at Elmstead and Carrow into one building next spring.',
  'A public meeting on the plans is due in February.',
];

describe('the parent\'s statement with its polarity turned (turned-polarity.ts)', () => {
  it('finds a denial whose subject is the parent\'s object ("X never closed" under "They closed X")', () => {
    const found = run({
      article,
      posts: [
        { id: 'p', author: 'Gareth', parentId: null, text: 'Same old story. They shut the swimming baths, the youth club and now the libraries.' },
        { id: 'r', author: 'Nell', parentId: 'p', text: 'The youth club never shut, Gareth, it moved to the church hall in 2019. It runs on Tuesdays.' },
      ],
    });
    const cs = ofPost(found.get('r'), 'p');
    expect(cs).toHaveLength(1);
    expect(cs[0]!).toMatchObject({ kind: 'post', detector: 'negated-claim', cue: 'negated-statement' });
    expect(cs[0]!.target.text).toContain('youth club');
  });

  it('finds a passive denial of the parent\'s active statement ("it wasn\'t welded shut" under "who welded the gate shut")', () => {
    const found = run({
      article,
      posts: [
        { id: 'p', author: 'Gareth', parentId: null, text: 'A fine for the owner who welded the yard gate shut. Disgraceful.' },
        { id: 'r', author: 'Nell', parentId: 'p', text: 'It wasn\'t welded shut, it was chained with a padlock. Still bad.' },
      ],
    });
    expect(ofPost(found.get('r'), 'p')).toHaveLength(1);
  });

  it('finds an assertion of what the parent denies, a name the only other shared word ("Hollis did sign it")', () => {
    const found = run({
      article,
      posts: [
        { id: 'p', author: 'Gareth', parentId: null, text: 'This is a scheme Councillor Hollis never signed off, whatever the county says.' },
        { id: 'r', author: 'Nell', parentId: 'p', text: 'Hollis did sign it off. The minutes of the October cabinet show her vote.' },
      ],
    });
    const cs = ofPost(found.get('r'), 'p');
    expect(cs).toHaveLength(1);
    expect(cs[0]!).toMatchObject({ kind: 'post', detector: 'refuting-fact', cue: 'refuting-fact' });
  });

  it('finds nothing when the reply agrees, adds another fact, answers its own post, or the turn is not its opening sentence', () => {
    const found = run({
      article,
      posts: [
        { id: 'p', author: 'Gareth', parentId: null, text: 'Private gyms don\'t charge you for the pool.' },
        // Another object of the same predicate ("everything else"): a fact beside the parent's.
        { id: 'a', author: 'Nell', parentId: 'p', text: 'Private gyms charge you for everything else though.' },
        // Agreement.
        { id: 'b', author: 'Ross', parentId: 'p', text: 'Yes, gyms charge for the pool in the end, through the fee.' },
        // The writer's own post.
        { id: 'c', author: 'Gareth', parentId: 'p', text: 'Gyms charge for the pool in the fee, I suppose.' },
        // Not the opening sentence.
        { id: 'd', author: 'Tam', parentId: 'p', text: 'I swim at the lido. Gyms charge for the pool in other towns.' },
      ],
    });
    for (const id of ['a', 'b', 'c', 'd']) expect(ofPost(found.get(id), 'p')).toEqual([]);
  });

  it('reads no two-letter word as a shared anchor (function words of other languages pass the English content test)', () => {
    const found = run({
      article,
      posts: [
        { id: 'p', author: 'Carmen', parentId: null, text: 'Que paguen, y que lo dediquen de verdad a vivienda.' },
        { id: 'r', author: 'Nell', parentId: 'p', text: 'Eso no lo arregla una tasa de dos euros.' },
      ],
    });
    expect(ofPost(found.get('r'), 'p')).toEqual([]);
  });
});
