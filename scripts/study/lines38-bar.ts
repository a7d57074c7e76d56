/**
 * Study (session 38, lines38; measure only): the registered bar (b) of the line-role model H'' (docs/dump-styles.md
 * "Session 38 (lines38)"): the unguarded model alone (`useLineModelForStudy(model, true, null, true)`), each
 * development round left out, against main's. Reads `line-roles-left-out.ts --json FILE` outputs (one per variant:
 * `LINE_CHROME` unset for main, `window-record` for H'', optionally `feature` for F) and prints per round and pooled
 * authors / starts / parents (score.mjs's alignment) and counts exact, only over the rounds every file has read in full
 * (a run writes its file after each round), then (b): pooled authors and starts not below main's, and no round below
 * main's by more than 0.10 on authors or starts.
 *
 * Run: npx tsx scripts/study/lines38-bar.ts main=off.json "H'=a.json,b.json" [H2=record.json] [F=feature.json]
 */
import { readFileSync } from 'node:fs';
import { add, zero, type Score } from './lib/thread-score.js';
import { BLIND_DEV_ROUNDS } from '../train/lib/blind-rounds.js';

type Dump = { name: string; round: string; modelUnguarded: Score };
const runs = process.argv.slice(2).map((a) => {
  const [label, file] = a.split('=') as [string, string];
  // several files of one variant (runs over parts of the rounds): LABEL=a.json,b.json
  return { label, dumps: file.split(',').flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { dumps: Dump[] }).dumps) };
});
if (runs.length < 2) throw new Error('lines38-bar: give main=FILE and at least one variant LABEL=FILE');
const size = new Map(BLIND_DEV_ROUNDS.map((r) => [r.label, r.last - r.first + 1]));
// a round counts when every run has read all its dumps
const rounds = BLIND_DEV_ROUNDS.map((r) => r.label).filter((r) => runs.every((x) => x.dumps.filter((d) => d.round === r).length === size.get(r)));
const f3 = (x: number): string => x.toFixed(3);
const rate = (s: Score): [number, number, number] => [s.authors / Math.max(1, s.posts), s.starts / Math.max(1, s.posts), s.parents / Math.max(1, s.parentsGold)];
const fig = (s: Score): string => `${rate(s).map(f3).join(' / ')} (${s.countsExact}/${s.files})`;
const per = runs.map((x) => new Map(rounds.map((r) => [r, x.dumps.filter((d) => d.round === r).reduce((a, d) => add(a, d.modelUnguarded), zero())])));
const pooled = per.map((m) => [...m.values()].reduce(add, zero()));

console.log(`rounds read in full by every run (${rounds.length} of ${BLIND_DEV_ROUNDS.length}): ${rounds.join(' ')}`);
console.log(`\n| round | ${runs.map((x) => x.label).join(' | ')} |\n| --- | ${runs.map(() => '---').join(' | ')} |`);
for (const r of rounds) console.log(`| ${r} | ${per.map((m) => fig(m.get(r)!)).join(' | ')} |`);
console.log(`| pooled | ${pooled.map(fig).join(' | ')} |`);
const [main] = per;
for (const [i, x] of runs.entries()) {
  if (i === 0) continue;
  const gain = rate(pooled[i]!).map((v, k) => v - rate(pooled[0]!)[k]!);
  const worst = rounds.map((r) => {
    const d = rate(per[i]!.get(r)!).map((v, k) => v - rate(main!.get(r)!)[k]!);
    return { r, d: Math.min(d[0]!, d[1]!) };
  });
  const low = worst.filter((w) => w.d < -0.1);
  const holds = gain[0]! >= 0 && gain[1]! >= 0 && low.length === 0;
  console.log(
    `${x.label} vs ${runs[0]!.label}: pooled ${gain.map((g) => (g >= 0 ? '+' : '') + f3(g)).join(' / ')}; rounds below by more than 0.10 on authors or starts: ${low.map((w) => `${w.r} (${f3(w.d)})`).join(', ') || 'none'}; (b) ${holds ? 'HOLDS' : 'fails'}`,
  );
}
