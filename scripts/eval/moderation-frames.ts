/**
 * The insult-frames corpus as a comment-model domain (issue 14, session 22): chooses its row weight and measures it.
 *
 * 1. Choice (`FRAMES_STAGE=cv`, default): 3 folds over ToxiSpans (section 20's, seed 7) and over the corpus's 11 fit
 *    topics (topics dealt into 3 folds, seed 7: a topic's comments are never both fit on and scored). Per fold and per
 *    weight in FRAMES_WEIGHTS (default 0,0.5,1,2; 0 = the shipped recipe) the comment model is refit as
 *    train-moderation.ts fits it (the shipped word scores and likeness: the corpus reaches the comment model only;
 *    the other rows, Davidson, the sentences, the reader comments and the tweets, in every fold) and scores the
 *    held-out ToxiSpans comments (ROC-AUC per attribute, pooled out of fold, with a paired bootstrap of the change
 *    against weight 0) and the held-out topics (insult ROC-AUC, F1 at the shipped raw cut).
 * 2. Measure (`FRAMES_STAGE=measure FRAMES_WEIGHT=w`): the comment model fit on every row plus all the fit topics at
 *    weight w (what train-moderation.ts writes), beside the shipped one, on the corpus's 4 held-out topics (never
 *    fit or chosen on; with a bag-of-words baseline fit on the same rows), the friendly-text shares of
 *    moderation-friendly.ts (VADER tweets of the measure half rated >= 1, Amazon and movie snippets), C3 toxicity
 *    ROC-AUC (measuring only) and the eval threads' insult F1 (measure only). `FRAMES_SAVE=path` writes the model;
 *    `FRAMES_AFTER=path` reads it instead of fitting, `FRAMES_BEFORE=path` compares with that model instead of src's.
 *    In the choice stage `FRAMES_SAVE_OOF=path` writes the first configuration's out-of-fold ToxiSpans insult outputs (session 26).
 * Since session 24 (a second writer's `comments-2.jsonl` and `heldout-2.jsonl`): the choice is between configurations
 * `FILES:WEIGHT` (FRAMES_CONFIGS, default `1:1,12:1,12:2,12:3,12:4`: `1` = the first writer's fit file only, `12` =
 * both writers' fit files; `0:0` = no corpus). The topics of both fit files are dealt into the 3 folds together, every
 * configuration is scored on the same left-out topics of both files, and the left-out figures are given per writer.
 * The measure stage fits on FRAMES_FILES (`12` by default: the shipped FRAMES_FIT_FILES; `1` = the first file only)
 * and scores both held-out files.
 * Usage: THREADLENS_QUIET=1 nice -n 10 npx tsx scripts/eval/moderation-frames.ts [dataDir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moderateWith } from '../../src/classify/moderation/index.js';
import { MODERATION_ATTRIBUTES, readText, shippedModerationModels, type ModerationModels } from '../../src/classify/moderation/models.js';
import { commentFeatures } from '../../src/classify/moderation/features.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { writeModel } from '../train/lib/fit-model.js';
import { blindDevSpan } from '../train/lib/blind-rounds.js';
import { addressedSentences } from './lib/addressed-sentences.js';
import { BLIND_ROUNDS, readBlindPosts } from './lib/blind-posts.js';
import { tfidfLogistic } from './lib/bow-baseline.js';
import { kFold, rocAuc } from './lib/metrics.js';
import { readVaderSet } from './lib/sentiment-data.js';
import { f1, threadPosts } from './20-moderation.js';
import { commentFitFeatures, commentTeacher, fitCommentModel, FIT_ON, ordinaryNegatives, readCasualTweets, readCleanText, readDavidson, readInsultFrames, readInsultFramesFit, readOrdinaryComments, type InsultFramesFile, readToxiSpans, ROW_WEIGHT, type ModerationRow } from '../train/lib/moderation-data.js';
import { readToxicityRows } from '../train/lib/toxicity-data.js';
import { ATTRIBUTE_THRESHOLDS } from '../train/lib/moderation-thresholds.js';
import { commentThresholds } from '../train/lib/moderation-thresholds.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const stage = process.env.FRAMES_STAGE ?? 'cv';
const K = 3;
const shipped = shippedModerationModels();
const lookups = { wordScores: shipped.wordScores, likeness: shipped.likeness };
const insultCut = (ATTRIBUTE_THRESHOLDS as Record<string, number>).insult!;

const toxispans = readToxiSpans(dataDir);
const others: ModerationRow[] = [...readDavidson(dataDir), ...readCleanText(dataDir), ...ordinaryNegatives(readOrdinaryComments(dataDir)), ...ordinaryNegatives(readCasualTweets(dataDir))];
const fileSets: Record<string, InsultFramesFile[]> = { '0': [], '1': ['comments.jsonl'], '2': ['comments-2.jsonl'], '12': ['comments.jsonl', 'comments-2.jsonl'] };
const frames1 = readInsultFrames('comments.jsonl');
const frames = [...frames1, ...readInsultFrames('comments-2.jsonl')];
/** The writer of each fit-file row: 1 (session 22) or 2 (session 24). */
const writer = frames.map((_, i) => (i < frames1.length ? 1 : 2));
const t0 = Date.now();
const since = (): string => `${((Date.now() - t0) / 1000).toFixed(0)} s`;

