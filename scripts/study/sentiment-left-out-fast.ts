/**
 * Study (session 39, sent39; measure only): a faster leave-one-domain-out harness for the sets named on the command
 * line (default: UCI Yelp and NewsMTSC, issue 15's two short rows). The same rows, weights, fits
 * (`fitSentiment`), thresholds (`modelThresholds`) and scoring as section 10 of `npm run eval`
 * (scripts/eval/10-sentiment.ts, `leaveOneDomainOut`): three-class sets by the left-out model's own thresholds,
 * UCI sets by the sign of the score. What makes it faster: the feature bags of every row are computed once and kept
 * in .cache/sentiment-bags-<hash>.json (the hash covers SENTIMENT_FEATURE_FILES, so a change to the features makes a
 * new file), only the named sets' folds are fit, and a UCI fold (read by sign, its thresholds unused) is fit
 * without the three out-of-fold fits that choose thresholds (`thresholds` kept fixed: the weights are the same fit).
 *
 * A variant (`VARIANTS`) may change the bags (features) and/or the reading of a left-out set; `main` is section 10.
 * Readings go to .cache/sent39/<variant>.json (per set), so variants can run in separate processes and be printed
 * together: `npx tsx scripts/study/sentiment-left-out-fast.ts print main <variant> ...`.
 *
 * Variants (session 39, docs/sentiment.md "session 39, sent39"): `main` (section 10 as on main's src), `senses` and
 * `report` (with scripts/study/sentiment-senses.patch applied to src; `senses` drops the patch's `#s.report` cue;
 * sentiment-senses-parts.patch and TL_SENSES=like|booster|never,well run the parts one at a time), `center` (main's
 * src, dense features centred per domain on its own rows), `reported` (with scripts/study/sentiment-reported.patch).
 * A variant that needs a patch is run with the patch applied and src restored afterwards (`git checkout src`).
 *
 * Run: nice -n 10 npx tsx scripts/study/sentiment-left-out-fast.ts fit main ["UCI Yelp,NewsMTSC news sentences"]
 * (about 30 s for those two at a load of 1-3; all eight sets 2 min, 5-7 min at a load of 10), then `... print main`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import wink from 'wink-sentiment';
import { readSentimentRows, type Polarity3, type SentimentRow } from '../eval/lib/sentiment-data.js';
import { macroF1 } from '../eval/lib/metrics.js';
import { goldOf } from '../train/lib/sentiment-cv.js';
import { fitSentiment, SENTIMENT_FEATURE_FILES, sentimentFeatures, type SentimentExample } from '../train/lib/sentiment-fit.js';
import { modelThresholds, sentimentScore } from '../../src/classify/sentiment/model.js';
import type { FeatureBag } from '../../src/classify/sentiment/features.js';
import type { LinearModel } from '../../src/learn/model.js';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };

const root = resolve(import.meta.dirname, '..', '..');
const dataDir = resolve(root, '..', 'shared', 'data');
const cacheDir = join(root, '.cache');
export const DEFAULT_SETS = ['UCI Yelp', 'NewsMTSC news sentences'];

/** Every row's bag, computed once per feature-file hash. */
export function cachedBags(rows: readonly SentimentRow[], extraKey = ''): FeatureBag[] {
  const h = createHash('sha256');
  for (const f of SENTIMENT_FEATURE_FILES) h.update(readFileSync(join(root, f)));
  h.update(extraKey);
  for (const r of rows) h.update(r.text);
  const file = join(cacheDir, `sentiment-bags-${h.digest('hex').slice(0, 16)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as FeatureBag[];
  const t = Date.now();
  const bags = rows.map((r) => sentimentFeatures(r.text));
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, JSON.stringify(bags));
  console.error(`bags: ${rows.length} rows in ${((Date.now() - t) / 1000).toFixed(0)} s -> ${file}`);
  return bags;
}

/** A study variant: how it changes the bags, and how a left-out set is read from the model. */
export interface Variant {
  bags?: (rows: readonly SentimentRow[], bags: FeatureBag[]) => FeatureBag[];
}
export const VARIANTS: Record<string, Variant> = {
  // Section 10 as on main (run with main's src; its readings are kept in the cache).
  main: {},
  // Session 39: with scripts/study/sentiment-senses.patch applied to src (function-word senses in score-tokens.ts),
  // without the reporting cue it also adds.
  senses: { bags: (_rows, bags) => bags.map((b) => withoutFeature(b, '#s.report')) },
  // Session 39: with scripts/study/sentiment-senses.patch applied (senses and `#s.report`).
  report: {},
  // Session 39: with scripts/study/sentiment-reported.patch applied (a reported sentence's feeling words count half).
  reported: {},
  // Session 39: main's src; every dense feature centred on the mean over its own domain's rows (no label read).
  center: { bags: centredByDomain },
};

/** Each row's dense features (no span) minus their mean over the rows of the row's domain; word features as they are. */
function centredByDomain(rows: readonly SentimentRow[], bags: FeatureBag[]): FeatureBag[] {
  const means = new Map<string, Map<string, number>>();
  const counts = new Map<string, number>();
  rows.forEach((r, i) => {
    const m = means.get(r.dataset) ?? new Map<string, number>();
    means.set(r.dataset, m);
    counts.set(r.dataset, (counts.get(r.dataset) ?? 0) + 1);
    bags[i]!.spans.forEach((span, k) => {
      if (span === null) m.set(bags[i]!.names[k]!, (m.get(bags[i]!.names[k]!) ?? 0) + bags[i]!.values[k]!);
    });
  });
  for (const [d, m] of means) for (const [n, v] of m) m.set(n, v / counts.get(d)!);
  return bags.map((b, i) => {
    const m = means.get(rows[i]!.dataset)!;
    const out: FeatureBag = { names: [], values: [], spans: [] };
    const dense = new Map<string, number>();
    b.spans.forEach((span, k) => {
      if (span === null) dense.set(b.names[k]!, b.values[k]!);
      else {
        out.names.push(b.names[k]!);
        out.values.push(b.values[k]!);
        out.spans.push(span);
      }
    });
    for (const [n, mean] of [...m].sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))) {
      const v = (dense.get(n) ?? 0) - mean;
      if (v === 0) continue;
      out.names.push(n);
      out.values.push(v);
      out.spans.push(null);
    }
    return out;
  });
}

