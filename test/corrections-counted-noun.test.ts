import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countedApart, countedNoun } from '../src/classify/corrections/counted-noun.js';
import { makeUnit } from '../src/classify/corrections/units.js';
import { runCase } from './corrections-helpers.js';

const WHEN = new Set(['year', 'month', 'week', 'day', 'last', 'next']);

/** The counted noun phrase of each value the corrections' reader reads in a made-up sentence. */
function counted(sentence: string): Array<[string, string[] | null]> {
  const u = makeUnit(sentence, [0, sentence.length]);
  return u.values.map((v) => [v.text, countedNoun(u, v.span, WHEN)]);
}

// Session 37 (corr40): what a figure counts, by closed-class patterns (counted-noun.ts).
describe('what a figure counts (counted-noun.ts)', () => {
  it('reads the "of" complement, the modified noun phrase and the noun a figure is the amount of', () => {
    expect(counted('Nearly 40% of the local farms closed.')).toEqual([['40%', ['local', 'farm']]]);
    expect(counted('Half their stray dogs were rehomed.')).toEqual([['Half', ['stray', 'dog']]]);
    // A past participle is read as a verb, not a noun: the phrase is not read (null), never misread.
    expect(counted('Half their rescued dogs were rehomed.')).toEqual([['Half', null]]);
    expect(counted('The club fielded 11 players.')).toEqual([['11 players', ['player']]]);
    expect(counted('It paid a penalty of $9,000 at once.')).toEqual([['$9,000', ['penalty']]]);
  });
  it('reads nothing from a period, a verb, an adverb or a preposition after the figure', () => {
    expect(counted('It costs $30 a month.')).toEqual([['$30', null]]);
    expect(counted('About 12% went to schools.')).toEqual([['12%', null]]);
    expect(counted('Prices rose 4% annually.')).toEqual([['4%', null]]);
  });
  it('calls two phrases apart only when both read and share no lemma', () => {
    expect(countedApart(['local', 'farm'], ['farm'])).toBe(false);
    expect(countedApart(['dog'], ['cat'])).toBe(true);
    expect(countedApart(null, ['cat'])).toBe(false);
  });
  it('never throws and reads only words of the sentence', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('50% of', 'of 50%', 'half its', '£3 of the the the the the cats', '9 of')), (text) => {
        const u = makeUnit(text, [0, text.length]);
        for (const v of u.values) for (const l of countedNoun(u, v.span, WHEN) ?? []) expect(u.lemmas).toContain(l);
      }),
    );
  });
  it('a lone figure against the article that counts another thing flags nothing; one counting the same thing flags', () => {
    const article = ['The county has lost 60% of its hedgerows since 1950.'];
    const other = runCase({ article, posts: [{ id: 'p1', author: 'A', parentId: null, text: 'The county has lost a third of its orchards since then.' }] }).found;
    expect(other.get('p1') ?? []).toEqual([]);
    const same = runCase({ article, posts: [{ id: 'p1', author: 'A', parentId: null, text: 'The county has lost a third of its hedgerows since then.' }] }).found;
    expect((same.get('p1') ?? []).map((c) => c.cue)).toContain('different-number');
  });
});
