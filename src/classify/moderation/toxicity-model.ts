/**
 * The learned toxicity model: a logistic regression over the lexicon signals, the sentiment score, a few
 * AFINN aggregates and its own word and word-pair features, fit on news comments
 * (scripts/train/train-toxicity.ts). Loaded once from toxicity-model.json. The features are computed here from
 * the tokens, not borrowed from the sentiment model, so the two models can change independently: the only
 * thing taken from sentiment is its final score.
 */
import afinn from 'wink-sentiment/src/afinn-en-165.js';
import data from './toxicity-model.json' with { type: 'json' };
import { linearScore, topContributions } from '../sentiment/model.js';
import type { Token } from '../sentiment/tokenize.js';
import { addWordScoreFeatures, loadWordScores, type WordScores, type WordScoresData } from './word-scores.js';

/** Named features with values and, for text features, the span of their first occurrence. */
export interface ToxicityBag {
  names: string[];
  values: number[];
  spans: Array<[number, number] | null>;
}

/** A toxicity model as stored in toxicity-model.json. */
export interface ToxicityModelData {
  $comment?: string;
  /** What the model was fit on (datasets, row counts, licences). */
  trainedOn?: unknown;
  bias: number;
  weights: Record<string, number>;
  /**
   * Platt scaling [a, b]: sigmoid(a * logit + b) is the chance, on the training data, that raters judged the text
   * toxic. Default [1, 0].
   */
  calibration?: readonly number[];
  /** Word scores the `$ws-...` features read (see word-scores.ts); absent in a model fit without them. */
  wordScores?: WordScoresData;
}

/** A toxicity model ready to score: weights in a Map for fast lookup. */
export interface ToxicityModel {
  bias: number;
  weights: ReadonlyMap<string, number>;
  calibration: readonly [number, number];
  wordScores: WordScores | null;
}

/** Turns stored model data into a {@link ToxicityModel}. */
export function loadToxicityModel(d: ToxicityModelData): ToxicityModel {
  return {
    bias: d.bias,
    weights: new Map(Object.entries(d.weights)),
    calibration: [d.calibration?.[0] ?? 1, d.calibration?.[1] ?? 0],
    wordScores: d.wordScores ? loadWordScores(d.wordScores) : null,
  };
}

let shipped: ToxicityModel | null = null;
/** The shipped toxicity model, loaded on first use (building its weight table at import cost every importer ~9 ms). */
export function shippedToxicityModel(): ToxicityModel {
  return (shipped ??= loadToxicityModel(data as ToxicityModelData));
}

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
// Word pairs do not reach over these: "idiot. you" is no pair.
const CLAUSE_BREAK = /[.,;:!?\u2026\u2014\u2013()]/;
const AFINN: ReadonlyMap<string, number> = new Map(Object.entries(afinn as Record<string, number>));
// Word features are valued 1/sqrt(max(MIN_SPREAD, distinct features)): a short comment's few words do not each
// weigh as much as a whole comment (same cross-validated AUC as plain 1/sqrt(n), 0.752, and "this plan is a
// costly mistake" no longer rides on "this", "is", "a").
const MIN_SPREAD = 25;

// Function words carry weight in the model (short, pointed comments use them differently) but tell a
// moderator nothing, so a feature made only of them is never shown as evidence.
const FUNCTION_WORDS = new Set(
  'a an the this that these those is are was were be been am it its i me my we our he his him she her they them their to of in on at for with by from as and or but so if then than what who which how there here do does did not no just very all some any'.split(
    ' ',
  ),
);

/** Whether a word feature (a word or a pair) says something beyond function words. */
export function isContentFeature(name: string): boolean {
  return !isDenseFeature(name) && name.split(' ').some((w) => !FUNCTION_WORDS.has(w));
}

/** Dense features are named "$..."; word features are the words themselves, pairs "a b". */
export const isDenseFeature = (name: string): boolean => name.startsWith('$');

/**
 * Appends the toxicity features of a text: the lexicon signals, the sentiment score, second person, shouting,
 * length, AFINN negativity, the word-score features when `wordScores` is given (all "$..."), then the word and
 * word-pair features (see {@link addWordFeatures}).
 */
