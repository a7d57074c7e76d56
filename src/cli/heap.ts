import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what is live after a full collection, in percent, for `analyze`:
 * 100 (the next collection at twice the live heap). V8's default factor climbs to 4 when a program allocates much
 * faster than the collector works, as the analysis of a large dump does, which put an 8 MB dump's peak RSS anywhere
 * between 650 MB and 1.1 GB; at 100 it stayed at about 750 MB for about 5% more CPU (docs/performance.md).
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Sets V8's heap growing factor for this process (every thread), unless the user set a heap flag of their own
 * (`--heap-growing-percent` or `--max-old-space-size`, on the command line or in NODE_OPTIONS). V8 reads the factor
 * at every full collection, so setting it at run time takes effect from the next one.
 */
export function boundHeapGrowth(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  if (/--(?:heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size)\b/.test(given)) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
