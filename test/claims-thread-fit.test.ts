import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ClaimModel } from '../src/classify/claims/index.js';
import { readBlindClaimPosts } from '../scripts/eval/lib/blind-posts.js';
import { bestF1Threshold, bestFBetaThreshold } from '../scripts/train/lib/claim-recipe.js';
import { postScore } from '../scripts/train/lib/comment-claims-fit.js';
import { fitThreadClaimRows, fitThreadClaims, postProbability, rateMatchedThreshold, threadSentenceRows, type ThreadClaimPost } from '../scripts/train/lib/thread-claims-fit.js';

// The thread-post claim fit of session 26 (measuring only: docs/claims.md): rows from post-level gold, a fit on two
// blind development rounds (fixtures/blind-threads 01-10), and made-up posts.
const settings = { l2: 1e-2, corpus: 0, handset: true, iterations: 300 };
let posts: ThreadClaimPost[];
let model: ClaimModel;
beforeAll(() => {
  posts = readBlindClaimPosts(join(import.meta.dirname, '..')).filter((p) => p.round === '01-04' || p.round === '05-10');
  model = fitThreadClaims(posts, [], settings);
});

describe('the thread-post claim fit (measuring only)', () => {
  it('reads post gold as sentence rows: every sentence of a non-claim post is 0, a claim post gives its most claim-like sentence as 1', () => {
    const opinion = { text: 'What a mess. I hope they fix it soon.', round: 'x', claim: false };
    const report = { text: 'Honestly no idea why. The clinic moved to Bridge Street in June.', round: 'x', claim: true };
    const rows = threadSentenceRows([opinion, report]);
    expect(rows.map((r) => r.label)).toEqual([0, 0, 1]);
    // The positive row is the second sentence (the one with a place and a month), not the first.
    expect(rows[2]!.features).toContain('st:time-place');
  });

  it('is deterministic: the same posts give byte-identical weights and threshold', () => {
    const again = fitThreadClaims(posts, [], settings);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    expect(JSON.stringify(fitThreadClaimRows(threadSentenceRows(posts), settings))).toBe(JSON.stringify(fitThreadClaimRows(threadSentenceRows(posts), settings)));
  });

  it('reads a first-hand factual report as a claim', () => {
    const report = 'We moved our allotment to the Brook Lane site last spring. The water there is switched off from October.';
    expect(postScore(report, model)).toBeGreaterThanOrEqual(0.5);
  });

  it('chooses thresholds on the decision the claims path makes: a question, irony, a prediction and a quotation keep their caps and floor', () => {
    const t = model.thresholds!.claim!;
    const texts = [
      'Does anyone know if the Saturday market still opens at 8?',
      'Sure, because the bypass totally fixed traffic in 2019.',
      'It will be fine, they will sort it out eventually.',
      '"We are not closing the pool," said Maria Okafor.',
      'Gerald, you have not had a single useful idea since 2011.',
      'The library is open until 8 on Thursdays. Lovely staff too.',
    ];
    for (const text of texts) expect(postProbability(text, model) >= t, text).toBe(postScore(text, model) >= 0.5);
    expect(postProbability(texts[0]!, model)).toBe(0);
    expect(postProbability(texts[1]!, model)).toBe(0);
    expect(postProbability(texts[3]!, model)).toBe(1);
  });

  it('session 37: an F-beta threshold (beta 1 is the F1 threshold; beta below 1 never sits lower) and an L2 of its own on the register deciles', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];
    const gold = [true, true, false, true, false, true, false, false];
    expect(bestFBetaThreshold(scores, gold, 1)).toEqual(bestF1Threshold(scores, gold));
    expect(bestFBetaThreshold(scores, gold, 0.7).threshold).toBeGreaterThanOrEqual(bestF1Threshold(scores, gold).threshold);
    expect(bestFBetaThreshold(scores, gold, 0.5).threshold).toBe(0.75);
    // handsetL2 equal to l2 is the same fit; a different one moves only through the `rc:` weights' penalty.
    const rows = threadSentenceRows(posts);
    expect(JSON.stringify(fitThreadClaimRows(rows, { ...settings, handsetL2: settings.l2 }))).toBe(JSON.stringify(fitThreadClaimRows(rows, settings)));
    const stacked = fitThreadClaimRows(rows, { ...settings, handsetL2: 1e-4 });
    const rcNorm = (m: { weights: Record<string, number[]> }): number => Object.entries(m.weights).filter(([f]) => f.startsWith('rc:')).reduce((a, [, w]) => a + w[0]! ** 2, 0);
    expect(rcNorm(stacked)).toBeGreaterThan(rcNorm(fitThreadClaimRows(rows, settings)));
  });

  it('session 37 (claims38): the rate-matched threshold calls as many posts claims as their gold has (ties: the nearer count, then the higher threshold)', () => {
    // Three gold claims: the three highest scores are called, the threshold midway to the fourth.
    const gold = [true, false, true, false, true, false];
    expect(rateMatchedThreshold([0.9, 0.8, 0.7, 0.6, 0.5, 0.4], gold)).toEqual({ threshold: 0.65, called: 3, claims: 3 });
    // Whatever the order of the posts.
    expect(rateMatchedThreshold([0.4, 0.7, 0.9, 0.5, 0.6, 0.8], gold).threshold).toBe(0.65);
    // A tie at the third place: 2 or 4 called are equally near 3, so the higher threshold (2 called).
    expect(rateMatchedThreshold([0.9, 0.8, 0.6, 0.6, 0.5, 0.4], gold)).toEqual({ threshold: 0.7, called: 2, claims: 3 });
    // A tie where one side is nearer: 4 called (|4-3| = 1) beats 1 called (|1-3| = 2).
    expect(rateMatchedThreshold([0.9, 0.7, 0.7, 0.7, 0.5, 0.4], gold)).toEqual({ threshold: 0.6, called: 4, claims: 3 });
    // The lowest score taken: the threshold is that score (nothing below to sit midway to).
    expect(rateMatchedThreshold([0.9, 0.8], [true, true])).toEqual({ threshold: 0.8, called: 2, claims: 2 });
    // Non-finite scores are never called; no scores at all give a neutral threshold.
    expect(rateMatchedThreshold([Number.NaN, 0.9, 0.3], [true, true, false])).toEqual({ threshold: 0.3, called: 2, claims: 2 });
    expect(rateMatchedThreshold([], []).threshold).toBe(0.5);
    // In a fit: the threshold rate-matches the model's own scores on its training posts.
    const rated = fitThreadClaims(posts, [], { ...settings, threshold: 'rate' });
    const t = rated.thresholds!.claim!;
    const called = posts.filter((p) => postProbability(p.text, rated) >= t).length;
    const claims = posts.filter((p) => p.claim).length;
    expect(Math.abs(called - claims)).toBeLessThanOrEqual(posts.length * 0.05);
    expect(JSON.stringify(fitThreadClaims(posts, [], { ...settings, threshold: 'rate' }))).toBe(JSON.stringify(rated));
  });
});
