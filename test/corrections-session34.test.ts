import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { isPageChromeSentence } from '../src/classify/corrections/chrome-target.js';
import { wordTokens } from '../src/text/word-tokens.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;
// As a correction unit holds them: its words, without punctuation, with offsets into the sentence.
const chrome = (s: string): boolean => isPageChromeSentence(s, wordTokens(s).filter((w) => w.kind !== 'punct'));

// Made-up lines (session 34, corr36): a forum's byline with a handle, a wiki signature with its bracketed labels, an
// activity notice by count. A post cut by a thread's structure keeps them; none is a target or a source.
describe('isPageChromeSentence: handles, bracketed labels and counted notices (session 34)', () => {
  it('reads a handle, a label list after a name and a counted notice as chrome', () => {
    for (const s of ['Post by wren_alder » Tue Mar 03, 2026 8:14 am', 'Posted by reader42 at 9:47 am', 'Odile Marsh (talk) 09:12, 3 March 2026 (UTC)Reply', '— Piet V. (talk · contribs) 10:40, 3 March 2026 (UTC)', 'Liked by 12 people', 'Viewed by 340 readers']) {
      expect(chrome(s), s).toBe(true);
    }
  });

  it('does not read a writer\'s sentence with a handle, brackets or a count as chrome', () => {
    for (const s of ['It opens at 7 pm (today) for sam_k.', 'Tom (nervous) arrived at 9:15 am.', 'We met at 7 pm (upstairs) with Ann.', 'Shared by 4 families, the house was full.', 'Liked by 12 people and hated by the rest.', 'Ann Lee (talk to her) rang at 9:15 am.']) {
      expect(chrome(s), s).toBe(false);
    }
  });

  it('never throws on odd brackets and underscores', () => {
    for (const s of ['(', ')', '_', 'A (b', 'A b) 9:15 am', '(a) 9:15 am', '_a_ 9:15 am', 'A__b 9:15 am', 'Liked by']) expect(() => chrome(s)).not.toThrow();
  });
});

describe('a signature a post still holds is never a correction target or evidence (session 34)', () => {
  const article = ['The council will build the bus garage at Northfield for £42 million.', 'The garage will hold 60 buses and is due to open in 2028.'];
  it('a reply signed like the post it answers does not correct that post\'s signature', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Odile', parentId: null, text: 'The article says £42 million but the minutes say £24 million. Which is it? — Odile Marsh (talk) 08:12, 4 March 2026 (UTC)' },
        { id: 'b', author: 'Piet', parentId: 'a', text: 'The minutes leave out the land purchase; the article counts it. Both are right, but the article should say which. — Piet Vos (talk) 08:40, 4 March 2026 (UTC)' },
      ],
    });
    // Before session 34: a refuting-fact aimed at a's signature, with b's own signature as its evidence.
    expect(found.get('b') ?? []).toEqual([]);
    expect((found.get('a') ?? []).every((c) => !c.target.text.includes('(talk)'))).toBe(true);
  });
});
