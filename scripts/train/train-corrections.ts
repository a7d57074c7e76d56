/**
 * `npm run train` (last step): fits the correction scorer, a logistic model over the pair features of
 * src/classify/corrections/pair-features.ts, and writes src/classify/corrections/correction.model.json.
 *
 * Rows are the corrections the detectors find (collectCorrections, before scoring) on:
 * - RumourEval 2017 reply threads (../shared/data/threads, PHEME, CC BY 4.0: may ship, credited in NOTICE): the
 *   source tweet stands for the article, the replies for the posts; a finding on a `deny` reply is a positive,
 *   one on a support / query / comment reply a negative;
 * - scripts/train/data/correction-pairs.json: invented threads written for threadlens with each post labelled
 *   (article / post / self / false); a finding is a positive when its post is a correction of that kind.
 * The keep threshold is chosen by 5-fold cross-validation over threads (F1 of the findings), never on the
 * fixtures or the independent evaluation threads. Deterministic: the same data give the same bytes.
 * Usage: tsx scripts/train/train-corrections.ts [dataDir]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections, type CorrectionPost } from '../../src/classify/corrections/index.js';
import type { Correction } from '../../src/schema/classify.js';
import { predict } from '../../src/learn/model.js';
import { buildCase } from '../../test/corrections-helpers.js';
import { correctionPairThreads, rumourEvalThreads } from './lib/correction-data.js';
import { fitModel, writeModel, type FitRow } from './lib/fit-model.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');

/** Rows grouped by thread, so cross-validation never splits a thread. */
type Group = FitRow[];

/** Runs the detectors over one thread in order; `label(postIndex, correction)` gives each finding's target. */
function threadRows(
  articleSentences: ReadonlyArray<{ span: [number, number]; text: string }>,
  posts: readonly CorrectionPost[],
  label: (postIndex: number, correction: Correction) => number,
): Group {
  const rows: Group = [];
  const found = new Map<string, Correction[]>();
  posts.forEach((post, i) => {
    const candidates = collectCorrections({ post, earlier: posts.slice(0, i), articleSentences, earlierCorrections: found });
    found.set(post.id, candidates.map((c) => c.correction));
    for (const { correction, features } of candidates) rows.push({ features, y: [label(i, correction)] });
  });
  return rows;
}

function rumourGroups(): Group[] {
  return rumourEvalThreads(dataDir).map(({ articleSentences, posts, replies }) =>
    threadRows(articleSentences, posts, (i) => (replies[i]!.label === 'deny' ? 1 : 0)),
  );
}

function ownGroups(): Group[] {
  return correctionPairThreads(root).map((thread, t) => {
    const { articleSentences, posts } = buildCase({ name: `pairs-${t}`, article: thread.article, posts: thread.posts, expected: [] });
    return threadRows(articleSentences, posts, (i, correction) => (thread.posts[i]!.correction === correction.kind ? 1 : 0));
  });
}

const FIT = {
  name: 'correction',
  labels: ['correction'],
  link: 'sigmoid',
  featureFiles: ['src/classify/corrections/pair-features.ts', 'src/text/tokenize.ts', 'src/text/word-lists.ts', 'src/text/word-tokens.ts'],
  l2: () => 0.01,
  iterations: 400,
  minCount: 2,
} as const;
const FIT_ON = ['RumourEval 2017 reply threads of the train and dev splits, deny vs other replies (PHEME, CC BY 4.0)', 'threadlens correction pairs, scripts/train/data/correction-pairs.json (MIT)'];

function f1At(scores: readonly number[], gold: readonly number[], threshold: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    if (s >= threshold && gold[i] === 1) tp++;
    else if (s >= threshold) fp++;
    else if (gold[i] === 1) fn++;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

const groups = [...rumourGroups(), ...ownGroups()];
const FOLDS = 5;
const heldOut: number[] = [];
const gold: number[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const train = groups.filter((_, g) => g % FOLDS !== fold).flat();
  const test = groups.filter((_, g) => g % FOLDS === fold).flat();
  const model = fitModel(train, { ...FIT, fitOn: FIT_ON });
  for (const row of test) {
    heldOut.push(predict(model, row.features)[0]!);
    gold.push((row.y as number[])[0]!);
  }
}
// The keep threshold: the one with the best held-out F1 (ties: the lower), on a 0.05 grid up to 0.5.
let keep = 0;
let bestF1 = -1;
for (let step = 0; step <= 10; step++) {
  const threshold = step * 0.05;
  const f1 = f1At(heldOut, gold, threshold);
  if (f1 > bestF1 + 1e-9) {
    bestF1 = f1;
    keep = threshold;
  }
}
const rows = groups.flat();
const positives = rows.filter((r) => (r.y as number[])[0] === 1).length;
const model = fitModel(rows, {
  ...FIT,
  fitOn: FIT_ON,
  thresholds: { keep: Math.round(keep * 100) / 100 },
  notes: `${rows.length} findings (${positives} positive) from ${groups.length} threads; keep threshold ${keep.toFixed(2)} chosen by ${FOLDS}-fold CV over threads (held-out F1 ${bestF1.toFixed(3)}; keeping every finding: ${f1At(heldOut, gold, 0).toFixed(3)}).`,
});
const file = join(root, 'src', 'classify', 'corrections', 'correction.model.json');
writeModel(file, model);
console.log(`correction model: ${Object.keys(model.weights).length} weights, ${model.notes} -> ${file}`);
