/**
 * Fits the sentiment model (scripts/train/train-sentiment.ts writes it to model.json; the eval fits it per
 * cross-validation fold). Regression toward valence -1..1, a second regression toward its strength |valence| on
 * the rows with a graded rating, then label thresholds that maximise 3-class macro-F1 on their combination.
 */
import { analyzeSentiment } from './analyze.js';
import type { FeatureBag } from './features.js';
import { DEFAULT_LEXICON } from './lexicon.js';
import { fitLinear, frequentNames, storedWeights, topFeatures, type TrainRow } from './linear.js';
import { loadModel, SENTIMENT_MODEL, sentimentScore, type LinearModelData } from './model.js';
import { tokenize } from './tokenize.js';

export type Polarity3 = 'positive' | 'negative' | 'neutral';

/**
 * One training example: its features, target valence -1..1, row weight, and a 3-class gold label when known.
 * Rows with a gold label are taken to carry a graded rating (a mean of raters) and also train the strength model;
 * rows without one (binary labels given a nominal valence) train the valence model only.
 */
export interface SentimentExample {
  bag: FeatureBag;
  valence: number;
  weight?: number;
  gold?: Polarity3;
}

/** Options for {@link trainSentimentModel}. */
export interface TrainSentimentOptions {
  /** Word features kept after pruning by |weight|. Default 3000. */
  maxFeatures?: number;
  /** A word feature must occur in this many rows to be considered. Default 3. */
  minRows?: number;
  /** L2 penalty on word features. Default 1e-4. */
  l2?: number;
  /** Word features kept in the strength model. Default 2000. */
  maxIntensityFeatures?: number;
  /** Full-batch steps per fit. Default 120. */
  iterations?: number;
  /** Adam step size. Default 0.1. */
  learningRate?: number;
}

const DENSE_L2 = 1e-5;
const isDense = (name: string): boolean => name.startsWith('#');
/** Dense features named "#s." feed the strength model only (how strongly a text is felt, not which way). */
const strengthOnly = (name: string): boolean => name.startsWith('#s.');

/** The features the model sees for `text` (lexicon aggregates and word features, with spans). */
export function sentimentFeatures(text: string): FeatureBag {
  return analyzeSentiment(text, tokenize(text), DEFAULT_LEXICON, SENTIMENT_MODEL, undefined).bag;
}

/** Fits model weights and thresholds on `examples`. Deterministic. */
export function trainSentimentModel(examples: readonly SentimentExample[], options: TrainSentimentOptions = {}): LinearModelData {
  const rowOf = (e: SentimentExample, y: number): TrainRow => ({ names: e.bag.names, values: e.bag.values, y, weight: e.weight ?? 1 });
  const valence = fitPruned(examples.map((e) => rowOf(e, e.valence)), options.maxFeatures ?? 3000, options, strengthOnly);
  const labelled = examples.filter((e) => e.gold !== undefined);
  const intensity = labelled.length > 0 ? fitPruned(labelled.map((e) => rowOf(e, Math.abs(e.valence))), options.maxIntensityFeatures ?? 2000, options) : undefined;
  const model = loadModel({ ...valence, thresholds: {}, ...(intensity ? { intensity } : {}) });
  const scores = labelled.map((e) => sentimentScore(model, e.bag));
  const thresholds = fitThresholds(scores, labelled.map((e) => e.gold!));
  return { ...valence, thresholds, ...(intensity ? { intensity } : {}) };
}

/** One squared-loss fit: rank word features with a shorter fit, keep the `keep` strongest, refit. */
function fitPruned(
  rows: readonly TrainRow[],
  keep: number,
  options: TrainSentimentOptions,
  exclude: (name: string) => boolean = () => false,
): { bias: number; weights: Record<string, number> } {
  const l2 = options.l2 ?? 1e-4;
  const iterations = options.iterations ?? 120;
  const learningRate = options.learningRate ?? 0.1;
  const penalty = (name: string): number => (isDense(name) ? DENSE_L2 : l2);
  const vocabulary = frequentNames(rows, options.minRows ?? 3);
  for (const name of vocabulary) if (exclude(name)) vocabulary.delete(name);
  // A shorter first fit is enough to rank the features for pruning.
  const first = fitLinear(rows, { loss: 'squared', l2: penalty, iterations: Math.ceil(iterations * 0.6), learningRate, vocabulary });
  const kept = topFeatures(first, keep, (n) => !isDense(n));
  const fit = fitLinear(rows, { loss: 'squared', l2: penalty, iterations, learningRate, vocabulary: kept });
  return { bias: Math.round(fit.bias * 10000) / 10000, weights: storedWeights(fit.weights) };
}

/**
 * The (negative, positive) threshold pair maximising macro-F1, from a grid of score quantiles. Rows count by
 * `weights` (default 1 each), the same weights the model was fit with, so no set decides the labels by its size.
 */
export function fitThresholds(scores: readonly number[], gold: readonly Polarity3[], weights?: readonly number[]): { positive: number; negative: number } {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const n = order.length;
  // prefix[c][j]: weight of class c among the j lowest scores (c: 0 negative, 1 neutral, 2 positive).
  const prefix = [new Float64Array(n + 1), new Float64Array(n + 1), new Float64Array(n + 1)];
  const below = new Float64Array(n + 1);
  order.forEach((i, j) => {
    const c = gold[i] === 'negative' ? 0 : gold[i] === 'neutral' ? 1 : 2;
    const w = weights?.[i] ?? 1;
    for (let k = 0; k < 3; k++) prefix[k]![j + 1] = prefix[k]![j]! + (k === c ? w : 0);
    below[j + 1] = below[j]! + w;
  });
  const total = [prefix[0]![n]!, prefix[1]![n]!, prefix[2]![n]!];
  const f1 = (tp: number, predicted: number, actual: number): number => (tp === 0 ? 0 : (2 * tp) / (predicted + actual));
  let best = { positive: 0.1, negative: -0.1 };
  let bestF = -1;
  // Cut j: the j lowest scores are at or below the negative threshold; cut m: rows from m up are positive.
  const cuts: number[] = [];
  for (let p = 0.02; p < 1; p += 0.02) cuts.push(Math.floor(p * n));
  for (const j of cuts) {
    for (const m of cuts) {
      if (m <= j || m >= n || j <= 0) continue;
      const negF = f1(prefix[0]![j]!, below[j]!, total[0]!);
      const neuF = f1(prefix[1]![m]! - prefix[1]![j]!, below[m]! - below[j]!, total[1]!);
      const posF = f1(total[2]! - prefix[2]![m]!, below[n]! - below[m]!, total[2]!);
      const f = (negF + neuF + posF) / 3;
      if (f > bestF) {
        bestF = f;
        best = { negative: round(scores[order[j - 1]!]!), positive: round(scores[order[m]!]!) };
      }
    }
  }
  return best;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
