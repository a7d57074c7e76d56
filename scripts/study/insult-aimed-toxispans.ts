/**
 * Session 27 (issue 14, docs/moderation.md "session 27 (mod27)"): session 26's second-stage "put-down aimed at a person"
 * decision (scripts/eval/lib/putdown-stage.ts) fit ONLY on real news comments (ToxiSpans, CC0), so every blind
 * development round (01-34) is never fit on and measures every round honestly.
 *
 * Rows: every ToxiSpans comment; gold "insult" = most raters marked an insult span (section 20's insult gold). Each
 * insult comment is also read by where its insult span sits (the characters at least half of the insult-marking raters
 * marked): inside a sentence that addresses someone (second person incl. "you've", "you'd", "you'll", an @mention, a
 * vocative name) or not (said of a third party). Target `insult` fits every insult comment as a positive; target
 * `aimed` fits only the addressed ones as positives and leaves the third-party insults out of the fit.
 * Features: putdown-stage.ts's dense features, the comment model's insult log-odds `$cmt` (out of fold on ToxiSpans:
 * STAGE_TOXI_OOF=path, written by `FRAMES_SAVE_OOF=path FRAMES_CONFIGS=12:1 npx tsx scripts/eval/moderation-frames.ts`;
 * the shipped model on blind posts, which it was never fit on), plus `a:` words and/or `g:` character 4-grams of the
 * addressed sentences' content words. `neg`: ordinary reader comments (one half of the threads) and the casual tweets'
 * fit half as negatives, weight 0.5.
 *
 * The rule measured: insult flag = shipped flag OR stage >= t; shown insult = max(shown, stage calibrated so t is 0.5).
 * t is chosen on ToxiSpans out of fold only: the lowest stage value at which the comments it adds (under the shipped
 * cut, highest stage first) are insults at least as often as the shipped flag's comments are (so a stage flag means
 * what a shipped flag means on real comments), and at least 20 are added. Measured: ToxiSpans 3-fold insult AUC (the
 * stage out of fold, fold by a hash of the text), blind 01-34 per round and pooled (the fit on all ToxiSpans, never fit
 * on the blind posts), quiet shares (the other half of the ordinary comments' threads, friendly tweets of the measure
 * half). Beside it the shipped model and a bag-of-words model fit on the same ToxiSpans folds with the same cut rule.
 * Usage: STAGE_TOXI_OOF=/tmp/oof.json STAGE_CONFIGS=dense,grams nice -n 10 npx tsx scripts/study/insult-aimed-toxispans.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readText, shippedModerationModels } from '../../src/classify/moderation/models.js';
import { commentFeatures } from '../../src/classify/moderation/features.js';
import { predict } from '../../src/learn/model.js';
import { readBlindPosts } from '../eval/lib/blind-posts.js';
import { addressedRanges, putdownFeatures } from '../eval/lib/putdown-stage.js';
import { tfidfProbabilities } from '../eval/lib/bow-baseline.js';
import { parseCsvObjects } from '../eval/lib/csv.js';
import { rocAuc } from '../eval/lib/metrics.js';
import { BLIND_DEV_ROUNDS, blindDevRound } from '../train/lib/blind-rounds.js';
import { ATTRIBUTE_THRESHOLDS } from '../train/lib/moderation-thresholds.js';
import { fitModel } from '../train/lib/fit-model.js';
import { readToxiSpans, commentFolds, ordinaryNegatives, readCasualTweets, readOrdinaryComments } from '../train/lib/moderation-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');
const cut = (ATTRIBUTE_THRESHOLDS as Record<string, number>).insult!;
const m = shippedModerationModels();
const logit = (p: number): number => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));

interface Row {
  text: string;
  insult: boolean;
  /** an insult whose insult span sits in a sentence that addresses someone */
  aimed: boolean;
  round?: string;
  fold?: number;
  raw: number;
  tokens: ReturnType<typeof readText>[0];
  readings: ReturnType<typeof readText>[1];
}
const mkRow = (text: string, insult: boolean, extra: Partial<Row> = {}): Row => {
  const [tokens, readings] = readText(text, m.wordScores, undefined, undefined, m.likeness);
  const raw = predict(m.comment, commentFeatures(tokens, readings, m.comment))[1]!;
  return { text, insult, aimed: false, raw, tokens, readings, ...extra };
};

