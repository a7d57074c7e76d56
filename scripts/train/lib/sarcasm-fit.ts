/**
 * Fits the sarcasm detector (src/classify/sentiment/sarcasm.model.json): a logistic model on the features of
 * sarcasm.ts, fit on iSarcasmEval train (SemEval-2022 Task 6, MIT). Each sarcastic tweet's literal rephrase by its
 * own author is added as a non-sarcastic row: the pair differs in how it is said, not in its topic, which teaches
 * the cues rather than the subjects. News sentences (NewsMTSC train, MIT) are added as non-sarcastic rows of low
 * weight: reporting is the register the detector must stay quiet on. So are tweets that VADER's raters scored
 * positive (MIT): a rater reads sarcastic praise as negative, so praise they scored positive was meant (sincere thanks
 * and compliments, which iSarcasmEval alone teaches to suspect).
 * Also the stratified k-fold predictions of the shipped decision (detectSarcasm with each fold's model).
 */
import type { FeatureBag } from '../../../src/classify/sentiment/features.js';
import { DEFAULT_LEXICON } from '../../../src/classify/sentiment/lexicon.js';
import { decisionFeatures, detectSarcasm, sarcasmFeatures, sarcasmSignals, type SarcasmLevel, type SarcasmSignals } from '../../../src/classify/sentiment/sarcasm.js';
import { analyzeText, type TextAnalysis } from '../../../src/text/analysis.js';
import { predict, type LinearModel } from '../../../src/learn/model.js';
import { readIsarcasm, readNewsMtsc, readVaderSet, type SarcasmRow } from '../../eval/lib/sentiment-data.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvObjects } from '../../eval/lib/csv.js';
import { stratifiedFolds } from './cv.js';
import { fitModel, type FitRow } from './fit-model.js';

/** The src files whose output the sarcasm model's weights expect. */
export const SARCASM_FEATURE_FILES = [
  'src/text/lemma.ts',
  'src/text/word-lists.ts',
  'src/classify/sentiment/features.ts',
  'src/classify/sentiment/lexicon.ts',
  'src/classify/sentiment/lexicon.json',
  'src/classify/sentiment/lexicon-vader.json',
  'src/classify/sentiment/modifiers.json',
  'src/classify/sentiment/sarcasm.ts',
  'src/text/analysis.ts',
  'src/text/tokenize.ts',
  'src/text/sentences.ts',
  'src/text/squeeze.ts',
];

/** The detector's features for `text`. */
export function sarcasmBag(text: string): FeatureBag {
  return sarcasmFeatures(analyzeText(text), DEFAULT_LEXICON);
}

export interface SarcasmExample {
  bag: FeatureBag;
  sarcastic: boolean;
  /** The literal rephrase's features (a sarcastic row's pair), or null. */
  rephrase: FeatureBag | null;
}

// Dense: the form counts ("#caps", "#hashtag") and the rule cues. Word features are named "w:..." (a hashtag's is
// "w:#tcot") and spellings "c:...", so a hashtag is a word here like any other (same penalty, same vocabulary).
const isDense = (n: string): boolean => n.startsWith('#') || n.startsWith('cue:');

/** A non-sarcastic row from outside iSarcasmEval, with its weight. */
export interface RegisterRow {
  bag: FeatureBag;
  weight: number;
  /** The row's text (its key when a downstream fit shares rows with the detector: cross-fitting). */
  text?: string;
}

/**
 * Each sparse feature's log-count ratio on the tweets (naive Bayes: log of its rate among sarcastic tweets over its
 * rate among the others, the literal rephrases counted among the others at weight RATIO_REPHRASE), smoothed toward 0
 * with one pseudo-row split by the class shares, so a feature the tweets never show scores 0.
 */
export function logCountRatios(examples: readonly SarcasmExample[]): Map<string, number> {
  const pos = new Map<string, number>();
  const neg = new Map<string, number>();
  let P = 0;
  let N = 0;
  for (const e of examples) {
    if (e.sarcastic) P++;
    else N++;
    const counts = e.sarcastic ? pos : neg;
    for (const n of e.bag.names) if (!isDense(n)) counts.set(n, (counts.get(n) ?? 0) + 1);
    if (e.rephrase) {
      N += RATIO_REPHRASE;
      for (const n of e.rephrase.names) if (!isDense(n)) neg.set(n, (neg.get(n) ?? 0) + RATIO_REPHRASE);
    }
  }
  const share = P / Math.max(1, P + N);
  const out = new Map<string, number>();
  for (const n of [...new Set([...pos.keys(), ...neg.keys()])].sort()) {
    out.set(n, Math.log(((pos.get(n) ?? 0) + share) / Math.max(1, P)) - Math.log(((neg.get(n) ?? 0) + 1 - share) / Math.max(1, N)));
  }
  return out;
}

