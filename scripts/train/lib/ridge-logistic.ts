/**
 * A small ridge logistic regression (Newton's method on standardised features, bias unpenalised, fixed steps from zero:
 * deterministic), and its conversion to the one model format. Shared by scripts/study/learned-arbitration.ts (session
 * 35, shape36) and scripts/train/train-arbitration.ts (shape37).
 */
import type { LinearModel } from '../../../src/learn/model.js';

export interface Example {
  x: number[];
  y: number;
  /** The row's weight in the fit (its standardisation, gradient and Hessian), default 1 (session 37, shape40). */
  w?: number;
}
export interface Logistic {
  mean: number[];
  sd: number[];
  w: number[];
  b: number;
}

/** Solves A z = v (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], v: number[]): number[] {
  const n = v.length;
  const M = A.map((r, i) => [...r, v[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const k = M[r]![c]! / M[c]![c]!;
      for (let j = c; j <= n; j++) M[r]![j]! -= k * M[c]![j]!;
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let j = r + 1; j < n; j++) s -= M[r]![j]! * z[j]!;
    z[r] = s / M[r]![r]!;
  }
  return z;
}

export const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));

/**
 * Ridge logistic regression (penalty `ridge` on the standardised weights, none on the bias), `steps` Newton steps. A
 * row's weight `w` (default 1) scales its share of the mean and spread the features are standardised by and its terms
 * of the gradient and Hessian, as if it were `w` copies of itself; with every weight 1 the arithmetic is the unweighted
 * fit's, bit for bit (a product by 1 and a sum of ones are exact).
 */
export function fitLogistic(rows: readonly Example[], ridge = 1, steps = 50): Logistic {
  const d = rows[0]!.x.length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  const weight = rows.map((r) => r.w ?? 1);
  const total = weight.reduce((s, w) => s + w, 0);
  rows.forEach((r, i) => r.x.forEach((v, j) => (mean[j]! += (weight[i]! * v) / total)));
  rows.forEach((r, i) => r.x.forEach((v, j) => (sd[j]! += (weight[i]! * (v - mean[j]!) ** 2) / total)));
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]!) || 1;
  const Z = rows.map((r) => [1, ...r.x.map((v, j) => (v - mean[j]!) / sd[j]!)]);
  let beta = new Array<number>(d + 1).fill(0);
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    Z.forEach((z, i) => {
      const p = sigmoid(z.reduce((s, v, j) => s + v * beta[j]!, 0));
      const e = weight[i]! * (p - rows[i]!.y);
      const w = weight[i]! * (p * (1 - p));
      for (let j = 0; j <= d; j++) {
        g[j]! += e * z[j]!;
        for (let k = 0; k <= d; k++) H[j]![k]! += w * z[j]! * z[k]!;
      }
    });
    for (let j = 1; j <= d; j++) {
      g[j]! += ridge * beta[j]!;
      H[j]![j]! += ridge;
    }
    const delta = solve(H, g);
    beta = beta.map((v, j) => v - delta[j]!);
  }
  return { mean, sd, b: beta[0]!, w: beta.slice(1) };
}

export const probability = (m: Logistic, x: readonly number[]): number => sigmoid(m.b + x.reduce((s, v, j) => s + ((v - m.mean[j]!) / m.sd[j]!) * m.w[j]!, 0));

/** The fit in the one model format (a sigmoid over raw feature values: the standardisation folded into the weights). */
export function toLinearModel(m: Logistic, names: readonly string[], base: Pick<LinearModel, 'name' | 'fitOn' | 'featureFiles' | 'featureHash' | 'labels' | 'thresholds' | 'notes'>): LinearModel {
  const weights: Record<string, number[]> = {};
  let bias = m.b;
  names.forEach((n, j) => {
    weights[n] = [m.w[j]! / m.sd[j]!];
    bias -= (m.w[j]! * m.mean[j]!) / m.sd[j]!;
  });
  return { format: 'threadlens-model/2', name: base.name, fitOn: base.fitOn, featureFiles: base.featureFiles, featureHash: base.featureHash, link: 'sigmoid', labels: base.labels, bias: [bias], weights, ...(base.thresholds ? { thresholds: base.thresholds } : {}), ...(base.notes ? { notes: base.notes } : {}) };
}

/** A reading's figures on one dump as the study scores it (scripts/study/line-roles-left-out.ts `scoreDoc`). */
export interface DumpScore {
  posts: number;
  authors: number;
  starts: number;
  parentsGold: number;
  parents: number;
}

/** Mean of a dump's authors / starts / parents shares (parents left out where the gold has no reply): the arbitration's label. */
export function meanShare(s: DumpScore): number {
  const share = (a: number, b: number): number => (b > 0 ? a / b : 0);
  const a = share(s.authors, s.posts);
  const st = share(s.starts, s.posts);
  return s.parentsGold > 0 ? (a + st + share(s.parents, s.parentsGold)) / 3 : (a + st) / 2;
}
