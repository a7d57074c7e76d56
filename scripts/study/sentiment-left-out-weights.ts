/**
 * Study (session 26, sent26; measure only): does a different row-weighting scheme of the general sentiment fit read
 * the sets left out of fitting better? Leave-one-domain-out exactly as `leaveOneDomainOut` (scripts/train/lib/
 * sentiment-cv.ts) and section 10 of `npm run eval` compute it (the same `fitSentiment` fits, `modelThresholds`
 * labels, UCI sets read by the sign of the score), from one feature pass, for each named scheme:
 *
 * - `main`: the shipped weights (`readSentimentRows`: every set the same total, UCI half, FanChuan a quarter);
 * - `balance`: inside each set every gold class weighs the same, the set's total unchanged (the UCI sets, 500 / 500,
 *   do not move);
 * - `uci1`: the three UCI sets at a full set's weight (not half);
 * - `polar` (session 28, sent28): main's weights, the valence output fit on the rows without neutral gold only
 *   (`valenceOn: 'polar'`: a two-stage fit, strength the neutral-vs-polar stage, valence the polarity stage);
 * - `pairs`, `pairs10` (session 30, sent30): main's weights, every bag with the products of pairs of its dense features
 *   (`withDenseProducts`, `#x.<a>*<b>`), the products under L2 5e-4 (`pairs`) or 5e-3 (`pairs10`);
 * - `clusters` (session 31, sent31): main's weights, every bag with one feature per GloVe word cluster its words fall
 *   in (`withWordClusters`, `~c<k>` / `not_~c<k>`; 20,000 words, 256 clusters, scripts/train/lib/word-clusters.ts),
 *   fit as word features are (word L2, domain copies, count floor, pruning);
 * - `signclusters` (session 32, sent32): sent31's clusters split by the polarity of their words (the lexicon's sign,
 *   else the sign of a ridge prediction of the rating from the vector when at least 1), polar words only
 *   (`polarClusterTable`, `~c<k>+` / `~c<k>-`); fit as `clusters`;
 * - `reports`, `reportsStrength` (session 34, sent34): main's rows and weights, plus RumourEval 2017's 297 train and
 *   dev source tweets (`readRumourSources`) as one more fitting domain of weakly labelled neutral reports (valence 0,
 *   gold neutral; a quarter of a set's weight, as FanChuan), in every fold and never scored; their out-of-fold
 *   scores choose no band (`choosesBand: false`). `reports` fits both outputs on them, `reportsStrength` only the
 *   strength output (`valenceFit: false`: the sign, and so the UCI rows, cannot move).
 *
 * Each set's macro-F1 is printed on all its rows, on its even positions (the half that chooses) and on its odd
 * positions (the half that reports), beside vader-sentiment (±0.05; sign for UCI) and wink-sentiment (sign) on the
 * same rows, with the mean change over the sets against the first scheme named and the worst set's change.
 * Also: each set's confusions, and for the two sets short of their margin (Yelp, NewsMTSC) each feature family's mean
 * contribution to valence and strength by gold -> read, under the first scheme's left-out model.
 *
 * TL_LEFT_OUT_CACHE=<dir>: each scheme's left-out readings are written to <dir>/<scheme>.json, and read from there
 * when present, so schemes can be run in separate processes and printed together (the family breakdown below needs
 * the first scheme's models, so it is left out when that scheme is read from the cache).
 *
 * Run: nice -n 10 npx tsx scripts/study/sentiment-left-out-weights.ts main balance uci1 (about 15 min a scheme at a
 * load of 10 on 2 cores); `main polar` for session 28 (about 35 min at a load of 4-12); `main pairs pairs10` for session
 * 30 (run as three processes with TL_LEFT_OUT_CACHE, about 50 min at a load of 5-17); `clusters` for session 31 (about
 * 16 min at a load of 11-15; it loads the GloVe vectors, fetched into .cache/ on first use, and clusters them, about
 * 1 min); `signclusters` for session 32 (about 25 min at a load of 10-25); `main`, `reports` and `reportsStrength` for
 * session 34 (three processes, about 40 min at a load of 15-17). Docs: docs/sentiment.md, Quality,
 * "session 26 (sent26)", "session 28 (sent28)", "session 30 (sent30)", "session 31 (sent31)", "session 32 (sent32)" and "session 34 (sent34)". Each left-out fit's thresholds and time go to stderr.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import wink from 'wink-sentiment';
import { readRumourSources, readSentimentRows, type Polarity3, type SentimentRow } from '../eval/lib/sentiment-data.js';
import { macroF1 } from '../eval/lib/metrics.js';
import { goldOf } from '../train/lib/sentiment-cv.js';
import { fitSentiment, sentimentFeatures, withDenseProducts, type FitSentimentOptions, type SentimentExample } from '../train/lib/sentiment-fit.js';
import { modelThresholds, sentimentScore } from '../../src/classify/sentiment/model.js';
import type { FeatureBag } from '../../src/classify/sentiment/features.js';
import type { LinearModel } from '../../src/learn/model.js';
import { clusterTable, fitWordClusters, polarClusterTable, withWordClusters } from '../train/lib/word-clusters.js';
import { loadEmbeddings } from '../train/lib/word-scores.js';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };

const SCHEMES: Record<string, (rows: readonly SentimentRow[]) => number[]> = {
  main: (rows) => rows.map((r) => r.weight),
  balance: classBalanced,
  uci1: (rows) => rows.map((r) => (r.gold === undefined ? r.weight * 2 : r.weight)),
  polar: (rows) => rows.map((r) => r.weight),
  pairs: (rows) => rows.map((r) => r.weight),
  pairs10: (rows) => rows.map((r) => r.weight),
  clusters: (rows) => rows.map((r) => r.weight),
  signclusters: (rows) => rows.map((r) => r.weight),
  reports: (rows) => rows.map((r) => r.weight),
  reportsStrength: (rows) => rows.map((r) => r.weight),
};
/** Fit options per scheme (default: as shipped). */
const FIT: Record<string, FitSentimentOptions> = { polar: { valenceOn: 'polar' }, pairs: { productL2: 5e-4 }, pairs10: { productL2: 5e-3 } };
/** Schemes whose bags hold the products of pairs of dense features. */
const PRODUCTS = new Set(['pairs', 'pairs10']);
const CACHE = process.env.TL_LEFT_OUT_CACHE;

