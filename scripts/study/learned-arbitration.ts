/**
 * Study (session 35, shape36; measure only): a learned arbitration between the rules and the line-role model. Reads the
 * per-dump JSON of scripts/study/line-roles-left-out.ts (`--json`: each blind dump's facts between its first try and
 * the model fit without its round, and both readings' scores; with `--fixtures 5`, each fixture's facts between
 * today's rules and the model fit without its fold) and fits a small logistic model over the facts to predict "the
 * model's reading beats the rules' on this dump" (a blind dump: the model's mean of authors / starts / parents shares
 * above the first try's by more than `MARGIN`; every fixture: no, its rules' output is the hand-checked one).
 *
 * Left out twice (docs/dump-styles.md, "Session 35 (shape36)"): each blind round is read by a model fit on the other
 * rounds and every fixture, with the cut the highest probability any fixture gets from a model fit without the round
 * and without that fixture's fold (so the cut takes no fixture it has not seen left out); each fixture fold is checked
 * the same way (fit on every round and the other folds, cut from the other folds each left out in turn).
 *
 * Run: npx tsx scripts/study/learned-arbitration.ts a.json [b.json ...] --fixtures fx.json [--json out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { countArm as shippedCountArm, type TriggerFacts } from '../../src/ingest/line-roles.js';

type Facts = TriggerFacts & { rulesOdd: number; modelOdd: number; modelPosts: number; rulesOddNames: number; modelOddNames: number; rulesFramed: number; modelFramed: number };
interface Score {
  posts: number;
  authors: number;
  starts: number;
  parentsGold: number;
  parents: number;
  countsExact: number;
  files: number;
}
interface DumpRow {
  name: string;
  round: string;
  first: Score;
  model: Score;
  facts: Facts;
}
interface FixtureRow {
  name: string;
  facts: Facts;
}

/** A blind dump is positive when the model beats the first try by more than this on the mean of its shares. */
const MARGIN = Number(process.env.MARGIN ?? 0.05);
/** Ridge penalty on the standardised weights (not the bias). */
const RIDGE = Number(process.env.RIDGE ?? 1);
/** Newton steps from zero. */
const STEPS = 50;
/** Folds of the fixtures, as the study's `--fixtures 5` (a fixture's fold: its index in name order mod K). */
const K = 5;

const args = process.argv.slice(2);
const fi = args.indexOf('--fixtures');
const ji = args.indexOf('--json');
const dumpFiles = args.filter((a, i) => !a.startsWith('--') && !(fi >= 0 && i === fi + 1) && !(ji >= 0 && i === ji + 1));
const dumps: DumpRow[] = dumpFiles.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { dumps: DumpRow[] }).dumps);
const fixtureRows = (JSON.parse(readFileSync(args[fi + 1]!, 'utf8')) as { fixtures: FixtureRow[] }).fixtures;
const fixtures = [...fixtureRows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((r, i) => ({ ...r, fold: i % K }));

const share = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** The features of the registration (15), from a dump's facts. */
function features(f: Facts, withSure: boolean): number[] {
  const x = [
    Math.log1p(f.rulePosts),
    Math.log1p(f.starts),
    Math.log((1 + f.rulePosts) / (1 + f.modelPosts)),
    share(f.agreed, f.starts),
    share(f.startsInText, f.starts),
    share(f.startsUnderHead, f.starts),
    share(f.orphanStarts, f.starts),
    share(f.startsInArticle, f.starts),
    share(f.textless, f.rulePosts),
    f.meanStartP,
    f.rulesFramed,
    f.modelFramed,
    f.rulesOdd,
    f.modelOdd,
  ];
  if (withSure) x.push(share(f.sureDisagree, f.sureLines), share(f.sureStartDisagree, f.sureStarts));
  // post hoc (NO_SIZE=1): without the two size features (the fixtures, all negative, are shorter than the blind dumps)
  return process.env.NO_SIZE === '1' ? x.slice(2) : x;
}

/** Mean of a dump's authors / starts / parents shares (parents left out where the gold has no reply). */
function meanShare(s: Score): number {
  const a = share(s.authors, s.posts);
  const st = share(s.starts, s.posts);
  return s.parentsGold > 0 ? (a + st + share(s.parents, s.parentsGold)) / 3 : (a + st) / 2;
}

interface Example {
  x: number[];
  y: number;
}
interface Logistic {
  mean: number[];
  sd: number[];
  w: number[];
  b: number;
}

/** Solves A z = v (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], v: number[]): number[] {
  const n = v.length;
  const M = A.map((r, i) => [...r, v[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const k = M[r]![c]! / M[c]![c]!;
      for (let j = c; j <= n; j++) M[r]![j]! -= k * M[c]![j]!;
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let j = r + 1; j < n; j++) s -= M[r]![j]! * z[j]!;
    z[r] = s / M[r]![r]!;
  }
  return z;
}

const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));

/** Ridge logistic regression by Newton's method on standardised features (bias unpenalised). */
function fit(rows: readonly Example[]): Logistic {
  const d = rows[0]!.x.length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const r of rows) r.x.forEach((v, j) => (mean[j]! += v / rows.length));
  for (const r of rows) r.x.forEach((v, j) => (sd[j]! += (v - mean[j]!) ** 2 / rows.length));
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]!) || 1;
  const Z = rows.map((r) => [1, ...r.x.map((v, j) => (v - mean[j]!) / sd[j]!)]);
  let beta = new Array<number>(d + 1).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const g = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    Z.forEach((z, i) => {
      const p = sigmoid(z.reduce((s, v, j) => s + v * beta[j]!, 0));
      const e = p - rows[i]!.y;
      const w = p * (1 - p);
      for (let j = 0; j <= d; j++) {
        g[j]! += e * z[j]!;
        for (let k = 0; k <= d; k++) H[j]![k]! += w * z[j]! * z[k]!;
      }
    });
    for (let j = 1; j <= d; j++) {
      g[j]! += RIDGE * beta[j]!;
      H[j]![j]! += RIDGE;
    }
    const delta = solve(H, g);
    beta = beta.map((v, j) => v - delta[j]!);
  }
  return { mean, sd, b: beta[0]!, w: beta.slice(1) };
}

