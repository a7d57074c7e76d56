/**
 * `npm run train`: fits the target-conditioned stance model (src/classify/stance/stance.model.json) on the sets
 * whose licence lets weights ship: NewsMTSC train (MIT; sentiment toward a person named in a news sentence, with
 * gold mentions) and the FanChuan Reddit comments (MIT; support for the thread's subject, mostly never named).
 * Run train-sentiment and train-sarcasm first: the features include the sentiment scorer's score and its sarcasm
 * verdict, which each training row reads from models fit without it (cross-fitting, lib/stance-upstream.ts).
 * Deterministic.
 * Usage: tsx scripts/train/train-stance.ts [dataDir]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeModel } from './lib/fit-model.js';
import { fitStance, readFanChuan, readNewsMtsc, stanceFitRows } from './lib/stance-data.js';
import { crossFitStanceUpstream } from './lib/stance-upstream.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const news = readNewsMtsc(dataDir, 'train');
const fan = readFanChuan(dataDir);
const rows = [...news, ...fan];
// The sentiment and sarcasm models are fit on these rows too: each row reads them fit without it (cross-fitting).
const upstream = crossFitStanceUpstream(rows.map((r) => r.text), dataDir, { log: (l) => console.log(l) });
console.log(upstream.summary);
const model = fitStance(stanceFitRows(rows, upstream.scoreOf), [
  `NewsMTSC train, Hamborg & Donnay 2021 (MIT): ${news.length} targets`,
  `FanChuan Reddit comments (MIT): ${fan.length} comments`,
], 'Softmax over target-relative features (src/classify/stance/features.ts): words of the clause naming the target, negated words apart, words next to the mention, clause polarity (AFINN and the sentiment scorer), calls to action; the whole post when the target is never named. Figures: docs/stance.md.');
const file = join(root, 'src', 'classify', 'stance', 'stance.model.json');
writeModel(file, model);
console.log(`stance model: ${Object.keys(model.weights).length} weights -> ${file}`);