/** Every gold class of a set weighs the same; the set's total weight is unchanged. */
function classBalanced(rows: readonly SentimentRow[]): number[] {
  const total = new Map<string, number>();
  const perClass = new Map<string, number>();
  for (const r of rows) {
    total.set(r.dataset, (total.get(r.dataset) ?? 0) + r.weight);
    const k = `${r.dataset}|${goldOf(r)}`;
    perClass.set(k, (perClass.get(k) ?? 0) + r.weight);
  }
  const classes = new Map<string, number>();
  for (const k of perClass.keys()) classes.set(k.split('|')[0]!, (classes.get(k.split('|')[0]!) ?? 0) + 1);
  return rows.map((r) => (r.weight * total.get(r.dataset)!) / classes.get(r.dataset)! / perClass.get(`${r.dataset}|${goldOf(r)}`)!);
}

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const n of names) if (!SCHEMES[n]) throw new Error(`sentiment-left-out-weights: unknown scheme "${n}" (${Object.keys(SCHEMES).join(', ')})`);
if (names.length === 0) names.push('main');

const dataDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const rows = readSentimentRows(dataDir);
const plainBags = rows.map((r) => sentimentFeatures(r.text));
const sets = [...new Set(rows.map((r) => r.dataset))];

/** Session 34: the rows a scheme fits on besides the sets' own (in every fold, never scored). */
function extraRows(name: string): SentimentExample[] {
  if (name !== 'reports' && name !== 'reportsStrength') return [];
  const texts = readRumourSources(dataDir);
  // A quarter of a set's weight, as weighSets gives FanChuan: (0.25 * rows per set) spread over the texts.
  const weight = (0.25 * rows.length) / sets.length / texts.length;
  return texts.map((text) => ({
    bag: sentimentFeatures(text),
    valence: 0,
    gold: 'neutral' as const,
    weight,
    domain: 'RumourEval sources',
    choosesBand: false,
    ...(name === 'reportsStrength' ? { valenceFit: false } : {}),
  }));
}
const L3: Polarity3[] = ['positive', 'negative', 'neutral'];
const L2: Polarity3[] = ['positive', 'negative'];
const band = (s: number, b: number): Polarity3 => (s > b ? 'positive' : s < -b ? 'negative' : 'neutral');
const two = (s: number): Polarity3 => (s > 0 ? 'positive' : 'negative');

