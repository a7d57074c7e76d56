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
  /**
   * A linear-chain fit (session 32, measured; sigmoid with one label only): `link[r]` is 1 when row r follows row
   * r - 1 in the same sequence (a comment's sentence). The rows' labels are then one in/out labelling per run of
   * linked rows, scored by the rows' linear sums (the "in" label's emission) plus three transition weights between
   * linked neighbours (out->in, in->out, in->in; out->out is 0), and the loss is the labelling's negative
   * log-likelihood (a CRF), its gradients from forward-backward marginals. The transitions come back in the model's
   * `thresholds` as `chain.oi`, `chain.io`, `chain.ii` (no L2 on them).
   */
  chain?: { link: Uint8Array };
}

/** Marginals of a linear chain over in/out labels (see `FitModelOptions.chain`). */
export interface ChainMarginals {
  /** P(row k is in). */
  p: Float64Array;
  /** Expected count of each transition (out->in, in->out, in->in) over the linked pairs, summed with `pairWeight`. */
  pairs: Float64Array;
}

/**
 * Forward-backward over rows [a, b) (one linked run): writes P(in) of each row into `p` and adds each linked pair's
 * expected transitions, times `pairWeight(k)`, to `pairs` ([oi, io, ii]) minus the observed ones from `y` when given.
 */
export function chainRun(s: ArrayLike<number>, a: number, b: number, t: readonly [number, number, number], p: Float64Array, pairs?: Float64Array, pairWeight?: (k: number) => number, y?: ArrayLike<number>): void {
  const n = b - a;
  const e = (x: number): number => Math.exp(Math.max(-30, Math.min(30, x)));
  const E01 = e(t[0]);
  const E10 = e(t[1]);
  const E11 = e(t[2]);
  const f0 = new Float64Array(n);
  const f1 = new Float64Array(n);
  const g0 = new Float64Array(n);
  const g1 = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const u = e(s[a + k]!);
    let x0: number;
    let x1: number;
    if (k === 0) {
      x0 = 1;
      x1 = u;
    } else {
      x0 = f0[k - 1]! + f1[k - 1]! * E10;
      x1 = u * (f0[k - 1]! * E01 + f1[k - 1]! * E11);
    }
    const z = x0 + x1;
    f0[k] = x0 / z;
    f1[k] = x1 / z;
  }
  g0[n - 1] = 0.5;
  g1[n - 1] = 0.5;
  for (let k = n - 2; k >= 0; k--) {
    const u = e(s[a + k + 1]!);
    const x0 = g0[k + 1]! + E01 * u * g1[k + 1]!;
    const x1 = E10 * g0[k + 1]! + E11 * u * g1[k + 1]!;
    const z = x0 + x1;
    g0[k] = x0 / z;
    g1[k] = x1 / z;
  }
  for (let k = 0; k < n; k++) {
    const m0 = f0[k]! * g0[k]!;
    const m1 = f1[k]! * g1[k]!;
    p[a + k] = m1 / (m0 + m1);
  }
  if (!pairs) return;
  for (let k = 1; k < n; k++) {
    const u = e(s[a + k]!);
    const x00 = f0[k - 1]! * g0[k]!;
    const x01 = f0[k - 1]! * E01 * u * g1[k]!;
    const x10 = f1[k - 1]! * E10 * g0[k]!;
    const x11 = f1[k - 1]! * E11 * u * g1[k]!;
    const z = x00 + x01 + x10 + x11;
    const w = pairWeight ? pairWeight(a + k) : 1;
    let o01 = 0;
    let o10 = 0;
    let o11 = 0;
    if (y) {
      const yp = y[a + k - 1]!;
      const yc = y[a + k]!;
      o01 = (1 - yp) * yc;
      o10 = yp * (1 - yc);
      o11 = yp * yc;
    }
    pairs[0] = pairs[0]! + w * (x01 / z - o01);
    pairs[1] = pairs[1]! + w * (x10 / z - o10);
    pairs[2] = pairs[2]! + w * (x11 / z - o11);
  }
}

