/**
 * A tiny, dependency-free multinomial logistic regression over sparse string features, trained with
 * deterministic full-batch gradient descent (AdaGrad steps, L2 penalty). Shared by the claim and stance
 * models. The model is a plain JSON object: label list, bias per label and weight per feature and label,
 * so it can be read, diffed and edited by hand.
 */

export interface LinearModel {
  /** Format marker, for forward compatibility. */
  format: 'threadlens-linear/1';
  labels: string[];
  bias: number[];
  /** feature -> weight per label (same order as `labels`). */
  weights: Record<string, number[]>;
}

export interface LinearTrainOptions {
  /** Gradient steps over the whole set. Default 60. */
  epochs?: number;
  /** L2 penalty per feature weight. Default 1e-3 (scaled by the number of rows). */
  l2?: number;
  /** AdaGrad step size. Default 0.5. */
  rate?: number;
  /** Features seen in fewer rows are dropped. Default 2. */
  minCount?: number;
  /** Re-weight rows so each label counts equally. Default true. */
  balanced?: boolean;
}

/** Fits a linear model on rows of feature lists (repeats count) and their labels. Deterministic. */
export function trainLinear(rows: ReadonlyArray<{ features: readonly string[]; label: string }>, labels: readonly string[], options: LinearTrainOptions = {}): LinearModel {
  const epochs = options.epochs ?? 60;
  const l2 = options.l2 ?? 1e-3;
  const rate = options.rate ?? 0.5;
  const minCount = options.minCount ?? 2;
  const balanced = options.balanced ?? true;
  const L = labels.length;
  const df = new Map<string, number>();
  for (const r of rows) for (const f of new Set(r.features)) df.set(f, (df.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, c] of [...df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c >= minCount) index.set(f, index.size);
  const F = index.size;
  const X = rows.map((r) => {
    const m = new Map<number, number>();
    for (const f of r.features) {
      const k = index.get(f);
      if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
    }
    // Binary presence, scaled so long rows do not dominate.
    const ks = [...m.keys()];
    const v = 1 / Math.sqrt(Math.max(1, ks.length));
    return { ks, v };
  });
  const y = rows.map((r) => labels.indexOf(r.label));
  const counts = labels.map((_, l) => y.filter((v) => v === l).length);
  const rowWeight = y.map((l) => (balanced && counts[l]! > 0 ? rows.length / (L * counts[l]!) : 1));
  const W = new Float64Array(F * L);
  const B = new Float64Array(L);
  const gW = new Float64Array(F * L);
  const gB = new Float64Array(L);
  const hW = new Float64Array(F * L).fill(1e-8);
  const hB = new Float64Array(L).fill(1e-8);
  const n = rows.length || 1;
  const p = new Float64Array(L);
  for (let epoch = 0; epoch < epochs; epoch++) {
    gW.fill(0);
    gB.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const { ks, v } = X[i]!;
      if (y[i]! < 0) continue;
      let max = -Infinity;
      for (let l = 0; l < L; l++) {
        let s = B[l]!;
        for (const k of ks) s += W[k * L + l]! * v;
        p[l] = s;
        if (s > max) max = s;
      }
      let z = 0;
      for (let l = 0; l < L; l++) {
        p[l] = Math.exp(p[l]! - max);
        z += p[l]!;
      }
      for (let l = 0; l < L; l++) {
        const g = (p[l]! / z - (l === y[i] ? 1 : 0)) * rowWeight[i]!;
        gB[l] = gB[l]! + g;
        for (const k of ks) gW[k * L + l] = gW[k * L + l]! + g * v;
      }
    }
    for (let j = 0; j < F * L; j++) {
      const g = gW[j]! / n + l2 * W[j]!;
      hW[j] = hW[j]! + g * g;
      W[j] = W[j]! - (rate * g) / Math.sqrt(hW[j]!);
    }
    for (let l = 0; l < L; l++) {
      const g = gB[l]! / n;
      hB[l] = hB[l]! + g * g;
      B[l] = B[l]! - (rate * g) / Math.sqrt(hB[l]!);
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [f, k] of index) {
    const w = Array.from({ length: L }, (_, l) => round(W[k * L + l]!));
    if (w.some((x) => x !== 0)) weights[f] = w;
  }
  return { format: 'threadlens-linear/1', labels: [...labels], bias: Array.from(B, round), weights };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Label probabilities for a feature list, plus each known feature's contribution to every label. */
export function predictLinear(model: LinearModel, features: readonly string[]): { probs: number[]; used: string[] } {
  const L = model.labels.length;
  const seen = new Set<string>();
  const used: string[] = [];
  for (const f of features) {
    if (seen.has(f)) continue;
    seen.add(f);
    if (Object.prototype.hasOwnProperty.call(model.weights, f)) used.push(f);
  }
  const v = 1 / Math.sqrt(Math.max(1, used.length));
  const s = model.bias.slice(0, L);
  for (const f of used) {
    const w = model.weights[f]!;
    for (let l = 0; l < L; l++) s[l] = (s[l] ?? 0) + (w[l] ?? 0) * v;
  }
  const max = Math.max(...s);
  const e = s.map((x) => Math.exp(x - max));
  const z = e.reduce((a, b) => a + b, 0);
  return { probs: e.map((x) => x / z), used };
}

/** Checks that `value` has the shape of a LinearModel (for option validation). */
export function isLinearModel(value: unknown): value is LinearModel {
  if (value === null || typeof value !== 'object') return false;
  const m = value as Partial<LinearModel>;
  return m.format === 'threadlens-linear/1' && Array.isArray(m.labels) && Array.isArray(m.bias) && m.weights !== null && typeof m.weights === 'object';
}
