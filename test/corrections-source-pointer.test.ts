import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { pointerAt } from '../src/classify/corrections/source-pointer.js';
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