const prob = (m: Logistic, x: readonly number[]): number => sigmoid(m.b + x.reduce((s, v, j) => s + ((v - m.mean[j]!) / m.sd[j]!) * m.w[j]!, 0));

/** Every arm's gate: the model has at least three start lines. */
const gated = (f: Facts): boolean => f.starts >= 3;

/** Main's shipped arbitration (shape32's arm or shape33b's count arm), as the study's `ARBITRATIONS` writes it. */
const mainArm = (f: Facts): boolean => (f.starts >= 3 && f.rulesFramed >= 0.25 && 2 * f.modelFramed < f.rulesFramed) || shippedCountArm(f, f.modelPosts);

const blindExample = (d: DumpRow, withSure: boolean): Example => ({ x: features(d.facts, withSure), y: meanShare(d.model) - meanShare(d.first) > MARGIN ? 1 : 0 });
const fixtureExample = (r: { facts: Facts }, withSure: boolean): Example => ({ x: features(r.facts, withSure), y: 0 });

/** The cut for a unit left out: the highest probability of a fixture (of `folds`) fit without the unit and its own fold. */
function nestedCut(blindTrain: readonly DumpRow[], fixtureTrain: typeof fixtures, withSure: boolean): number {
  let cut = 0;
  const folds = [...new Set(fixtureTrain.map((r) => r.fold))];
  for (const g of folds) {
    const m = fit([...blindTrain.map((d) => blindExample(d, withSure)), ...fixtureTrain.filter((r) => r.fold !== g).map((r) => fixtureExample(r, withSure))]);
    for (const r of fixtureTrain) if (r.fold === g) cut = Math.max(cut, prob(m, features(r.facts, withSure)));
  }
  return cut;
}

const blindFit = dumps.filter((d) => gated(d.facts));
const fixtureFit = fixtures.filter((r) => gated(r.facts));
const rounds = [...new Set(dumps.map((d) => d.round))].sort();

interface Variant {
  name: string;
  withSure: boolean;
  withMain: boolean;
}
const VARIANTS: Variant[] = [
  { name: "learned36 (pre-registered): main's arbitration, or the learned model above its nested cut", withSure: true, withMain: true },
  { name: 'variant: the learned model alone', withSure: true, withMain: false },
  { name: "variant: main's, or the learned model over the library's facts (no sure* shares)", withSure: false, withMain: true },
];

const zero = (): Score => ({ posts: 0, authors: 0, starts: 0, parentsGold: 0, parents: 0, countsExact: 0, files: 0 });
const add = (a: Score, b: Score): Score => {
  const s = zero();
  for (const k of Object.keys(s) as Array<keyof Score>) s[k] = a[k] + b[k];
  return s;
};
const f3 = (x: number): string => x.toFixed(3);
const fig = (s: Score): string => `${f3(share(s.authors, s.posts))} / ${f3(share(s.starts, s.posts))} / ${f3(share(s.parents, s.parentsGold))} (${s.countsExact}/${s.files})`;

