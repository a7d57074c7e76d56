import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../src/text/analysis.js';
import { sentenceWords } from '../src/text/sentence-words.js';
import { wordTokens } from '../src/text/word-tokens.js';

const plain = (tokens: readonly object[]): object[] => tokens.map((t) => ({ ...t }));

// Pieces that make sentence cuts, initialisms, glued numbers, handles, emoticons and marks meet.
const piece = fc.constantFrom('The', 'U.S.', 'e.g.', 'fares', 'rose', '5.9%', '10th', "90's", '12th-century', '£1,150', 'Dr.', 'Mr', 'Smith', 'said', '"no"', ':)', ':-(', '#rail_2024', '@ann_b', 'www.x.org', '\u{1F600}', 'don\u2019t', '...', '?!', '.', ',', '\u2014', '(', ')', 'again', 'B.', 'A');
const gap = fc.constantFrom(' ', '  ', '\n', '\n\n', '', '\t', '\u00a0');
const text = fc.array(fc.tuple(piece, gap), { maxLength: 40 }).map((xs) => xs.map(([p, g]) => p + g).join(''));

describe('sentenceWords', () => {
  it('gives the tokens wordTokens gives the sentence text, for every sentence of any text', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 120 })), (t) => {
        const read = analyzeText(t);
        read.sentences.forEach((s, i) => expect(plain(sentenceWords(read, i))).toEqual(plain(wordTokens(s.text))));
      }),
      { numRuns: 400 },
    );
  });

  it('takes the tokens from the text when a sentence is cut at white space', () => {
    const read = analyzeText('Fares rose 5.9% in 2024. The U.S. line, said Dr. Smith, is closed :)');
    expect(read.sentences.length).toBeGreaterThan(1);
    read.sentences.forEach((s, i) => {
      const words = sentenceWords(read, i);
      for (const w of words) expect(s.text.slice(w.start, w.end)).toBe(w.text);
      expect(words.map((w) => w.text)).toEqual(wordTokens(s.text).map((w) => w.text));
    });
  });
});
