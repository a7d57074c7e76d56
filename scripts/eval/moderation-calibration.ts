/**
 * How the shown moderation scores should be mapped from the comment model's raw outputs, judged by calibration
 * on held-out data that may ship. Reads the pooled out-of-fold raw outputs written by
 * scripts/eval/moderation-thresholds-cv.ts (held-out ToxiSpans comments, ordinary news and review sentences and
 * ordinary reader comments, each scored by the fold model that did not see it; gold = "most raters see the
 * attribute", 0 for the ordinary texts) and compares, per attribute, maps from raw output p to a shown score:
 *
 * - `raw`: p itself (the decision cut t is then somewhere between 0.13 and 0.4, not at 0.5);
 * - `linear`: p/t·0.5 below the cut, linear from 0.5 to 1 above it (shipped until 2026-12-04);
 * - `shift`: logit s = logit p − logit t (the cut moved to 0.5 in log-odds, slope 1);
 * - `slopes`: logit s = a·(logit p − logit t), with a₋ below the cut and a₊ above it, each fit by maximum likelihood
 *   (the cut stays at 0.5, the map stays monotone and continuous);
 * - `lo-slope`: the same with a₊ = 1: only the slope below the cut is fit; above it the model's own log-odds spacing
 *   is kept (for the rare attributes the fitted a₊ falls to its floor: few flagged comments are positive, so a
 *   calibrated map would show every flagged comment at about 0.5, with no ranking left to see);
 * - `floored`: `slopes` with a₊ at least 0.25 (shipped);
 * - `platt`: logit s = a·logit p + b, free (the best one-line calibration; the decision no longer sits at 0.5).
 *
 * The fitted maps are cross-fit: their parameters come from the other two folds' held-out outputs and are scored on
 * the third. Prints Brier score, log loss and expected calibration error (10 equal bins) per map and attribute, a
 * reliability table for the old and the shipped map, the share of ordinary comments at each score level, and the parameters fit
 * on all three folds with the slope above the cut floored at 0.25 (`floored`: what
 * scripts/train/lib/moderation-thresholds.ts ships), and the share of ordinary comments a thread summary would list
 * for review under each map.
 * Usage: nice -n 10 npx tsx scripts/eval/moderation-thresholds-cv.ts /tmp/oof.json
 *        npx tsx scripts/eval/moderation-calibration.ts /tmp/oof.json
 */
import { readFileSync } from 'node:fs';
import { commentFolds, readCleanText, readOrdinaryComments, readToxiSpans } from '../train/lib/moderation-data.js';
import { MODERATION_ATTRIBUTES } from '../../src/classify/moderation/models.js';
import { ATTRIBUTE_THRESHOLDS } from '../train/lib/moderation-thresholds.js';
import { kFold } from './lib/metrics.js';

const K = 3;
const dataDir = process.env.THREADLENS_DATA ?? '../shared/data';
const held = JSON.parse(readFileSync(process.argv[2] ?? '/tmp/oof.json', 'utf8')) as { chosen: Record<string, number>; tsHeld: number[][]; cleanHeld: number[][]; commentHeld: number[][] };
const toxispans = readToxiSpans(dataDir);
const clean = readCleanText(dataDir);
const comments = readOrdinaryComments(dataDir);
// The fold of every pooled row (the same folds as the thresholds script).
const foldOf = (n: number): number[] => {
  const out = new Array<number>(n).fill(0);
  kFold(n, K, 7).forEach((rows, f) => rows.forEach((i) => (out[i] = f)));
  return out;
};
const commentFoldOf = new Array<number>(comments.length).fill(0);
commentFolds(comments, K, 7).forEach((rows, f) => rows.forEach((i) => (commentFoldOf[i] = f)));
const folds = [...foldOf(toxispans.length), ...foldOf(clean.length), ...commentFoldOf];
const isComment = [...toxispans.map(() => false), ...clean.map(() => false), ...comments.map(() => true)];

