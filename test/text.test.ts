/** The text layer (src/text): the one tokenizer, its word view and the per-text analysis. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../src/text/analysis.js';
import { splitSentences } from '../src/text/sentences.js';
import { tokenize, type Token } from '../src/text/tokenize.js';
import { wordTokens } from '../src/text/word-tokens.js';
import { isNegator } from '../src/text/word-lists.js';
import { lemma } from '../src/text/lemma.js';

const texts = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('U.S. troops (about 2%) left on the 12th-century site at 3:15pm. #news @ann_b :) 😀', "Don\u2019t!! it's 90's rock?! www.x.org/a", '\u0000\ud800 e.g. 1,000.50 Ph.D.'),
);

describe('tokenize', () => {
  it('gives each token its text, lower and norm forms', () => {
    const [dont, , its] = tokenize('Don\u2019t say It\u2019s');
    expect(dont).toMatchObject({ kind: 'word', text: 'Don\u2019t', lower: "don't", norm: 'dont' });
    expect(its).toMatchObject({ lower: "it's", norm: 'its' });
    expect(tokenize('Wow!!! :) #Great').map((t) => [t.kind, t.text])).toEqual([['word', 'Wow'], ['punct', '!!!'], ['emoticon', ':)'], ['hashtag', '#Great']]);
  });
});

describe('wordTokens', () => {
  it('keeps initialisms and ordinals whole, one-character marks, "%" apart', () => {
    const show = (s: string) => wordTokens(s).map((t) => `${t.kind[0]}:${t.text}`);
    expect(show('The U.S. rose 5%, on the 12th-century site.')).toEqual(['w:The', 'w:U.S.', 'w:rose', 'n:5', 'p:%', 'p:,', 'w:on', 'w:the', 'n:12th', 'p:-', 'w:century', 'w:site', 'p:.']);
    expect(show('at 3:15 "no?!" #tag @ann_b')).toEqual(['w:at', 'n:3', 'p::', 'n:15', 'p:"', 'w:no', 'p:?', 'p:!', 'p:"', 'p:#', 'w:tag', 'p:@', 'w:ann', 'p:_', 'w:b']);
  });
  it('reads negators in either apostrophe', () => {
    expect(wordTokens('I don\u2019t know, it isn\'t').filter(isNegator).map((t) => t.text)).toEqual(['don\u2019t', "isn't"]);
  });
  it('properties: tokens slice back, in order, without overlap; only words, numbers and marks', () => {
    fc.assert(
      fc.property(texts, (s) => {
        for (const toks of [tokenize(s), wordTokens(s)]) {
          let at = 0;
          for (const t of toks) {
            expect(s.slice(t.start, t.end)).toBe(t.text);
            expect(t.start).toBeGreaterThanOrEqual(at);
            expect(t.end).toBeGreaterThan(t.start);
            at = t.end;
          }
        }
        for (const t of wordTokens(s)) expect(['word', 'number', 'punct']).toContain(t.kind);
        // The word view covers exactly the characters the tokenizer covers.
        const merged = (toks: readonly Token[]) => {
          const out: Array<[number, number]> = [];
          for (const t of toks) {
            const last = out[out.length - 1];
            if (last && last[1] === t.start) last[1] = t.end;
            else out.push([t.start, t.end]);
          }
          return out.map(([a, b]) => `${a}-${b}`).join(',');
        };
        expect(merged(wordTokens(s))).toBe(merged(tokenize(s)));
      }),
    );
  });
  it('hands out one frozen word view per text, equal to a fresh reading, whether or not the tokens are passed in', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 100 }), (text, others) => {
        const first = wordTokens(text);
        const copy = structuredClone(first);
        expect(Object.isFrozen(first) && first.every((t) => Object.isFrozen(t))).toBe(true);
        expect(wordTokens(text)).toBe(first);
        for (const o of others) wordTokens(o); // may push `text` out of the memo
        expect(wordTokens(text)).toEqual(copy);
        expect(wordTokens(text + ' ', tokenize(text + ' '))).toEqual(wordTokens(text + ' '));
        expect(analyzeText(text).words).toEqual(copy);
      }),
    );
  });
});

describe('analyzeText', () => {
  it('reads a text once: the same tokens and sentences as the parts, and each sentence its own tokens', () => {
    fc.assert(
      fc.property(texts, (s) => {
        const a = analyzeText(s);
        expect(a.tokens).toEqual(tokenize(s));
        expect(a.tokens).toBe(a.tokens);
        expect(a.sentences).toEqual(splitSentences(s));
        expect(a.sentenceTokens).toHaveLength(a.sentences.length);
        a.sentences.forEach((sen, i) => {
          const [from, to] = a.sentenceTokens[i]!;
          for (const t of a.tokens.slice(from, to)) expect(t.start < sen.span[1] && t.end > sen.span[0]).toBe(true);
        });
      }),
    );
  });
});

describe('lemma', () => {
  it('reads words named like object properties as ordinary words', () => {
    for (const w of ['constructor', 'tostring', '__proto__', 'hasownproperty', 'valueof']) expect(typeof lemma(w)).toBe('string');
    expect(lemma('constructors')).toBe('constructor');
  });
  it('is a string for any lower-case input', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof lemma(s.toLowerCase()) === 'string'));
  });
});
