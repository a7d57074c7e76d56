/**
 * Chooses every moderation attribute's cut (scripts/train/lib/moderation-thresholds.ts ATTRIBUTE_THRESHOLDS) on
 * pooled out-of-fold predictions: 3 folds over ToxiSpans (section 20's folds) and over the ordinary-text
 * negatives; per fold the word scores, likeness and comment model are fit the shipped way (other folds of
 * ToxiSpans and of the ordinary text, all of Davidson) and score the held-out fold. The pooled held-out
 * scores of all three folds then give, per attribute, the raw output that maximises F1 for "most raters see the
 * attribute" over the held-out ToxiSpans comments plus the held-out ordinary sentences plus the held-out ordinary
 * reader comments (RumourEval replies, Reddit comments; 3 folds that keep each thread whole, `commentFolds`; since
 * 2026-12-04, session 14, each fold's comment model is also fit on the other folds' `ordinaryNegatives`, so every
 * comment in the pool is scored by a model fit without it or its thread): a comment section
 * is mostly ordinary talk, and every ToxiSpans comment had been flagged by Civil Comments, so without comments
 * that were not the cut sits where a third of ordinary comments pass it (the prior shift from ToxiSpans to a
 * comment section). Prints the cuts, the out-of-fold ROC-AUC per attribute and the share of ordinary comments
 * flagged, and each fold model's C3 toxicity AUC (cross-domain, measuring only). Slow (three comment fits).
 * `CV_SAVE_MODELS=dir` (session 20) also writes each fold's comment model, word scores and likeness there
 * (`fold<f>.model.json`, `fold<f>.ws.json`, `fold<f>.like.json`) for scripts/eval/moderation-insult-level.ts.
 * Usage: nice -n 10 npx tsx scripts/eval/moderation-thresholds-cv.ts [outJson]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeModel } from '../train/lib/fit-model.js';
import { commentFolds as threadFolds, ordinaryNegatives, readCasualTweets, readCleanText, readDavidson, readOrdinaryComments, readToxiSpans, fitCommentModel, fitLikeness, fitModerationWordScores, FIT_ON, type ModerationRow } from '../train/lib/moderation-data.js';
import { loadEmbeddings } from '../train/lib/word-scores.js';
import { loadWordScores } from '../../src/classify/moderation/word-scores.js';
import { MODERATION_ATTRIBUTES, readText } from '../../src/classify/moderation/models.js';
import { commentFeatures } from '../../src/classify/moderation/features.js';
import { predict } from '../../src/learn/model.js';
import { kFold, rocAuc } from './lib/metrics.js';
import { readToxicityRows } from '../train/lib/toxicity-data.js';

const K = 3;
const dataDir = process.env.THREADLENS_DATA ?? '../shared/data';
const toxispans = readToxiSpans(dataDir);
const davidson = readDavidson(dataDir);
const clean = readCleanText(dataDir);
const embeddings = loadEmbeddings();
const tsFolds = kFold(toxispans.length, K, 7);
const cleanFolds = kFold(clean.length, K, 7);
const comments = readOrdinaryComments(dataDir);
// Casual tweets rated neutral or friendly: fit on by every fold's comment model as shipped (since session 19); not in the cut pool.
const tweets = process.env.CV_TWEETS === '0' ? [] : ordinaryNegatives(readCasualTweets(dataDir));
const commentFolds = threadFolds(comments, K, 7);
const c3 = readToxicityRows(dataDir);
const c3Auc: number[] = [];
const saveDir = process.env.CV_SAVE_MODELS;
const commentHeld = MODERATION_ATTRIBUTES.map(() => new Array<number>(comments.length).fill(0));
const tsHeld = MODERATION_ATTRIBUTES.map(() => new Array<number>(toxispans.length).fill(0));
const cleanHeld = MODERATION_ATTRIBUTES.map(() => new Array<number>(clean.length).fill(0));
for (let f = 0; f < K; f++) {
  const tsTest = new Set(tsFolds[f]);
  const cleanTest = new Set(cleanFolds[f]);
  const train: ModerationRow[] = [...toxispans.filter((_, i) => !tsTest.has(i)), ...davidson, ...clean.filter((_, i) => !cleanTest.has(i))];
  const wsData = fitModerationWordScores(train, embeddings);
  const likeData = fitLikeness(train, embeddings);
  const wordScores = loadWordScores(wsData);
  const likeness = loadWordScores(likeData);
  const commentTest = new Set(commentFolds[f]);
  // The comment model alone also reads the other folds' ordinary comments (as train-moderation.ts does with all of them).
  const comment = fitCommentModel([...train, ...ordinaryNegatives(comments.filter((_, i) => !commentTest.has(i))), ...tweets], { wordScores, likeness }, [FIT_ON.toxispans]);
  if (saveDir) {
    writeModel(join(saveDir, `fold${f}.model.json`), comment);
    writeFileSync(join(saveDir, `fold${f}.ws.json`), JSON.stringify(wsData));
    writeFileSync(join(saveDir, `fold${f}.like.json`), JSON.stringify(likeData));
  }
  // The raw model outputs (what a cut is chosen on; `moderate` maps the cut to a score of 0.5).
  const raw = (text: string): number[] => predict(comment, commentFeatures(...readText(text, wordScores, undefined, undefined, likeness)));
  for (const i of tsFolds[f]!) raw(toxispans[i]!.text).forEach((p, l) => (tsHeld[l]![i] = p));
  for (const i of cleanFolds[f]!) raw(clean[i]!.text).forEach((p, l) => (cleanHeld[l]![i] = p));
  for (const i of commentFolds[f]!) raw(comments[i]!.text).forEach((p, l) => (commentHeld[l]![i] = p));
  c3Auc.push(rocAuc(c3.map((r) => raw(r.text)[0]!), c3.map((r) => r.toxic)));
  console.error(`thresholds cv: fold ${f + 1}/${K} done`);
}
const chosen: Record<string, number> = {};
const lines: string[] = [];
MODERATION_ATTRIBUTES.forEach((a, l) => {
  const gold = [...toxispans.map((r) => r.targets[l]! >= 0.5), ...clean.map(() => false), ...comments.map(() => false)];
  const scores = [...tsHeld[l]!, ...cleanHeld[l]!, ...commentHeld[l]!];
  let best = { f: -1, t: 0.5 };
  for (let t = 0.02; t <= 0.951; t += 0.005) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    scores.forEach((s, i) => {
      if (s >= t) gold[i] ? tp++ : fp++;
      else if (gold[i]) fn++;
    });
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    if (f1 > best.f + 1e-12) best = { f: f1, t: Math.round(t * 1000) / 1000 };
  }
  chosen[a] = best.t;
  lines.push(`${a}: cut ${best.t} (F1 ${best.f.toFixed(3)}), out-of-fold ToxiSpans AUC ${rocAuc(tsHeld[l]!, toxispans.map((r) => r.targets[l]! >= 0.5)).toFixed(3)}, with the ordinary text and comments ${rocAuc(scores, gold).toFixed(3)}, ordinary comments flagged ${(commentHeld[l]!.filter((p) => p >= best.t).length / comments.length).toFixed(3)}`);
});
console.log(lines.join('\n'));
console.log(`C3 toxicity ROC-AUC of each fold's model (C3 is measuring only; crowd toxicity level >= 2): ${c3Auc.map((x) => x.toFixed(4)).join(' / ')}`);
console.log(JSON.stringify(chosen));
if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify({ chosen, tsHeld, cleanHeld, commentHeld }));
