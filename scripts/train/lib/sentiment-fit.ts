/**
 * Fits the sentiment model (src/classify/sentiment/sentiment.model.json) with the one learner (fit-model.ts):
 * `valence`, a regression toward the mean human rating / 4 on every row, and `strength`, a regression toward
 * |valence| on the rows with three-class gold (graded ratings and news sentences; the binary UCI rows say nothing
 * about how strongly). The two are stored as the two outputs of one identity-link model. The label thresholds on
 * sign(v) * sqrt(|v| * strength) are then chosen to maximise macro-F1 with every domain weighing the same.
 * Each word feature is fit twice, as itself and as a copy private to the row's domain (Daume 2007, "frustratingly
 * easy domain adaptation"); only the shared copies ship, so what a word says in one kind of text alone (a topic
 * word carrying that set's label balance) stays with its domain and the shipped weights are what the domains share.
 * Used by train-sentiment.ts and by the eval's leave-one-domain-out fits.
 */
import { analyzeSentiment } from '../../../src/classify/sentiment/analyze.js';
import type { FeatureBag } from '../../../src/classify/sentiment/features.js';
import { DEFAULT_LEXICON } from '../../../src/classify/sentiment/lexicon.js';
import { combine, SENTIMENT_MODEL, SENTIMENT_OUTPUTS } from '../../../src/classify/sentiment/model.js';
import { analyzeText } from '../../../src/text/analysis.js';
import { predict, type LinearModel } from '../../../src/learn/model.js';
import { fitModel, type FitModelOptions } from './fit-model.js';

export type Polarity3 = 'positive' | 'negative' | 'neutral';

/** The src files whose output the sentiment model's weights expect (hashed into the model). */
export const SENTIMENT_FEATURE_FILES = [
  'src/text/lemma.ts',
  'src/text/word-lists.ts',
  'src/classify/sentiment/analyze.ts',
  'src/classify/sentiment/clauses.ts',
  'src/classify/sentiment/features.ts',
  'src/classify/sentiment/lexicon.ts',
  'src/classify/sentiment/lexicon.json',
  'src/classify/sentiment/lexicon-vader.json',
  'src/classify/sentiment/modifiers.json',
  'src/classify/sentiment/score-tokens.ts',
  'src/text/analysis.ts',
  'src/text/tokenize.ts',
  'src/text/sentences.ts',
  'src/text/squeeze.ts',
];

/** One training row. */
export interface SentimentExample {
  bag: FeatureBag;
  /** Target valence, -1..1. */
  valence: number;
  /** Three-class gold; rows with one also train the strength output and the thresholds. */
  gold?: Polarity3;
  weight: number;
  /** The data set the row comes from (for per-domain threshold rules). */
  domain?: string;
  /**
   * Measured only (session 34): false leaves the row out of the valence fit (it still fits strength when it has a
   * gold). Default true.
   */
  valenceFit?: boolean;
  /**
   * Measured only (session 34): false keeps the row's out-of-fold score from choosing the label thresholds (a row
   * whose gold is a rule's guess, not a rater's). Default true.
   */
  choosesBand?: boolean;
}

/** The features the model sees for `text` (whole text). */
export function sentimentFeatures(text: string): FeatureBag {
  return analyzeSentiment(analyzeText(text), DEFAULT_LEXICON, SENTIMENT_MODEL, undefined).bag;
}

/** The bag as (name, value) pairs. */
export function bagPairs(bag: FeatureBag): Array<[string, number]> {
  return bag.names.map((n, k) => [n, bag.values[k]!]);
}

