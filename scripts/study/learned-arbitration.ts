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
 * Known-layout negatives beyond the fixtures (session 35, shape38; `--generated gen.json`, the `generated` rows of
 * line-roles-left-out.ts `--generated N`: dumps of src/testing's generators that today's rules read right, their facts
 * against the model fit on every round and fixture). They are not fit; the arms marked `generated` raise their cut to
 * the highest probability any of them gets from the same fit (for a round left out: the round's fit), so that the cut
 * is the highest probability of any known-layout negative, fixture (left out) or generated. How many generated dumps
 * an arm takes: a rule arm, those it fires on; a learned arm without them in its cut, those over the cut of the fit on
 * everything; a learned arm with them, each fifth (index mod 5) left out of the cut in turn.
 *
 * Chrome-perturbed fixtures (session 37, shape40; `--chrome chrome.json`, the `chrome` rows of line-roles-left-out.ts
 * `--chrome N`: fixtures with page-chrome lines inserted before author lines that today's rules read as the fixture,
 * their facts against the model fit without the fixture's fold; registered in docs/dump-styles.md, "Registration for
 * session 37's held-out read (the lead, learned40)"). learned40 puts them in its cut: the nested cut's fit without a
 * fold g also scores fold g's variants (the highest probability of any fold's variant joins the fixtures' and the
 * generated dumps'). learned40f also fits them as negatives, each of weight 1/4, left out with their fixture's fold
 * wherever that fixture is left out. A variant is taken by a learned arm when, in the fixture check of its fold (the
 * fit without that fold, the arm's cut computed without it), its probability is over the cut; by a rule arm when the
 * arm fires on it. `bar40` is bar38 with such takes among the known-layout negatives of (a).
 *
 * Run: npx tsx scripts/study/learned-arbitration.ts a.json [b.json ...] --fixtures fx.json [--generated gen.json] [--chrome chrome.json] [--json out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { countArm as shippedCountArm, type TriggerFacts } from '../../src/ingest/line-roles.js';
import { disagreeArm } from '../../src/ingest/line-roles-study.js';
import { arbitrationFeatures } from './lib/arbitration-features.js';
import { fitLogistic, meanShare, probability, type Example, type Logistic } from '../train/lib/ridge-logistic.js';
import { add, zero, type Score } from './lib/thread-score.js';

type Facts = TriggerFacts & { rulesOdd: number; modelOdd: number; modelPosts: number; rulesOddNames: number; modelOddNames: number; rulesFramed: number; modelFramed: number };
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
const gi = args.indexOf('--generated');
const ci = args.indexOf('--chrome');
const dumpFiles = args.filter((a, i) => !a.startsWith('--') && ![fi, ji, gi, ci].some((k) => k >= 0 && i === k + 1));
const dumps: DumpRow[] = dumpFiles.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { dumps: DumpRow[] }).dumps);
const fixtureRows = (JSON.parse(readFileSync(args[fi + 1]!, 'utf8')) as { fixtures: FixtureRow[] }).fixtures;
interface GeneratedRow {
  name: string;
  facts: Facts;
  modelRight: boolean;
}
// post hoc (GENERATED_SKIP=json, written after the registered run): leave out a style's generated dumps; a JSON dump is
// read by src/ingest/json.ts and never reaches the arbitration (`modelSection`), so it is no negative the arm could take
const skip = (process.env.GENERATED_SKIP ?? '').split(',').filter((x) => x !== '');
const generatedRows = (gi >= 0 ? (JSON.parse(readFileSync(args[gi + 1]!, 'utf8')) as { generated: GeneratedRow[] }).generated : []).filter(
  (r) => !skip.some((st) => r.name.startsWith(`gen-${st}/`)),
);
const fixtures = [...fixtureRows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((r, i) => ({ ...r, fold: i % K }));
interface ChromeRow {
  name: string;
  fixture: string;
  fold: number;
  facts: Facts;
}
/** A chrome-perturbed variant's weight where learned40f fits it (its fixture and four variants weigh two fixtures). */
const CHROME_WEIGHT = 0.25;
const chromeRows = ci >= 0 ? (JSON.parse(readFileSync(args[ci + 1]!, 'utf8')) as { chrome: ChromeRow[] }).chrome : [];
{
  // the variant's recorded fold must be its fixture's fold here (the same fixtures in name order)
  const foldOf = new Map(fixtures.map((r) => [r.name, r.fold]));
  for (const r of chromeRows) if (foldOf.get(r.fixture) !== r.fold) throw new Error(`chrome variant ${r.name}: fold ${r.fold}, its fixture's here ${foldOf.get(r.fixture)}`);
}

const share = (a: number, b: number): number => (b > 0 ? a / b : 0);

/**
 * The features of the registration, from a dump's facts: the library's (scripts/study/lib/arbitration-features.ts
 * `arbitrationFeatures`: the two size features first, the `sure*` shares last, those left out without `withSure`).
 * Post hoc (`NO_SIZE=1`): without the two size features (the fixtures, all negative, are shorter than the blind dumps).
 * The form with them (learned38 = learned36 with GENERATED_SKIP=json) ships in the library since session 36 (shape39).
 */
function features(f: Facts, withSure: boolean): number[] {
  const lib = arbitrationFeatures(f).map(([, v]) => v);
  const x = withSure ? lib : lib.slice(0, -2);
  return process.env.NO_SIZE === '1' ? x.slice(2) : x;
}

const fit = (rows: readonly Example[]): Logistic => fitLogistic(rows, RIDGE, STEPS);
const prob = probability;

/** Every arm's gate: the model has at least three start lines. */
const gated = (f: Facts): boolean => f.starts >= 3;

/** shape32's arm (shipped). */
const shape32Arm = (f: Facts): boolean => f.starts >= 3 && f.rulesFramed >= 0.25 && 2 * f.modelFramed < f.rulesFramed;
/** shape34's disagreement arm (session 34, registered; failed its bar on 01-76): shape32's arm or `disagreeArm`. */
const shape34Arm = (f: Facts): boolean => shape32Arm(f) || disagreeArm(f);

/** Main's shipped arbitration (shape32's arm or shape33b's count arm), as the study's `ARBITRATIONS` writes it. */
const mainArm = (f: Facts): boolean => (f.starts >= 3 && f.rulesFramed >= 0.25 && 2 * f.modelFramed < f.rulesFramed) || shippedCountArm(f, f.modelPosts);

const blindExample = (d: DumpRow, withSure: boolean): Example => ({ x: features(d.facts, withSure), y: meanShare(d.model) - meanShare(d.first) > MARGIN ? 1 : 0 });
const fixtureExample = (r: { facts: Facts }, withSure: boolean): Example => ({ x: features(r.facts, withSure), y: 0 });

/** A chrome-perturbed variant as a negative of learned40f's fit (weight `CHROME_WEIGHT`). */
const chromeExample = (r: ChromeRow, withSure: boolean): Example => ({ x: features(r.facts, withSure), y: 0, w: CHROME_WEIGHT });

/**
 * The cut for a unit left out: the highest probability of a fixture (of `folds`) fit without the unit and its own fold
 * (`fx`); beside it (`chrome`, session 37) the highest probability of a chrome-perturbed variant of that fold under the
 * same fit. With `chromeFitted` (learned40f) each fit also holds the variants of the folds it holds.
 */
function nestedCut(blindTrain: readonly DumpRow[], fixtureTrain: typeof fixtures, withSure: boolean, chromeFitted = false): { fx: number; chrome: number } {
  let cut = 0;
  let chrome = 0;
  const folds = [...new Set(fixtureTrain.map((r) => r.fold))];
  for (const g of folds) {
    const variants = chromeFitted ? chromeFit.filter((r) => r.fold !== g && folds.includes(r.fold)).map((r) => chromeExample(r, withSure)) : [];
    const m = fit([...blindTrain.map((d) => blindExample(d, withSure)), ...fixtureTrain.filter((r) => r.fold !== g).map((r) => fixtureExample(r, withSure)), ...variants]);
    for (const r of fixtureTrain) if (r.fold === g) cut = Math.max(cut, prob(m, features(r.facts, withSure)));
    for (const r of chromeFit) if (r.fold === g) chrome = Math.max(chrome, prob(m, features(r.facts, withSure)));
  }
  return { fx: cut, chrome };
}

const blindFit = dumps.filter((d) => gated(d.facts));
const fixtureFit = fixtures.filter((r) => gated(r.facts));
const generatedFit = generatedRows.filter((r) => gated(r.facts));
const chromeFit = chromeRows.filter((r) => gated(r.facts));
const rounds = [...new Set(dumps.map((d) => d.round))].sort();
/** The highest probability a generated negative (of `rows`) gets from `m`; 0 with none. */
const generatedMax = (m: Logistic, withSure: boolean, rows: readonly GeneratedRow[] = generatedFit): number => Math.max(0, ...rows.map((r) => prob(m, features(r.facts, withSure))));

interface Variant {
  name: string;
  withSure: boolean;
  withMain: boolean;
  /** The generated known-layout negatives in the cut (shape38). */
  generated: boolean;
  /** The chrome-perturbed fixtures in the cut (learned40) or also fit (learned40f); session 37. */
  chrome?: 'cut' | 'fit';
}
const VARIANTS: Variant[] = [
  { name: "learned36 (pre-registered): main's arbitration, or the learned model above its nested cut", withSure: true, withMain: true, generated: false },
  { name: 'variant: the learned model alone', withSure: true, withMain: false, generated: false },
  { name: "variant: main's, or the learned model over the library's facts (no sure* shares)", withSure: false, withMain: true, generated: false },
  ...(generatedRows.length > 0
    ? [{ name: "learned38 (registered for session 36): learned36 with the generated negatives in its cut", withSure: true, withMain: true, generated: true }]
    : []),
  ...(chromeRows.length > 0
    ? [
        { name: 'learned40 (registered for session 37): learned38 with the chrome-perturbed fixtures in its cut', withSure: true, withMain: true, generated: true, chrome: 'cut' as const },
        { name: 'learned40f (registered for session 37): learned40 with the chrome-perturbed fixtures also fit (weight 1/4 each)', withSure: true, withMain: true, generated: true, chrome: 'fit' as const },
      ]
    : []),
];
const vkey = (v: { withSure: boolean; generated: boolean; chrome?: 'cut' | 'fit' }): string => `${v.withSure}|${v.generated}${v.chrome ? `|chrome-${v.chrome}` : ''}`;
/** The fits a variant's learned model comes from: with or without the sure* facts, with or without the variants fit. */
const fitKey = (v: { withSure: boolean; chrome?: 'cut' | 'fit' }): string => `${v.withSure}${v.chrome === 'fit' ? '|fit' : ''}`;
/** A unit's fit rows: the blind dumps and fixtures given, and with `chromeFitted` the variants of `folds`. */
const fitRows = (blind: readonly DumpRow[], fxs: typeof fixtures, withSure: boolean, chromeFitted: boolean): Example[] => [
  ...blind.map((d) => blindExample(d, withSure)),
  ...fxs.map((x) => fixtureExample(x, withSure)),
  ...(chromeFitted ? chromeFit.filter((r) => fxs.some((x) => x.fold === r.fold)).map((r) => chromeExample(r, withSure)) : []),
];

const f3 = (x: number): string => x.toFixed(3);
const fig = (s: Score): string => `${f3(share(s.authors, s.posts))} / ${f3(share(s.starts, s.posts))} / ${f3(share(s.parents, s.parentsGold))} (${s.countsExact}/${s.files})`;

// each blind dump's probability under each variant's learned model (with its round left out), and the round's cut
const pOf = new Map<string, number>();
const taken: Record<string, Set<string>> = {};
const cuts: Record<string, Record<string, number>> = {};
const learnedKeys = [...new Map(VARIANTS.map((v) => [vkey(v), v])).values()];
const learnedTaken = new Map<string, Set<string>>();
for (const group of new Map(learnedKeys.map((v) => [fitKey(v), v])).values()) {
  const withSure = group.withSure;
  const chromeFitted = group.chrome === 'fit';
  const members = learnedKeys.filter((v) => fitKey(v) === fitKey(group));
  const sets = new Map(members.map((v) => [vkey(v), new Set<string>()]));
  for (const r of rounds) {
    const train = blindFit.filter((d) => d.round !== r);
    const m = fit(fitRows(train, fixtureFit, withSure, chromeFitted));
    const nested = nestedCut(train, fixtureFit, withSure, chromeFitted);
    const cutFx = nested.fx;
    const cutGen = Math.max(cutFx, generatedMax(m, withSure));
    const cutChrome = Math.max(cutGen, nested.chrome);
    if (!chromeFitted) {
      (cuts[String(withSure)] ??= {})[r] = cutFx;
      if (generatedRows.length > 0) (cuts[`${withSure}|generated`] ??= {})[r] = cutGen;
    }
    if (members.some((v) => v.chrome !== undefined)) (cuts[`${withSure}|chrome${chromeFitted ? ' (also fit)' : ''}`] ??= {})[r] = cutChrome;
    for (const d of dumps) {
      if (d.round !== r || !gated(d.facts)) continue;
      const p = prob(m, features(d.facts, withSure));
      pOf.set(`${fitKey(group)}:${d.name}`, p);
      for (const v of members) if (p > (v.chrome !== undefined ? cutChrome : v.generated ? cutGen : cutFx)) sets.get(vkey(v))!.add(d.name);
    }
  }
  for (const [k, set] of sets) learnedTaken.set(k, set);
}

// the fixture check: each fold left out (session 37: the fold's chrome-perturbed variants checked by the same fit and cut)
const fixtureTaken = new Map<string, string[]>();
const fixtureP = new Map<string, number>();
const chromeTaken = new Map<string, string[]>();
/** Each learned arm's chrome variants with their probability and cut in the fixture check of their fold. */
const chromeP = new Map<string, Array<{ name: string; p: number; cut: number }>>();
for (const v of learnedKeys) {
  const list: string[] = [];
  const chromeList: string[] = [];
  const chromeFitted = v.chrome === 'fit';
  for (let f = 0; f < K; f++) {
    const train = fixtureFit.filter((r) => r.fold !== f);
    const m = fit(fitRows(blindFit, train, v.withSure, chromeFitted));
    const nested = nestedCut(blindFit, train, v.withSure, chromeFitted);
    const cutFx = nested.fx;
    const cutGen = v.generated ? Math.max(cutFx, generatedMax(m, v.withSure)) : cutFx;
    const cut = v.chrome !== undefined ? Math.max(cutGen, nested.chrome) : cutGen;
    for (const r of fixtureFit) {
      if (r.fold !== f) continue;
      const p = prob(m, features(r.facts, v.withSure));
      if (!v.generated) fixtureP.set(`${v.withSure}:${r.name}`, p);
      if (p > cut) list.push(`${r.name} (fold ${f}, p ${f3(p)}, cut ${f3(cut)})`);
    }
    for (const r of chromeFit) {
      if (r.fold !== f) continue;
      const p = prob(m, features(r.facts, v.withSure));
      if (p > cut) chromeList.push(`${r.name} (fold ${f}, p ${f3(p)}, cut ${f3(cut)})`);
      (chromeP.get(vkey(v)) ?? chromeP.set(vkey(v), []).get(vkey(v))!).push({ name: r.name, p, cut });
    }
  }
  fixtureTaken.set(vkey(v), list);
  chromeTaken.set(vkey(v), chromeList);
}

// the generated negatives each arm takes (see the head comment); a learned arm's from the fit on every round and fixture
const generatedTaken = new Map<string, string[]>();
for (const v of learnedKeys) {
  if (generatedRows.length === 0) break;
  const m = fit(fitRows(blindFit, fixtureFit, v.withSure, v.chrome === 'fit'));
  const nested = nestedCut(blindFit, fixtureFit, v.withSure, v.chrome === 'fit');
  const cutFx = v.chrome !== undefined ? Math.max(nested.fx, nested.chrome) : nested.fx;
  const list: string[] = [];
  generatedFit.forEach((r, i) => {
    const cut = v.generated ? Math.max(cutFx, generatedMax(m, v.withSure, generatedFit.filter((_, j) => j % K !== i % K))) : cutFx;
    const p = prob(m, features(r.facts, v.withSure));
    if (p > cut) list.push(`${r.name} (p ${f3(p)}, cut ${f3(cut)})`);
  });
  generatedTaken.set(vkey(v), list);
}

const readings: Array<{ name: string; take: (d: DumpRow) => boolean; generated?: () => string[]; fixtures?: () => string[]; chrome?: () => string[] }> = [
  { name: 'first try', take: () => false, generated: () => [], fixtures: () => [], chrome: () => [] },
  { name: 'model alone (left out)', take: () => true, generated: () => generatedFit.map((r) => `${r.name}${r.modelRight ? '' : ' (model wrong)'}`), fixtures: () => fixtureFit.map((r) => r.name), chrome: () => chromeFit.map((r) => r.name) },
  { name: "main's arbitration (shape32's arm or shape33b's count arm)", take: (d) => mainArm(d.facts), generated: () => generatedRows.filter((r) => mainArm(r.facts)).map((r) => r.name), fixtures: () => fixtures.filter((r) => mainArm(r.facts)).map((r) => r.name), chrome: () => chromeRows.filter((r) => mainArm(r.facts)).map((r) => r.name) },
  { name: "shape34's disagreement arm (shape32's arm or disagreeArm)", take: (d) => shape34Arm(d.facts), generated: () => generatedRows.filter((r) => shape34Arm(r.facts)).map((r) => r.name), fixtures: () => fixtures.filter((r) => shape34Arm(r.facts)).map((r) => r.name), chrome: () => chromeRows.filter((r) => shape34Arm(r.facts)).map((r) => r.name) },
  ...VARIANTS.map((v) => ({
    name: v.name,
    take: (d: DumpRow) => (v.withMain && mainArm(d.facts)) || learnedTaken.get(vkey(v))!.has(d.name),
    generated: () => [...(v.withMain ? generatedRows.filter((r) => mainArm(r.facts)).map((r) => `${r.name} (main's)`) : []), ...(generatedTaken.get(vkey(v)) ?? [])],
    fixtures: () => [...(v.withMain ? fixtures.filter((r) => mainArm(r.facts)).map((r) => `${r.name} (main's)`) : []), ...fixtureTaken.get(vkey(v))!],
    chrome: () => [...(v.withMain ? chromeRows.filter((r) => mainArm(r.facts)).map((r) => `${r.name} (main's)`) : []), ...chromeTaken.get(vkey(v))!],
  })),
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
for (const rd of readings.slice(2)) console.log(`\n${rd.name}: takes ${taken[rd.name]!.size}: ${[...taken[rd.name]!].map((n) => n.split('_')[0]!).join(', ')}`);
for (const [k, c] of Object.entries(cuts)) console.log(`\ncuts by round (${k}): ${Object.entries(c).map(([r, x]) => `${r} ${f3(x)}`).join(', ')}`);
for (const withSure of new Set(learnedKeys.map((v) => v.withSure))) {
  console.log(`\nlearned (${withSure ? 'all facts' : "library's facts"}):`);
  for (const v of learnedKeys.filter((x) => x.withSure === withSure)) {
    const how = v.chrome === 'fit' ? 'chrome also fit' : v.chrome === 'cut' ? 'chrome in the cut' : v.generated ? 'generated in the cut' : 'fixture cut';
    const chrome = chromeRows.length > 0 ? `; chrome variants taken in the ${K} folds: ${chromeTaken.get(vkey(v))!.length}` : '';
    console.log(`  ${how}: fixtures taken in the ${K} folds: ${fixtureTaken.get(vkey(v))!.length} ${fixtureTaken.get(vkey(v))!.join(', ')}${chrome}`);
  }
  for (const key of [...new Set(learnedKeys.filter((x) => x.withSure === withSure).map(fitKey))]) {
    const top = dumps.filter((d) => pOf.has(`${key}:${d.name}`)).sort((a, b) => pOf.get(`${key}:${b.name}`)! - pOf.get(`${key}:${a.name}`)!);
    console.log(`  highest left-out probabilities${key.endsWith('|fit') ? ' (the fit with the chrome variants)' : ''}: ${top.slice(0, 15).map((d) => `${d.name.split('_')[0]!} ${f3(pOf.get(`${key}:${d.name}`)!)} (y ${blindExample(d, true).y})`).join(', ')}`);
  }
}
// the bar against main's arbitration
const main = table[readings[2]!.name]!;
if (generatedRows.length > 0) {
  console.log(`\ngenerated known-layout negatives: ${generatedRows.length} (gated ${generatedFit.length}; the model alone reads ${generatedFit.filter((r) => !r.modelRight).length} of them wrong)`);
  for (const rd of readings) console.log(`  ${rd.name}: takes ${rd.generated!().length} generated${rd.generated!().length > 0 && rd.generated!().length <= 12 ? `: ${rd.generated!().join(', ')}` : ''}; fixtures ${rd.fixtures!().length}`);
}
// session 37: the chrome-perturbed fixtures each reading takes (a learned arm: in the fixture check of the variant's fold)
if (chromeRows.length > 0) {
  const fixturesWith = new Set(chromeRows.map((r) => r.fixture)).size;
  console.log(`\nchrome-perturbed fixtures: ${chromeRows.length} variants of ${fixturesWith} fixtures (gated ${chromeFit.length})`);
  for (const rd of readings) {
    const list = rd.chrome!();
    const show = rd.name !== readings[1]!.name && list.length > 0;
    console.log(`  ${rd.name}: takes ${list.length} chrome variants${show ? `: ${list.join(', ')}` : ''}`);
  }
  for (const v of learnedKeys) {
    const top = [...(chromeP.get(vkey(v)) ?? [])].sort((a, b) => b.p - a.p).slice(0, 6);
    console.log(`  highest chrome variants' probabilities in their fold's check (${VARIANTS.filter((x) => vkey(x) === vkey(v)).map((x) => x.name.split(' (')[0]).join(' = ')}): ${top.map((x) => `${x.name} ${f3(x.p)} (cut ${f3(x.cut)})`).join(', ')}`);
  }
}
/**
 * The bar registered for session 36's read (docs/dump-styles.md, "Registration for session 36's held-out read
 * (shape38)"), bar38; with `withChrome`, bar40 (session 37's registration): (a) also counts the chrome-perturbed
 * variants a reading takes beyond main's among the known-layout negatives.
 */
function printBar(title: string, withChrome: boolean): void {
  const NEW = process.env.NEW_ROUND ?? '';
  const rate = (x: Score): number[] => [share(x.authors, x.posts), share(x.starts, x.posts), share(x.parents, x.parentsGold)];
  const hits = (x: Score): number[] => [x.authors, x.starts, x.parents];
  console.log(`\n${title} (registered; against main; rounds ${rounds[0]}..${rounds.at(-1)}${NEW ? `, new set ${NEW}` : ''}):`);
  for (const rd of readings.slice(1)) {
    if (rd.name === readings[2]!.name) continue;
    const t = table[rd.name]!;
    const d = rate(t.all!).map((x, k) => x - rate(main.all!)[k]!);
    const gain = [0, 0, 0];
    const loss = [0, 0, 0];
    let worst = 0;
    for (const r of rounds) {
      hits(t[r]!).forEach((h, k) => {
        const diff = h - hits(main[r]!)[k]!;
        if (diff > 0) gain[k]! += diff;
        else loss[k]! -= diff;
      });
      worst = Math.max(worst, ...rate(main[r]!).map((x, k) => x - rate(t[r]!)[k]!));
    }
    // known-layout negatives the arm takes beyond main's own (main ships; shape33b's count arm takes widget-56 in the folds)
    const base = (n: string): string => n.split(' (')[0]!;
    const chromeOf = (x: (typeof readings)[number]): string[] => (withChrome ? x.chrome!() : []);
    const mainKnown = new Set([...readings[2]!.fixtures!(), ...readings[2]!.generated!(), ...chromeOf(readings[2]!)]);
    const known = [...rd.fixtures!(), ...rd.generated!(), ...chromeOf(rd)].map(base).filter((n) => !mainKnown.has(n)).length;
    const meanGain = (d[0]! + d[1]! + d[2]!) / 3;
    const pooledOk = d.every((x) => x >= -1e-9) && meanGain >= 0.01;
    const ratioOk = loss.every((l, k) => 2 * l <= gain[k]!);
    const newOk = NEW === '' || (t[NEW] !== undefined && rate(t[NEW]!).every((x, k) => x >= rate(main[NEW]!)[k]! - 0.02));
    const holds = known === 0 && pooledOk && ratioOk && worst <= 0.25 + 1e-9 && newOk;
    console.log(`  ${rd.name}: known-layout negatives taken ${known}; pooled gain ${d.map((x) => (x >= 0 ? '+' : '') + f3(x)).join(' / ')} (mean ${f3(meanGain)}); gained / lost over rounds (authors, starts, parents) ${gain.join(', ')} / ${loss.join(', ')}; worst round drop ${f3(worst)}${NEW ? `; new set not lower by > 0.02 ${newOk}` : ''} -> ${holds ? 'HOLDS' : 'fails'}`);
  }
}
printBar('bar38', false);
if (chromeRows.length > 0) printBar('bar40 = bar38 with (a) extended to the chrome-perturbed fixtures', true);
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
  const fx = fixtureTaken.get(vkey(v))!.length;
  console.log(`\nbar, ${v.name}: pooled up on one ${up}, lower on none ${notLower}, rounds lower by > 0.02 on authors or parents: ${roundsLower.join(', ') || 'none'}, fixtures taken ${fx} -> ${up && notLower && roundsLower.length === 0 && fx === 0 ? 'HOLDS' : 'fails'}`);
}
// Written after the registered run (post hoc, for the lead's one read of the next held-out set, not evidence here):
// the weights of the model fit on everything, the fixtures' highest left-out probabilities, and floors on the cut.
{
  const names = [...(process.env.NO_SIZE === '1' ? [] : ['log posts', 'log starts']), 'log posts/model posts', 'agreed', 'inText', 'underHead', 'orphan', 'inArticle', 'textless', 'meanStartP', 'rulesFramed', 'modelFramed', 'rulesOdd', 'modelOdd', 'sureDisagree', 'sureStartDisagree'];
  const m = fit([...blindFit.map((d) => blindExample(d, true)), ...fixtureFit.map((x) => fixtureExample(x, true))]);
  console.log(`\npost hoc: weights fit on all 14 rounds and every fixture (standardised): bias ${f3(m.b)}, ${m.w.map((w, j) => `${names[j]} ${f3(w)}`).join(', ')}`);
  const fx = fixtureFit.map((r) => [r.name, fixtureP.get(`true:${r.name}`)!] as const).sort((a, b) => b[1] - a[1]);
  if (generatedRows.length > 0) {
    const gp = generatedFit.map((r) => [r.name, prob(m, features(r.facts, true))] as const).sort((a, b) => b[1] - a[1]);
    console.log(`post hoc: generated negatives' highest probabilities (fit on everything): ${gp.slice(0, 6).map(([n, p]) => `${n} ${f3(p)}`).join(', ')}`);
  }
  console.log(`post hoc: fixtures' highest left-out probabilities: ${fx.slice(0, 6).map(([n, p]) => `${n} ${f3(p)}`).join(', ')}`);
  for (const floor of [0.6, 0.7, 0.8, 0.9]) {
    const take = (d: DumpRow): boolean => mainArm(d.facts) || (learnedTaken.get('true|false')!.has(d.name) && pOf.get(`true:${d.name}`)! > floor);
    const per: Record<string, Score> = {};
    for (const d of dumps) {
      const sc = take(d) ? d.model : d.first;
      per[d.round] = add(per[d.round] ?? zero(), sc);
      per.all = add(per.all ?? zero(), sc);
    }
    const rate = (x: Score): number[] => [share(x.authors, x.posts), share(x.starts, x.posts), share(x.parents, x.parentsGold)];
    const lower = rounds.filter((r) => rate(per[r]!)[0]! < rate(main[r]!)[0]! - 0.02 || rate(per[r]!)[2]! < rate(main[r]!)[2]! - 0.02);
    const fxTaken = fx.filter(([, p]) => p > floor).map(([n]) => n);
    console.log(`post hoc: main's, or the learned model above its cut and ${floor}: ${fig(per.all!)}; takes ${dumps.filter(take).map((d) => d.name.split('_')[0]!).join(', ')}; rounds lower by > 0.02: ${lower.join(', ') || 'none'}; fixtures over the floor: ${fxTaken.join(', ') || 'none'}`);
  }
}
if (ji >= 0) writeFileSync(args[ji + 1]!, JSON.stringify({ table, taken: Object.fromEntries(Object.entries(taken).map(([k, v]) => [k, [...v]])), cuts, fixtures: Object.fromEntries([...fixtureTaken].map(([k, v]) => [String(k), v])), generated: Object.fromEntries([...generatedTaken]), ...(chromeRows.length > 0 ? { chrome: Object.fromEntries([...chromeTaken]) } : {}), p: Object.fromEntries(pOf) }, null, 1));
