/**
 * Study (session 35, sent35; measure only): a small hidden layer over the general sentiment model, on the sets left
 * out of fitting (section 10's rows). For each set left out, on the other sets' rows exactly as section 10 weighs them:
 *
 * 1. the linear model is fit as shipped (`fitOutputs`, then pruned: what `fitSentiment` returns), and the three row
 *    folds `fitSentiment` fits to choose its band (rows i % 3) give every training row out-of-fold outputs;
 * 2. a hidden layer is fit on those out-of-fold outputs as a residual: valence' = valence + g_v(x), strength' =
 *    strength + g_s(x), with g(x) = U tanh(W x + b) + c, H = 8 units shared by the two outputs, x standardised on the
 *    training rows, W from the benches' seeded PRNG (`prng`, mulberry32, seed 35; normal, sd 1 / sqrt(inputs)), U and c from 0 (so the
 *    fit starts at the linear model), full-batch Adam (step 0.01, 400 steps), L2 1e-3 on W and U, loss the fit's own:
 *    weighted squared error of valence on every row and of strength on the rows with three-class gold;
 * 3. the band is chosen by `fitThresholds` (domains weighed as in the fit) on the training rows' out-of-fold scores
 *    combine(valence', strength') (without g: main's own band, byte for byte);
 * 4. the left-out set is read by the full linear fit plus g, its band, and by sign for the UCI sets.
 *
 * Two inputs x, fixed before any run (docs/sentiment.md, Quality, "session 35"):
 * - `hiddenFamilies`: the linear model's contribution to valence and to strength of each feature family (words, not_
 *   words, word pairs, scopes #c, register #s, VADER-rated #r, other dense #), 14 inputs;
 * - `hiddenDense`: the linear model's valence and strength and every dense feature's value (no span: lexicon
 *   aggregates, scopes, register cues).
 * `main` is the same procedure without g and must reproduce section 10's rows.
 *
 * Run (folds split across processes, each set's readings cached in TL_HIDDEN_CACHE, default /tmp/sent35-cache):
 *   nice -n 10 npx tsx scripts/study/sentiment-hidden-layer.ts fit 0,1,2,3   (and 4,5,6,7 in a second process)
 *   npx tsx scripts/study/sentiment-hidden-layer.ts print
 * (session 35: 00:44-01:12 UTC at a load of about 16, 3-8 min a fold. Docs: docs/sentiment.md, Quality, "session 35".)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import wink from 'wink-sentiment';
import { readSentimentRows, type Polarity3 } from '../eval/lib/sentiment-data.js';
import { macroF1 } from '../eval/lib/metrics.js';
import { goldOf } from '../train/lib/sentiment-cv.js';
import { denseNames, fitOutputs, fitThresholds, pruneWeights, sentimentFeatures, type SentimentExample } from '../train/lib/sentiment-fit.js';
import { combine } from '../../src/classify/sentiment/model.js';
import type { FeatureBag } from '../../src/classify/sentiment/features.js';
import type { LinearModel } from '../../src/learn/model.js';
import { prng } from '../bench/hostile.js';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };

const CACHE = process.env.TL_HIDDEN_CACHE ?? '/tmp/sent35-cache';
const SCHEMES = ['main', 'hiddenFamilies', 'hiddenDense'] as const;
type Scheme = (typeof SCHEMES)[number];
const HIDDEN = 8;
const STEPS = 400;
const STEP_SIZE = 0.01;
const L2 = 1e-3;
const SEED = 35;
const FOLDS = 3;

const FAMILIES = ['words', 'words not_', 'word pairs', 'scopes #c', 'register #s', 'VADER-rated #r', 'other dense #'] as const;
/** A feature's family (as sentiment-left-out-weights.ts names them): word features have a span. */
function familyOf(name: string, span: unknown): number {
  if (span !== null) return name.startsWith('not_') ? 1 : name.includes(' ') ? 2 : 0;
  return name.startsWith('#c.') ? 3 : name.startsWith('#s.') ? 4 : name.startsWith('#r') ? 5 : 6;
}

