/**
 * A claim-model recipe for measuring only (scripts/eval/50-claims.ts): a logistic regression over the cue
 * scorer's cheap features, fit with the one learner (`fitModel`, the one model format of src/learn/model.ts),
 * keep the strongest features, refit on them, and choose the probability threshold that maximises F1 on
 * out-of-fold scores. Deterministic. Nothing it fits ships: the check-worthiness sets in ../shared/data
 * (ClaimBuster, GPL-3.0; CLEF 2019 CheckThat!, licence not stated) are not marked "may ship", so the shipped
 * default is the hand-set cues (see docs/claims.md).
 */
import { claimFeatures, claimFeaturesAndCap, claimInputs, type ClaimModel } from '../../../src/classify/claims/index.js';
import { predict, type LinearModel } from '../../../src/learn/model.js';
import { fitModel } from './fit-model.js';

/** Options for {@link trainClaimModel}. */
export interface ClaimTrainOptions {
  /** Full-batch Adam steps. Default 300. */
  iterations?: number;
  /** L2 penalty per feature weight. Default 1e-4. */
  l2?: number;
  /** Features seen in fewer rows are dropped. Default 2. */
  minCount?: number;
}

/** The files whose output a claim model's weights expect. */
const CLAIM_FEATURE_FILES = ['src/classify/claims/index.ts', 'src/classify/claims/features.ts', 'src/text/values.ts', 'src/text/value-words.ts', 'src/text/word-tokens.ts'];

/** A sentence's features with its label (1 = check-worthy). */
type LabelledFeatures = { features: readonly string[]; label: '0' | '1' };

/**
 * Fits the claim model on rows of feature lists: features in fewer than `minCount` rows are dropped first, so
 * each row's 1/sqrt(n) scaling counts the same features at fitting as at scoring (see `claimInputs`).
 */
function fitRows(rows: readonly LabelledFeatures[], options: ClaimTrainOptions = {}): LinearModel {
  const minCount = options.minCount ?? 2;
  const df = new Map<string, number>();
  for (const r of rows) for (const f of new Set(r.features)) df.set(f, (df.get(f) ?? 0) + 1);
  const known = (f: string): boolean => (df.get(f) ?? 0) >= minCount;
  return fitModel(
    rows.map((r) => ({ features: claimInputs(r.features, known), y: [r.label === '1' ? 1 : 0] })),
    {
      name: 'claim',
      labels: ['check-worthy'],
      link: 'sigmoid',
      fitOn: ['caller-labelled sentences (measuring only; never shipped)'],
      featureFiles: CLAIM_FEATURE_FILES,
      balanced: true,
      minCount: 1,
      iterations: options.iterations ?? 300,
      l2: () => options.l2 ?? 1e-4,
    },
  );
}

/**
 * Fits a claim model (logistic regression over the cue scorer's cheap features) on labelled sentences
 * (label 1 = check-worthy), to pass as `detectClaims(text, { model })`.
 */
export function trainClaimModel(examples: ReadonlyArray<{ text: string; label: 0 | 1 | boolean }>, options: ClaimTrainOptions = {}): LinearModel {
  return fitRows(examples.map((e) => ({ features: claimFeatures(String(e.text)), label: e.label === true || e.label === 1 ? '1' : '0' })), options);
}

export interface FitClaimOptions {
  /** Folds for the threshold's inner cross-validation. Default 5. */
  folds?: number;
  /** Features kept after fitting, strongest first; the model is then refit on those alone. Default 4000. */
  keep?: number;
  /** Full-batch Adam steps. Default 300. */
  iterations?: number;
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

/** Keeps the `keep` features with the largest weights in size (ties by name). */
export function pruneClaimModel(model: LinearModel, keep: number): LinearModel {
  const kept = Object.entries(model.weights)
    .filter(([, w]) => (w[0] ?? 0) !== 0)
    .sort((a, b) => Math.abs(b[1][0]!) - Math.abs(a[1][0]!) || (a[0] < b[0] ? -1 : 1))
    .slice(0, keep)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { ...model, weights: Object.fromEntries(kept) };
}

/** The probability threshold with the best F1 for these scores (capped rows count as never check-worthy). */
export function bestF1Threshold(scores: readonly number[], gold: readonly boolean[]): { threshold: number; f1: number } {
  return bestFBetaThreshold(scores, gold, 1);
}

/**
 * The probability threshold with the best F-beta for these scores (`f1` holds that F-beta; beta below 1 weighs
 * precision above recall; beta 1 gives `bestF1Threshold` exactly).
 */
export function bestFBetaThreshold(scores: readonly number[], gold: readonly boolean[], beta: number): { threshold: number; f1: number } {
  const b2 = beta * beta;
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
    // F-beta = (1 + b2) tp / ((1 + b2) tp + b2 fn + fp), fn = positives - tp; with b2 = 1 the former F1 digit for digit.
    const f1 = ((1 + b2) * tp) / (tp + fp + b2 * positives);
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
  const train = { iterations: o.iterations, l2: o.l2 };
  const first = pruneClaimModel(fitRows(rows, train), o.keep);
  const kept = new Set(Object.keys(first.weights));
  const narrowed = rows.map((r) => ({ features: r.features.filter((f) => kept.has(f)), label: r.label }));
  return pruneClaimModel(fitRows(narrowed, { ...train, minCount: 1 }), o.keep);
}

/** Fits the shipped recipe on labelled sentences: pruned, refit model plus the threshold chosen by inner k-fold CV. */
export function fitClaimModel(examples: readonly Example[], options: FitClaimOptions = {}): ClaimModel {
  const o: Required<FitClaimOptions> = { folds: options.folds ?? 5, keep: options.keep ?? 4000, iterations: options.iterations ?? 300, l2: options.l2 ?? 1e-4 };
  const rows: FeatureRow[] = examples.map((e) => ({ ...claimFeaturesAndCap(e.text), label: e.label === 1 ? '1' : '0' }));
  const oof = new Array<number>(rows.length).fill(Number.NEGATIVE_INFINITY);
  for (const fold of claimFolds(rows.length, o.folds)) {
    const held = new Set(fold);
    const model = fitPruned(rows.filter((_, i) => !held.has(i)), o);
    const known = (f: string): boolean => Object.prototype.hasOwnProperty.call(model.weights, f);
    // The model's raw probability; rows a rule caps (questions, fragments, figure-free predictions) never count.
    for (const i of fold) oof[i] = rows[i]!.capLimit < 1 ? Number.NEGATIVE_INFINITY : (predict(model, claimInputs(rows[i]!.features, known))[0] ?? 0);
  }
  const { threshold } = bestF1Threshold(oof, rows.map((r) => r.label === '1'));
  return { ...fitPruned(rows, o), thresholds: { claim: threshold } };
}