/**
 * Fits the detector on tweets (with their rephrases) and `register` rows (news sentences, sincere praise:
 * non-sarcastic). Deterministic. A sparse feature's L2 penalty is L2_WORDS / r^2, r its log-count ratio on the
 * tweets (at least MIN_RATIO): a linear model over naive-Bayes-scaled features (NB-LR, Wang & Manning 2012) in
 * the model's own units, so words and spellings that tell the classes apart are free to weigh and the thousands
 * that do not stay near 0. `plain`: one penalty for every word feature (the bag-of-words baseline).
 */
export function fitSarcasm(
  examples: readonly SarcasmExample[],
  extra: { fitOn?: string[]; thresholds?: Record<string, number>; notes?: string; register?: readonly RegisterRow[]; plain?: boolean } = {},
): LinearModel {
  const ratio = extra.plain ? null : logCountRatios(examples);
  // The vocabulary is the tweets': a word or spelling seen in enough of them. The rephrases and register rows only
  // weigh what the tweets know (news has a vocabulary of its own the detector need not carry).
  const df = new Map<string, number>();
  for (const e of examples) for (const n of e.bag.names) df.set(n, (df.get(n) ?? 0) + 1);
  const known = (n: string): boolean => isDense(n) || (df.get(n) ?? 0) >= (n.startsWith('c:') ? MIN_GRAM_COUNT : MIN_COUNT);
  const kept = (bag: FeatureBag): Array<[string, number]> => pairs(bag).filter(([n]) => known(n));
  const rows: FitRow[] = [];
  for (const e of examples) {
    rows.push({ features: kept(e.bag), y: [e.sarcastic ? 1 : 0] });
    if (e.rephrase) rows.push({ features: kept(e.rephrase), y: [0], weight: REPHRASE_WEIGHT });
  }
  for (const r of extra.register ?? []) rows.push({ features: kept(r.bag), y: [0], weight: r.weight });
  return fitModel(rows, {
    name: 'sarcasm',
    labels: ['sarcastic'],
    link: 'sigmoid',
    fitOn: extra.fitOn ?? ['(cross-validation fold)'],
    featureFiles: SARCASM_FEATURE_FILES,
    l2: (n) => (isDense(n) ? 1e-4 : ratio ? L2_WORDS / Math.max(MIN_RATIO, Math.abs(ratio.get(n) ?? 0)) ** 2 : L2_PLAIN),
    iterations: 200,
    learningRate: 0.05,
    minCount: 1,
    decimals: 3,
    balanced: true,
    ...(extra.thresholds ? { thresholds: extra.thresholds } : {}),
    ...(extra.notes ? { notes: extra.notes } : {}),
  });
}

const REPHRASE_WEIGHT = 0.5;
/**
 * Weight of a sarcastic tweet's literal rephrase among the non-sarcastic rows of the log-count ratios: a word both
 * twins use is the subject, not the way of saying it, and its ratio falls toward 0 (so its penalty rises). On 5-fold
 * CV it ranks more sarcastic tweets above their own rephrase (0.641 -> 0.670) at the same ROC-AUC.
 */
const RATIO_REPHRASE = 0.5;
/** Weight of a news sentence: about 8,700 of them weigh as much as 260 tweets. */
export const NEWS_WEIGHT = 0.03;
/** Weight of a tweet VADER's raters scored positive (mean rating > 0.5). */
export const SINCERE_WEIGHT = 0.1;
const L2_WORDS = 3e-4;
/** Tweets a word feature must be seen in to enter the vocabulary; a character n-gram, MIN_GRAM_COUNT. */
const MIN_COUNT = 5;
const MIN_GRAM_COUNT = 10;
const MIN_RATIO = 0.05;
/** The bag-of-words baseline's penalty (the detector's before naive-Bayes scaling). */
const L2_PLAIN = 1e-3;

/**
 * The threshold maximising F-beta of the positive class over `probability` (beta 1: F1; beta 0.5 weighs
 * precision twice: the detector flips sentiment, so a false alarm costs more than a miss).
 */
