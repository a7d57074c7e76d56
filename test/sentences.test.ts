import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/text/sentences.js';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps abbreviations, initials, decimals and times inside sentences', () => {
    expect(texts('The U.S. Army is big. Dr. Smith met J. Doe at 5 p.m. on Friday. It cost 2.5 billion.')).toEqual([
      'The U.S. Army is big.',
      'Dr. Smith met J. Doe at 5 p.m. on Friday.',
      'It cost 2.5 billion.',
    ]);
  });
  it('splits after "U.S." or "p.m." when a sentence opener follows', () => {
    expect(texts('He moved to the U.S. Then he left.')).toEqual(['He moved to the U.S.', 'Then he left.']);
    expect(texts('We met at 5 p.m. The talks failed.')).toEqual(['We met at 5 p.m.', 'The talks failed.']);
    expect(texts('advantages for the U.S.. This could')).toEqual(['advantages for the U.S..', 'This could']);
  });
  it('handles ellipses, quotes and lines without final punctuation', () => {
    expect(texts('We will fight...but they will not. "Stop." Then go\nno punctuation here')).toEqual([
      'We will fight...but they will not.',
      '"Stop."',
      'Then go',
      'no punctuation here',
    ]);
    expect(texts('Wait... what? Really?! Yes.')).toEqual(['Wait... what?', 'Really?!', 'Yes.']);
  });
  it('spans slice back to the sentence text, shifted by base', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(1000), (t, base) => {
        for (const s of splitSentences(t, base)) {
          expect(t.slice(s.span[0] - base, s.span[1] - base)).toBe(s.text);
          expect(s.text.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
