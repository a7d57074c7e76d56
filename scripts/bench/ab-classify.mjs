// A/B of two builds' `classifyRecord` in one process (session 21, perf21): on a shared machine the load drifts
// between two fresh processes more than a small change moves the time, so both builds are imported here and
// warmed, then rounds alternate A, B / B, A over the same comments. Prints each build's median and minimum CPU ms
// per round, the median of the per-pair ratios B / A, and the wall-clock p50 / p99 per call. Usage:
//   node --import tsx scripts/bench/ab-classify.mjs <distA> <distB> <records.ndjson | long> [rounds=10]
// `long` reads the bench's joined 600-1,000 character comments (scripts/bench/corpus.ts), each six times a round.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [da, db, file, roundsArg = '10'] = process.argv.slice(2);
if (!da || !db || !file) throw new Error('usage: ab-classify.mjs <distA> <distB> <records.ndjson | long> [rounds]');
const load = async (dist) => (await import(pathToFileURL(resolve(dist, 'index.js')).href)).classifyRecord;
const A = await load(da);
const B = await load(db);
let texts;
if (file === 'long') {
  const { loadCorpus, corpusTexts, longComments } = await import('./corpus.ts');
  const long = longComments(corpusTexts(loadCorpus(process.cwd())));
  texts = Array.from({ length: 6 }, () => long).flat();
} else texts = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
for (let r = 0; r < 2; r++) for (const text of texts) (A({ text }), B({ text }));
const cpu = { a: [], b: [] };
const wall = { a: [], b: [] };
for (let r = 0; r < Number(roundsArg); r++) {
  for (const k of r % 2 ? ['b', 'a'] : ['a', 'b']) {
    const f = k === 'a' ? A : B;
    const c0 = process.cpuUsage();
    for (const text of texts) {
      const w = performance.now();
      f({ text });
      wall[k].push(performance.now() - w);
    }
    const c = process.cpuUsage(c0);
    cpu[k].push((c.user + c.system) / 1000);
  }
}
const at = (x, q) => [...x].sort((p, s) => p - s)[Math.min(x.length - 1, Math.floor(q * x.length))];
const ratios = cpu.a.map((a, i) => cpu.b[i] / a);
console.log(
  `A median ${at(cpu.a, 0.5).toFixed(0)} min ${Math.min(...cpu.a).toFixed(0)} | B median ${at(cpu.b, 0.5).toFixed(0)} min ${Math.min(...cpu.b).toFixed(0)} CPU ms per round | ` +
    `B/A per pair median ${at(ratios, 0.5).toFixed(3)} | wall p50 A ${at(wall.a, 0.5).toFixed(3)} B ${at(wall.b, 0.5).toFixed(3)}, p99 A ${at(wall.a, 0.99).toFixed(3)} B ${at(wall.b, 0.99).toFixed(3)} ms`,
);
