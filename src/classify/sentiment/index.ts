/**
 * Sentiment per sentence and per post: lexicon rules (AFINN and VADER ratings, negation, contrast, hedges,
 * intensifiers and questions scoped per clause), a learned model fit on several domains (reviews, tweets, news
 * sentences), and a learned sarcasm detector that flips ironic praise and shows its cue spans.
 */
import type { SentimentResult } from '../../schema/classify.js';
import { ThreadlensOptionError } from '../../errors.js';
import { analyzeSentiment, type Thresholds } from './analyze.js';
import { extendLexicon } from './lexicon.js';
import { SENTIMENT_MODEL } from './model.js';
import { analyzeText } from '../../text/analysis.js';
import { inCommentRegister, SENTIMENT_REGISTERS, type SentimentRegister } from './register.js';

export type { SentimentResult } from '../../schema/classify.js';
export type { SentimentRegister } from './register.js';

/** Options for {@link scoreSentiment}. */
export interface SentimentOptions {
  /** Extra lexicon entries, word or phrase -> score on AFINN's -5..5 scale; they win over built-in ones. Default none. */
  lexicon?: Record<string, number>;
  /** Scores with |score| below this are `neutral`. Default: the thresholds learned with the model (see docs/sentiment.md). */
  neutralBand?: number;
  /**
   * Which kind of text the label is read for: `general` (the model's learned band) or `comment` (a reader comment:
   * the label of the comment-register model, fit on reader comments; score, sentences and evidence unchanged). The
   * thread pipeline reads every post as `comment`. Ignored when `neutralBand` is given. Default `general`.
   */
  register?: SentimentRegister;
}

function checkOptions(options: SentimentOptions | undefined): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object') throw new ThreadlensOptionError('options', options, 'must be an object');
  const { lexicon, neutralBand, register } = options;
  if (lexicon !== undefined) {
    if (lexicon === null || typeof lexicon !== 'object' || Array.isArray(lexicon)) {
      throw new ThreadlensOptionError('lexicon', lexicon, 'must be an object of word -> number');
    }
    for (const [k, v] of Object.entries(lexicon)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ThreadlensOptionError(`lexicon.${k}`, v, 'must be a finite number');
    }
  }
  if (neutralBand !== undefined && (typeof neutralBand !== 'number' || !(neutralBand >= 0 && neutralBand < 1))) {
    throw new ThreadlensOptionError('neutralBand', neutralBand, 'must be a number in [0, 1)');
  }
  if (register !== undefined && !SENTIMENT_REGISTERS.includes(register)) {
    throw new ThreadlensOptionError('register', register, `must be one of ${SENTIMENT_REGISTERS.join(', ')}`);
  }
}

/**
 * Scores the sentiment of `text`: label, score in -1..1 (the learned model's valence), per-sentence scores and
 * the evidence that drove them (lexicon cues and the model's strongest word features).
 */
export function scoreSentiment(text: string, options?: SentimentOptions): SentimentResult {
  checkOptions(options);
  const input = typeof text === 'string' ? text : '';
  const band = bandOf(options);
  const analysis = analyzeSentiment(analyzeText(input), extendLexicon(options?.lexicon), SENTIMENT_MODEL, band);
  return options?.register === 'comment' && band === undefined ? inCommentRegister(analysis) : analysis.result;
}

/** Label thresholds from `options.neutralBand`, or undefined for the model's learned ones. */
export function bandOf(options: SentimentOptions | undefined): Thresholds | undefined {
  const band = options?.neutralBand;
  return band === undefined ? undefined : { positive: band, negative: -band };
}
