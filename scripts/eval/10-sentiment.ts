/**
 * Sentiment: 3-class macro-F1 and Pearson r on the three VADER sets, accuracy on the three UCI sets, for
 * threadlens and the baselines (raw wink-sentiment, npm `sentiment`, vader-sentiment) in the same run.
 * Each system's score is mapped to classes by a neutral band (or a binary threshold for UCI) chosen on the
 * training folds of a 5-fold split and applied to the held-out fold, so every system gets the same fair fit.
 */
import { createRequire } from 'node:module';
import wink from 'wink-sentiment';
import type { EvalContext, EvalRow, EvalSection } from '../eval.js';
import { accuracy, kFold, macroF1, pearson } from './lib/metrics.js';
import type { Polarity3 } from './lib/sentiment-data.js';
import { sentimentPredictions } from '../train/lib/sentiment-cv.js';

const require = createRequire(import.meta.url);
const SentimentPkg = require('sentiment') as new () => { analyze(t: string): { score: number; comparative: number } };
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };

const LABELS: Polarity3[] = ['positive', 'negative', 'neutral'];
const K = 5;

interface System {
  name: string;
  score(text: string): number;
  /** Neutral band the system documents as its own default, when it has one. */
  defaultBand: number;
}

const npmSentiment = new SentimentPkg();
const SYSTEMS: System[] = [
  { name: 'raw wink-sentiment', score: (t) => wink(t).normalizedScore, defaultBand: 0 },
  { name: 'npm sentiment', score: (t) => npmSentiment.analyze(t).comparative, defaultBand: 0 },
  { name: 'vader-sentiment', score: (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound, defaultBand: 0.05 },
];

function to3(score: number, band: number): Polarity3 {
  return score > band ? 'positive' : score < -band ? 'negative' : 'neutral';
}

/** Candidate bands: quantiles of |score| so the grid fits every system's scale. */
function bandGrid(scores: readonly number[]): number[] {
  const abs = scores.map(Math.abs).sort((a, b) => a - b);
  const grid = new Set<number>([0]);
  for (let q = 0.02; q < 0.9; q += 0.02) grid.add(abs[Math.floor(q * (abs.length - 1))]!);
  return [...grid];
}

/** Cross-validated 3-class predictions: band fit on K-1 folds, applied to the held-out fold. */
function cvThreeClass(scores: number[], gold: Polarity3[]): Polarity3[] {
  const pred: Polarity3[] = new Array(scores.length);
  for (const test of kFold(scores.length, K, 7)) {
    const inTest = new Set(test);
    const trainIdx = scores.map((_, i) => i).filter((i) => !inTest.has(i));
    const trS = trainIdx.map((i) => scores[i]!);
    const trG = trainIdx.map((i) => gold[i]!);
    let best = 0;
    let bestF = -1;
    for (const b of bandGrid(trS)) {
      const f = macroF1(trG, trS.map((s) => to3(s, b)), LABELS);
      if (f > bestF) [best, bestF] = [b, f];
    }
    for (const i of test) pred[i] = to3(scores[i]!, best);
  }
  return pred;
}

/** Cross-validated binary predictions: threshold fit on K-1 folds. */
function cvBinary(scores: number[], gold: boolean[]): boolean[] {
  const pred: boolean[] = new Array(scores.length);
  for (const test of kFold(scores.length, K, 7)) {
    const inTest = new Set(test);
    const trainIdx = scores.map((_, i) => i).filter((i) => !inTest.has(i));
    const cands = [...new Set(trainIdx.map((i) => scores[i]!))].sort((a, b) => a - b);
    let best = 0;
    let bestA = -1;
    for (let c = 0; c < cands.length; c += Math.max(1, Math.floor(cands.length / 200))) {
      const th = cands[c]!;
      const a = accuracy(trainIdx.map((i) => gold[i]!), trainIdx.map((i) => scores[i]! >= th));
      if (a > bestA) [best, bestA] = [th, a];
    }
    for (const i of test) pred[i] = scores[i]! >= best;
  }
  return pred;
}

export async function run(ctx: EvalContext): Promise<EvalSection> {
  const rows: EvalRow[] = [];
  const p = sentimentPredictions(ctx.dataDir, K);
  const lexiconOnly = p.bags.map((b) => b.values[b.names.indexOf('#lex')] ?? 0);
  const baselines = SYSTEMS.map((sys) => p.rows.map((r) => sys.score(r.text)));
  const sets = [...new Set(p.rows.map((r) => r.dataset))];
  for (const set of sets) {
    const idx = p.rows.flatMap((r, i) => (r.dataset === set ? [i] : []));
    const label = `${set} (${idx.length.toLocaleString('en')})`;
    const pick = <T,>(xs: readonly T[]): T[] => idx.map((i) => xs[i]!);
    if (p.rows[idx[0]!]!.gold !== undefined) {
      const gold = pick(p.rows).map((r) => r.gold!);
      const means = pick(p.rows).map((r) => r.valence);
      const cv = pick(p.cv);
      const lodo = pick(p.lodo);
      rows.push({ dataset: label, metric: 'macro-F1 (3-class, CV band)', system: 'threadlens (5-fold CV)', value: macroF1(gold, cvThreeClass(cv, gold), LABELS), target: '>= VADER & wink + 0.05' });
      rows.push({ dataset: label, metric: 'macro-F1 (model thresholds)', system: 'threadlens (5-fold CV)', value: macroF1(gold, pick(p.cvLabel), LABELS) });
      rows.push({ dataset: label, metric: 'Pearson r', system: 'threadlens (5-fold CV)', value: pearson(cv, means), target: '> VADER & wink' });
      rows.push({ dataset: label, metric: 'macro-F1 (3-class, CV band)', system: 'threadlens (set left out)', value: macroF1(gold, cvThreeClass(lodo, gold), LABELS) });
      rows.push({ dataset: label, metric: 'macro-F1 (model thresholds)', system: 'threadlens (set left out)', value: macroF1(gold, pick(p.lodoLabel), LABELS) });
      rows.push({ dataset: label, metric: 'Pearson r', system: 'threadlens (set left out)', value: pearson(lodo, means) });
      const lex = pick(lexiconOnly);
      rows.push({ dataset: label, metric: 'macro-F1 (3-class, CV band)', system: 'threadlens lexicon only', value: macroF1(gold, cvThreeClass(lex, gold), LABELS) });
      rows.push({ dataset: label, metric: 'Pearson r', system: 'threadlens lexicon only', value: pearson(lex, means) });
      SYSTEMS.forEach((sys, k) => {
        const scores = pick(baselines[k]!);
        rows.push({ dataset: label, metric: 'macro-F1 (3-class, CV band)', system: sys.name, value: macroF1(gold, cvThreeClass(scores, gold), LABELS) });
        rows.push({ dataset: label, metric: 'macro-F1 (3-class, default band)', system: sys.name, value: macroF1(gold, scores.map((s) => to3(s, sys.defaultBand)), LABELS) });
        rows.push({ dataset: label, metric: 'Pearson r', system: sys.name, value: pearson(scores, means) });
      });
    } else {
      const gold = pick(p.rows).map((r) => r.valence > 0);
      rows.push({ dataset: label, metric: 'accuracy (CV threshold)', system: 'threadlens (5-fold CV)', value: accuracy(gold, cvBinary(pick(p.cv), gold)) });
      rows.push({ dataset: label, metric: 'accuracy (CV threshold)', system: 'threadlens lexicon only', value: accuracy(gold, cvBinary(pick(lexiconOnly), gold)) });
      SYSTEMS.forEach((sys, k) => {
        rows.push({ dataset: label, metric: 'accuracy (CV threshold)', system: sys.name, value: accuracy(gold, cvBinary(pick(baselines[k]!), gold)) });
      });
    }
  }
  return {
    title: 'Sentiment',
    rows,
    notes: [
      'Gold for the VADER sets: mean rating > 0.5 positive, < -0.5 negative, else neutral. Pearson r is between each system\'s score and the mean rating.',
      `threadlens is a pair of learned linear models (valence and its strength, combined as sign(v)·sqrt(|v|·a)) over its two lexicon scores (AFINN and VADER-rated) and word features (docs/sentiment.md), fit on the union of the VADER and UCI sets (tweets weigh three sets). **Headline: "threadlens (5-fold CV)"**: the union is split into ${K} folds stratified by set (every held-out fold holds rows of every set); each fold is scored by a model fit on the other ${K - 1}, thresholds included. "threadlens (set left out)" is the generalisation check: the set being scored is left out of training entirely (the model is fit on the other sets). "threadlens lexicon only" is the rule-based lexicon score without the model (nothing fit).`,
      `"CV band": for every system, the neutral band (3-class) or the positive threshold (UCI, binary) is chosen on the training folds of a ${K}-fold split of the scores and applied to the held-out fold; the figures pool the held-out predictions. "model thresholds": the labels threadlens itself gives, with the (asymmetric) thresholds learned in training. "default band" uses each system's own convention (VADER 0.05, wink and npm sentiment 0).`,
      'Baselines: raw wink-sentiment `normalizedScore`, npm `sentiment` `comparative`, vader-sentiment `compound`.',
    ],
  };
}
