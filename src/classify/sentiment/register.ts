/**
 * The comment register: how a reader comment's label is read off the sentiment analysis. The general model's
 * band is chosen for every kind of text at once (reviews, tweets, news sentences); in reader comments many texts
 * that name a bad event or correct a figure are no feeling of the writer's, and the whole-text lexicon sums,
 * clause scopes and register cues weigh differently there. A small learned model (comment-register.model.json,
 * softmax over negative / neutral / positive) reads those dense features beside the sentiment model's valence,
 * strength and score, fit on reader comments only (scripts/train/train-comment-register.ts). Only the label
 * changes: the score, sentences, evidence and sarcasm cues stay the general analysis's, so every model that reads
 * the sentiment score (stance, reply stance) reads the same number.
 */
import data from './comment-register.model.json' with { type: 'json' };
import type { SentimentResult } from '../../schema/classify.js';
import { predict, type LinearModel } from '../../learn/model.js';
import type { SentimentAnalysis } from './analyze.js';
import type { FeatureBag } from './features.js';
import { combine, SENTIMENT_MODEL, sentimentOutputs } from './model.js';
import { STOPWORDS } from '../../text/word-lists.js';

/** The shipped comment-register model (see scripts/train/train-comment-register.ts). */
export const COMMENT_REGISTER_MODEL: LinearModel = data as LinearModel;

/** Which kind of text a label is read for: `general` (the model's own band) or `comment` (reader comments). */
export type SentimentRegister = 'general' | 'comment';

/** The registers {@link SentimentRegister} takes, for option checks. */
export const SENTIMENT_REGISTERS: readonly SentimentRegister[] = ['general', 'comment'];

/** The prefix of the register's word features (a content word or word pair of the bag, `w:close the`). */
export const REGISTER_WORD_PREFIX = 'w:';

/**
 * True when a bag's word feature (`close`, `close the`, `not_tell`) holds a content word: one that is not a stop
 * word, has a letter and at least two characters. Function words alone ("the", "not_us") never become features.
 */
export function isContentFeature(name: string): boolean {
  for (const part of name.split(' ')) {
    const w = part.startsWith('not_') ? part.slice(4) : part;
    if (w.length >= 2 && /\p{L}/u.test(w) && !STOPWORDS.has(w)) return true;
  }
  return false;
}

/**
 * The comment-register model's features of a whole-text bag: the sentiment model's valence, strength and score
 * (`@valence`, `@strength`, `@score`), the bag's dense features (those without a span: lexicon aggregates, clause
 * scopes, register cues) and its content-word features under {@link REGISTER_WORD_PREFIX} (their bag values, which
 * the bag scales by its length). The model holds weights only for the words its fit kept (in enough comments on at
 * least two topics), so any other word adds nothing. Given `words` (the model's word features without the prefix,
 * {@link registerWords}), a spanned feature outside it is skipped without the content check: the features and
 * the label are the same, since a feature without a weight adds nothing to the model's sums. The fit gives none
 * (it chooses its vocabulary from every content feature).
 */
export function commentRegisterFeatures(bag: FeatureBag, sentiment: LinearModel = SENTIMENT_MODEL, words?: ReadonlySet<string>): Map<string, number> {
  // The outputs the analysis scored this bag with (model.ts keeps the last bag's): not a second pass over its names.
  const [v = 0, a = 0] = sentimentOutputs(sentiment, bag);
  const out = new Map<string, number>([
    ['@valence', v],
    ['@strength', a],
    ['@score', combine(v, a)],
  ]);
  for (let k = 0; k < bag.names.length; k++) {
    const raw = bag.names[k]!;
    // A spanned feature the model holds no weight for adds nothing: skip it before the stop-word check.
    if (bag.spans[k] !== null && ((words !== undefined && !words.has(raw)) || !isContentFeature(raw))) continue;
    const name = bag.spans[k] === null ? raw : REGISTER_WORD_PREFIX + raw;
    out.set(name, (out.get(name) ?? 0) + bag.values[k]!);
  }
  return out;
}

const WORDS = new WeakMap<LinearModel, ReadonlySet<string>>();

/** The bag feature names a register model holds word weights for (its `w:` names without the prefix), once a model. */
export function registerWords(model: LinearModel): ReadonlySet<string> {
  let words = WORDS.get(model);
  if (words === undefined) {
    words = new Set(Object.keys(model.weights).filter((n) => n.startsWith(REGISTER_WORD_PREFIX)).map((n) => n.slice(REGISTER_WORD_PREFIX.length)));
    WORDS.set(model, words);
  }
  return words;
}

