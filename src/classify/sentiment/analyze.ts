/**
 * The sentiment pipeline on pre-tokenized text: lexicon rules per sentence (score-tokens.ts), clause scopes
 * (clauses.ts), then the learned model (model.ts) over the lexicon scores, scopes and word features, per sentence
 * and for the whole text; then sarcasm (sarcasm.ts) flips or damps the praise it finds ironic.
 * `moderate()` calls this with its own tokens so a text is tokenized and scored once.
 */
import type { Evidence } from '../../schema/common.js';
import type { SentimentResult } from '../../schema/classify.js';
import type { LinearModel } from '../../learn/model.js';
import type { TextAnalysis } from '../../text/analysis.js';
import { addScopeFeatures, addScopes, emptyScopes } from './clauses.js';
import { isFunctionWordOnly, showableEvidence } from './evidence.js';
import { addFeatureSpans, pushDense, wordFeatureSpans, type FeatureBag } from './features.js';
import type { Lexicon } from './lexicon.js';
import { modelThresholds, scoreContributions, sentimentScore } from './model.js';
import { applySarcasm, findSarcasm } from './sarcasm.js';
import { scoreTokens, type RawSentiment } from './score-tokens.js';
import type { Token } from '../../text/tokenize.js';
import { isTitleCase } from '../../text/word-lists.js';

type Label = SentimentResult['label'];

/** What {@link analyzeSentiment} gives: the public result plus the whole-text features (the toxicity model reuses them). */
export interface SentimentAnalysis {
  result: SentimentResult;
  /** Whole-text features: lexicon aggregates (`#...`) and word features. */
  bag: FeatureBag;
}

// Squashes a raw lexicon sum into -1..1 (the VADER normalisation, alpha for AFINN's wider scale).
const ALPHA = 16;
// A sentence is mixed when both sides carry at least this much and the weaker side is half the stronger.
const MIXED_MIN_MASS = 1.5;
// A post is mixed when it has a sentence at or beyond +-STRONG on each side and its own score is within +-STRONG.
const STRONG = 0.3;
// Weight of a sentence without sentiment words in the post's lexicon mean: it dilutes, but only a little.
const EMPTY_SENTENCE_WEIGHT = 0.25;
const MAX_LEXICON_EVIDENCE = 8;
const MAX_MODEL_EVIDENCE = 3;
// A word feature must push the positive-vs-negative logit by at least this much to be a candidate for evidence
// (evidence.ts then keeps only those whose removal moves the score visibly).
const MIN_MODEL_CONTRIBUTION = 0.15;

export function squash(x: number): number {
  return x / Math.sqrt(x * x + ALPHA);
}

/** Thresholds for the labels: the model's, or a symmetric band when the caller gives one. */
export interface Thresholds {
  positive: number;
  negative: number;
}

function labelOf(score: number, th: Thresholds, positive: number, negative: number): Label {
  const weak = Math.min(positive, negative);
  if (weak >= MIXED_MIN_MASS && weak >= 0.5 * Math.max(positive, negative) && Math.abs(score) < STRONG) return 'mixed';
  if (score >= th.positive) return 'positive';
  if (score <= th.negative) return 'negative';
  return 'neutral';
}

interface LexiconSummary {
  mean: number;
  sum: number;
  positive: number;
  negative: number;
  max: number;
  min: number;
  hits: number;
  sarcasm: boolean;
  /** Sentences with sentiment words. */
  sentences: number;
}

/** The lexicon aggregates as dense features. Named with "#" (no word feature starts with one). */
function addLexiconFeatures(s: LexiconSummary, tokens: readonly Token[], from: number, to: number, bag: FeatureBag): void {
  let bang = false;
  let question = false;
  let link = false;
  let mention = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'url') link = true;
    if (t.kind === 'mention') mention = true;
    if (t.kind !== 'punct') continue;
    if (t.text.includes('!')) bang = true;
    if (t.text.includes('?')) question = true;
  }
  const push = (name: string, value: number): void => pushDense(bag, name, value);
  // Sums are taken per sentence so a long post does not saturate them.
  const per = Math.max(1, s.sentences);
  push('#lex', s.mean);
  push('#lexsum', squash(s.sum / per));
  push('#pos', squash(s.positive / per));
  push('#neg', squash(s.negative / per));
  push('#max', s.max);
  push('#min', s.min);
  // Hinges let the linear model bend the lexicon scale (strong lexicon scores are worth more or less than linear).
  push('#lexhi', Math.max(0, s.mean - 0.4));
  push('#lexlo', Math.min(0, s.mean + 0.4));
  push('#nohits', s.hits === 0 ? 1 : 0);
  push('#bang', bang ? 1 : 0);
  push('#banglex', bang ? s.mean : 0);
  push('#question', question ? 1 : 0);
  push('#sarcasm', s.sarcasm ? 1 : 0);
  // Unsigned strength, for the intensity model ("how far from neutral", either way).
  push('#alex', Math.abs(s.mean));
  push('#alexsum', Math.abs(squash(s.sum / per)));
  push('#amax', Math.max(Math.abs(s.max), Math.abs(s.min)));
  // Strength model only ("#s.", never read by the valence model): a shared link, an @-addressed reply or a
  // question tends to be told more flatly than its words suggest (a headline with a link, "@x welcome to my
  // world", "Is it a bad thing ...?"). As valence features link and mention cost the review snippets more
  // than they gave (docs/sentiment.md); as strength features they only damp or lift how strongly it is felt.
  push('#s.link', link ? 1 : 0);
  push('#s.mention', mention ? 1 : 0);
  push('#s.question', question ? 1 : 0);
  push('#s.qlex', question ? Math.abs(s.mean) : 0);
  addRegisterFeatures(tokens, from, to, bag);
}

