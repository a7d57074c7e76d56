/**
 * Study (session 33, sent33; measure only, a diagnostic that chooses nothing): how far can any decision rule over
 * the general model's two outputs take NewsMTSC when it is left out of fitting? One fit without NewsMTSC (as section
 * 10's fold, the shipped thresholds kept so the out-of-fold fits are skipped: the weights are the fold's), then, on
 * NewsMTSC's own gold (in-sample: upper bounds, never a rule to ship), the best macro-F1 of:
 *
 * - `score band`: a band on the shipped score (`combine(valence, strength)`), 0.5% quantile grid;
 * - `valence band`: a band on valence alone;
 * - `strength floor + valence band`: neutral below a strength floor, else a band on valence (a 2-D rectangle rule);
 * - `logistic (outputs)`: a 3-class logistic on valence, strength, their product, |valence|, squares and the score,
 *   fit on NewsMTSC itself, with the two class offsets then chosen for macro-F1 (any smooth rule on the two outputs);
 * - `logistic (outputs + VADER + wink)`: the same with VADER's compound and wink's normalized score (stacking).
 *
 * If every bound is under NewsMTSC's margin (0.5784), no rule over these outputs reaches it, however it is chosen.
 * Run: nice npx tsx scripts/study/sentiment-news-outputs-bound.ts (one fit, a few minutes). Docs: docs/sentiment.md,
 * Quality, "session 33, sent33".
 */
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import wink from 'wink-sentiment';
import { readSentimentRows, type Polarity3 } from '../eval/lib/sentiment-data.js';
import { goldOf } from '../train/lib/sentiment-cv.js';
import { fitSentiment, sentimentFeatures } from '../train/lib/sentiment-fit.js';
import { combine, SENTIMENT_MODEL, sentimentOutputs } from '../../src/classify/sentiment/model.js';
import { predict } from '../../src/learn/model.js';
import { fitModel } from '../train/lib/fit-model.js';
import { macroF1 } from '../eval/lib/metrics.js';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
const NEWS = 'NewsMTSC news sentences';
const rows = readSentimentRows(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data'));
const train = rows.filter((r) => r.dataset !== NEWS);
const news = rows.filter((r) => r.dataset === NEWS);
const t0 = Date.now();
const model = fitSentiment(
  train.map((r) => ({ bag: sentimentFeatures(r.text), valence: r.valence, ...(r.gold ? { gold: r.gold } : {}), weight: r.weight, domain: r.dataset })),
  { thresholds: { positive: SENTIMENT_MODEL.thresholds?.positive ?? 0.15, negative: SENTIMENT_MODEL.thresholds?.negative ?? -0.15 } },
);
console.error(`fit without NewsMTSC: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
const out = news.map((r) => sentimentOutputs(model, sentimentFeatures(r.text)));
const v = out.map((o) => o[0] ?? 0);
const s = out.map((o) => o[1] ?? 0);
const score = v.map((x, i) => combine(x, s[i]!));
const gold = news.map((r) => goldOf(r));
const L3: Polarity3[] = ['positive', 'negative', 'neutral'];
const F = (pred: Polarity3[]): number => macroF1(gold, pred, L3);
const quantiles = (xs: readonly number[], n: number): number[] => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Array.from({ length: n - 1 }, (_, k) => sorted[Math.floor(((k + 1) / n) * sorted.length)]!);
};

/** Best band on `x` over a quantile grid: [macro-F1, negative cut, positive cut]. */
function bestBand(x: readonly number[], n: number, keep: (i: number) => boolean = () => true): [number, number, number] {
  const q = quantiles(x, n);
  let best: [number, number, number] = [-1, 0, 0];
  for (let a = 0; a < q.length; a++) {
    for (let b = a + 1; b < q.length; b++) {
      const f = F(x.map((y, i) => (!keep(i) ? 'neutral' : y >= q[b]! ? 'positive' : y <= q[a]! ? 'negative' : 'neutral')));
      if (f > best[0]) best = [f, q[a]!, q[b]!];
    }
  }
  return best;
}

const sb = bestBand(score, 200);
console.log(`score band: ${sb[0].toFixed(4)} (${sb[2].toFixed(4)} / ${sb[1].toFixed(4)})`);
const vb = bestBand(v, 200);
console.log(`valence band: ${vb[0].toFixed(4)} (${vb[2].toFixed(4)} / ${vb[1].toFixed(4)})`);
let rect: [number, number] = [-1, 0];
for (const floor of quantiles(s, 25)) {
  const b = bestBand(v, 50, (i) => s[i]! >= floor);
  if (b[0] > rect[0]) rect = [b[0], floor];
}
console.log(`strength floor + valence band: ${rect[0].toFixed(4)} (floor ${rect[1].toFixed(4)})`);

/** In-sample 3-class logistic on named inputs, then the best pair of class offsets (negative, positive) for macro-F1. */
function logisticBound(inputs: Array<Record<string, number>>): number {
  const labels: Polarity3[] = ['negative', 'neutral', 'positive'];
  const m = fitModel(
    inputs.map((f, i) => ({ features: Object.entries(f), y: labels.indexOf(gold[i]!) })),
    { name: 'bound', labels: [...labels], link: 'softmax', fitOn: [], featureFiles: [], l2: () => 1e-4, iterations: 300, minCount: 1, decimals: 6 },
  );
  const logp = inputs.map((f) => predict(m, new Map(Object.entries(f))).map((p) => Math.log(Math.max(p, 1e-12))));
  let best = -1;
  for (let dn = -1.5; dn <= 1.5001; dn += 0.05) {
    for (let dp = -1.5; dp <= 1.5001; dp += 0.05) {
      const f = F(logp.map((l) => {
        const z = [l[0]! + dn, l[1]!, l[2]! + dp];
        const k = z[0]! >= z[1]! && z[0]! >= z[2]! ? 0 : z[2]! > z[1]! ? 2 : 1;
        return labels[k]!;
      }));
      if (f > best) best = f;
    }
  }
  return best;
}
const base = news.map((_, i) => ({ v: v[i]!, s: s[i]!, vs: v[i]! * s[i]!, av: Math.abs(v[i]!), v2: v[i]! ** 2, s2: s[i]! ** 2, score: score[i]! }));
console.log(`logistic (outputs): ${logisticBound(base).toFixed(4)}`);
const stacked = news.map((r, i) => ({ ...base[i]!, vader: vader.SentimentIntensityAnalyzer.polarity_scores(r.text).compound, wink: wink(r.text).normalizedScore }));
console.log(`logistic (outputs + VADER + wink): ${logisticBound(stacked).toFixed(4)}`);