// The shipped register's probabilities per bag: the sentiment step reads a post's label and the stance step its
// side (src/classify/stance/register-side.ts) from the same shared bag, so the model runs once a post.
const SHIPPED_PROBABILITIES = new WeakMap<FeatureBag, readonly number[]>();

/** The register's probabilities (negative, neutral, positive) of a bag; the shipped models' are computed once a bag. */
export function commentRegisterProbabilities(bag: FeatureBag, model: LinearModel = COMMENT_REGISTER_MODEL, sentiment: LinearModel = SENTIMENT_MODEL): readonly number[] {
  const shipped = model === COMMENT_REGISTER_MODEL && sentiment === SENTIMENT_MODEL;
  const known = shipped ? SHIPPED_PROBABILITIES.get(bag) : undefined;
  if (known) return known;
  const p = predict(model, commentRegisterFeatures(bag, sentiment, registerWords(model)));
  if (shipped) SHIPPED_PROBABILITIES.set(bag, p);
  return p;
}

/** Offsets added to the register's log-probabilities of negative and positive before the most probable class is taken. */
export interface RegisterOffsets {
  negative: number;
  positive: number;
}

/** The register model's offsets as stored in its thresholds (none: 0 and 0, the plain most probable class). */
export function registerOffsets(model: LinearModel): RegisterOffsets {
  return { negative: model.thresholds?.negativeLogOffset ?? 0, positive: model.thresholds?.positiveLogOffset ?? 0 };
}

/**
 * The register's class, as an index into its labels (negative, neutral, positive), from the classes'
 * log-probabilities: the highest once `offsets` are added to the two polar classes; a tie goes to the earlier class.
 * The run-time label and the fit's choice of the offsets (scripts/train/lib/comment-register-fit.ts) both read it.
 */
export function offsetClass(logp: readonly number[], offsets: RegisterOffsets): number {
  const z = [logp[0]! + offsets.negative, logp[1]!, logp[2]! + offsets.positive];
  let best = 0;
  for (let k = 1; k < z.length; k++) if (z[k]! > z[best]!) best = k;
  return best;
}

/**
 * The comment-register label of a bag: the most probable of negative / neutral / positive after the model's
 * offsets (`negativeLogOffset`, `positiveLogOffset` in its thresholds, default 0) are added to the two polar classes'
 * log-probabilities (`offsetClass`). The offsets are chosen when the model is fit, on out-of-fold readings of the
 * comments and thread posts it is written for (scripts/train/lib/comment-register-fit.ts, `chooseRegisterOffsets`;
 * docs/sentiment.md, session 33): the most probable class is the rule for accuracy, and the register is judged by
 * macro-F1.
 */
export function commentRegisterLabel(bag: FeatureBag, model: LinearModel = COMMENT_REGISTER_MODEL, sentiment: LinearModel = SENTIMENT_MODEL): 'negative' | 'neutral' | 'positive' {
  const p = commentRegisterProbabilities(bag, model, sentiment);
  const best = offsetClass(p.map((x) => Math.log(Math.max(x, 1e-12))), registerOffsets(model));
  return model.labels[best] as 'negative' | 'neutral' | 'positive';
}

/**
 * The analysis's result with its label read in the comment register. The rules of the general reading still
 * hold after the learned label: praise the sarcasm detector flipped reads negative, a label without evidence a
 * person would accept is neutral, and a neutral reading of a text the general reading found mixed stays mixed.
 * A one-sentence text's sentence takes the same label (it is the same text).
 */
export function inCommentRegister(analysis: SentimentAnalysis, model: LinearModel = COMMENT_REGISTER_MODEL): SentimentResult {
  const r = analysis.result;
  let label: SentimentResult['label'] = commentRegisterLabel(analysis.bag, model);
  if (label === 'positive' && r.sarcasmLevel === 'flip') label = 'negative';
  if (label !== 'neutral' && r.evidence.length === 0) label = 'neutral';
  if (label === 'neutral' && r.label === 'mixed') label = 'mixed';
  if (label === r.label) return r;
  const sentences = r.sentences.length === 1 ? [{ ...r.sentences[0]!, label }] : r.sentences;
  return { ...r, label, sentences };
}
