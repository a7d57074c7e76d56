/**
 * A textbook bag-of-words baseline for the evaluation tables: logistic regression over TF-IDF weighted word
 * unigrams and bigrams (sublinear term frequency, smoothed IDF, each row L2-normalised; terms must occur in 2
 * training texts), the recipe a data scientist would try first. It is fit on the training rows only, so its
 * figure sits beside a cross-validated one on equal terms. Nothing here ships.
 */
import { fitModel } from '../../train/lib/fit-model.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-cased word unigrams and adjacent bigrams with their counts. */
function terms(text: string): Map<string, number> {
  const words = text.toLowerCase().match(WORD) ?? [];
  const out = new Map<string, number>();
  const add = (t: string): void => void out.set(t, (out.get(t) ?? 0) + 1);
  words.forEach((w, i) => {
    add(w);
    if (i > 0) add(`${words[i - 1]} ${w}`);
  });
  return out;
}

/** `tfidfLogistic` for rows labelled `positive`, read as probabilities (the logistic of its log-odds). */
export function tfidfProbabilities(train: ReadonlyArray<{ text: string; positive: boolean }>, test: readonly string[], c = 1): number[] {
  return tfidfLogistic(train, test, c).map((z) => 1 / (1 + Math.exp(-z)));
}

/**
 * Fits the baseline on `train` (texts with 0/1 labels) and returns its log-odds for `test`. `c` is the
 * inverse regularisation strength in scikit-learn's convention (L2 penalty 1 / (c * rows)). Deterministic.
 */
export function tfidfLogistic(train: ReadonlyArray<{ text: string; positive: boolean }>, test: readonly string[], c = 1): number[] {
  const trainTerms = train.map((r) => terms(r.text));
  const df = new Map<string, number>();
  for (const t of trainTerms) for (const k of t.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = train.length;
  const idf = new Map<string, number>();
  for (const [k, d] of df) if (d >= 2) idf.set(k, Math.log((1 + n) / (1 + d)) + 1);
  const vector = (t: Map<string, number>): { names: string[]; values: number[] } => {
    const names: string[] = [];
    const values: number[] = [];
    for (const [k, tf] of t) {
      const w = idf.get(k);
      if (w === undefined) continue;
      names.push(k);
      values.push((1 + Math.log(tf)) * w);
    }
    const norm = Math.hypot(...values) || 1;
    return { names, values: values.map((v) => v / norm) };
  };
  const pairs = (v: { names: string[]; values: number[] }) => v.names.map((k, i) => [k, v.values[i]!] as const);
  const rows = train.map((r, i) => ({ features: pairs(vector(trainTerms[i]!)), y: [r.positive ? 1 : 0] }));
  const fit = fitModel(rows, { name: 'bow-baseline', labels: ['positive'], link: 'sigmoid', fitOn: [], featureFiles: [], l2: () => 1 / (c * n), iterations: 300, learningRate: 0.1, minCount: 1, decimals: 15 });
  return test.map((text) => {
    const { names, values } = vector(terms(text));
    let z = fit.bias[0]!;
    names.forEach((k, i) => (z += (fit.weights[k]?.[0] ?? 0) * values[i]!));
    return z;
  });
}