/** The run-time raw outputs (what `moderate` reads; no held-apart features; with the addressed-sentence study's features, which only an `:addr` model weighs). */
const raw = (m: LinearModel, text: string): number[] => {
  const read = readText(text, lookups.wordScores, undefined, undefined, lookups.likeness);
  return predict(m, [...commentFeatures(...read), ...addressedSentences(...read)]);
};
const weights = (w: number): Record<ModerationRow['source'], number> => ({ ...ROW_WEIGHT, frames: w });

function f1At(gold: readonly boolean[], scores: readonly number[], cut: number): number {
  return f1(gold, scores.map((s) => s >= cut));
}

/** Paired bootstrap of AUC(b) - AUC(a) over the same items: the 2.5% and 97.5% points. */
function bootDiff(a: readonly number[], b: readonly number[], gold: readonly boolean[], n = 200): [number, number] {
  // mulberry32: a 32-bit generator in integer arithmetic (a float LCG loses its low bits).
  let seed = 12345;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const d: number[] = [];
  for (let k = 0; k < n; k++) {
    const idx = gold.map(() => Math.floor(rand() * gold.length));
    d.push(rocAuc(idx.map((i) => b[i]!), idx.map((i) => gold[i]!)) - rocAuc(idx.map((i) => a[i]!), idx.map((i) => gold[i]!)));
  }
  d.sort((x, y) => x - y);
  return [d[Math.floor(0.025 * n)]!, d[Math.floor(0.975 * n)]!];
}

