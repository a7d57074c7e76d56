/**
 * One seed for every fast-check property that does not name its own (vitest `setupFiles`), so that `npm test` and CI
 * run the same cases each time and a failure can be replayed: fast-check's report prints the seed and path.
 * `FC_SEED=<integer>` runs another fixed seed; `FC_SEED=random` lets fast-check draw a fresh one per property, to
 * explore beyond the fixed cases (docs/getting-started.md, "Property tests").
 */
import fc from 'fast-check';

/** The seed `npm test` runs with when `FC_SEED` is not set. */
export const DEFAULT_FC_SEED = 43;

const asked = process.env.FC_SEED;
if (asked !== 'random') {
  const seed = asked === undefined || asked === '' ? DEFAULT_FC_SEED : Number(asked);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(asked)}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
