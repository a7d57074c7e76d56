/**
 * The comment register read once on the sets that choose nothing (session 23): the corpus held-out files
 * (heldout.jsonl, heldout-2.jsonl, since session 24 heldout-3.jsonl: other topics, never fit on; since session 40 they
 * join the corpus term of the offset choice, so they are no longer an unchosen check of the offsets), the blind
 * threads 01-22 by round (development data; 01-10 until session 23, 01-16 until session 24)
 * and the eval threads (measured only), posts cut as scripts/eval.ts 10 cuts them, labels read as the thread
 * pipeline reads them (`inCommentRegister`). Compares the shipped model with one fit in-process on given corpus files
 * and settings, so a candidate is read without writing a model file. Prints macro-F1 and the confusion rows (gold
 * negative / neutral / positive read as negative / neutral / positive).
 * Usage: tsx scripts/eval/comment-register-read.ts [dataDir]; TL_REGISTER_FILES=comments.jsonl,comments-2.jsonl,comments-3.jsonl,
 * TL_REGISTER_SETTINGS='{"l2":0.001,"fanchuan":0.25,"balance":0.5}' choose the candidate (default: the fitting files, REGISTER_CORPUS_FILES, the shipped settings).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BLIND_ROUNDS, blindRound, fitRegister, readBlindRows, readRegisterRows, REGISTER_CORPUS_FILES, REGISTER_LABELS, REGISTER_SETTINGS, type RegisterSettings } from '../train/lib/comment-register-fit.js';
import { analyzeSentiment } from '../../src/classify/sentiment/analyze.js';
import { extendLexicon } from '../../src/classify/sentiment/lexicon.js';
import { COMMENT_REGISTER_MODEL, inCommentRegister } from '../../src/classify/sentiment/register.js';
import { SENTIMENT_MODEL } from '../../src/classify/sentiment/model.js';
import { analyzeText } from '../../src/text/analysis.js';
import type { LinearModel } from '../../src/learn/model.js';
import { readCommentSentiment, type Polarity3 } from './lib/sentiment-data.js';
import { pipelineThreadPosts } from './lib/sentiment-data.js';
import { macroF1 } from './lib/metrics.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const files = process.env.TL_REGISTER_FILES?.split(',') ?? [...REGISTER_CORPUS_FILES];
const settings: RegisterSettings = process.env.TL_REGISTER_SETTINGS ? (JSON.parse(process.env.TL_REGISTER_SETTINGS) as RegisterSettings) : REGISTER_SETTINGS;

const blind = join(root, 'fixtures', 'blind-threads');
const candidate = fitRegister([...readRegisterRows(dataDir, SENTIMENT_MODEL, files), ...((settings.blind ?? 0) > 0 ? readBlindRows(blind) : [])], settings);

function label(text: string, model: LinearModel): Polarity3 {
  const l = inCommentRegister(analyzeSentiment(analyzeText(text), extendLexicon(undefined), SENTIMENT_MODEL, undefined), model).label;
  return l === 'mixed' ? 'neutral' : l;
}

function report(name: string, rows: Array<{ text: string; gold: Polarity3 }>): void {
  for (const [system, model] of [['shipped', COMMENT_REGISTER_MODEL], ['candidate', candidate]] as const) {
    const pred = rows.map((r) => label(r.text, model));
    const conf = REGISTER_LABELS.map((g) => REGISTER_LABELS.map((p) => rows.filter((r, i) => r.gold === g && pred[i] === p).length).join('/'));
    console.log(`${name} (${rows.length}) ${system}: ${macroF1(rows.map((r) => r.gold), pred, REGISTER_LABELS).toFixed(3)} (neg ${conf[0]}, neu ${conf[1]}, pos ${conf[2]})`);
  }
}

console.log(`candidate: ${files.join(' + ')}, ${JSON.stringify(settings)}`);
report('held-out file 1', readCommentSentiment('heldout.jsonl'));
report('held-out file 2', readCommentSentiment('heldout-2.jsonl'));
report('held-out file 3', readCommentSentiment('heldout-3.jsonl'));
// Blind threads by development round (scripts/train/lib/blind-rounds.ts; the held-out round is never read). A
// candidate fit on the blind posts reads its own training posts here: its figures are no evidence (the left-out
// rounds are comment-register-cv.ts's).
const dev = pipelineThreadPosts(blind, (f) => blindRound(f) !== undefined);
for (const { round } of BLIND_ROUNDS) report(`blind ${round} posts`, dev.filter((p) => blindRound(p.file) === round));
const threads = resolve(dataDir, '..', 'eval-threads');
if (existsSync(threads)) report('eval threads posts', pipelineThreadPosts(threads));