/**
 * The best whole labelling of one linked run (Viterbi) under emission scores `s` (the "in" label's, shifted by
 * `shift`) and transitions `t`; `off(k)` forces row k out. Ties go to "out".
 */
export function chainViterbi(s: ArrayLike<number>, a: number, b: number, t: readonly [number, number, number], shift = 0, off?: (k: number) => boolean): boolean[] {
  const n = b - a;
  const v0 = new Float64Array(n);
  const v1 = new Float64Array(n);
  const from0 = new Uint8Array(n);
  const from1 = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const u = off?.(a + k) ? -Infinity : s[a + k]! + shift;
    if (k === 0) {
      v0[k] = 0;
      v1[k] = u;
      continue;
    }
    const a00 = v0[k - 1]!;
    const a10 = v1[k - 1]! + t[1];
    if (a10 > a00) {
      v0[k] = a10;
      from0[k] = 1;
    } else v0[k] = a00;
    const a01 = v0[k - 1]! + t[0];
    const a11 = v1[k - 1]! + t[2];
    if (a11 > a01) {
      v1[k] = a11 + u;
      from1[k] = 1;
    } else v1[k] = a01 + u;
  }
  const out = new Array<boolean>(n).fill(false);
  let y = v1[n - 1]! > v0[n - 1]! ? 1 : 0;
  for (let k = n - 1; k >= 0; k--) {
    out[k] = y === 1;
    y = y === 1 ? from1[k]! : from0[k]!;
  }
  return out;
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
  const chain = options.chain;
  if (chain && (options.link !== 'sigmoid' || L !== 1 || chain.link.length !== rows.length)) throw new Error('fitModel: a chain fit takes one sigmoid label and one link per row');
  const T = new Float64Array(3);
  const GT = new Float64Array(3);
  const MT = new Float64Array(3);
  const VT = new Float64Array(3);
  const S = chain ? new Float64Array(rows.length) : null;
  const P = chain ? new Float64Array(rows.length) : null;
  const runs: number[] = [];
  if (chain) {
    for (let r = 0; r < rows.length; r++) if (r === 0 || !chain.link[r]) runs.push(r);
    runs.push(rows.length);
  }
  for (let step = 1; step <= iterations; step++) {
    G.fill(0);
    GB.fill(0);
    if (chain) {
      GT.fill(0);
      for (let r = 0; r < rows.length; r++) {
        const { is, vs } = X[r]!;
        let z = B[0]!;
        for (let k = 0; k < is.length; k++) z += W[is[k]!]! * vs[k]!;
        S![r] = z;
      }
      const yv = Float64Array.from(Y, (y) => y[0]!);
      for (let i = 0; i + 1 < runs.length; i++) chainRun(S!, runs[i]!, runs[i + 1]!, [T[0]!, T[1]!, T[2]!], P!, GT, (k) => rw[k]! / total, yv);
      for (let r = 0; r < rows.length; r++) {
        const { is, vs } = X[r]!;
        const e = ((P![r]! - yv[r]!) * rw[r]!) / total;
        GB[0] = GB[0]! + e;
        for (let k = 0; k < is.length; k++) G[is[k]!] = G[is[k]!]! + e * vs[k]!;
      }
      for (let j = 0; j < 3; j++) {
        MT[j] = b1 * MT[j]! + (1 - b1) * GT[j]!;
        VT[j] = b2 * VT[j]! + (1 - b2) * GT[j]! * GT[j]!;
        T[j] = T[j]! - (lr * (MT[j]! / (1 - b1 ** step))) / (Math.sqrt(VT[j]! / (1 - b2 ** step)) + 1e-8);
      }
    }
    for (let r = 0; r < (chain ? 0 : rows.length); r++) {
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
  if (chain) model.thresholds = { ...model.thresholds, 'chain.oi': round(T[0]!), 'chain.io': round(T[1]!), 'chain.ii': round(T[2]!) };
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