/** Options for {@link fitSentiment}. */
export interface FitSentimentOptions {
  fitOn?: readonly string[];
  notes?: string;
  /** Label thresholds to keep instead of choosing them on out-of-fold scores (a cross-fit fold keeps the shipped ones). */
  thresholds?: { positive: number; negative: number };
  /**
   * Which rows fit the valence output: 'all' (default, shipped: every row, neutral gold toward 0) or 'polar' (a
   * two-stage fit measured in session 28: rows with neutral gold leave the valence fit, so valence is the polarity
   * stage and strength alone the neutral-vs-polar stage; docs/sentiment.md).
   */
  valenceOn?: 'all' | 'polar';
  /**
   * L2 on the products of pairs of dense features (`#x.<a>*<b>`, {@link withDenseProducts}; measured in session 30,
   * not shipped: docs/sentiment.md). Unset: such features, if any, are penalised as dense features are.
   */
  productL2?: number;
}

/** Names the product of two dense features (session 30's measurement): `#x.<a>*<b>`, the two names in sorted order. */
export const PRODUCT = '#x.';

/**
 * The bag with every product of two different dense features (no span) that are both present, as one more dense
 * feature `#x.<a>*<b>` valued the product (measured in session 30, not shipped). The bag itself is not changed.
 */
export function withDenseProducts(bag: FeatureBag): FeatureBag {
  const dense: Array<[string, number]> = [];
  bag.spans.forEach((span, k) => span === null && bag.values[k] !== 0 && dense.push([bag.names[k]!, bag.values[k]!]));
  dense.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: FeatureBag = { names: [...bag.names], values: [...bag.values], spans: [...bag.spans] };
  for (let i = 0; i < dense.length; i++) {
    for (let j = i + 1; j < dense.length; j++) {
      if (dense[i]![0] === dense[j]![0]) continue;
      out.names.push(`${PRODUCT}${dense[i]![0]}*${dense[j]![0]}`);
      out.values.push(dense[i]![1] * dense[j]![1]);
      out.spans.push(null);
    }
  }
  return out;
}

/**
 * The dense features (lexicon aggregates, scopes, register cues: `pushDense`, no span) of `rows`. Told by their
 * missing span, not by the "#" they are named with: a hashtag's word feature ("#tcot") is named with one too, and is
 * a word like any other (penalised, copied per domain and pruned as words are).
 */
export function denseNames(rows: readonly SentimentExample[]): Set<string> {
  const dense = new Set<string>();
  for (const e of rows) e.bag.spans.forEach((span, k) => span === null && dense.add(e.bag.names[k]!));
  return dense;
}
/** "#s." features (register, link, question) feed the strength output only. */
const strengthOnly = (name: string): boolean => name.startsWith('#s.');
// L2 on word features: 5e-4 since session 18 (chosen among 2e-3, 1e-3 and 5e-4 by the mean set-left-out macro-F1; docs/sentiment.md).
const L2_WORDS = Number(process.env.TL_L2 ?? 5e-4);
// Measured only (docs/sentiment.md, session 12): the domain copies' L2 as a multiple of the shared words' L2.
// 'eb': the ratio estimated from an equal-penalty fit (mean square of the shared word weights over that of the copies).
const L2_PRIVATE = process.env.TL_L2_PRIVATE ?? '1';
// Measured only: a private intercept per domain ("#bias@@<domain>", fit only, never shipped).
// TL_DOMAIN_BIAS=strength: the same for the strength output only ("#s.bias@@<domain>", valence keeps one
// intercept, so the UCI sets read by sign cannot move); measured in session 17, not kept (docs/sentiment.md).
const DOMAIN_BIAS = process.env.TL_DOMAIN_BIAS === '1' || process.env.TL_DOMAIN_BIAS === 'strength';
const BIAS = process.env.TL_DOMAIN_BIAS === 'strength' ? '#s.bias' : '#bias';
// Measured only (session 18): domains whose rows get no private copies (comma-separated names), so their words
// are fit into the shared weights alone.
const SHARED_ONLY = new Set((process.env.TL_SHARED_ONLY ?? '').split(',').filter((x) => x !== ''));
const ITERATIONS = 150;
const MIN_ROWS = Number(process.env.TL_MIN ?? 10);
// The thresholds are chosen on out-of-fold scores (a model's scores on its own training rows are more extreme
// than on new text, so a band chosen on them is too narrow).
const THRESHOLD_FOLDS = 3;
// Which out-of-fold scores choose the thresholds: 'rows' (shipped: THRESHOLD_FOLDS row folds), 'domains' (each
// graded domain scored by a model fit on the others) or 'both' pooled. Measured, not shipped: docs/sentiment.md.
const THRESHOLD_SCORES = (process.env.TL_THRESHOLD_SCORES ?? 'rows') as 'rows' | 'domains' | 'both';
// Marks a word feature's copy private to one domain (fit only, never shipped): "<feature>@@<domain>".
const DOMAIN_COPY = '@@';
// Word weights below this are dropped from the shipped file (see pruneWeights).
const PRUNE_BELOW = 0.01;