const EPS = 1e-6;
const clamp = (p: number): number => Math.min(1 - EPS, Math.max(EPS, p));
const logit = (p: number): number => Math.log(clamp(p) / (1 - clamp(p)));
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The slope a minimising the log loss of sigmoid(a·d) (d = logit p − logit t) over the rows given; Newton steps. */
function fitSlope(d: readonly number[], y: readonly boolean[]): number {
  let a = 1;
  for (let it = 0; it < 50; it++) {
    let g = 0;
    let h = 0;
    for (let i = 0; i < d.length; i++) {
      const s = sigmoid(a * d[i]!);
      g += (s - (y[i] ? 1 : 0)) * d[i]!;
      h += s * (1 - s) * d[i]! * d[i]!;
    }
    if (h <= 0) break;
    const step = g / h;
    a = Math.max(0.02, a - step);
    if (Math.abs(step) < 1e-7) break;
  }
  return a;
}

/** Free Platt scaling: a, b minimising the log loss of sigmoid(a·logit p + b); Newton on two parameters. */
function fitPlatt(z: readonly number[], y: readonly boolean[]): [number, number] {
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (let i = 0; i < z.length; i++) {
      const s = sigmoid(a * z[i]! + b);
      const r = s - (y[i] ? 1 : 0);
      const w = s * (1 - s);
      ga += r * z[i]!;
      gb += r;
      haa += w * z[i]! * z[i]!;
      hab += w * z[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-7) break;
  }
  return [a, b];
}

/** Slopes below and above the cut, fit on the rows given. */
function fitSlopes(p: readonly number[], y: readonly boolean[], t: number): [number, number] {
  const d = p.map((x) => logit(x) - logit(t));
  const lo = d.map((_, i) => i).filter((i) => d[i]! < 0);
  const hi = d.map((_, i) => i).filter((i) => d[i]! >= 0);
  return [fitSlope(lo.map((i) => d[i]!), lo.map((i) => y[i]!)), fitSlope(hi.map((i) => d[i]!), hi.map((i) => y[i]!))];
}

// The least slope above the cut shipped: below it a flagged comment's score stops ranking anything (0.5 to 0.55 over
// the whole flagged range).
const UPPER_FLOOR = 0.25;
const linear = (p: number, t: number): number => (p < t ? (p / t) * 0.5 : 0.5 + ((p - t) / (1 - t)) * 0.5);
const shifted = (p: number, t: number, lo = 1, hi = 1): number => {
  const d = logit(p) - logit(t);
  return sigmoid((d < 0 ? lo : hi) * d);
};

interface Metrics { brier: number; logLoss: number; ece: number }
function metrics(s: readonly number[], y: readonly boolean[]): Metrics {
  let brier = 0;
  let ll = 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, s: 0, y: 0 }));
  s.forEach((x, i) => {
    const g = y[i] ? 1 : 0;
    brier += (x - g) ** 2;
    ll -= g ? Math.log(clamp(x)) : Math.log(1 - clamp(x));
    const b = bins[Math.min(9, Math.floor(x * 10))]!;
    b.n++;
    b.s += x;
    b.y += g;
  });
  const ece = bins.reduce((e, b) => e + (b.n ? Math.abs(b.s - b.y) : 0), 0) / s.length;
  return { brier: brier / s.length, logLoss: ll / s.length, ece };
}

