/**
 * Session 45 (corr45): fits `src/classify/corrections/granted-correction.model.json`, the scorer of a reply granting
 * its parent's correction (granted-correction.ts), on the blind development rounds on their gold structure, and reports
 * it by round left out: each round's candidates scored by a model fit on the other rounds, flagged at the fixed keep
 * threshold 0.5 (chosen before any fit, never tuned). A candidate is a positive when the reply's gold correction is
 * the candidate's kind; a reply the gold leaves undecided (null) gives no row. The corrections found before the
 * candidates are the CLI's: every detector (collectCorrections, in thread order) and the corrected writer's
 * concessions (findConcededByWriter), as the corrections step's `finish` has them.
 * The rounds: the development list (`BLIND_DEV_ROUNDS`) plus 137-142 (development data since session 45) when the list
 * lacks it; a dump in no listed round (session 45's held-out 143-148, until they join the list) is never read. Never
 * reads ../shared/eval-threads.
 * Usage: npx tsx scripts/train/train-granted.ts [--list] [--dry] [--count]   (--dry: report only, write no model;
 *   --count: the candidates and their gold labels only, no fit)
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections, correctionProbability, findConcededByWriter } from '../../src/classify/corrections/index.js';
import { grantCandidates, type GrantCandidate } from '../../src/classify/corrections/granted-correction.js';
import { predict } from '../../src/learn/model.js';
import type { Correction } from '../../src/schema/classify.js';
import { loadGoldThreads } from '../eval/lib/gold-threads.js';
import { BLIND_DEV_ROUNDS, blindNumber } from './lib/blind-rounds.js';
import { fitModel, writeModel, type FitRow } from './lib/fit-model.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const list = process.argv.includes('--list');
const dry = process.argv.includes('--dry');
const KEEP = 0.5;
const ROUNDS = [...BLIND_DEV_ROUNDS, ...(BLIND_DEV_ROUNDS.some((r) => r.last >= 137) ? [] : [{ label: '137-142', first: 137, last: 142 }])];
const LAST_DEV = ROUNDS[ROUNDS.length - 1]!.last;
const roundOf = (n: number): number => ROUNDS.findIndex((r) => n >= r.first && n <= r.last);
const FEATURE_FILES = ['src/classify/corrections/granted-correction.ts'];

interface Row extends FitRow {
  round: number;
  name: string;
  gold: string;
  cand: GrantCandidate;
}

const rows: Row[] = [];
for (const t of loadGoldThreads(join(root, 'fixtures', 'blind-threads'), (f) => roundOf(blindNumber(f)) >= 0)) {
  const round = roundOf(blindNumber(t.name));
  const gold = t.gold.posts;
  const found = new Map<string, Correction[]>();
  const live = t.posts.filter((p, i) => !gold[i]!.removed && p.text !== '');
  t.posts.forEach((post, i) => {
    const skip = Boolean(gold[i]!.removed) || post.text === '';
    const cands = skip ? [] : collectCorrections({ post, earlier: t.posts.slice(0, i), articleSentences: t.articleSentences, earlierCorrections: found });
    found.set(post.id, cands.map((c) => c.correction));
  });
  for (const [id, c] of findConcededByWriter(live, found, correctionProbability)) found.set(id, [...(found.get(id) ?? []), c]);
  for (const cand of grantCandidates(live, found)) {
    const i = Number(cand.reply.id.slice(1));
    const g = gold[i]!.correction;
    if (g === null || g === undefined) continue;
    rows.push({ features: cand.features, y: [g === cand.kind ? 1 : 0], round, name: `${t.name} #${i}`, gold: String(g), cand });
  }
}

if (process.argv.includes('--count')) {
  // The candidates and their labels only (no fit, no left-out figure): the study before the registration.
  for (const x of rows) console.log(`${ROUNDS[x.round]!.label}\t${x.cand.kind}\tgold=${x.gold}\t${x.name}\t${x.cand.features.map(([n]) => n).join(',')}\t:: ${x.cand.reply.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  console.log(`${rows.length} candidates, ${rows.filter((x) => (x.y as number[])[0] === 1).length} positives`);
  process.exit(0);
}

const fit = (rs: readonly FitRow[], notes = '') =>
  fitModel(rs, { name: 'granted-correction', labels: ['granted'], link: 'sigmoid', fitOn: [`fixtures/blind-threads ${ROUNDS[0]!.label.split('-')[0]}-${LAST_DEV} on gold structure (written for threadlens)`], featureFiles: FEATURE_FILES, l2: () => 0.01, thresholds: { keep: KEEP }, notes });

let tp = 0;
let fp = 0;
let pos = 0;
let anyCorr = 0;
const lines: string[] = [];
ROUNDS.forEach((r, k) => {
  const test = rows.filter((x) => x.round === k);
  if (test.length === 0) {
    lines.push(`${r.label}\t0\t0\t0\t0\t0`);
    return;
  }
  const model = fit(rows.filter((x) => x.round !== k));
  let rtp = 0;
  let rfp = 0;
  let rpos = 0;
  let rany = 0;
  for (const x of test) {
    const p = predict(model, x.features)[0]!;
    const y = (x.y as number[])[0]!;
    rpos += y;
    if (p >= KEEP) {
      if (y === 1) rtp++;
      else rfp++;
      if (x.gold !== 'false') rany++;
    }
    if (list) console.log(`${r.label}\t${p.toFixed(3)}\t${x.cand.kind}\tgold=${x.gold}\t${x.name}\t${x.cand.features.map(([n]) => n).join(',')}\t:: ${x.cand.reply.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  tp += rtp;
  fp += rfp;
  pos += rpos;
  anyCorr += rany;
  lines.push(`${r.label}\t${test.length}\t${rpos}\t${rtp}\t${rfp}\t${rany}`);
});
console.log('round\tcandidates\tpositives\tflagged right (left out)\tflagged false\tflagged, gold any correction');
for (const l of lines) console.log(l);
console.log(`all\t${rows.length}\t${pos}\t${tp}\t${fp}\t${anyCorr}`);
const note = `corr45 (session 45): ${rows.length} candidates, ${pos} positives, on blind ${ROUNDS[0]!.label.split('-')[0]}-${LAST_DEV} (gold structure); by round left out at keep ${KEEP}: ${tp} granted right, ${fp} false (of them ${anyCorr - tp} on a post that corrects with another kind).`;
console.log(note);
const model = fit(rows, note);
console.log(JSON.stringify(model.weights), model.bias);
if (!dry) writeModel(join(root, 'src', 'classify', 'corrections', 'granted-correction.model.json'), model);