// The insult span of each ToxiSpans comment: the characters at least half of the raters who marked an insult marked.
function insultSpans(): Map<string, Uint8Array> {
  const dir = join(dataDir, 'moderation', 'toxispans');
  const comments = parseCsvObjects(readFileSync(join(dir, 'comments.csv'), 'utf8'));
  const annotations = parseCsvObjects(readFileSync(join(dir, 'annotations.csv'), 'utf8'));
  const spans = parseCsvObjects(readFileSync(join(dir, 'spans.csv'), 'utf8'));
  const byAnnotation = new Map<string, Array<[number, number]>>();
  for (const s of spans) if (s.type === 'Insult') byAnnotation.set(s.annotation!, [...(byAnnotation.get(s.annotation!) ?? []), [Number(s.start), Number(s.end)]]);
  const byComment = new Map<string, string[]>();
  for (const a of annotations) byComment.set(a.comment_id!, [...(byComment.get(a.comment_id!) ?? []), a.annotation!]);
  const out = new Map<string, Uint8Array>();
  for (const c of comments) {
    const text = c.comment_text ?? '';
    const marked = (byComment.get(c.comment_id!) ?? []).map((a) => byAnnotation.get(a) ?? []).filter((l) => l.length > 0);
    if (marked.length === 0) continue;
    const count = new Uint16Array(text.length);
    for (const l of marked) {
      const mine = new Uint8Array(text.length);
      for (const [s, e] of l) for (let i = Math.max(0, s); i < Math.min(text.length, e); i++) mine[i] = 1;
      for (let i = 0; i < text.length; i++) count[i] = count[i]! + mine[i]!;
    }
    out.set(text, count.map((n) => (n * 2 >= marked.length && n > 0 ? 1 : 0)) as unknown as Uint8Array);
  }
  return out;
}

const oofPath = process.env.STAGE_TOXI_OOF;
if (!oofPath) throw new Error('STAGE_TOXI_OOF=path is required (the comment model out of fold on ToxiSpans)');
const oof = new Map(JSON.parse(readFileSync(oofPath, 'utf8')) as Array<[string, number]>);
const spansOf = insultSpans();
const hash = (s: string): number => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
};
const toxi: Row[] = readToxiSpans(dataDir).flatMap((r) => {
  const raw = oof.get(r.text);
  if (raw === undefined) return [];
  const row = mkRow(r.text, r.targets[1]! >= 0.5, { fold: hash(r.text) % 3 });
  row.raw = raw;
  if (row.insult) {
    const marks = spansOf.get(r.text);
    const ranges = addressedRanges(row.tokens, row.readings);
    row.aimed = marks !== undefined && ranges.some(([s, e]) => marks.subarray(s, e).includes(1));
  }
  return [row];
});
// STAGE_KINDS=1: what the insult spans of ToxiSpans's addressed and third-party insults hold (a listed insult word, a
// word with a likeness to the marked words, a likening "of a" / "like a"), then the same for the blind put-downs' posts.
if (process.env.STAGE_KINDS === '1') {
  const kinds = (rs: readonly Row[], inSpan: (r: Row, start: number, end: number) => boolean): string => {
    let lex = 0;
    let like = 0;
    let liken = 0;
    for (const r of rs) {
      const ws = r.readings.filter((w) => inSpan(r, r.tokens[w.token]!.start, r.tokens[w.token]!.end));
      if (ws.some((w) => w.lex.insult > 0)) lex++;
      if (ws.some((w) => w.like >= 0.55)) like++;
      if (ws.some((w, k) => k > 0 && (w.norm === 'a' || w.norm === 'an') && (ws[k - 1]!.norm === 'of' || ws[k - 1]!.norm === 'like'))) liken++;
    }
    const pc = (n: number): string => `${((100 * n) / Math.max(1, rs.length)).toFixed(1)}%`;
    return `${rs.length}: listed insult word ${pc(lex)}, likeness >= 0.55 ${pc(like)}, likening ${pc(liken)}`;
  };
  const marked = (r: Row, s: number, e: number): boolean => spansOf.get(r.text)?.subarray(s, e).includes(1) ?? false;
  console.log(`ToxiSpans insult spans, addressed ${kinds(toxi.filter((r) => r.aimed), marked)}; third party ${kinds(toxi.filter((r) => r.insult && !r.aimed), marked)}`);
  const blindInsults = readBlindPosts(root).filter((p) => p.insult).map((p) => mkRow(p.text, true));
  console.log(`blind put-down posts (whole post, no span gold) ${kinds(blindInsults, () => true)}; ToxiSpans addressed insults, whole comment ${kinds(toxi.filter((r) => r.aimed), () => true)}`);
}
const blind: Row[] = readBlindPosts(root).map((p) => mkRow(p.text, p.insult, { round: blindDevRound(p.file)! }));
const ordinary = readOrdinaryComments(dataDir);
const ordFolds = commentFolds(ordinary, 2, 1);
const ordFit = ordinaryNegatives(ordFolds[0]!.map((i) => ordinary[i]!)).map((r) => mkRow(r.text, false));
const ordMeasure = ordFolds[1]!.map((i) => mkRow(ordinary[i]!.text, false));
const tweetFit = ordinaryNegatives(readCasualTweets(dataDir, { half: 'fit' })).map((r) => mkRow(r.text, false));
const friendly = readCasualTweets(dataDir, { half: 'measure', minRating: 1 }).map((r) => mkRow(r.text, false));
const ins = toxi.filter((r) => r.insult);
console.log(
  `ToxiSpans ${toxi.length} (insult ${ins.length}: addressed ${ins.filter((r) => r.aimed).length}, third party ${ins.filter((r) => !r.aimed).length}); ` +
    `blind ${blind.length} (${blind.filter((r) => r.insult).length} insults); ordinary fit ${ordFit.length} / measured ${ordMeasure.length}; tweets fit ${tweetFit.length}; friendly ${friendly.length}; shipped raw cut ${cut}`,
);

