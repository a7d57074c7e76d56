/**
 * Study (session 33, sent33; measure only): the comment register's most probable class with two class offsets
 * (log p + (d_neg, 0, d_pos)) chosen on the corpus's and the blind posts' out-of-fold probabilities, read on
 * FanChuan's comments by section 10's five folds (FanChuan's gold never chooses).
 *
 * Out-of-fold probabilities, every fit at the shipped settings with what section 10's folds fit on: the corpus by
 * leaving one topic out, FanChuan by `kFold(n, 5)` (as `registerCrossValidated`), the blind posts by leaving one
 * development round out (as `blindRoundsLeftOut`). The offsets maximise the mean of the corpus's and the blind
 * posts' macro-F1 over a grid (-1.5..1.5, step 0.05); each label then takes the general reading's rules as
 * `registerLabel` does (flipped praise reads negative, no evidence reads neutral). Printed: each source at d = 0
 * (section 10's reading) and at the chosen offsets, and FanChuan's best offsets on its own gold (a bound).
 *
 * Run: nice npx tsx scripts/study/register-class-offsets.ts (46 register fits). Docs: docs/sentiment.md, Quality,
 * "session 33, sent33".
 */
import { resolve } from 'node:path';
import { chooseRegisterOffsets, offsetLabel, readBlindRows, readRegisterRows, REGISTER_LABELS, registerOutOfFold, type RegisterOffsets, type RegisterRow } from '../train/lib/comment-register-fit.js';
import { macroF1 } from '../eval/lib/metrics.js';

const root = resolve(import.meta.dirname, '..', '..');
const t0 = Date.now();
const reg = [...readRegisterRows(resolve(root, '..', 'shared', 'data')), ...readBlindRows(resolve(root, 'fixtures', 'blind-threads'))];
const corpus = reg.filter((r) => r.source === 'corpus');
const fan = reg.filter((r) => r.source === 'fanchuan');
const blind = reg.filter((r) => r.source === 'blind');
console.error(`rows: corpus ${corpus.length}, FanChuan ${fan.length}, blind ${blind.length} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
const logp = registerOutOfFold(reg);
console.error(`fits done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

const f1 = (rows: readonly RegisterRow[], d: RegisterOffsets): number => macroF1(rows.map((r) => r.gold), rows.map((r) => offsetLabel(logp.get(r)!, r, d)), REGISTER_LABELS);
const rounds = [...new Set(blind.map((r) => r.round!))];
const roundMean = (d: RegisterOffsets): number => rounds.reduce((a, round) => a + f1(blind.filter((r) => r.round === round), d), 0) / rounds.length;
const none = { negative: 0, positive: 0 };
const chosen = chooseRegisterOffsets(logp, corpus, blind);
// FanChuan's best offsets on its own gold: the bound for any offset rule (chooses nothing; the raw grid maximum, radius
// 0, since the shipped choice smooths the grid: session 35).
const bound = chooseRegisterOffsets(logp, fan, fan, 0);

console.log('| reading | corpus (topic out) | blind posts (round out, pooled) | blind rounds\' mean | FanChuan (5-fold) |\n|---|---:|---:|---:|---:|');
for (const [name, d] of [['most probable class (d = 0, section 10)', none], [`offsets chosen on corpus + blind (d_neg ${chosen.negative}, d_pos ${chosen.positive})`, chosen], [`FanChuan's best offsets on its own gold (bound; d_neg ${bound.negative}, d_pos ${bound.positive})`, bound]] as const) {
  console.log(`| ${name} | ${f1(corpus, d).toFixed(4)} | ${f1(blind, d).toFixed(4)} | ${roundMean(d).toFixed(4)} | ${f1(fan, d).toFixed(4)} |`);
}
// Nested (the choice's own rows left out of it): each blind round read with offsets chosen on the corpus and the other
// rounds; each corpus topic with offsets chosen on the other topics and the blind posts.
const nestedRounds = rounds.map((round) => f1(blind.filter((r) => r.round === round), chooseRegisterOffsets(logp, corpus, blind.filter((r) => r.round !== round))));
const nestedCorpus = new Map<RegisterRow, string>();
for (const t of [...new Set(corpus.map((r) => r.topic))]) {
  const d = chooseRegisterOffsets(logp, corpus.filter((r) => r.topic !== t), blind);
  for (const r of corpus) if (r.topic === t) nestedCorpus.set(r, offsetLabel(logp.get(r)!, r, d));
}
console.log(`| nested: offsets chosen without the row's own round / topic | ${macroF1(corpus.map((r) => r.gold), corpus.map((r) => nestedCorpus.get(r)! as RegisterRow['gold']), REGISTER_LABELS).toFixed(4)} | | ${(nestedRounds.reduce((a, x) => a + x, 0) / nestedRounds.length).toFixed(4)} | |`);
console.log(`rounds at d = 0 / nested: ${rounds.map((round, k) => `${round} ${f1(blind.filter((r) => r.round === round), none).toFixed(3)} / ${nestedRounds[k]!.toFixed(3)}`).join(', ')}`);
const conf = (rows: readonly RegisterRow[], d: RegisterOffsets): string =>
  REGISTER_LABELS.map((g) => `${g} ${REGISTER_LABELS.map((p) => rows.filter((r) => r.gold === g && offsetLabel(logp.get(r)!, r, d) === p).length).join('/')}`).join('; ');
console.log(`\nFanChuan confusions (gold: read negative / neutral / positive): d = 0: ${conf(fan, none)}; chosen: ${conf(fan, chosen)}`);
console.error(`done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
