import { analyzeSentiment } from '../sentiment/analyze.js';
import { SENTIMENT_MODEL } from '../sentiment/model.js';
import { inCommentRegister } from '../sentiment/register.js';
import type { PostStep } from './types.js';

/**
 * Sentiment of the post: label, score, per sentence, with evidence (src/classify/sentiment). A post is a reader
 * comment, so its label is read in the comment register (src/classify/sentiment/register.ts); the score is the
 * general model's, which the stance steps read too.
 */
export const sentimentStep: PostStep = {
  name: 'sentiment',
  scope: 'post',
  reads: 'post',
  needs: [],
  run(a, config) {
    const shared = a.shared();
    // The caller's lexicon (built once by compile) gives its own analysis; the built-in one reuses the shared pass.
    const analysis = config.sentimentLexicon ? analyzeSentiment(a.read, config.sentimentLexicon, SENTIMENT_MODEL, undefined) : shared.sentiment;
    a.post.sentiment = a.toInput(inCommentRegister(analysis));
  },
};
