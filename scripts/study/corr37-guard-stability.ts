/**
 * Session 35 (corr37): how steady the correction scorer's choice (weight, keep threshold) is under main's guard (one
 * fold assignment, thread index mod 5) and under the repeated guard (the mean of ten seeded assignments), on the same
 * perturbations (pre-registered in docs/corrections.md, session 35 part 1):
 * - none: every development round and thread;
 * - drop round r (each of the development rounds): its threads leave the rows and the left-out mean;
 * - drop thread n (8 runs): the blind threads holding findings, in number order, the 5th, 15th, 25th, ...
 * For each guard: the mean absolute change of G over the grid's cells against "none", and how many perturbations move
 * the pick (and the mean absolute change of the picked threshold). Reads what train-corrections.ts reads; writes nothing.
 * Usage: npx tsx scripts/study/corr37-guard-stability.ts
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LinearModel } from '../../src/learn/model.js';
import { chooseCell, correctionGrid, type BlindData, type Cell, type GuardKind } from '../train/lib/correction-choice.js';
import { CORRECTION_FIT } from '../train/lib/correction-fit.js';
import { BLIND_ROUNDS, blindGroup, blindPosts, blindThreads, pairGroups, roundOf, rumourGroups, type Group } from '../train/lib/correction-rows.js';
import { fitModel, type FitRow } from '../train/lib/fit-model.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const fit = (rows: FitRow[]): LinearModel => fitModel(rows, { ...CORRECTION_FIT, fitOn: ['study'] });
const base: Group[] = [...rumourGroups(dataDir), ...pairGroups(root)];
const blind: BlindData[] = blindThreads(root).map((b) => ({ round: roundOf(b), number: b.number, posts: blindPosts(b), rows: blindGroup(b) }));
const GUARDS: GuardKind[] = ['single', 'repeated'];

const holding = blind.filter((b) => b.rows.length > 0).sort((a, b) => a.number - b.number);
const dropThreads = Array.from({ length: 8 }, (_, k) => holding[4 + 10 * k]).filter((b): b is BlindData => b !== undefined);
const perturbations: Array<{ name: string; blind: BlindData[]; rounds: number[] }> = [
  { name: 'none', blind, rounds: BLIND_ROUNDS.map((_, r) => r) },
  ...BLIND_ROUNDS.map((r, i) => ({ name: `drop round ${r.label}`, blind: blind.filter((b) => b.round !== i), rounds: BLIND_ROUNDS.map((_, j) => j).filter((j) => j !== i) })),
  ...dropThreads.map((d) => ({ name: `drop thread ${d.number} (${d.rows.length} rows)`, blind: blind.filter((b) => b !== d), rounds: BLIND_ROUNDS.map((_, r) => r) })),
];

const show = (c: Cell): string => `w${c.weight} t${c.threshold.toFixed(2)} M ${c.mean.toFixed(3)} G ${c.guard.toFixed(3)}`;
let reference: Map<GuardKind, Cell[][]> | undefined;
const stats = new Map(GUARDS.map((g) => [g, { moved: 0, dT: 0, dG: 0, n: 0 }]));
for (const p of perturbations) {
  const grids = correctionGrid(base, p.blind, p.rounds, GUARDS, fit);
  const line = GUARDS.map((g) => {
    const grid = grids.get(g)!;
    const pick = chooseCell(grid);
    if (reference === undefined) return `${g}: ${show(pick)}`;
    const ref = reference.get(g)!;
    const refPick = chooseCell(ref);
    const s = stats.get(g)!;
    const cells = grid.flat();
    const dG = cells.reduce((a, c, k) => a + Math.abs(c.guard - ref.flat()[k]!.guard), 0) / cells.length;
    const moved = pick.weight !== refPick.weight || pick.threshold !== refPick.threshold;
    s.moved += moved ? 1 : 0;
    s.dT += Math.abs(pick.threshold - refPick.threshold);
    s.dG += dG;
    s.n++;
    return `${g}: ${show(pick)}${moved ? ' MOVED' : ''} |dG| ${dG.toFixed(4)}`;
  });
  if (reference === undefined) {
    reference = grids;
    for (const g of GUARDS) {
      console.log(`${g} guard grid (G / spread over assignments):`);
      for (const cells of grids.get(g)!) console.log(`  ${cells[0]!.weight}\t${cells.map((c) => `${c.guard.toFixed(3)}/${c.spread.toFixed(3)}`).join('\t')}`);
    }
  }
  console.log(`${p.name}\t${line.join('\t')}`);
}
for (const g of GUARDS) {
  const s = stats.get(g)!;
  console.log(`${g}: pick moved in ${s.moved} of ${s.n} perturbations; mean |change of picked threshold| ${(s.dT / s.n).toFixed(3)}; mean |change of G| over the grid ${(s.dG / s.n).toFixed(4)}`);
}
