/**
 * The sentiment label thresholds are chosen on out-of-fold scores with every domain counting by its weight in the fit
 * (once each when they weigh alike): the mean of each domain's own macro-F1, not one pool where the largest or most
 * polar domain decides the neutral band.
 */
import { describe, expect, it } from 'vitest';
import { fitThresholds, type Polarity3 } from '../scripts/train/lib/sentiment-fit.js';

type Row = { s: number; g: Polarity3; d: string };

/** Mean over domains of each domain's macro-F1 at the given thresholds. */
function meanMacroF1(rows: readonly Row[], th: { positive: number; negative: number }): number {
  const domains = [...new Set(rows.map((r) => r.d))];
  const f = domains.map((d) => {
    const own = rows.filter((r) => r.d === d);
    const label = (s: number): Polarity3 => (s >= th.positive ? 'positive' : s <= th.negative ? 'negative' : 'neutral');
    const f1s = (['negative', 'neutral', 'positive'] as const).map((c) => {
      const tp = own.filter((r) => r.g === c && label(r.s) === c).length;
      const p = own.filter((r) => label(r.s) === c).length;
      const a = own.filter((r) => r.g === c).length;
      return tp === 0 ? 0 : (2 * tp) / (p + a);
    });
    return (f1s[0]! + f1s[1]! + f1s[2]!) / 3;
  });
  return f.reduce((a, b) => a + b, 0) / f.length;
}

// Reviews: many rows, a narrow neutral band (feeling is said outright). News: few rows, told flatly, so its
// neutral sentences reach further from 0 and only strong scores are felt.
function rows(): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < 300; i++) {
    const x = i / 300;
    out.push({ s: -0.6 + 0.45 * x, g: 'negative', d: 'reviews' }, { s: -0.1 + 0.2 * x, g: 'neutral', d: 'reviews' }, { s: 0.15 + 0.45 * x, g: 'positive', d: 'reviews' });
  }
  for (let i = 0; i < 40; i++) {
    const x = i / 40;
    out.push({ s: -0.7 + 0.3 * x, g: 'negative', d: 'news' }, { s: -0.35 + 0.7 * x, g: 'neutral', d: 'news' }, { s: 0.4 + 0.3 * x, g: 'positive', d: 'news' });
  }
  return out;
}

describe('fitThresholds', () => {
  it('with domains, every domain counts once: the band widens for the small flat domain', () => {
    const r = rows();
    const pooled = fitThresholds(r.map((x) => x.s), r.map((x) => x.g));
    const byDomain = fitThresholds(r.map((x) => x.s), r.map((x) => x.g), undefined, r.map((x) => x.d));
    // The pooled fit follows the big domain's narrow band; the per-domain mean moves toward the small one's.
    expect(byDomain.positive - byDomain.negative).toBeGreaterThan(pooled.positive - pooled.negative);
    expect(meanMacroF1(r, byDomain)).toBeGreaterThan(meanMacroF1(r, pooled));
  });

  it('with weights, a domain counts by its rows\' total weight: one fit at a quarter moves the band less', () => {
    const r = rows();
    const size = (d: string): number => r.filter((x) => x.d === d).length;
    const args = [r.map((x) => x.s), r.map((x) => x.g)] as const;
    const once = fitThresholds(...args, undefined, r.map((x) => x.d));
    const pooled = fitThresholds(...args);
    const even = fitThresholds(...args, r.map((x) => 1 / size(x.d)), r.map((x) => x.d));
    const quarter = fitThresholds(...args, r.map((x) => (x.d === 'news' ? 0.25 : 1) / size(x.d)), r.map((x) => x.d));
    expect(even).toEqual(once);
    const width = (t: { positive: number; negative: number }): number => t.positive - t.negative;
    expect(width(quarter)).toBeLessThan(width(once));
    expect(width(quarter)).toBeGreaterThanOrEqual(width(pooled));
  });

  it('is deterministic and orders the pair', () => {
    const r = rows();
    const a = fitThresholds(r.map((x) => x.s), r.map((x) => x.g), undefined, r.map((x) => x.d));
    const b = fitThresholds(r.map((x) => x.s), r.map((x) => x.g), undefined, r.map((x) => x.d));
    expect(a).toEqual(b);
    expect(a.negative).toBeLessThan(a.positive);
  });
});
