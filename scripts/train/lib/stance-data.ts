/**
 * Stance data readers (rows stay in ../shared/data) and the one fit of the target-conditioned stance model,
 * shared by scripts/train/train-stance.ts (all shipped rows) and scripts/eval/40-stance.ts (each fold's rows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvObjects } from '../../eval/lib/csv.js';
import { kFold } from '../../eval/lib/metrics.js';
import { stanceFeatureSet } from '../../../src/classify/stance/index.js';
import type { Tone } from '../../../src/classify/stance/features.js';
import type { LinearModel } from '../../../src/learn/model.js';
import type { TargetInput } from '../../../src/schema/classify.js';
import { fitModel, type FitRow } from './fit-model.js';

export type StanceLabel = 'favor' | 'against' | 'neutral';
export const STANCE_LABELS: readonly StanceLabel[] = ['favor', 'against', 'neutral'];

/** One labelled (text, target) pair. */
export interface StanceRow {
  text: string;
  target: TargetInput;
  /** Gold mention character ranges, when the set gives them; otherwise mentions are found by name. */
  at?: Array<[number, number]>;
  label: StanceLabel;
  /** Which set, for weighting and reporting. */
  source: string;
}

/** The feature files of the stance model (hashed into it). */
// The stance features read the sentiment score and its sarcasm flag, so the sentiment and sarcasm models and their code are inputs too.
export const STANCE_FEATURE_FILES = ['src/classify/stance/features.ts', 'src/classify/stance/index.ts', 'src/classify/stance/pronouns.ts', 'src/classify/stance/lexicon.ts', 'src/classify/sentiment/sentiment.model.json', 'src/classify/sentiment/features.ts', 'src/classify/sentiment/sarcasm.model.json', 'src/classify/sentiment/sarcasm.ts', 'src/text/lemma.ts', 'src/text/tokenize.ts', 'src/text/word-lists.ts', 'src/text/word-tokens.ts'];

const POLARITY: Record<number, StanceLabel> = { 2: 'against', 4: 'neutral', 6: 'favor' };

/** NewsMTSC (MIT): sentiment toward a person named in a news sentence; one row per target, gold mentions. */
export function readNewsMtsc(dataDir: string, split: 'train' | 'devtest_mt'): StanceRow[] {
  const out: StanceRow[] = [];
  for (const line of readFileSync(join(dataDir, 'stance', 'newsmtsc', `${split}.jsonl`), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as { sentence_normalized: string; targets: Array<{ from: number; to: number; mention: string; polarity: number; further_mentions?: Array<{ from: number; to: number }> }> };
    for (const t of r.targets) {
      const label = POLARITY[Math.round(t.polarity)];
      if (!label) continue;
      const at: Array<[number, number]> = [[t.from, t.to], ...(t.further_mentions ?? []).map((m) => [m.from, m.to] as [number, number])];
      out.push({ text: r.sentence_normalized, target: { name: t.mention }, at, label, source: `newsmtsc-${split}` });
    }
  }
  return out;
}

/** FanChuan Reddit comments (MIT): support for the thread's subject (Trump) 0 neutral, 1 positive, 2 negative; mostly implicit. */
export function readFanChuan(dataDir: string): StanceRow[] {
  const labels: Record<string, StanceLabel> = { '0': 'neutral', '1': 'favor', '2': 'against' };
  return parseCsvObjects(readFileSync(join(dataDir, 'threads', 'reddit-trump-comments-train.csv'), 'utf8'))
    .filter((r) => typeof r.content === 'string' && r.content.trim() !== '' && labels[r.support ?? ''] !== undefined)
    .map((r) => ({ text: r.content!, target: { name: 'Donald Trump', aliases: ['Trump'] }, label: labels[r.support!]!, source: 'fanchuan' }));
}

/** VAST dev (evaluation only): NYT reader comments and free-form topics. */
export function readVast(dataDir: string): StanceRow[] {
  const labels: Record<string, StanceLabel> = { FAVOR: 'favor', AGAINST: 'against', NONE: 'neutral' };
  return parseCsvObjects(readFileSync(join(dataDir, 'stance', 'vast', 'vast_dev.csv'), 'utf8'))
    .filter((r) => r.Tweet && r['Target 1'] && labels[r['Stance 1'] ?? ''])
    .map((r) => ({ text: r.Tweet!, target: { name: r['Target 1']! }, label: labels[r['Stance 1']!]!, source: 'vast' }));
}

/** SemEval-2016 Task 6 training set (evaluation only; k-fold figures, nothing shipped is fit on it). */
export function readSemEval(dataDir: string): StanceRow[] {
  return readFileSync(join(dataDir, 'stance', 'semeval2016-task6-trainingdata.txt'), 'latin1')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim().length > 0)
    .map((l) => l.split('\t'))
    .filter((c) => c.length >= 4)
    .map(([, target, text, label]) => {
      const l = label!.trim().toLowerCase();
      return { text: text!, target: { name: target! }, label: (l === 'none' ? 'neutral' : l) as StanceLabel, source: 'semeval' };
    });
}

