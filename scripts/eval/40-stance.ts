/**
 * Stance toward a target, each figure beside the VADER-as-stance proxy and the majority class:
 * NewsMTSC train (5-fold CV), NewsMTSC devtest_mt (held out), VAST dev (zero-shot newspaper comments,
 * measuring only), SemEval-2016 T6 train (the shipped model zero-shot, and 5-fold with SemEval folds added to
 * training: that model is never shipped). Rows are read from ../shared/data only.
 */
import type { EvalContext, EvalRow, EvalSection } from '../eval.js';
import { classifyStance } from '../../src/classify/stance/index.js';
import { isOffTopic, stanceFeatureSet } from '../../src/classify/stance/index.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { fitStance, readFanChuan, readNewsMtsc, readSemEval, readVast, stanceFitRows, STANCE_LABELS, type StanceLabel, type StanceRow } from '../train/lib/stance-data.js';
import { crossFitStanceUpstream } from '../train/lib/stance-upstream.js';
import { f1For, kFold, macroF1 } from './lib/metrics.js';
import { vaderStance } from './lib/vader-stance.js';

const K = 5;

/** The label `classifyStance` gives the row with `model` in place of the shipped one (a bare text: not `anchored`). */
function labelWith(model: LinearModel, r: StanceRow): StanceLabel {
  const fs = stanceFeatureSet(r.text, r.target, r.at);
  if (fs.implicit && isOffTopic(r.text, r.target)) return 'neutral';
  const p = predict(model, fs.features);
  let b = 0;
  for (let l = 1; l < p.length; l++) if (p[l]! > p[b]!) b = l;
  return STANCE_LABELS[b]!;
}
function argmax(p: readonly number[]): StanceLabel {
  let b = 0;
  for (let l = 1; l < p.length; l++) if (p[l]! > p[b]!) b = l;
  return STANCE_LABELS[b]!;
}
const fAvg = (g: readonly StanceLabel[], p: readonly StanceLabel[]): number => (f1For(g, p, 'favor') + f1For(g, p, 'against')) / 2;
function majority(g: readonly StanceLabel[]): StanceLabel {
  const c = new Map<StanceLabel, number>();
  for (const l of g) c.set(l, (c.get(l) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/** Rows of one set: the system's figure, VADER-as-stance and the majority class, with `metric`. */
function rowsFor(ds: string, rows: readonly StanceRow[], pred: readonly StanceLabel[], system: string, target: string, semeval = false): EvalRow[] {
  const g = rows.map((r) => r.label);
  const score = semeval ? fAvg : (a: readonly StanceLabel[], b: readonly StanceLabel[]) => macroF1(a, b, STANCE_LABELS);
  const metric = semeval ? 'F_avg (favor, against)' : 'macro-F1 (3-class)';
  const maj = majority(semeval ? g.filter((l) => l !== 'neutral') : g);
  return [
    { dataset: ds, metric, system, value: score(g, pred), target },
    { dataset: ds, metric, system: 'VADER-as-stance', value: score(g, rows.map((r) => vaderStance(r.text))) },
    { dataset: ds, metric, system: `majority class (${maj})`, value: score(g, rows.map(() => maj)) },
  ];
}

export async function run(ctx: EvalContext): Promise<EvalSection> {
  const news = readNewsMtsc(ctx.dataDir, 'train');
  const dev = readNewsMtsc(ctx.dataDir, 'devtest_mt');
  const fan = readFanChuan(ctx.dataDir);
  const vast = readVast(ctx.dataDir);
  const sem = readSemEval(ctx.dataDir);
  const shipped = (await import('../../src/classify/stance/stance.model.json', { with: { type: 'json' } })).default as unknown as LinearModel;
  // The shipped rows read the sentiment and sarcasm models fit without them, as train-stance.ts does (cross-fitting).
  const upstream = crossFitStanceUpstream([...news, ...fan].map((r) => r.text), ctx.dataDir);
  const newsX = stanceFitRows(news, upstream.scoreOf.slice(0, news.length));
  const fanX = stanceFitRows(fan, upstream.scoreOf.slice(news.length));
  // NewsMTSC train: each fold scored by a model fit on the other folds plus FanChuan. The held-out rows are read
  // with their cross-fitted features too: the sentiment and sarcasm models that read them were not fit on them,
  // as with any new sentence.
  const cv: StanceLabel[] = new Array(news.length);
  for (const fold of kFold(news.length, K, 12)) {
    const test = new Set(fold);
    const m = fitStance([...newsX.filter((_, i) => !test.has(i)), ...fanX], ['cv']);
    for (const i of fold) cv[i] = [...newsX[i]!.features].some(([n]) => n === '~implicit') && isOffTopic(news[i]!.text, news[i]!.target) ? 'neutral' : argmax(predict(m, newsX[i]!.features));
  }
  // SemEval: the shipped model zero-shot, and K-fold with SemEval's other folds in training (never shipped).
  const semX = stanceFitRows(sem);
  const semCv: StanceLabel[] = new Array(sem.length);
  for (const fold of kFold(sem.length, K, 2016)) {
    const test = new Set(fold);
    const m = fitStance([...newsX, ...fanX, ...semX.filter((_, i) => !test.has(i))], ['cv'], undefined, true);
    for (const i of fold) semCv[i] = labelWith(m, sem[i]!);
  }
  const implicitShare = (rows: readonly StanceRow[]): string => `${Math.round((100 * rows.filter((r) => stanceFeatureSet(r.text, r.target, r.at).implicit).length) / rows.length)}%`;
  // The public classifyStance on one row, as a check that the eval scores what ships.
  const sample = classifyStance(vast[0]!.text, [vast[0]!.target])[0]?.label;
  return {
    title: 'Stance toward a target',
    rows: [
      ...rowsFor(`NewsMTSC train (${news.length} targets), ${K}-fold CV`, news, cv, 'threadlens stance model', '>= 0.60'),
      ...rowsFor(`NewsMTSC devtest_mt (${dev.length}), held out`, dev, dev.map((r) => labelWith(shipped, r)), 'threadlens stance model', '>= 0.60'),
      ...rowsFor(`VAST dev (${vast.length}; zero-shot NYT comments, ${implicitShare(vast)} never name the topic)`, vast, vast.map((r) => labelWith(shipped, r)), 'threadlens stance model', '>= 0.45'),
      ...rowsFor(`SemEval-2016 T6 train (${sem.length}), shipped model zero-shot`, sem, sem.map((r) => labelWith(shipped, r)), 'threadlens stance model', '>= 0.50', true),
      ...rowsFor(`SemEval-2016 T6 train (${sem.length}), ${K}-fold CV`, sem, semCv, 'stance model + SemEval folds (not shipped)', '>= 0.50', true),
    ],
    notes: [
      'The shipped model (src/classify/stance/stance.model.json, scripts/train/train-stance.ts) is a softmax over target-relative features (src/classify/stance/features.ts): the words of the clause that names the target (negated ones apart), the words next to the mention, the clause\'s polarity (AFINN with negation, and the sentiment scorer), calls to action aimed at the mention; when the text never names the target, the same features over the whole text (`implicit`). Fit on NewsMTSC train (MIT; gold mentions) and the FanChuan Reddit comments (MIT); the shipped model (and each fold\'s) is the average of five fits on 4/5 of its rows. Rows are scored as bare texts (not `anchored`): a text of more than 50 words that uses no word of a target it never names is neutral toward it (off-topic; posts in a thread are anchored and keep their reading).',
      `Cross-fitting: the sentiment and sarcasm models are fit on NewsMTSC train sentences and FanChuan comments too, so those rows (training and held-out alike) read them fit without their own fold (${upstream.summary}); other texts read the shipped models.`,
      `NewsMTSC CV: each fold scored by a model fit on the other ${K - 1} folds plus FanChuan. devtest_mt, VAST dev and SemEval zero-shot: the shipped model, never fit on them. VAST has no licence for shipping: measuring only. SemEval ${K}-fold: the shipped data plus ${K - 1}/${K} of SemEval, scored on the held-out fifth; such a model is never shipped. VADER-as-stance: the text's VADER compound read as favor (>= 0.05) / against (<= -0.05) / neutral, whatever the target.`,
      `Check: classifyStance on the first VAST row gives "${sample}" (the eval scores the same features and model as the library).`,
    ],
  };
}
