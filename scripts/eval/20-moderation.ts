/**
 * Moderation: toxicity ROC-AUC on the Constructive Comments Corpus (C3, Globe and Mail comments), positive =
 * crowd_toxicity_level >= 2. The toxicity model is fit on C3, so its figure is 5-fold cross-validated with
 * folds by article (no article's comments are both in training and scored).
 */
import type { EvalContext, EvalRow, EvalSection } from '../eval.js';
import { analyzeModeration } from '../../src/classify/moderation/index.js';
import { BASE_TABLES } from '../../src/classify/moderation/lexicon.js';
import { loadToxicityModel, toxicityLogit } from '../../src/classify/moderation/toxicity-model.js';
import { kFold, rocAuc } from './lib/metrics.js';
import { fitToxicityModel, readToxicityRows } from '../train/lib/toxicity-data.js';
import { loadEmbeddings } from '../train/lib/word-scores.js';
import wink from 'wink-sentiment';

const K = 5;

export async function run(ctx: EvalContext): Promise<EvalSection> {
  const records = readToxicityRows(ctx.dataDir);
  const positive = records.map((r) => r.toxic);
  const embeddings = loadEmbeddings();
  // Folds by article: every article's comments land in one fold.
  const articles = [...new Set(records.map((r) => r.article))];
  const foldOf = new Map<string, number>();
  kFold(articles.length, K, 7).forEach((test, f) => test.forEach((a) => foldOf.set(articles[a]!, f)));
  const shipped = new Array<number>(records.length).fill(0);
  const modelOnly = new Array<number>(records.length).fill(0);
  const lexical = new Array<number>(records.length).fill(0);
  const insult = new Array<number>(records.length).fill(0);
  for (let f = 0; f < K; f++) {
    // The word scores are refit on the training folds too (their direction is learned from the labels).
    const model = loadToxicityModel(fitToxicityModel(records.filter((r) => foldOf.get(r.article) !== f), embeddings));
    records.forEach((r, i) => {
      if (foldOf.get(r.article) !== f) return;
      const { result, bag } = analyzeModeration(r.text, BASE_TABLES, model);
      shipped[i] = result.toxicity.score;
      modelOnly[i] = toxicityLogit(model, bag);
    });
  }
  records.forEach((r, i) => {
    const m = analyzeModeration(r.text, BASE_TABLES, null).result;
    lexical[i] = m.toxicity.score;
    insult[i] = m.insult.score;
  });
  const label = `C3 (${records.length.toLocaleString('en')}, ${positive.filter(Boolean).length} toxic)`;
  const rows: EvalRow[] = [
    { dataset: label, metric: 'ROC-AUC', system: 'threadlens toxicity (5-fold CV)', value: rocAuc(shipped, positive), target: '>= 0.80' },
    { dataset: label, metric: 'ROC-AUC', system: 'threadlens toxicity model alone (5-fold CV)', value: rocAuc(modelOnly, positive) },
    { dataset: label, metric: 'ROC-AUC', system: 'threadlens lexicon toxicity', value: rocAuc(lexical, positive) },
    { dataset: label, metric: 'ROC-AUC', system: 'threadlens insult', value: rocAuc(insult, positive) },
    { dataset: label, metric: 'ROC-AUC', system: 'raw wink-sentiment (negated)', value: rocAuc(records.map((r) => -wink(r.text).normalizedScore), positive) },
  ];
  return {
    title: 'Moderation',
    rows,
    notes: [
      'Positive = crowd_toxicity_level >= 2 (mean of crowd ratings 1..4).',
      `"threadlens toxicity (5-fold CV)" is the shipped score (the larger of the learned model's probability and the explicit-abuse floor, see docs/moderation.md); "model alone" is the model's probability without the floor. C3 is split into ${K} folds by article; each fold is scored with a model fit (toward the graded crowd level) on the other ${K - 1}, its word scores (from GloVe vectors) included. "lexicon toxicity" is the rule-based score alone (nothing fit on C3). The wink-sentiment row (negative sentiment as a toxicity score) shows how much plain negativity explains.`,
    ],
  };
}