export function bestF1Threshold(probability: readonly number[], gold: readonly boolean[], beta = 1): number {
  const order = probability.map((_, i) => i).sort((a, b) => probability[b]! - probability[a]! || a - b);
  const pos = gold.filter(Boolean).length;
  const b2 = beta * beta;
  let tp = 0;
  let best = 0.5;
  let bestF = -1;
  order.forEach((i, k) => {
    if (gold[i]) tp++;
    const f = ((1 + b2) * tp) / (k + 1 + b2 * pos);
    const next = order[k + 1];
    if (f > bestF && (next === undefined || probability[next]! < probability[i]!)) {
      bestF = f;
      best = next === undefined ? probability[i]! : (probability[i]! + probability[next]!) / 2;
    }
  });
  return Math.round(best * 10000) / 10000;
}

/**
 * The precision-recall break-even threshold: the detector calls as many rows sarcastic as there are (the k-th
 * highest probability, k = the number of sarcastic rows). At that point precision = recall = F1, and the decision
 * claims no more sarcasm than the data holds (the F1-best threshold drifts toward "always sarcastic" on a weak ranking).
 */
export function breakEvenThreshold(probability: readonly number[], gold: readonly boolean[]): number {
  const sorted = [...probability].sort((a, b) => b - a);
  const k = gold.filter(Boolean).length;
  if (k === 0 || k >= sorted.length) return 0.5;
  return Math.round(((sorted[k - 1]! + sorted[k]!) / 2) * 10000) / 10000;
}

/**
 * The two thresholds of the shipped decision, from out-of-fold probabilities: `sarcastic` (break-even) and `flip`
 * (the best F0.5 of "probability >= flip and a form cue", `formed[i]` saying whether row i shows one; never below
 * `sarcastic`).
 */
export function sarcasmThresholds(probability: readonly number[], gold: readonly boolean[], formed: readonly boolean[]): { sarcastic: number; flip: number } {
  const sarcastic = breakEvenThreshold(probability, gold);
  const flip = bestF1Threshold(probability.map((p, i) => (formed[i] ? p : 0)), gold, 0.5);
  return { sarcastic, flip: Math.max(sarcastic, flip) };
}

/** True when the ranker shows a form cue (a rule cue or an emoji) or "/s" for these signals: the flip rule without its threshold. */
export function hasFormCue(s: SarcasmSignals): boolean {
  return s.tag !== null || s.formed;
}

/**
 * The share of reader comments assumed sarcastic: the decision's prior outside iSarcasmEval. Set by hand before any
 * comment set was scored with it (not fit: no may-ship set labels sarcasm in comments), at 0.10, under the 0.25 of
 * iSarcasmEval, whose authors were asked for sarcastic tweets.
 */
export const COMMENT_PRIOR = 0.1;

/**
 * The decision model: a logistic model over the ranker's out-of-fold logit and what its cues are
 * (decisionFeatures: no cue, a felt cue, a form cue, praise only, "/s"), fit on the tweets at their own share
 * (not balanced), so its probability is calibrated to iSarcasmEval's prior. Its cut `sarcastic` is the
 * precision-recall break-even point of the decision as shipped (a text without a shown cue never fires);
 * `prior` the tweets' share and `commentPrior` the comment register's (COMMENT_PRIOR).
 */
export function fitDecision(signals: readonly SarcasmSignals[], gold: readonly boolean[], extra: { fitOn?: string[]; notes?: string } = {}): LinearModel {
  const rows: FitRow[] = signals.map((s, i) => ({ features: decisionFeatures(s), y: [gold[i] ? 1 : 0] }));
  const fit = (thresholds?: Record<string, number>): LinearModel =>
    fitModel(rows, {
      name: 'sarcasm-decision',
      labels: ['sarcastic'],
      link: 'sigmoid',
      fitOn: extra.fitOn ?? ['(cross-validation fold)'],
      featureFiles: DECISION_FEATURE_FILES,
      l2: () => 1e-3,
      iterations: 400,
      learningRate: 0.05,
      minCount: 1,
      decimals: 4,
      ...(thresholds ? { thresholds } : {}),
      ...(extra.notes ? { notes: extra.notes } : {}),
    });
  const model = fit();
  const p = signals.map((s) => (s.cues.length > 0 ? predict(model, decisionFeatures(s))[0]! : 0));
  const prior = gold.filter(Boolean).length / Math.max(1, gold.length);
  return fit({ sarcastic: breakEvenThreshold(p, gold), prior: Math.round(prior * 10000) / 10000, commentPrior: COMMENT_PRIOR });
}

