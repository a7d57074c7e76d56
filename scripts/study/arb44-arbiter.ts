/**
 * Study (session 44, arb44): the learned arbiter (src/ingest/reading-arbiter.ts) fit on the forward-chained run's rows
 * (scripts/study/arb41-choose.ts --arb44 --json FILE): every eligible dump of the seventeen sets 35-40 ... 131-136 (M
 * taken, eight posts not removed on both sides, g35 not holding), labelled by M's authors + starts by index above R's.
 * Prints the fit (the weights over the standardised facts); with `--write`, writes it to scripts/study/arb44-arbiter.json,
 * the arbiter arb41-library.ts --arb44 sets through the study switch (a study's weights: nothing ships, and src/ holds
 * model files in the one format only, test/model-hash.test.ts).
 * docs/dump-styles.md "Session 44 (arb44)".
 *
 * Run: npx tsx scripts/study/arb44-arbiter.ts .cache/arb44/choose.json [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { READING_FACTS } from '../../src/ingest/reading-arbiter.js';
import { arbiterBefore, arbiterEligible, arbiterLabel } from './arb41-choose.js';

type Rows = Parameters<typeof arbiterBefore>[0];
const file = process.argv[2];
if (file === undefined) throw new Error('usage: arb44-arbiter.ts CHOOSE.json [--write]');
const rows = (JSON.parse(readFileSync(file, 'utf8')) as { rows: Rows }).rows;
const fit = arbiterBefore(rows, Number.POSITIVE_INFINITY);
const eligible = rows.filter(arbiterEligible);
console.log(`${rows.length} dumps, ${eligible.length} eligible, ${eligible.filter((r) => arbiterLabel(r) === 1).length} where M reads better`);
READING_FACTS.forEach((f, k) => console.log(`${f.padEnd(16)} mean ${fit.arbiter.mean[k]!.toFixed(4)} sd ${fit.arbiter.sd[k]!.toFixed(4)} weight ${fit.arbiter.weights[k]!.toFixed(4)}`));
console.log(`bias ${fit.arbiter.bias.toFixed(4)}`);
if (process.argv.includes('--write')) {
  const round = (xs: readonly number[]): number[] => xs.map((x) => Number(x.toPrecision(10)));
  const out = {
    note: `fit by scripts/study/arb44-arbiter.ts on ${fit.rows} eligible first-try dumps of the blind sets 35-40 ... 131-136 (${fit.positives} where the model read better)`,
    facts: READING_FACTS,
    mean: round(fit.arbiter.mean),
    sd: round(fit.arbiter.sd),
    weights: round(fit.arbiter.weights),
    bias: Number(fit.arbiter.bias.toPrecision(10)),
  };
  writeFileSync(join(resolve(import.meta.dirname), 'arb44-arbiter.json'), `${JSON.stringify(out, null, 1)}\n`);
  console.log('written: scripts/study/arb44-arbiter.json');
}
