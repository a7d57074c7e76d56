/**
 * The thread-post claim model (scripts/train/lib/thread-claims-fit.ts) judged nested on the blind development rounds
 * (docs/claims.md, session 36): each round is scored by the model whose settings were chosen (best mean round-left-out
 * post claim F1) on the other rounds only, then fit on them. The same procedure as `thread-claims-cv.ts --nested`, with
 * each fit (one per set of left-out rounds and setting) computed once and reused: the fit is deterministic, so the
 * figures are those `fitThreadClaims` gives (`--check` compares one outer fold's threshold with it).
 * Each setting's results are kept in .cache/thread-claims-nested/ so settings can run in separate processes.
 * `--grid 37` (the default) runs session 37's pre-registered candidates (docs/claims.md): (A) settings 0-1, the
 * threshold inside each fit at the best F0.7; (B) setting 2, stacking on the register's decile (`rc:` at L2 1e-4, the
 * rest at 3e-2), the same threshold rule; each setting's F1-threshold decisions (session 36's rule) are printed beside
 * as context. `--grid 36` is session 36's grid (F1 thresholds, four settings, one candidate). `--grid 38` is session
 * 37's second registration (claims38): (C) settings 0-1 (`rc:` off / on), the threshold rate-matched on each fit's own
 * training posts (`rateMatchedThreshold`: no inner fits, so ~136 fits a setting).
 *
 *   npx tsx scripts/eval/thread-claims-nested.ts --only 0,1   # compute settings 0 and 1 of the grid (cached)
 *   npx tsx scripts/eval/thread-claims-nested.ts              # compute what is missing, print the table
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { claimRoundScorer, readBlindClaimPosts } from './lib/blind-posts.js';
import { postF1, postScore, readCommentClaims } from '../train/lib/comment-claims-fit.js';
import { bestFBetaThreshold } from '../train/lib/claim-recipe.js';
import { corpusSentenceRows, fitThreadClaimRows, fitThreadClaims, postProbability, rateMatchedThreshold, threadSentenceRows, type ThreadClaimSettings } from '../train/lib/thread-claims-fit.js';
import type { LinearModel } from '../../src/learn/model.js';

const root = resolve(import.meta.dirname, '..', '..');
const posts = readBlindClaimPosts(root);
const corpus = readCommentClaims('comments.jsonl');
const rounds = [...new Set(posts.map((p) => p.round))].sort();
const cacheDir = resolve(root, '.cache', 'thread-claims-nested');
const f = (n: number): string => n.toFixed(3);

const gridArg = process.argv.indexOf('--grid');
const gridName = gridArg >= 0 ? process.argv[gridArg + 1]! : '37';
/** The grids pre-registered in docs/claims.md (sessions 36 and 37), and the candidates each judges nested. */
const GRID: ThreadClaimSettings[] = [];
let CANDIDATES: Array<{ name: string; settings: number[] }>;
if (gridName === '36') {
  for (const handset of [false, true]) {
    for (const l2 of [1e-3, 3e-2]) GRID.push({ l2, corpus: 0.25, handset, iterations: 300 });
  }
  CANDIDATES = [{ name: 'session 36 (F1 threshold)', settings: [0, 1, 2, 3] }];
} else if (gridName === '37') {
  for (const handset of [false, true]) GRID.push({ l2: 1e-3, corpus: 0.25, handset, iterations: 300, beta: 0.7 });
  GRID.push({ l2: 3e-2, corpus: 0.25, handset: true, handsetL2: 1e-4, iterations: 300, beta: 0.7 });
  CANDIDATES = [
    { name: '(A) F0.7 threshold', settings: [0, 1] },
    { name: '(B) stacking on the register, F0.7 threshold', settings: [2] },
  ];
} else if (gridName === '38') {
  for (const handset of [false, true]) GRID.push({ l2: 1e-3, corpus: 0.25, handset, iterations: 300, threshold: 'rate' });
  CANDIDATES = [{ name: '(C) rate-matched threshold', settings: [0, 1] }];
} else throw new Error(`--grid: 36, 37 or 38, not ${gridName}`);
const nameOf = (s: ThreadClaimSettings): string =>
  `l2 ${s.l2}, corpus ${s.corpus}, rc ${s.handset ? 'on' : 'off'}${s.handsetL2 === undefined ? '' : ` at l2 ${s.handsetL2}`}${s.beta === undefined || s.beta === 1 ? '' : `, F${s.beta}`}${s.threshold === 'rate' ? ', rate-matched' : ''}`;
/** A threshold rule: best F-beta over the fit's rounds left out (the beta), or `rate` (rate-matched on its training posts). */
type Rule = number | 'rate';
/** A setting's own threshold rule. */
const ruleOf = (s: ThreadClaimSettings): Rule => (s.threshold === 'rate' ? 'rate' : (s.beta ?? 1));
/** The threshold rules a setting's fits are read with: its own, and F1 (session 36's rule) as context (not for `rate`: it would need the inner fits). */
const betasOf = (s: ThreadClaimSettings): Rule[] => (s.threshold === 'rate' ? ['rate'] : [...new Set([s.beta ?? 1, 1])]);

