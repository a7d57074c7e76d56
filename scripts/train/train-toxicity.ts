/**
 * `npm run train` (with train-sentiment.ts): fits the toxicity model on the C3 comments in ../shared/data
 * (positive = crowd toxicity level >= 2) and writes src/classify/moderation/toxicity-model.json. C3 is
 * CC BY-NC-SA 4.0: the file holds learned weights only (facts), never rows. Run train-sentiment first: the
 * toxicity features include the sentiment model's score. The target is graded (see gradedTarget in train.ts). Deterministic.
 * Usage: tsx scripts/train/train-toxicity.ts [dataDir]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toxicityFeatures } from '../../src/classify/moderation/index.js';
import { gradedTarget, trainToxicityModel } from '../../src/classify/moderation/train.js';
import { readToxicityRows } from './lib/toxicity-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const rows = readToxicityRows(dataDir);
const model = trainToxicityModel(rows.map((r) => ({ bag: toxicityFeatures(r.text), toxic: r.toxic, target: gradedTarget(r.level), text: r.text })));
const out = {
  $comment:
    'threadlens toxicity model: logistic regression over the moderation signals, the sentiment score and AFINN aggregates ($...) and word and word-pair features. Regenerate with `npm run train`. Fit on the Constructive Comments Corpus (C3, SFU Discourse Lab, CC BY-NC-SA 4.0) toward the graded crowd toxicity level (1 -> 0, 1.8 and above -> 1); weights only, no rows.',
  trainedOn: [`C3 ${rows.length} comments, ${rows.filter((r) => r.toxic).length} toxic`],
  ...model,
};
const file = join(root, 'src', 'classify', 'moderation', 'toxicity-model.json');
writeFileSync(file, `${JSON.stringify(out)}\n`);
console.log(`toxicity model: ${Object.keys(model.weights).length} weights -> ${file}`);
