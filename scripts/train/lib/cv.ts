/**
 * Cross-validation helpers shared by the training scripts and the eval: folds stratified by dataset (every
 * held-out fold holds rows of every set), and leave-one-dataset-out splits.
 */
import { kFold } from '../../eval/lib/metrics.js';

/** Fold number (0..k-1) of every row: each dataset is split into k folds on its own, with a fixed seed. */
export function stratifiedFolds(datasets: readonly string[], k: number, seed = 7): number[] {
  const fold = new Array<number>(datasets.length).fill(0);
  const byName = new Map<string, number[]>();
  datasets.forEach((d, i) => {
    const list = byName.get(d) ?? [];
    list.push(i);
    byName.set(d, list);
  });
  for (const rows of byName.values()) {
    kFold(rows.length, k, seed).forEach((test, f) => {
      for (const j of test) fold[rows[j]!] = f;
    });
  }
  return fold;
}

/** Out-of-fold predictions: for every fold, `fit` on the other rows and `predict` the held-out ones. */
export function crossPredict<M>(n: number, fold: readonly number[], k: number, fit: (train: number[]) => M, predict: (model: M, i: number) => number): number[] {
  const out = new Array<number>(n).fill(0);
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (fold[i] === f ? test : train).push(i);
    const model = fit(train);
    for (const i of test) out[i] = predict(model, i);
  }
  return out;
}
