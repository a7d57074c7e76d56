/**
 * The thread-post claim model (scripts/train/lib/thread-claims-fit.ts) judged nested on the blind development rounds
 * (docs/claims.md, session 36): each round is scored by the model whose settings were chosen (best mean round-left-out
 * post claim F1) on the other rounds only, then fit on them. The same procedure as `thread-claims-cv.ts --nested`, with
 * each fit (one per set of left-out rounds and setting) computed once and reused: the fit is deterministic, so the
 * figures are those `fitThreadClaims` gives (`--check` compares one outer fold's threshold with it).
 * Each setting's results are kept in .cache/thread-claims-nested/ so settings can run in separate processes.
 *
 *   npx tsx scripts/eval/thread-claims-nested.ts --only 0,1   # compute settings 0 and 1 of the grid (cached)
 *   npx tsx scripts/eval/thread-claims-nested.ts              # compute what is missing, print the table
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { claimRoundScorer, readBlindClaimPosts } from './lib/blind-posts.js';
import { postF1, postScore, readCommentClaims } from '../train/lib/comment-claims-fit.js';
import { bestF1Threshold } from '../train/lib/claim-recipe.js';
import { corpusSentenceRows, fitThreadClaimRows, fitThreadClaims, postProbability, threadSentenceRows, type ThreadClaimSettings } from '../train/lib/thread-claims-fit.js';
import type { LinearModel } from '../../src/learn/model.js';

const root = resolve(import.meta.dirname, '..', '..');
const posts = readBlindClaimPosts(root);
const corpus = readCommentClaims('comments.jsonl');
const rounds = [...new Set(posts.map((p) => p.round))].sort();
const cacheDir = resolve(root, '.cache', 'thread-claims-nested');
const f = (n: number): string => n.toFixed(3);

/** The grid pre-registered in docs/claims.md (session 36). */
const GRID: ThreadClaimSettings[] = [];
for (const handset of [false, true]) {
  for (const l2 of [1e-3, 3e-2]) GRID.push({ l2, corpus: 0.25, handset, iterations: 300 });
}
const nameOf = (s: ThreadClaimSettings): string => `l2 ${s.l2}, corpus ${s.corpus}, rc ${s.handset ? 'on' : 'off'}`;

interface SettingResult {
  /** Each post's decision by the model fit without its round (plain round left out). */
  outer: boolean[];
  /** pair[out][r]: F1 on round r of the model fit without rounds `out` and r (the inner choice's figures). */
  pair: Record<string, Record<string, number>>;
  thresholds: Record<string, number>;
}

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
  /** fitThreadClaims on the posts outside `left`: the model and its threshold (chosen by leaving each round out). */
  const thresholdWithout = (left: readonly string[]): number => {
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
    return Math.min(0.95, Math.max(0.05, bestF1Threshold(scores, gold).threshold));
  };
  const decide = (left: readonly string[], r: string): { pred: boolean[]; idx: number[] } => {
    const m = fitWithout(left);
    const t = thresholdWithout(left);
    const idx = posts.map((_, i) => i).filter((i) => posts[i]!.round === r);
    return { pred: idx.map((i) => postProbability(posts[i]!.text, m) >= t), idx };
  };
  const outer = new Array<boolean>(posts.length).fill(false);
  const pair: SettingResult['pair'] = {};
  const thresholds: Record<string, number> = {};
  for (const out of rounds) {
    const { pred, idx } = decide([out], out);
    idx.forEach((i, k) => (outer[i] = pred[k]!));
    thresholds[out] = thresholdWithout([out]);
    pair[out] = {};
    for (const r of rounds.filter((x) => x !== out)) {
      const d = decide([out, r], r);
      pair[out]![r] = postF1(d.pred, d.idx.map((i) => posts[i]!.claim)).f1;
    }
    process.stderr.write(`${nameOf(s)}: ${out} done (${fits.size} fits)\n`);
  }
  return { outer, pair, thresholds };
}

const fileOf = (i: number): string => resolve(cacheDir, `setting-${i}-${nameOf(GRID[i]!).replace(/[^a-z0-9.-]+/gi, '_')}-${posts.length}.json`);
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
  console.log(`fitThreadClaims threshold without ${rounds[0]}: ${m.thresholds!.claim} (cached run: ${resultOf(0).thresholds[rounds[0]!]})`);
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
console.log(`${posts.length} posts (${posts.filter((p) => p.claim).length} claims) in rounds ${rounds.join(', ')}`);
console.log(`| system | ${rounds.join(' | ')} | mean | pooled |`);
console.log(`|---|${rounds.map(() => '---|').join('')}---|---|`);
console.log(line('every post a claim', perRound(posts.map(() => true))));
const handset = perRound(cues.map((s) => s >= 0.5));
console.log(line('hand-set comment register (the claims step)', handset));
GRID.forEach((s, i) => console.log(`${line(`round left out: ${nameOf(s)}`, perRound(results[i]!.outer))} thresholds ${rounds.map((r) => results[i]!.thresholds[r]!.toFixed(2)).join(' ')}`));

// The same rule on all the rounds (what a fit for shipping would use): the best plain round-left-out mean.
const plainMeans = GRID.map((s, i) => ({ s, mean: perRound(results[i]!.outer).mean }));
const allBest = plainMeans.reduce((a, b) => (b.mean > a.mean ? b : a));
console.log(`settings by the same rule on all ${rounds.length} rounds: ${nameOf(allBest.s)} (${allBest.mean.toFixed(4)}; ${plainMeans.map((m) => m.mean.toFixed(4)).join(' ')})`);

for (const oneSe of [false, true]) {
  const pred = new Array<boolean>(posts.length).fill(false);
  const chosen: string[] = [];
  for (const out of rounds) {
    const means = GRID.map((s, i) => {
      const inner = rounds.filter((r) => r !== out);
      return { s, i, mean: inner.reduce((a, r) => a + results[i]!.pair[out]![r]!, 0) / inner.length };
    });
    const top = Math.max(...means.map((m) => m.mean));
    // The best inner mean; with one-se, the most regularised setting within 0.005 of it (as thread-claims-cv.ts --one-se).
    const best = !oneSe
      ? means.find((m) => m.mean === top)!
      : means.filter((m) => m.mean >= top - 0.005).reduce((a, b) => (b.s.l2 > a.s.l2 || (b.s.l2 === a.s.l2 && b.s.corpus < a.s.corpus) ? b : a));
    posts.forEach((p, k) => {
      if (p.round === out) pred[k] = results[best.i]!.outer[k]!;
    });
    chosen.push(`${out}: ${nameOf(best.s)} (${f(best.mean)})`);
  }
  const r = perRound(pred);
  console.log(line(`nested${oneSe ? ', one-se' : ''}: settings chosen without the round`, r));
  console.log(`  vs hand-set: mean ${r.mean - handset.mean >= 0 ? '+' : ''}${f(r.mean - handset.mean)}, pooled ${r.pooled - handset.pooled >= 0 ? '+' : ''}${f(r.pooled - handset.pooled)}, worst round ${f(Math.min(...r.byRound.map((x, k) => x - handset.byRound[k]!)))}`);
  console.log(`  settings chosen: ${chosen.join('; ')}`);
}
