/**
 * Reads the C3 comments (Constructive Comments Corpus, CC BY-NC-SA 4.0; rows stay in ../shared/data). C3 is for
 * measuring only: the evaluation scores the moderation models on it, nothing is fit on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvObjects } from '../../eval/lib/csv.js';

export interface ToxicityRow {
  article: string;
  text: string;
  /** crowd_toxicity_level >= 2 (mean of crowd ratings 1..4). */
  toxic: boolean;
  /** crowd_toxicity_level itself (mean of crowd ratings 1..4). */
  level: number;
}

/** C3 rows with a comment and a crowd toxicity level. */
export function readToxicityRows(dataDir: string): ToxicityRow[] {
  return parseCsvObjects(readFileSync(join(dataDir, 'moderation', 'C3_anonymized.csv'), 'utf8'))
    .filter((r) => r.comment_text !== undefined && r.comment_text !== '' && r.crowd_toxicity_level !== '' && Number.isFinite(Number(r.crowd_toxicity_level)))
    .map((r) => ({ article: r.article_id ?? '', text: r.comment_text!, toxic: Number(r.crowd_toxicity_level) >= 2, level: Number(r.crowd_toxicity_level) }));
}