/** Fits valence, strength and the thresholds on `examples`. Deterministic. */
export function fitSentiment(examples: readonly SentimentExample[], options: FitSentimentOptions = {}): LinearModel {
  const dense = denseNames(examples);
  const ratio = L2_PRIVATE === 'eb' ? privateRatio(fitOutputs(examples, dense, options, 1), dense) : Number(L2_PRIVATE);
  if (process.env.TL_DEBUG) console.error(`private L2 ratio ${ratio}`);
  const model = fitOutputs(examples, dense, options, ratio);
  if (options.thresholds) return pruneWeights({ ...model, thresholds: { ...options.thresholds } }, PRUNE_BELOW, dense);
  const graded = examples.map((e, i) => [e, i] as const).filter(([e]) => e.gold !== undefined && e.choosesBand !== false);
  const mode = graded.every(([e]) => e.domain !== undefined) ? THRESHOLD_SCORES : 'rows';
  const oof = (byDomain: boolean): number[] => {
    const scores = new Map<number, number>();
    const folds = byDomain ? [...new Set(graded.map(([e]) => e.domain!))].sort() : Array.from({ length: THRESHOLD_FOLDS }, (_, f) => f);
    const foldOf = (e: SentimentExample, i: number): string | number => (byDomain ? e.domain! : i % THRESHOLD_FOLDS);
    for (const f of folds) {
      const m = fitOutputs(examples.filter((e, i) => foldOf(e, i) !== f), dense, options, ratio);
      for (const [e, i] of graded) {
        if (foldOf(e, i) !== f) continue;
        // Scored as new text is: without the domain copies (the thresholds must suit a domain never seen).
        const [v, a] = predict(m, bagPairs(e.bag));
        scores.set(i, combine(v!, a!));
      }
    }
    return graded.map(([, i]) => scores.get(i)!);
  };
  const runs = mode === 'both' ? [oof(false), oof(true)] : [oof(mode === 'domains')];
  const domains = graded.every(([e]) => e.domain !== undefined) ? graded.map(([e]) => e.domain!) : undefined;
  model.thresholds = fitThresholds(
    runs.flat(),
    runs.flatMap(() => graded.map(([e]) => e.gold!)),
    runs.flatMap(() => graded.map(([e]) => e.weight)),
    domains ? runs.flatMap(() => domains) : undefined,
  );
  if (options.notes) model.notes = options.notes;
  return pruneWeights(model, PRUNE_BELOW, dense);
}

/**
 * Drops the word features whose every weight is below `below` in absolute value: they move a text's outputs by
 * thousandths (a word feature is valued about 0.2-0.4) and would double the shipped file. Dense features stay.
 * The domain copies of word features never ship.
 */
export function pruneWeights(model: LinearModel, below: number, dense: ReadonlySet<string>): LinearModel {
  const weights: Record<string, number[]> = {};
  for (const [name, w] of Object.entries(model.weights)) {
    if (name.includes(DOMAIN_COPY)) continue;
    if (dense.has(name) || w.some((x) => Math.abs(x) >= below)) weights[name] = w;
  }
  return { ...model, weights };
}

