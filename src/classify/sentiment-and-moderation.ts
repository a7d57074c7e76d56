/**
 * Sentiment and moderation of one text for `analyze` and `classifyRecord`. Moderation reads the text's
 * default-lexicon sentiment; when the caller's sentiment uses that lexicon too, the text is tokenized and its
 * sentiment analysed once and both results come from that one pass (the same results as `scoreSentiment` and
 * `moderate` called apart, which test/classify-shared.test.ts checks).
 */
import type { ModerationResult, SentimentResult } from '../schema/classify.js';
import { moderate, moderateShared, type ModerationOptions } from './moderation/index.js';
import { analyzeSentiment } from './sentiment/analyze.js';
import { scoreSentiment, type SentimentOptions } from './sentiment/index.js';
import { DEFAULT_LEXICON } from './sentiment/lexicon.js';
import { SENTIMENT_MODEL } from './sentiment/model.js';
import { tokenize } from './sentiment/tokenize.js';

/** Scores sentiment and moderation signals of `text` (spans relative to `text`). */
export function scoreSentimentAndModeration(
  text: string,
  sentimentOptions: SentimentOptions | undefined,
  moderationOptions: ModerationOptions | undefined,
): { sentiment: SentimentResult; moderation: ModerationResult } {
  if (sentimentOptions !== undefined) {
    return { sentiment: scoreSentiment(text, sentimentOptions), moderation: moderate(text, moderationOptions) };
  }
  const input = typeof text === 'string' ? text : '';
  const tokens = tokenize(input);
  const analysis = analyzeSentiment(input, tokens, DEFAULT_LEXICON, SENTIMENT_MODEL, undefined);
  return { sentiment: analysis.result, moderation: moderateShared(input, moderationOptions, { tokens }) };
}
