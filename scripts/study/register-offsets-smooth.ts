/**
 * Study (session 35, lead; measure only): is the comment register's offset choice steadier, and better on rows the
 * choice did not see, when the grid's F1 surface is smoothed before its maximum is taken? Adding blind round 77-82 moved
 * the shipped choice from (negative 0.35, positive 0.45) to (-0.1, 0.7), and the register's held-out corpus files fell
 * 0.873 / 0.706 / 0.666 -> 0.846 / 0.691 / 0.631: a jagged surface's maximum moves with a few rows.
 *
 * The same out-of-fold log-probabilities as `chooseRegisterOffsets` (`registerOutOfFold` at the shipped settings).
 * Rules compared: the raw grid maximum (sessions 33-34), and the maximum of the mean over a (2r+1)^2 neighbourhood of grid
 * cells (r = 1, 2, 3; cells past the grid's edge are left out of the mean). Each rule read nested, as
 * register-class-offsets.ts reads the shipped one: every blind round with offsets chosen on the corpus and the other
 * rounds, every corpus topic with offsets chosen on the other topics and the blind posts; and its spread: the
 * offsets each nested choice picked. FanChuan (5-fold, never chooses) beside.
 *
 * Radius 3 ships (`OFFSET_SMOOTHING`). Run: nice npx tsx scripts/study/register-offsets-smooth.ts. Docs: docs/sentiment.md, Quality, "session 35, lead".
 */
import { resolve } from 'node:path';
import { offsetLabel, pickRegisterOffsets, readBlindRows, readRegisterRows, REGISTER_LABELS, registerOffsetSurface, registerOutOfFold, type RegisterOffsets, type RegisterRow } from '../train/lib/comment-register-fit.js';
import { macroF1 } from '../eval/lib/metrics.js';

const root = resolve(import.meta.dirname, '..', '..');
const reg = [...readRegisterRows(resolve(root, '..', 'shared', 'data')), ...readBlindRows(resolve(root, 'fixtures', 'blind-threads'))];
const corpus = reg.filter((r) => r.source === 'corpus');
const fan = reg.filter((r) => r.source === 'fanchuan');
const blind = reg.filter((r) => r.source === 'blind');
const logp = registerOutOfFold(reg);

const surface = (c: readonly RegisterRow[], b: readonly RegisterRow[]): number[][] => registerOffsetSurface(logp, c, b);
const pick = pickRegisterOffsets;
const f1 = (rows: readonly RegisterRow[], d: RegisterOffsets): number => macroF1(rows.map((r) => r.gold), rows.map((r) => offsetLabel(logp.get(r)!, r, d)), REGISTER_LABELS);

const rounds = [...new Set(blind.map((r) => r.round!))];
const topics = [...new Set(corpus.map((r) => r.topic))];
const roundSurfaces = rounds.map((round) => surface(corpus, blind.filter((r) => r.round !== round)));
const topicSurfaces = topics.map((t) => surface(corpus.filter((r) => r.topic !== t), blind));
const full = surface(corpus, blind);
const fmt = (d: RegisterOffsets): string => `${d.negative}/${d.positive}`;
console.log('| rule | choice on all | nested corpus (topic out) | nested blind rounds\' mean | FanChuan at the full choice | nested choices: distinct (negative range; positive range) |\n|---|---|---:|---:|---:|---|');
for (const r of [0, 1, 2, 3]) {
  const choice = pick(full, r);
  const nestedRounds = rounds.map((round, k) => f1(blind.filter((x) => x.round === round), pick(roundSurfaces[k]!, r)));
  const labels = new Map<RegisterRow, RegisterRow['gold']>();
  const picks: RegisterOffsets[] = rounds.map((_, k) => pick(roundSurfaces[k]!, r));
  topics.forEach((t, k) => {
    const d = pick(topicSurfaces[k]!, r);
    picks.push(d);
    for (const x of corpus) if (x.topic === t) labels.set(x, offsetLabel(logp.get(x)!, x, d));
  });
  const nc = macroF1(corpus.map((x) => x.gold), corpus.map((x) => labels.get(x)!), REGISTER_LABELS);
  const ng = picks.map((d) => d.negative);
  const np = picks.map((d) => d.positive);
  console.log(
    `| ${r === 0 ? 'grid maximum (sessions 33-34)' : `neighbourhood mean, radius ${r}`} | ${fmt(choice)} | ${nc.toFixed(4)} | ${(nestedRounds.reduce((a, x) => a + x, 0) / nestedRounds.length).toFixed(4)} | ${f1(fan, choice).toFixed(4)} | ${new Set(picks.map(fmt)).size} of ${picks.length} (${Math.min(...ng)}..${Math.max(...ng)}; ${Math.min(...np)}..${Math.max(...np)}) |`,
  );
}