/** The src files whose output the decision model's weights expect (the ranker's among them). */
export const DECISION_FEATURE_FILES = [...SARCASM_FEATURE_FILES, 'src/classify/sentiment/sarcasm.model.json'];

/** The iSarcasmEval rows with their analyses and feature bags, and the news sentences' bags. */
export interface SarcasmData {
  rows: SarcasmRow[];
  texts: TextAnalysis[];
  bags: FeatureBag[];
  rephrases: Array<FeatureBag | null>;
  register: RegisterRow[];
  /**
   * Reader comments labelled ironic or not (FanChuan's Reddit comments, MIT: `parody`), fit on beside the tweets as
   * rows of their own class: the one may-ship set of comments with an irony label (the register the detector reads).
   */
  comments: SarcasmExample[];
  /** The comments' texts, in the same order. */
  commentTexts: TextAnalysis[];
}

/** FanChuan's Reddit comments (MIT) with their `parody` label (ironic or mocking), as sarcasm rows. */
export function readParodyComments(dataDir: string): Array<{ text: string; sarcastic: boolean }> {
  return parseCsvObjects(readFileSync(join(dataDir, 'threads', 'reddit-trump-comments-train.csv'), 'utf8'))
    .filter((c) => (c.content ?? '').trim() !== '' && (c.parody === '0' || c.parody === '1'))
    .map((c) => ({ text: c.content!, sarcastic: c.parody === '1' }));
}

/** Reads iSarcasmEval train, NewsMTSC train, the VADER tweets and FanChuan's comments and computes their features. */
export function readSarcasmData(dataDir: string): SarcasmData {
  const rows = readIsarcasm(dataDir);
  const texts = rows.map((r) => analyzeText(r.text));
  const bags = texts.map((t) => sarcasmFeatures(t, DEFAULT_LEXICON));
  const rephrases = rows.map((r) => (r.sarcastic && r.rephrase.trim() !== '' ? sarcasmBag(r.rephrase) : null));
  const register = [
    ...readNewsMtsc(dataDir).map((r) => ({ bag: sarcasmBag(r.text), weight: NEWS_WEIGHT, text: r.text })),
    ...readVaderSet(dataDir, 'tweets_GroundTruth.txt').flatMap((r) => (r.mean > 0.5 ? [{ bag: sarcasmBag(r.text), weight: SINCERE_WEIGHT, text: r.text }] : [])),
  ];
  const parody = readParodyComments(dataDir);
  const commentTexts = parody.map((c) => analyzeText(c.text));
  const comments = parody.map((c, i) => ({ bag: sarcasmFeatures(commentTexts[i]!, DEFAULT_LEXICON), sarcastic: c.sarcastic, rephrase: null }));
  return { rows, texts, bags, rephrases, register, comments, commentTexts };
}

/**
 * The examples of the shipped ranker's fit: every tweet (with its rephrase) and every comment, those whose text
 * `dropped` says false (train-sarcasm.ts: all of them; a cross-fit fold: all but its rows).
 */
export function sarcasmExamples(data: SarcasmData, dropped: (text: string) => boolean = () => false): SarcasmExample[] {
  const tweets = data.rows.flatMap((r, i) => (dropped(r.text) || (data.rephrases[i] !== null && dropped(r.rephrase)) ? [] : [{ bag: data.bags[i]!, sarcastic: r.sarcastic, rephrase: data.rephrases[i] ?? null }]));
  return [...tweets, ...data.comments.filter((_, i) => !dropped(data.commentTexts[i]!.text))];
}

/** The texts every fit of the shipped ranker reads: tweets, their rephrases, register rows and comments (for cross-fitting). */
export function sarcasmTexts(data: SarcasmData): string[] {
  return [
    ...data.rows.map((r) => r.text),
    ...data.rows.flatMap((r, i) => (data.rephrases[i] !== null ? [r.rephrase] : [])),
    ...data.register.map((r) => r.text ?? ''),
    ...data.commentTexts.map((t) => t.text),
  ];
}

/**
 * The shipped ranker's recipe on every row whose text `dropped` says false, with the given `thresholds` (a
 * cross-fit fold keeps the shipped flip threshold: it was chosen on the tweets' out-of-fold readings, never on the
 * rows a fold leaves out). `dropped` takes a text as read (cross-fit.ts compares them by rowKey).
 */