export function addToxicityFeatures(s: ToxicitySignals, tokens: readonly Token[], length: number, bag: ToxicityBag, wordScores: WordScores | null = null): void {
  let words = 0;
  let caps = 0;
  let you = 0;
  let negative = 0;
  let positive = 0;
  let lowest = 0;
  let strong = 0;
  // Shouting is a run of capitalised words: a lone one is mostly an acronym ("RIP", "NHS").
  let capsRun = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    const upper = t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
    if (upper && t.text.length > 1) {
      capsRun++;
      if (capsRun === 2) caps += 2;
      else if (capsRun > 2) caps++;
    } else if (!upper) capsRun = 0; // "A" and "I" neither count nor break a run
    if (SECOND_PERSON.has(t.norm)) you++;
    const a = AFINN.get(t.norm) ?? 0;
    if (a < 0) negative += a;
    else positive += a;
    if (a < lowest) lowest = a;
    if (a <= -3) strong++;
  }
  const root = Math.sqrt(Math.max(1, words));
  dense(bag, '$tox', s.toxicity);
  dense(bag, '$insult', s.insult);
  dense(bag, '$profanity', s.profanity);
  dense(bag, '$identity', s.identityAttack);
  dense(bag, '$threat', s.threat);
  dense(bag, '$hostile', s.hostile / (s.hostile + 2));
  dense(bag, '$sentiment', s.sentiment);
  dense(bag, '$negative', Math.min(0, s.sentiment));
  dense(bag, '$you', you / (you + 2));
  dense(bag, '$caps', words > 0 ? caps / words : 0);
  dense(bag, '$length', Math.log1p(length) / 8);
  // AFINN (the word list wink-sentiment ships): a prior on words the training data saw rarely or never.
  dense(bag, '$afinn-neg', negative / root / 5);
  dense(bag, '$afinn-pos', positive / root / 5);
  dense(bag, '$afinn-min', lowest / 5);
  dense(bag, '$afinn-strong', strong / (strong + 1));
  if (wordScores) addWordScoreFeatures(tokens, wordScores, bag);
  addWordFeatures(tokens, bag);
}

function dense(bag: ToxicityBag, name: string, value: number): void {
  if (value === 0) return;
  bag.names.push(name);
  bag.values.push(value);
  bag.spans.push(null);
}

/**
 * Word features: every distinct lower-cased word, and every pair of adjacent words within a clause ("you are",
 * "pack of"), each present once with the span of its first occurrence and valued 1/sqrt(number of distinct
 * features, at least MIN_SPREAD), so a long comment does not outweigh a short one, nor a short one's few words
 * each weigh like a whole comment.
 */
export function addWordFeatures(tokens: readonly Token[], bag: ToxicityBag): void {
  const seen = new Map<string, [number, number]>();
  let prev: Token | null = null;
  for (const t of tokens) {
    if (t.kind !== 'word') {
      if (t.kind !== 'punct' || CLAUSE_BREAK.test(t.text)) prev = null;
      continue;
    }
    if (!seen.has(t.norm)) seen.set(t.norm, [t.start, t.end]);
    if (prev) {
      const pair = `${prev.norm} ${t.norm}`;
      if (!seen.has(pair)) seen.set(pair, [prev.start, t.end]);
    }
    prev = t;
  }
  const value = 1 / Math.sqrt(Math.max(MIN_SPREAD, seen.size));
  for (const [name, span] of seen) {
    bag.names.push(name);
    bag.values.push(value);
    bag.spans.push(span);
  }
}

/** The model's log-odds for a feature bag: bias + sum of weight x value (the linear score every model shares). */
export function toxicityLogit(model: ToxicityModel, bag: ToxicityBag): number {
  return linearScore(model, bag);
}

/** The model's calibrated probability for a feature bag (see {@link ToxicityModelData.calibration}). */
export function toxicityProbability(model: ToxicityModel, bag: ToxicityBag): number {
  const [a, b] = model.calibration;
  return 1 / (1 + Math.exp(-(a * toxicityLogit(model, bag) + b)));
}

/**
 * The word features that raised the log-odds most: name, span and contribution, strongest first, at most `max`,
 * each contributing at least `min`. Features made only of function words are left out (see isContentFeature).
 */
export function topToxicFeatures(model: ToxicityModel, bag: ToxicityBag, max: number, min: number): Array<{ name: string; span: [number, number]; contribution: number }> {
  return topContributions(model, bag, 1, max, min, isContentFeature);
}
