/**
 * A claim-model recipe for measuring only (scripts/eval/50-claims.ts): fit `trainClaimModel` (a multinomial
 * logistic regression in the caller-model format of src/classify/claims/linear.ts), keep the strongest features, and choose the probability threshold that maximises F1 on out-of-fold scores.
 * Deterministic. Nothing it fits ships: the check-worthiness sets in ../shared/data (ClaimBuster, GPL-3.0;
 * CLEF 2019 CheckThat!, licence not stated) are not marked "may ship", so the shipped default is the hand-set
 * cues (see docs/claims.md).
 */
import { claimFeatures, claimFeaturesAndCap, type ClaimModel } from '../../../src/classify/claims/index.js';
import { predictLinear, type LinearModel } from '../../../src/classify/claims/linear.js';

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

/**
 * Fits a linear model on rows of feature lists (repeats count) and their labels: deterministic full-batch gradient
 * descent (AdaGrad steps, L2 penalty).
 */
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


/**
 * Fits a claim model (logistic regression over the cue scorer's cheap features) on labelled sentences
 * (label 1 = check-worthy), to pass as `detectClaims(text, { model })`.
 */
export function trainClaimModel(examples: ReadonlyArray<{ text: string; label: 0 | 1 | boolean }>, options: LinearTrainOptions = {}): LinearModel {
  const rows = examples.map((e) => ({ features: claimFeatures(String(e.text)), label: e.label === true || e.label === 1 ? '1' : '0' }));
  return trainLinear(rows, ['0', '1'], options);
}

export interface FitClaimOptions {
  /** Folds for the threshold's inner cross-validation. Default 5. */
  folds?: number;
  /** Features kept after fitting, strongest first; the model is then refit on those alone. Default 4000. */
  keep?: number;
  /** Gradient steps. Default 200. */
  epochs?: number;
  /** L2 penalty. Default 1e-4. */
  l2?: number;
}

type Example = { text: string; label: 0 | 1 };

/** Deterministic fold assignment: a seeded shuffle dealt round-robin into `k` folds. */
export function claimFolds(n: number, k: number, seed = 19): number[][] {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const folds: number[][] = Array.from({ length: k }, () => []);
  order.forEach((idx, i) => folds[i % k]!.push(idx));
  return folds.map((f) => f.sort((a, b) => a - b));
}

/** Keeps the `keep` features whose label-1-minus-label-0 weight is largest in size, as [0, difference]. */
export function pruneClaimModel(model: LinearModel, keep: number): LinearModel {
  const pos = Math.max(0, model.labels.indexOf('1'));
  const neg = pos === 0 ? 1 : 0;
  const diff = (w: number[]) => (w[pos] ?? 0) - (w[neg] ?? 0);
  const ranked = Object.entries(model.weights)
    .map(([f, w]) => [f, Math.round(diff(w) * 1000) / 1000] as const)
    .filter(([, d]) => d !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, keep)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const weights: Record<string, number[]> = {};
  for (const [f, d] of ranked) weights[f] = pos === 1 ? [0, d] : [d, 0];
  const b = Math.round(((model.bias[pos] ?? 0) - (model.bias[neg] ?? 0)) * 1e4) / 1e4;
  return { format: 'threadlens-linear/1', labels: [...model.labels], bias: pos === 1 ? [0, b] : [b, 0], weights };
}

/** The probability threshold with the best F1 for these scores (capped rows count as never check-worthy). */
export function bestF1Threshold(scores: readonly number[], gold: readonly boolean[]): { threshold: number; f1: number } {
  const order = scores.map((s, i) => i).filter((i) => Number.isFinite(scores[i])).sort((a, b) => scores[b]! - scores[a]!);
  const positives = gold.filter(Boolean).length;
  let tp = 0;
  let fp = 0;
  let best = { threshold: 0.5, f1: 0 };
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    if (gold[i]) tp++;
    else fp++;
    const next = order[r + 1];
    if (next !== undefined && scores[next] === scores[i]) continue;
    const f1 = (2 * tp) / (tp + fp + positives);
    // Midway to the next lower score, so the threshold separates the two.
    const threshold = next === undefined ? scores[i]! : (scores[i]! + scores[next]!) / 2;
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return { threshold: Math.min(0.99, Math.max(0.01, Math.round(best.threshold * 1e4) / 1e4)), f1: best.f1 };
}

/** A sentence's model features, computed once per fit, and the highest score the rules allow it. */
type FeatureRow = { features: string[]; capLimit: number; label: '0' | '1' };

/**
 * Fits, keeps the `keep` strongest features, and refits on those alone: the refit model sees the same
 * feature counts (and so the same length scaling) at training as at scoring time.
 */
function fitPruned(rows: readonly FeatureRow[], o: Required<FitClaimOptions>): LinearModel {
  const train = { epochs: o.epochs, l2: o.l2 };
  const first = pruneClaimModel(trainLinear(rows, ['0', '1'], train), o.keep);
  const kept = new Set(Object.keys(first.weights));
  const narrowed = rows.map((r) => ({ features: r.features.filter((f) => kept.has(f)), label: r.label }));
  return pruneClaimModel(trainLinear(narrowed, ['0', '1'], { ...train, minCount: 1 }), o.keep);
}

/** Fits the shipped recipe on labelled sentences: pruned, refit model plus the threshold chosen by inner k-fold CV. */
export function fitClaimModel(examples: readonly Example[], options: FitClaimOptions = {}): ClaimModel {
  const o: Required<FitClaimOptions> = { folds: options.folds ?? 5, keep: options.keep ?? 4000, epochs: options.epochs ?? 200, l2: options.l2 ?? 1e-4 };
  const rows: FeatureRow[] = examples.map((e) => ({ ...claimFeaturesAndCap(e.text), label: e.label === 1 ? '1' : '0' }));
  const oof = new Array<number>(rows.length).fill(Number.NEGATIVE_INFINITY);
  for (const fold of claimFolds(rows.length, o.folds)) {
    const held = new Set(fold);
    const model = fitPruned(rows.filter((_, i) => !held.has(i)), o);
    const pos = model.labels.indexOf('1');
    // The model's raw probability; rows a rule caps (questions, fragments, figure-free predictions) never count.
    for (const i of fold) oof[i] = rows[i]!.capLimit < 1 ? Number.NEGATIVE_INFINITY : (predictLinear(model, rows[i]!.features).probs[pos] ?? 0);
  }
  const { threshold } = bestF1Threshold(oof, rows.map((r) => r.label === '1'));
  return { ...fitPruned(rows, o), threshold };
}
