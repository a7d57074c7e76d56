/**
 * The thread-stance decision (src/classify/stance/decision.ts) by blind round left out: each development round of
 * scripts/train/lib/blind-rounds.ts scored by a model fit on the other rounds, beside the pipeline without the decision
 * and "every post against", on the gold sides (score.mjs's `stanceMacroF1`) and on all labelled pairs. `--grid` scores
 * every setting of the grid (the choice); without it, the shipped settings only. `--misses` counts the pipeline's
 * misses by mechanism per round; `--nested` scores each round by the setting a left-out-round choice over the other
 * four picks (from `--grid2`'s grid, or `--margins`'s with it). `--eval-threads DIR` (measured only, once, at the
 * end: never a choice) fits the shipped-settings decision on all development rounds and scores the gold files in DIR.
 * Blind files from 29 on are never read (blindDevRound). Usage:
 *   tsx scripts/study/thread-stance-decision.ts [--grid | --grid2 | --margins] [--nested] [--misses] [--eval-threads DIR]
 */
import { resolve } from 'node:path';
import { BLIND_DEV_ROUNDS } from '../train/lib/blind-rounds.js';
import { decide, DECISION_SETTINGS, decisionScores, fitDecision, readDecisionRows, type DecisionLabel, type DecisionRow, type DecisionSettings } from '../eval/lib/stance-decision-data.js';

const root = resolve(import.meta.dirname, '..', '..');
const rows = readDecisionRows(resolve(root, 'fixtures', 'blind-threads'));
const fmt = (x: number): string => x.toFixed(3);

if (process.argv.includes('--misses')) {
  // One mechanism a pair, in this order: the target never named vs named, then what went wrong.
  for (const round of BLIND_DEV_ROUNDS.map((r) => r.label)) {
    const tally = new Map<string, number>();
    for (const r of rows.filter((x) => x.round === round)) {
      if (r.gold === r.pipeline) continue;
      const where = r.features.has('reply') ? 'reply' : 'top';
      const named = r.features.has('named') ? 'named' : 'implicit';
      const kind = r.gold !== 'none' && r.pipeline === 'none' ? 'no side' : r.gold === 'none' ? 'side where gold has none' : 'wrong side';
      const cue = [...r.features.keys()].find((k) => k.startsWith('cue:'))?.slice(4) ?? 'none';
      const key = `${kind} | ${where} | ${named} | cue ${cue}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    console.log(`\n${round}`);
    for (const [k, n] of [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${n}\t${k}`);
  }
}

/** Left-out-round predictions of settings `s`: each round by a model fit on the others. */
function leftOut(s: DecisionSettings): DecisionLabel[] {
  const pred: DecisionLabel[] = new Array(rows.length);
  for (const { label } of BLIND_DEV_ROUNDS) {
    const model = fitDecision(rows.filter((r) => r.round !== label), s);
    rows.forEach((r, i) => {
      if (r.round === label) pred[i] = decide(model, r, s.margin ?? 0);
    });
  }
  return pred;
}

function table(name: string, pred: readonly DecisionLabel[]): string {
  const cells: string[] = [];
  let mean = 0;
  for (const { label } of BLIND_DEV_ROUNDS) {
    const at = rows.map((r, i) => (r.round === label ? i : -1)).filter((i) => i >= 0);
    const s = decisionScores(at.map((i) => rows[i]!), at.map((i) => pred[i]!));
    mean += s.sides / BLIND_DEV_ROUNDS.length;
    cells.push(`${fmt(s.sides)} / ${fmt(s.all)}`);
  }
  const all = decisionScores(rows, pred);
  return `| ${name} | ${cells.join(' | ')} | ${fmt(mean)} | ${fmt(all.sides)} / ${fmt(all.all)} / ${fmt(all.precision)} |`;
}

