/**
 * The one learner behind every shipped model: a linear model over sparse named features, fit by
 * full-batch Adam from all-zero weights for a fixed number of steps (no randomness, so the same rows give
 * byte-identical weights). Loss follows the link: softmax cross-entropy, per-label logistic (sigmoid) or
 * squared error (identity). Writes the format of src/learn/model.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MODEL_FORMAT, type LinearModel } from '../../../src/learn/model.js';

/** One training row. */
export interface FitRow {
  /** Named feature values; repeated names add up. */
  features: Iterable<readonly [string, number]>;
  /**
   * softmax: the label index; sigmoid: one 0/1 (or soft 0..1) target per label; identity: one target per label.
   */
  y: number | readonly number[];
  /** Row weight. Default 1. */
  weight?: number;
}

/** Options for {@link fitModel}. */
export interface FitModelOptions {
  name: string;
  labels: readonly string[];
  link: LinearModel['link'];
  fitOn: readonly string[];
  /** Repository-relative paths of the feature code (hashed into the model). */
  featureFiles: readonly string[];
  /** L2 penalty per feature weight, by feature name. Default 1e-4 for every feature. */
  l2?: (name: string) => number;
  /** Full-batch Adam steps. Default 300. */
  iterations?: number;
  /** Adam step size. Default 0.05. */
  learningRate?: number;
  /** Features seen in fewer rows are dropped. Default 2. */
  minCount?: number;
  /** Reweight rows so each softmax label (or each sigmoid label's positives) counts equally. Default false. */
  balanced?: boolean;
  /** Decimals kept in stored weights. Default 4. */
  decimals?: number;
  thresholds?: Record<string, number>;
  notes?: string;
}

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

/** sha256 (hex) of the feature code files, line endings normalised, each prefixed by its path. */
export function featureHash(files: readonly string[], root = repoRoot): string {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    h.update(`${f}\n`);
    h.update(readFileSync(resolve(root, f), 'utf8').replace(/\r\n/g, '\n'));
    h.update('\n');
  }
  return h.digest('hex');
}

