/**
 * How the reply-stance fit's L2 on the acts (`ACT_L2`, scripts/train/lib/reply-stance-data.ts) was chosen:
 * leave-one-event-out macro-F1 over the RumourEval 2017 train split (each event scored by a model fit on the
 * others) for each value of a half-decade grid. The dev split is not read. Runs on its own (not a section of
 * scripts/eval.ts): tsx scripts/eval/reply-stance-l2-cv.ts [dataDir]
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACT_L2, leaveOneEventOut, readReplies, replyFitRows, REPLY_LABELS } from '../train/lib/reply-stance-data.js';
import { macroF1 } from './lib/metrics.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const GRID = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1];

const train = readReplies(dataDir, ['train']);
const X = replyFitRows(train);
const gold = train.map((r) => r.label);
let best = { l2: NaN, f1: -1 };
for (const l2 of GRID) {
  const { pred } = leaveOneEventOut(train, X, l2);
  const f1 = macroF1(gold, pred, REPLY_LABELS);
  if (f1 > best.f1) best = { l2, f1 };
  console.log(`act L2 ${l2.toExponential(0)}: leave-one-event-out macro-F1 ${f1.toFixed(4)}`);
}
console.log(`best ${best.l2.toExponential(0)} (${best.f1.toFixed(4)}); shipped ACT_L2 ${ACT_L2.toExponential(0)}`);
