import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;

const negated = (cs: readonly Correction[] | undefined): Correction[] => (cs ?? []).filter((c) => c.detector === 'negated-claim');

describe('negated-claim: the subject before the negator is an anchor (session 23)', () => {
  it('reads "The levy wasn\'t approved in 2019" as denying "The levy was approved in 2019 ..."', () => {
    const found = run({
      article: ['The harbour levy was approved in 2019 to pay for the new breakwater.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: "The harbour levy wasn't approved in 2019. It came in two years later." }],
    });
    const got = negated(found.get('a'));
    expect(got).toHaveLength(1);
    expect(got[0]!.target.text).toContain('harbour levy was approved');
  });

  it('reads a reply denying its parent\'s "X is open" with the same subject phrase', () => {
    const found = run({
      article: ['The county will close two libraries in March.'],
      posts: [
        { id: 'p', author: 'Jo', parentId: null, text: 'I will just use the Elm Road branch instead. The reading room is open.' },
        { id: 'a', author: 'Mo', parentId: 'p', text: "The reading room isn't open anymore, Jo. It shut in the summer." },
      ],
    });
    const got = negated(found.get('a'));
    expect(got).toHaveLength(1);
    expect(got[0]!.target.text).toBe('The reading room is open.');
  });

  it('does not take a word that only modifies another in the target as the subject ("Free ferries" / "ferry tickets")', () => {
    const found = run({
      article: ['Ferry tickets will stay free for pensioners on weekdays.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: 'Honestly, free ferry travel was never free, the rest of us paid for it in council tax.' }],
    });
    expect(negated(found.get('a'))).toEqual([]);
  });

  it('does not read a subject across "there is no" ("With this plan there\'s no ...")', () => {
    const found = run({
      article: ['Under the plan the trust must keep the Mill Lane clinic open for five years.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: "Without this plan there's no clinic at Mill Lane at all." }],
    });
    expect(negated(found.get('a'))).toEqual([]);
  });
});

describe('negated-claim: a denied figure of the same subject (session 23)', () => {
  it('reads "The vote wasn\'t 7-2" as denying "The panel voted 7-2 ..."', () => {
    const found = run({
      article: ['The planning panel voted 7-2 on Monday to let the quarry expand north.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: "The vote wasn't 7-2, it was 5-4. I was in the public gallery." }],
    });
    const got = negated(found.get('a'));
    expect(got).toHaveLength(1);
    expect(got[0]!.kind).toBe('article');
    expect(got[0]!.evidence[0]!.text).toBe("wasn't 7-2");
  });

  it('does not read a denied figure whose subject the target does not have', () => {
    const found = run({
      article: ['The planning panel voted 7-2 on Monday to let the quarry expand north.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: "The lorry count wasn't 7 an hour, more like twenty." }],
    });
    expect(negated(found.get('a'))).toEqual([]);
  });

  it('does not read a bare year as the denied figure ("wasn\'t 2019" needs its predicate)', () => {
    const found = run({
      article: ['The old quarry closed in 2019 after a landslip.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: "The quarry wasn't 2019 material, it was older stone." }],
    });
    expect(negated(found.get('a'))).toEqual([]);
  });
});

const verdict = (cs: readonly Correction[] | undefined): Correction[] => (cs ?? []).filter((c) => c.detector === 'value-verdict');

describe('value-verdict: a figure the parent denied, stated again as fact (session 23)', () => {
  const article = ['The planning panel voted 7-2 on Monday to let the quarry expand north.'];
  const parent = { id: 'p', author: 'Jo', parentId: null, text: "The vote wasn't 7-2, it was unanimous. I watched it online." };

  it('corrects the parent\'s denial ("It was 7-2." under "The vote wasn\'t 7-2")', () => {
    const found = run({ article, posts: [parent, { id: 'a', author: 'Mo', parentId: 'p', text: 'Councillor Reyes voted against, and so did the chair. It was 7-2.' }] });
    const got = verdict(found.get('a'));
    expect(got).toHaveLength(1);
    expect(got[0]!.kind).toBe('post');
    expect(got[0]!.target.text).toBe("The vote wasn't 7-2, it was unanimous.");
    expect(got[0]!.evidence[0]!.text).toBe('7-2');
  });

  it('also reads the X of the parent\'s "Y, not X"', () => {
    const found = run({
      article,
      posts: [
        { id: 'p', author: 'Jo', parentId: null, text: 'The vote was 5-4, not 7-2. Three of them walked out.' },
        { id: 'a', author: 'Mo', parentId: 'p', text: 'The 5-4 vote was on the lorry route. The final vote on the expansion was 7-2.' },
      ],
    });
    expect(verdict(found.get('a'))).toHaveLength(1);
  });

  it('does not read a figure the reply denies too, asks about, or agrees with', () => {
    for (const text of ["It wasn't 7-2 either way.", 'Was it 7-2 in the end?', 'Yes, 7-2 is what the minutes will say once they fix them.']) {
      const found = run({ article, posts: [parent, { id: 'a', author: 'Mo', parentId: 'p', text }] });
      expect(verdict(found.get('a')), text).toEqual([]);
    }
  });

  it('does not read a figure the parent names under a negation of something else ("Nobody praised Apollo 9")', () => {
    const found = run({
      article: ['The museum will lend its moon-landing capsule to a touring show.'],
      posts: [
        { id: 'p', author: 'Jo', parentId: null, text: 'Nobody praised Apollo 9 at the time, and it did the hard part.' },
        { id: 'a', author: 'Mo', parentId: 'p', text: 'Apollo 9 tested the lunar module in Earth orbit.' },
      ],
    });
    expect(verdict(found.get('a'))).toEqual([]);
  });

  it('does not read the writer\'s own earlier denial', () => {
    const found = run({ article, posts: [parent, { id: 'a', author: 'Jo', parentId: 'p', text: 'Sorry, my stream lagged. It was 7-2.' }] });
    expect(verdict(found.get('a'))).toEqual([]);
  });
});

describe('conceded-self: a fragment taking up the corrector\'s figure (session 23)', () => {
  const article = ['The ferry company says it lost £38 million last year and needs the fare rise.'];
  const first = { id: 'p', author: 'Jo', parentId: null, text: 'The ferry company lost £80 million last year and still wants more from us.' };
  const fix = { id: 'q', author: 'Mo', parentId: 'p', text: 'The loss was £38 million, not £80 million. It says so in the article.' };
  const self = (cs: readonly Correction[] | undefined): Correction[] => (cs ?? []).filter((c) => c.kind === 'self');

  it('reads "Right, £38 million." under the reply that corrected the writer as a self-correction of the writer\'s sentence', () => {
    const found = run({ article, posts: [first, fix, { id: 'a', author: 'Jo', parentId: 'q', text: "Right, £38 million. Still too much to lose on one crossing." }] });
    const got = self(found.get('a'));
    expect(got).toHaveLength(1);
    expect(got[0]!.target.text).toBe(first.text);
    expect(got[0]!.evidence.map((e) => e.text)).toEqual(['£38 million']);
  });

  it('does not read a fragment repeating the figure the corrector denied (the writer insisting)', () => {
    const found = run({ article, posts: [first, fix, { id: 'a', author: 'Jo', parentId: 'q', text: 'Still £80 million. Read the accounts.' }] });
    expect(self(found.get('a'))).toEqual([]);
  });

  it('does not read the corrector\'s figure inside a longer sentence with no conceding words', () => {
    const found = run({ article, posts: [first, fix, { id: 'a', author: 'Jo', parentId: 'q', text: 'The £38 million is only the ferry arm of the group, the rest lost more.' }] });
    expect(self(found.get('a'))).toEqual([]);
  });

  it('does not read a fragment under a reply that corrected nothing of the writer', () => {
    const found = run({
      article,
      posts: [first, { id: 'q', author: 'Mo', parentId: 'p', text: 'They also want £38 million from the council for the new pier.' }, { id: 'a', author: 'Jo', parentId: 'q', text: 'Right, £38 million.' }],
    });
    expect(self(found.get('a'))).toEqual([]);
  });
});

describe('negated-claim: a negation over a quotation of the article (session 23)', () => {
  const article = ['Ticket prices at the lido will rise by about a third next spring, the trust said.', 'Season passes stay the same.'];

  it('reads "is not \'about a third\'" as denying the article sentence it quotes', () => {
    const found = run({ article, posts: [{ id: 'a', author: 'Mo', parentId: null, text: "Going from £4 to £7 is not 'about a third'. Somebody check the maths." }] });
    const got = negated(found.get('a'));
    expect(got).toHaveLength(1);
    expect(got[0]!.target.text).toBe(article[0]);
    expect(got[0]!.evidence[0]!.text).toBe('about a third');
  });

  it('does not read one quoted word, nor quoted words the article does not have, nor a quote the sentence does not negate', () => {
    for (const text of ["Going from £4 to £7 is not 'third'. Somebody check the maths.", "Going from £4 to £7 is not 'about a quarter'.", "The trust calls going from £4 to £7 'about a third'."]) {
      const found = run({ article, posts: [{ id: 'a', author: 'Mo', parentId: null, text }] });
      expect(negated(found.get('a')), text).toEqual([]);
    }
  });
});
