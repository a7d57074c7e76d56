/**
 * What the two thread-stance studies that re-read the blind rounds share (study only; scripts/study/register-tone.ts,
 * session 27, and scripts/study/stance-no-side.ts, session 28): the posts and gold they read, each post's comment
 * register reading by a given model, the registers fit without each round, and the (gold, predicted) side pairs with
 * their figures.
 */
import { resolve } from 'node:path';
import type { StanceResult } from '../../../src/schema/classify.js';
import { predict, type LinearModel } from '../../../src/learn/model.js';
import { commentRegisterFeatures } from '../../../src/classify/sentiment/register.js';
import { SENTIMENT_MODEL } from '../../../src/classify/sentiment/model.js';
import { scoreSentiment } from '../../../src/classify/sentiment/index.js';
import type { StepPost } from '../../../src/classify/steps/types.js';
import { sentimentFeatures } from '../../train/lib/sentiment-fit.js';
import { BLIND_DEV_ROUNDS } from '../../train/lib/blind-rounds.js';
import { fitRegister, readBlindRows, readRegisterRows, REGISTER_SETTINGS } from '../../train/lib/comment-register-fit.js';
import { macro } from '../../eval/lib/threads-score.js';

export type Side = 'favor' | 'against' | 'none';

/** An output post, read as the stance step's link reads a step post (spans are the input's in both). */
export type StancePost = StepPost & { id: string; parentId: string | null; text: string; span: [number, number]; sentences?: Array<{ span: [number, number]; text: string }> };

/** One gold dump as the studies read it. */
export interface RoundDump {
  file: string;
  round: string;
  targets: string[];
  gold: Array<{ removed?: boolean; stance?: Record<string, 'favor' | 'against'> | null }>;
  /** Posts as the full pipeline gives them. */
  posts: StancePost[];
  /** Register probabilities (negative, neutral, positive) of each post, by the model its round is read with. */
  probs: number[][];
  flipped: boolean[];
  /** Each post's sentiment evidence, in input offsets (as the stance step's `toInput` gives it). */
  evidence: Array<Array<{ span: [number, number]; text: string }>>;
}

/** Fills (anew) each post's register reading with `modelOf(round)`, its sarcasm flip and its sentiment evidence. */
export function readRegister(dumps: readonly RoundDump[], modelOf: (round: string) => LinearModel): void {
  for (const d of dumps) {
    const model = modelOf(d.round);
    d.probs = [];
    d.flipped = [];
    d.evidence = [];
    for (const p of d.posts) {
      d.probs.push(predict(model, commentRegisterFeatures(sentimentFeatures(p.text), SENTIMENT_MODEL)));
      const general = scoreSentiment(p.text);
      d.flipped.push(general.sarcasmLevel === 'flip');
      d.evidence.push(general.evidence.map((e) => ({ span: [e.span[0] + p.span[0], e.span[1] + p.span[0]] as [number, number], text: e.text })));
    }
  }
}

/** The comment register fit without each development round (the shipped settings), by round label. */
export function leftOutRegisterModels(root: string): Map<string, LinearModel> {
  const dataDir = process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
  const base = readRegisterRows(dataDir);
  const blind = readBlindRows(resolve(root, 'fixtures', 'blind-threads'));
  return new Map(BLIND_DEV_ROUNDS.map(({ label }) => [label, fitRegister([...base, ...blind.filter((r) => r.round !== label)], REGISTER_SETTINGS)]));
}

/** A stance's side, or none. */
export const sideOf = (s: StanceResult | undefined): Side => (s?.label === 'favor' || s?.label === 'against' ? s.label : 'none');

/** (gold, predicted) pairs of every labelled post and gold target of `dumps` under `stances`. */
export function pairs<D extends RoundDump>(dumps: readonly D[], stances: ReadonlyMap<D, StanceResult[][]>): Array<[Side, Side]> {
  const out: Array<[Side, Side]> = [];
  for (const d of dumps) {
    const s = stances.get(d)!;
    d.gold.forEach((gp, i) => {
      if (gp.removed || !gp.stance) return;
      for (const t of d.targets) out.push([gp.stance[t] ?? 'none', sideOf(s[i]?.find((x) => x.target.toLowerCase() === t.toLowerCase()))]);
    });
  }
  return out;
}

/** Favor/against macro-F1 over the pairs with a gold side (score.mjs's `stanceMacroF1`). */
export const sides = (ps: ReadonlyArray<[Side, Side]>): number => macro(ps.filter(([g]) => g !== 'none'), ['favor', 'against']);
/** Favor/against macro-F1 over every labelled pair (a side given where gold has none counts against it). */
export const allPairs = (ps: ReadonlyArray<[Side, Side]>): number => macro(ps, ['favor', 'against']);
/** The share of the sides given that are the gold side. */
export const precision = (ps: ReadonlyArray<[Side, Side]>): number => {
  const given = ps.filter(([, p]) => p !== 'none');
  return given.length ? given.filter(([g, p]) => g === p).length / given.length : 0;
};
export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
