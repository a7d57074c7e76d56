import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;
const selfOf = (cs: readonly Correction[] | undefined): Correction[] => (cs ?? []).filter((c) => c.kind === 'self');

// Made-up threads (session 25): a concession that restates no figure but says, in a first-person past clause, what
// the writer got wrong, under the reply that answered the writer.
const article = ['The harbour board voted on Tuesday to close the north slipway to private boats from June.'];
const opening = [
  { id: 'a', author: 'Wren', parentId: null, text: 'The board voted this through in January without asking anyone who uses the slipway.' },
  { id: 'b', author: 'Tam', parentId: 'a', text: 'January was the consultation meeting. The vote itself was on Tuesday, it says so in the first line.' },
];

describe('a concession saying what the writer got wrong is a self correction of the answered sentence', () => {
  it('reads "You\'re right, I mixed up ..." under the reply that answered the writer, aimed at the writer\'s sentence', () => {
    const found = run({ article, posts: [...opening, { id: 'c', author: 'Wren', parentId: 'b', text: "You're right, I mixed up the two meetings. Still a bad decision." }] });
    const self = selfOf(found.get('c'));
    expect(self).toHaveLength(1);
    expect(self[0]!.target).toMatchObject({ kind: 'post', postId: 'a' });
    expect(self[0]!.target.text).toContain('January');
    expect(self[0]!.detector).toBe('self-marker');
    expect(self[0]!.evidence.map((e) => e.text)).toEqual(["You're right, I", 'I mixed']);
  });

  it('reads the account in the sentence before the concession ("Ah, I missed the second meeting. My mistake.")', () => {
    const found = run({ article, posts: [...opening, { id: 'c', author: 'Wren', parentId: 'b', text: 'Ah, I missed the second meeting. My mistake.' }] });
    expect(selfOf(found.get('c'))).toHaveLength(1);
  });

  it('is no correction when the concession says nothing of what was wrong, or in the present ("I stand corrected", "I still think")', () => {
    const found = run({
      article,
      posts: [
        ...opening,
        { id: 'c', author: 'Wren', parentId: 'b', text: 'Fair enough, I stand corrected.' },
        { id: 'd', author: 'Wren', parentId: 'b', text: 'Fair enough. I still think the board rushed it.' },
      ],
    });
    expect(selfOf(found.get('c'))).toEqual([]);
    expect(selfOf(found.get('d'))).toEqual([]);
  });

  it('is no correction under a reply that did not answer the writer, or with no concession', () => {
    const found = run({
      article,
      posts: [
        ...opening,
        // Lou never wrote post a: conceding to Tam fixes nothing of Lou's.
        { id: 'c', author: 'Lou', parentId: 'b', text: "You're right, I mixed up the two meetings too." },
        // An account with no conceding words.
        { id: 'd', author: 'Wren', parentId: 'b', text: 'I was at the January meeting and nobody asked us.' },
      ],
    });
    expect(selfOf(found.get('c'))).toEqual([]);
    expect(selfOf(found.get('d'))).toEqual([]);
  });
});

describe('"I\'d" as "I would" is no account', () => {
  it('reads "I\'d mixed up" but not "I\'d say" after a concession', () => {
    const found = run({
      article,
      posts: [
        ...opening,
        { id: 'c', author: 'Wren', parentId: 'b', text: "Fair enough, I'd mixed up the two meetings." },
        { id: 'd', author: 'Wren', parentId: 'b', text: "Fair enough, I'd say the board rushed it anyway." },
      ],
    });
    expect(selfOf(found.get('c'))).toHaveLength(1);
    expect(selfOf(found.get('d'))).toEqual([]);
  });
});