export function fitSarcasmWithout(data: SarcasmData, dropped: (text: string) => boolean, thresholds: Record<string, number>): LinearModel {
  return fitSarcasm(sarcasmExamples(data, dropped), { register: data.register.filter((r) => r.text === undefined || !dropped(r.text)), thresholds });
}

/** Out-of-fold predictions of the shipped decision. */
export interface SarcasmPredictions {
  rows: SarcasmRow[];
  /** Out-of-fold probability of the ranker alone. */
  ranker: number[];
  /** Out-of-fold probability of the decision model at iSarcasmEval's prior. */
  probability: number[];
  /** Out-of-fold decision of detectSarcasm with the fold's models, at iSarcasmEval's prior (the training folds' share). */
  level: SarcasmLevel[];
  /** The same at the comment register's prior (the shipped default). */
  commentLevel: SarcasmLevel[];
  /** A plain bag-of-words logistic baseline's out-of-fold probability (word features only, tweets only). */
  baseline: number[];
  /** The baseline's decision at its own break-even threshold (chosen as the detector's). */
  baselinePredicted: boolean[];
  /** Each held-out sarcastic tweet's literal rephrase, read by the same fold's models at iSarcasmEval's prior (null without one). */
  rephrase: Array<{ ranker: number; probability: number; level: SarcasmLevel } | null>;
  /** The ranker's cut from the training folds (break-even of inner out-of-fold probabilities), per row's fold. */
  rankerCut: number[];
}

/** The ranker's signals for one text under a fold's model. */
function signalsFor(text: TextAnalysis, model: LinearModel): SarcasmSignals {
  return sarcasmSignals(text, DEFAULT_LEXICON, model);
}

/**
 * Stratified k-fold on iSarcasmEval train. In each fold, the flip threshold and the decision model (with its cut)
 * come from an inner k-fold split of the training rows, and the held-out tweets go through detectSarcasm, the shipped
 * decision, at the training folds' share of sarcastic tweets and at the comment prior. The training folds' rephrases
 * and all register rows are fit on; the held-out fold's rephrases are not used.
 */
export function sarcasmCrossValidated(data: SarcasmData, k = 5): SarcasmPredictions {
  const { rows, texts, bags, rephrases, register, comments } = data;
  const gold = rows.map((r) => r.sarcastic);
  const fold = stratifiedFolds(rows.map((r) => (r.sarcastic ? 's' : 'n')), k);
  const ranker = new Array<number>(rows.length).fill(0);
  const probability = new Array<number>(rows.length).fill(0);
  const level = new Array<SarcasmLevel>(rows.length).fill('none');
  const commentLevel = new Array<SarcasmLevel>(rows.length).fill('none');
  const baseline = new Array<number>(rows.length).fill(0);
  const baselinePredicted = new Array<boolean>(rows.length).fill(false);
  const rankerCut = new Array<number>(rows.length).fill(0);
  const rephrase = new Array<{ ranker: number; probability: number; level: SarcasmLevel } | null>(rows.length).fill(null);
  const words = bags.map(wordsOnly);
  // Every fit sees all the comments (they are measured apart, by sarcasmCommentsCrossValidated).
  const examples = (idx: readonly number[]): SarcasmExample[] => [...idx.map((i) => ({ bag: bags[i]!, sarcastic: gold[i]!, rephrase: rephrases[i] ?? null })), ...comments];
  const baselineFit = (idx: readonly number[]): LinearModel => fitSarcasm(idx.map((i) => ({ bag: words[i]!, sarcastic: gold[i]!, rephrase: null })), { plain: true });
  for (let f = 0; f < k; f++) {
    const trainIdx = rows.flatMap((_, i) => (fold[i] === f ? [] : [i]));
    // Inner k-fold too, as train-sarcasm.ts does: thresholds and a decision model fit on the fold's own
    // in-sample probabilities would trust the ranker far more than held-out text lets it.
    const inner = stratifiedFolds(trainIdx.map((i) => (gold[i] ? 's' : 'n')), k, 11);
    const innerS: SarcasmSignals[] = [];
    const innerB: number[] = [];
    const innerY: boolean[] = [];
    for (let g = 0; g < k; g++) {
      const tr = trainIdx.filter((_, j) => inner[j] !== g);
      const m = fitSarcasm(examples(tr), { register });
      const b = baselineFit(tr);
      trainIdx.forEach((i, j) => {
        if (inner[j] !== g) return;
        innerS.push(signalsFor(texts[i]!, m));
        innerB.push(predict(b, pairs(words[i]!))[0]!);
        innerY.push(gold[i]!);
      });
    }
    const innerP = innerS.map((x) => x.ranker);
    const model = fitSarcasm(examples(trainIdx), { register, thresholds: sarcasmThresholds(innerP, innerY, innerS.map(hasFormCue)) });
    const decision = fitDecision(innerS, innerY);
    const tweets = { decision, prior: decision.thresholds!.prior! };
    const comments = { decision };
    const cutR = breakEvenThreshold(innerP, innerY);
    const base = baselineFit(trainIdx);
    const baseTh = breakEvenThreshold(innerB, innerY);
    rows.forEach((_, i) => {
      if (fold[i] !== f) return;
      const s = signalsFor(texts[i]!, model);
      ranker[i] = s.ranker;
      rankerCut[i] = cutR;
      probability[i] = predict(decision, decisionFeatures(s))[0]!;
      level[i] = detectSarcasm(texts[i]!, DEFAULT_LEXICON, model, undefined, tweets).level;
      commentLevel[i] = detectSarcasm(texts[i]!, DEFAULT_LEXICON, model, undefined, comments).level;
      baseline[i] = predict(base, pairs(words[i]!))[0]!;
      baselinePredicted[i] = baseline[i]! >= baseTh;
      // The literal twin, said straight by the same author about the same thing: the decision should stay quiet.
      const literal = rows[i]!.rephrase.trim();
      if (rows[i]!.sarcastic && literal !== '') {
        const lt = analyzeText(literal);
        const ls = signalsFor(lt, model);
        rephrase[i] = { ranker: ls.ranker, probability: predict(decision, decisionFeatures(ls))[0]!, level: detectSarcasm(lt, DEFAULT_LEXICON, model, undefined, tweets).level };
      }
    });
  }
  return { rows, ranker, probability, level, commentLevel, baseline, baselinePredicted, rephrase, rankerCut };
}