/** The bags a scheme fits on. */
function bagsOf(name: string): FeatureBag[] {
  if (PRODUCTS.has(name)) return plainBags.map(withDenseProducts);
  if (name !== 'clusters' && name !== 'signclusters') return plainBags;
  const emb = loadEmbeddings();
  const table = name === 'clusters' ? clusterTable(fitWordClusters(emb)) : polarClusterTable(fitWordClusters(emb), emb);
  return plainBags.map((b) => withWordClusters(b, table));
}

/** Each row's left-out reading under one scheme, and each set's left-out model. */
function leftOut(name: string, weight: readonly number[], fit: FitSentimentOptions = {}): { read: Polarity3[]; score: number[]; models: Map<string, LinearModel> } {
  const file = CACHE ? join(CACHE, `${name}.json`) : undefined;
  if (file && existsSync(file)) return { ...(JSON.parse(readFileSync(file, 'utf8')) as { read: Polarity3[]; score: number[] }), models: new Map() };
  const bags = bagsOf(name);
  const extra = extraRows(name);
  if (extra.length > 0) console.error(`${name}: ${extra.length} extra rows, weight ${extra[0]!.weight.toFixed(3)} each`);
  const read: Polarity3[] = new Array(rows.length).fill('neutral');
  const score: number[] = new Array(rows.length).fill(0);
  const models = new Map<string, LinearModel>();
  for (const set of sets) {
    const train: SentimentExample[] = rows.flatMap((r, i) => (r.dataset === set ? [] : [{ bag: bags[i]!, valence: r.valence, ...(r.gold ? { gold: r.gold } : {}), weight: weight[i]!, domain: r.dataset }]));
    train.push(...extra);
    const model = fitSentiment(train, fit);
    console.error(`${new Date().toISOString()} ${set} left out: thresholds ${JSON.stringify(model.thresholds)}`);
    models.set(set, model);
    const th = modelThresholds(model);
    rows.forEach((r, i) => {
      if (r.dataset !== set) return;
      score[i] = sentimentScore(model, bags[i]!);
      // Section 10: three-class sets by the model's own thresholds, UCI (binary gold) by the sign.
      read[i] = r.gold === undefined ? two(score[i]!) : score[i]! >= th.positive ? 'positive' : score[i]! <= th.negative ? 'negative' : 'neutral';
    });
  }
  if (file) {
    mkdirSync(CACHE!, { recursive: true });
    writeFileSync(file, JSON.stringify({ read, score }));
  }
  return { read, score, models };
}

const runs = names.map((n) => ({ name: n, ...leftOut(n, SCHEMES[n]!(rows), FIT[n]) }));
const vs = rows.map((r) => vader.SentimentIntensityAnalyzer.polarity_scores(r.text).compound);
const ws = rows.map((r) => wink(r.text).normalizedScore);

