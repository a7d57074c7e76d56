/**
 * Friendly casual text flagged as abuse (issue 14, session 19): the share of friendly texts whose toxicity or insult
 * score reaches the flag (0.5), for the shipped model, the bag-of-words baseline fit on the same rows (flag: log-odds
 * >= 0), and optionally a comment-model refit.
 *
 * Sets (all VADER ground truth, Hutto & Gilbert 2014, MIT; mean rating of 20 raters, -4..+4, >= 1 = friendly):
 * - the positive tweets of the "measure" half (odd ids; `readCasualTweets`' fixed split), by length;
 * - the positive Amazon review and movie review snippets: never fit on, a cross-domain check.
 *
 * `FRIENDLY_FIT=half` refits the comment model as train-moderation.ts does (the shipped word scores and likeness: the
 * casual tweets reach the comment model only, so those files do not move), adding the "fit" half's tweets (even ids,
 * rating >= 0, through `ordinaryNegatives`), and scores it beside the shipped one: the friendly sets, C3 toxicity AUC
 * (measuring only, the single fit scored as section 20 scores the shipped model) and the eval-threads insult F1
 * (measure only). `FRIENDLY_FIT=none` scores the shipped model (fit on all the tweets since session 19: the tweet
 * figures are then in-sample) and the baselines only. `FRIENDLY_FIT=half-ws` (session 20) refits the word scores too,
 * with the fit half's tweets as toxicity-0 rows (`FRIENDLY_SAVE_WS=path` writes them). `FRIENDLY_SAVE=path` writes the
 * refit comment model there.
 * Usage: nice -n 10 npx tsx scripts/eval/moderation-friendly.ts [dataDir]
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moderateWith } from '../../src/classify/moderation/index.js';
import { shippedModerationModels, type ModerationModels } from '../../src/classify/moderation/models.js';
import { tokenize } from '../../src/text/tokenize.js';
import { tfidfLogistic } from './lib/bow-baseline.js';
import { rocAuc } from './lib/metrics.js';
import { readVaderSet } from './lib/sentiment-data.js';
import { f1, threadPosts } from './20-moderation.js';
import { FIT_ON, fitCommentModel, fitModerationWordScores, ordinaryNegatives, readCasualTweets, readCleanText, readDavidson, readOrdinaryComments, readToxiSpans, type ModerationRow } from '../train/lib/moderation-data.js';
import { readToxicityRows } from '../train/lib/toxicity-data.js';
import { commentThresholds } from '../train/lib/moderation-thresholds.js';
import { loadEmbeddings } from '../train/lib/word-scores.js';
import { loadWordScores } from '../../src/classify/moderation/word-scores.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const mode = process.env.FRIENDLY_FIT ?? 'half';
const FRIENDLY = 1;

const words = (t: string): number => tokenize(t).filter((x) => x.kind === 'word').length;
const bucket = (n: number): string => (n <= 3 ? '1-3 words' : n <= 12 ? '4-12 words' : '13+ words');

const tweets = readCasualTweets(dataDir, { minRating: FRIENDLY, half: 'measure' });
const sets: Array<{ name: string; texts: string[] }> = [{ name: `VADER tweets, measure half (odd ids), rating >= ${FRIENDLY}`, texts: tweets.map((r) => r.text) }];
for (const b of ['1-3 words', '4-12 words', '13+ words']) sets.push({ name: `  of which ${b}`, texts: tweets.map((r) => r.text).filter((t) => bucket(words(t)) === b) });
for (const [name, file] of [['VADER Amazon snippets', 'amazonReviewSnippets_GroundTruth.txt'], ['VADER movie snippets', 'movieReviewSnippets_GroundTruth.txt']] as const) {
  sets.push({ name: `${name}, rating >= ${FRIENDLY} (never fit on)`, texts: readVaderSet(dataDir, file).filter((r) => r.mean >= FRIENDLY).map((r) => r.text) });
}

const toxispans = readToxiSpans(dataDir);
const davidson = readDavidson(dataDir);
const clean = readCleanText(dataDir);
const comments = ordinaryNegatives(readOrdinaryComments(dataDir));
const fitHalf = ordinaryNegatives(readCasualTweets(dataDir, { half: 'fit' }));
const fitAll = ordinaryNegatives(readCasualTweets(dataDir));
const base: ModerationRow[] = [...toxispans, ...davidson, ...clean, ...comments];

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const share = (flags: readonly boolean[]): number => flags.filter(Boolean).length / Math.max(1, flags.length);

function modelFlags(models: ModerationModels, texts: readonly string[]): { tox: boolean[]; ins: boolean[] } {
  const r = texts.map((t) => moderateWith(t, models));
  return { tox: r.map((x) => x.toxicity.score >= 0.5), ins: r.map((x) => x.insult.score >= 0.5) };
}

function bowFlags(rows: readonly ModerationRow[], texts: readonly string[]): { tox: boolean[]; ins: boolean[] } {
  const fit = (l: number): boolean[] =>
    tfidfLogistic(rows.filter((r) => !Number.isNaN(r.targets[l]!)).map((r) => ({ text: r.text, positive: r.targets[l]! >= 0.5 })), texts).map((z) => z >= 0);
  return { tox: fit(0), ins: fit(1) };
}

const all = sets.flatMap((s) => s.texts);
const slices = (flags: { tox: boolean[]; ins: boolean[] }): Array<{ tox: number; ins: number; either: number }> => {
  let at = 0;
  return sets.map((s) => {
    const t = flags.tox.slice(at, at + s.texts.length);
    const i = flags.ins.slice(at, at + s.texts.length);
    at += s.texts.length;
    return { tox: share(t), ins: share(i), either: share(t.map((x, k) => x || i[k]!)) };
  });
};

const t0 = Date.now();
const systems: Array<[string, ReturnType<typeof slices>]> = [];
const shipped = shippedModerationModels();
systems.push(['threadlens shipped', slices(modelFlags(shipped, all))]);
systems.push(['bag-of-words, rows without tweets (before session 19)', slices(bowFlags(base, all))]);
if (mode === 'none') systems.push([`bag-of-words, shipped rows (+ all ${fitAll.length} casual tweets)`, slices(bowFlags([...base, ...fitAll], all))]);
console.error(`  shipped and baseline: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
let refit: ModerationModels | null = null;
if (mode === 'half' || mode === 'half-ws') {
  systems.push([`bag-of-words, + ${fitHalf.length} fit-half tweets`, slices(bowFlags([...base, ...fitHalf], all))]);
  const rows = [...base, ...fitHalf];
  // half-ws (session 20): the word scores are refit too, with the fit half's tweets as toxicity-0 rows beside the
  // shipped word-score rows (ToxiSpans, Davidson, the news and review sentences); likeness reads rated spans only, so
  // the tweets cannot move it.
  let lookups: ModerationModels = shipped;
  if (mode === 'half-ws') {
    const wsData = fitModerationWordScores([...toxispans, ...davidson, ...clean, ...fitHalf], loadEmbeddings());
    if (process.env.FRIENDLY_SAVE_WS) writeFileSync(process.env.FRIENDLY_SAVE_WS, `${JSON.stringify(wsData)}\n`);
    lookups = { ...shipped, wordScores: loadWordScores(wsData) };
  }
  const comment = fitCommentModel(rows, lookups, [...new Set(rows.map((r) => FIT_ON[r.source]))]);
  comment.thresholds = commentThresholds();
  refit = { ...lookups, comment };
  if (process.env.FRIENDLY_SAVE) writeFileSync(process.env.FRIENDLY_SAVE, `${JSON.stringify(comment)}\n`);
  systems.push([`threadlens refit + ${fitHalf.length} fit-half tweets (comment model${mode === 'half-ws' ? ' and word scores' : ''})`, slices(modelFlags(refit, all))]);
  console.error(`  refit: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

console.log(`Friendly texts flagged (toxicity >= 0.5 / insult >= 0.5 / either), ${new Date().toISOString()}`);
sets.forEach((s, k) => {
  console.log(`\n${s.name} (${s.texts.length})`);
  for (const [name, res] of systems) console.log(`  ${name.padEnd(62)} ${pct(res[k]!.tox).padStart(6)} ${pct(res[k]!.ins).padStart(6)} ${pct(res[k]!.either).padStart(6)}`);
});

if (refit) {
  // Nothing else may fall: C3 toxicity AUC (measuring only) and the eval-threads insult F1 (measure only).
  const c3 = readToxicityRows(dataDir);
  const c3Pos = c3.map((r) => r.toxic);
  const posts = threadPosts(root);
  const gold = posts.map((p) => p.insult);
  console.log('');
  for (const [name, models] of [['shipped', shipped], ['refit', refit]] as const) {
    const auc = rocAuc(c3.map((r) => moderateWith(r.text, models).toxicity.score), c3Pos);
    const ins = posts.map((p) => moderateWith(p.text, models).insult.score);
    console.log(`${name}: C3 toxicity AUC ${auc.toFixed(4)} (${c3.length}); eval-threads insult F1 ${f1(gold, ins.map((x) => x >= 0.5)).toFixed(3)}, AUC ${rocAuc(ins, gold).toFixed(4)} (${posts.length} posts)`);
  }
}
