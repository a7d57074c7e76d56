/**
 * `npm run train` (last step): fits the check-worthiness model on all ClaimBuster dev sentences in
 * ../shared/data (label 1 = check-worthy factual claim) with the recipe in src/classify/claims/fit.ts, and
 * writes src/classify/claims/model.json. ClaimBuster comes from a GPL-3.0 repository: the file holds learned
 * weights and a threshold only (facts, as the data README allows), never rows. Deterministic.
 * Usage: tsx scripts/train/train-claims.ts [dataDir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitClaimModel } from '../../src/classify/claims/fit.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const raw = JSON.parse(readFileSync(join(dataDir, 'claims', 'claimbuster-train.json'), 'utf8')) as Array<{ text?: unknown; label?: unknown }>;
const rows = raw.filter((r) => typeof r.text === 'string').map((r) => ({ text: r.text as string, label: r.label === 1 ? (1 as const) : (0 as const) }));
const model = fitClaimModel(rows);
const out = {
  $comment:
    'threadlens check-worthiness model: logistic regression (trainClaimModel) over the cheap claim features (values, cue-score bucket, past tense, speaker...), words, bigrams, lemmas, number shapes and shape bigrams, a few punctuation marks, capitalised-word and length buckets and the opening words; pruned to the strongest features and refit on those; threshold = the probability with the best F1 under 5-fold CV (scores are re-centred so it reads as 0.5). Regenerate with `npm run train`. Fit on ClaimBuster crowd-labelled debate sentences (from a GPL-3.0 repository); only learned weights and the threshold are stored, no rows, as ../shared/data/README.md allows.',
  trainedOn: [`ClaimBuster dev ${rows.length} sentences, ${rows.filter((r) => r.label === 1).length} check-worthy`],
  ...model,
};
const file = join(root, 'src', 'classify', 'claims', 'model.json');
const json = `${JSON.stringify(out)}\n`;
writeFileSync(file, json);
console.log(`claim model: ${Object.keys(model.weights).length} weights, threshold ${model.threshold}, ${json.length} bytes -> ${file}`);