/**
 * Feature rows of `rows` for the fitter (computed once; folds reuse them). `scoreOf[i]`, when given, reads row i's
 * tone (sentiment score, sarcasm) in place of the shipped scorer: the cross-fitted readers of stance-upstream.ts.
 */
export function stanceFitRows(rows: readonly StanceRow[], scoreOf: ReadonlyArray<((text: string) => Tone) | undefined> = []): FitRow[] {
  return rows.map((r, i) => {
    const weight = SOURCE_WEIGHT[r.source] ?? 1;
    let features = [...stanceFeatureSet(r.text, r.target, r.at, scoreOf[i]).features];
    // FanChuan has one target: its words should teach what a comment's tone says of any subject, not of Trump alone.
    if (r.source === 'fanchuan') features = features.filter(([name]) => !name.startsWith('t:'));
    return { features, y: STANCE_LABELS.indexOf(r.label), weight };
  });
}

// Comment-style rows are rarer than news sentences and closer to what threadlens reads: they weigh more.
const SOURCE_WEIGHT: Record<string, number> = { fanchuan: 3 };

/** Weights smaller than this (in every label) are dropped after the fit: they move no decision and the package has a size budget. */
const PRUNE_BELOW = 0.12;

/** How many models the shipped one averages (each fit on all rows but one of this many folds). */
const BAGS = 5;
const BAG_SEED = 7;

/**
 * Fits the stance model on feature rows. Deterministic. `tied` keeps the target-tied word features (`t:`),
 * which only help for targets seen in training: on for the SemEval k-fold figure, off for the shipped model
 * (its training targets are NewsMTSC's people, which users will not ask about).
 *
 * The model is the average of {@link BAGS} fits, each on all rows but one fold (weights and biases averaged,
 * a weight missing from a fit counting as 0), then pruned: one fit's decisions on comments that never name
 * their subject move with which rows it saw (two fits on different 4/5 of the rows agree on 75-79% of VAST's
 * implicit comments, two averages on 95%), so a refit after a small upstream change swings fewer posts.
 */
export function fitStance(rows: readonly FitRow[], fitOn: readonly string[], notes?: string, tied = false): LinearModel {
  const input = tied ? rows : rows.map((r) => ({ ...r, features: [...r.features].filter(([name]) => !name.startsWith('t:')) }));
  const fits = kFold(input.length, BAGS, BAG_SEED).map((fold) => {
    const out = new Set(fold);
    return fitOne(input.filter((_, i) => !out.has(i)), fitOn, notes);
  });
  const model = fits[0]!;
  const labels = model.labels.length;
  const mean = (pick: (m: LinearModel) => number): number => Math.round((fits.reduce((s, m) => s + pick(m), 0) / fits.length) * 1000) / 1000;
  model.bias = Array.from({ length: labels }, (_, l) => mean((m) => m.bias[l]!));
  const names = [...new Set(fits.flatMap((m) => Object.keys(m.weights)))].sort();
  const weights: Record<string, number[]> = {};
  for (const name of names) weights[name] = Array.from({ length: labels }, (_, l) => mean((m) => m.weights[name]?.[l] ?? 0));
  model.weights = weights;
  for (const [name, w] of Object.entries(model.weights)) if (!name.startsWith('~') && w.every((x) => Math.abs(x) < PRUNE_BELOW)) delete model.weights[name];
  return model;
}

/** One fit of the recipe (no pruning). */
function fitOne(rows: readonly FitRow[], fitOn: readonly string[], notes?: string): LinearModel {
  return fitModel(rows, {
    name: 'stance',
    labels: STANCE_LABELS,
    link: 'softmax',
    fitOn,
    featureFiles: STANCE_FEATURE_FILES,
    l2: (name) => (name.startsWith('~') ? 1e-4 : 2e-3),
    iterations: 250,
    learningRate: 0.05,
    minCount: 5,
    balanced: true,
    decimals: 3,
    notes,
  });
}
