/**
 * Cross-fitting (out-of-fold stacking) for models that read another model's output as a feature.
 *
 * When a downstream model (stance) is fit on rows that an upstream model (sarcasm, sentiment) was fit on too, the
 * upstream's reading of those rows is in-sample: it knows their labels better than it will know any new text's, and
 * the downstream fit learns to trust the feature more than it deserves. Cross-fitting reads each shared row with an
 * upstream model fit without it: the shared rows are split into k folds (by their text, so a sentence with several
 * targets, or a text both sets hold, falls in one fold), the upstream is fit k times, each time without one fold's
 * rows, and a shared row is read by the fit that left its fold out. Rows the upstream never saw read the shipped
 * (full-data) model, as every text does at run time.
 *
 * Used by scripts/train/lib/stance-upstream.ts (stance over sentiment and sarcasm); reusable for any stacked pair.
 */
import { kFold } from '../../eval/lib/metrics.js';

/** Folds and seed of the shipped cross-fitting. */
export const CROSS_FIT_K = 5;
export const CROSS_FIT_SEED = 29;

/** The key two data sets share a row by: its text with white space collapsed. */
export function rowKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The fold (0..k-1) of every downstream key that any of the `upstream` key lists holds too. Shared keys are sorted
 * and split by a seeded shuffle (kFold), so the assignment does not depend on row order. Keys no upstream holds
 * get no fold.
 */
export function sharedKeyFolds(downstream: readonly string[], upstream: ReadonlyArray<readonly string[]>, k = CROSS_FIT_K, seed = CROSS_FIT_SEED): Map<string, number> {
  const known = new Set(upstream.flat());
  const shared = [...new Set(downstream.filter((key) => known.has(key)))].sort();
  const fold = new Map<string, number>();
  kFold(shared.length, k, seed).forEach((idx, f) => {
    for (const i of idx) fold.set(shared[i]!, f);
  });
  return fold;
}

/** One upstream model to cross-fit: its training rows' keys and how to fit it without some of them. */
export interface Upstream<M> {
  name: string;
  /** The key of every row the upstream is fit on (any order; duplicates allowed). */
  keys: readonly string[];
  /** Fits the upstream on its rows for which `dropped(key)` is false (the shipped recipe, minus those rows). */
  fitWithout: (dropped: (key: string) => boolean) => M;
}

/** What {@link crossFit} gives: the fold of each downstream row (-1: read by the shipped models) and each fold's fits. */
export interface CrossFit<M> {
  /** Per downstream row, its fold, or -1 when no upstream was fit on it. */
  foldOf: number[];
  /** models[f][u]: upstream u fit without fold f's rows; null when u holds none of them (read by the shipped model). */
  models: Array<Array<M | null>>;
  /** Rows per fold, and how many each upstream shares. */
  summary: string;
}

/**
 * Cross-fits `upstreams` for downstream rows keyed `downstream` (one key per row, rowKey of its text): k folds over
 * the keys any upstream shares, one fit per (fold, upstream) whose rows the fold touches. Deterministic.
 */
export function crossFit<M>(downstream: readonly string[], upstreams: ReadonlyArray<Upstream<M>>, k = CROSS_FIT_K, seed = CROSS_FIT_SEED): CrossFit<M> {
  const fold = sharedKeyFolds(downstream, upstreams.map((u) => u.keys), k, seed);
  const ownKeys = upstreams.map((u) => new Set(u.keys));
  const models: Array<Array<M | null>> = [];
  for (let f = 0; f < k; f++) {
    const dropped = (key: string): boolean => fold.get(key) === f;
    models.push(upstreams.map((u, j) => {
      let touches = false;
      for (const [key, g] of fold) if (g === f && ownKeys[j]!.has(key)) touches = true;
      return touches ? u.fitWithout(dropped) : null;
    }));
  }
  const foldOf = downstream.map((key) => fold.get(key) ?? -1);
  const shares = upstreams.map((u, j) => `${u.name} ${downstream.filter((key) => ownKeys[j]!.has(key)).length}`);
  const summary = `${k} folds (seed ${seed}) over ${fold.size} shared texts; downstream rows each upstream was fit on: ${shares.join(', ')} of ${downstream.length}`;
  return { foldOf, models, summary };
}