const sided = (rs: readonly DecisionRow[]) => rs.filter((r) => r.gold !== 'none').length;
console.log(`\n${rows.length} labelled (post, target) pairs, ${sided(rows)} with a gold side; by round: ${BLIND_DEV_ROUNDS.map((r) => `${r.label} ${sided(rows.filter((x) => x.round === r.label))}/${rows.filter((x) => x.round === r.label).length}`).join(', ')}`);
console.log(`\n| reading | ${BLIND_DEV_ROUNDS.map((r) => r.label).join(' | ')} | mean of rounds (gold sides) | pooled: gold sides / all pairs / side precision |`);
console.log(`|---|${BLIND_DEV_ROUNDS.map(() => '---:').join('|')}|---:|---:|`);
console.log(table('pipeline (no decision)', rows.map((r) => r.pipeline)));
console.log(table('every post against', rows.map(() => 'against')));
const name = (s: DecisionSettings): string => `l2 ${s.l2}${s.balanced ? ' balanced' : ''}${s.words ? ` words ${s.words.l2}/${s.words.minDumps}` : ''}${s.margin ? ` margin ${s.margin}` : ''}`;
// The choice, in two passes: a coarse grid, then the corner it pointed to (balanced, a light word layer) widened.
const coarse: DecisionSettings[] = [0.003, 0.01, 0.03, 0.1].flatMap((l2) =>
  [false, true].flatMap((balanced) =>
    [null, { l2: 0.3, minDumps: 3 }, { l2: 0.1, minDumps: 3 }, { l2: 0.03, minDumps: 4 }].map((words) => ({ l2, balanced, words, iterations: 300 })),
  ),
);
const fine: DecisionSettings[] = [0.1, 0.3, 1].flatMap((l2) =>
  [0.01, 0.03, 0.1].flatMap((wl2) => [3, 4, 5, 6].map((minDumps) => ({ l2, balanced: true, words: { l2: wl2, minDumps }, iterations: 300 }))),
);
// Third pass: a margin over the pipeline's label, on the settings the nested choice picked.
const margins: DecisionSettings[] = [
  { l2: 0.3, balanced: true, words: { l2: 0.03, minDumps: 4 }, iterations: 300 },
  { l2: 0.1, balanced: true, words: { l2: 0.03, minDumps: 4 }, iterations: 300 },
  { l2: 0.3, balanced: true, words: { l2: 0.1, minDumps: 5 }, iterations: 300 },
].flatMap((s) => [0, 0.1, 0.2, 0.3, 0.4].map((margin) => ({ ...s, margin })));
if (process.argv.includes('--margins')) fine.splice(0, fine.length, ...margins);
const grid: Array<[string, DecisionSettings]> = process.argv.includes('--grid')
  ? coarse.map((s) => [name(s), s])
  : process.argv.includes('--grid2') || process.argv.includes('--margins')
    ? fine.map((s) => [name(s), s])
    : [[`decision (chosen settings: ${name(DECISION_SETTINGS)})`, DECISION_SETTINGS]];
for (const [name, s] of grid) console.log(table(name, leftOut(s)));

// Nested: each round scored by the setting that a left-out-round choice over the other four rounds alone picks from
// the fine grid (the choice never sees the round it is scored on), so the figure carries no selection on that round.
if (process.argv.includes('--nested')) {
  const pred: DecisionLabel[] = new Array(rows.length);
  const picks: string[] = [];
  for (const outer of BLIND_DEV_ROUNDS.map((r) => r.label)) {
    const inner = BLIND_DEV_ROUNDS.map((r) => r.label).filter((l) => l !== outer);
    let best: { s: DecisionSettings; mean: number } | null = null;
    for (const s of fine) {
      let mean = 0;
      for (const held of inner) {
        const model = fitDecision(rows.filter((r) => r.round !== outer && r.round !== held), s);
        const test = rows.filter((r) => r.round === held);
        mean += decisionScores(test, test.map((r) => decide(model, r, s.margin ?? 0))).sides / inner.length;
      }
      if (best === null || mean > best.mean + 1e-12) best = { s, mean };
    }
    picks.push(`${outer}: ${name(best!.s)} (inner mean ${fmt(best!.mean)})`);
    const model = fitDecision(rows.filter((r) => r.round !== outer), best!.s);
    rows.forEach((r, i) => {
      if (r.round === outer) pred[i] = decide(model, r, best!.s.margin ?? 0);
    });
  }
  console.log(table('decision, setting chosen without the round (nested)', pred));
  for (const p of picks) console.log(`  ${p}`);
}

const evalAt = process.argv.indexOf('--eval-threads');
if (evalAt > 0) {
  const model = fitDecision(rows, DECISION_SETTINGS);
  const test = readDecisionRows(resolve(process.argv[evalAt + 1]!), undefined, true);
  const before = decisionScores(test, test.map((r) => r.pipeline));
  const after = decisionScores(test, test.map((r) => decide(model, r, DECISION_SETTINGS.margin ?? 0)));
  const against = decisionScores(test, test.map(() => 'against'));
  console.log(`\neval threads (${test.length} labelled pairs, ${test.filter((r) => r.gold !== 'none').length} gold sides): gold sides / all pairs / side precision`);
  console.log(`  pipeline ${fmt(before.sides)} / ${fmt(before.all)} / ${fmt(before.precision)}; decision ${fmt(after.sides)} / ${fmt(after.all)} / ${fmt(after.precision)}; every post against ${fmt(against.sides)} / ${fmt(against.all)} / ${fmt(against.precision)}`);
}
