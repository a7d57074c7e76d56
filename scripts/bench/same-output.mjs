// Checks that a speed change left the CLI's output byte for byte the same: runs two builds of the CLI (a baseline
// copy of dist/, e.g. `cp -r dist /tmp/dist-before` before the change, and the current one) on
//   - `analyze --format json` of every fixtures/*/input.* file, and
//   - `classify` of an NDJSON file (default: every fixture post's text, one record a line, with a target),
// and reports the first difference. Usage:
//   node scripts/bench/same-output.mjs <baseline-dist> [dist] [records.ndjson]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [before, after = 'dist', ndjsonArg] = process.argv.slice(2);
if (!before) throw new Error('usage: same-output.mjs <baseline-dist> [dist] [records.ndjson]');
const root = process.cwd();
const run = (dist, args) => {
  try {
    return execFileSync(process.execPath, [join(resolve(dist), 'cli.js'), ...args], { cwd: root, maxBuffer: 1 << 30 });
  } catch (err) {
    // A failing run (exit code 1-3) still has output to compare.
    return Buffer.concat([Buffer.from(`exit ${err.status}\n`), err.stdout ?? Buffer.alloc(0), Buffer.from('\n--stderr--\n'), err.stderr ?? Buffer.alloc(0)]);
  }
};
let failures = 0;
const compare = (what, args) => {
  const a = run(before, args);
  const b = run(after, args);
  if (a.equals(b)) return;
  failures++;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  console.log(`DIFFERENT: ${what} at byte ${i}\n  before: ${a.subarray(Math.max(0, i - 80), i + 80)}\n  after:  ${b.subarray(Math.max(0, i - 80), i + 80)}`);
};

const inputs = [];
for (const dir of readdirSync(join(root, 'fixtures')).sort()) {
  for (const f of readdirSync(join(root, 'fixtures', dir)).sort()) if (f.startsWith('input.')) inputs.push(join('fixtures', dir, f));
}
for (const input of inputs) compare(`analyze ${input}`, ['analyze', input, '--format', 'json']);

let ndjson = ndjsonArg;
if (!ndjson) {
  const lines = [];
  for (const input of inputs) {
    const doc = JSON.parse(run(after, ['analyze', input, '--format', 'json']).toString('utf8'));
    for (const p of doc.thread?.posts ?? []) lines.push(JSON.stringify({ id: `${input}#${p.id}`, text: p.text, target: 'the plan' }));
  }
  ndjson = join(mkdtempSync(join(tmpdir(), 'same-output-')), 'posts.ndjson');
  writeFileSync(ndjson, lines.join('\n') + '\n');
}
compare(`classify ${ndjson}`, ['classify', ndjson]);
const records = readFileSync(ndjson, 'utf8').split('\n').filter(Boolean).length;
console.log(`${inputs.length} analyze runs and classify of ${records} records: ${failures === 0 ? 'all the same' : `${failures} different`}`);
process.exitCode = failures === 0 ? 0 : 1;