// First and second person: a writer speaking for themselves or to a reader, the register of opinion.
const PERSONAL = new Set(['i', 'im', 'ive', 'id', 'ill', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'you', 'your', 'youre', 'yours']);

/**
 * Register cues, strength model only ("#s."): news report talk (names in mid-sentence, figures, quotation
 * marks, no first or second person) is told flatly even when it reports bad or good events, while opinion is
 * said by an "I" to a "you". Which way each cue leans is learned; no word of a topic is named.
 */
function addRegisterFeatures(tokens: readonly Token[], from: number, to: number, bag: FeatureBag): void {
  let words = 0;
  let names = 0;
  let personal = false;
  let figures = false;
  let quotes = false;
  let prevBreak = true;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number') figures = true;
    if (t.kind === 'punct') {
      if (/["\u201c\u201d]/.test(t.text)) quotes = true;
      if (/[.!?:;\u2026]/.test(t.text)) prevBreak = true;
      continue;
    }
    if (t.kind !== 'word') continue;
    words++;
    if (PERSONAL.has(t.norm)) personal = true;
    if (!prevBreak && isTitleCase(t)) names++;
    prevBreak = false;
  }
  if (words === 0) return;
  pushDense(bag, '#s.names', Math.min(1, names / words * 4));
  pushDense(bag, '#s.personal', personal ? 1 : 0);
  pushDense(bag, '#s.figures', figures ? 1 : 0);
  pushDense(bag, '#s.quotes', quotes ? 1 : 0);
  pushDense(bag, '#s.long', Math.min(1, Math.max(0, Math.log2(words / 8) / 3)));
}


/**
 * The same aggregates from the rated lexicon (VADER's human ratings in front of AFINN's integers), named "#r...".
 * Two views of one text let the model trust whichever carries better to a kind of text.
 */
function addRatedFeatures(mean: number, sum: number, positive: number, negative: number, per: number, bag: FeatureBag, max = mean, min = mean): void {
  pushDense(bag, '#rlex', mean);
  pushDense(bag, '#rsum', squash(sum / per));
  pushDense(bag, '#rpos', squash(positive / per));
  pushDense(bag, '#rneg', squash(negative / per));
  pushDense(bag, '#arlex', Math.abs(mean));
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.max(-1, Math.min(1, x)) : 0;
}
function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function modelEvidence(model: LinearModel, bag: FeatureBag, score: number, input: string, max: number): Evidence[] {
  const out: Evidence[] = [];
  if (score === 0) return out;
  const cands = scoreContributions(model, bag, Math.sign(score), max * 3, MIN_MODEL_CONTRIBUTION);
  const shown = showableEvidence(model, bag, score, cands, max, input);
  for (let k = 0; k < shown.length; k++) {
    const c = shown[k]!;
    out.push({ span: c.span, text: input.slice(c.span[0], c.span[1]), cue: `model:${c.name}` });
  }
  return out;
}

// Evidence lists are built by plain loops into fresh `[]` arrays and sorted only when they hold two or more (the
// same order: V8's sort is stable). Spreading and chaining array methods over arrays that are sometimes empty gave
// the optimised analyzeSentiment a new array shape to deoptimise on, and with it a recompile of the whole function.

/** `a` then `b`, ordered by where each starts (stable: ties keep that order). */
function bySpanStart(a: readonly Evidence[], b: readonly Evidence[]): Evidence[] {
  const out: Evidence[] = [];
  for (let k = 0; k < a.length; k++) out.push(a[k]!);
  for (let k = 0; k < b.length; k++) out.push(b[k]!);
  if (out.length > 1) out.sort(startOrder);
  return out;
}

function startOrder(a: Evidence, b: Evidence): number {
  return a.span[0] - b.span[0];
}

/** One sentence scored: its public result and what the post's aggregates read from it. */
interface SentenceScore {
  result: SentimentResult['sentences'][number];
  raw: RawSentiment;
  rated: RawSentiment;
  lex: number;
  rlex: number;
  score: number;
  found: Evidence[];
  shown: Evidence[];
}

/** Scores sentence `si` of `text` (its lexicon rules, sarcasm cues and the model over its features). */
function scoreSentence(
  text: TextAnalysis,
  si: number,
  lexicon: Lexicon,
  model: LinearModel,
  th: Thresholds,
  shouting: boolean,
  words: ReadonlyMap<string, [number, number]>,
): SentenceScore {
  const input = text.text;
  const tokens = text.tokens;
  const s = text.sentences[si]!;
  const [start, end] = s.span;
  const [from, t] = text.sentenceTokens[si]!;
  const own = tokens.slice(from, t);
  const raw = scoreTokens(own, input, lexicon, shouting);
  const rated = lexicon.rated ? scoreTokens(own, input, lexicon.rated, shouting) : raw;
  const rlex = clamp(squash(rated.sum));
  const lex = clamp(squash(raw.sum));
  const found = findSarcasm(s.text, start, own, lexicon);

  const bag: FeatureBag = { names: [], values: [], spans: [] };
  const one: LexiconSummary = { mean: lex, sum: raw.sum, positive: raw.positive, negative: raw.negative, max: lex, min: lex, hits: raw.hits, sarcasm: found.length > 0, sentences: 1 };
  addLexiconFeatures(one, tokens, from, t, bag);
  addRatedFeatures(rlex, rated.sum, rated.positive, rated.negative, 1, bag);
  addScopeFeatures(raw.scopes, 1, bag);
  addFeatureSpans(words, bag);
  const score = clamp(sentimentScore(model, bag));
  const shown = showableLexicon(raw.evidence);
  const evidence = bySpanStart(shown, modelEvidence(model, bag, score, input, 2));
  const result = { span: [start, end] as [number, number], label: labelOf(score, th, raw.positive, raw.negative), score: round(score), evidence };
  return { result, raw, rated, lex, rlex, score, found, shown };
}

/**
 * Scores a text from its tokens and sentences (read once, ../../text/analysis.ts). `thresholds` overrides the
 * model's label thresholds when given. `shouting` is true when the whole text is upper case (then CAPS is no emphasis).
 * `sarcasmModels` replaces the shipped sarcasm ranker (and decision model) when given: the training scripts read a text
 * with models fit without it (cross-fitting, scripts/train/lib/cross-fit.ts); the library never passes it.
 */
export function analyzeSentiment(
  text: TextAnalysis,
  lexicon: Lexicon,
  model: LinearModel,
  thresholds: Thresholds | undefined,
  sarcasmModels?: { model?: LinearModel; decision?: LinearModel },
): SentimentAnalysis {
  const input = text.text;
  const tokens = text.tokens;
  const th: Thresholds = thresholds ?? modelThresholds(model);
  const shouting = isShouting(input);
  const sentences: SentimentResult['sentences'] = [];
  const sarcasm: Evidence[] = [];
  const lexEvidence: Array<{ ev: Evidence; weight: number }> = [];
  const post: LexiconSummary = { mean: 0, sum: 0, positive: 0, negative: 0, max: -1, min: 1, hits: 0, sarcasm: false, sentences: 0 };
  let weighted = 0;
  let weights = 0;
  let rWeighted = 0;
  let rWeights = 0;
  let rSum = 0;
  let rPos = 0;
  let rNeg = 0;
  let rSentences = 0;
  let rMax = -1;
  let rMin = 1;
  let anyPos = 0;
  let anyNeg = 0;
  const postWords = new Map<string, [number, number]>();
  const postScopes = emptyScopes();
  // Each sentence's sarcasm cues, found once here and read again by the detector (applySarcasm) below.
  const foundBySentence: Evidence[][] = [];
  for (let si = 0; si < text.sentences.length; si++) {
    const [from, t] = text.sentenceTokens[si]!;
    const words = wordFeatureSpans(tokens, from, t);
    for (const [name, span] of words) if (!postWords.has(name)) postWords.set(name, span);
    const { result, raw, rated, lex, rlex, score, found, shown } = scoreSentence(text, si, lexicon, model, th, shouting, words);
    for (let k = 0; k < found.length; k++) sarcasm.push(found[k]!);
    foundBySentence.push(found);
    addScopes(postScopes, raw.scopes);
    sentences.push(result);

    const w = raw.hits > 0 ? 1 : EMPTY_SENTENCE_WEIGHT;
    weighted += w * lex;
    rWeighted += (rated.hits > 0 ? 1 : EMPTY_SENTENCE_WEIGHT) * rlex;
    rWeights += rated.hits > 0 ? 1 : EMPTY_SENTENCE_WEIGHT;
    rSum += rated.sum;
    rPos += rated.positive;
    rNeg += rated.negative;
    if (rated.hits > 0) rSentences++;
    rMax = Math.max(rMax, rlex);
    rMin = Math.min(rMin, rlex);
    weights += w;
    post.sum += raw.sum;
    post.positive += raw.positive;
    post.negative += raw.negative;
    post.hits += raw.hits;
    if (raw.hits > 0) post.sentences++;
    post.max = Math.max(post.max, lex);
    post.min = Math.min(post.min, lex);
    post.sarcasm ||= found.length > 0;
    if (score >= STRONG) anyPos++;
    if (score <= -STRONG) anyNeg++;
    for (let k = 0; k < shown.length; k++) lexEvidence.push({ ev: shown[k]!, weight: Math.abs(lex) });
  }
  if (sentences.length === 0) {
    post.max = 0;
    post.min = 0;
  }
  post.mean = weights > 0 ? clamp(weighted / weights) : 0;
  const bag: FeatureBag = { names: [], values: [], spans: [] };
  addLexiconFeatures(post, tokens, 0, tokens.length, bag);
  addRatedFeatures(rWeights > 0 ? clamp(rWeighted / rWeights) : 0, rSum, rPos, rNeg, Math.max(1, rSentences), bag, sentences.length > 0 ? rMax : 0, sentences.length > 0 ? rMin : 0);
  addScopeFeatures(postScopes, Math.max(1, post.sentences), bag);
  // The whole text's word features are the union of its sentences' (a bigram never spans a sentence end).
  addFeatureSpans(postWords, bag);
  const score = clamp(sentimentScore(model, bag));

  let label: Label;
  if (sentences.length === 1) label = sentences[0]!.label;
  else if (anyPos > 0 && anyNeg > 0 && Math.abs(score) < STRONG) label = 'mixed';
  else label = labelOf(score, th, 0, 0);
  const evidence = bySpanStart(strongestLexicon(lexEvidence), modelEvidence(model, bag, score, input, MAX_MODEL_EVIDENCE));
  const literal: SentimentResult = { label, score: round(score), sentences, evidence, sarcasm };
  return { result: labelNeedsEvidence(applySarcasm(literal, text, lexicon, sarcasmModels?.model, foundBySentence, sarcasmModels?.decision ? { decision: sarcasmModels.decision } : undefined)), bag };
}

/** The lexicon cues of the sentences with the strongest lexicon scores, at most MAX_LEXICON_EVIDENCE (ties in text order). */
function strongestLexicon(lexEvidence: Array<{ ev: Evidence; weight: number }>): Evidence[] {
  if (lexEvidence.length > 1) lexEvidence.sort(byWeight);
  const out: Evidence[] = [];
  for (let k = 0; k < lexEvidence.length && k < MAX_LEXICON_EVIDENCE; k++) out.push(lexEvidence[k]!.ev);
  return out;
}

function byWeight(a: { weight: number }, b: { weight: number }): number {
  return b.weight - a.weight;
}

/**
 * No feeling without a reason a person can see: a sentence or post whose label is not neutral but which has no
 * evidence (no feeling word, no showable learned word) is labelled neutral; its score stays the model's. A text
 * told in flat report talk ("X is the CTO, not the chief executive") can lean on word statistics alone; that lean
 * is no sentiment a reader would name.
 */
function labelNeedsEvidence(r: SentimentResult): SentimentResult {
  const sentences: SentimentResult['sentences'] = [];
  for (let k = 0; k < r.sentences.length; k++) {
    const s = r.sentences[k]!;
    sentences.push(s.label !== 'neutral' && s.evidence.length === 0 ? { ...s, label: 'neutral' as const } : s);
  }
  const label = r.label !== 'neutral' && r.evidence.length === 0 ? 'neutral' : r.label;
  return { ...r, label, sentences };
}

/** Lexicon cues a person would accept: not a bare function word ("like", "well", "no"). */
function showableLexicon(evidence: readonly Evidence[]): Evidence[] {
  const out: Evidence[] = [];
  for (let k = 0; k < evidence.length; k++) {
    const e = evidence[k]!;
    if (!e.cue.startsWith('lexicon:') || !isFunctionWordOnly(e.text)) out.push(e);
  }
  return out;
}

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

/** True when the text has upper-case letters and no lower-case one (then CAPS is no emphasis). */
function isShouting(text: string): boolean {
  // Both tests run for every text (the second one alone is rare, and first met in optimised code it cost a recompile).
  const lower = LOWER.test(text);
  const upper = UPPER.test(text);
  return !lower && upper;
}