interface Config {
  name: string;
  target: 'insult' | 'aimed';
  words?: boolean;
  grams?: boolean;
  comment?: boolean;
  negatives?: boolean;
  l2: number;
}
const CONFIGS: Record<string, Config> = {
  dense: { name: 'dense', target: 'insult', l2: 1e-3 },
  nocmt: { name: 'nocmt', target: 'insult', comment: false, l2: 1e-3 },
  words: { name: 'words', target: 'insult', words: true, l2: 1e-3 },
  grams: { name: 'grams', target: 'insult', grams: true, l2: 1e-3 },
  gramsneg: { name: 'gramsneg', target: 'insult', grams: true, negatives: true, l2: 1e-3 },
  aimed: { name: 'aimed', target: 'aimed', l2: 1e-3 },
  aimedgrams: { name: 'aimedgrams', target: 'aimed', grams: true, l2: 1e-3 },
  aimedgramsneg: { name: 'aimedgramsneg', target: 'aimed', grams: true, negatives: true, l2: 1e-3 },
  wordsgrams: { name: 'wordsgrams', target: 'insult', words: true, grams: true, l2: 1e-3 },
};

type Scorer = (train: readonly Row[], test: readonly Row[]) => number[];
const stageScorer = (c: Config): Scorer => {
  const feats = (r: Row): Array<[string, number]> => putdownFeatures(r.tokens, r.readings, logit(r.raw), { words: c.words, grams: c.grams, comment: c.comment });
  return (train0, test) => {
    // `aimed`: the third-party insults are left out of the fit (neither put-down aimed at a person nor calm).
    const train = (c.target === 'aimed' ? train0.filter((r) => !r.insult || r.aimed) : train0).map((r) => ({ features: feats(r), y: [r.insult ? 1 : 0], weight: 1 }));
    if (c.negatives) for (const r of [...ordFit, ...tweetFit]) train.push({ features: feats(r), y: [0], weight: 0.5 });
    const fit = fitModel(train, { name: 'putdown', labels: ['insult'], link: 'sigmoid', fitOn: [], featureFiles: [], l2: () => c.l2, iterations: 200, learningRate: 0.05, minCount: 3, decimals: 6 });
    return test.map((r) => predict(fit, feats(r))[0]!);
  };
};
const bowScorer: Scorer = (train, test) =>
  tfidfProbabilities(
    train.map((r) => ({ text: r.text, positive: r.insult })),
    test.map((r) => r.text),
  );

