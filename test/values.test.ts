import { describe, expect, it } from 'vitest';
import { extractValues } from '../src/classify/claims/index.js';
import { wordTokens } from '../src/text/word-tokens.js';
import { findCorrections } from '../src/classify/corrections/index.js';
import type { Correction } from '../src/schema/classify.js';
import { buildCase } from './corrections-helpers.js';

/** The values of `text` without entities, as [kind, text, value, unit]. */
const values = (text: string) =>
  extractValues(text, wordTokens(text), { entities: false }).map((v) => {
    expect(text.slice(v.span[0], v.span[1])).toBe(v.text);
    return [v.kind, v.text, v.value, v.unit];
  });

describe('extractValues: numbers written as words', () => {
  it('reads a spelled number before a plain noun as a quantity, like digits', () => {
    expect(values('The ferry company said twelve vessels will be retired before 2030.')).toEqual([
      ['quantity', 'twelve vessels', 12, 'vessels'],
      ['year', '2030', 2030, null],
    ]);
    expect(values('Twelve vessels will be retired.')).toEqual([['quantity', 'Twelve vessels', 12, 'vessels']]);
    expect(values('Only thirteen ships and seventeen boats are left.')).toEqual([
      ['quantity', 'thirteen ships', 13, 'ships'],
      ['quantity', 'seventeen boats', 17, 'boats'],
    ]);
    expect(values('Fourteen, sixteen, eighteen or nineteen people.')).toEqual([['quantity', 'nineteen people', 19, 'people']]);
  });

  it('combines tens and ones, hyphenated or not, and hundreds', () => {
    expect(values('twenty-five people came')).toEqual([['quantity', 'twenty-five people', 25, 'people']]);
    expect(values('forty two ships sailed')).toEqual([['quantity', 'forty two ships', 42, 'ships']]);
    expect(values('a salute of twenty-one guns')).toEqual([['quantity', 'twenty-one guns', 21, 'guns']]);
    expect(values('two hundred and fifty ships')).toEqual([['quantity', 'two hundred and fifty ships', 250, 'ships']]);
    expect(values('a hundred and one dalmatians')).toEqual([['quantity', 'a hundred and one dalmatians', 101, 'dalmatians']]);
    expect(values('two dozen eggs')).toEqual([['quantity', 'two dozen eggs', 24, 'eggs']]);
    // A hyphen to anything but a ones word is not a number.
    expect(values('a five-year plan and a twenty-something crowd')).toEqual([]);
  });

  it('keeps scales, percent and currency working, "a" included', () => {
    expect(values('a million people')).toEqual([['quantity', 'a million people', 1e6, 'people']]);
    expect(values('two million')).toEqual([['number', 'two million', 2e6, null]]);
    expect(values('twenty-five million people')).toEqual([['quantity', 'twenty-five million people', 25e6, 'people']]);
    expect(values('Japan will spend ten trillion yen.')).toEqual([['money', 'ten trillion yen', 1e13, 'JPY']]);
    expect(values('It rose five percent, then six per cent.')).toEqual([
      ['percent', 'five percent', 5, '%'],
      ['percent', 'six per cent', 6, '%'],
    ]);
    expect(values('It was one percent.')).toEqual([['percent', 'one percent', 1, '%']]);
  });

  it('never makes a quantity of "one" or "a" alone', () => {
    expect(values('one of them')).toEqual([]);
    expect(values('no one said so')).toEqual([]);
    expect(values('the one thing they got right')).toEqual([]);
    expect(values('one day the ferry sank')).toEqual([]);
    expect(values('one person saw a vessels list')).toEqual([]);
    expect(values('twenty one of them')).toEqual([]);
  });

  it('leaves a spelled number that counts nothing after it', () => {
    expect(values('so where does twelve come from?')).toEqual([]);
    expect(values('The two met in Oslo.')).toEqual([]);
    expect(values('two thirds of voters')).toEqual([]);
    expect(values('nine out of ten doctors')).toEqual([]);
    expect(values('one in five adults')).toEqual([]);
    expect(values('ten m high')).toEqual([]);
    expect(values('two years ago, the three of us')).toEqual([]);
    // Time spans frame a claim, like "years": "two weeks ago", "the next ten days".
    expect(values('two weeks ago, for the next ten days')).toEqual([]);
    expect(values('two very different things')).toEqual([]);
    // A capitalised number word inside a sentence is a name.
    expect(values('the Jackson Five members')).toEqual([]);
  });
});

describe('findCorrections with spelled numbers', () => {
  const run = (article: string[], posts: Array<{ id: string; text: string }>) => {
    const { input, articleSentences, posts: ps } = buildCase({
      name: 'inline',
      article,
      posts: posts.map((p) => ({ ...p, author: `A${p.id}`, parentId: null })),
      expected: [],
    });
    const map = new Map<string, Correction[]>();
    ps.forEach((p, i) => map.set(p.id, findCorrections({ post: p, earlier: ps.slice(0, i), articleSentences, earlierCorrections: map })));
    return [...map.entries()].flatMap(([id, cs]) =>
      cs.map((c) => {
        for (const e of c.evidence) expect(input.slice(e.span[0], e.span[1])).toBe(e.text);
        return { post: id, cue: c.cue, article: articleSentences.findIndex((s) => s.span[0] === c.target.span[0]), note: c.note };
      }),
    );
  };
  const article = ['The ferry company said twelve vessels will be retired before 2030.', 'Passengers complained about delays.'];

  it('compares "8 ships" with "twelve vessels"', () => {
    expect(run(article, [{ id: 'a', text: 'The company plan has 8 ships being retired, I read it.' }])).toEqual([
      { post: 'a', cue: 'different-number', article: 0, note: '8 ships here, twelve vessels in the article' },
    ]);
  });

  it('finds no correction when the post repeats the figure in words or digits', () => {
    expect(run(article, [{ id: 'a', text: 'Yes, the company plan has twelve ships being retired.' }, { id: 'b', text: 'The company plan has 12 ships being retired.' }])).toEqual([]);
  });
});