/** The linear model's outputs and its per-family contributions for one bag. */
function linearParts(model: LinearModel, bag: FeatureBag): { v: number; s: number; fam: number[] } {
  const fam = new Array<number>(FAMILIES.length * 2).fill(0);
  let v = model.bias[0]!;
  let s = model.bias[1]!;
  for (let k = 0; k < bag.names.length; k++) {
    // Own keys only: a word such as "constructor" must not read Object.prototype's.
    if (!Object.hasOwn(model.weights, bag.names[k]!)) continue;
    const w = model.weights[bag.names[k]!]!;
    const x = bag.values[k]!;
    const f = familyOf(bag.names[k]!, bag.spans[k] ?? null);
    fam[2 * f] = fam[2 * f]! + w[0]! * x;
    fam[2 * f + 1] = fam[2 * f + 1]! + w[1]! * x;
    v += w[0]! * x;
    s += w[1]! * x;
  }
  return { v, s, fam };
}

/** A fitted residual layer: g(x) = U tanh(W z + b) + c, z = (x - mean) / sd. */
interface Hidden {
  mean: number[];
  sd: number[];
  W: Float64Array; // HIDDEN x D
  b: Float64Array;
  U: Float64Array; // 2 x HIDDEN
  c: Float64Array;
}

function applyHidden(h: Hidden, x: readonly number[]): [number, number] {
  const D = h.mean.length;
  let gv = h.c[0]!;
  let gs = h.c[1]!;
  for (let j = 0; j < HIDDEN; j++) {
    let a = h.b[j]!;
    for (let d = 0; d < D; d++) a += h.W[j * D + d]! * ((x[d]! - h.mean[d]!) / h.sd[d]!);
    const t = Math.tanh(a);
    gv += h.U[j]! * t;
    gs += h.U[HIDDEN + j]! * t;
  }
  return [gv, gs];
}

/**
 * Fits g on inputs `xs` to the residuals of the linear outputs (`v`, `s`) toward the targets, each row weighted,
 * strength only where `hasStrength`. Deterministic: seeded init, full-batch Adam.
 */
function fitHidden(xs: readonly number[][], v: readonly number[], s: readonly number[], yv: readonly number[], ys: readonly number[], hasStrength: readonly boolean[], weight: readonly number[]): Hidden {
  const N = xs.length;
  const D = xs[0]!.length;
  const mean = new Array<number>(D).fill(0);
  const sd = new Array<number>(D).fill(0);
  for (const x of xs) for (let d = 0; d < D; d++) mean[d] = mean[d]! + x[d]! / N;
  for (const x of xs) for (let d = 0; d < D; d++) sd[d] = sd[d]! + (x[d]! - mean[d]!) ** 2 / N;
  for (let d = 0; d < D; d++) sd[d] = Math.sqrt(sd[d]!) || 1;
  const Z = xs.map((x) => x.map((value, d) => (value - mean[d]!) / sd[d]!));
  const rand = prng(SEED);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const P = HIDDEN * D + HIDDEN + 2 * HIDDEN + 2;
  const theta = new Float64Array(P);
  for (let k = 0; k < HIDDEN * D; k++) theta[k] = normal() / Math.sqrt(D);
  const oB = HIDDEN * D;
  const oU = oB + HIDDEN;
  const oC = oU + 2 * HIDDEN;
  let wv = 0;
  let ws = 0;
  for (let i = 0; i < N; i++) {
    wv += weight[i]!;
    if (hasStrength[i]) ws += weight[i]!;
  }
  const m = new Float64Array(P);
  const q = new Float64Array(P);
  const grad = new Float64Array(P);
  const t = new Float64Array(HIDDEN);
  for (let step = 1; step <= STEPS; step++) {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < N; i++) {
      const z = Z[i]!;
      let gv = theta[oC]!;
      let gs = theta[oC + 1]!;
      for (let j = 0; j < HIDDEN; j++) {
        let a = theta[oB + j]!;
        for (let d = 0; d < D; d++) a += theta[j * D + d]! * z[d]!;
        t[j] = Math.tanh(a);
        gv += theta[oU + j]! * t[j]!;
        gs += theta[oU + HIDDEN + j]! * t[j]!;
      }
      loss += (weight[i]! * (v[i]! + gv - yv[i]!) ** 2) / wv + (hasStrength[i] ? (weight[i]! * (s[i]! + gs - ys[i]!) ** 2) / ws : 0);
      const ev = (2 * weight[i]! * (v[i]! + gv - yv[i]!)) / wv;
      const es = hasStrength[i] ? (2 * weight[i]! * (s[i]! + gs - ys[i]!)) / ws : 0;
      grad[oC] = grad[oC]! + ev;
      grad[oC + 1] = grad[oC + 1]! + es;
      for (let j = 0; j < HIDDEN; j++) {
        grad[oU + j] = grad[oU + j]! + ev * t[j]!;
        grad[oU + HIDDEN + j] = grad[oU + HIDDEN + j]! + es * t[j]!;
        const back = (ev * theta[oU + j]! + es * theta[oU + HIDDEN + j]!) * (1 - t[j]! * t[j]!);
        if (back === 0) continue;
        grad[oB + j] = grad[oB + j]! + back;
        for (let d = 0; d < D; d++) grad[j * D + d] = grad[j * D + d]! + back * z[d]!;
      }
    }
    if (step === 1 || step === STEPS) console.error(`  hidden layer (${D} inputs, ${N} rows): step ${step}, squared error ${loss.toFixed(5)}`);
    for (let k = 0; k < oB; k++) grad[k] = grad[k]! + 2 * L2 * theta[k]!;
    for (let k = oU; k < oC; k++) grad[k] = grad[k]! + 2 * L2 * theta[k]!;
    for (let k = 0; k < P; k++) {
      m[k] = 0.9 * m[k]! + 0.1 * grad[k]!;
      q[k] = 0.999 * q[k]! + 0.001 * grad[k]! * grad[k]!;
      theta[k] = theta[k]! - (STEP_SIZE * (m[k]! / (1 - 0.9 ** step))) / (Math.sqrt(q[k]! / (1 - 0.999 ** step)) + 1e-8);
    }
  }
  return { mean, sd, W: theta.slice(0, oB), b: theta.slice(oB, oU), U: theta.slice(oU, oC), c: theta.slice(oC) };
}

const dataDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const rows = readSentimentRows(dataDir);
const sets = [...new Set(rows.map((r) => r.dataset))];
const L3: Polarity3[] = ['positive', 'negative', 'neutral'];
const L2L: Polarity3[] = ['positive', 'negative'];
const band = (s: number, b: number): Polarity3 => (s > b ? 'positive' : s < -b ? 'negative' : 'neutral');
const two = (s: number): Polarity3 => (s > 0 ? 'positive' : 'negative');
const slug = (set: string): string => set.replace(/[^A-Za-z0-9]+/g, '-');

interface SetReading {
  set: string;
  thresholds: Record<Scheme, { positive: number; negative: number }>;
  score: Record<Scheme, number[]>;
  read: Record<Scheme, Polarity3[]>;
  seconds: number;
}

function fitFold(set: string, bags: readonly FeatureBag[]): SetReading {
  const started = process.hrtime.bigint();
  const all: SentimentExample[] = rows.flatMap((r, i) => (r.dataset === set ? [] : [{ bag: bags[i]!, valence: r.valence, ...(r.gold ? { gold: r.gold } : {}), weight: r.weight, domain: r.dataset }]));
  // TL_HIDDEN_SMOKE=<k>: every k-th training row only (a check that the code runs; never a figure).
  const smoke = Number(process.env.TL_HIDDEN_SMOKE ?? 1);
  const train = all.filter((_, i) => i % smoke === 0);
  const dense = denseNames(train);
  const denseList = [...dense].sort();
  const full = pruneWeights(fitOutputs(train, dense, {}, 1), 0.01, dense);
  // Out-of-fold linear outputs of every training row, from fitSentiment's own three row folds.
  const oof = new Array<{ v: number; s: number; fam: number[] }>(train.length);
  for (let f = 0; f < FOLDS; f++) {
    const m = fitOutputs(train.filter((_, i) => i % FOLDS !== f), dense, {}, 1);
    train.forEach((e, i) => {
      if (i % FOLDS === f) oof[i] = linearParts(m, e.bag);
    });
    console.error(`${new Date().toISOString()} ${set}: row fold ${f} fit`);
  }
  const at = new Map(denseList.map((n, d) => [n, d]));
  const denseValues = (bag: FeatureBag): number[] => {
    const x = new Array<number>(denseList.length).fill(0);
    bag.names.forEach((n, k) => {
      const d = bag.spans[k] === null ? at.get(n) : undefined;
      if (d !== undefined) x[d] = x[d]! + bag.values[k]!;
    });
    return x;
  };
  const inputs: Record<Exclude<Scheme, 'main'>, (p: { v: number; s: number; fam: number[] }, bag: FeatureBag) => number[]> = {
    hiddenFamilies: (p) => p.fam,
    hiddenDense: (p, bag) => [p.v, p.s, ...denseValues(bag)],
  };
  const graded = train.map((e, i) => [e, i] as const).filter(([e]) => e.gold !== undefined);
  const out = { thresholds: {}, score: {}, read: {} } as Omit<SetReading, 'set' | 'seconds'>;
  const left = rows.flatMap((r, i) => (r.dataset === set ? [i] : []));
  const leftParts = left.map((i) => linearParts(full, bags[i]!));
  for (const scheme of SCHEMES) {
    let g: (p: { v: number; s: number; fam: number[] }, bag: FeatureBag) => [number, number] = () => [0, 0];
    if (scheme !== 'main') {
      const input = inputs[scheme];
      const h = fitHidden(
        train.map((e, i) => input(oof[i]!, e.bag)),
        oof.map((p) => p.v),
        oof.map((p) => p.s),
        train.map((e) => e.valence),
        train.map((e) => Math.abs(e.valence)),
        train.map((e) => e.gold !== undefined),
        train.map((e) => e.weight),
      );
      g = (p, bag) => applyHidden(h, input(p, bag));
      console.error(`${new Date().toISOString()} ${set}: ${scheme} fit`);
    }
    const oofScore = graded.map(([e, i]) => {
      const [gv, gs] = g(oof[i]!, e.bag);
      return combine(oof[i]!.v + gv, oof[i]!.s + gs);
    });
    const th = fitThresholds(oofScore, graded.map(([e]) => e.gold!), graded.map(([e]) => e.weight), graded.map(([e]) => e.domain!));
    out.thresholds[scheme] = th;
    out.score[scheme] = left.map((i, k) => {
      const [gv, gs] = g(leftParts[k]!, bags[i]!);
      return combine(leftParts[k]!.v + gv, leftParts[k]!.s + gs);
    });
    out.read[scheme] = left.map((i, k) => {
      const s = out.score[scheme][k]!;
      return rows[i]!.gold === undefined ? two(s) : s >= th.positive ? 'positive' : s <= th.negative ? 'negative' : 'neutral';
    });
    console.error(`${set} / ${scheme}: thresholds ${JSON.stringify(th)}`);
  }
  return { set, ...out, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const [mode, which] = process.argv.slice(2);
if (mode === 'fit') {
  const bags = rows.map((r) => sentimentFeatures(r.text));
  mkdirSync(CACHE, { recursive: true });
  for (const k of (which ?? sets.map((_, k) => k).join(',')).split(',').map(Number)) {
    const set = sets[k]!;
    const file = join(CACHE, `${slug(set)}.json`);
    if (existsSync(file)) continue;
    writeFileSync(file, JSON.stringify(fitFold(set, bags)));
  }
} else if (mode === 'print') {
  const mainCache = process.env.TL_MAIN_CACHE ?? '/tmp/sent34-cache/main.json';
  const section10 = existsSync(mainCache) ? (JSON.parse(readFileSync(mainCache, 'utf8')) as { read: Polarity3[] }).read : undefined;
  // Sets not yet fit are left out of the tables (a partial print while the folds run).
  const done = sets.filter((set) => existsSync(join(CACHE, `${slug(set)}.json`)));
  const readings = done.map((set) => JSON.parse(readFileSync(join(CACHE, `${slug(set)}.json`), 'utf8')) as SetReading);
  const vs = rows.map((r) => vader.SentimentIntensityAnalyzer.polarity_scores(r.text).compound);
  const ws = rows.map((r) => wink(r.text).normalizedScore);
  const cols = [...(section10 ? ['section 10 (cache)'] : []), ...SCHEMES];
  for (const part of ['all rows', 'choosing half (even positions)', 'reporting half (odd positions)'] as const) {
    console.log(`\n${part}\n| set | VADER | wink | needed | ${cols.join(' | ')} |\n|---|---:|---:|---:|${cols.map(() => '---:|').join('')}`);
    const change = SCHEMES.map(() => [] as number[]);
    done.forEach((set, si) => {
      const all = rows.flatMap((r, i) => (r.dataset === set ? [i] : []));
      const keep = all.map((_, k) => part === 'all rows' || (k % 2 === 0) === part.startsWith('choosing'));
      const idx = all.filter((_, k) => keep[k]);
      const graded = rows[idx[0]!]!.gold !== undefined;
      const gold = idx.map((i) => goldOf(rows[i]!));
      const f = (pred: Polarity3[]): number => macroF1(gold, pred, graded ? L3 : L2L);
      const v = f(idx.map((i) => (graded ? band(vs[i]!, 0.05) : two(vs[i]!))));
      const w = f(idx.map((i) => (graded ? band(ws[i]!, 0) : two(ws[i]!))));
      const cells = SCHEMES.map((s) => f(readings[si]!.read[s].filter((_, k) => keep[k])));
      cells.forEach((c, j) => change[j]!.push(c - cells[0]!));
      const cached = section10 ? [f(idx.map((i) => section10[i]!)).toFixed(4)] : [];
      console.log(`| ${set} | ${v.toFixed(4)} | ${w.toFixed(4)} | ${(Math.max(v, w) + 0.03).toFixed(4)} | ${[...cached, ...cells.map((c) => c.toFixed(4))].join(' | ')} |`);
    });
    const pad = section10 ? ' |' : '';
    console.log(`| mean change against main (worst set) | | | |${pad} ${change.map((d) => `${(d.reduce((a, b) => a + b, 0) / d.length).toFixed(4)} (${Math.min(...d).toFixed(4)})`).join(' | ')} |`);
  }
  console.log('\nthresholds (positive / negative) and seconds per set');
  for (const r of readings) console.log(`${r.set}: ${SCHEMES.map((s) => `${s} ${r.thresholds[s].positive} / ${r.thresholds[s].negative}`).join('; ')} (${r.seconds.toFixed(0)} s)`);
  // A bound, choosing nothing: each three-class set's best band on its own gold and scores (fitThresholds' grid).
  console.log('\nbest band on the set\'s own gold (a bound; macro-F1)');
  done.forEach((set, si) => {
    const idx = rows.flatMap((r, i) => (r.dataset === set ? [i] : []));
    if (rows[idx[0]!]!.gold === undefined) return;
    const gold = idx.map((i) => goldOf(rows[i]!));
    const cells = SCHEMES.map((s) => {
      const sc = readings[si]!.score[s];
      const th = fitThresholds(sc, gold);
      return macroF1(gold, sc.map((x) => (x >= th.positive ? 'positive' : x <= th.negative ? 'negative' : 'neutral')), L3).toFixed(4);
    });
    console.log(`${set}: ${SCHEMES.map((s, j) => `${s} ${cells[j]}`).join('; ')}`);
  });
  console.log('\nconfusions (gold: read negative / neutral / positive)');
  done.forEach((set, si) => {
    const idx = rows.flatMap((r, i) => (r.dataset === set ? [i] : []));
    for (const s of SCHEMES) {
      const c = new Map<Polarity3, number[]>();
      idx.forEach((i, k) => {
        const p = readings[si]!.read[s][k]!;
        const row = c.get(goldOf(rows[i]!)) ?? [0, 0, 0];
        row[p === 'negative' ? 0 : p === 'neutral' ? 1 : 2]!++;
        c.set(goldOf(rows[i]!), row);
      });
      console.log(`${set} / ${s}: ${[...c].map(([gname, a]) => `${gname} ${a.join('/')}`).join('; ')}`);
    }
  });
} else {
  throw new Error('sentiment-hidden-layer: mode must be "fit <set indices>" or "print"');
}
