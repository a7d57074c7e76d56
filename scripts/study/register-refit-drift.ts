/**
 * Study (session 40, reg40; measure only): over the refits of sessions 37-40 (blind rounds 01-94, 01-100, 01-106,
 * 01-112) the comment register's held-out corpus file 2 fell 0.725 -> 0.688 while the blind rounds it is fit on rose.
 * Which moves the corpus files: the rows the register is fit on, or the class offsets chosen on them?
 *
 * With today's code, for each cutoff the register is refit in-process on the corpus, FanChuan and the blind rounds as
 * they were at that refit, and read
 *  (a) with the offsets fixed at each old choice (sessions 37-40: 0.35/0.35, 0.25/0.4, 0.25/0.4, 0.2/0.35), so rows and
 *      offsets are crossed;
 *  (b) with the offsets the shipped rule chooses (`chooseRegisterOffsets`, radius 3, on the corpus's topic-left-out and
 *      the blind rounds' round-left-out log-probabilities);
 *  (c) with blind rows at weight 0 (corpus + FanChuan only; one fit for every cutoff), offsets old and by the rule.
 * Read on the corpus's held-out files (heldout.jsonl, heldout-2, heldout-3: never fit or chosen on; labels as the thread
 * pipeline reads them, `inCommentRegister`) and on the blind posts read by a model not fit on them: the cutoff's rounds
 * each by a fit without that round, the later development rounds (up to 107-112) by the cutoff's full fit. Never read:
 * the eval threads, blind 113-118 (not in BLIND_DEV_ROUNDS). The out-of-fold log-probabilities are cached in
 * .cache/reg40 (delete it after a code change). FanChuan's folds are not fit: they choose nothing.
 *
 * With `candidate`, also the registered candidate on the 01-112 rows (the choice's corpus term pooling the held-out
 * files, shipped in session 40) beside main's rule, and section 10's register rows (corpus topic out, FanChuan 5-fold)
 * at both choices. The choice it reproduces as "rule" is the one before session 40 (fitting files only).
 *
 * Run: nice npx tsx scripts/study/register-refit-drift.ts [candidate] (about 5 min the first time, then cached).
 * Docs: docs/sentiment.md, Quality, "session 40, reg40".
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { blindNumber } from '../train/lib/blind-rounds.js';
import { chooseRegisterOffsets, fitRegister, offsetLabel, readBlindRows, readHeldoutRegisterRows, readRegisterRows, REGISTER_LABELS, REGISTER_SETTINGS, registerCrossValidated, registerLogProbabilities, type RegisterOffsets, type RegisterRow, type RegisterSettings } from '../train/lib/comment-register-fit.js';
import { analyzeSentiment } from '../../src/classify/sentiment/analyze.js';
import { extendLexicon } from '../../src/classify/sentiment/lexicon.js';
import { inCommentRegister } from '../../src/classify/sentiment/register.js';
import { SENTIMENT_MODEL } from '../../src/classify/sentiment/model.js';
import { analyzeText } from '../../src/text/analysis.js';
import type { LinearModel } from '../../src/learn/model.js';
import { readCommentSentiment, type Polarity3 } from '../eval/lib/sentiment-data.js';
import { macroF1 } from '../eval/lib/metrics.js';

const root = resolve(import.meta.dirname, '..', '..');
const cacheDir = resolve(root, '.cache', 'reg40');
mkdirSync(cacheDir, { recursive: true });
const t0 = Date.now();
const log = (s: string): void => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${s}`);

const base = readRegisterRows(resolve(root, '..', 'shared', 'data'));
const corpus = base.filter((r) => r.source === 'corpus');
const fan = base.filter((r) => r.source === 'fanchuan');
const blindAll = readBlindRows(resolve(root, 'fixtures', 'blind-threads'));
if (blindAll.some((r) => blindNumber(r.topic) > 112)) throw new Error('a blind dump past 112 is in the rows');
log(`rows: ${corpus.length} corpus, ${fan.length} FanChuan, ${blindAll.length} blind`);

/** The old choices: the offsets each refit shipped (docs/sentiment.md, sessions 37-40). */
const OLD: Record<number, RegisterOffsets> = { 94: { negative: 0.35, positive: 0.35 }, 100: { negative: 0.25, positive: 0.4 }, 106: { negative: 0.25, positive: 0.4 }, 112: { negative: 0.2, positive: 0.35 } };
const CUTOFFS = [94, 100, 106, 112];

