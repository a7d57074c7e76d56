/**
 * The learned sentiment model (sentiment.model.json, the one model format of src/learn/model.ts): two linear
 * outputs over the lexicon aggregates, clause scopes, register cues and word features of a text, fit by
 * scripts/train/train-sentiment.ts on several domains: `valence` (toward the mean human rating / 4, -1..1) and
 * `strength` (toward its absolute value: how far from neutral people put the text). The score is
 * sign(valence) * sqrt(|valence| * strength), so a text counts as strongly felt only when both agree; the label
 * thresholds on it are fit with the model, every domain weighing the same.
 */
import data from './sentiment.model.json' with { type: 'json' };
import { featureRows, predictRows, rowWeights, type LinearModel } from '../../learn/model.js';
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

// The last bag's feature rows, looked up by sentimentScore and read again by scoreContributions (the evidence of the
// score just computed), so a word feature is hashed once per bag, not once per map the explanation used to fill;
// and the model's outputs over them, read again by the comment register (register.ts) after the analysis.
// Valid while that bag's names and values are unchanged (analyzeSentiment builds a bag, scores it, explains it and
// hands it on to be read, never written); one entry, not a map of bags: plain arrays and no weak table for the collector.
let last:
  | { bag: FeatureBag; model: LinearModel; names: readonly string[]; values: readonly number[]; length: number; rows: number[]; outputs: number[] | undefined }
  | undefined;

function lastOf(model: LinearModel, bag: FeatureBag): NonNullable<typeof last> {
  const names = bag.names;
  if (last !== undefined && last.bag === bag && last.model === model && last.names === names && last.values === bag.values && last.length === names.length) return last;
  const index = featureRows(model);
  const rows: number[] = [];
  for (let k = 0; k < names.length; k++) rows.push(index.get(names[k]!) ?? -1);
  return (last = { bag, model, names, values: bag.values, length: names.length, rows, outputs: undefined });
}

/** The model row of each of the bag's names (-1 for a name the model has no weight for). */
export function rowsOf(model: LinearModel, bag: FeatureBag): number[] {
  return lastOf(model, bag).rows;
}

/**
 * The model's outputs for a bag, [valence, strength]: `predictArrays` over its names (predictRows over the rows is
 * the same sums in the same order), computed once per bag for the score and the comment register.
 */
export function sentimentOutputs(model: LinearModel, bag: FeatureBag): readonly number[] {
  const entry = lastOf(model, bag);
  return (entry.outputs ??= predictRows(model, entry.rows, bag.values));
}

/** The sentiment score of a feature bag, -1..1. */
export function sentimentScore(model: LinearModel, bag: FeatureBag): number {
  const [v, a] = sentimentOutputs(model, bag);
  return combine(v ?? 0, a ?? 0);
}

/** The label thresholds stored with the model. */
export function modelThresholds(model: LinearModel): { positive: number; negative: number } {
  return { positive: model.thresholds?.positive ?? 0.15, negative: model.thresholds?.negative ?? -0.15 };
}

// Per model: a slot per row (-1 = free), scratch for scoreContributions; every slot it sets is freed before it returns.
const slotsOf = new WeakMap<LinearModel, Int32Array>();

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
  // The same amounts as explain() on the text features (repeated names summed, x the valence weight), without
  // sorting every feature first: only those at or above `min` are kept, and they are sorted below. A name counts
  // when it has weights and one of its occurrences has a span (the first such span is shown); its values are
  // summed over all its occurrences in bag order, and names are taken in the order they first occur. Names are
  // told apart by their model row (one row per name), so no name is hashed again.
  const rows = rowsOf(model, bag);
  const { L, w } = rowWeights(model);
  let slots = slotsOf.get(model);
  if (slots === undefined) slotsOf.set(model, (slots = new Int32Array(featureRows(model).size).fill(-1)));
  const firstRow: number[] = [];
  const firstName: string[] = [];
  const sums: number[] = [];
  const spans: Array<[number, number] | null> = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (r < 0) continue;
    const span = bag.spans[k] ?? null;
    const j = slots[r]!;
    if (j < 0) {
      slots[r] = firstRow.length;
      firstRow.push(r);
      firstName.push(bag.names[k]!);
      sums.push(0 + bag.values[k]!);
      spans.push(span);
    } else {
      sums[j] = sums[j]! + bag.values[k]!;
      if (spans[j] === null && span) spans[j] = span;
    }
  }
  const out: Array<{ name: string; span: [number, number]; contribution: number }> = [];
  for (let j = 0; j < firstRow.length; j++) {
    const r = firstRow[j]!;
    slots[r] = -1;
    const span = spans[j];
    if (!span) continue;
    const amount = sums[j]! * w[r * L]!;
    const contribution = sign * amount;
    if (amount !== 0 && contribution >= min) out.push({ name: firstName[j]!, span, contribution });
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
