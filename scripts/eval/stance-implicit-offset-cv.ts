/**
 * Would label offsets for texts that never name their target help (a decision threshold on the stance model's
 * probabilities, e.g. "take a side more readily when the subject is implicit")? Measured in session 20 and not
 * shipped (docs/stance.md): the plain argmax is within seed noise of the best cell. The offsets are chosen as a
 * shipped threshold would have to be: out-of-fold probabilities on the FanChuan Reddit comments (may ship; nearly
 * all never name their subject), each fold scored by the shipped recipe fit on NewsMTSC train and the other
 * FanChuan folds (training rows cross-fitted as train-stance.ts reads them), then 3-class macro-F1 for each pair of
 * a grid of offsets added to the favor and neutral labels' log-probabilities on implicit rows (against is the
 * reference). VAST dev and SemEval train (measuring only) are printed beside it as checks, read by the model fit
 * on all the shipped rows; they choose nothing. Runs on its own (about 5-8 minutes):
 * tsx scripts/eval/stance-implicit-offset-cv.ts [dataDir]
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isOffTopic, stanceFeatureSet } from '../../src/classify/stance/index.js';
import { predict } from '../../src/learn/model.js';
import { fitStance, readFanChuan, readNewsMtsc, readSemEval, readVast, stanceFitRows, STANCE_LABELS, type StanceLabel, type StanceRow } from '../train/lib/stance-data.js';
import { crossFitStanceUpstream } from '../train/lib/stance-upstream.js';
import { f1For, kFold, macroF1 } from './lib/metrics.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const NEUTRAL_GRID = [-0.6, -0.4, -0.2, 0, 0.2, 0.4];
const FAVOR_GRID = [-0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1.0];
const K = 5;
const SEEDS = [3, 4];

const news = readNewsMtsc(dataDir, 'train');
const fan = readFanChuan(dataDir);
const upstream = crossFitStanceUpstream([...news, ...fan].map((r) => r.text), dataDir);
const newsX = stanceFitRows(news, upstream.scoreOf.slice(0, news.length));
const fanX = stanceFitRows(fan, upstream.scoreOf.slice(news.length));
const fanImplicit = fanX.map((r) => [...r.features].some(([n]) => n === '~implicit'));
const gold = fan.map((r) => r.label);
console.log(`FanChuan: ${fan.length} comments, ${fanImplicit.filter(Boolean).length} never name the subject`);

type Offsets = Record<string, number>;
/** The label with the largest `log p + offset` (offsets only on implicit rows; against is the reference, 0). */
function label(p: readonly number[], implicit: boolean, offsets: Offsets): StanceLabel {
  let best: StanceLabel = STANCE_LABELS[0]!;
  let top = -Infinity;
  STANCE_LABELS.forEach((l, i) => {
    const v = Math.log(Math.max(p[i]!, 1e-300)) + (implicit ? (offsets[l] ?? 0) : 0);
    if (v > top) {
      top = v;
      best = l;
    }
  });
  return best;
}
const counts = (pred: readonly StanceLabel[]): string => STANCE_LABELS.map((l) => `${l} ${pred.filter((x) => x === l).length}`).join(', ');

const bySeed = SEEDS.map((seed) => {
  const probs: number[][] = new Array(fan.length);
  for (const fold of kFold(fan.length, K, seed)) {
    const out = new Set(fold);
    const m = fitStance([...newsX, ...fanX.filter((_, i) => !out.has(i))], ['cv']);
    for (const i of fold) probs[i] = predict(m, fanX[i]!.features);
  }
  return probs;
});
const grid: Array<{ offsets: Offsets; f1: number }> = [];
for (const neutral of NEUTRAL_GRID) {
  const cells: string[] = [];
  for (const favor of FAVOR_GRID) {
    const offsets = { favor, neutral };
    const f1s = bySeed.map((probs) => macroF1(gold, probs.map((p, i) => label(p, fanImplicit[i]!, offsets)), STANCE_LABELS));
    const f1 = f1s.reduce((a, b) => a + b, 0) / f1s.length;
    grid.push({ offsets, f1 });
    cells.push(`${f1.toFixed(4)}`);
  }
  console.log(`neutral ${neutral.toFixed(1)} | favor ${FAVOR_GRID.map((f) => f.toFixed(1)).join(' ')}: ${cells.join(' ')}`);
}
grid.sort((a, b) => b.f1 - a.f1);
const describe = (o: Offsets): string => `favor ${o.favor}, neutral ${o.neutral}`;
for (const g of grid.slice(0, 5)) {
  const pred = bySeed[0]!.map((p, i) => label(p, fanImplicit[i]!, g.offsets));
  console.log(`${describe(g.offsets)}: mean FanChuan ${K}-fold macro-F1 ${g.f1.toFixed(4)} (seeds ${SEEDS.join(' / ')}); seed ${SEEDS[0]} F1 favor ${f1For(gold, pred, 'favor').toFixed(3)} against ${f1For(gold, pred, 'against').toFixed(3)} neutral ${f1For(gold, pred, 'neutral').toFixed(3)}; predicted ${counts(pred)}`);
}
const plain = grid.find((g) => g.offsets.favor === 0 && g.offsets.neutral === 0)!;
console.log(`plain argmax (what ships): ${plain.f1.toFixed(4)}; gold ${counts(gold)}`);

// Checks on measuring-only sets with the model fit on all shipped rows (as train-stance.ts fits it): nothing chosen here.
const full = fitStance([...newsX, ...fanX], ['check']);
const shown = [{ favor: 0, neutral: 0 }, ...grid.slice(0, 3).map((g) => g.offsets)];
const check = (name: string, rows: readonly StanceRow[], fAvg: boolean): void => {
  const read = rows.map((r) => {
    const fs = stanceFeatureSet(r.text, r.target, r.at);
    return { off: fs.implicit && isOffTopic(r.text, r.target), implicit: fs.implicit, p: predict(full, fs.features) };
  });
  const g = rows.map((r) => r.label);
  const line = shown.map((offsets) => {
    const pred = read.map((x) => (x.off ? 'neutral' : label(x.p, x.implicit, offsets)));
    const v = fAvg ? (f1For(g, pred, 'favor') + f1For(g, pred, 'against')) / 2 : macroF1(g, pred, STANCE_LABELS);
    return `${describe(offsets)}: ${v.toFixed(3)}`;
  });
  console.log(`${name} (${fAvg ? 'F_avg' : 'macro-F1'}): ${line.join('; ')}`);
};
check('VAST dev', readVast(dataDir), false);
check('SemEval T6 train, zero-shot', readSemEval(dataDir), true);