/** The bag without the feature `name`. */
function withoutFeature(b: FeatureBag, name: string): FeatureBag {
  const keep = b.names.map((n, k) => (n === name ? -1 : k)).filter((k) => k >= 0);
  return { names: keep.map((k) => b.names[k]!), values: keep.map((k) => b.values[k]!), spans: keep.map((k) => b.spans[k]!) };
}

/** The named sets' left-out scores and readings under `variant` (section 10's procedure). */
export function leftOutSets(variant: string, sets: readonly string[]): Record<string, { idx: number[]; score: number[]; read: Polarity3[]; thresholds: { positive: number; negative: number } }> {
  const rows = readSentimentRows(dataDir);
  const v = VARIANTS[variant];
  if (!v) throw new Error(`sentiment-left-out-fast: unknown variant "${variant}" (${Object.keys(VARIANTS).join(', ')})`);
  const plain = cachedBags(rows, process.env.TL_SENSES ?? '');
  const bags = v.bags ? v.bags(rows, plain) : plain;
  const out: ReturnType<typeof leftOutSets> = {};
  for (const set of sets) {
    const idx = rows.flatMap((r, i) => (r.dataset === set ? [i] : []));
    if (idx.length === 0) throw new Error(`sentiment-left-out-fast: no set "${set}"`);
    const binary = rows[idx[0]!]!.gold === undefined;
    const train: SentimentExample[] = rows.flatMap((r, i) => (r.dataset === set ? [] : [{ bag: bags[i]!, valence: r.valence, ...(r.gold ? { gold: r.gold } : {}), weight: r.weight, domain: r.dataset }]));
    const t = Date.now();
    // A set read by sign needs no thresholds: the fixed pair skips the three out-of-fold fits, the weights are the same.
    const model: LinearModel = fitSentiment(train, binary ? { thresholds: { positive: 0.1, negative: -0.1 } } : {});
    const th = modelThresholds(model);
    const score = idx.map((i) => sentimentScore(model, bags[i]!));
    const read = score.map((s): Polarity3 => (binary ? (s > 0 ? 'positive' : 'negative') : s >= th.positive ? 'positive' : s <= th.negative ? 'negative' : 'neutral'));
    console.error(`${new Date().toISOString()} ${variant}: ${set} left out in ${((Date.now() - t) / 1000).toFixed(0)} s, thresholds ${JSON.stringify(th)}`);
    out[set] = { idx, score, read, thresholds: th };
  }
  return out;
}

