import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readText } from '../src/classify/moderation/models.js';
import { POST_FEATURES, postFeatures, postProbability } from '../src/classify/moderation/span-post.js';

// The per-post span decision (span-post.ts, session 34; measured, not shipped): its features and probability.

describe('the per-post span decision', () => {
  it('reads one value per named feature, finite and deterministic, on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const [tokens, readings] = readText(text, null);
        const p = readings.map((_, k) => (k % 3) / 3);
        const x = postFeatures(text, tokens, readings, p, (k) => k % 4 === 1, [0.1, 0.2, 0.3, 0.4, 0.5]);
        expect(x.length).toBe(POST_FEATURES.length);
        expect([...x].every(Number.isFinite)).toBe(true);
        expect(postFeatures(text, tokens, readings, p, (k) => k % 4 === 1, [0.1, 0.2, 0.3, 0.4, 0.5])).toEqual(x);
        const q = postProbability({ 'post.bias': 0.3, 'post.best': 0.5, 'post.you': -1 }, x);
        expect(q).toBeGreaterThan(0);
        expect(q).toBeLessThan(1);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the best word: who it is aimed at, its sentence, capitals, repeats', () => {
    const text = 'Nice day. You are an IDIOT, a total idiot!';
    const [tokens, readings] = readText(text, null);
    const p = readings.map((r) => (r.norm === 'idiot' ? 0.9 : 0.05));
    const x = postFeatures(text, tokens, readings, p, () => false, [0.6, 0.7, 0.1, 0.05, 0.02]);
    const f = Object.fromEntries(POST_FEATURES.map((n, a) => [n, x[a]]));
    expect(f.bestYouSentence).toBe(1);
    expect(f.bestAimed).toBe(1);
    expect(f.bestCaps).toBe(1);
    expect(f.bestRepeat).toBeCloseTo(Math.log(2));
    expect(f.sentences).toBeCloseTo(Math.log(3));
    expect(f.distinct45).toBeCloseTo(Math.log(2));
    // A blocked word reads as 0: nothing is left to be the best.
    const none = postFeatures(text, tokens, readings, p, () => true, [0.6, 0.7, 0.1, 0.05, 0.02]);
    expect(none[POST_FEATURES.indexOf('n30')]).toBe(0);
  });
});
