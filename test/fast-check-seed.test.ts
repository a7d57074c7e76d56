import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FC_SEED } from './setup/fast-check-seed.js';

describe('the fast-check seed of npm test', () => {
  const asked = process.env.FC_SEED;

  it.skipIf(asked === 'random')('is fixed, so properties without a seed of their own draw the same cases on every run', () => {
    expect(fc.readConfigureGlobal().seed).toBe(asked === undefined || asked === '' ? DEFAULT_FC_SEED : Number(asked));
    const draw = () => fc.sample(fc.string({ maxLength: 40 }), 25);
    expect(draw()).toEqual(draw());
  });

  it.skipIf(asked !== 'random')('is left to fast-check with FC_SEED=random', () => {
    expect(fc.readConfigureGlobal().seed).toBeUndefined();
  });
});
