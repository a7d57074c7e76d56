/**
 * `npm run train` (after train-sentiment.ts): fits the sarcasm detector on iSarcasmEval train (SemEval-2022 Task 6,
 * MIT; each sarcastic tweet's literal rephrase as a non-sarcastic row), NewsMTSC train sentences (MIT) and VADER
 * tweets rated positive (MIT), the last two as non-sarcastic rows of low weight, and FanChuan Reddit comments (MIT) with
 * their parody label as rows of their own class, and writes src/classify/sentiment/sarcasm.model.json in the one model format.
 * Its thresholds come from 5-fold out-of-fold probabilities: `sarcastic` the precision-recall break-even point,
 * `flip` the best F0.5 (precision first: a flip turns a sentiment). Then the decision model
 * (sarcasm-decision.model.json): a logistic over the same out-of-fold readings (the ranker's logit and its cues),
 * calibrated to the tweets' share, with its break-even cut and the comment prior (fitDecision). Deterministic: the same
 * data gives byte-identical files.
 * Usage: tsx scripts/train/train-sarcasm.ts [dataDir]
 */
import { join, resolve } from 'node:path';
import { writeModel } from './lib/fit-model.js';
import { stratifiedFolds } from './lib/cv.js';
import { sarcasmSignals, type SarcasmSignals } from '../../src/classify/sentiment/sarcasm.js';
import { DEFAULT_LEXICON } from '../../src/classify/sentiment/lexicon.js';
import { COMMENT_PRIOR, fitDecision, fitSarcasm, hasFormCue, readSarcasmData, sarcasmExamples, NEWS_WEIGHT, SINCERE_WEIGHT, sarcasmThresholds, type SarcasmExample } from './lib/sarcasm-fit.js';

const root = resolve(import.meta.dirname, '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const dir = join(root, 'src', 'classify', 'sentiment');

const data = readSarcasmData(dataDir);
const { rows, texts, bags, rephrases, register, comments } = data;
// Every fit sees the tweets of its rows and all of FanChuan's comments (the out-of-fold readings are the tweets').
const examples = (idx: readonly number[]): SarcasmExample[] => [...idx.map((i) => ({ bag: bags[i]!, sarcastic: rows[i]!.sarcastic, rephrase: rephrases[i] ?? null })), ...comments];
const K = 5;
const fold = stratifiedFolds(rows.map((r) => (r.sarcastic ? 's' : 'n')), K);
const signals = new Array<SarcasmSignals | null>(rows.length).fill(null);
for (let f = 0; f < K; f++) {
  const model = fitSarcasm(examples(rows.flatMap((_, i) => (fold[i] === f ? [] : [i]))), { register });
  rows.forEach((_, i) => {
    if (fold[i] === f) signals[i] = sarcasmSignals(texts[i]!, DEFAULT_LEXICON, model);
  });
}
const oof = signals.map((s) => s!);
const gold = rows.map((r) => r.sarcastic);
const thresholds = sarcasmThresholds(oof.map((s) => s.ranker), gold, oof.map(hasFormCue));
// The full fit's rows come from sarcasmExamples, which the stance training's cross-fitting also fits without some rows.
const sarcasm = fitSarcasm(sarcasmExamples(data), {
  register,
  fitOn: [
    'iSarcasmEval (SemEval-2022 Task 6) English train: author-labelled tweets and their literal rephrases (MIT)',
    'NewsMTSC train sentences as non-sarcastic news register (Hamborg & Donnay 2021, MIT)',
    'VADER ground-truth tweets rated positive, as sincere praise (Hutto & Gilbert 2014, MIT)',
    'FanChuan Reddit comments with their parody label, as sarcastic or not (MIT)',
  ],
  thresholds,
  notes: `${rows.length} tweets (${rows.filter((r) => r.sarcastic).length} sarcastic) plus the literal rephrases as non-sarcastic rows (weight 0.5) and, as non-sarcastic rows, NewsMTSC sentences (weight ${NEWS_WEIGHT}) and VADER tweets rated positive (weight ${SINCERE_WEIGHT}): ${register.length} rows; FanChuan Reddit comments as rows of their own class (${comments.filter((c) => c.sarcastic).length} of ${comments.length} parody). Thresholds from 5-fold out-of-fold probabilities: sarcastic = precision-recall break-even (damps praise), flip = best F0.5 (with a form cue: flips praise).`,
});
writeModel(join(dir, 'sarcasm.model.json'), sarcasm);
console.log(`sarcasm model: ${Object.keys(sarcasm.weights).length} features, thresholds ${JSON.stringify(thresholds)}`);
// The decision model reads the ranker's out-of-fold signals, so it trusts the ranker as much as held-out tweets let it.
const decision = fitDecision(oof, gold, {
  fitOn: ['iSarcasmEval (SemEval-2022 Task 6) English train: 5-fold out-of-fold readings of the sarcasm ranker (MIT)'],
  notes: `Logistic over the ranker's out-of-fold logit and its cues (no cue, felt, formed, praise only, "/s"), ${rows.length} tweets at their own share (not balanced): calibrated to prior ${(gold.filter(Boolean).length / gold.length).toFixed(4)}. sarcastic = precision-recall break-even of the decision as shipped; commentPrior = ${COMMENT_PRIOR} (set by hand, not fit), the prior the shipped detector reads reader comments at.`,
});
writeModel(join(dir, 'sarcasm-decision.model.json'), decision);
console.log(`sarcasm decision: ${JSON.stringify(decision.weights)} bias ${decision.bias} thresholds ${JSON.stringify(decision.thresholds)}`);
