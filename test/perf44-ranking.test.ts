/**
 * perf44's two cuts in the corrections walk give what the plain code gave, on made-up threads:
 * `withLemmaUpTo` (one walk of a lemma's postings) is `withLemma` limited to `max` ids, and `rankByScore` is the
 * stable sort of the score entries by score, then by place.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ThreadIndex, type Candidate, type CorrectionPost } from '../src/classify/corrections/thread-index.js';
import { rankByScore } from '../src/classify/corrections/index.js';
import { splitSentences } from '../src/text/sentences.js';

const WORDS = ['river', 'bridge', 'ticket', 'station', 'council', 'budget', 'mayor', 'harbour', 'tunnel', 'ferry'];

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 6 }).map((w) => `The ${w.join(' and the ')} closed.`);

function post(id: number, sentences: readonly string[], at: number): CorrectionPost {
  const text = sentences.join(' ');
  return { id: `p${id}`, text, span: [at, at + text.length], lines: [{ span: [at, at + text.length], text }], parentId: null, author: `a${id}` };
}

describe('ThreadIndex.withLemmaUpTo (perf44: one walk)', () => {
  it('is withLemma, or null when that holds more than max ids, for any window of registered posts', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 0, maxLength: 4 }),
        fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 12 }),
        fc.array(fc.array(fc.nat(11), { maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        fc.nat(14),
        (articleTexts, postTexts, windows, max) => {
          const article = articleTexts.join(' ');
          const articleSentences = splitSentences(article);
          const index = new ThreadIndex(articleSentences);
          let at = article.length + 1;
          const posts = postTexts.map((s, i) => {
            const p = post(i, s, at);
            at += p.text.length + 1;
            return p;
          });
          for (const picks of windows) {
            // Earlier posts in any order, some repeated, some never registered before: outliers and gaps.
            const earlier = picks.filter((k) => k < posts.length).map((k) => posts[k]!);
            const w = index.window(earlier);
            for (const l of WORDS) {
              const plain = index.withLemma(l, w);
              expect(index.withLemmaUpTo(l, w, max)).toEqual(plain.length > max ? null : plain);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('rankByScore (perf44)', () => {
  it('orders the scored candidates as the stable sort of the entries by score, then by place', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(20), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(29), fc.constantFrom(0, 0.5, 1, 1.5, 1 / 3, 2 / 3, 0.1 + 0.2, 3)), { maxLength: 30 }),
        (places, entries) => {
          const candidates = places.map((p) => ({ abs: [p, p + 5] }) as unknown as Candidate);
          const scores = new Map<number, number>();
          for (const [id, score] of entries) if (id < candidates.length) scores.set(id, score);
          const plain = [...scores.entries()].sort((a, b) => b[1] - a[1] || candidates[a[0]]!.abs[0] - candidates[b[0]]!.abs[0]).map(([id]) => candidates[id]!);
          const fast = rankByScore(scores, candidates);
          expect(fast.length).toBe(plain.length);
          fast.forEach((c, i) => expect(c).toBe(plain[i]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
