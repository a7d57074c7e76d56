import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { pointerAt, reportAt } from '../src/classify/corrections/source-pointer.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;

// Made-up threads (session 30): a reply that says where its fact is written, tells the other to read it, or appeals to
// the right figure corrects the parent, though it shares no value or negation with it.
const article = [
  'The Brightwater library will open on Sundays from next month, the trust said on Monday.',
  'Sunday hours will be paid for by a grant from the county arts fund.',
];
const parent = { id: 'a', author: 'Hollis', parentId: null, text: 'Lovely, so the rest of us pay for it through the rates again.' };

describe('a pointer to the written record marks a reply as a correction (closing-rebuke.ts, source-pointer.ts)', () => {
  for (const [label, text] of [
    ['the record holds it', 'The county arts fund pays for the Sunday hours, Hollis. It is right there in the second paragraph.'],
    ['the record says so', 'Hollis, the arts fund covers every Sunday shift; the trust\'s own press release says so.'],
    ['read it', 'Read it again, the county arts fund pays for the Sunday hours.'],
    ['the figure matters', 'The county grant covers every Sunday shift. Let\'s use the right numbers.'],
  ] as const) {
    it(`${label}: a correction of the parent`, () => {
      const cs = run({ article, posts: [parent, { id: 'b', author: 'Marta', parentId: 'a', text }] }).get('b') ?? [];
      expect(cs.length, text).toBeGreaterThan(0);
      const c = cs[0]!;
      expect(c.kind).toBe('post');
      expect(c.detector).toBe('closing-rebuke');
      expect(c.target.kind === 'post' && c.target.postId).toBe('a');
    });
  }

  it('the evidence is the pointer, sliced back from the input', () => {
    const { found, input } = runCase({ article, posts: [parent, { id: 'b', author: 'Marta', parentId: 'a', text: 'The arts fund pays for Sundays. It\'s in the article.' }] });
    const c = found.get('b')![0]!;
    expect(c.evidence.map((e) => input.slice(e.span[0], e.span[1]))).toEqual(["It's in the article"]);
  });

  it('not an answer to a question, nor the writer\'s own post, nor an agreeing reply, nor a top-level post', () => {
    const question = { id: 'a', author: 'Hollis', parentId: null, text: 'Who is paying for the Sunday hours?' };
    expect(run({ article, posts: [question, { id: 'b', author: 'Marta', parentId: 'a', text: 'The county arts fund. It\'s in the article.' }] }).get('b')).toEqual([]);
    expect(run({ article, posts: [parent, { id: 'b', author: 'Hollis', parentId: 'a', text: 'The rates went up again last year. It\'s in the council\'s report.' }] }).get('b')).toEqual([]);
    expect(run({ article, posts: [parent, { id: 'b', author: 'Marta', parentId: 'a', text: 'Yes, and the rates went up again. It\'s in the council\'s report.' }] }).get('b')).toEqual([]);
    expect(run({ article, posts: [{ id: 'b', author: 'Marta', parentId: null, text: 'Sunday hours at last. It\'s in the article.' }] }).get('b')).toEqual([]);
  });
});

describe('pointerAt', () => {
  it('reads the record, the imperative and the appeal to the figure', () => {
    for (const s of ["It's in the article.", 'that is all there on their website', 'The minutes say so.', 'The mayor says right in the piece that it is funded.', 'Read your own article.', 'Please re-read it.', 'Just getting the number right.', 'The numbers matter.', "It's in the council's 2024 annual report."]) {
      expect(pointerAt(s), s).not.toBeNull();
    }
  });

  it('not a place, a reading habit, or a word of a record noun\'s family', () => {
    for (const s of ['It is in the kitchen.', 'I read it on the train.', 'You never read it.', 'The report was late.', 'She posted it on Monday.', 'Is it in the article?'.replace('?', ' or not'), 'Numbers are up.']) {
      expect(pointerAt(s), s).toBeNull();
    }
  });

  it('never throws on odd strings and its span slices back to the phrase', () => {
    for (const s of ['', ' ', '\u0000', 'İT\'S IN THE ARTICLE', 'a'.repeat(5000), '😀 it\u2019s in the article']) {
      expect(() => pointerAt(s)).not.toThrow();
      const hit = pointerAt(s);
      if (hit) expect(s.slice(hit[0], hit[1]).toLowerCase().replace(/\u2019/g, "'")).toBe(hit[2]);
    }
  });
});

// Made-up thread (session 33, corr34): a record as the subject of a reporting verb, what it says after the verb.
describe('a record reported as saying something is a pointer too (reportAt)', () => {
  const rates = { id: 'a', author: 'Hollis', parentId: null, text: 'So the rates pay for the Sunday hours, as usual.' };
  it('a reply reporting the record on the parent\'s point corrects the parent; its evidence is the report', () => {
    const text = 'The trust\'s press release in March said the Sunday hours come from the county arts fund.';
    const { found, input } = runCase({ article, posts: [rates, { id: 'b', author: 'Marta', parentId: 'a', text }] });
    const c = found.get('b')![0]!;
    expect(c.detector).toBe('closing-rebuke');
    expect(c.target.kind === 'post' && c.target.postId).toBe('a');
    expect(c.evidence.map((e) => input.slice(e.span[0], e.span[1]))).toEqual(["The trust's press release in March said"]);
  });

  it('not a report sharing no word with the parent, nor one under the writer\'s own post or a question', () => {
    const elsewhere = 'Their website says the reading room reopens after the refit.';
    expect(run({ article, posts: [rates, { id: 'b', author: 'Marta', parentId: 'a', text: elsewhere }] }).get('b')).toEqual([]);
    const own = 'The trust\'s press release said the Sunday hours come from the arts fund.';
    expect(run({ article, posts: [rates, { id: 'b', author: 'Hollis', parentId: 'a', text: own }] }).get('b')).toEqual([]);
    const asked = { id: 'a', author: 'Hollis', parentId: null, text: 'Who pays for the Sunday hours?' };
    expect(run({ article, posts: [asked, { id: 'b', author: 'Marta', parentId: 'a', text: own }] }).get('b')).toEqual([]);
  });

  it('reads a record noun phrase before a reporting verb, "has" only before a determiner or a figure', () => {
    for (const s of ['The Gazette piece in October said most were midday sailings.', "Durham's press release says \"the cold spell\".", "The referee's report has the penalty at 87:40.", 'the minutes show 14 votes.', 'Their site lists 31 staff.']) {
      expect(reportAt(s), s).not.toBeNull();
    }
    for (const s of ['The report has been withdrawn.', 'The minutes say so.', "It's the page said", 'The mayor said the report was late.', 'The site has made biscuits since 1931.', 'Kenny said the post was late.']) {
      expect(reportAt(s), s).toBeNull();
    }
  });

  it('never throws on odd strings and its span slices back to the phrase', () => {
    for (const s of ['', "'s", 'the '.repeat(3000) + 'report', "a's ".repeat(2000) + 'page says x', 'İ THE REPORT SAYS 4', '😀 the page says “x”']) {
      expect(() => reportAt(s)).not.toThrow();
      const hit = reportAt(s);
      if (hit) expect(s.slice(hit[0], hit[1]).toLowerCase().replace(/\u2019/g, "'")).toBe(hit[2]);
    }
  });
});
