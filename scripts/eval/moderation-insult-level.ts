/**
 * Why the eval threads' insult F1 sits at 0.737 while their insult ROC-AUC is 0.98 (issue 14, session 20): is the
 * level of the insult score wrong for a comment section, and could a cut chosen on data that may ship fix it?
 *
 * Reads the pooled out-of-fold raw outputs of scripts/eval/moderation-thresholds-cv.ts (held-out ToxiSpans comments,
 * news and review sentences, ordinary reader comments; argument 1) and prints:
 *
 * 1. per raw insult cut: the pooled F1 the cut is chosen on, the share of ToxiSpans insults, ToxiSpans non-insults,
 *    sentences and ordinary comments at or above it, and beside it (measured only, never chosen on) the eval
 *    threads' insult F1 and the shares of their insults and other posts the shipped model puts at or above it;
 * 2. the raw insult quantiles of the threads' other posts against the held-out ordinary comments and sentences
 *    (is a comment section's calm talk read as calm as the pool's?);
 * 3. the F1-optimal cut when the ToxiSpans comments (all of them flagged by Civil Comments) are weighted down against
 *    the ordinary text, as in a comment section where few comments are flagged (the prior shift);
 * 4. with argument 2 (the directory `CV_SAVE_MODELS` wrote), whether the fold models the cut is chosen on and the
 *    shipped model, fit on all rows, read never-fit text at the same level: the VADER Amazon and movie review
 *    snippets (MIT, never fit on), median log-odds difference and the share at or above the cut, and each fold
 *    model's thread insult F1 at the shipped cut.
 *
 * Usage: THREADLENS_QUIET=1 CV_SAVE_MODELS=.tmp nice -n 10 npx tsx scripts/eval/moderation-thresholds-cv.ts .tmp/oof.json
 *        npx tsx scripts/eval/moderation-insult-level.ts .tmp/oof.json [.tmp]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCleanText, readOrdinaryComments, readToxiSpans } from '../train/lib/moderation-data.js';
import { ATTRIBUTE_THRESHOLDS } from '../train/lib/moderation-thresholds.js';
import { MODERATION_ATTRIBUTES, readText, shippedModerationModels, type ModerationModels } from '../../src/classify/moderation/models.js';
import { commentFeatures } from '../../src/classify/moderation/features.js';
import { loadWordScores } from '../../src/classify/moderation/word-scores.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { f1, threadPosts } from './20-moderation.js';
import { rocAuc } from './lib/metrics.js';
import { readVaderSet } from './lib/sentiment-data.js';

const dataDir = process.env.THREADLENS_DATA ?? '../shared/data';
const held = JSON.parse(readFileSync(process.argv[2] ?? '/tmp/oof.json', 'utf8')) as { tsHeld: number[][]; cleanHeld: number[][]; commentHeld: number[][] };
const modelDir = process.argv[3];
const L = MODERATION_ATTRIBUTES.indexOf('insult');
const CUT = ATTRIBUTE_THRESHOLDS.insult;
const toxispans = readToxiSpans(dataDir);
const clean = readCleanText(dataDir);
const comments = readOrdinaryComments(dataDir);
const tsGold = toxispans.map((r) => r.targets[L]! >= 0.5);
const ts = held.tsHeld[L]!;
const sentences = held.cleanHeld[L]!;
const ordinary = held.commentHeld[L]!;

const rawOf = (m: Pick<ModerationModels, 'comment' | 'wordScores' | 'likeness'>, text: string): number[] =>
  predict(m.comment, commentFeatures(...readText(text, m.wordScores, undefined, undefined, m.likeness)));
const shipped = shippedModerationModels();
const posts = threadPosts(process.cwd());
const postGold = posts.map((p) => p.insult);
const postRaw = posts.map((p) => rawOf(shipped, p.text)[L]!);

const pct = (xs: readonly number[], c: number): string => `${((100 * xs.filter((x) => x >= c).length) / Math.max(1, xs.length)).toFixed(1)}%`;
const quantile = (xs: readonly number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

// 1. The cut sweep.
const poolScores = [...ts, ...sentences, ...ordinary];
const poolGold = [...tsGold, ...sentences.map(() => false), ...ordinary.map(() => false)];
console.log(`1. raw insult cut (shipped ${CUT}) | pool F1 | ToxiSpans insults / non-insults | sentences | ordinary comments | threads: F1 | insults | other posts (measured only; ${posts.length} posts, ${postGold.filter(Boolean).length} insults)`);
for (let c = 0.15; c <= 0.4001; c += 0.025) {
  const cut = Math.round(c * 1000) / 1000;
  console.log([cut.toFixed(3), f1(poolGold, poolScores.map((s) => s >= cut)).toFixed(3), `${pct(ts.filter((_, i) => tsGold[i]), cut)} / ${pct(ts.filter((_, i) => !tsGold[i]), cut)}`, pct(sentences, cut), pct(ordinary, cut), f1(postGold, postRaw.map((s) => s >= cut)).toFixed(3), pct(postRaw.filter((_, i) => postGold[i]), cut), pct(postRaw.filter((_, i) => !postGold[i]), cut)].join(' | '));
}
console.log(`threads' insults, raw: ${postRaw.filter((_, i) => postGold[i]).map((x) => x.toFixed(3)).sort().join(' ')}; their other posts' highest: ${postRaw.filter((_, i) => !postGold[i]).sort((a, b) => b - a).slice(0, 5).map((x) => x.toFixed(3)).join(' ')}`);

// 2. How calm is calm.
const q = (xs: readonly number[]): string => [0.5, 0.9, 0.95].map((p) => quantile(xs, p).toFixed(3)).join(' / ');
console.log(`\n2. raw insult median / p90 / p95: threads' other posts ${q(postRaw.filter((_, i) => !postGold[i]))}; held-out ordinary reader comments ${q(ordinary)}; held-out sentences ${q(sentences)}; ToxiSpans non-insults ${q(ts.filter((_, i) => !tsGold[i]))}; ToxiSpans insults ${q(ts.filter((_, i) => tsGold[i]))}; threads' insults ${q(postRaw.filter((_, i) => postGold[i]))}`);

const threadInsults = postRaw.filter((_, i) => postGold[i]);
const aucAgainst = (neg: readonly number[]): string => rocAuc([...threadInsults, ...neg], [...threadInsults.map(() => true), ...neg.map(() => false)]).toFixed(3);
console.log(`   ROC-AUC of the threads' insults against: their other posts ${aucAgainst(postRaw.filter((_, i) => !postGold[i]))}, the held-out ordinary reader comments ${aucAgainst(ordinary)}, the held-out sentences ${aucAgainst(sentences)}, the held-out ToxiSpans non-insults ${aucAgainst(ts.filter((_, i) => !tsGold[i]))}; ToxiSpans insults against the ordinary comments ${rocAuc([...ts.filter((_, i) => tsGold[i]), ...ordinary], [...ts.filter((_, i) => tsGold[i]).map(() => true), ...ordinary.map(() => false)]).toFixed(3)}`);

// 3. The prior shift: ToxiSpans weighted down against the ordinary text.
console.log('\n3. F1-optimal cut with the ToxiSpans comments weighted w against the ordinary text');
for (const withSentences of [true, false]) {
  for (const w of [1, 0.5, 0.25, 0.1, 0.05]) {
    const s = [...ts, ...ordinary, ...(withSentences ? sentences : [])];
    const g = [...tsGold, ...ordinary.map(() => false), ...(withSentences ? sentences.map(() => false) : [])];
    const wt = [...ts.map(() => w), ...ordinary.map(() => 1), ...(withSentences ? sentences.map(() => 1) : [])];
    let best = { f: -1, t: 0 };
    for (let t = 0.02; t <= 0.951; t += 0.005) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      s.forEach((x, i) => {
        if (x >= t) g[i] ? (tp += wt[i]!) : (fp += wt[i]!);
        else if (g[i]) fn += wt[i]!;
      });
      const f = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
      if (f > best.f + 1e-12) best = { f, t: Math.round(t * 1000) / 1000 };
    }
    const prevalence = (tsGold.filter(Boolean).length * w) / wt.reduce((a, b) => a + b, 0);
    console.log(`  ${withSentences ? 'with' : 'without'} the sentences, w ${w}: insult prevalence ${(100 * prevalence).toFixed(1)}%, cut ${best.t} (pool F1 ${best.f.toFixed(3)}); threads' F1 at it ${f1(postGold, postRaw.map((x) => x >= best.t)).toFixed(3)}`);
  }
}

// 4. Fold models against the shipped model on never-fit text.
if (modelDir) {
  const snippets = ['amazonReviewSnippets_GroundTruth.txt', 'movieReviewSnippets_GroundTruth.txt'].flatMap((f) => readVaderSet(dataDir, f).map((r) => r.text));
  const logit = (p: number): number => Math.log(p / (1 - p));
  const shippedSnip = snippets.map((t) => rawOf(shipped, t)[L]!);
  console.log(`\n4. never-fit VADER review snippets (${snippets.length}), raw insult: shipped model mean log-odds ${(shippedSnip.reduce((a, x) => a + logit(x), 0) / snippets.length).toFixed(3)}, ${pct(shippedSnip, CUT)} at or above the cut; threads' F1 at the cut ${f1(postGold, postRaw.map((x) => x >= CUT)).toFixed(3)}, AUC ${rocAuc(postRaw, postGold).toFixed(4)}`);
  for (let f = 0; f < 3; f++) {
    const m = {
      comment: JSON.parse(readFileSync(join(modelDir, `fold${f}.model.json`), 'utf8')) as LinearModel,
      wordScores: loadWordScores(JSON.parse(readFileSync(join(modelDir, `fold${f}.ws.json`), 'utf8'))),
      likeness: loadWordScores(JSON.parse(readFileSync(join(modelDir, `fold${f}.like.json`), 'utf8'))),
    };
    const snip = snippets.map((t) => rawOf(m, t)[L]!);
    const diffs = snip.map((x, i) => logit(shippedSnip[i]!) - logit(x));
    const pr = posts.map((p) => rawOf(m, p.text)[L]!);
    console.log(`  fold ${f + 1} model: mean log-odds ${(snip.reduce((a, x) => a + logit(x), 0) / snippets.length).toFixed(3)}, median shipped - fold ${quantile(diffs, 0.5).toFixed(3)}, ${pct(snip, CUT)} at or above the cut; threads' F1 at the cut ${f1(postGold, pr.map((x) => x >= CUT)).toFixed(3)}, AUC ${rocAuc(pr, postGold).toFixed(4)}`);
  }
}
