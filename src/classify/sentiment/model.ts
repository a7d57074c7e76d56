/**
 * The learned sentiment model (sentiment.model.json, the one model format of src/learn/model.ts): two linear
 * outputs over the lexicon aggregates, clause scopes, register cues and word features of a text, fit by
 * scripts/train/train-sentiment.ts on several domains: `valence` (toward the mean human rating / 4, -1..1) and
 * `strength` (toward its absolute value: how far from neutral people put the text). The score is
 * sign(valence) * sqrt(|valence| * strength), so a text counts as strongly felt only when both agree; the label
 * thresholds on it are fit with the model, every domain weighing the same.
 */
import data from './sentiment.model.json' with { type: 'json' };
import { predictArrays, weightTable, type LinearModel } from '../../learn/model.js';
import type { FeatureBag } from './features.js';

/** The outputs of the sentiment model, in order. */
export const SENTIMENT_OUTPUTS = ['valence', 'strength'] as const;

/** The shipped sentiment model (see scripts/train/train-sentiment.ts). */
export const SENTIMENT_MODEL: LinearModel = data as LinearModel;

/** Combines valence and strength into the score, -1..1. */
export function combine(valence: number, strength: number): number {
  const s = Math.sign(valence) * Math.sqrt(Math.abs(valence) * Math.max(0, strength));
  return Number.isFinite(s) ? Math.max(-1, Math.min(1, s)) : 0;
}

/** The sentiment score of a feature bag, -1..1. */
export function sentimentScore(model: LinearModel, bag: FeatureBag): number {
  const [v, a] = predictArrays(model, bag.names, bag.values);
  return combine(v ?? 0, a ?? 0);
}

/** The label thresholds stored with the model. */
export function modelThresholds(model: LinearModel): { positive: number; negative: number } {
  return { positive: model.thresholds?.positive ?? 0.15, negative: model.thresholds?.negative ?? -0.15 };
}

/**
 * The text features (those with a span) that moved the valence most toward `sign` (+1 positive, -1 negative),
 * strongest first, at most `max`, each contributing at least `min`.
 */
export function scoreContributions(
  model: LinearModel,
  bag: FeatureBag,
  sign: number,
  max: number,
  min: number,
): Array<{ name: string; span: [number, number]; contribution: number }> {
  const spanOf = new Map<string, [number, number]>();
  for (let k = 0; k < bag.names.length; k++) {
    const s = bag.spans[k];
    if (s && !spanOf.has(bag.names[k]!)) spanOf.set(bag.names[k]!, s);
  }
  // The same amounts as explain() on the text features (repeated names summed, x the valence weight), without
  // sorting every feature first: only those at or above `min` are kept, and they are sorted below.
  const weights = weightTable(model);
  const known = new Map<string, number>();
  for (let k = 0; k < bag.names.length; k++) {
    const name = bag.names[k]!;
    if (spanOf.has(name) && weights.has(name)) known.set(name, (known.get(name) ?? 0) + bag.values[k]!);
  }
  const out: Array<{ name: string; span: [number, number]; contribution: number }> = [];
  for (const [name, value] of known) {
    const amount = value * (weights.get(name)![0] ?? 0);
    const contribution = sign * amount;
    if (amount !== 0 && contribution >= min) out.push({ name, span: spanOf.get(name)!, contribution });
  }
  return out.sort((a, b) => b.contribution - a.contribution || a.span[0] - b.span[0] || (a.name < b.name ? -1 : 1)).slice(0, max);
}

// ---- The legacy linear form the toxicity model still uses (toxicity-model.ts) ---------------------------

/** A legacy linear model: bias and weights by feature name. */
export interface LegacyLinear {
  bias: number;
  weights: ReadonlyMap<string, number>;
}

/** bias + sum of weight x value. */
export function linearScore(model: LegacyLinear, bag: FeatureBag): number {
  let z = model.bias;
  for (let k = 0; k < bag.names.length; k++) {
    const w = model.weights.get(bag.names[k]!);
    if (w !== undefined) z += w * bag.values[k]!;
  }
  return z;
}

/** The text features that pushed a legacy model's output most in direction `sign`. */
export function topContributions(
  model: Pick<LegacyLinear, 'weights'>,
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