/** The held-out corpus files, analysed once; read by a model with the given offsets as the thread pipeline reads a post. */
const heldout = ['heldout.jsonl', 'heldout-2.jsonl', 'heldout-3.jsonl'].map((f) =>
  readCommentSentiment(f).map((c) => ({ gold: c.gold, analysis: analyzeSentiment(analyzeText(c.text), extendLexicon(undefined), SENTIMENT_MODEL, undefined) })),
);
function heldoutF1(model: LinearModel, d: RegisterOffsets): number[] {
  const m: LinearModel = { ...model, thresholds: { ...model.thresholds, negativeLogOffset: d.negative, positiveLogOffset: d.positive } };
  const per = heldout.map((rows) => {
    const pred = rows.map((r) => {
      const l = inCommentRegister(r.analysis, m).label;
      return (l === 'mixed' ? 'neutral' : l) as Polarity3;
    });
    return { gold: rows.map((r) => r.gold), pred };
  });
  return [...per.map((p) => macroF1(p.gold, p.pred, REGISTER_LABELS)), macroF1(per.flatMap((p) => p.gold), per.flatMap((p) => p.pred), REGISTER_LABELS)];
}

/**
 * Out-of-fold log-probabilities at `s` on `rows` (corpus by topic left out, blind by round left out; FanChuan not
 * read), plus the full fit's log-probabilities of `later` (blind posts of rounds past the cutoff). Cached by `key`.
 */
function outOfFold(key: string, rows: readonly RegisterRow[], later: readonly RegisterRow[], s: RegisterSettings): { logp: Map<RegisterRow, number[]>; full: LinearModel } {
  const file = resolve(cacheDir, `${key}.json`);
  const c = rows.filter((r) => r.source === 'corpus');
  const b = rows.filter((r) => r.source === 'blind');
  const logp = new Map<RegisterRow, number[]>();
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { corpus: number[][]; blind: number[][]; later: number[][]; full: LinearModel };
    c.forEach((r, i) => logp.set(r, saved.corpus[i]!));
    b.forEach((r, i) => logp.set(r, saved.blind[i]!));
    later.forEach((r, i) => logp.set(r, saved.later[i]!));
    return { logp, full: saved.full };
  }
  const read = (m: LinearModel, held: readonly RegisterRow[]): void => {
    for (const r of held) logp.set(r, registerLogProbabilities(m, r));
  };
  for (const t of [...new Set(c.map((r) => r.topic))].sort()) read(fitRegister(rows.filter((r) => r.topic !== t || r.source !== 'corpus'), s), c.filter((r) => r.topic === t));
  log(`${key}: corpus topics done`);
  if ((s.blind ?? 0) > 0) {
    for (const round of [...new Set(b.map((r) => r.round!))]) read(fitRegister(rows.filter((r) => r.source !== 'blind' || r.round !== round), s), b.filter((r) => r.round === round));
  }
  const full = fitRegister(rows, s);
  if ((s.blind ?? 0) <= 0) read(full, b);
  read(full, later);
  log(`${key}: done`);
  writeFileSync(file, JSON.stringify({ corpus: c.map((r) => logp.get(r)), blind: b.map((r) => logp.get(r)), later: later.map((r) => logp.get(r)), full }));
  return { logp, full };
}

const f1 = (logp: ReadonlyMap<RegisterRow, readonly number[]>, rows: readonly RegisterRow[], d: RegisterOffsets): number =>
  macroF1(rows.map((r) => r.gold), rows.map((r) => offsetLabel(logp.get(r)!, r, d)), REGISTER_LABELS);
const fmt = (d: RegisterOffsets): string => `${d.negative}/${d.positive}`;
const upTo = (n: number) => (r: RegisterRow) => blindNumber(r.topic) <= n;
const early = blindAll.filter(upTo(94));

const header =
  '| rows (blind fit on) | offsets | held-out 1 / 2 / 3 | held-out pooled | corpus topic out | blind 01-94 (round out) | blind 01-112 (not fit on) |\n|---|---|---|---:|---:|---:|---:|';