interface BetaResult {
  /** Each post's decision by the model fit without its round (plain round left out). */
  outer: boolean[];
  /** pair[out][r]: F1 on round r of the model fit without rounds `out` and r (the inner choice's figures). */
  pair: Record<string, Record<string, number>>;
  thresholds: Record<string, number>;
}
/** A setting's results by its threshold rule (the beta, or `rate`). */
type SettingResult = Record<string, BetaResult>;

function runSetting(s: ThreadClaimSettings): SettingResult {
  const corpusRows = s.corpus > 0 ? corpusSentenceRows(corpus, s.corpus) : [];
  const fits = new Map<string, LinearModel>();
  const fitWithout = (left: readonly string[]): LinearModel => {
    const key = [...left].sort().join(',');
    let m = fits.get(key);
    if (m === undefined) {
      m = fitThreadClaimRows([...threadSentenceRows(posts.filter((p) => !left.includes(p.round))), ...corpusRows], s);
      fits.set(key, m);
    }
    return m;
  };
  /** fitThreadClaims on the posts outside `left`: its threshold (chosen by leaving each round out, best F-beta). */
  const thresholdWithout = (left: readonly string[], beta: Rule): number => {
    if (beta === 'rate') {
      // The fit's own scores on the posts it was fit on, rate-matched to their gold (as fitThreadClaims with `rate`).
      const m = fitWithout(left);
      const own = posts.filter((p) => !left.includes(p.round));
      return Math.min(0.95, Math.max(0.05, rateMatchedThreshold(own.map((p) => postProbability(p.text, m)), own.map((p) => p.claim)).threshold));
    }
    const scores: number[] = [];
    const gold: boolean[] = [];
    for (const r of rounds.filter((x) => !left.includes(x))) {
      const m = fitWithout([...left, r]);
      posts.forEach((p) => {
        if (p.round !== r) return;
        scores.push(postProbability(p.text, m));
        gold.push(p.claim);
      });
    }
    return Math.min(0.95, Math.max(0.05, bestFBetaThreshold(scores, gold, beta).threshold));
  };
  const decide = (left: readonly string[], r: string, beta: Rule): { pred: boolean[]; idx: number[] } => {
    const m = fitWithout(left);
    const t = thresholdWithout(left, beta);
    const idx = posts.map((_, i) => i).filter((i) => posts[i]!.round === r);
    return { pred: idx.map((i) => postProbability(posts[i]!.text, m) >= t), idx };
  };
  const result: SettingResult = {};
  for (const beta of betasOf(s)) result[beta] = { outer: new Array<boolean>(posts.length).fill(false), pair: {}, thresholds: {} };
  for (const out of rounds) {
    for (const beta of betasOf(s)) {
      const res = result[beta]!;
      const { pred, idx } = decide([out], out, beta);
      idx.forEach((i, k) => (res.outer[i] = pred[k]!));
      res.thresholds[out] = thresholdWithout([out], beta);
      res.pair[out] = {};
      for (const r of rounds.filter((x) => x !== out)) {
        const d = decide([out, r], r, beta);
        res.pair[out]![r] = postF1(d.pred, d.idx.map((i) => posts[i]!.claim)).f1;
      }
    }
    process.stderr.write(`${nameOf(s)}: ${out} done (${fits.size} fits)\n`);
  }
  return result;
}

const fileOf = (i: number): string => resolve(cacheDir, `grid${gridName}-setting-${i}-${nameOf(GRID[i]!).replace(/[^a-z0-9.-]+/gi, '_')}-${posts.length}.json`);
function resultOf(i: number): SettingResult {
  const file = fileOf(i);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SettingResult;
  const r = runSetting(GRID[i]!);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, JSON.stringify(r));
  return r;
}

if (process.argv.includes('--check')) {
  // fitThreadClaims on the posts outside the first round: the same threshold as the reused fits give.
  const s = GRID[0]!;
  const m = fitThreadClaims(posts.filter((p) => p.round !== rounds[0]), corpus, s);
  console.log(`fitThreadClaims threshold without ${rounds[0]}: ${m.thresholds!.claim} (cached run: ${resultOf(0)[ruleOf(s)]!.thresholds[rounds[0]!]})`);
  process.exit(0);
}

const onlyArg = process.argv.indexOf('--only');
if (onlyArg >= 0) {
  for (const i of process.argv[onlyArg + 1]!.split(',').map(Number)) resultOf(i);
  process.exit(0);
}

const { perRound, line } = claimRoundScorer(posts);

