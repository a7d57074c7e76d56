/**
 * Cross-validated predictions of the sentiment model on the development sets: stratified k-fold (every held-out
 * fold holds rows of every set; the model is fit on the rest of the union) and leave-one-dataset-out (the set
 * being scored is not in training at all). Used by the eval; nothing here is shipped.
 */
import { readSentimentRows, type SentimentRow } from '../../eval/lib/sentiment-data.js';
import { sentimentFeatures, trainSentimentModel, type Polarity3, type SentimentExample } from '../../../src/classify/sentiment/train.js';
import type { FeatureBag } from '../../../src/classify/sentiment/features.js';
import { loadModel, sentimentScore } from '../../../src/classify/sentiment/model.js';
import { crossPredict, stratifiedFolds } from './cv.js';

export interface SentimentPredictions {
  rows: SentimentRow[];
  bags: FeatureBag[];
  /** Out-of-fold model score per row (k-fold over the union of sets). */
  cv: number[];
  /** The label the fold's model gives (its own learned thresholds). */
  cvLabel: Polarity3[];
  /** Score and label with the row's whole set left out of training (VADER sets only; NaN / neutral elsewhere). */
  lodo: number[];
  lodoLabel: Polarity3[];
}

const labelOf = (s: number, th: Record<string, number>): Polarity3 => (s >= th.positive! ? 'positive' : s <= th.negative! ? 'negative' : 'neutral');

/** Fits k fold models and one leave-one-out model per VADER set. */
export function sentimentPredictions(dataDir: string, k = 5): SentimentPredictions {
  const rows = readSentimentRows(dataDir);
  const bags = rows.map((r) => sentimentFeatures(r.text));
  const examples: SentimentExample[] = rows.map((r, i) => ({ bag: bags[i]!, valence: r.valence, weight: r.weight, gold: r.gold }));
  const fold = stratifiedFolds(rows.map((r) => r.dataset), k);
  const cvLabel: Polarity3[] = new Array(rows.length);
  const cv = crossPredict(
    rows.length,
    fold,
    k,
    (train) => loadModel(trainSentimentModel(train.map((i) => examples[i]!))),
    (m, i) => {
      const s = sentimentScore(m, bags[i]!);
      cvLabel[i] = labelOf(s, m.thresholds);
      return s;
    },
  );
  const lodo = new Array<number>(rows.length).fill(Number.NaN);
  const lodoLabel: Polarity3[] = new Array(rows.length).fill('neutral');
  for (const set of new Set(rows.filter((r) => r.gold !== undefined).map((r) => r.dataset))) {
    const m = loadModel(trainSentimentModel(examples.filter((_, i) => rows[i]!.dataset !== set)));
    rows.forEach((r, i) => {
      if (r.dataset !== set) return;
      lodo[i] = sentimentScore(m, bags[i]!);
      lodoLabel[i] = labelOf(lodo[i]!, m.thresholds);
    });
  }
  return { rows, bags, cv, cvLabel, lodo, lodoLabel };
}