function calibrate(p: number, t: number): number {
  const d = logit(p) - logit(t);
  return 1 / (1 + Math.exp(-d));
}
const th = m.comment.thresholds!;
const shownInsult = (raw: number): number => {
  const d = logit(raw) - logit(cut);
  return 1 / (1 + Math.exp(-(d < 0 ? th['insult.below']! : th['insult.above']!) * d));
};
interface Count {
  tp: number;
  fp: number;
  fn: number;
}
const count = (rs: readonly Row[], s: readonly number[], t: number): Count => {
  const c = { tp: 0, fp: 0, fn: 0 };
  rs.forEach((r, i) => {
    const flag = r.raw >= cut || s[i]! >= t;
    if (flag && r.insult) c.tp++;
    else if (flag) c.fp++;
    else if (r.insult) c.fn++;
  });
  return c;
};
const f1 = (c: Count): number => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

/** The stage's cut, on ToxiSpans out of fold: the lowest value whose added flags are insults as often as the shipped flags are. */
function chooseCut(s: readonly number[]): { t: number; shippedPrec: number; added: number; addedPrec: number } {
  const flagged = toxi.filter((r) => r.raw >= cut);
  // STAGE_MIN_PREC=x (a sensitivity row): the added flags need precision x instead of the shipped flag's.
  const shippedPrec = process.env.STAGE_MIN_PREC ? Number(process.env.STAGE_MIN_PREC) : flagged.filter((r) => r.insult).length / Math.max(1, flagged.length);
  const under = toxi.map((r, i) => [s[i]!, r.insult, r.raw < cut] as const).filter((x) => x[2]).sort((a, b) => b[0] - a[0]);
  let tp = 0;
  let t = 1.01;
  let added = 0;
  let addedPrec = 0;
  for (let k = 0; k < under.length; k++) {
    if (under[k]![1]) tp++;
    const n = k + 1;
    if (n >= 20 && tp / n >= shippedPrec && (k + 1 === under.length || under[k + 1]![0] < under[k]![0])) [t, added, addedPrec] = [under[k]![0], n, tp / n];
  }
  return { t, shippedPrec, added, addedPrec };
}

