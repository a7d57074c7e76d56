/**
 * Session 26 (issue 14, docs/moderation.md "session 26 (mod26)"): a second-stage "put-down aimed at a person" decision
 * (scripts/eval/lib/putdown-stage.ts), fit on the insult-frames corpus's fit files plus the blind development rounds'
 * posts, measured with each blind round left out (the cut chosen by the same procedure nested inside the other rounds)
 * and with each corpus topic left out; the shipped comment model at its cut and a bag-of-words model on the same folds.
 * The rule measured: flag = shipped insult flag OR stage probability >= the nested cut. Measures only.
 * Configurations (STAGE_CONFIGS, comma-separated; CONFIGS below): `plain` (the dense features and the comment model's
 * insult log-odds), `nocmt` (without it), `b3` (blind rows weight 3), `words` (plus the addressed sentences' words),
 * `post` (plus every plain word and word pair of the post), `...neg` (ordinary reader comments and casual tweets as
 * negatives). STAGE_BOW=0 skips the bag-of-words baseline; STAGE_GUARDS=1 adds the quiet shares (ordinary comments
 * of the threads the negatives are not read from, friendly tweets of the measure half) and, with STAGE_TOXI=1 or
 * STAGE_TOXI_OOF=path, ToxiSpans insult AUC of the shown insult score and of its max with the stage;
 * STAGE_FP_PER_ROUND (default 1) bounds the stage's own calm flags per round when the nested cut is chosen.
 * Usage: STAGE_CONFIGS=plain,words STAGE_GUARDS=1 nice -n 10 npx tsx scripts/study/insult-second-stage.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readText, shippedModerationModels } from '../../src/classify/moderation/models.js';
import { commentFeatures } from '../../src/classify/moderation/features.js';
import { predict } from '../../src/learn/model.js';
import { readBlindPosts } from '../eval/lib/blind-posts.js';
import { putdownFeatures } from '../eval/lib/putdown-stage.js';
import { tfidfProbabilities } from '../eval/lib/bow-baseline.js';
import { rocAuc } from '../eval/lib/metrics.js';
import { BLIND_DEV_ROUNDS, blindDevRound } from '../train/lib/blind-rounds.js';
import { ATTRIBUTE_THRESHOLDS } from '../train/lib/moderation-thresholds.js';
import { fitModel } from '../train/lib/fit-model.js';
import { FRAMES_FIT_FILES, readToxiSpans, commentFolds, ordinaryNegatives, readCasualTweets, readOrdinaryComments } from '../train/lib/moderation-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cut = (ATTRIBUTE_THRESHOLDS as Record<string, number>).insult!;
const m = shippedModerationModels();

interface Row {
  text: string;
  insult: boolean;
  /** blind round label, or undefined for a corpus row */
  round?: string;
  topic?: string;
  /** measured-only corpus file (heldout) */
  heldout?: boolean;
  raw: number;
  tokens: ReturnType<typeof readText>[0];
  readings: ReturnType<typeof readText>[1];
}
const rows: Row[] = [];
const add = (text: string, insult: boolean, extra: Partial<Row>): void => {
  const [tokens, readings] = readText(text, m.wordScores, undefined, undefined, m.likeness);
  const raw = predict(m.comment, commentFeatures(tokens, readings, m.comment))[1]!;
  rows.push({ text, insult, raw, tokens, readings, ...extra });
};
const framesDir = join(root, 'scripts', 'train', 'data', 'insult-frames');
for (const f of [...FRAMES_FIT_FILES, 'heldout.jsonl', 'heldout-2.jsonl']) {
  for (const line of readFileSync(join(framesDir, f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const j = JSON.parse(line) as { text: string; insult: boolean; topic: string };
    add(j.text, j.insult, { topic: `${f.includes('2') ? 'w2' : 'w1'}:${j.topic}`, heldout: f.startsWith('heldout') });
  }
}
for (const p of readBlindPosts(root)) add(p.text, p.insult, { round: blindDevRound(p.file)! });
const logit = (p: number): number => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
const corpusFit = rows.filter((r) => r.round === undefined && !r.heldout);
const blind = rows.filter((r) => r.round !== undefined);
console.log(`rows: corpus fit ${corpusFit.length}, corpus held-out ${rows.filter((r) => r.heldout).length}, blind ${blind.length} (${blind.filter((r) => r.insult).length} insults); shipped raw cut ${cut}`);

interface Config {
  name: string;
  words: boolean;
  comment: boolean;
  blindWeight: number;
  l2: number;
  /** every plain word and word pair of the post as a sparse feature */
  post?: boolean;
  /** ordinary reader comments (even threads) and casual tweets (fit half) as negatives, weight 0.5 */
  negatives?: boolean;
  /** the negatives' row weight (default 0.5) */
  negWeight?: number;
}
const CONFIGS: Record<string, Config> = {
  plain: { name: 'plain', words: false, comment: true, blindWeight: 1, l2: 1e-3 },
  nocmt: { name: 'nocmt', words: false, comment: false, blindWeight: 1, l2: 1e-3 },
  b3: { name: 'b3', words: false, comment: true, blindWeight: 3, l2: 1e-3 },
  words: { name: 'words', words: true, comment: true, blindWeight: 1, l2: 3e-3 },
  wordsb3: { name: 'wordsb3', words: true, comment: true, blindWeight: 3, l2: 3e-3 },
  post: { name: 'post', words: false, comment: true, blindWeight: 1, l2: 3e-3, post: true },
  postneg: { name: 'postneg', words: false, comment: true, blindWeight: 1, l2: 3e-3, post: true, negatives: true },
  plainneg: { name: 'plainneg', words: false, comment: true, blindWeight: 1, l2: 1e-3, negatives: true },
  postneg01: { name: 'postneg01', words: false, comment: true, blindWeight: 1, l2: 3e-3, post: true, negatives: true, negWeight: 0.1 },
  postl2: { name: 'postl2', words: false, comment: true, blindWeight: 1, l2: 1e-2, post: true },
  postnegw: { name: 'postnegw', words: true, comment: true, blindWeight: 1, l2: 3e-3, post: true, negatives: true },
};
const dataDir = process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const needNeg = (process.env.STAGE_CONFIGS ?? '').includes('neg') || process.env.STAGE_GUARDS === '1';
const mkRow = (text: string, insult: boolean, extra: Partial<Row> = {}): Row => {
  const [tokens, readings] = readText(text, m.wordScores, undefined, undefined, m.likeness);
  const raw = predict(m.comment, commentFeatures(tokens, readings, m.comment))[1]!;
  return { text, insult, raw, tokens, readings, ...extra };
};
const ordinary = needNeg ? readOrdinaryComments(dataDir) : [];
const ordFolds = needNeg ? commentFolds(ordinary, 2, 1) : [[], []];
const ordFit = needNeg ? ordinaryNegatives(ordFolds[0]!.map((i) => ordinary[i]!)).map((r) => mkRow(r.text, false)) : [];
const ordMeasure = needNeg ? ordFolds[1]!.map((i) => mkRow(ordinary[i]!.text, false)) : [];
const tweetFit = needNeg ? ordinaryNegatives(readCasualTweets(dataDir, { half: 'fit' })).map((r) => mkRow(r.text, false)) : [];
const friendly = needNeg ? readCasualTweets(dataDir, { half: 'measure', minRating: 1 }).map((r) => mkRow(r.text, false)) : [];
const negatives = [...ordFit, ...tweetFit];
// STAGE_TOXI_OOF=path: ToxiSpans comments with the comment model's out-of-fold raw insult output (written by
// `FRAMES_SAVE_OOF=path FRAMES_CONFIGS=12:1 npx tsx scripts/eval/moderation-frames.ts`, section 20's 3 folds) in place
// of the shipped model's in-sample one, both as the baseline and as the stage's `$cmt` input.
const oof = process.env.STAGE_TOXI_OOF ? new Map(JSON.parse(readFileSync(process.env.STAGE_TOXI_OOF, 'utf8')) as Array<[string, number]>) : null;
const toxi =
  process.env.STAGE_TOXI === '1' || oof !== null
    ? readToxiSpans(dataDir).flatMap((r) => {
        if (oof !== null && !oof.has(r.text)) return [];
        const row = mkRow(r.text, r.targets[1]! >= 0.5);
        return [oof !== null ? { ...row, raw: oof.get(r.text)! } : row];
      })
    : [];
if (needNeg) console.log(`negatives: ordinary comments fit ${ordFit.length} / measured ${ordMeasure.length}, tweets fit ${tweetFit.length}, friendly measured ${friendly.length}`);
const chosen = (process.env.STAGE_CONFIGS ?? 'plain,nocmt,b3,words').split(',').map((c) => CONFIGS[c]!);

type Scorer = (train: readonly Row[], test: readonly Row[]) => number[];
const stageScorer = (c: Config): Scorer => {
  const feats = (r: Row): Array<[string, number]> => {
    const f = putdownFeatures(r.tokens, r.readings, logit(r.raw), { words: c.words, comment: c.comment });
    if (c.post) {
      const ws = r.readings.filter((w) => w.mode === 'plain');
      const terms = new Set<string>();
      ws.forEach((w, i) => {
        terms.add(`w:${w.norm}`);
        if (i > 0) terms.add(`p:${ws[i - 1]!.norm} ${w.norm}`);
      });
      const v = 1 / Math.sqrt(Math.max(4, terms.size));
      for (const t of terms) f.push([t, v]);
    }
    return f;
  };
  return (train0, test) => {
    const train = c.negatives ? [...train0, ...negatives] : train0;
    const fit = fitModel(
      train.map((r) => ({ features: feats(r), y: [r.insult ? 1 : 0], weight: r.round !== undefined ? c.blindWeight : r.topic !== undefined ? 1 : c.negWeight ?? 0.5 })),
      { name: 'putdown', labels: ['insult'], link: 'sigmoid', fitOn: [], featureFiles: [], l2: () => c.l2, iterations: 300, learningRate: 0.05, minCount: 2, decimals: 6 },
    );
    return test.map((r) => predict(fit, feats(r))[0]!);
  };
};
const bowScorer: Scorer = (train, test) =>
  tfidfProbabilities(
    train.map((r) => ({ text: r.text, positive: r.insult })),
    test.map((r) => r.text),
  );

interface Count {
  tp: number;
  fp: number;
  fn: number;
}
const count = (rs: readonly Row[], s: readonly number[], t: number, withShipped: boolean): Count => {
  const c = { tp: 0, fp: 0, fn: 0 };
  rs.forEach((r, i) => {
    const flag = (withShipped && r.raw >= cut) || s[i]! >= t;
    if (flag && r.insult) c.tp++;
    else if (flag) c.fp++;
    else if (r.insult) c.fn++;
  });
  return c;
};
const f1 = (c: Count): number => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

const FP_PER_ROUND = Number(process.env.STAGE_FP_PER_ROUND ?? 1);
/** The cut on pooled out-of-round scores: the best F1 with at most FP_PER_ROUND (STAGE_FP_PER_ROUND, default 1) of the stage's own calm flags per round. */
function chooseCut(rs: readonly Row[], s: readonly number[], rounds: number, withShipped: boolean): number {
  let best = 1.01;
  let bestF = -1;
  const cands = [...new Set(s)].sort((a, b) => b - a);
  for (const t of cands) {
    const c = count(rs, s, t, withShipped);
    const ownFp = c.fp - count(rs, s, 2, withShipped).fp; // the stage's own calm flags
    if (ownFp > rounds * FP_PER_ROUND) break;
    const f = f1(c);
    if (f > bestF + 1e-12) [bestF, best] = [f, t];
  }
  return best;
}

function leaveRoundOut(label: string, scorer: Scorer, withShipped: boolean): number[] {
  const cutsChosen: number[] = [];
  const labels = BLIND_DEV_ROUNDS.map((r) => r.label);
  const pooled = { tp: 0, fp: 0, fn: 0 };
  const allS: number[] = [];
  const allR: Row[] = [];
  const cells: string[] = [];
  for (const out of labels) {
    const rest = labels.filter((l) => l !== out);
    // nested: each other round scored by a fit without it (and without `out`)
    const innerRows: Row[] = [];
    const innerS: number[] = [];
    for (const inner of rest) {
      const train = [...corpusFit, ...blind.filter((r) => r.round !== out && r.round !== inner)];
      const test = blind.filter((r) => r.round === inner);
      innerRows.push(...test);
      innerS.push(...scorer(train, test));
    }
    const t = chooseCut(innerRows, innerS, rest.length, withShipped);
    cutsChosen.push(t);
    const test = blind.filter((r) => r.round === out);
    const s = scorer([...corpusFit, ...blind.filter((r) => r.round !== out)], test);
    const c = count(test, s, t, withShipped);
    for (const k of ['tp', 'fp', 'fn'] as const) pooled[k] += c[k];
    allS.push(...s);
    allR.push(...test);
    cells.push(`${out}: F1 ${f1(c).toFixed(3)} (${c.tp}/${c.tp + c.fn} found, ${c.fp} calm, cut ${t.toFixed(3)}, AUC ${rocAuc(s, test.map((r) => r.insult)).toFixed(3)})`);
  }
  console.log(`${label}${withShipped ? ' OR shipped' : ''}: pooled F1 ${f1(pooled).toFixed(3)} (${pooled.tp} found, ${pooled.fp} calm, ${pooled.fn} missed); AUC (per-round models) ${rocAuc(allS, allR.map((r) => r.insult)).toFixed(3)}`);
  for (const c of cells) console.log(`  ${c}`);
  return cutsChosen;
}

function topicsOut(label: string, scorer: Scorer): void {
  const topics = [...new Set(corpusFit.map((r) => r.topic!))].sort();
  const s: number[] = [];
  const rs: Row[] = [];
  for (const tp of topics) {
    const test = corpusFit.filter((r) => r.topic === tp);
    s.push(...scorer([...corpusFit.filter((r) => r.topic !== tp), ...blind], test));
    rs.push(...test);
  }
  const held = rows.filter((r) => r.heldout);
  const hs = scorer([...corpusFit, ...blind], held);
  const atHalf = count(rs, s, 0.5, false);
  console.log(`${label}: corpus topics left out (${topics.length}) AUC ${rocAuc(s, rs.map((r) => r.insult)).toFixed(3)}, F1 at 0.5 ${f1(atHalf).toFixed(3)} (${atHalf.fp} calm flagged of ${rs.filter((r) => !r.insult).length}); held-out corpus files AUC ${rocAuc(hs, held.map((r) => r.insult)).toFixed(3)}, F1 at 0.5 ${f1(count(held, hs, 0.5, false)).toFixed(3)}`);
}

// Baselines: the shipped model at its cut.
{
  const pooled = { tp: 0, fp: 0, fn: 0 };
  const cells: string[] = [];
  for (const { label } of BLIND_DEV_ROUNDS) {
    const test = blind.filter((r) => r.round === label);
    const c = count(test, test.map(() => 0), 2, true);
    for (const k of ['tp', 'fp', 'fn'] as const) pooled[k] += c[k];
    cells.push(`${label} F1 ${f1(c).toFixed(3)} (${c.tp}/${c.tp + c.fn}, ${c.fp} calm, AUC ${rocAuc(test.map((r) => r.raw), test.map((r) => r.insult)).toFixed(3)})`);
  }
  console.log(`shipped at raw ${cut}: pooled F1 ${f1(pooled).toFixed(3)} (${pooled.tp} found, ${pooled.fp} calm, ${pooled.fn} missed); AUC ${rocAuc(blind.map((r) => r.raw), blind.map((r) => r.insult)).toFixed(3)}`);
  console.log(`  ${cells.join('; ')}`);
  const held = rows.filter((r) => r.heldout);
  console.log(`shipped on held-out corpus files: AUC ${rocAuc(held.map((r) => r.raw), held.map((r) => r.insult)).toFixed(3)}`);
}
if (process.env.STAGE_BOW !== '0') {
  leaveRoundOut('bag of words', bowScorer, false);
  const bc = leaveRoundOut('bag of words', bowScorer, true);
  topicsOut('bag of words', bowScorer);
  if (needNeg) guards('bag of words', bowScorer, bc);
}
for (const c of chosen) {
  const sc = stageScorer(c);
  const cs = leaveRoundOut(`stage ${c.name}`, sc, true);
  topicsOut(`stage ${c.name}`, sc);
  if (needNeg) guards(`stage ${c.name}`, sc, cs);
}

/** Quiet shares: the final fit (corpus + every blind round) at the median nested cut, over texts it was not fit on. */
function guards(label: string, scorer: Scorer, cuts: number[]): void {
  const t = [...cuts].sort((a, b) => a - b)[Math.floor(cuts.length / 2)]!;
  const sets: Array<[string, Row[]]> = [
    ['ordinary comments (odd threads)', ordMeasure],
    ['friendly tweets (measure half)', friendly],
  ];
  const test = sets.flatMap(([, r]) => r);
  const s = scorer([...corpusFit, ...blind], test);
  let at = 0;
  const cells = sets.map(([name, r]) => {
    const part = s.slice(at, (at += r.length));
    const own = part.filter((v, i) => v >= t && r[i]!.raw < cut).length;
    const shipped = r.filter((x) => x.raw >= cut).length;
    return `${name}: shipped flags ${((100 * shipped) / r.length).toFixed(2)}%, stage adds ${own} (${((100 * own) / r.length).toFixed(2)}%)`;
  });
  console.log(`${label} guards at cut ${t.toFixed(3)}: ${cells.join('; ')}`);
  if (toxi.length > 0) {
    const ts = scorer([...corpusFit, ...blind], toxi);
    const th = m.comment.thresholds!;
    const shown = (raw: number): number => calibrate(raw, cut, th['insult.below']!, th['insult.above']!);
    const gold = toxi.map((r) => r.insult);
    const base = toxi.map((r) => shown(r.raw));
    const comb = toxi.map((r, i) => Math.max(shown(r.raw), calibrate(ts[i]!, t, 1, 1)));
    const lgt = (x: number): number => Math.log(Math.max(1e-9, x) / Math.max(1e-9, 1 - x));
    const blend = toxi.map((r, i) => lgt(base[i]!) + 0.5 * lgt(calibrate(ts[i]!, t, 1, 1)));
    console.log(`  ToxiSpans insult AUC: the stage alone ${rocAuc(ts, gold).toFixed(4)}; blend logit(shown) + 0.5 logit(stage shown) ${rocAuc(blend, gold).toFixed(4)}`);
    const added = toxi.filter((r, i) => r.raw < cut && ts[i]! >= t);
    console.log(`  ToxiSpans (${toxi.length}; ${oof !== null ? 'the comment model out of fold' : 'the shipped comment model in sample'}, the stage not fit on it): insult AUC shown ${rocAuc(base, gold).toFixed(4)} -> max with the stage ${rocAuc(comb, gold).toFixed(4)}; the stage adds ${added.length} flags, ${added.filter((r) => r.insult).length} of them insults (most raters)`);
  }
}
function calibrate(p: number, t: number, below: number, above: number): number {
  const lg = (x: number): number => Math.log(Math.min(1 - 1e-9, Math.max(1e-9, x)) / (1 - Math.min(1 - 1e-9, Math.max(1e-9, x))));
  const d = lg(p) - lg(t);
  return 1 / (1 + Math.exp(-(d < 0 ? below : above) * d));
}

// STAGE_DUMP=config: each blind round's insults and the posts that configuration scores >= 0.5 (round left out), then the
// dense features' weights (without sparse words) fit on every row at its L2.
if (process.env.STAGE_DUMP) {
  const c = CONFIGS[process.env.STAGE_DUMP]!;
  const sc = stageScorer(c);
  for (const { label } of BLIND_DEV_ROUNDS) {
    const test = blind.filter((r) => r.round === label);
    const s = sc([...corpusFit, ...blind.filter((r) => r.round !== label)], test);
    test.forEach((r, i) => {
      if (r.insult || s[i]! >= 0.5) console.log(`${label} ${r.insult ? 'INSULT' : 'calm  '} stage ${s[i]!.toFixed(3)} raw ${r.raw.toFixed(3)} | ${r.text.replace(/\s+/g, ' ').slice(0, 150)}`);
    });
  }
  const fit = fitModel(
    [...corpusFit, ...blind].map((r) => ({ features: putdownFeatures(r.tokens, r.readings, logit(r.raw), { comment: c.comment, words: c.words }), y: [r.insult ? 1 : 0] })),
    { name: 'putdown', labels: ['insult'], link: 'sigmoid', fitOn: [], featureFiles: [], l2: () => c.l2, iterations: 300, learningRate: 0.05, minCount: 2, decimals: 3 },
  );
  console.log(`dense weights (${c.name} without post words): bias ${fit.bias[0]} ${Object.entries(fit.weights).filter(([k]) => k.startsWith('$')).map(([k, w]) => `${k} ${w[0]}`).join(', ')}`);
}