const fmt = (x: number): string => x.toFixed(4);
const shipped: Record<string, [number, number]> = {};
// Per map, each ordinary reader comment's shown scores (attribute order), for the review priority below.
const ordinaryShown: Record<string, number[][]> = {};
for (const [l, a] of MODERATION_ATTRIBUTES.entries()) {
  const t = (ATTRIBUTE_THRESHOLDS as Record<string, number>)[a]!;
  const p = [...held.tsHeld[l]!, ...held.cleanHeld[l]!, ...held.commentHeld[l]!];
  const y = [...toxispans.map((r) => r.targets[l]! >= 0.5), ...clean.map(() => false), ...comments.map(() => false)];
  const maps: Record<string, number[]> = { raw: [...p], linear: p.map((x) => linear(x, t)), shift: p.map((x) => shifted(x, t)), slopes: new Array<number>(p.length), 'lo-slope': new Array<number>(p.length), floored: new Array<number>(p.length), platt: new Array<number>(p.length) };
  for (let f = 0; f < K; f++) {
    const train = p.map((_, i) => i).filter((i) => folds[i] !== f);
    const [lo, hi] = fitSlopes(train.map((i) => p[i]!), train.map((i) => y[i]!), t);
    const [pa, pb] = fitPlatt(train.map((i) => logit(p[i]!)), train.map((i) => y[i]!));
    p.forEach((x, i) => {
      if (folds[i] !== f) return;
      maps.slopes![i] = shifted(x, t, lo, hi);
      maps['lo-slope']![i] = shifted(x, t, lo, 1);
      maps.floored![i] = shifted(x, t, lo, Math.max(UPPER_FLOOR, hi));
      maps.platt![i] = sigmoid(pa * logit(x) + pb);
    });
  }
  shipped[a] = fitSlopes(p, y, t).map((x) => Math.round(x * 100) / 100) as [number, number];
  const [pa, pb] = fitPlatt(p.map(logit), y);
  const platt05 = sigmoid(pa * logit(t) + pb);
  console.log(`\n${a} (cut ${t}; ${y.filter(Boolean).length} positives of ${y.length} pooled; slopes fit on all folds ${shipped[a]!.join(' / ')}; free Platt maps the cut to ${fmt(platt05)})`);
  console.log('map      brier   logLoss  ECE     | ordinary comments at >= 0.1 / 0.3 / 0.4 / 0.5 | positives >= 0.5');
  for (const [name, s] of Object.entries(maps)) {
    const m = metrics(s, y);
    const ord = s.filter((_, i) => isComment[i]);
    const share = (c: number): string => `${((100 * ord.filter((x) => x >= c).length) / ord.length).toFixed(1)}%`;
    const pos = s.filter((_, i) => y[i]);
    console.log(`${name.padEnd(8)} ${fmt(m.brier)}  ${fmt(m.logLoss)}  ${fmt(m.ece)}  | ${[0.1, 0.3, 0.4, 0.5].map(share).join(' / ')} | ${((100 * pos.filter((x) => x >= 0.5).length) / pos.length).toFixed(1)}%`);
  }
  for (const [name, s] of Object.entries(maps)) {
    const ord = s.filter((_, i) => isComment[i]);
    ord.forEach((x, i) => (((ordinaryShown[name] ??= [])[i] ??= [])[l] = x));
  }
  // Reliability of the cross-fit slopes map: mean shown score against the positive rate, per tenth.
  for (const name of ['linear', 'floored']) {
    const s = maps[name]!;
    const rows: string[] = [];
    for (let b = 0; b < 10; b++) {
      const idx = s.map((x, i) => [x, i] as const).filter(([x]) => Math.min(9, Math.floor(x * 10)) === b).map(([, i]) => i);
      if (idx.length === 0) continue;
      const mean = idx.reduce((acc, i) => acc + s[i]!, 0) / idx.length;
      const rate = idx.filter((i) => y[i]).length / idx.length;
      rows.push(`${(b / 10).toFixed(1)}-${((b + 1) / 10).toFixed(1)}: n ${idx.length}, shown ${mean.toFixed(3)}, positive ${rate.toFixed(3)}`);
    }
    console.log(`reliability (${name}): ${rows.join('; ')}`);
  }
}
// What a thread summary's needsReview (priority >= 0.4, src/classify/moderation/summarize.ts) would list of ordinary comments.
const WEIGHTS = [0.8, 0.85, 0.5, 0.95, 1];
const review = Object.entries(ordinaryShown).map(([name, rows]) => {
  const listed = rows.filter((sc) => Math.min(1, Math.max(...sc.map((x, l) => x * WEIGHTS[l]!)) + 0.05 * Math.max(0, sc.filter((x) => x >= 0.5).length - 1)) >= 0.4).length;
  return `${name} ${((100 * listed) / rows.length).toFixed(1)}%`;
});
console.log(`\nordinary comments a thread summary lists for review (priority >= 0.4): ${review.join(', ')}`);
console.log(`\nslopes fit on all three folds (below / above the cut): ${JSON.stringify(shipped)}`);
console.log(`shipped (floored): ${JSON.stringify(Object.fromEntries(Object.entries(shipped).map(([a, [lo, hi]]) => [a, { below: lo, above: Math.max(UPPER_FLOOR, hi) }])))}`);