/** Each row's features with the addressed-sentence ones (lib/addressed-sentences.ts, session 25) added. */
function addressed(rows: readonly ModerationRow[], feats: ReadonlyArray<ReadonlyArray<readonly [string, number]>>): Array<Array<readonly [string, number]>> {
  return rows.map((r, i) => [...feats[i]!, ...addressedSentences(...readText(r.text, lookups.wordScores, undefined, undefined, lookups.likeness))]);
}
if (stage === 'cv') {
  // A third part `addr` keeps the addressed-sentence features (`$addr...`, session 25); without it they are taken
  // out of every row, so the configuration is the model as it was before them.
  const configs = (process.env.FRAMES_CONFIGS ?? '1:1,12:1,12:2,12:3,12:4').split(',').map((c) => {
    const [files, w, ...extra] = c.split(':');
    // `b<n>` (session 25): blind threads 01-22's posts are fit rows too, each n times (insult gold; toxicity and the
    // rest from the teacher; the frames row weight), one blind round left out per fit (four fits a fold), each round scored by the fit
    // that left it out.
    return { name: c, files: new Set(fileSets[files!]!.map((f) => (f === 'comments.jsonl' ? 1 : 2))), w: Number(w), addr: extra.includes('addr'), blindRows: Number(extra.find((e) => /^b\d*$/.test(e))?.slice(1) || (extra.includes('b') ? 1 : 0)) };
  });
  const ws = configs.map((c) => c.w);
  const allRows: ModerationRow[] = [...toxispans, ...others, ...frames];
  const plainFeats = commentFitFeatures(allRows, lookups);
  const feats = addressed(allRows, plainFeats);
  console.error(`  features of ${allRows.length} rows: ${since()}`);
  // The blind threads' posts (the development rounds of fixtures/blind-threads, never fit on here): each scored by every fold's model.
  const blind = readBlindPosts(root);
  const blindHeld = ws.map(() => new Array<number>(blind.length).fill(0));
  const blindRows: ModerationRow[] = blind.map((b) => ({ source: 'frames', text: b.text, targets: [NaN, b.insult ? 1 : 0, NaN, NaN, NaN], group: `blind ${b.file.split('_')[0]!}` }));
  const blindPlain = commentFitFeatures(blindRows, lookups);
  const blindFeats = addressed(blindRows, blindPlain);
  const blindRound = blind.map((b) => BLIND_ROUNDS.findIndex(([, test]) => test(b.file)));
  const tsFolds = kFold(toxispans.length, K, 7);
  const topics = [...new Set(frames.map((r) => r.group!))].sort();
  const topicFold = new Map<string, number>();
  kFold(topics.length, K, 7).forEach((m, f) => m.forEach((t) => topicFold.set(topics[t]!, f)));
  const tsHeld = ws.map(() => MODERATION_ATTRIBUTES.map(() => new Array<number>(toxispans.length).fill(0)));
  const frHeld = ws.map(() => new Array<number>(frames.length).fill(0));
  const frTox = ws.map(() => new Array<number>(frames.length).fill(0));
  const nTs = toxispans.length;
  const nOthers = others.length;
  // FRAMES_FOLDS=0,1 scores only those folds (a loaded machine); the figures are then over their held-out rows only.
  const runFolds = (process.env.FRAMES_FOLDS ?? '0,1,2').split(',').map(Number);
  const scored = new Set(runFolds.flatMap((f) => tsFolds[f]!));
  const frScored = new Set(frames.flatMap((r, i) => (runFolds.includes(topicFold.get(r.group!)!) ? [i] : [])));
  for (const f of runFolds) {
    const tsTest = new Set(tsFolds[f]);
    const idx: number[] = [];
    for (let i = 0; i < nTs; i++) if (!tsTest.has(i)) idx.push(i);
    for (let i = 0; i < nOthers; i++) idx.push(nTs + i);
    const baseRows = idx.map((i) => allRows[i]!);
    const baseFeats = idx.map((i) => feats[i]!);
    const basePlain = idx.map((i) => plainFeats[i]!);
    // One teacher per fold (without the addressed-sentence features): it only fills the unlabelled attributes.
    const teacher = commentTeacher(baseRows, basePlain);
    console.error(`  fold ${f + 1}: teacher ${since()}`);
    const frIdx = frames.flatMap((r, i) => (topicFold.get(r.group!) !== f ? [i] : []));
    configs.forEach(({ files, w, addr, blindRows: withBlind }, k) => {
      const use = w === 0 ? [] : frIdx.filter((i) => files.has(writer[i]!));
      const rows = [...baseRows, ...use.map((i) => frames[i]!)];
      const fs = [...(addr ? baseFeats : basePlain), ...use.map((i) => (addr ? feats : plainFeats)[nTs + nOthers + i]!)];
      // Without blind rows one fit; with them one fit per blind round left out, the held-out figures their mean.
      const leaveOut = withBlind > 0 ? BLIND_ROUNDS.map((_, r) => r) : [-1];
      for (const r of leaveOut) {
        const bIdx = r < 0 ? [] : Array.from({ length: withBlind }, () => blind.flatMap((_, i) => (blindRound[i] !== r ? [i] : []))).flat();
        const m = fitCommentModel([...rows, ...bIdx.map((i) => blindRows[i]!)], lookups, [], { features: [...fs, ...bIdx.map((i) => (addr ? blindFeats : blindPlain)[i]!)], teacher, rowWeight: weights(w) });
        const share = 1 / leaveOut.length;
        for (const i of tsFolds[f]!) raw(m, toxispans[i]!.text).forEach((p, l) => (tsHeld[k]![l]![i] = tsHeld[k]![l]![i]! + share * p));
        frames.forEach((row, i) => {
          if (topicFold.get(row.group!) !== f) return;
          const p = raw(m, row.text);
          frHeld[k]![i] = frHeld[k]![i]! + share * p[1]!;
          frTox[k]![i] = frTox[k]![i]! + share * p[0]!;
        });
        blind.forEach((b, i) => {
          if (r < 0 || blindRound[i] === r) blindHeld[k]![i] = blindHeld[k]![i]! + raw(m, b.text)[1]! / runFolds.length;
        });
        if (r >= 0) console.error(`  fold ${f + 1}, ${configs[k]!.name}, blind round ${BLIND_ROUNDS[r]![0]} left out: ${since()}`);
      }
      console.error(`  fold ${f + 1}, ${configs[k]!.name}: ${since()}`);
    });
  }
  // FRAMES_SAVE_OOF=path (session 26): the first configuration's out-of-fold raw insult output of every scored ToxiSpans
  // comment, as [text, raw] pairs, for scripts/study/insult-second-stage.ts (STAGE_TOXI_OOF=path).
  if (process.env.FRAMES_SAVE_OOF) writeFileSync(process.env.FRAMES_SAVE_OOF, JSON.stringify(toxispans.flatMap((r, i) => (scored.has(i) ? [[r.text, tsHeld[0]![1]![i]!]] : []))));
  // Keep the scored rows only.
  const keepTs = <T,>(a: readonly T[]): T[] => a.filter((_, i) => scored.has(i));
  const keepFr = <T,>(a: readonly T[]): T[] => a.filter((_, i) => frScored.has(i));
  const tsRows = keepTs(toxispans);
  for (const k of ws.keys()) {
    tsHeld[k] = tsHeld[k]!.map((a) => keepTs(a));
    frHeld[k] = keepFr(frHeld[k]!);
    frTox[k] = keepFr(frTox[k]!);
  }
  const frRows = keepFr(frames);
  const frWriter = keepFr(writer);
  const frGold = frRows.map((r) => r.targets[1] === 1);
  /** Left-out insult AUC and F1 at the raw cut, over one writer's rows (0 = both). */
  const byWriter = (k: number, wr: number): string => {
    const ix = frRows.flatMap((_, i) => (wr === 0 || frWriter[i] === wr ? [i] : []));
    const g = ix.map((i) => frGold[i]!);
    const p = ix.map((i) => frHeld[k]![i]!);
    return `${rocAuc(p, g).toFixed(3)} / ${f1At(g, p, insultCut).toFixed(3)}`;
  };
  console.log(`Insult-frames weight, folds ${runFolds.map((f) => f + 1).join(', ')} of 3 (ToxiSpans seed 7, ${tsRows.length} held out; fit topics ${topics.length} dealt by topic, left-out topics ${[...new Set(frRows.map((r) => r.group))].join(', ')}: ${frRows.length} comments), ${new Date().toISOString()}`);
  console.log(`files:weight | ToxiSpans out-of-fold AUC ${MODERATION_ATTRIBUTES.join(' / ')} | left-out topics, both writers: insult AUC, F1 at raw >= ${insultCut}, toxicity AUC | writer 1 insult AUC / F1 | writer 2 insult AUC / F1`);
  configs.forEach(({ name }, k) => {
    const aucs = MODERATION_ATTRIBUTES.map((_, l) => rocAuc(tsHeld[k]![l]!, tsRows.map((r) => r.targets[l]! >= 0.5)));
    const diffs = k === 0 ? '' : ` (change vs 0, paired bootstrap 95%: ${MODERATION_ATTRIBUTES.map((_, l) => {
      const gold = tsRows.map((r) => r.targets[l]! >= 0.5);
      const [lo, hi] = bootDiff(tsHeld[0]![l]!, tsHeld[k]![l]!, gold);
      return `${(aucs[l]! - rocAuc(tsHeld[0]![l]!, gold)).toFixed(4)} [${lo.toFixed(4)}, ${hi.toFixed(4)}]`;
    }).join(' / ')})`;
    console.log(`${name} | ${aucs.map((a) => a.toFixed(4)).join(' / ')}${diffs} | ${rocAuc(frHeld[k]!, frGold).toFixed(3)}, ${f1At(frGold, frHeld[k]!, insultCut).toFixed(3)}, ${rocAuc(frTox[k]!, frRows.map((r) => r.targets[0] === 1)).toFixed(3)} | ${byWriter(k, 1)} | ${byWriter(k, 2)}`);
  });
  console.log(`Blind threads ${blindDevSpan()} (never fit on; each post's raw insult output the mean of the fold models'): per round insult AUC / F1 at raw >= ${insultCut} / insults found / calm posts over the cut; then each insult post's raw output`);
  configs.forEach(({ name }, k) => {
    const cells = BLIND_ROUNDS.map(([label, test]) => {
      const ix = blind.flatMap((b, i) => (test(b.file) ? [i] : []));
      const g = ix.map((i) => blind[i]!.insult);
      const p = ix.map((i) => blindHeld[k]![i]!);
      return `${label} ${rocAuc(p, g).toFixed(3)} / ${f1At(g, p, insultCut).toFixed(3)} / ${p.filter((x, j) => g[j] && x >= insultCut).length} of ${g.filter(Boolean).length} / ${p.filter((x, j) => !g[j] && x >= insultCut).length}`;
    });
    const g = blind.map((b) => b.insult);
    const insults = blind.flatMap((b, i) => (b.insult ? [`${b.file.split('_')[0]!} ${blindHeld[k]![i]!.toFixed(3)}`] : []));
    console.log(`${name} | ${cells.join(' | ')} | all ${rocAuc(blindHeld[k]!, g).toFixed(3)} / ${f1At(g, blindHeld[k]!, insultCut).toFixed(3)} | ${insults.join(', ')}`);
  });
} else {
  const w = Number(process.env.FRAMES_WEIGHT ?? ROW_WEIGHT.frames);
  const fitFrames = readInsultFramesFit(fileSets[process.env.FRAMES_FILES ?? '12']!);
  const readModel = (path: string): LinearModel => JSON.parse(readFileSync(path, 'utf8')) as LinearModel;
  let comment: LinearModel;
  if (process.env.FRAMES_AFTER) comment = readModel(process.env.FRAMES_AFTER);
  else {
    const rows = [...toxispans, ...others, ...fitFrames];
    comment = fitCommentModel(rows, lookups, [...new Set(rows.map((r) => FIT_ON[r.source]))], { rowWeight: weights(w) });
    comment.thresholds = commentThresholds();
    if (process.env.FRAMES_SAVE) writeModel(process.env.FRAMES_SAVE, comment);
    console.error(`  refit: ${since()}`);
  }
  const refit: ModerationModels = { ...shipped, comment };
  // The model before: the shipped one, or FRAMES_BEFORE (e.g. main's file, once the refit is in src).
  const before: ModerationModels = process.env.FRAMES_BEFORE ? { ...shipped, comment: readModel(process.env.FRAMES_BEFORE) } : shipped;
  console.log(`Insult frames, files ${process.env.FRAMES_FILES ?? '12'}, weight ${w}, ${new Date().toISOString()}`);
  for (const heldFile of ['heldout.jsonl', 'heldout-2.jsonl'] as const) {
  const held = readInsultFrames(heldFile);
  const gold = held.map((r) => r.targets[1] === 1);
  const bow = tfidfLogistic([...toxispans, ...others.filter((r) => !Number.isNaN(r.targets[1]!)), ...(w > 0 ? fitFrames : [])].map((r) => ({ text: r.text, positive: r.targets[1]! >= 0.5 })), held.map((r) => r.text));
  console.log(`${heldFile} (${held.length}; ${gold.filter(Boolean).length} insults): bag-of-words on the same rows insult AUC ${rocAuc(bow, gold).toFixed(3)}, F1 (log-odds >= 0) ${f1At(gold, bow, 0).toFixed(3)}`);
  for (const [name, m] of [['before', before], ['after', refit]] as const) {
    const res = held.map((r) => moderateWith(r.text, m));
    const ins = res.map((x) => x.insult.score);
    const tox = res.map((x) => x.toxicity.score);
    const byTopic = [...new Set(held.map((r) => r.group!))].map((t) => {
      const ix = held.flatMap((r, i) => (r.group === t ? [i] : []));
      return `${t} ${f1At(ix.map((i) => gold[i]!), ix.map((i) => ins[i]!), 0.5).toFixed(2)}`;
    });
    const nearMissFlag = ins.filter((s, i) => !gold[i] && s >= 0.5).length;
    console.log(`  ${name}: insult AUC ${rocAuc(ins, gold).toFixed(3)}, F1 (shown >= 0.5) ${f1At(gold, ins, 0.5).toFixed(3)} (found ${ins.filter((s, i) => gold[i] && s >= 0.5).length} of ${gold.filter(Boolean).length}, near misses flagged ${nearMissFlag}); toxicity AUC ${rocAuc(tox, held.map((r) => r.targets[0] === 1)).toFixed(3)}; by topic ${byTopic.join(', ')}`);
  }
  }
  // Friendly texts flagged (as moderation-friendly.ts counts them) and C3 and the eval threads.
  const FRIENDLY = 1;
  const sets: Array<[string, string[]]> = [['VADER tweets, measure half, rating >= 1', readCasualTweets(dataDir, { minRating: FRIENDLY, half: 'measure' }).map((r) => r.text)]];
  for (const [name, file] of [['VADER Amazon snippets >= 1', 'amazonReviewSnippets_GroundTruth.txt'], ['VADER movie snippets >= 1', 'movieReviewSnippets_GroundTruth.txt']] as const) {
    sets.push([name, readVaderSet(dataDir, file).filter((r) => r.mean >= FRIENDLY).map((r) => r.text)]);
  }
  const c3 = readToxicityRows(dataDir);
  const posts = threadPosts(root);
  for (const [name, m] of [['before', before], ['after', refit]] as const) {
    const shares = sets.map(([n, texts]) => {
      const r = texts.map((t) => moderateWith(t, m));
      return `${n} (${texts.length}) ${((100 * r.filter((x) => x.toxicity.score >= 0.5 || x.insult.score >= 0.5).length) / texts.length).toFixed(1)}%`;
    });
    const auc = rocAuc(c3.map((r) => moderateWith(r.text, m).toxicity.score), c3.map((r) => r.toxic));
    const ins = posts.map((p) => moderateWith(p.text, m).insult.score);
    const pg = posts.map((p) => p.insult);
    console.log(`  ${name}: friendly flagged (toxicity or insult) ${shares.join(', ')}; C3 toxicity AUC ${auc.toFixed(4)}; eval-threads insult F1 ${f1At(pg, ins, 0.5).toFixed(3)}, AUC ${rocAuc(ins, pg).toFixed(4)} (${posts.length} posts)`);
  }
}