function measure(label: string, scorer: Scorer): void {
  // ToxiSpans out of fold.
  const oofS = new Array<number>(toxi.length).fill(0);
  for (let f = 0; f < 3; f++) {
    const idx = toxi.map((r, i) => (r.fold === f ? i : -1)).filter((i) => i >= 0);
    const s = scorer(
      toxi.filter((r) => r.fold !== f),
      idx.map((i) => toxi[i]!),
    );
    idx.forEach((i, k) => (oofS[i] = s[k]!));
  }
  const gold = toxi.map((r) => r.insult);
  const { t, shippedPrec, added, addedPrec } = chooseCut(oofS);
  const base = toxi.map((r) => shownInsult(r.raw));
  const comb = toxi.map((r, i) => Math.max(base[i]!, calibrate(oofS[i]!, t)));
  const aimedGold = toxi.filter((r) => !r.insult || r.aimed);
  const aimedIdx = toxi.map((r, i) => (!r.insult || r.aimed ? i : -1)).filter((i) => i >= 0);
  const cT = count(toxi, oofS, t);
  const cS = count(toxi, oofS, 2);
  console.log(
    `${label}: ToxiSpans out of fold insult AUC: alone ${rocAuc(oofS, gold).toFixed(4)}, shown ${rocAuc(base, gold).toFixed(4)} -> max ${rocAuc(comb, gold).toFixed(4)}; ` +
      `addressed insults vs calm: shown ${rocAuc(aimedIdx.map((i) => base[i]!), aimedGold.map((r) => r.insult)).toFixed(4)} -> max ${rocAuc(aimedIdx.map((i) => comb[i]!), aimedGold.map((r) => r.insult)).toFixed(4)}; ` +
      `cut ${t.toFixed(4)} (shipped flag precision ${shippedPrec.toFixed(3)}, adds ${added} at ${addedPrec.toFixed(3)}); ToxiSpans F1 shipped ${f1(cS).toFixed(3)} -> ${f1(cT).toFixed(3)}`,
  );
  // Blind 01-34: the fit on all ToxiSpans (never on a blind post).
  const bs = scorer(toxi, blind);
  const pooled = { tp: 0, fp: 0, fn: 0 };
  const pooledS = { tp: 0, fp: 0, fn: 0 };
  const cells: string[] = [];
  for (const { label: rl } of BLIND_DEV_ROUNDS) {
    const idx = blind.map((r, i) => (r.round === rl ? i : -1)).filter((i) => i >= 0);
    const rs = idx.map((i) => blind[i]!);
    const s = idx.map((i) => bs[i]!);
    const c = count(rs, s, t);
    const c0 = count(rs, s, 2);
    for (const k of ['tp', 'fp', 'fn'] as const) [pooled[k], pooledS[k]] = [pooled[k] + c[k], pooledS[k] + c0[k]];
    cells.push(`${rl} ${f1(c0).toFixed(3)}->${f1(c).toFixed(3)} (${c.tp}/${c.tp + c.fn}, calm ${c0.fp}->${c.fp}, AUC ${rocAuc(s, rs.map((r) => r.insult)).toFixed(3)})`);
  }
  const bcomb = blind.map((r, i) => Math.max(shownInsult(r.raw), calibrate(bs[i]!, t)));
  console.log(`  blind: pooled F1 ${f1(pooledS).toFixed(3)} -> ${f1(pooled).toFixed(3)} (${pooled.tp} found, ${pooled.fp} calm, ${pooled.fn} missed); AUC alone ${rocAuc(bs, blind.map((r) => r.insult)).toFixed(3)}, max ${rocAuc(bcomb, blind.map((r) => r.insult)).toFixed(3)} (shipped ${rocAuc(blind.map((r) => r.raw), blind.map((r) => r.insult)).toFixed(3)})`);
  console.log(`  ${cells.join('; ')}`);
  // Quiet shares.
  const sets: Array<[string, Row[]]> = [
    ['ordinary comments (measure threads)', ordMeasure],
    ['friendly tweets (measure half)', friendly],
  ];
  const qs = scorer(toxi, sets.flatMap(([, r]) => r));
  let at = 0;
  const qcells = sets.map(([name, r]) => {
    const part = qs.slice(at, (at += r.length));
    const own = part.filter((v, i) => v >= t && r[i]!.raw < cut).length;
    const shipped = r.filter((x) => x.raw >= cut).length;
    return `${name} shipped ${((100 * shipped) / r.length).toFixed(2)}% + ${own} (${((100 * own) / r.length).toFixed(2)}%)`;
  });
  console.log(`  quiet: ${qcells.join('; ')}`);
  if (process.env.STAGE_DUMP === label.replace(/^stage /, '')) {
    blind.forEach((r, i) => {
      if (r.insult || (bs[i]! >= t && r.raw < cut)) console.log(`  ${r.round} ${r.insult ? 'INSULT' : 'calm  '} stage ${bs[i]!.toFixed(3)} raw ${r.raw.toFixed(3)} | ${r.text.replace(/\s+/g, ' ').slice(0, 140)}`);
    });
  }
}

const shippedBlind = { tp: 0, fp: 0, fn: 0 };
for (const r of blind) {
  if (r.raw >= cut && r.insult) shippedBlind.tp++;
  else if (r.raw >= cut) shippedBlind.fp++;
  else if (r.insult) shippedBlind.fn++;
}
console.log(`shipped alone on blind 01-34: F1 ${f1(shippedBlind).toFixed(3)} (${shippedBlind.tp} found, ${shippedBlind.fp} calm, ${shippedBlind.fn} missed)`);
if (process.env.STAGE_BOW !== '0') measure('bag of words', bowScorer);
for (const name of (process.env.STAGE_CONFIGS ?? 'dense,grams,aimed').split(',').filter(Boolean)) measure(`stage ${name}`, stageScorer(CONFIGS[name]!));
if (process.env.STAGE_WEIGHTS) {
  const c = CONFIGS[process.env.STAGE_WEIGHTS]!;
  const fit = fitModel(
    toxi.filter((r) => c.target === 'insult' || !r.insult || r.aimed).map((r) => ({ features: putdownFeatures(r.tokens, r.readings, logit(r.raw), { comment: c.comment }), y: [r.insult ? 1 : 0] })),
    { name: 'putdown', labels: ['insult'], link: 'sigmoid', fitOn: [], featureFiles: [], l2: () => c.l2, iterations: 200, learningRate: 0.05, minCount: 3, decimals: 3 },
  );
  console.log(`dense weights (${c.name}): bias ${fit.bias[0]} ${Object.entries(fit.weights).map(([k, w]) => `${k} ${w[0]}`).join(', ')}`);
}