for (const part of ['all rows', 'choosing half (even positions)', 'reporting half (odd positions)'] as const) {
  console.log(`\n${part}\n| set | VADER | wink | needed | ${names.join(' | ')} |\n|---|---:|---:|---:|${names.map(() => '---:|').join('')}`);
  const change = names.map(() => [] as number[]);
  for (const set of sets) {
    const all = rows.flatMap((r, i) => (r.dataset === set ? [i] : []));
    const idx = part === 'all rows' ? all : all.filter((_, k) => (k % 2 === 0) === part.startsWith('choosing'));
    const graded = rows[idx[0]!]!.gold !== undefined;
    const gold = idx.map((i) => goldOf(rows[i]!));
    const f = (pred: Polarity3[]): number => macroF1(gold, pred, graded ? L3 : L2);
    const v = f(idx.map((i) => (graded ? band(vs[i]!, 0.05) : two(vs[i]!))));
    const w = f(idx.map((i) => (graded ? band(ws[i]!, 0) : two(ws[i]!))));
    const cells = runs.map((run) => f(idx.map((i) => run.read[i]!)));
    cells.forEach((c, j) => change[j]!.push(c - cells[0]!));
    console.log(`| ${set} | ${v.toFixed(4)} | ${w.toFixed(4)} | ${(Math.max(v, w) + 0.03).toFixed(4)} | ${cells.map((c) => c.toFixed(4)).join(' | ')} |`);
  }
  console.log(`| mean change against ${names[0]} | | | | ${change.map((d) => (d.reduce((a, b) => a + b, 0) / d.length).toFixed(4)).join(' | ')} |`);
  console.log(`| worst set's change | | | | ${change.map((d) => Math.min(...d).toFixed(4)).join(' | ')} |`);
}

console.log('\nconfusions (gold: read negative / neutral / positive)');
for (const set of sets) {
  for (const run of runs) {
    const c = new Map<Polarity3, number[]>();
    rows.forEach((r, i) => {
      if (r.dataset !== set) return;
      const p = run.read[i]!;
      const row = c.get(goldOf(r)) ?? [0, 0, 0];
      row[p === 'negative' ? 0 : p === 'neutral' ? 1 : 2]!++;
      c.set(goldOf(r), row);
    });
    console.log(`${set} / ${run.name}: ${[...c].map(([g, a]) => `${g} ${a.join('/')}`).join('; ')}`);
  }
}

/** A feature's family: word features have a span; the dense ones are named by prefix. */
const family = (name: string, span: unknown): string =>
  name.startsWith('#x.') ? 'products #x' : name.replace(/^not_/, '').startsWith('~c') ? 'clusters ~c' : span !== null ? (name.startsWith('not_') ? 'words not_' : name.includes(' ') ? 'word pairs' : 'words') : name.startsWith('#c.') ? 'scopes #c' : name.startsWith('#s.') ? 'register #s' : name.startsWith('#r') ? 'VADER-rated #r' : 'AFINN and other dense #';
const first = runs[0]!;
for (const set of sets.filter((s) => first.models.size > 0 && /Yelp|NewsMTSC/.test(s))) {
  const model = first.models.get(set)!;
  const bags = bagsOf(first.name);
  console.log(`\n${set}, ${first.name}'s left-out model (intercepts valence ${model.bias[0]!.toFixed(3)}, strength ${model.bias[1]!.toFixed(3)}): mean contribution to valence / strength`);
  const groups = new Map<string, { n: number; sums: Map<string, [number, number]> }>();
  rows.forEach((r, i) => {
    if (r.dataset !== set) return;
    const key = `${goldOf(r)} -> ${first.read[i]}`;
    const g = groups.get(key) ?? { n: 0, sums: new Map<string, [number, number]>() };
    g.n++;
    const bag = bags[i]!;
    bag.names.forEach((name, k) => {
      // Own keys only: a word such as "constructor" must not read Object.prototype's member (NaN sums).
      const w = Object.hasOwn(model.weights, name) ? model.weights[name] : undefined;
      if (!w) return;
      const fam = family(name, bag.spans[k]);
      const s = g.sums.get(fam) ?? [0, 0];
      s[0] += w[0]! * bag.values[k]!;
      s[1] += w[1]! * bag.values[k]!;
      g.sums.set(fam, s);
    });
    groups.set(key, g);
  });
  for (const [key, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${key} (${g.n}): ${[...g.sums].sort(([a], [b]) => a.localeCompare(b)).map(([f, s]) => `${f} ${(s[0] / g.n).toFixed(3)} / ${(s[1] / g.n).toFixed(3)}`).join('; ')}`);
  }
}