/**
 * Adds a copy of each word feature private to the row's domain (`<feature>@@<domain>`; lexicon aggregates, scopes
 * and register cues are not copied). With the same L2 on both, a word whose weight every domain agrees on is carried
 * by its shared copy, while one seen in a single domain splits between the two, so the shared weight keeps only
 * part of a lean that domain alone shows. Rows without a domain are left as they are.
 */
export function withDomainCopies(e: SentimentExample): SentimentExample {
  if (e.domain === undefined || SHARED_ONLY.has(e.domain)) return e;
  const bag: FeatureBag = { names: [...e.bag.names], values: [...e.bag.values], spans: [...e.bag.spans] };
  for (let k = 0; k < e.bag.names.length; k++) {
    const name = e.bag.names[k]!;
    if (e.bag.spans[k] === null) continue;
    bag.names.push(`${name}${DOMAIN_COPY}${e.domain}`);
    bag.values.push(e.bag.values[k]!);
    bag.spans.push(null);
  }
  if (DOMAIN_BIAS) {
    bag.names.push(`${BIAS}${DOMAIN_COPY}${e.domain}`);
    bag.values.push(1);
    bag.spans.push(null);
  }
  return { ...e, bag };
}

/** Fits the two outputs (no thresholds) on the rows with their domain copies added (exported for measurement scripts). */
export function fitOutputs(rows: readonly SentimentExample[], dense: ReadonlySet<string>, options: FitSentimentOptions, ratio: number): LinearModel {
  const examples = rows.map(withDomainCopies);
  const base: Omit<FitModelOptions, 'name' | 'labels'> = {
    link: 'identity',
    fitOn: options.fitOn ?? ['(cross-validation fold)'],
    featureFiles: SENTIMENT_FEATURE_FILES,
    l2: (n) =>
      options.productL2 !== undefined && n.startsWith(PRODUCT)
        ? options.productL2
        : dense.has(n) || n.startsWith(BIAS + DOMAIN_COPY)
          ? 1e-5
          : n.includes(DOMAIN_COPY)
            ? L2_WORDS * ratio
            : L2_WORDS,
    iterations: ITERATIONS,
    learningRate: 0.05,
    // A word must be seen in MIN_ROWS rows: rarer ones are a domain's quirks more often than a feeling.
    minCount: MIN_ROWS,
    decimals: 3,
  };
  const valence = fitModel(
    examples.filter((e) => e.valenceFit !== false && (options.valenceOn !== 'polar' || e.gold !== 'neutral')).map((e) => ({ features: bagPairs(e.bag).filter(([n]) => !strengthOnly(n)), y: [e.valence], weight: e.weight })),
    { ...base, name: 'valence', labels: ['valence'] },
  );
  const graded = examples.filter((e) => e.gold !== undefined);
  const strength = fitModel(
    graded.map((e) => ({ features: bagPairs(e.bag), y: [Math.abs(e.valence)], weight: e.weight })),
    { ...base, name: 'strength', labels: ['strength'] },
  );
  const weights: Record<string, number[]> = {};
  for (const name of [...new Set([...Object.keys(valence.weights), ...Object.keys(strength.weights)])].sort()) {
    weights[name] = [valence.weights[name]?.[0] ?? 0, strength.weights[name]?.[0] ?? 0];
  }
  return { ...valence, name: 'sentiment', labels: [...SENTIMENT_OUTPUTS], bias: [valence.bias[0]!, strength.bias[0]!], weights };
}

/** Mean square of the shared word weights over that of their domain copies (valence output). */
function privateRatio(model: LinearModel, dense: ReadonlySet<string>): number {
  let shared = 0;
  let ns = 0;
  let own = 0;
  let np = 0;
  for (const [name, w] of Object.entries(model.weights)) {
    if (dense.has(name) || name.startsWith(BIAS + DOMAIN_COPY)) continue;
    const x = w[0]! ** 2;
    if (name.includes(DOMAIN_COPY)) {
      own += x;
      np++;
    } else {
      shared += x;
      ns++;
    }
  }
  return shared / Math.max(1, ns) / Math.max(1e-12, own / Math.max(1, np));
}

