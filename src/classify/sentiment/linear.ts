/**
 * A small, dependency-free linear learner shared by the sentiment and toxicity models: squared loss
 * (regression) or logistic loss (binary), L2-regularised, fit by full-batch Adam from all-zero weights for
 * a fixed number of steps. No randomness anywhere, so the same rows give byte-identical weights.
 */

/** One training row: named features with values, a target and a row weight. */
export interface TrainRow {
  names: readonly string[];
  values: readonly number[];
  /** Regression target, or 0/1 for logistic loss. */
  y: number;
  /** Row weight. Default 1. */
  weight?: number;
}

/** Options for {@link fitLinear}. */
export interface FitOptions {
  /** `squared` (regression) or `logistic` (binary, y in {0, 1}). */
  loss: 'squared' | 'logistic';
  /** L2 penalty per feature, as a function of its name (lets dense features go unpenalised). */
  l2: (name: string) => number;
  /** Full-batch steps. Default 300. */
  iterations?: number;
  /** Adam step size. Default 0.05. */
  learningRate?: number;
  /** Only these feature names are used (others are ignored). Default: every name seen. */
  vocabulary?: ReadonlySet<string>;
}

/** A fitted linear model: bias plus weights by feature name. */
export interface LinearWeights {
  bias: number;
  weights: Map<string, number>;
}

/** Fits a linear model. Deterministic: zero init, full batch, fixed step count, features in first-seen order. */
export function fitLinear(rows: readonly TrainRow[], options: FitOptions): LinearWeights {
  const iterations = options.iterations ?? 300;
  const lr = options.learningRate ?? 0.05;
  const index = new Map<string, number>();
  const names: string[] = [];
  const idx: Int32Array[] = [];
  const val: Float64Array[] = [];
  for (const r of rows) {
    const is: number[] = [];
    const vs: number[] = [];
    for (let k = 0; k < r.names.length; k++) {
      const name = r.names[k]!;
      if (options.vocabulary && !options.vocabulary.has(name)) continue;
      let j = index.get(name);
      if (j === undefined) {
        j = names.length;
        index.set(name, j);
        names.push(name);
      }
      is.push(j);
      vs.push(r.values[k]!);
    }
    idx.push(Int32Array.from(is));
    val.push(Float64Array.from(vs));
  }
  const n = names.length;
  const penalty = Float64Array.from(names, (nm) => options.l2(nm));
  const rowWeight = Float64Array.from(rows, (r) => r.weight ?? 1);
  let totalWeight = 0;
  for (const w of rowWeight) totalWeight += w;
  const w = new Float64Array(n);
  const g = new Float64Array(n);
  const m = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  let bias = 0;
  const b1 = 0.9;
  const b2 = 0.999;
  for (let step = 1; step <= iterations; step++) {
    g.fill(0);
    let gb = 0;
    for (let r = 0; r < rows.length; r++) {
      const is = idx[r]!;
      const vs = val[r]!;
      let z = bias;
      for (let k = 0; k < is.length; k++) z += w[is[k]!]! * vs[k]!;
      const y = rows[r]!.y;
      const err = options.loss === 'logistic' ? 1 / (1 + Math.exp(-z)) - y : z - y;
      const e = (err * rowWeight[r]!) / totalWeight;
      gb += e;
      for (let k = 0; k < is.length; k++) g[is[k]!]! += e * vs[k]!;
    }
    const c1 = 1 - b1 ** step;
    const c2 = 1 - b2 ** step;
    for (let j = 0; j < n; j++) {
      const gj = g[j]! + penalty[j]! * w[j]!;
      m[j] = b1 * m[j]! + (1 - b1) * gj;
      v[j] = b2 * v[j]! + (1 - b2) * gj * gj;
      w[j]! -= (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + 1e-8);
    }
    m[n] = b1 * m[n]! + (1 - b1) * gb;
    v[n] = b2 * v[n]! + (1 - b2) * gb * gb;
    bias -= (lr * (m[n]! / c1)) / (Math.sqrt(v[n]! / c2) + 1e-8);
  }
  const weights = new Map<string, number>();
  for (let j = 0; j < n; j++) weights.set(names[j]!, w[j]!);
  return { bias, weights };
}

/** Names seen in at least `minRows` rows (document frequency), in first-seen order. */
export function frequentNames(rows: readonly TrainRow[], minRows: number): Set<string> {
  const df = new Map<string, number>();
  for (const r of rows) for (const name of new Set(r.names)) df.set(name, (df.get(name) ?? 0) + 1);
  const out = new Set<string>();
  for (const [name, c] of df) if (c >= minRows) out.add(name);
  return out;
}

/**
 * Keeps the `keep` features with the largest |weight| among those `prunable` says may go (dense features are
 * always kept), as a vocabulary for a refit. Ties break by name so the result does not depend on Map order.
 */
export function topFeatures(fit: LinearWeights, keep: number, prunable: (name: string) => boolean): Set<string> {
  const fixed: string[] = [];
  const cands: Array<[string, number]> = [];
  for (const [name, w] of fit.weights) {
    if (prunable(name)) cands.push([name, Math.abs(w)]);
    else fixed.push(name);
  }
  cands.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Set([...fixed, ...cands.slice(0, keep).map((c) => c[0])]);
}

/** Rounds weights to 4 decimals and drops zeros, sorted by name: the form stored in a model file. */
export function storedWeights(weights: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of [...weights.keys()].sort()) {
    const w = Math.round(weights.get(name)! * 10000) / 10000;
    if (w !== 0) out[name] = w;
  }
  return out;
}
