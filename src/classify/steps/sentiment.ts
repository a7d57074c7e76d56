import { analyzeSentiment } from '../sentiment/analyze.js';
import { SENTIMENT_MODEL } from '../sentiment/model.js';
import type { PostStep } from './types.js';

/** Sentiment of the post: label, score, per sentence, with evidence (src/classify/sentiment). */
export const sentimentStep: PostStep = {
  name: 'sentiment',
  scope: 'post',
  reads: 'post',
  needs: [],
  run(a, config) {
    const shared = a.shared();
    // The caller's lexicon (built once by compile) gives its own analysis; the built-in one reuses the shared pass.
    const result = config.sentimentLexicon ? analyzeSentiment(a.read, config.sentimentLexicon, SENTIMENT_MODEL, undefined).result : shared.sentiment.result;
    a.post.sentiment = a.toInput(result);
  },
};
