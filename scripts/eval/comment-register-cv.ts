/**
 * How the comment-register model's settings (`REGISTER_SETTINGS`, scripts/train/lib/comment-register-fit.ts) were
 * chosen: for each setting of a small grid (L2, FanChuan's share of the weight, class balance), macro-F1 on the
 * project's comment corpus by leaving one topic out and on FanChuan's Reddit comments by 5 folds. The setting with
 * the best corpus figure wins among those whose FanChuan figure keeps issue 15's margin there (VADER's and wink's
 * macro-F1 on the same comments + 0.03 = 0.441, docs/evaluation.md): the corpus's gold is the writer's own feeling,
 * what the threads are graded for; FanChuan's is support for one politician, a narrower reading, so it bounds the
 * choice rather than making it.
 * The corpus's held-out file and the eval threads are not read. Beside it, the general reading (the shipped
 * sentiment labels, `scoreSentiment`) on the corpus rows. Runs on its own (not a section of scripts/eval.ts):
 * tsx scripts/eval/comment-register-cv.ts [dataDir]
 * Since session 23 the corpus is both writers' fitting files (20 topics), and a second stage tries the sparse word
 * layer (`RegisterSettings.words`) on the best dense setting (TL_REGISTER_DENSE_ONLY=1 skips it).
 * Since session 25 a third stage tries the blind threads 01-22 (fixtures/blind-threads, development data) as a fourth
 * source at weights 0, 0.5, 1 and 2 of the corpus's, with and without their words in the vocabulary, read by leaving
 * one blind round out (four writers' rounds, `blindRoundsLeftOut`) beside the corpus's topic-left-out figure and
 * FanChuan's; the rule is fixed below before any figure was seen. TL_REGISTER_BLIND_ONLY=1 runs only that stage, from
 * TL_REGISTER_BASE or the shipped settings without the blind posts. The eval threads are never read.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blindRoundsLeftOut, readBlindRows, readRegisterRows, registerCrossValidated, REGISTER_LABELS, REGISTER_SETTINGS, type RegisterSettings } from '../train/lib/comment-register-fit.js';
import { scoreSentiment } from '../../src/classify/sentiment/index.js';
import { macroF1 } from './lib/metrics.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.argv[2] ?? process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');

const rows = readRegisterRows(dataDir);
const corpus = rows.filter((r) => r.source === 'corpus');
const general = (t: string): string => {
  const l = scoreSentiment(t).label;
  return l === 'mixed' ? 'neutral' : l;
};
console.log(`general reading (shipped labels): corpus fitting file ${macroF1(corpus.map((r) => r.gold), corpus.map((r) => general(r.text)), REGISTER_LABELS).toFixed(4)}`);
// VADER (±0.05) 0.4103 and wink (sign) 0.4108 on FanChuan's comments (scripts/eval.ts 10), + 0.03.
const FANCHUAN_MARGIN = 0.441;
let best: { s: RegisterSettings; corpus: number } = { s: REGISTER_SETTINGS, corpus: -1 };
// TL_REGISTER_BASE='{"l2":...}' skips the dense grid and starts the word stage from that setting (its figure recomputed).
const base = process.env.TL_REGISTER_BASE ? (JSON.parse(process.env.TL_REGISTER_BASE) as RegisterSettings) : undefined;
const blindOnly = process.env.TL_REGISTER_BLIND_ONLY !== undefined;
if (base && !blindOnly) {
  const r = registerCrossValidated(rows, base);
  best = { s: base, corpus: r.fanchuan >= FANCHUAN_MARGIN ? r.corpus : -1 };
  console.log(`base ${JSON.stringify(base)}: corpus (topic out) ${r.corpus.toFixed(4)}, FanChuan (5-fold) ${r.fanchuan.toFixed(4)}, mean ${r.mean.toFixed(4)}`);
}
for (const balance of base || blindOnly ? [] : [0, 0.5, 1]) {
  for (const l2 of [3e-4, 1e-3]) {
    for (const fanchuan of [0, 0.25, 0.5, 1]) {
      const s = { l2, fanchuan, balance };
      const r = registerCrossValidated(rows, s);
      if (r.fanchuan >= FANCHUAN_MARGIN && r.corpus > best.corpus) best = { s, corpus: r.corpus };
      console.log(`balance ${balance} L2 ${l2.toExponential(0)} FanChuan ${fanchuan}: corpus (topic out) ${r.corpus.toFixed(4)}, FanChuan (5-fold) ${r.fanchuan.toFixed(4)}, mean ${r.mean.toFixed(4)}`);
    }
  }
}
console.log(`best dense ${JSON.stringify(best.s)} (corpus ${best.corpus.toFixed(4)}, FanChuan >= ${FANCHUAN_MARGIN})`);
// Session 23: the sparse word layer (content words and word pairs in >= minDocs comments on >= 2 topics of the
// fold's fit rows, their own L2) on the best dense setting; it wins only by the same rule.
const dense = best.s;
if (process.env.TL_REGISTER_DENSE_ONLY === undefined && !blindOnly) {
  for (const minDocs of [5, 10]) {
    for (const wl2 of [3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2]) {
      const s: RegisterSettings = { ...dense, words: { l2: wl2, minDocs } };
      const r = registerCrossValidated(rows, s);
      if (r.fanchuan >= FANCHUAN_MARGIN && r.corpus > best.corpus) best = { s, corpus: r.corpus };
      console.log(`+ words (>= ${minDocs} comments, L2 ${wl2.toExponential(0)}): corpus (topic out) ${r.corpus.toFixed(4)}, FanChuan (5-fold) ${r.fanchuan.toFixed(4)}, mean ${r.mean.toFixed(4)}`);
    }
  }
}
if (!blindOnly) console.log(`best ${JSON.stringify(best.s)} (corpus ${best.corpus.toFixed(4)}, FanChuan >= ${FANCHUAN_MARGIN}); shipped ${JSON.stringify(REGISTER_SETTINGS)}`);

// Session 25: the blind threads 01-22 as a fourth source, on the setting chosen so far (or TL_REGISTER_BASE, or the
// shipped settings without the blind posts). The rule, fixed before any figure: among the settings that keep
// FanChuan's margin and whose corpus figure (topic left out) is within 0.01 of the same setting without the blind
// posts, the best mean of the corpus figure and the blind rounds' mean (each round left out in turn).
const withBlind = [...rows, ...readBlindRows(resolve(root, 'fixtures', 'blind-threads'))];
const from: RegisterSettings = { ...(blindOnly ? (base ?? REGISTER_SETTINGS) : best.s), blind: 0, blindWords: false };
const show = (s: RegisterSettings): { corpus: number; fanchuan: number; blind: number; score: number } => {
  const r = registerCrossValidated(withBlind, s);
  const b = blindRoundsLeftOut(withBlind, s);
  const rounds = Object.entries(b.rounds).map(([k, v]) => `${k} ${v.toFixed(4)}`).join(', ');
  console.log(`blind ${s.blind ?? 0}${s.blindWords ? ' + words' : ''} ${JSON.stringify(s)}: corpus (topic out) ${r.corpus.toFixed(4)}, FanChuan (5-fold) ${r.fanchuan.toFixed(4)}, blind rounds left out ${rounds} (mean ${b.mean.toFixed(4)}, pooled ${b.pooled.toFixed(4)})`);
  return { corpus: r.corpus, fanchuan: r.fanchuan, blind: b.mean, score: (r.corpus + b.mean) / 2 };
};
// TL_REGISTER_BLIND_FROM='{"blind":1,"blindWords":true}' skips the weight grid and runs only the second stage from it.
const stage2From = process.env.TL_REGISTER_BLIND_FROM ? (JSON.parse(process.env.TL_REGISTER_BLIND_FROM) as RegisterSettings) : undefined;
const zero = show(from);
if (process.env.TL_REGISTER_NO_FLIP !== undefined) {
  // Diagnostic: the same setting read without the sarcasm flip (as the chooser read rows until session 24).
  const r = registerCrossValidated(withBlind.map((x) => ({ ...x, flip: false })), from);
  console.log(`  without the flip: corpus (topic out) ${r.corpus.toFixed(4)}, FanChuan (5-fold) ${r.fanchuan.toFixed(4)}`);
}
let pick = { s: from, score: zero.fanchuan >= FANCHUAN_MARGIN ? zero.score : -1 };
let top = { s: from, score: -1 };
// TL_REGISTER_COPIES_ONLY=1 runs only the third stage (source copies).
const copiesOnly = process.env.TL_REGISTER_COPIES_ONLY !== undefined;
for (const blindWords of stage2From || copiesOnly ? [] : [false, true]) {
  for (const w of [0.5, 1, 2]) {
    const s: RegisterSettings = { ...from, blind: w, blindWords };
    const r = show(s);
    if (r.fanchuan >= FANCHUAN_MARGIN && r.corpus >= zero.corpus - 0.01 && r.score > pick.score) pick = { s, score: r.score };
    if (r.fanchuan >= FANCHUAN_MARGIN && r.score > top.score) top = { s, score: r.score };
  }
}
console.log(`blind stage: best ${JSON.stringify(pick.s)} (mean of corpus and blind rounds ${pick.score.toFixed(4)}); shipped ${JSON.stringify(REGISTER_SETTINGS)}`);
// Second stage (added after the first stage's figures: no weight kept the corpus within 0.01, session 25): from the
// weight with the best mean that keeps FanChuan's margin, the L2s and class balance again, more data may want
// weaker or stronger ones. Same rule, the corpus guard against the setting without the blind posts.
if (stage2From) top = { s: { ...from, ...stage2From }, score: -1 };
if ((top.score > -1 || stage2From) && !copiesOnly) {
  for (const balance of [0, 0.5]) {
    for (const l2 of [3e-4, 1e-3]) {
      for (const wl2 of [1e-4, 3e-4, 1e-3]) {
        const s: RegisterSettings = { ...top.s, l2, balance, words: { l2: wl2, minDocs: top.s.words?.minDocs ?? 5 } };
        const r = show(s);
        if (r.fanchuan >= FANCHUAN_MARGIN && r.corpus >= zero.corpus - 0.01 && r.score > pick.score) pick = { s, score: r.score };
      }
    }
  }
  console.log(`second blind stage: best ${JSON.stringify(pick.s)} (mean of corpus and blind rounds ${pick.score.toFixed(4)})`);
}
// Third stage (session 25, step 3 of its brief: one representation change, after no weight kept the corpus within
// 0.01): source copies (RegisterSettings.copies) at each weight, with the blind words; same rule.
for (const w of [0.5, 1, 2]) {
  const s: RegisterSettings = { ...from, blind: w, blindWords: true, copies: true };
  const r = show(s);
  if (r.fanchuan >= FANCHUAN_MARGIN && r.corpus >= zero.corpus - 0.01 && r.score > pick.score) pick = { s, score: r.score };
}
console.log(`with source copies: best ${JSON.stringify(pick.s)} (mean of corpus and blind rounds ${pick.score.toFixed(4)})`);