/** Fits a linear model. Deterministic: zero init, full batch, fixed step count, features sorted by name. */
export function fitModel(rows: readonly FitRow[], options: FitModelOptions): LinearModel {
  const L = options.labels.length;
  const iterations = options.iterations ?? 300;
  const lr = options.learningRate ?? 0.05;
  const minCount = options.minCount ?? 2;
  const l2 = options.l2 ?? (() => 1e-4);
  const decimals = options.decimals ?? 4;

  const dense = rows.map((r) => {
    const m = new Map<string, number>();
    for (const [name, value] of r.features) if (value !== 0) m.set(name, (m.get(name) ?? 0) + value);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of dense) for (const name of m.keys()) df.set(name, (df.get(name) ?? 0) + 1);
  const names = [...df.entries()].filter(([, c]) => c >= minCount).map(([n]) => n).sort();
  const index = new Map(names.map((n, i) => [n, i] as const));
  const F = names.length;
  const X = dense.map((m) => {
    const is: number[] = [];
    const vs: number[] = [];
    for (const [name, value] of m) {
      const j = index.get(name);
      if (j !== undefined) {
        is.push(j);
        vs.push(value);
      }
    }
    return { is: Int32Array.from(is), vs: Float64Array.from(vs) };
  });
  const Y = rows.map((r) => {
    if (options.link === 'softmax') {
      const t = new Float64Array(L);
      t[r.y as number] = 1;
      return t;
    }
    return Float64Array.from(r.y as readonly number[]);
  });
  const rw = Float64Array.from(rows, (r) => r.weight ?? 1);
  if (options.balanced && options.link === 'softmax') {
    const counts = new Float64Array(L);
    rows.forEach((r, i) => (counts[r.y as number] = counts[r.y as number]! + rw[i]!));
    rows.forEach((r, i) => (rw[i] = (rw[i]! * rows.length) / (L * Math.max(1e-9, counts[r.y as number]!))));
  }
  let total = 0;
  for (const w of rw) total += w;
  // Positive weights per sigmoid label when balanced.
  const posWeight = new Float64Array(L).fill(1);
  if (options.balanced && options.link === 'sigmoid') {
    for (let l = 0; l < L; l++) {
      let pos = 0;
      for (const y of Y) pos += y[l]!;
      posWeight[l] = pos > 0 ? (rows.length - pos) / pos : 1;
    }
  }
  const penalty = Float64Array.from(names, (n) => l2(n));
  const W = new Float64Array(F * L);
  const B = new Float64Array(L);
  const G = new Float64Array(F * L);
  const GB = new Float64Array(L);
  const M = new Float64Array(F * L + L);
  const V = new Float64Array(F * L + L);
  const s = new Float64Array(L);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let step = 1; step <= iterations; step++) {
    G.fill(0);
    GB.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const { is, vs } = X[r]!;
      for (let l = 0; l < L; l++) s[l] = B[l]!;
      for (let k = 0; k < is.length; k++) {
        const base = is[k]! * L;
        for (let l = 0; l < L; l++) s[l] = s[l]! + W[base + l]! * vs[k]!;
      }
      if (options.link === 'softmax') {
        let max = -Infinity;
        for (let l = 0; l < L; l++) if (s[l]! > max) max = s[l]!;
        let z = 0;
        for (let l = 0; l < L; l++) {
          s[l] = Math.exp(s[l]! - max);
          z += s[l]!;
        }
        for (let l = 0; l < L; l++) s[l] = s[l]! / z;
      } else if (options.link === 'sigmoid') {
        for (let l = 0; l < L; l++) s[l] = 1 / (1 + Math.exp(-s[l]!));
      }
      const y = Y[r]!;
      for (let l = 0; l < L; l++) {
        let e = s[l]! - y[l]!;
        if (options.link === 'sigmoid' && y[l]! > 0) e *= 1 + (posWeight[l]! - 1) * y[l]!;
        e = (e * rw[r]!) / total;
        GB[l] = GB[l]! + e;
        for (let k = 0; k < is.length; k++) G[is[k]! * L + l] = G[is[k]! * L + l]! + e * vs[k]!;
      }
    }
    const c1 = 1 - b1 ** step;
    const c2 = 1 - b2 ** step;
    for (let j = 0; j < F * L; j++) {
      const g = G[j]! + penalty[Math.floor(j / L)]! * W[j]!;
      M[j] = b1 * M[j]! + (1 - b1) * g;
      V[j] = b2 * V[j]! + (1 - b2) * g * g;
      W[j] = W[j]! - (lr * (M[j]! / c1)) / (Math.sqrt(V[j]! / c2) + 1e-8);
    }
    for (let l = 0; l < L; l++) {
      const j = F * L + l;
      const g = GB[l]!;
      M[j] = b1 * M[j]! + (1 - b1) * g;
      V[j] = b2 * V[j]! + (1 - b2) * g * g;
      B[l] = B[l]! - (lr * (M[j]! / c1)) / (Math.sqrt(V[j]! / c2) + 1e-8);
    }
  }
  const scale = 10 ** decimals;
  const round = (x: number): number => Math.round(x * scale) / scale || 0;
  const weights: Record<string, number[]> = {};
  for (let j = 0; j < F; j++) {
    const w = Array.from({ length: L }, (_, l) => round(W[j * L + l]!));
    if (w.some((x) => x !== 0)) weights[names[j]!] = w;
  }
  const model: LinearModel = {
    format: MODEL_FORMAT,
    name: options.name,
    fitOn: [...options.fitOn],
    featureFiles: [...options.featureFiles].sort(),
    featureHash: featureHash(options.featureFiles),
    link: options.link,
    labels: [...options.labels],
    bias: Array.from(B, round),
    weights,
  };
  if (options.thresholds) model.thresholds = { ...options.thresholds };
  if (options.notes) model.notes = options.notes;
  return model;
}

/** Writes a model file with a stable layout (one weight row per line), so refits diff cleanly. */
export function writeModel(path: string, model: LinearModel): void {
  const { weights, ...head } = model;
  const lines = Object.keys(weights)
    .sort()
    .map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(weights[k])}`);
  const headJson = JSON.stringify(head, null, 2).slice(0, -2);
  writeFileSync(path, `${headJson},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`);
}
