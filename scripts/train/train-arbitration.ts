/**
 * Fits the learned arbitration (session 36, shape39: learned38, the registered learned36 with the two size features and
 * the generated known-layout negatives in its cut; the library form built by shape37) and writes
 * .cache/arbitration.model.json (study only: the library arm was reverted in session 36, when it took a property
 * test's made-up dump the rules read right; the form stays in scripts/study/patches/shape39-learned38.patch): a ridge logistic model (scripts/train/lib/ridge-logistic.ts, penalty 1, 50 Newton
 * steps) over scripts/study/lib/arbitration-features.ts `arbitrationFeatures` (16), predicting "the line-role model's reading
 * beats the rules' first try on this dump by more than 0.05 on the mean of its authors / starts / parents shares".
 *
 * Data: the per-dump JSON of scripts/study/line-roles-left-out.ts (`--json`): each blind development dump's facts
 * between its first try (the src of its gold's commit) and the line-role model fit without its round, with both
 * readings' scores (the label); and (`--fixtures 5 --json`) each fixture's facts between today's rules and the model
 * fit without its fold, every fixture a negative (today's rules' reading is the hand-checked one). Only dumps and
 * fixtures where the model has at least three start lines are fit (every arm's gate).
 *
 * The cut (`thresholds.cut`, taken when the probability is above it), as learned38 defines it for a fit on everything:
 * the highest probability any known-layout negative gets: a fixture from a model fit on every blind dump and the other
 * four fixture folds (a fixture's fold: its index in name order mod 5), or (`--generated gen.json`, the `generated` rows
 * of line-roles-left-out.ts `--generated N`) a generated dump the rules read right, under the model fit on everything.
 * Generated JSON dumps are left out (the registered read's GENERATED_SKIP=json: src/ingest/json.ts returns a JSON dump
 * before `modelSection`, so the arbitration never weighs one). The generated dumps are not fit.
 *
 * Session 37 (shape40): with `--chrome chrome.json` (the `chrome` rows of line-roles-left-out.ts `--chrome N`, the
 * registration's chrome-perturbed fixtures) the cut is learned40's: the highest probability of a fold's gated variants
 * under the nested fit without that fold joins the fixtures' part; with `--chrome-fit` too (learned40f) the gated
 * variants are also fit as negatives, weight 1/4 each, in the fit on everything and in each nested fit that holds
 * their fixture's fold. Without `--chrome` the model file is the same byte for byte.
 *
 * Not part of `npm run train`: its input comes from the study's runs (about 30 minutes on two cores), not from the repo.
 * Usage: npx tsx scripts/train/train-arbitration.ts a.json [b.json ...] --fixtures fx.json [--generated gen.json]
 *   [--chrome chrome.json [--chrome-fit]] [--data "where the JSON comes from"]
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureHash, writeModel } from './lib/fit-model.js';
import { fitLogistic, meanShare, probability, toLinearModel, type DumpScore, type Example } from './lib/ridge-logistic.js';
import { arbitrationFeatures, type ArbitrationFacts } from '../study/lib/arbitration-features.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A blind dump is positive when the model beats the first try by more than this (the study's label). */
const MARGIN = 0.05;
/** Folds of the fixtures, as the study's `--fixtures 5`. */
const K = 5;

interface DumpRow {
  name: string;
  round: string;
  first: DumpScore;
  model: DumpScore;
  facts: ArbitrationFacts;
}

