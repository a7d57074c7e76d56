/**
 * Study (session 33, sent33; measure only): the mean of two general models' left-out scores (main's and sent32's
 * `signclusters`, from the cache of scripts/study/sentiment-left-out-weights.ts; no fit here), with a band that does
 * not swing with one fold's fit.
 *
 * For each set left out: `mean` scores a row by the mean of the two schemes' left-out scores (both fits without the
 * set). UCI sets are read by the sign, as section 10. A three-class set's band ("stable") is chosen by
 * `fitThresholds` (the shipped objective: the mean over domains of each domain's macro-F1, each counted by its fit
 * weight) on the other three-class sets' left-out scores and gold under the same scheme. Printed beside it, choosing
 * nothing: `main` and `signclusters` as section 10 reads them (each fold's own band, from the cache) and under the
 * stable band, and every scheme's best band on the set's own gold over `fitThresholds`' quantile grid (an upper bound
 * for any band rule on those scores). VADER (±0.05) and wink (sign) on the same rows.
 *
 * Run: TL_LEFT_OUT_CACHE=/tmp/sent32-cache nice npx tsx scripts/study/sentiment-mean-stable-band.ts
 * Docs: docs/sentiment.md, Quality, "session 33, sent33".
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import wink from 'wink-sentiment';
import { readSentimentRows, type Polarity3 } from '../eval/lib/sentiment-data.js';
import { goldOf } from '../train/lib/sentiment-cv.js';
import { fitThresholds } from '../train/lib/sentiment-fit.js';
import { macroF1 } from '../eval/lib/metrics.js';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };
const rows = readSentimentRows(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data'));
const dir = process.env.TL_LEFT_OUT_CACHE ?? '/tmp/sent32-cache';
const cached = (name: string): { read: Polarity3[]; score: number[] } => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
const main = cached('main');
const split = cached('signclusters');
if (main.score.length !== rows.length || split.score.length !== rows.length) throw new Error('sentiment-mean-stable-band: the cache does not match the rows');
const scores: Record<string, number[]> = { main: main.score, signclusters: split.score, mean: main.score.map((s, i) => (s + split.score[i]!) / 2) };
const sets = [...new Set(rows.map((r) => r.dataset))];
const graded = (set: string): boolean => rows.find((r) => r.dataset === set)!.gold !== undefined;
const L3: Polarity3[] = ['positive', 'negative', 'neutral'];
const L2: Polarity3[] = ['positive', 'negative'];
const band = (s: number, t: { positive: number; negative: number }): Polarity3 => (s >= t.positive ? 'positive' : s <= t.negative ? 'negative' : 'neutral');
const two = (s: number): Polarity3 => (s > 0 ? 'positive' : 'negative');
const idxOf = (set: string): number[] => rows.flatMap((r, i) => (r.dataset === set ? [i] : []));

/** The band for `set` chosen on the other three-class sets' left-out scores under one scheme. */
function stableBand(set: string, s: readonly number[]): { positive: number; negative: number } {
  const idx = rows.flatMap((r, i) => (r.dataset !== set && r.gold !== undefined ? [i] : []));
  return fitThresholds(idx.map((i) => s[i]!), idx.map((i) => rows[i]!.gold!), idx.map((i) => rows[i]!.weight), idx.map((i) => rows[i]!.dataset));
}

const header = ['VADER', 'wink', 'needed', 'main (fold band)', 'signclusters (fold band)', 'main (stable)', 'signclusters (stable)', 'mean (stable)', 'best band on own gold: main / signclusters / mean'];
console.log(`| set left out | ${header.join(' | ')} | stable band, mean (positive / negative) |\n|---|${header.map(() => '---:|').join('')}---|`);
const confusions: string[] = [];
for (const set of sets) {
  const idx = idxOf(set);
  const g3 = graded(set);
  const gold = idx.map((i) => goldOf(rows[i]!));
  const f = (pred: Polarity3[]): number => macroF1(gold, pred, g3 ? L3 : L2);
  const v = f(idx.map((i) => {
    const c = vader.SentimentIntensityAnalyzer.polarity_scores(rows[i]!.text).compound;
    return g3 ? band(c, { positive: 0.05 + 1e-12, negative: -0.05 - 1e-12 }) : two(c);
  }));
  const w = f(idx.map((i) => {
    const c = wink(rows[i]!.text).normalizedScore;
    return g3 ? (c > 0 ? 'positive' : c < 0 ? 'negative' : 'neutral') : two(c);
  }));
  const cells: string[] = [v, w, Math.max(v, w) + 0.03, f(idx.map((i) => main.read[i]!)), f(idx.map((i) => split.read[i]!))].map((x) => x.toFixed(4));
  let bandText = '';
  const best: string[] = [];
  for (const name of ['main', 'signclusters', 'mean']) {
    const s = scores[name]!;
    if (!g3) {
      cells.push(f(idx.map((i) => two(s[i]!))).toFixed(4));
      best.push('-');
      continue;
    }
    const t = stableBand(set, s);
    const read = idx.map((i) => band(s[i]!, t));
    cells.push(f(read).toFixed(4));
    const own = fitThresholds(idx.map((i) => s[i]!), gold);
    best.push(f(idx.map((i) => band(s[i]!, own))).toFixed(4));
    if (name === 'mean') {
      bandText = `${t.positive} / ${t.negative}`;
      const c = new Map<Polarity3, number[]>();
      idx.forEach((i, k) => {
        const row = c.get(gold[k]!) ?? [0, 0, 0];
        row[read[k] === 'negative' ? 0 : read[k] === 'neutral' ? 1 : 2]!++;
        c.set(gold[k]!, row);
      });
      confusions.push(`${set} / mean (stable): ${[...c].map(([gl, a]) => `${gl} ${a.join('/')}`).join('; ')}`);
    }
  }
  console.log(`| ${set} | ${cells.join(' | ')} | ${best.join(' / ')} | ${bandText} |`);
}
console.log(`\nconfusions (gold: read negative / neutral / positive)\n${confusions.join('\n')}`);