/**
 * The (negative, positive) threshold pair maximising macro-F1, from a grid of score quantiles. With `domains`, the
 * objective is the mean over domains of each domain's own macro-F1, whatever its size or class balance: a band that
 * suits the pooled rows can still be wrong for every single kind of text, and a domain the model was not fit on is
 * one more kind of text. In that mean each domain counts by its rows' total weight in `weights` (as much as it weighs
 * in the fit: sets weighed alike count alike, FanChuan's comments a quarter), or once each without `weights`. Without
 * `domains`, rows count by `weights` (default 1 each) in one pool.
 */
export function fitThresholds(
  scores: readonly number[],
  gold: readonly Polarity3[],
  weights?: readonly number[],
  domains?: readonly string[],
): { positive: number; negative: number } {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const n = order.length;
  const names = domains ? [...new Set(domains)].sort() : ['all'];
  const groupOf = new Map(names.map((d, g) => [d, g]));
  const G = names.length;
  // Each domain's share of the objective: its rows' total weight, else 1.
  const share = new Float64Array(G).fill(1);
  if (domains && weights) {
    share.fill(0);
    domains.forEach((d, i) => {
      const g = groupOf.get(d)!;
      share[g] = share[g]! + weights[i]!;
    });
  }
  let shareSum = 0;
  for (const x of share) shareSum += x;
  // prefix[g][c][j]: weight of class c of group g among the j lowest scores (c: 0 negative, 1 neutral, 2 positive);
  // below[g][j]: weight of group g among them.
  const prefix = names.map(() => [new Float64Array(n + 1), new Float64Array(n + 1), new Float64Array(n + 1)]);
  const below = names.map(() => new Float64Array(n + 1));
  order.forEach((i, j) => {
    const c = gold[i] === 'negative' ? 0 : gold[i] === 'neutral' ? 1 : 2;
    const own = domains ? groupOf.get(domains[i]!)! : 0;
    const w = domains ? 1 : (weights?.[i] ?? 1);
    for (let g = 0; g < G; g++) {
      for (let k = 0; k < 3; k++) prefix[g]![k]![j + 1] = prefix[g]![k]![j]! + (g === own && k === c ? w : 0);
      below[g]![j + 1] = below[g]![j]! + (g === own ? w : 0);
    }
  });
  const f1 = (tp: number, predicted: number, actual: number): number => (tp === 0 ? 0 : (2 * tp) / (predicted + actual));
  const macro = (g: number, j: number, m: number): number => {
    const p = prefix[g]!;
    const b = below[g]!;
    const negF = f1(p[0]![j]!, b[j]!, p[0]![n]!);
    const neuF = f1(p[1]![m]! - p[1]![j]!, b[m]! - b[j]!, p[1]![n]!);
    const posF = f1(p[2]![n]! - p[2]![m]!, b[n]! - b[m]!, p[2]![n]!);
    return (negF + neuF + posF) / 3;
  };
  let best = { positive: 0.1, negative: -0.1 };
  let bestF = -1;
  // Cut j: the j lowest scores are at or below the negative threshold; cut m: rows from m up are positive.
  const cuts: number[] = [];
  for (let p = 0.02; p < 1; p += 0.02) cuts.push(Math.floor(p * n));
  for (const j of cuts) {
    for (const m of cuts) {
      if (m <= j || m >= n || j <= 0) continue;
      let f = 0;
      for (let g = 0; g < G; g++) f += share[g]! * macro(g, j, m);
      f /= shareSum;
      if (f > bestF) {
        bestF = f;
        best = { negative: round(scores[order[j - 1]!]!), positive: round(scores[order[m]!]!) };
      }
    }
  }
  return best;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
