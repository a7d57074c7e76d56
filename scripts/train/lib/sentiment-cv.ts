/**
 * Held-out predictions for the sentiment and sarcasm models. Sentiment: leave-one-domain-out, the headline (every
 * domain is scored by a model fit on the other domains only, so no row, word or threshold of it was seen).
 * Sarcasm: stratified k-fold on iSarcasmEval train (the threshold is chosen inside each fold's training rows).
 * Used by the eval and by train-sentiment.ts (for the notes and the sarcasm threshold); nothing here ships.
 */
import { readIsarcasm, readSentimentRows, type SarcasmRow, type SentimentRow } from '../../eval/lib/sentiment-data.js';
import type { FeatureBag } from '../../../src/classify/sentiment/features.js';
import { modelThresholds, sentimentScore } from '../../../src/classify/sentiment/model.js';
import { predict } from '../../../src/learn/model.js';
import { hasFormCue } from '../../../src/classify/sentiment/sarcasm.js';
import { fitSarcasm, sarcasmBag, bestF1Threshold } from './sarcasm-fit.js';
import { fitSentiment, sentimentFeatures, type Polarity3 } from './sentiment-fit.js';
import { stratifiedFolds } from './cv.js';

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

export interface SarcasmPredictions {
  rows: SarcasmRow[];
  /** Out-of-fold probability. */
  probability: number[];
  /** Out-of-fold decision at the F1-best threshold chosen on the fold's training rows. */
  predicted: boolean[];
  /** Out-of-fold decision by the shipped rule: the F0.5-best threshold (precision first) and a form cue. */
  predictedStrict: boolean[];
}

/** Stratified k-fold predictions of the sarcasm detector on iSarcasmEval train. */
export function sarcasmCrossValidated(dataDir: string, k = 5): SarcasmPredictions {
  const rows = readIsarcasm(dataDir);
  const bags = rows.map((r) => sarcasmBag(r.text));
  const rephrases = rows.map((r) => (r.sarcastic && r.rephrase.trim() !== '' ? sarcasmBag(r.rephrase) : null));
  const fold = stratifiedFolds(rows.map((r) => (r.sarcastic ? 's' : 'n')), k);
  const probability = new Array<number>(rows.length).fill(0);
  const predicted = new Array<boolean>(rows.length).fill(false);
  const predictedStrict = new Array<boolean>(rows.length).fill(false);
  for (let f = 0; f < k; f++) {
    const trainIdx = rows.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    // The threshold comes from an inner split of the training rows, so the outer fold stays unseen.
    const inner = stratifiedFolds(trainIdx.map((i) => (rows[i]!.sarcastic ? 's' : 'n')), 3, 11);
    const innerP: number[] = [];
    const innerY: boolean[] = [];
    for (let g = 0; g < 3; g++) {
      const tr = trainIdx.filter((_, j) => inner[j] !== g);
      const m = fitSarcasm(tr.map((i) => ({ bag: bags[i]!, sarcastic: rows[i]!.sarcastic, rephrase: rephrases[i] ?? null })));
      trainIdx.forEach((i, j) => {
        if (inner[j] !== g) return;
        innerP.push(predict(m, pairs(bags[i]!))[0]!);
        innerY.push(rows[i]!.sarcastic);
      });
    }
    const threshold = bestF1Threshold(innerP, innerY);
    const strict = bestF1Threshold(innerP, innerY, 0.5);
    const model = fitSarcasm(trainIdx.map((i) => ({ bag: bags[i]!, sarcastic: rows[i]!.sarcastic, rephrase: rephrases[i] ?? null })));
    rows.forEach((_, i) => {
      if (fold[i] !== f) return;
      probability[i] = predict(model, pairs(bags[i]!))[0]!;
      predicted[i] = probability[i]! >= threshold;
      predictedStrict[i] = probability[i]! >= strict && hasFormCue(model, bags[i]!);
    });
  }
  return { rows, probability, predicted, predictedStrict };
}

function pairs(bag: FeatureBag): Array<[string, number]> {
  return bag.names.map((n, k) => [n, bag.values[k]!]);
}
