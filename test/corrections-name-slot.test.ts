/**
 * A name put in another name's slot with no "not" (src/classify/corrections/name-slot.ts, session 21): positive and
 * near-miss pairs written for this test, not taken from any corpus, blind set or eval thread.
 */
import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;

const article = ['The spring trade fair opens in Dalby next month.', 'Organisers expect 300 stalls.'];

describe('a name in the slot of a preposition', () => {
  it('corrects the article sentence whose place it replaces', () => {
    const found = run({ article, posts: [{ id: 'a', author: 'Nell', parentId: null, text: "It's in Haverton this year, the fair outgrew the old hall." }] });
    const c = found.get('a')!;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ kind: 'article', detector: 'refuting-fact', cue: 'refuting-fact', target: { kind: 'article', text: article[0] } });
    expect(c[0]!.evidence[0]!.text).toBe('in Haverton');
  });

  it('leaves an added place, a wish, a comparison and the writer’s own trip alone', () => {
    for (const text of [
      "There's one in Haverton too, a smaller fair.",
      'They should hold the fair in Haverton, there is more parking.',
      'For comparison, Norden held its fair in Haverton with 500 stalls.',
      'We went to the fair in Haverton last spring.',
      'The fair opens in Dalby, as every year.',
    ]) {
      const found = run({ article, posts: [{ id: 'a', author: 'Nell', parentId: null, text }] });
      expect(found.get('a'), text).toEqual([]);
    }
  });
});

describe('a name in the subject slot of the same verb and object', () => {
  const posts = [
    { id: 'a', author: 'Rory', parentId: null, text: 'Marlow kicked the penalty that sealed it.' },
    { id: 'b', author: 'Tess', parentId: 'a', text: 'Brennan kicked the penalty. Marlow had gone off injured by then.' },
  ];

  it('corrects the parent that named someone else', () => {
    const c = run({ article: ['The home side won 21-18 on Saturday.'], posts }).get('b')!;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ kind: 'post', detector: 'refuting-fact', target: { kind: 'post', postId: 'a' } });
    expect(c[0]!.evidence[0]!.text).toBe('Brennan kicked the');
  });

  it('leaves a sentence naming both, and a possessive, alone', () => {
    for (const text of ['Brennan kicked the penalty after Marlow won it.', "Brennan's kick was the better one."]) {
      const found = run({ article: ['The home side won 21-18 on Saturday.'], posts: [posts[0]!, { ...posts[1]!, text }] });
      expect(found.get('b'), text).toEqual([]);
    }
  });
});

describe('a word of the target said to cover less ("X is only ...")', () => {
  const car = ['The new hatchback comes with leather seats and a heated wheel.', 'It costs 24,000 pounds.'];

  it('corrects the article sentence that said it of more', () => {
    const c = run({ article: car, posts: [{ id: 'a', author: 'Ivo', parentId: null, text: 'Leather is only the top trim, the base car has cloth.' }] }).get('a')!;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ kind: 'article', detector: 'refuting-fact', target: { kind: 'article', text: car[0] } });
    expect(c[0]!.evidence[0]!.text).toBe('Leather is only');
  });

  it('leaves "only" before an amount, and an added part, alone', () => {
    const article = ['The queue at the new clinic was 40 minutes on its first day.'];
    for (const [art, text] of [
      [article, 'The queue was only 40 minutes then, it is longer now.'],
      [car, 'Leather is only part of it, the wheel is heated too.'],
    ] as const) {
      const found = run({ article: [...art], posts: [{ id: 'a', author: 'Ivo', parentId: null, text }] });
      expect(found.get('a'), text).toEqual([]);
    }
  });
});