const args = process.argv.slice(2);
const fi = args.indexOf('--fixtures');
const di = args.indexOf('--data');
const gi = args.indexOf('--generated');
const ci = args.indexOf('--chrome');
const chromeFitted = args.includes('--chrome-fit');
if (fi < 0) throw new Error('train-arbitration: --fixtures fx.json is required');
if (chromeFitted && ci < 0) throw new Error('train-arbitration: --chrome-fit needs --chrome chrome.json');
const dumpFiles = args.filter((a, i) => !a.startsWith('--') && ![fi, di, gi, ci].some((k) => k >= 0 && i === k + 1));
const dumps: DumpRow[] = dumpFiles.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { dumps: DumpRow[] }).dumps);
const fixtureRows = (JSON.parse(readFileSync(args[fi + 1]!, 'utf8')) as { fixtures: Array<{ name: string; facts: ArbitrationFacts }> }).fixtures;
/** Generated styles the arbitration never weighs (their dumps are read before `modelSection`). */
const GENERATED_SKIP = ['json'];
const generatedRows = (gi >= 0 ? (JSON.parse(readFileSync(args[gi + 1]!, 'utf8')) as { generated: Array<{ name: string; facts: ArbitrationFacts }> }).generated : []).filter(
  (r) => !GENERATED_SKIP.some((st) => r.name.startsWith(`gen-${st}/`)),
);
const fixtures = [...fixtureRows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((r, i) => ({ ...r, fold: i % K }));

const x = (f: ArbitrationFacts): number[] => arbitrationFeatures(f).map(([, v]) => v);
const gated = (f: ArbitrationFacts): boolean => f.starts >= 3;

const blind: Example[] = dumps.filter((d) => gated(d.facts)).map((d) => ({ x: x(d.facts), y: meanShare(d.model) - meanShare(d.first) > MARGIN ? 1 : 0 }));
const fixtureFit = fixtures.filter((r) => gated(r.facts));
const negative = (r: { facts: ArbitrationFacts }): Example => ({ x: x(r.facts), y: 0 });
// the chrome-perturbed fixtures (session 37): their recorded fold must be their fixture's fold here
const chromeRows = ci >= 0 ? (JSON.parse(readFileSync(args[ci + 1]!, 'utf8')) as { chrome: Array<{ name: string; fixture: string; fold: number; facts: ArbitrationFacts }> }).chrome : [];
{
  const foldOf = new Map(fixtures.map((r) => [r.name, r.fold]));
  for (const r of chromeRows) if (foldOf.get(r.fixture) !== r.fold) throw new Error(`train-arbitration: chrome variant ${r.name} has fold ${r.fold}, its fixture ${foldOf.get(r.fixture)}`);
}
const chromeFit = chromeRows.filter((r) => gated(r.facts));
/** learned40f's chrome negatives outside fold `g` (none without `--chrome-fit`), weight 1/4 each. */
const chromeNegatives = (g: number | null): Example[] => (chromeFitted ? chromeFit.filter((r) => r.fold !== g).map((r) => ({ x: x(r.facts), y: 0, w: 0.25 })) : []);

const model = fitLogistic([...blind, ...fixtureFit.map(negative), ...chromeNegatives(null)]);
// the fixtures' part of the cut: each fold left out of the fit in turn (nested, as the study's `nestedCut`); with
// --chrome, the fold's chrome variants under the same fit (learned40's cut)
let fixtureCut = 0;
let fixtureNearest = '';
let chromeCut = 0;
let chromeNearest = '';
for (let g = 0; g < K; g++) {
  const m = fitLogistic([...blind, ...fixtureFit.filter((r) => r.fold !== g).map(negative), ...chromeNegatives(g)]);
  for (const r of fixtureFit) {
    if (r.fold !== g) continue;
    const p = probability(m, x(r.facts));
    if (p > fixtureCut) [fixtureCut, fixtureNearest] = [p, r.name];
  }
  for (const r of chromeFit) {
    if (r.fold !== g) continue;
    const p = probability(m, x(r.facts));
    if (p > chromeCut) [chromeCut, chromeNearest] = [p, r.name];
  }
}
// the generated dumps' part: their highest probability under the model fit on everything (the study's `generatedMax`)
const generatedFit = generatedRows.filter((r) => gated(r.facts));
let generatedCut = 0;
let generatedNearest = '';
for (const r of generatedFit) {
  const p = probability(model, x(r.facts));
  if (p > generatedCut) [generatedCut, generatedNearest] = [p, r.name];
}
const [cut, nearest, setBy] = [
  [fixtureCut, fixtureNearest, 'a fixture with its fold left out'] as const,
  [generatedCut, generatedNearest, 'a generated dump'] as const,
  [chromeCut, chromeNearest, 'a chrome-perturbed fixture with its fold left out'] as const,
].reduce((a, b) => (b[0] > a[0] ? b : a));
const names = arbitrationFeatures(dumps[0]!.facts).map(([n]) => n);
const rounds = [...new Set(dumps.map((d) => d.round))].sort();
const featureFiles = ['scripts/study/lib/arbitration-features.ts'];
const data = di >= 0 ? args[di + 1]! : 'scripts/study/line-roles-left-out.ts --json';
const out = toLinearModel(model, names, {
  name: 'arbitration',
  fitOn: [
    `threadlens blind threads (fixtures/blind-threads, rounds ${rounds[0]}..${rounds.at(-1)}: ${dumps.length} dumps written for the project, MIT; ${blind.length} with >= 3 model start lines, ${blind.filter((e) => e.y === 1).length} positive): facts between each round's first try and the line-role model fit without the round (${data})`,
    `threadlens fixtures (fixtures/*, MIT: ${fixtures.length} in 5 folds, ${fixtureFit.length} with >= 3 model start lines, all negative): facts between today's rules and the line-role model fit without the fixture's fold`,
    ...(gi >= 0
      ? [
          `threadlens generated dumps (src/testing generators, project-written, MIT: ${generatedRows.length} read right by the rules, JSON left out, ${generatedFit.length} with >= 3 model start lines): not fit, only in the cut`,
        ]
      : []),
    ...(ci >= 0
      ? [
          `threadlens chrome-perturbed fixtures (fixtures with page-chrome lines inserted before author lines, project-written, MIT: ${chromeRows.length} read as the fixture by the rules, ${chromeFit.length} with >= 3 model start lines): ${chromeFitted ? 'fit as negatives (weight 1/4 each, left out with their fixture\'s fold) and' : 'not fit, only'} in the cut`,
        ]
      : []),
  ],
  featureFiles,
  featureHash: featureHash(featureFiles, root),
  labels: ['modelBeatsRules'],
  thresholds: { cut },
  notes: `ridge logistic (penalty 1 on standardised weights, 50 Newton steps), standardisation folded into the weights; label: the model's mean of authors / starts / parents shares above the first try's by more than ${MARGIN}; cut: the highest probability a known-layout negative gets, a fixture with its fold left out (highest ${fixtureNearest}, ${fixtureCut.toFixed(4)}) or a generated non-JSON dump under the fit on everything (highest ${generatedNearest || 'none'}, ${generatedCut.toFixed(4)})${ci >= 0 ? ` or a chrome-perturbed fixture with its fold left out (highest ${chromeNearest || 'none'}, ${chromeCut.toFixed(4)}${chromeFitted ? '; the variants also fit, weight 1/4' : ''})` : ''}; set by ${nearest}.`,
});
mkdirSync(join(root, '.cache'), { recursive: true });
writeModel(join(root, '.cache', 'arbitration.model.json'), out);
console.log(`arbitration: ${blind.length} blind (${blind.filter((e) => e.y === 1).length} positive), ${fixtureFit.length} fixtures, ${generatedFit.length} generated (not fit)${ci >= 0 ? `, ${chromeFit.length} chrome variants (${chromeFitted ? 'fit, weight 1/4' : 'not fit'})` : ''}; cut ${cut.toFixed(4)}, set by ${setBy}: ${nearest}`);
if (ci >= 0) console.log(`chrome variants' highest (fold left out): ${chromeNearest || 'none'} ${chromeCut.toFixed(4)}`);
console.log(`fixtures' highest (fold left out): ${fixtureNearest} ${fixtureCut.toFixed(4)}; generated's highest (fit on everything): ${generatedNearest || 'none'} ${generatedCut.toFixed(4)}`);
const inSample = dumps.filter((d) => gated(d.facts) && probability(model, x(d.facts)) > cut).map((d) => d.name.split('_')[0]!);
console.log(`in-sample blind dumps above the cut: ${inSample.length}: ${inSample.join(', ')}`);
