/**
 * `npm run train` (after train-sentiment.ts, whose model it reads): fits the comment-register model
 * (src/classify/sentiment/register.ts) on reader comments, the project's comment corpus (scripts/train/data/
 * comment-sentiment/comments.jsonl, comments-2.jsonl, comments-3.jsonl: three writers, project-written, MIT) and
 * FanChuan's Reddit comments (MIT, read by a sentiment model fit without them), with the settings
 * `REGISTER_SETTINGS` (chosen by scripts/eval/comment-register-cv.ts), with the blind threads' development rounds (fixtures/blind-threads, scripts/train/lib/blind-rounds.ts;
 * project-written, MIT) when the settings give them a weight (session 25), and writes
 * src/classify/sentiment/comment-register.model.json. Deterministic: the same data gives a byte-identical file.
 * Usage: tsx scripts/train/train-comment-register.ts [dataDir]
 */
import { join, resolve } from 'node:path';
import { blindDevSpan, BLIND_DEV_ROUNDS } from './lib/blind-rounds.js';
import { writeModel } from './lib/fit-model.js';
import { chooseRegisterOffsets, fitRegister, OFFSET_SMOOTHING, readBlindRows, readHeldoutRegisterRows, readRegisterRows, registerLogProbabilities, registerOutOfFold, REGISTER_SETTINGS } from './lib/comment-register-fit.js';

const root = resolve(import.meta.dirname, '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');

const blindWeight = REGISTER_SETTINGS.blind ?? 0;
const rows = [...readRegisterRows(dataDir), ...(blindWeight > 0 ? readBlindRows(join(root, 'fixtures', 'blind-threads')) : [])];
const n = (source: string): number => rows.filter((r) => r.source === source).length;
const model = fitRegister(rows, REGISTER_SETTINGS, {
  fitOn: [
    'threadlens comment-sentiment corpus, comments.jsonl (session 17, 11 topics), comments-2.jsonl (session 23, a second writer, 9 other topics) and comments-3.jsonl (session 24, a third writer, 9 other topics) (project-written reader comments, MIT; gold = the writer\'s own feeling)',
    ...(REGISTER_SETTINGS.fanchuan > 0
      ? [`FanChuan Reddit comments, polarity = support for the thread's subject, ${REGISTER_SETTINGS.fanchuan} of the corpus's weight (MIT); read by a sentiment model fit without them`]
      : []),
    ...(blindWeight > 0
      ? [`threadlens blind threads ${blindDevSpan()} (fixtures/blind-threads, ${BLIND_DEV_ROUNDS.length} rounds, one writer each, sessions 21-${20 + BLIND_DEV_ROUNDS.length}; project-written, MIT; gold = the post's sentiment), each gold post's body as the pipeline parses it, ${blindWeight} of the corpus's weight${REGISTER_SETTINGS.blindWords ? ', their words in the vocabulary (each dump a topic)' : ''}`]
      : []),
  ],
  notes: `Softmax over negative / neutral / positive. Features: the sentiment model's valence, strength and score, the text's dense features (lexicon aggregates, clause scopes, register cues) and, with a word layer, the content words and word pairs (w:...) in at least words.minDocs corpus comments on at least two topics. Settings ${JSON.stringify(REGISTER_SETTINGS)} (L2 on the dense weights, words.l2 on the word weights; FanChuan's share of the weight; class reweighting (n / 3 / count) ** balance). ${n('corpus')} corpus comments${REGISTER_SETTINGS.fanchuan > 0 ? `, ${n('fanchuan')} FanChuan comments` : ''}${blindWeight > 0 ? `, ${n('blind')} blind-thread posts` : ''}. The label: the class with the highest log-probability plus its offset (thresholds negativeLogOffset, positiveLogOffset; neutral 0), the offsets chosen on a grid (-1.5..1.5 by 0.05, each cell read as the mean of its neighbours within ${OFFSET_SMOOTHING} steps, session 35) for the mean macro-F1 of the corpus (its fitting files topic left out pooled with its held-out files read by this fit, session 40) and the blind posts (round left out) read out of fold, never on FanChuan's gold (session 33). Cross-validated figures: docs/sentiment.md, sessions 20, 23, 24 and 33.`,
});
// The label's offsets (session 33): chosen on the corpus's and the blind posts' out-of-fold readings, never on FanChuan's gold.
// Since session 40 (reg40) the corpus term pools the fitting files' comments (topic left out) with the held-out files'
// (read by this fit, which never saw them): the fitting files' readings alone were flat where the held-out files were not.
const logp = registerOutOfFold(rows, REGISTER_SETTINGS);
const heldout = readHeldoutRegisterRows();
for (const r of heldout) logp.set(r, registerLogProbabilities(model, r));
const offsets = chooseRegisterOffsets(logp, [...rows.filter((r) => r.source === 'corpus'), ...heldout], rows.filter((r) => r.source === 'blind'));
model.thresholds = { negativeLogOffset: offsets.negative, positiveLogOffset: offsets.positive };
writeModel(join(root, 'src', 'classify', 'sentiment', 'comment-register.model.json'), model);
console.log(`comment register model: ${Object.keys(model.weights).length} features, log offsets negative ${offsets.negative}, positive ${offsets.positive}`);