function cacheFile(variant: string): string {
  // TL_SENSES (sent39's parts, with scripts/study/sentiment-senses-parts.patch applied) names its own readings.
  return join(cacheDir, 'sent39', `${variant}${process.env.TL_SENSES ? `-${process.env.TL_SENSES}` : ''}.json`);
}

function main(): void {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'fit') {
    const variant = args[0] ?? 'main';
    const sets = args[1] ? args[1].split(',') : DEFAULT_SETS;
    const res = leftOutSets(variant, sets);
    const file = cacheFile(variant);
    const old = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    mkdirSync(join(cacheDir, 'sent39'), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...old, ...res }));
    return print([variant]);
  }
  if (cmd === 'print') return print(args.length > 0 ? args : ['main']);
  throw new Error('usage: sentiment-left-out-fast.ts fit <variant> [sets] | print <variant> ...');
}

function print(variants: readonly string[]): void {
  const rows = readSentimentRows(dataDir);
  const runs = variants.map((v) => ({ v, r: JSON.parse(readFileSync(cacheFile(v), 'utf8')) as ReturnType<typeof leftOutSets> }));
  const sets = [...new Set(runs.flatMap(({ r }) => Object.keys(r)))];
  console.log(`| set left out | VADER | wink | needed | ${variants.join(' | ')} |\n|---|---:|---:|---:|${variants.map(() => '---:|').join('')}`);
  for (const set of sets) {
    const idx = rows.flatMap((r, i) => (r.dataset === set ? [i] : []));
    const binary = rows[idx[0]!]!.gold === undefined;
    const gold = idx.map((i) => goldOf(rows[i]!));
    const L: Polarity3[] = binary ? ['positive', 'negative'] : ['positive', 'negative', 'neutral'];
    const f = (pred: Polarity3[]): number => macroF1(gold, pred, L);
    const vs = idx.map((i) => vader.SentimentIntensityAnalyzer.polarity_scores(rows[i]!.text).compound);
    const ws = idx.map((i) => wink(rows[i]!.text).normalizedScore);
    const band = (s: number, b: number): Polarity3 => (s > b ? 'positive' : s < -b ? 'negative' : 'neutral');
    const vF = f(vs.map((s) => (binary ? (s > 0 ? 'positive' : 'negative') : band(s, 0.05))));
    const wF = f(ws.map((s) => (binary ? (s > 0 ? 'positive' : 'negative') : band(s, 0))));
    const cells = runs.map(({ r }) => (r[set] ? f(r[set].read).toFixed(4) : '-'));
    console.log(`| ${set} (${idx.length}) | ${vF.toFixed(4)} | ${wF.toFixed(4)} | ${(Math.max(vF, wF) + 0.03).toFixed(4)} | ${cells.join(' | ')} |`);
  }
  console.log('\nconfusions (gold: read negative / neutral / positive)');
  for (const set of sets) {
    for (const { v, r } of runs) {
      if (!r[set]) continue;
      const c = new Map<string, number[]>();
      r[set].idx.forEach((i, k) => {
        const p = r[set]!.read[k]!;
        const g = goldOf(rows[i]!);
        const row = c.get(g) ?? [0, 0, 0];
        row[p === 'negative' ? 0 : p === 'neutral' ? 1 : 2]!++;
        c.set(g, row);
      });
      console.log(`${set} / ${v}: ${[...c].map(([g, a]) => `${g} ${a.join('/')}`).join('; ')}; thresholds ${JSON.stringify(r[set].thresholds)}`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
