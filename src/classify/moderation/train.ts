/**
 * Fits the toxicity model (scripts/train/train-toxicity.ts writes toxicity-model.json; the eval fits it per
 * cross-validation fold): L2-regularised logistic regression, pruned to the strongest word features.
 */
import type { FeatureBag } from '../sentiment/features.js';
import { fitLinear, frequentNames, storedWeights, topFeatures, type TrainRow } from '../sentiment/linear.js';
import type { LinearModelData } from '../sentiment/model.js';

/** One training example: features (see `toxicityFeatures`) and whether people judged the text toxic. */
export interface ToxicityExample {
  bag: FeatureBag;
  toxic: boolean;
}

/** Options for {@link trainToxicityModel}. */
export interface TrainToxicityOptions {
  /** Word features kept after pruning by |weight|. Default 2000. */
  maxFeatures?: number;
  /** A word feature must occur in this many rows to be considered. Default 5. */
  minRows?: number;
  /** L2 penalty on word features. Default 3e-4. */
  l2?: number;
  /** Full-batch steps per fit. Default 150. */
  iterations?: number;
}

const isDense = (name: string): boolean => name.startsWith('#') || name.startsWith('$');

/** Fits the toxicity model on `examples`. Deterministic. */
export function trainToxicityModel(examples: readonly ToxicityExample[], options: TrainToxicityOptions = {}): LinearModelData {
  const l2 = options.l2 ?? 3e-4;
  const iterations = options.iterations ?? 150;
  const learningRate = 0.1;
  const rows: TrainRow[] = examples.map((e) => ({ names: e.bag.names, values: e.bag.values, y: e.toxic ? 1 : 0 }));
  const penalty = (name: string): number => (isDense(name) ? 1e-4 : l2);
  const vocabulary = frequentNames(rows, options.minRows ?? 5);
  const first = fitLinear(rows, { loss: 'logistic', l2: penalty, iterations: Math.ceil(iterations * 0.6), learningRate, vocabulary });
  const kept = topFeatures(first, options.maxFeatures ?? 2000, (n) => !isDense(n));
  const fit = fitLinear(rows, { loss: 'logistic', l2: penalty, iterations, learningRate, vocabulary: kept });
  return { bias: Math.round(fit.bias * 10000) / 10000, weights: storedWeights(fit.weights), thresholds: {} };
}
