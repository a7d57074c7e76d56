import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { isPageChromeSentence } from '../src/classify/corrections/chrome-target.js';
import { wordTokens } from '../src/text/word-tokens.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;
const chrome = (s: string): boolean => isPageChromeSentence(s, wordTokens(s).filter((w) => w.kind !== 'punct'));

// Made-up threads (session 29b): posts and an article cut by a thread's structure keep the lines a page prints around
// them (a footer with a time, a byline stamp, a reply notice, a points count). None is a target or a source.
const article = [
  'The district will close the Kestrel Lane pool for repairs from March.',
  'Swimmers will be sent to the leisure centre in Halby, about six miles away.',
];

describe('page chrome a text still holds is never a correction target (chrome-target.ts)', () => {
  it('a comment footer with a time is not a value another footer contradicts', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Odile', parentId: null, text: 'Six miles is a long way for the school clubs.\n3 Feb at 8:14 am  Reply' },
        { id: 'b', author: 'Piet', parentId: 'a', text: 'The clubs can use the Halby lanes on weekday evenings.\n3 Feb at 9:52 am  Reply' },
      ],
    });
    expect(found.get('b')).toEqual([]);
  });

  it('still finds a correction of the sentence above a footer', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Odile', parentId: null, text: 'The pool closes in April, so we still have a month.\n3 Feb at 8:14 am  Reply' },
        { id: 'b', author: 'Piet', parentId: 'a', text: 'It closes in March, not April. It says so in the first line.\n3 Feb at 9:52 am  Reply' },
      ],
    });
    const cs = found.get('b') ?? [];
    expect(cs.length).toBeGreaterThan(0);
    expect(cs.every((c) => !/Reply$/.test(c.target.text))).toBe(true);
  });
});

describe('isPageChromeSentence', () => {
  it('reads footers, stamps, notices and counts as chrome', () => {
    for (const s of ['3 Feb at 8:14 am  Reply', 'Posted by Wren Alder at 7:15 AM', 'Published Jan. 4, 2026 at 6:02 PM | Updated Jan. 5, 2026 at 8:40 AM', 'Magnus Fenn replied to this.', 'Ida Moss, Tom Pell and 3 others liked this', '57 points · 4 hours ago']) {
      expect(chrome(s), s).toBe(true);
    }
  });

  it('does not read a writer\'s sentence as chrome, however short or however many interface words it has', () => {
    for (const s of ['Voting closes at 8 pm.', 'It is at 7 pm.', 'It was 9 hours ago.', 'Doors open at 7:30 pm on Friday.', 'It opened in 1898.', 'They closed it at 6:00 pm.', 'I\'ll share the link later.', 'That is not the club\'s flag, it is the town\'s.', 'Police opened fire.', 'NEW HOURS FROM 9 AM', 'Tom shared the report with the council.', 'Critics like this.', 'Critics liked this.', 'People like this one.']) {
      expect(chrome(s), s).toBe(false);
    }
  });

  it('never throws on odd strings', () => {
    for (const s of ['', ' ', '\u0000', '@', '10:10', 'a'.repeat(5000), '😀 replied']) expect(() => chrome(s)).not.toThrow();
  });
});

// Made-up threads (session 29b): two amounts of one unit measure the same thing only when both are levels, or both are
// rates over the same period, or both are changes (value-mismatch.ts, `measureOf`).
const tariff = [
  'The water board will raise its standing charge in April.',
  'A typical household will pay £1,900 a year, the board said.',
];

describe('a figure of another measure is no different number (value-mismatch.ts)', () => {
  it('a rate per month is not compared with a rate per year', () => {
    const found = run({
      article: tariff,
      posts: [{ id: 'a', author: 'Rhian', parentId: null, text: 'A typical household will pay £160 a month from April, the board said in the letter.' }],
    });
    expect((found.get('a') ?? []).filter((c) => c.detector === 'value-mismatch')).toEqual([]);
  });

  it('a change is not compared with a level', () => {
    const found = run({
      article: ['The water board will raise its standing charge in April.', 'A typical household will pay £14 more a month, the board said.'],
      posts: [{ id: 'a', author: 'Rhian', parentId: null, text: 'A typical household on a pension gets by on £900 a month, and the board said nothing about that.' }],
    });
    expect((found.get('a') ?? []).filter((c) => c.detector === 'value-mismatch')).toEqual([]);
  });

  it('still finds a different rate over the same period', () => {
    const found = run({
      article: tariff,
      posts: [{ id: 'a', author: 'Rhian', parentId: null, text: 'A typical household will pay £2,300 a year, the board said at the meeting.' }],
    });
    expect((found.get('a') ?? []).filter((c) => c.detector === 'value-mismatch')).toHaveLength(1);
  });
});