const results = GRID.map((_, i) => resultOf(i));
const cues = posts.map((p) => postScore(p.text, 'cues'));
const gold = posts.map((p) => p.claim);
const pr = (pred: readonly boolean[]): string => {
  const { p, r } = postF1(pred, gold);
  const found = pred.filter((x, i) => x && gold[i]).length;
  return `pooled P ${f(p)} R ${f(r)}: ${found} claims found, ${pred.filter(Boolean).length - found} false`;
};
console.log(`${posts.length} posts (${posts.filter((p) => p.claim).length} claims) in rounds ${rounds.join(', ')}`);
console.log(`| system | ${rounds.join(' | ')} | mean | pooled |`);
console.log(`|---|${rounds.map(() => '---|').join('')}---|---|`);
const every = posts.map(() => true);
console.log(`${line('every post a claim', perRound(every))} ${pr(every)}`);
const handsetPred = cues.map((s) => s >= 0.5);
const handset = perRound(handsetPred);
const handsetP = postF1(handsetPred, gold).p;
console.log(`${line('hand-set comment register (the claims step)', handset)} ${pr(handsetPred)}`);
GRID.forEach((s, i) => {
  for (const beta of betasOf(s)) {
    const res = results[i]![beta]!;
    console.log(`${line(`round left out: ${nameOf(s)}, threshold ${beta === 'rate' ? 'rate-matched' : `F${beta}`}`, perRound(res.outer))} ${pr(res.outer)}; thresholds ${rounds.map((r) => res.thresholds[r]!.toFixed(2)).join(' ')}`);
  }
});

/** Nested: each round decided by the setting (of `settings`) with the best inner mean, read with threshold rule `beta` (the setting's own if undefined). */
function nested(settings: readonly number[], beta: Rule | undefined, oneSe: boolean): { pred: boolean[]; chosen: string[] } {
  const pred = new Array<boolean>(posts.length).fill(false);
  const chosen: string[] = [];
  for (const out of rounds) {
    const means = settings.map((i) => {
      const s = GRID[i]!;
      const inner = rounds.filter((r) => r !== out);
      const res = results[i]![beta ?? ruleOf(s)]!;
      return { s, res, mean: inner.reduce((a, r) => a + res.pair[out]![r]!, 0) / inner.length };
    });
    const top = Math.max(...means.map((m) => m.mean));
    // The best inner mean; with one-se, the most regularised setting within 0.005 of it (as thread-claims-cv.ts --one-se).
    const best = !oneSe
      ? means.find((m) => m.mean === top)!
      : means.filter((m) => m.mean >= top - 0.005).reduce((a, b) => (b.s.l2 > a.s.l2 || (b.s.l2 === a.s.l2 && b.s.corpus < a.s.corpus) ? b : a));
    posts.forEach((p, k) => {
      if (p.round === out) pred[k] = best.res.outer[k]!;
    });
    chosen.push(`${out}: ${nameOf(best.s)} (${f(best.mean)})`);
  }
  return { pred, chosen };
}

for (const c of CANDIDATES) {
  // The same rule on all the rounds (what a fit for shipping would use): the best plain round-left-out mean.
  const plainMeans = c.settings.map((i) => ({ s: GRID[i]!, mean: perRound(results[i]![ruleOf(GRID[i]!)]!.outer).mean }));
  const allBest = plainMeans.reduce((a, b) => (b.mean > a.mean ? b : a));
  console.log(`${c.name}: settings by the same rule on all ${rounds.length} rounds: ${nameOf(allBest.s)} (${allBest.mean.toFixed(4)}; ${plainMeans.map((m) => m.mean.toFixed(4)).join(' ')})`);
  const variants: Array<[string, Rule | undefined, boolean]> =
    gridName === '36' ? [['', undefined, false], [', one-se', undefined, true]] : gridName === '38' ? [['', undefined, false]] : [['', undefined, false], [', the same fits at the F1 threshold (context)', 1, false]];
  for (const [label, beta, oneSe] of variants) {
    const { pred, chosen } = nested(c.settings, beta, oneSe);
    const r = perRound(pred);
    const p = postF1(pred, gold).p;
    console.log(`${line(`nested ${c.name}${label}`, r)} ${pr(pred)}`);
    const worst = Math.min(...r.byRound.map((x, k) => x - handset.byRound[k]!));
    const sign = (n: number): string => `${n >= 0 ? '+' : ''}${f(n)}`;
    const holds = r.mean - handset.mean >= 0.01 && r.pooled - handset.pooled >= 0.01 && worst >= -0.05 && p >= handsetP - 0.01;
    console.log(`  vs hand-set: mean ${sign(r.mean - handset.mean)} (${(r.mean - handset.mean).toFixed(4)}, pooled ${(r.pooled - handset.pooled).toFixed(4)}, precision ${(p - handsetP).toFixed(4)}), pooled ${sign(r.pooled - handset.pooled)}, worst round ${f(worst)}, pooled precision ${sign(p - handsetP)}${gridName !== '36' && beta === undefined ? `; session 37's bar ${holds ? 'HOLDS' : 'fails'}` : ''}`);
    console.log(`  settings chosen: ${chosen.join('; ')}`);
  }
}