// each blind dump's probability under each variant's learned model (with its round left out), and the round's cut
const pOf = new Map<string, number>();
const taken: Record<string, Set<string>> = {};
const cuts: Record<string, Record<string, number>> = {};
const learnedSure = new Set<boolean>(VARIANTS.map((v) => v.withSure));
const learnedTaken = new Map<boolean, Set<string>>();
for (const withSure of learnedSure) {
  const set = new Set<string>();
  for (const r of rounds) {
    const train = blindFit.filter((d) => d.round !== r);
    const m = fit([...train.map((d) => blindExample(d, withSure)), ...fixtureFit.map((x) => fixtureExample(x, withSure))]);
    const cut = nestedCut(train, fixtureFit, withSure);
    (cuts[String(withSure)] ??= {})[r] = cut;
    for (const d of dumps) {
      if (d.round !== r || !gated(d.facts)) continue;
      const p = prob(m, features(d.facts, withSure));
      pOf.set(`${withSure}:${d.name}`, p);
      if (p > cut) set.add(d.name);
    }
  }
  learnedTaken.set(withSure, set);
}

// the fixture check: each fold left out
const fixtureTaken = new Map<boolean, string[]>();
const fixtureP = new Map<string, number>();
for (const withSure of learnedSure) {
  const list: string[] = [];
  for (let f = 0; f < K; f++) {
    const train = fixtureFit.filter((r) => r.fold !== f);
    const m = fit([...blindFit.map((d) => blindExample(d, withSure)), ...train.map((x) => fixtureExample(x, withSure))]);
    const cut = nestedCut(blindFit, train, withSure);
    for (const r of fixtureFit) {
      if (r.fold !== f) continue;
      const p = prob(m, features(r.facts, withSure));
      fixtureP.set(`${withSure}:${r.name}`, p);
      if (p > cut) list.push(`${r.name} (fold ${f}, p ${f3(p)}, cut ${f3(cut)})`);
    }
  }
  fixtureTaken.set(withSure, list);
}

const readings: Array<{ name: string; take: (d: DumpRow) => boolean }> = [
  { name: 'first try', take: () => false },
  { name: 'model alone (left out)', take: () => true },
  { name: "main's arbitration (shape32's arm or shape33b's count arm)", take: (d) => mainArm(d.facts) },
  ...VARIANTS.map((v) => ({ name: v.name, take: (d: DumpRow) => (v.withMain && mainArm(d.facts)) || learnedTaken.get(v.withSure)!.has(d.name) })),
];

