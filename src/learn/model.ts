/**
 * The one model format of threadlens and its one predict function. Every shipped model is a linear model
 * over named, real-valued features, stored as plain JSON so it can be read, diffed and explained:
 * `score[l] = bias[l] + Σ value(f) · weights[f][l]`, then a link turns scores into outputs.
 *
 * Fitting lives in scripts/train/ (never shipped); a model file records which data it was fit on and a
 * hash of the feature code that produced its inputs, checked by test/model-hash.test.ts so features cannot
 * change without a refit.
 */

/** The format marker of every model file. */
export const MODEL_FORMAT = 'threadlens-model/2' as const;

/** A fitted linear model as stored in a `*.model.json` file. */
export interface LinearModel {
  /** Always {@link MODEL_FORMAT}. */
  format: typeof MODEL_FORMAT;
  /** What the model predicts, e.g. "toxicity", "stance". */
  name: string;
  /** The data it was fit on, each with its licence, e.g. "ToxiSpans (CC0 1.0)". */
  fitOn: string[];
  /** Repository paths of the feature code whose output the weights expect. */
  featureFiles: string[];
  /** sha256 (hex) of those files, see `scripts/train/lib/feature-hash.ts`. */
  featureHash: string;
  /**
   * `softmax`: one output per label, probabilities summing to 1; `sigmoid`: each label an independent
   * probability (one label = binary); `identity`: raw scores (regression).
   */
  link: 'softmax' | 'sigmoid' | 'identity';
  /** Output names, in the order of `bias` and of each weight row. */
  labels: string[];
  bias: number[];
  /** feature name -> one weight per label. */
  weights: Record<string, number[]>;
  /** Decision thresholds or other calibrated constants chosen on held-out data, by name. */
  thresholds?: Record<string, number>;
  /** Free-form notes: how it was fit, the figures it reached. */
  notes?: string;
}

/** Named feature values for one item. Repeated names add up. */
export type Features = ReadonlyMap<string, number> | Iterable<readonly [string, number]>;

/** One feature's share of a label's score: `value · weight`. */
export interface Contribution {
  feature: string;
  value: number;
  /** value · weight for the label asked about. */
  amount: number;
}

const own = Object.prototype.hasOwnProperty;

function scores(model: LinearModel, features: Features): number[] {
  const L = model.labels.length;
  const s = model.bias.slice(0, L);
  for (const [name, value] of features) {
    if (!own.call(model.weights, name)) continue;
    const w = model.weights[name]!;
    for (let l = 0; l < L; l++) s[l] = s[l]! + (w[l] ?? 0) * value;
  }
  return s;
}

/** Outputs of the model for one item (probabilities for softmax/sigmoid, raw scores for identity). */
export function predict(model: LinearModel, features: Features): number[] {
  const s = scores(model, features);
  if (model.link === 'identity') return s;
  if (model.link === 'sigmoid') return s.map((x) => 1 / (1 + Math.exp(-x)));
  let max = -Infinity;
  for (const x of s) if (x > max) max = x;
  const e = s.map((x) => Math.exp(x - max));
  let z = 0;
  for (const x of e) z += x;
  return e.map((x) => x / z);
}

/**
 * The features that moved label `label`'s score, largest |amount| first (ties by name, so the order is
 * deterministic), keeping those with |amount| >= `minAmount` (default 0: all known features).
 */
export function explain(model: LinearModel, features: Features, label: number, minAmount = 0): Contribution[] {
  const sum = new Map<string, number>();
  for (const [name, value] of features) if (own.call(model.weights, name)) sum.set(name, (sum.get(name) ?? 0) + value);
  const out: Contribution[] = [];
  for (const [feature, value] of sum) {
    const amount = value * (model.weights[feature]![label] ?? 0);
    if (amount !== 0 && Math.abs(amount) >= minAmount) out.push({ feature, value, amount });
  }
  out.sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount) || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
  return out;
}

/** True when `value` has the shape of a {@link LinearModel} (for loading and option checks). */
export function isLinearModel(value: unknown): value is LinearModel {
  if (value === null || typeof value !== 'object') return false;
  const m = value as Partial<LinearModel>;
  return (
    m.format === MODEL_FORMAT &&
    typeof m.name === 'string' &&
    Array.isArray(m.labels) &&
    Array.isArray(m.bias) &&
    m.bias.length === m.labels.length &&
    (m.link === 'softmax' || m.link === 'sigmoid' || m.link === 'identity') &&
    m.weights !== null &&
    typeof m.weights === 'object'
  );
}
