/**
 * Cross-fitting (scripts/train/lib/cross-fit.ts): a downstream row that an upstream model was fit on is read by a fit
 * of that upstream without it; rows the upstream never saw read the shipped model. And the stance training's tone
 * reader over the shipped models is the library's own (stance-upstream.ts).
 */
import { describe, expect, it } from 'vitest';
import { crossFit, rowKey, sharedKeyFolds } from '../scripts/train/lib/cross-fit.js';
import { toneWith } from '../scripts/train/lib/stance-upstream.js';
import { SENTIMENT_MODEL } from '../src/classify/sentiment/model.js';
import { SARCASM_MODEL } from '../src/classify/sentiment/sarcasm.js';
import { toneOf } from '../src/classify/stance/features.js';

describe('cross-fitting', () => {
  const up = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x', 'x'];
  const down = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'new', 'x', 'a'];

  it('folds only the keys both sides hold, the same key always in one fold, independent of row order', () => {
    const fold = sharedKeyFolds(down, [up], 3, 5);
    expect([...fold.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x']);
    expect(fold.has('new')).toBe(false);
    const shuffled = sharedKeyFolds([...down].reverse(), [[...up].reverse()], 3, 5);
    expect([...shuffled.entries()].sort()).toEqual([...fold.entries()].sort());
    expect(new Set(fold.values())).toEqual(new Set([0, 1, 2]));
  });

  it('reads every shared row with a fit that never saw it, and the others with the shipped model', () => {
    // The toy upstream "model" is the set of keys it was fit on.
    const fit = crossFit(down, [{ name: 'toy', keys: up, fitWithout: (dropped) => new Set(up.filter((k) => !dropped(k))) }], 3, 5);
    down.forEach((key, i) => {
      const f = fit.foldOf[i]!;
      if (key === 'new') return expect(f).toBe(-1);
      const model = fit.models[f]![0]!;
      expect(model.has(key)).toBe(false);
      // Only its own fold is left out: the fit keeps the other shared rows.
      expect(model.size).toBeGreaterThan(up.length / 2);
    });
    expect(fit.foldOf[0]).toBe(fit.foldOf[10]);
  });

  it('keys texts by their words, not their spacing', () => {
    expect(rowKey('  Good.\n\nAbout  time ')).toBe('Good. About time');
  });

  it('reads a tone with the shipped models exactly as the library does', () => {
    for (const text of ['Oh great, another fare hike. Wonderful planning, as always.', 'The council approved the plan on Tuesday.', 'Finally. About time they fixed the bridge!']) {
      expect(toneWith(SENTIMENT_MODEL, SARCASM_MODEL)(text)).toEqual(toneOf(text));
    }
  });
});