function line(rowsLabel: string, offLabel: string, o: { logp: Map<RegisterRow, number[]>; full: LinearModel }, d: RegisterOffsets): string {
  const h = heldoutF1(o.full, d);
  return `| ${rowsLabel} | ${offLabel} ${fmt(d)} | ${h.slice(0, 3).map((x) => x.toFixed(3)).join(' / ')} | ${h[3]!.toFixed(3)} | ${f1(o.logp, corpus, d).toFixed(3)} | ${f1(o.logp, early, d).toFixed(3)} | ${f1(o.logp, blindAll, d).toFixed(3)} |`;
}

const runs = CUTOFFS.map((n) => {
  const blind = blindAll.filter(upTo(n));
  const later = blindAll.filter((r) => !upTo(n)(r));
  const o = outOfFold(`cut-${n}`, [...corpus, ...fan, ...blind], later, REGISTER_SETTINGS);
  const rule = chooseRegisterOffsets(o.logp, corpus, blind);
  return { n, blind, o, rule };
});
const zero = outOfFold('blind-0', [...corpus, ...fan, ...blindAll], [], { ...REGISTER_SETTINGS, blind: 0 });

console.log(header);
for (const { n, o, rule } of runs) {
  console.log(line(`01-${n}`, 'rule', o, rule));
  for (const m of CUTOFFS) console.log(line(`01-${n}`, `old ${m}`, o, OLD[m]!));
}
for (const { n, blind } of runs) {
  const rule = chooseRegisterOffsets(zero.logp, corpus, blind);
  console.log(line(`none (weight 0)`, `rule with 01-${n}`, zero, rule));
}
for (const m of CUTOFFS) console.log(line('none (weight 0)', `old ${m}`, zero, OLD[m]!));
console.log(line('none (weight 0)', 'zero', zero, { negative: 0, positive: 0 }));

// The registered candidate (docs/sentiment.md, "session 40, reg40"): the choice's corpus term pools the held-out files
// (read by the full fit) with the fitting files (topic left out). Read on the 01-112 rows only; FanChuan's row as
// section 10 reads it (registerCrossValidated, 5-fold), at main's and the candidate's offsets.
if (process.argv[2] === 'candidate') {
  const main = runs.find((r) => r.n === 112)!;
  const held = readHeldoutRegisterRows();
  for (const r of held) main.o.logp.set(r, registerLogProbabilities(main.o.full, r));
  const choice = chooseRegisterOffsets(main.o.logp, [...corpus, ...held], main.blind);
  // The rows' labels (offsetLabel) must be the pipeline's (inCommentRegister) on the held-out files.
  for (const d of [main.rule, choice]) {
    const a = heldoutF1(main.o.full, d)[3]!;
    const b = f1(main.o.logp, held, d);
    if (Math.abs(a - b) > 1e-9) throw new Error(`held-out rows read ${b} against the pipeline's ${a}`);
  }
  console.log(`\ncandidate choice on the 01-112 rows: ${fmt(choice)} (main's rule: ${fmt(main.rule)})`);
  console.log(header);
  console.log(line('01-112', 'main', main.o, main.rule));
  console.log(line('01-112', 'candidate', main.o, choice));
  // Exploratory (after the registered result): the pooled rule's choice at each earlier cutoff, beside the old rule's.
  for (const run of runs) {
    for (const r of held) run.o.logp.set(r, registerLogProbabilities(run.o.full, r));
    const pooled = chooseRegisterOffsets(run.o.logp, [...corpus, ...held], run.blind);
    console.log(line(`01-${run.n}`, `pooled rule (old rule ${fmt(run.rule)})`, run.o, pooled));
  }
  const reg = [...corpus, ...fan, ...main.blind];
  for (const [name, d] of [['main', main.rule], ['candidate', choice]] as const) {
    const cv = registerCrossValidated(reg, REGISTER_SETTINGS, d);
    console.log(`section 10 register rows, ${name} ${fmt(d)}: corpus topic out ${cv.corpus.toFixed(4)}, FanChuan 5-fold ${cv.fanchuan.toFixed(4)}`);
  }
}
