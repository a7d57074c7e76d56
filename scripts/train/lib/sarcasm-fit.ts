/**
 * Fits the sarcasm detector (src/classify/sentiment/sarcasm.model.json): a logistic model on the features of
 * sarcasm.ts, fit on iSarcasmEval train (SemEval-2022 Task 6, MIT). Each sarcastic tweet's literal rephrase by its
 * own author is added as a non-sarcastic row: the pair differs in how it is said, not in its topic, which teaches
 * the cues rather than the subjects.
 */
import type { FeatureBag } from '../../../src/classify/sentiment/features.js';
import { DEFAULT_LEXICON } from '../../../src/classify/sentiment/lexicon.js';
import { sarcasmFeatures } from '../../../src/classify/sentiment/sarcasm.js';
import { analyzeText } from '../../../src/text/analysis.js';
import type { LinearModel } from '../../../src/learn/model.js';
import { fitModel, type FitRow } from './fit-model.js';

/** The src files whose output the sarcasm model's weights expect. */
export const SARCASM_FEATURE_FILES = [
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

const isDense = (n: string): boolean => n.startsWith('#') || n.startsWith('cue:');

/** Fits the detector. Deterministic. */
export function fitSarcasm(examples: readonly SarcasmExample[], extra: { fitOn?: string[]; thresholds?: Record<string, number>; notes?: string } = {}): LinearModel {
  const rows: FitRow[] = [];
  for (const e of examples) {
    rows.push({ features: pairs(e.bag), y: [e.sarcastic ? 1 : 0] });
    if (e.rephrase) rows.push({ features: pairs(e.rephrase), y: [0], weight: REPHRASE_WEIGHT });
  }
  return fitModel(rows, {
    name: 'sarcasm',
    labels: ['sarcastic'],
    link: 'sigmoid',
    fitOn: extra.fitOn ?? ['(cross-validation fold)'],
    featureFiles: SARCASM_FEATURE_FILES,
    l2: (n) => (isDense(n) ? 1e-4 : L2_WORDS),
    iterations: 200,
    learningRate: 0.05,
    minCount: 5,
    decimals: 3,
    balanced: true,
    ...(extra.thresholds ? { thresholds: extra.thresholds } : {}),
    ...(extra.notes ? { notes: extra.notes } : {}),
  });
}

const REPHRASE_WEIGHT = 0.5;
const L2_WORDS = 1e-3;

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

function pairs(bag: FeatureBag): Array<[string, number]> {
  return bag.names.map((n, k) => [n, bag.values[k]!]);
}
