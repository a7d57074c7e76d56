/**
 * Study (session 32, sent32; measure only): the label-free prior shift of Saerens, Latinne and Decaestecker (2002) on
 * each set left out, from main's left-out scores (the cache of scripts/study/sentiment-left-out-weights.ts, scheme
 * `main`; no fit of the sentiment model here).
 *
 * For the set left out, a calibration turns a score into class probabilities: a softmax over (1, score) for the
 * three-class sets, fit on the other three-class sets' left-out scores and gold; a logistic over (1, score) for the
 * UCI sets, fit on the other two UCI sets'. Each calibration set weighs the same; the training prior is the
 * calibration rows' weighted class shares. EM on the left-out set's own scores (no label of it) estimates its class
 * shares: p'(y|x) ∝ p(y|x) π(y) / π_train(y), π = the mean of p' (at most 100 rounds, until no share moves by 1e-6).
 * `em` labels each row by its most probable class under the estimate; `cal` by the calibration alone (the training
 * prior), to tell the two parts apart; `main` as section 10 (the fold's thresholds; UCI by sign).
 *
 * Run: TL_LEFT_OUT_CACHE=/tmp/sent32-cache nice npx tsx scripts/study/sentiment-prior-shift.ts
 * Docs: docs/sentiment.md, Quality, "session 32, sent32, second".
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import wink from 'wink-sentiment';
import { readSentimentRows, type Polarity3 } from '../eval/lib/sentiment-data.js';
import { goldOf } from '../train/lib/sentiment-cv.js';
import { macroF1 } from '../eval/lib/metrics.js';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
const rows = readSentimentRows(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data'));
const cache = JSON.parse(readFileSync(join(process.env.TL_LEFT_OUT_CACHE ?? '/tmp/sent32-cache', 'main.json'), 'utf8')) as { read: Polarity3[]; score: number[] };
const sets = [...new Set(rows.map((r) => r.dataset))];
const graded = (set: string): boolean => rows.find((r) => r.dataset === set)!.gold !== undefined;
const C3: Polarity3[] = ['negative', 'neutral', 'positive'];
const C2: Polarity3[] = ['negative', 'positive'];

/** A weighted softmax over (1, score) per class, fit by gradient descent; returns score -> probabilities. */
function calibrate(xs: readonly number[], ys: readonly number[], ws: readonly number[], K: number): (s: number) => number[] {
  const a = new Array(K).fill(0);
  const b = new Array(K).fill(0);
  const W = ws.reduce((p, q) => p + q, 0);
  const probs = (s: number): number[] => {
    const z = a.map((ak, k) => ak + b[k]! * s);
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const t = e.reduce((p, q) => p + q, 0);
    return e.map((v) => v / t);
  };
  for (let it = 0; it < 2000; it++) {
    const ga = new Array(K).fill(0);
    const gb = new Array(K).fill(0);
    xs.forEach((s, i) => {
      const p = probs(s);
      for (let k = 0; k < K; k++) {
        const d = (p[k]! - (ys[i] === k ? 1 : 0)) * ws[i]!;
        ga[k] += d;
        gb[k] += d * s;
      }
    });
    for (let k = 0; k < K; k++) {
      a[k] -= (2 * ga[k]) / W;
      b[k] -= (8 * gb[k]) / W;
    }
  }
  return probs;
}

const vs = rows.map((r) => vader.SentimentIntensityAnalyzer.polarity_scores(r.text).compound);
const ws = rows.map((r) => wink(r.text).normalizedScore);
const band = (s: number, b: number): Polarity3 => (s > b ? 'positive' : s < -b ? 'negative' : 'neutral');
const two = (s: number): Polarity3 => (s > 0 ? 'positive' : 'negative');

console.log('| set left out | VADER | wink | needed | main | cal | em | estimated shares (em) | gold shares |\n|---|---:|---:|---:|---:|---:|---:|---|---|');
for (const set of sets) {
  const three = graded(set);
  const classes = three ? C3 : C2;
  const calSets = sets.filter((s) => s !== set && graded(s) === three);
  const xs: number[] = [];
  const ys: number[] = [];
  const wt: number[] = [];
  for (const cs of calSets) {
    const idx = rows.flatMap((r, i) => (r.dataset === cs ? [i] : []));
    for (const i of idx) {
      xs.push(cache.score[i]!);
      ys.push(classes.indexOf(goldOf(rows[i]!)));
      wt.push(1 / idx.length);
    }
  }
  const probs = calibrate(xs, ys, wt, classes.length);
  const W = wt.reduce((p, q) => p + q, 0);
  const train = classes.map((_, k) => ys.reduce((p, y, i) => p + (y === k ? wt[i]! : 0), 0) / W);
  const idx = rows.flatMap((r, i) => (r.dataset === set ? [i] : []));
  const base = idx.map((i) => probs(cache.score[i]!));
  let prior = [...train];
  for (let round = 0; round < 100; round++) {
    const next = classes.map(() => 0);
    for (const p of base) {
      const q = p.map((v, k) => (v * prior[k]!) / train[k]!);
      const t = q.reduce((x, y) => x + y, 0);
      q.forEach((v, k) => (next[k] = next[k]! + v / t / base.length));
    }
    const moved = Math.max(...next.map((v, k) => Math.abs(v - prior[k]!)));
    prior = next;
    if (moved < 1e-6) break;
  }
  const argmax = (p: number[]): Polarity3 => classes[p.indexOf(Math.max(...p))]!;
  const gold = idx.map((i) => goldOf(rows[i]!));
  const f = (pred: Polarity3[]): number => macroF1(gold, pred, three ? ['positive', 'negative', 'neutral'] : ['positive', 'negative']);
  const cal = f(base.map(argmax));
  const em = f(base.map((p) => argmax(p.map((v, k) => (v * prior[k]!) / train[k]!))));
  const v = f(idx.map((i) => (three ? band(vs[i]!, 0.05) : two(vs[i]!))));
  const w = f(idx.map((i) => (three ? band(ws[i]!, 0) : two(ws[i]!))));
  const mainF = f(idx.map((i) => cache.read[i]!));
  const goldShares = classes.map((c) => gold.filter((g) => g === c).length / gold.length);
  const fmt = (p: number[]): string => classes.map((c, k) => `${c.slice(0, 3)} ${p[k]!.toFixed(3)}`).join(' / ');
  console.log(`| ${set} | ${v.toFixed(4)} | ${w.toFixed(4)} | ${(Math.max(v, w) + 0.03).toFixed(4)} | ${mainF.toFixed(4)} | ${cal.toFixed(4)} | ${em.toFixed(4)} | ${fmt(prior)} (train ${fmt(train)}) | ${fmt(goldShares)} |`);
}
