/**
 * `npm run train` (with the other train-*.ts): fits the sentiment model on every domain in ../shared/data (the
 * VADER sets, MIT; the UCI labelled sentences, CC BY 4.0; NewsMTSC news sentences, MIT; FanChuan's Reddit comments,
 * MIT, at a quarter of a set's weight), and writes
 * src/classify/sentiment/sentiment.model.json in the one model format (the sarcasm detector: train-sarcasm.ts).
 * Deterministic: the same data gives byte-identical files. Only weights and thresholds are written.
 * Usage: tsx scripts/train/train-sentiment.ts [dataDir]
 */
import { join, resolve } from 'node:path';
import { readSentimentRows, SENTIMENT_SETS } from '../eval/lib/sentiment-data.js';
import { writeModel } from './lib/fit-model.js';
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
      "FanChuan Reddit comments, polarity = support for the thread's subject, a quarter of a set's weight (MIT)",
    ],
    notes: `Outputs: valence (toward mean rating / 4) and strength (toward |valence|, rows with 3-class gold); score = sign(v) * sqrt(|v| * strength). Every domain weighs the same (UCI half, FanChuan a quarter; the thresholds' objective counts each domain by that weight); word features are fit with a copy private to each domain and only the shared copies ship. ${counts.join('; ')}. Leave-one-domain-out figures: docs/sentiment.md.`,
  },
);
writeModel(join(dir, 'sentiment.model.json'), sentiment);
console.log(`sentiment model: ${Object.keys(sentiment.weights).length} features, thresholds ${JSON.stringify(sentiment.thresholds)}`);
