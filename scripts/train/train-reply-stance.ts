/**
 * `npm run train`: fits the reply-stance model (src/classify/acts/reply-stance.model.json: support, deny, query,
 * comment toward the parent) on the RumourEval 2017 train split (PHEME, CC BY 4.0; credited in NOTICE). The dev
 * split stays out for the evaluation; rows of the test split are skipped. Run train-sentiment first (a feature is
 * the sentiment score). Deterministic. Usage: tsx scripts/train/train-reply-stance.ts [dataDir]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeModel } from './lib/fit-model.js';
import { fitReplyStance, readReplies, replyFitRows } from './lib/reply-stance-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const rows = readReplies(dataDir, ['train']);
const model = fitReplyStance(replyFitRows(rows), [`RumourEval 2017 train replies (PHEME, CC BY 4.0): ${rows.length}`], 'Softmax over the cue rules\' verdict, the reply\'s own words, its acts, question mark, sentiment and overlap with the parent; rare labels weighted up (power 0.75 of full balancing). Figures: docs/stance.md.');
const file = join(root, 'src', 'classify', 'acts', 'reply-stance.model.json');
writeModel(file, model);
console.log(`reply-stance model: ${Object.keys(model.weights).length} weights -> ${file}`);
