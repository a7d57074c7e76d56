/** Reads the C3 comments (CC BY-NC-SA 4.0; rows stay in ../shared/data) for the toxicity model. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvObjects } from '../../eval/lib/csv.js';
import { toxicityFeatures } from '../../../src/classify/moderation/index.js';
import { gradedTarget, trainToxicityModel } from '../../../src/classify/moderation/train.js';
import type { ToxicityModelData } from '../../../src/classify/moderation/toxicity-model.js';
import { loadWordScores, type WordScoresData } from '../../../src/classify/moderation/word-scores.js';
import { fitWordScores, type Embeddings } from './word-scores.js';

export interface ToxicityRow {
  article: string;
  text: string;
  /** crowd_toxicity_level >= 2 (mean of crowd ratings 1..4). */
  toxic: boolean;
  /** crowd_toxicity_level itself (mean of crowd ratings 1..4): the graded training target. */
  level: number;
}

/** C3 rows with a comment and a crowd toxicity level. */
export function readToxicityRows(dataDir: string): ToxicityRow[] {
  return parseCsvObjects(readFileSync(join(dataDir, 'moderation', 'C3_anonymized.csv'), 'utf8'))
    .filter((r) => r.comment_text !== undefined && r.comment_text !== '' && r.crowd_toxicity_level !== '' && Number.isFinite(Number(r.crowd_toxicity_level)))
    .map((r) => ({ article: r.article_id ?? '', text: r.comment_text!, toxic: Number(r.crowd_toxicity_level) >= 2, level: Number(r.crowd_toxicity_level) }));
}

/**
 * Fits the whole toxicity model on `rows`: first the word scores from the GloVe vectors (their direction is learned
 * from the labels), then the model over every feature, word scores included. Used by the training script (all
 * rows) and by the evaluation (each fold's training rows). Deterministic.
 */
export function fitToxicityModel(rows: readonly ToxicityRow[], embeddings: Embeddings): ToxicityModelData & { wordScores: WordScoresData } {
  const wordScores = fitWordScores(rows.map((r) => ({ text: r.text, target: gradedTarget(r.level) })), embeddings);
  const scores = loadWordScores(wordScores);
  const examples = rows.map((r) => ({ bag: toxicityFeatures(r.text, scores), toxic: r.toxic, target: gradedTarget(r.level), text: r.text }));
  return { ...trainToxicityModel(examples), wordScores };
}
