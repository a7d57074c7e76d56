/**
 * The learned sentiment model: a linear regression toward the mean human valence (rating / 4, so -1..1) over
 * the lexicon scores and word features, a second one toward its strength (|valence|), and the label thresholds
 * fit on their combination. Loaded once from model.json.
 */
import data from './model.json' with { type: 'json' };
import type { FeatureBag } from './features.js';

/** A linear model as stored in a JSON file: bias, weights by feature name, label thresholds. */
export interface LinearModelData {
  $comment?: string;
  /** What the model was fit on (datasets, row counts, licences). */
  trainedOn?: unknown;
  bias: number;
  weights: Record<string, number>;
  /** Label thresholds on the model's output (sentiment: score >= positive is positive, <= negative is negative). */
  thresholds: Record<string, number>;
  /** Sentiment only: a second linear model toward the strength |valence| (see {@link sentimentScore}). */
  intensity?: { bias: number; weights: Record<string, number> };
}

/** A model ready to score: weights in a Map for fast lookup. */
export interface LinearModel {
  bias: number;
  weights: ReadonlyMap<string, number>;
  thresholds: Readonly<Record<string, number>>;
  /** The strength model, when the file has one. */
  intensity?: { bias: number; weights: ReadonlyMap<string, number> };
}

/** Turns stored model data into a {@link LinearModel}. */
export function loadModel(d: LinearModelData): LinearModel {
  const model: LinearModel = { bias: d.bias, weights: new Map(Object.entries(d.weights)), thresholds: { ...d.thresholds } };
  if (d.intensity) model.intensity = { bias: d.intensity.bias, weights: new Map(Object.entries(d.intensity.weights)) };
  return model;
}

/** The shipped sentiment model (see scripts/train/train-sentiment.ts). */
export const SENTIMENT_MODEL: LinearModel = loadModel(data as LinearModelData);

/** The model's raw output for a feature bag: bias + sum of weight x value. */
export function linearScore(model: Pick<LinearModel, 'bias' | 'weights'>, bag: FeatureBag): number {
  let z = model.bias;
  for (let k = 0; k < bag.names.length; k++) {
    const w = model.weights.get(bag.names[k]!);
    if (w !== undefined) z += w * bag.values[k]!;
  }
  return z;
}

/**
 * The sentiment score: direction from the valence model, strength the geometric mean of the valence model's and
 * the strength model's (|v| and a), so a text counts as strongly felt only when both agree. Without a strength
 * model it is the valence model's output. Cross-validated, the pair labels neutral texts better than either alone
 * (docs/sentiment.md).
 */
export function sentimentScore(model: LinearModel, bag: FeatureBag): number {
  const v = linearScore(model, bag);
  if (!model.intensity) return v;
  const a = Math.max(0, linearScore(model.intensity, bag));
  return Math.sign(v) * Math.sqrt(Math.abs(v) * a);
}

/**
 * The text features (those with a span) that pushed the output most in direction `sign`: name, span and
 * contribution, strongest first, at most `max`, and only those contributing at least `min` (and passing `keep`).
 */
export function topContributions(
  model: Pick<LinearModel, 'weights'>,
  bag: FeatureBag,
  sign: number,
  max: number,
  min: number,
  keep?: (name: string) => boolean,
): Array<{ name: string; span: [number, number]; contribution: number }> {
  const out: Array<{ name: string; span: [number, number]; contribution: number; k: number }> = [];
  for (let k = 0; k < bag.names.length; k++) {
    const span = bag.spans[k];
    if (!span) continue;
    const w = model.weights.get(bag.names[k]!);
    if (w === undefined) continue;
    const c = w * bag.values[k]! * sign;
    if (c >= min && (keep === undefined || keep(bag.names[k]!))) out.push({ name: bag.names[k]!, span, contribution: c, k });
  }
  return out
    .sort((a, b) => b.contribution - a.contribution || a.k - b.k)
    .slice(0, max)
    .map(({ name, span, contribution }) => ({ name, span, contribution }));
}
