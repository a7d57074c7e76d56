/**
 * `npm run train` (with train-toxicity.ts): fits the sentiment model on every row of the VADER sets (MIT) and
 * the UCI labelled sentences (CC BY 4.0) in ../shared/data and writes src/classify/sentiment/model.json.
 * Deterministic: the same data gives a byte-identical file. Only weights and thresholds are written, no rows.
 * Usage: tsx scripts/train/train-sentiment.ts [dataDir]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSentimentRows, SENTIMENT_SETS } from '../eval/lib/sentiment-data.js';
import { sentimentFeatures, trainSentimentModel } from '../../src/classify/sentiment/train.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const rows = readSentimentRows(dataDir);
const model = trainSentimentModel(rows.map((r) => ({ bag: sentimentFeatures(r.text), valence: r.valence, weight: r.weight, gold: r.gold })));
const counts = SENTIMENT_SETS.map((s) => `${s.name} ${rows.filter((r) => r.dataset === s.name).length}`);
const out = {
  $comment:
    'threadlens sentiment model: linear regression toward valence (mean rating / 4; "weights") and one toward its strength (|valence|; "intensity", VADER rows only) over lexicon aggregates (#... from AFINN, #r... from the VADER-rated lexicon; #s... link, @-reply and question cues, strength model only) and word features (lemma, not_lemma, "a b" bigrams, emoji); score = sign(v) * sqrt(|v| * a). Regenerate with `npm run train`. Fit on the VADER ground-truth sets (Hutto & Gilbert 2014, MIT; tweets weigh three sets) and the UCI Sentiment Labelled Sentences (Kotzias et al. 2015, CC BY 4.0); weights only, no rows.',
  trainedOn: counts,
  ...model,
};
const file = join(root, 'src', 'classify', 'sentiment', 'model.json');
writeFileSync(file, `${JSON.stringify(out)}\n`);
console.log(`sentiment model: ${Object.keys(model.weights).length} weights, thresholds ${JSON.stringify(model.thresholds)} -> ${file}`);