// main's own arms on the fixtures in the folds (the study's `--fixtures` list; with 01-82 in the fit shape33b takes widget-56)
console.log(`main's arbitration on the fixtures in the ${K} folds: ${fixtures.filter((r) => mainArm(r.facts)).map((r) => r.name).join(', ') || 'none'}`);
console.log(`blind dumps ${dumps.length} (gated ${blindFit.length}, positive ${blindFit.filter((d) => blindExample(d, true).y === 1).length}); fixtures ${fixtures.length} (gated ${fixtureFit.length})`);
const table: Record<string, Record<string, Score>> = {};
for (const rd of readings) {
  const per: Record<string, Score> = {};
  for (const d of dumps) {
    const s = rd.take(d) ? d.model : d.first;
    per[d.round] = add(per[d.round] ?? zero(), s);
    per.all = add(per.all ?? zero(), s);
  }
  table[rd.name] = per;
  taken[rd.name] = new Set(dumps.filter((d) => rd.take(d)).map((d) => d.name));
}
console.log(`\n| round | ${readings.map((r) => r.name).join(' | ')} |\n| --- |${readings.map(() => ' --- |').join('')}`);
for (const r of [...rounds, 'all']) console.log(`| ${r === 'all' ? '**all, pooled**' : r} | ${readings.map((rd) => fig(table[rd.name]![r]!)).join(' | ')} |`);
for (const rd of readings.slice(2)) console.log(`\n${rd.name}: takes ${taken[rd.name]!.size}: ${[...taken[rd.name]!].map((n) => n.slice(0, 2)).join(', ')}`);
for (const withSure of learnedSure) {
  console.log(`\nlearned (${withSure ? 'all facts' : "library's facts"}): cuts by round ${Object.entries(cuts[String(withSure)]!).map(([r, c]) => `${r} ${f3(c)}`).join(', ')}`);
  console.log(`  fixtures taken in the ${K} folds: ${fixtureTaken.get(withSure)!.length} ${fixtureTaken.get(withSure)!.join(', ')}`);
  const top = dumps.filter((d) => pOf.has(`${withSure}:${d.name}`)).sort((a, b) => pOf.get(`${withSure}:${b.name}`)! - pOf.get(`${withSure}:${a.name}`)!);
  console.log(`  highest left-out probabilities: ${top.slice(0, 15).map((d) => `${d.name.slice(0, 2)} ${f3(pOf.get(`${withSure}:${d.name}`)!)} (y ${blindExample(d, true).y})`).join(', ')}`);
}
// the bar against main's arbitration
const main = table[readings[2]!.name]!;
for (const v of VARIANTS) {
  const t = table[v.name]!;
  const rate = (s: Score): number[] => [share(s.authors, s.posts), share(s.starts, s.posts), share(s.parents, s.parentsGold)];
  const [a, s, p] = rate(t.all!);
  const [ma, ms, mp] = rate(main.all!);
  const up = a! > ma! + 1e-9 || s! > ms! + 1e-9 || p! > mp! + 1e-9;
  const notLower = a! >= ma! - 1e-9 && s! >= ms! - 1e-9 && p! >= mp! - 1e-9;
  const roundsLower = rounds.filter((r) => {
    const [ra, , rp] = rate(t[r]!);
    const [mra, , mrp] = rate(main[r]!);
    return ra! < mra! - 0.02 || rp! < mrp! - 0.02;
  });
  const fx = fixtureTaken.get(v.withSure)!.length;
  console.log(`\nbar, ${v.name}: pooled up on one ${up}, lower on none ${notLower}, rounds lower by > 0.02 on authors or parents: ${roundsLower.join(', ') || 'none'}, fixtures taken ${fx} -> ${up && notLower && roundsLower.length === 0 && fx === 0 ? 'HOLDS' : 'fails'}`);
}
// Written after the registered run (post hoc, for the lead's one read of the next held-out set, not evidence here):
// the weights of the model fit on everything, the fixtures' highest left-out probabilities, and floors on the cut.
{
  const names = [...(process.env.NO_SIZE === '1' ? [] : ['log posts', 'log starts']), 'log posts/model posts', 'agreed', 'inText', 'underHead', 'orphan', 'inArticle', 'textless', 'meanStartP', 'rulesFramed', 'modelFramed', 'rulesOdd', 'modelOdd', 'sureDisagree', 'sureStartDisagree'];
  const m = fit([...blindFit.map((d) => blindExample(d, true)), ...fixtureFit.map((x) => fixtureExample(x, true))]);
  console.log(`\npost hoc: weights fit on all 14 rounds and every fixture (standardised): bias ${f3(m.b)}, ${m.w.map((w, j) => `${names[j]} ${f3(w)}`).join(', ')}`);
  const fx = fixtureFit.map((r) => [r.name, fixtureP.get(`true:${r.name}`)!] as const).sort((a, b) => b[1] - a[1]);
  console.log(`post hoc: fixtures' highest left-out probabilities: ${fx.slice(0, 6).map(([n, p]) => `${n} ${f3(p)}`).join(', ')}`);
  for (const floor of [0.6, 0.7, 0.8, 0.9]) {
    const take = (d: DumpRow): boolean => mainArm(d.facts) || (learnedTaken.get(true)!.has(d.name) && pOf.get(`true:${d.name}`)! > floor);
    const per: Record<string, Score> = {};
    for (const d of dumps) {
      const sc = take(d) ? d.model : d.first;
      per[d.round] = add(per[d.round] ?? zero(), sc);
      per.all = add(per.all ?? zero(), sc);
    }
    const rate = (x: Score): number[] => [share(x.authors, x.posts), share(x.starts, x.posts), share(x.parents, x.parentsGold)];
    const lower = rounds.filter((r) => rate(per[r]!)[0]! < rate(main[r]!)[0]! - 0.02 || rate(per[r]!)[2]! < rate(main[r]!)[2]! - 0.02);
    const fxTaken = fx.filter(([, p]) => p > floor).map(([n]) => n);
    console.log(`post hoc: main's, or the learned model above its cut and ${floor}: ${fig(per.all!)}; takes ${dumps.filter(take).map((d) => d.name.slice(0, 2)).join(', ')}; rounds lower by > 0.02: ${lower.join(', ') || 'none'}; fixtures over the floor: ${fxTaken.join(', ') || 'none'}`);
  }
}
if (ji >= 0) writeFileSync(args[ji + 1]!, JSON.stringify({ table, taken: Object.fromEntries(Object.entries(taken).map(([k, v]) => [k, [...v]])), cuts, fixtures: Object.fromEntries([...fixtureTaken].map(([k, v]) => [String(k), v])), p: Object.fromEntries(pOf) }, null, 1));
