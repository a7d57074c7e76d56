/**
 * Fits the toxicity model (scripts/train/train-toxicity.ts writes toxicity-model.json; the eval fits it per
 * cross-validation fold): L2-regularised logistic regression toward a graded target, pruned to the strongest
 * word features.
 */
import { fitLinear, frequentNames, storedWeights, topFeatures, type TrainRow } from '../sentiment/linear.js';
import { isDenseFeature as isDense, loadToxicityModel, toxicityLogit, type ToxicityBag, type ToxicityModelData } from './toxicity-model.js';

/** One training example: features (see `toxicityFeatures`) and how toxic people judged the text. */
export interface ToxicityExample {
  bag: ToxicityBag;
  toxic: boolean;
  /**
   * Graded target 0..1 (how toxic people found it), used instead of `toxic` when given: raters' mild
   * judgements carry information a yes/no label throws away. See `gradedTarget`.
   */
  target?: number;
  /** The text, when known: names found in it are kept out of the word features. */
  text?: string;
}

/**
 * The graded target for a mean crowd toxicity level on C3's 1..4 scale: 0 at 1 (nobody found it toxic),
 * rising linearly to 1 at 1.8, just below the "toxic" line of 2. A comment half the raters found mildly toxic
 * (1.4) counts as half a toxic example instead of a clean one.
 */
export function gradedTarget(level: number): number {
  return Math.max(0, Math.min(1, (level - 1) / 0.8));
}

/** Options for {@link trainToxicityModel}. */
export interface TrainToxicityOptions {
  /** Word features kept after pruning by |weight|. Default 8000. */
  maxFeatures?: number;
  /** A word feature must occur in this many rows to be considered. Default 5. */
  minRows?: number;
  /** L2 penalty on word features. Default 1e-4. */
  l2?: number;
  /** Full-batch steps per fit. Default 300. */
  iterations?: number;
}

/**
 * Lower-cased words written with a capital inside sentences in most of their uses (at least 3): names of
 * people, parties and papers ("Harper", "Liberal", "Globe"). They say what a comment is about, not how it
 * speaks, so a toxicity model must not learn them: on news comments they stand for the topic of the day.
 */
export function nameWords(texts: readonly string[]): Set<string> {
  const capital = new Map<string, number>();
  const total = new Map<string, number>();
  for (const text of texts) {
    let sentenceStart = true;
    let word = '';
    let wordStart = true;
    const flush = (): void => {
      if (word.length > 1) {
        const lower = word.toLowerCase();
        total.set(lower, (total.get(lower) ?? 0) + 1);
        if (!wordStart && word[0] !== lower[0] && word !== word.toUpperCase()) capital.set(lower, (capital.get(lower) ?? 0) + 1);
      }
      word = '';
    };
    for (const ch of text) {
      if (ch.toLowerCase() !== ch.toUpperCase() || ch === "'") {
        if (word === '') wordStart = sentenceStart;
        word += ch;
        sentenceStart = false;
      } else {
        flush();
        if (ch === '.' || ch === '!' || ch === '?' || ch === '\n' || ch === '"') sentenceStart = true;
      }
    }
    flush();
  }
  const out = new Set<string>();
  for (const [w, n] of capital) if (n >= 3 && n / total.get(w)! >= 0.6) out.add(w);
  return out;
}

/** Fits the toxicity model on `examples`. Deterministic. */
export function trainToxicityModel(examples: readonly ToxicityExample[], options: TrainToxicityOptions = {}): ToxicityModelData {
  const l2 = options.l2 ?? 1e-4;
  const iterations = options.iterations ?? 300;
  const learningRate = 0.1;
  const rows: TrainRow[] = examples.map((e) => ({ names: e.bag.names, values: e.bag.values, y: e.target ?? (e.toxic ? 1 : 0) }));
  const penalty = (name: string): number => (isDense(name) ? 1e-4 : l2);
  // Word features naming people, parties or papers are left out (see nameWords), and so are stray
  // letters ("G&M" becomes "g m"): initials of the same names.
  const names = nameWords(examples.flatMap((e) => (e.text === undefined ? [] : [e.text])));
  const isName = (feature: string): boolean => feature.split(/[ _]/).some((w) => names.has(w) || (w.length === 1 && w !== 'a' && w !== 'i'));
  const vocabulary = new Set([...frequentNames(rows, options.minRows ?? 5)].filter((f) => isDense(f) || !isName(f)));
  const first = fitLinear(rows, { loss: 'logistic', l2: penalty, iterations: Math.ceil(iterations * 0.6), learningRate, vocabulary });
  const kept = topFeatures(first, options.maxFeatures ?? 8000, (n) => !isDense(n));
  const fit = fitLinear(rows, { loss: 'logistic', l2: penalty, iterations, learningRate, vocabulary: kept });
  const model: ToxicityModelData = { bias: Math.round(fit.bias * 10000) / 10000, weights: storedWeights(fit.weights) };
  // The graded target leaves the log-odds on no particular scale: map them to the chance that raters put the
  // comment at level 2 or above (Platt scaling on the training rows). Monotone, so the ranking is unchanged.
  const loaded = loadToxicityModel(model);
  const platt = fitLinear(
    examples.map((e) => ({ names: ['z'], values: [toxicityLogit(loaded, e.bag)], y: e.toxic ? 1 : 0 })),
    { loss: 'logistic', l2: () => 0, iterations: 300, learningRate: 0.1 },
  );
  model.calibration = [Math.round((platt.weights.get('z') ?? 1) * 10000) / 10000, Math.round(platt.bias * 10000) / 10000];
  return model;
}