/**
 * Stratified k-fold over the comments: each fold's comments are read by a ranker fit on every tweet (with the
 * rephrases and register rows) and the other folds' comments, with `thresholds` (the shipped flip) and the shipped
 * `decision`, through detectSarcasm at the comment prior. `withComments: false` fits the tweets alone (the ranker before
 * the comments were added), for comparison on the same folds.
 */
export function sarcasmCommentsCrossValidated(
  data: SarcasmData,
  thresholds: Record<string, number>,
  decision: LinearModel,
  k = 5,
  withComments = true,
): { gold: boolean[]; ranker: number[]; level: SarcasmLevel[] } {
  const { rows, bags, rephrases, register, comments, commentTexts } = data;
  const tweets = rows.map((r, i) => ({ bag: bags[i]!, sarcastic: r.sarcastic, rephrase: rephrases[i] ?? null }));
  const gold = comments.map((c) => c.sarcastic);
  const fold = stratifiedFolds(gold.map((x) => (x ? 's' : 'n')), k);
  const ranker = new Array<number>(comments.length).fill(0);
  const level = new Array<SarcasmLevel>(comments.length).fill('none');
  for (let f = 0; f < k; f++) {
    const train = withComments ? [...tweets, ...comments.filter((_, i) => fold[i] !== f)] : tweets;
    const model = fitSarcasm(train, { register, thresholds });
    comments.forEach((_, i) => {
      if (fold[i] !== f) return;
      const r = detectSarcasm(commentTexts[i]!, DEFAULT_LEXICON, model, undefined, { decision });
      ranker[i] = r.probability;
      level[i] = r.level;
    });
    if (!withComments) {
      comments.forEach((_, i) => {
        const r = detectSarcasm(commentTexts[i]!, DEFAULT_LEXICON, model, undefined, { decision });
        ranker[i] = r.probability;
        level[i] = r.level;
      });
      break;
    }
  }
  return { gold, ranker, level };
}

function wordsOnly(bag: FeatureBag): FeatureBag {
  const keep = bag.names.flatMap((n, k) => (n.startsWith('w:') ? [k] : []));
  return { names: keep.map((k) => bag.names[k]!), values: keep.map((k) => bag.values[k]!), spans: keep.map((k) => bag.spans[k]!) };
}

function pairs(bag: FeatureBag): Array<[string, number]> {
  return bag.names.map((n, k) => [n, bag.values[k]!]);
}
