/**
 * The learned toxicity model: a logistic regression over the lexicon signals, the sentiment features and word
 * features, fit on news comments (scripts/train/train-toxicity.ts). Loaded once from toxicity-model.json.
 */
import data from './toxicity-model.json' with { type: 'json' };
import { pushDense, type FeatureBag } from '../sentiment/features.js';
import { loadModel, type LinearModel, type LinearModelData } from '../sentiment/model.js';
import type { Token } from '../sentiment/tokenize.js';

/** The shipped toxicity model. */
export const TOXICITY_MODEL: LinearModel = loadModel(data as LinearModelData);

/** The lexicon signals of one text, as the toxicity model sees them. */
export interface ToxicitySignals {
  toxicity: number;
  insult: number;
  profanity: number;
  identityAttack: number;
  threat: number;
  /** Number of hostile-word hits. */
  hostile: number;
  /** The sentiment model's score, -1..1. */
  sentiment: number;
}

const SECOND_PERSON = new Set(['you', 'youre', 'your', 'yourself', 'u', 'ur']);

/**
 * Appends the toxicity features: signals (named "$..."), the sentiment bag (lexicon aggregates "#..." and word
 * features, shared as is), second person, shouting and length.
 */
export function addToxicityFeatures(s: ToxicitySignals, sentiment: FeatureBag, tokens: readonly Token[], length: number, bag: FeatureBag): void {
  const push = (name: string, value: number): void => pushDense(bag, name, value);
  let words = 0;
  let caps = 0;
  let you = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    if (t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase()) caps++;
    if (SECOND_PERSON.has(t.norm)) you++;
  }
  push('$tox', s.toxicity);
  push('$insult', s.insult);
  push('$profanity', s.profanity);
  push('$identity', s.identityAttack);
  push('$threat', s.threat);
  push('$hostile', s.hostile / (s.hostile + 2));
  push('$sentiment', s.sentiment);
  push('$negative', Math.min(0, s.sentiment));
  push('$you', you / (you + 2));
  push('$caps', words > 0 ? caps / words : 0);
  push('$length', Math.log1p(length) / 8);
  for (let k = 0; k < sentiment.names.length; k++) {
    bag.names.push(sentiment.names[k]!);
    bag.values.push(sentiment.values[k]!);
    bag.spans.push(sentiment.spans[k]!);
  }
}
