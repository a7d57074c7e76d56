/**
 * Sentiment per sentence and per post: wink-sentiment's AFINN lexicon plus negation scope, contrast,
 * intensifiers and downtoners, CAPS and "!!!", emoji, news-talk vocabulary, and sarcasm cues (flagged only).
 */
import type { Evidence } from '../../schema/common.js';
import type { SentimentResult } from '../../schema/classify.js';
import { ThreadlensOptionError } from '../../errors.js';
import { splitSentences } from '../../text/sentences.js';
import { extendLexicon, type Lexicon } from './lexicon.js';
import { findSarcasm } from './sarcasm.js';
import { scoreTokens } from './score-tokens.js';
import { tokenize } from './tokenize.js';

export type { SentimentResult } from '../../schema/classify.js';
export { tokenize, type Token } from './tokenize.js';

/** Options for {@link scoreSentiment}. */
export interface SentimentOptions {
  /** Extra lexicon entries, word or phrase -> score on AFINN's -5..5 scale; they win over built-in ones. Default none. */
  lexicon?: Record<string, number>;
  /** Scores with |score| below this are `neutral`. Default 0.1. */
  neutralBand?: number;
}

type Label = SentimentResult['label'];

// Squashes a raw lexicon sum into -1..1 (the VADER normalisation, alpha for AFINN's wider scale).
const ALPHA = 16;
const DEFAULT_NEUTRAL_BAND = 0.1;
// A sentence is mixed when both sides carry at least this much and the weaker side is half the stronger.
const MIXED_MIN_MASS = 1.5;
// Weight of a sentence without sentiment words in the post mean: it dilutes, but only a little.
const EMPTY_SENTENCE_WEIGHT = 0.25;
const MAX_EVIDENCE = 8;

function squash(x: number): number {
  return x / Math.sqrt(x * x + ALPHA);
}

function labelOf(score: number, band: number, positive: number, negative: number): Label {
  if (Math.min(positive, negative) >= MIXED_MIN_MASS && Math.min(positive, negative) >= 0.5 * Math.max(positive, negative)) {
    if (Math.abs(score) < 0.5) return 'mixed';
  }
  if (score >= band) return 'positive';
  if (score <= -band) return 'negative';
  return 'neutral';
}

function checkOptions(options: SentimentOptions | undefined): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object') throw new ThreadlensOptionError('options', options, 'must be an object');
  const { lexicon, neutralBand } = options;
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
}

/** Scores the sentiment of `text`: label, score in -1..1, per-sentence scores and the evidence that drove them. */
export function scoreSentiment(text: string, options?: SentimentOptions): SentimentResult {
  checkOptions(options);
  const lexicon: Lexicon = extendLexicon(options?.lexicon);
  const band = options?.neutralBand ?? DEFAULT_NEUTRAL_BAND;
  const input = typeof text === 'string' ? text : '';
  const shouting = isShouting(input);

  const tokens = tokenize(input);
  const sentences: SentimentResult['sentences'] = [];
  const sarcasm: Evidence[] = [];
  const all: Array<{ ev: Evidence; weight: number }> = [];
  let weighted = 0;
  let weights = 0;
  let anyPos = 0;
  let anyNeg = 0;
  let t = 0;
  for (const s of splitSentences(input)) {
    const [start, end] = s.span;
    while (t < tokens.length && tokens[t]!.end <= start) t++;
    const from = t;
    while (t < tokens.length && tokens[t]!.start < end) t++;
    const own = tokens.slice(from, t);
    const raw = scoreTokens(own, input, lexicon, shouting);
    const score = clamp(squash(raw.sum));
    sentences.push({ span: [start, end], label: labelOf(score, band, raw.positive, raw.negative), score, evidence: raw.evidence });
    const w = raw.hits > 0 ? 1 : EMPTY_SENTENCE_WEIGHT;
    weighted += w * score;
    weights += w;
    if (score >= 0.3) anyPos++;
    if (score <= -0.3) anyNeg++;
    for (const ev of raw.evidence) all.push({ ev, weight: Math.abs(score) });
    sarcasm.push(...findSarcasm(s.text, start, own, lexicon));
  }
  const score = weights > 0 ? clamp(weighted / weights) : 0;
  let label: Label;
  if (sentences.length === 1) label = sentences[0]!.label;
  else if (anyPos > 0 && anyNeg > 0 && Math.abs(score) < 0.3) label = 'mixed';
  else label = labelOf(score, band, 0, 0);
  const evidence = all
    .map((x, order) => ({ ...x, order }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, MAX_EVIDENCE)
    .sort((a, b) => a.ev.span[0] - b.ev.span[0] || a.order - b.order)
    .map((x) => x.ev);
  return { label, score: round(score), sentences: sentences.map((s) => ({ ...s, score: round(s.score) })), evidence, sarcasm };
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.max(-1, Math.min(1, x)) : 0;
}
function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** True when the text has cased letters and none of them is lower case (then CAPS is no emphasis). */
function isShouting(text: string): boolean {
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const lo = c.toLowerCase();
    const up = c.toUpperCase();
    if (lo === up) continue;
    if (c === lo) return false;
    upper = true;
  }
  return upper;
}
