/**
 * The small ridge logistic regression of the studies and the arbitration's train script
 * (scripts/train/lib/ridge-logistic.ts): a row's optional weight (session 37, shape40) leaves the unweighted fit as it
 * was, bit for bit, and weighs a row as that many copies of it.
 */
import { describe, expect, it } from 'vitest';
import { fitLogistic, probability, type Example } from '../scripts/train/lib/ridge-logistic.js';

// a small made-up set: two features, overlapping classes (so the fit is finite)
const ROWS: Example[] = [
  { x: [0.1, 2], y: 0 },
  { x: [0.4, 1], y: 0 },
  { x: [0.5, 3], y: 1 },
  { x: [0.9, 0], y: 1 },
  { x: [0.7, 2], y: 0 },
  { x: [0.3, 1], y: 1 },
  { x: [1.2, 4], y: 1 },
  { x: [0.2, 0], y: 0 },
];

describe('fitLogistic: row weights', () => {
  it('with every weight 1, gives the unweighted fit exactly', () => {
    expect(fitLogistic(ROWS.map((r) => ({ ...r, w: 1 })))).toEqual(fitLogistic(ROWS));
  });

  it('weighs a row of weight 2 as two copies of it', () => {
    const weighted = fitLogistic(ROWS.map((r, i) => (i === 2 ? { ...r, w: 2 } : r)));
    const copied = fitLogistic([...ROWS, ROWS[2]!]);
    for (const x of [[0, 0], [0.5, 2], [1, 4]]) expect(probability(weighted, x)).toBeCloseTo(probability(copied, x), 10);
  });

  it('leaves a row of weight 0 out of the fit', () => {
    const weighted = fitLogistic(ROWS.map((r, i) => (i === 5 ? { ...r, w: 0 } : r)));
    const without = fitLogistic(ROWS.filter((_, i) => i !== 5));
    for (const x of [[0, 0], [0.5, 2], [1, 4]]) expect(probability(weighted, x)).toBeCloseTo(probability(without, x), 10);
  });

  it('moves the fit toward a row as its weight grows', () => {
    const p = (w: number): number => probability(fitLogistic([...ROWS, { x: [1.1, 3], y: 0, w }]), [1.1, 3]);
    expect(p(0.25)).toBeGreaterThan(p(1));
    expect(p(1)).toBeGreaterThan(p(4));
  });
});
