/**
 * `npm run train` (with the other train-*.ts): fits the sentiment model on every domain in ../shared/data (the
 * VADER sets, MIT; the UCI labelled sentences, CC BY 4.0; NewsMTSC news sentences, MIT) and the sarcasm detector on
 * iSarcasmEval train (MIT), and writes src/classify/sentiment/sentiment.model.json and sarcasm.model.json in the one
 * model format. Deterministic: the same data gives byte-identical files. Only weights and thresholds are written.
 * The sarcasm threshold is the one that maximises F0.5 (precision first) over 5-fold out-of-fold predictions.
 * Usage: tsx scripts/train/train-sentiment.ts [dataDir]
 */
import { join, resolve } from 'node:path';
import { readIsarcasm, readSentimentRows, SENTIMENT_SETS } from '../eval/lib/sentiment-data.js';
import { writeModel } from './lib/fit-model.js';
import { bestF1Threshold, fitSarcasm, sarcasmBag } from './lib/sarcasm-fit.js';
import { sarcasmCrossValidated } from './lib/sentiment-cv.js';
import { fitSentiment, sentimentFeatures } from './lib/sentiment-fit.js';

const root = resolve(import.meta.dirname, '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const dir = join(root, 'src', 'classify', 'sentiment');

const rows = readSentimentRows(dataDir);
const counts = SENTIMENT_SETS.map((s) => `${s.name}: ${rows.filter((r) => r.dataset === s.name).length} rows`);
const sentiment = fitSentiment(
  rows.map((r) => ({ bag: sentimentFeatures(r.text), valence: r.valence, ...(r.gold ? { gold: r.gold } : {}), weight: r.weight, domain: r.dataset })),
  {
    fitOn: [
      'VADER ground truth: tweets, Amazon and movie review snippets (Hutto & Gilbert 2014, MIT)',
      'UCI Sentiment Labelled Sentences: Amazon, IMDB, Yelp (Kotzias et al. 2015, CC BY 4.0)',
      'NewsMTSC train, sentence polarity from its target polarities (Hamborg & Donnay 2021, MIT)',
    ],
    notes: `Outputs: valence (toward mean rating / 4) and strength (toward |valence|, rows with 3-class gold); score = sign(v) * sqrt(|v| * strength). Every domain weighs the same (UCI half). ${counts.join('; ')}. Leave-one-domain-out figures: docs/sentiment.md.`,
  },
);
writeModel(join(dir, 'sentiment.model.json'), sentiment);
console.log(`sentiment model: ${Object.keys(sentiment.weights).length} features, thresholds ${JSON.stringify(sentiment.thresholds)}`);

const sarcasmRows = readIsarcasm(dataDir);
const cv = sarcasmCrossValidated(dataDir, 5);
const threshold = bestF1Threshold(cv.probability, cv.rows.map((r) => r.sarcastic), 0.5);
const sarcasm = fitSarcasm(
  sarcasmRows.map((r) => ({ bag: sarcasmBag(r.text), sarcastic: r.sarcastic, rephrase: r.sarcastic && r.rephrase.trim() !== '' ? sarcasmBag(r.rephrase) : null })),
  {
    fitOn: ['iSarcasmEval (SemEval-2022 Task 6) English train: author-labelled tweets and their literal rephrases (MIT)'],
    thresholds: { sarcastic: threshold },
    notes: `${sarcasmRows.length} tweets (${sarcasmRows.filter((r) => r.sarcastic).length} sarcastic) plus the literal rephrases as non-sarcastic rows (weight 0.5). Threshold: best F0.5 on 5-fold out-of-fold probabilities (a false alarm flips a sentiment, so precision first).`,
  },
);
writeModel(join(dir, 'sarcasm.model.json'), sarcasm);
console.log(`sarcasm model: ${Object.keys(sarcasm.weights).length} features, threshold ${threshold}`);
