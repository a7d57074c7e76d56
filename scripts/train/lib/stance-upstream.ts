/**
 * The upstream readings of the stance model's training rows, cross-fitted (cross-fit.ts). The stance features read
 * the sentiment scorer's score and its sarcasm detector's verdict (src/classify/stance/features.ts, `Tone`). The
 * sarcasm ranker is fit on FanChuan's comments and on NewsMTSC train sentences, the sentiment model on NewsMTSC train
 * sentences: the stance model's own rows. Read with the shipped models, those rows' tones are in-sample (the ranker
 * knows which FanChuan comments are parody), and the stance fit learns to trust them more than any new text's. So
 * each such row is read by sentiment and sarcasm models fit without it (5 folds over the shared texts, seed 29);
 * other rows, and every text at run time, read the shipped models.
 */
import { analyzeSentiment } from '../../../src/classify/sentiment/analyze.js';
import { DEFAULT_LEXICON } from '../../../src/classify/sentiment/lexicon.js';
import { SENTIMENT_MODEL } from '../../../src/classify/sentiment/model.js';
import { SARCASM_MODEL } from '../../../src/classify/sentiment/sarcasm.js';
import type { Tone } from '../../../src/classify/stance/features.js';
import type { LinearModel } from '../../../src/learn/model.js';
import { analyzeText } from '../../../src/text/analysis.js';
import { readUnweighted, weighSets } from '../../eval/lib/sentiment-data.js';
import { CROSS_FIT_K, CROSS_FIT_SEED, crossFit, rowKey, type Upstream } from './cross-fit.js';
import { fitSarcasmWithout, readSarcasmData, sarcasmTexts } from './sarcasm-fit.js';
import { fitSentiment, sentimentFeatures } from './sentiment-fit.js';

/** Which upstream models to cross-fit (the shipped recipe: both). */
export type StanceUpstream = 'sarcasm' | 'sentiment';

export interface CrossFitOptions {
  upstreams?: readonly StanceUpstream[];
  k?: number;
  seed?: number;
  /** Progress lines (the fits take minutes). */
  log?: (line: string) => void;
}

/** Per training row, the tone reader to use (undefined: the shipped scorer), and a one-line summary. */
export interface StanceUpstreamReadings {
  scoreOf: Array<((text: string) => Tone) | undefined>;
  summary: string;
}

/** The shipped recipe's upstreams. */
export const STANCE_CROSS_FIT: readonly StanceUpstream[] = ['sarcasm', 'sentiment'];

/** A tone reader over the given sentiment and sarcasm models (what toneOf does with the shipped ones). */
export function toneWith(sentiment: LinearModel, sarcasm: LinearModel): (text: string) => Tone {
  return (text: string): Tone => {
    const r = analyzeSentiment(analyzeText(text), DEFAULT_LEXICON, sentiment, undefined, { model: sarcasm }).result;
    return { score: r.score, ironic: r.sarcasm.length > 0, sentences: r.sentences };
  };
}

/**
 * Cross-fitted tone readers for the stance training rows `texts` (one per row). Fits each upstream k times (without
 * one fold of the shared texts each time); minutes of work. Deterministic.
 */
export function crossFitStanceUpstream(texts: readonly string[], dataDir: string, options: CrossFitOptions = {}): StanceUpstreamReadings {
  const use = options.upstreams ?? STANCE_CROSS_FIT;
  const log = options.log ?? (() => {});
  const upstreams: Array<Upstream<LinearModel>> = [];
  if (use.includes('sarcasm')) {
    const data = readSarcasmData(dataDir);
    const thresholds = SARCASM_MODEL.thresholds ?? {};
    upstreams.push({
      name: 'sarcasm',
      keys: sarcasmTexts(data).map(rowKey),
      fitWithout: (dropped) => {
        log('cross-fit: sarcasm fold');
        return fitSarcasmWithout(data, (text) => dropped(rowKey(text)), thresholds);
      },
    });
  }
  if (use.includes('sentiment')) {
    const rows = readUnweighted(dataDir);
    const bags = rows.map((r) => sentimentFeatures(r.text));
    const thresholds = SENTIMENT_MODEL.thresholds as { positive: number; negative: number };
    upstreams.push({
      name: 'sentiment',
      keys: rows.map((r) => rowKey(r.text)),
      fitWithout: (dropped) => {
        log('cross-fit: sentiment fold');
        const keep = rows.flatMap((r, i) => (dropped(rowKey(r.text)) ? [] : [i]));
        // The shipped recipe (train-sentiment.ts) on the rows kept: every set weighs the same in total again.
        const weighed = weighSets(keep.map((i) => rows[i]!));
        return fitSentiment(
          keep.map((i, j) => ({ bag: bags[i]!, valence: rows[i]!.valence, ...(rows[i]!.gold ? { gold: rows[i]!.gold } : {}), weight: weighed[j]!.weight, domain: rows[i]!.dataset })),
          { thresholds },
        );
      },
    });
  }
  const keys = texts.map(rowKey);
  const fit = crossFit(keys, upstreams, options.k ?? CROSS_FIT_K, options.seed ?? CROSS_FIT_SEED);
  const readers = fit.models.map((byUpstream) => {
    const sarcasm = byUpstream[upstreams.findIndex((u) => u.name === 'sarcasm')] ?? SARCASM_MODEL;
    const sentiment = byUpstream[upstreams.findIndex((u) => u.name === 'sentiment')] ?? SENTIMENT_MODEL;
    return toneWith(sentiment, sarcasm);
  });
  return { scoreOf: fit.foldOf.map((f) => (f < 0 ? undefined : readers[f])), summary: `cross-fitted ${use.join(' and ') || 'nothing'}: ${fit.summary}` };
}
