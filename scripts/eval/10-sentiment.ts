/**
 * Sentiment: 3-class macro-F1 and Pearson r on the three VADER sets, accuracy on the three UCI sets, for
 * threadlens and the baselines (raw wink-sentiment, npm `sentiment`, vader-sentiment) in the same run.
 * Each system's score is mapped to classes by a neutral band (or a binary threshold for UCI) chosen on the
 * training folds of a 5-fold split and applied to the held-out fold, so every system gets the same fair fit.
 */
import { createRequire } from 'node:module';
import wink from 'wink-sentiment';
import type { EvalContext, EvalRow, EvalSection } from '../eval.js';
import { scoreSentiment } from '../../src/classify/sentiment/index.js';
import { accuracy, kFold, macroF1, pearson } from './lib/metrics.js';
import { readUciSet, readVaderSet, type Polarity3 } from './lib/sentiment-data.js';

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
  { name: 'threadlens', score: (t) => scoreSentiment(t).score, defaultBand: 0.1 },
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
  const vaderSets: Array<[string, string]> = [
    ['VADER tweets', 'tweets_GroundTruth.txt'],
    ['VADER Amazon snippets', 'amazonReviewSnippets_GroundTruth.txt'],
    ['VADER movie snippets', 'movieReviewSnippets_GroundTruth.txt'],
  ];
  for (const [name, file] of vaderSets) {
    const data = readVaderSet(ctx.dataDir, file);
    const gold = data.map((r) => r.gold);
    const means = data.map((r) => r.mean);
    const label = `${name} (${data.length.toLocaleString('en')})`;
    for (const sys of SYSTEMS) {
      const scores = data.map((r) => sys.score(r.text));
      rows.push({ dataset: label, metric: 'macro-F1 (3-class, CV band)', system: sys.name, value: macroF1(gold, cvThreeClass(scores, gold), LABELS), target: sys.name === 'threadlens' ? '>= VADER & wink + 0.05' : undefined });
      rows.push({ dataset: label, metric: 'macro-F1 (3-class, default band)', system: sys.name, value: macroF1(gold, scores.map((s) => to3(s, sys.defaultBand)), LABELS) });
      rows.push({ dataset: label, metric: 'Pearson r', system: sys.name, value: pearson(scores, means), target: sys.name === 'threadlens' ? '> VADER & wink' : undefined });
    }
  }
  for (const [name, file] of [['UCI Amazon', 'uci-amazon.json'], ['UCI IMDB', 'uci-imdb.json'], ['UCI Yelp', 'uci-yelp.json']] as const) {
    const data = readUciSet(ctx.dataDir, file);
    const gold = data.map((r) => r.positive);
    for (const sys of SYSTEMS) {
      const scores = data.map((r) => sys.score(r.text));
      rows.push({ dataset: `${name} (${data.length.toLocaleString('en')})`, metric: 'accuracy (CV threshold)', system: sys.name, value: accuracy(gold, cvBinary(scores, gold)) });
    }
  }
  return {
    title: 'Sentiment',
    rows,
    notes: [
      'Gold for the VADER sets: mean rating > 0.5 positive, < -0.5 negative, else neutral. Pearson r is between each system\'s score and the mean rating.',
      `"CV band": for every system, the neutral band (3-class) or the positive threshold (UCI, binary) is chosen on the training folds of a ${K}-fold split and applied to the held-out fold; the figures pool the held-out predictions. "default band" uses each system's own convention (threadlens 0.1, VADER 0.05, wink and npm sentiment 0). threadlens's lexicon weights and rules are not fit on these rows.`,
      'Baselines: raw wink-sentiment `normalizedScore`, npm `sentiment` `comparative`, vader-sentiment `compound`.',
    ],
  };
}
