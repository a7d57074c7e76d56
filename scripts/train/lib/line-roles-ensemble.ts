/**
 * The line-role model's fits by round (session 45, guard45; read by scripts/study/guard45-refit-pairs.ts, a study: the
 * library's model is still the single fit of scripts/train/train-line-roles.ts): the shipped recipe on the fixtures and
 * a list of blind rounds (`single`), and the rounds-left-out ensemble (`bag`, `bagModel`): one fit of the shipped recipe
 * per fold of the rounds, each leaving that fold out, their weights averaged into one model of the same format. `bag`
 * met its stability and forward-chained bars and failed the full test (a made-up signed-comment page of
 * test/layouts-session44.test.ts read worse), so it does not ship (docs/dump-styles.md "Session 45 (guard45)").
 */
import { MODEL_FORMAT, type LinearModel } from '../../../src/learn/model.js';
import { BLIND_DEV_ROUNDS } from './blind-rounds.js';
import { fitLineRoles, lineRoleRows, type Fixture } from './line-roles-data.js';

/** One development round's blind dumps with their line roles. */
export interface RoundFixtures {
  label: string;
  fixtures: readonly Fixture[];
}

/** A way to fit the line-role model on the fixtures and some rounds. */
export interface Mechanism {
  name: string;
  fit(fixtures: readonly Fixture[], rounds: readonly RoundFixtures[], fitOn: readonly string[], notes?: string): LinearModel;
}

/** The shipped recipe (session 18's model B) on the fixtures and every round given. */
export const SINGLE: Mechanism = {
  name: 'single',
  fit: (fixtures, rounds, fitOn, notes) => fitLineRoles(lineRoleRows([...fixtures, ...rounds.flatMap((r) => r.fixtures)]), fitOn, notes),
};

/** The ensemble's folds: a round's fold is its place in `BLIND_DEV_ROUNDS` mod `BAG_FOLDS` (so a new round never moves an old one). */
export const BAG_FOLDS = 3;

/** A round's fold (its index in `BLIND_DEV_ROUNDS`, mod `BAG_FOLDS`; a round not in the list: its index among `rounds`). */
export function roundFold(label: string, rounds: readonly RoundFixtures[]): number {
  const i = BLIND_DEV_ROUNDS.findIndex((r) => r.label === label);
  return (i >= 0 ? i : rounds.findIndex((r) => r.label === label)) % BAG_FOLDS;
}

/** Decimals kept in an averaged weight, as `fitModel` keeps them. */
const DECIMALS = 4;

/**
 * One linear model whose scores are the mean of the members' scores: every weight and bias the mean over the members (a
 * weight a member lacks is 0 there), rounded as `fitModel` rounds. Under the softmax link its probabilities are the
 * members' probabilities pooled log-linearly (the normalised geometric mean). Members share format, labels, link,
 * feature files and hash; the first one's are kept.
 */
export function averageModels(members: readonly LinearModel[], fitOn: readonly string[], notes?: string): LinearModel {
  const first = members[0];
  if (first === undefined) throw new Error('averageModels: no member');
  const L = first.labels.length;
  for (const m of members) if (m.link !== first.link || m.labels.join() !== first.labels.join() || m.featureHash !== first.featureHash) throw new Error('averageModels: members differ in labels, link or features');
  const scale = 10 ** DECIMALS;
  const round = (x: number): number => Math.round(x * scale) / scale || 0;
  const names = [...new Set(members.flatMap((m) => Object.keys(m.weights)))].sort();
  const weights: Record<string, number[]> = {};
  for (const n of names) {
    const w = Array.from({ length: L }, (_, l) => round(members.reduce((s, m) => s + (m.weights[n]?.[l] ?? 0), 0) / members.length));
    if (w.some((x) => x !== 0)) weights[n] = w;
  }
  const model: LinearModel = {
    format: MODEL_FORMAT,
    name: first.name,
    fitOn: [...fitOn],
    featureFiles: [...first.featureFiles],
    featureHash: first.featureHash,
    link: first.link,
    labels: [...first.labels],
    bias: Array.from({ length: L }, (_, l) => round(members.reduce((s, m) => s + m.bias[l]!, 0) / members.length)),
    weights,
  };
  if (notes !== undefined) model.notes = notes;
  return model;
}

/**
 * The rounds-left-out ensemble: with the rounds in `BAG_FOLDS` folds (`roundFold`), one fit of the shipped recipe per
 * fold that holds a round, on the fixtures and every round outside that fold, averaged (`averageModels`). With fewer
 * than two folds holding a round, the single fit.
 */
export function bagModel(fixtures: readonly Fixture[], rounds: readonly RoundFixtures[], fitOn: readonly string[], notes?: string): LinearModel {
  const folds = [...new Set(rounds.map((r) => roundFold(r.label, rounds)))].sort((a, b) => a - b);
  if (folds.length < 2) return SINGLE.fit(fixtures, rounds, fitOn, notes);
  const members = folds.map((k) => SINGLE.fit(fixtures, rounds.filter((r) => roundFold(r.label, rounds) !== k), fitOn));
  return averageModels(members, fitOn, notes);
}

export const BAG: Mechanism = { name: 'bag', fit: bagModel };

export const MECHANISMS: readonly Mechanism[] = [SINGLE, BAG];
