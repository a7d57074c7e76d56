/**
 * Held-out predictions for the sentiment model: leave-one-domain-out, the headline (every
 * domain is scored by a model fit on the other domains only, so no row, word or threshold of it was seen).
 * Used by the eval (the sarcasm cross-validation is in sarcasm-fit.ts); nothing here ships.
 */
import { readSentimentRows, type SentimentRow } from '../../eval/lib/sentiment-data.js';
import type { FeatureBag } from '../../../src/classify/sentiment/features.js';
import { modelThresholds, sentimentScore } from '../../../src/classify/sentiment/model.js';
import { fitSentiment, sentimentFeatures, type Polarity3 } from './sentiment-fit.js';

export interface DomainPredictions {
  rows: SentimentRow[];
  bags: FeatureBag[];
  /** Score P(pos) - P(neg) with the row's domain left out of fitting. */
  score: number[];
  /** The label the left-out model gives (its own thresholds, fit on the other domains). */
  label: Polarity3[];
}

/** Fits one model per domain on the other domains and scores the left-out one. */
export function leaveOneDomainOut(dataDir: string, only?: readonly string[]): DomainPredictions {
  const rows = readSentimentRows(dataDir);
  const bags = rows.map((r) => sentimentFeatures(r.text));
  const score = new Array<number>(rows.length).fill(Number.NaN);
  const label: Polarity3[] = new Array(rows.length).fill('neutral');
  for (const set of new Set(rows.map((r) => r.dataset))) {
    if (only && !only.includes(set)) continue;
    const train = rows.flatMap((r, i) => (r.dataset === set ? [] : [{ bag: bags[i]!, valence: r.valence, ...(r.gold ? { gold: r.gold } : {}), weight: r.weight, domain: r.dataset }]));
    const model = fitSentiment(train);
    const th = modelThresholds(model);
    rows.forEach((r, i) => {
      if (r.dataset !== set) return;
      score[i] = sentimentScore(model, bags[i]!);
      label[i] = score[i]! >= th.positive ? 'positive' : score[i]! <= th.negative ? 'negative' : 'neutral';
    });
  }
  return { rows, bags, score, label };
}

/** The row's 3-class label (UCI rows are positive or negative). */
export function goldOf(r: SentimentRow): Polarity3 {
  return r.gold ?? (r.valence > 0 ? 'positive' : 'negative');
}
