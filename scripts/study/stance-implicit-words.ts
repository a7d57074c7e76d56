/**
 * Word features on texts that never name their target: kept as shipped (the `w:`/`n:`/`near:` words shared with the
 * named clauses), dropped (tone features only), or separate (`iw:`...: weights of their own, learnt from the comment
 * rows). Measured in session 20 (docs/stance.md), nothing shipped. FanChuan 5-fold (seeds 3, 4; each fold's model the
 * shipped recipe on NewsMTSC train and the other folds, rows cross-fitted), NewsMTSC devtest_mt, VAST dev and SemEval
 * train zero-shot (measuring only) read by the model fit on all shipped rows. About 10-15 minutes:
 * tsx scripts/study/stance-implicit-words.ts [dataDir]
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isOffTopic, stanceFeatureSet } from '../../src/classify/stance/index.js';
import { predict } from '../../src/learn/model.js';
import { fitStance, readFanChuan, readNewsMtsc, readSemEval, readVast, stanceFitRows, STANCE_LABELS, type StanceLabel, type StanceRow } from '../train/lib/stance-data.js';
import { crossFitStanceUpstream } from '../train/lib/stance-upstream.js';
import { f1For, kFold, macroF1 } from '../eval/lib/metrics.js';
import type { FitRow } from '../train/lib/fit-model.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const news = readNewsMtsc(dataDir, 'train');
const fan = readFanChuan(dataDir);
const upstream = crossFitStanceUpstream([...news, ...fan].map((r) => r.text), dataDir);
const newsX = stanceFitRows(news, upstream.scoreOf.slice(0, news.length));
const fanX = stanceFitRows(fan, upstream.scoreOf.slice(news.length));
type Tx = (f: Array<readonly [string, number]>) => Array<readonly [string, number]>;
const isImp = (f: Array<readonly [string, number]>) => f.some(([n]) => n === '~implicit');
const variants: Record<string, Tx> = {
  shipped: (f) => f,
  'implicit words dropped': (f) => (isImp(f) ? f.filter(([n]) => !/^(w|n|near|t):/.test(n)) : f),
  'implicit words separate': (f) => (isImp(f) ? f.map(([n, v]) => (/^(w|n|near):/.test(n) ? (['i' + n, v] as const) : ([n, v] as const))) : f),
};
const argmax = (p: readonly number[]): StanceLabel => STANCE_LABELS[p.indexOf(Math.max(...p))]!;
const gold = fan.map((r) => r.label);
const tx = (rows: FitRow[], t: Tx): FitRow[] => rows.map((r) => ({ ...r, features: t([...r.features]) }));
for (const [name, t] of Object.entries(variants)) {
  const N = tx(newsX, t);
  const F = tx(fanX, t);
  const f1s = [3, 4].map((seed) => {
    const pred: StanceLabel[] = new Array(fan.length);
    for (const fold of kFold(fan.length, 5, seed)) {
      const out = new Set(fold);
      const m = fitStance([...N, ...F.filter((_, i) => !out.has(i))], ['cv']);
      for (const i of fold) pred[i] = argmax(predict(m, F[i]!.features));
    }
    return macroF1(gold, pred, STANCE_LABELS);
  });
  const full = fitStance([...N, ...F], ['check']);
  const score = (rows: readonly StanceRow[], fAvg: boolean): number => {
    const pred = rows.map((r) => {
      const fs = stanceFeatureSet(r.text, r.target, r.at);
      if (fs.implicit && isOffTopic(r.text, r.target)) return 'neutral' as StanceLabel;
      return argmax(predict(full, t([...fs.features])));
    });
    const g = rows.map((r) => r.label);
    return fAvg ? (f1For(g, pred, 'favor') + f1For(g, pred, 'against')) / 2 : macroF1(g, pred, STANCE_LABELS);
  };
  const dev = readNewsMtsc(dataDir, 'devtest_mt');
  console.log(`${name}: FanChuan 5-fold ${f1s.map((x) => x.toFixed(4)).join(' / ')} (mean ${((f1s[0]! + f1s[1]!) / 2).toFixed(4)}); devtest ${score(dev, false).toFixed(3)}; VAST ${score(readVast(dataDir), false).toFixed(3)}; SemEval zero-shot ${score(readSemEval(dataDir), true).toFixed(3)}; weights ${Object.keys(full.weights).length}`);
}
