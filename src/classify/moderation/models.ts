/**
 * The shipped moderation models (fit by scripts/train/train-moderation.ts on ToxiSpans and Davidson et al.,
 * both may ship; see NOTICE): `moderation.model.json` scores the five attributes of a comment,
 * `spans.model.json` scores each word for whether raters would mark it, and `word-scores.json` and `likeness.json`
 * hold the GloVe-derived word scores both read. Loaded once, on first use.
 */
import type { LinearModel } from '../../learn/model.js';
import type { Token } from '../../text/tokenize.js';
import { tokenize } from '../../text/tokenize.js';
import commentData from './moderation.model.json' with { type: 'json' };
import spanData from './spans.model.json' with { type: 'json' };
import wordScoreData from './word-scores.json' with { type: 'json' };
import likenessData from './likeness.json' with { type: 'json' };
import { readWords, type WordReading } from './features.js';
import { BASE_TABLES, type TermCategory, type TermTable } from './lexicon.js';
import { loadWordScores, type WordScores, type WordScoresData } from './word-scores.js';

/** The attributes, in the order of the comment model's outputs. */
export const MODERATION_ATTRIBUTES = ['toxicity', 'insult', 'profanity', 'identityAttack', 'threat'] as const;
/** One moderation attribute. */
export type ModerationAttribute = (typeof MODERATION_ATTRIBUTES)[number];

/** Everything `moderate` reads. */
export interface ModerationModels {
  comment: LinearModel;
  spans: LinearModel;
  wordScores: WordScores;
  /** Each word's likeness to the words raters mark (see features.ts `WordReading.like`). */
  likeness: WordScores;
}

let shipped: ModerationModels | null = null;
/** The shipped models. */
export function shippedModerationModels(): ModerationModels {
  return (shipped ??= {
    comment: commentData as unknown as LinearModel,
    spans: spanData as unknown as LinearModel,
    wordScores: loadWordScores(wordScoreData as WordScoresData),
    likeness: loadWordScores(likenessData as WordScoresData),
  });
}

/** Tokens and word readings of a text (what both models' features are computed from). */
export function readText(
  text: string,
  scores: WordScores | null,
  tables: Readonly<Record<TermCategory, TermTable>> = BASE_TABLES,
  tokens: readonly Token[] = tokenize(text),
  likeness: WordScores | null = null,
): [readonly Token[], WordReading[]] {
  return [tokens, readWords(tokens, tables, scores, likeness)];
}
