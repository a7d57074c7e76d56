/**
 * `npm run bench`: speed and memory of the built package (dist/) on a fixed corpus made from the fixtures,
 * against a bare compromise parse and bare wink-sentiment over the same texts. Prints a report and writes
 * it, dated, between the bench markers of docs/performance.md (`--no-write` to only print).
 * Throughput uses CPU time of this thread; latency uses wall time per call after warm-up. Memory: peak RSS of
 * the CLI on 1,000- and 10,000-comment JSON dumps (`--large`: and 100,000).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import nlp from 'compromise';
import winkSentiment from 'wink-sentiment';
import { analyze, classifyRecord, VERSION } from '../dist/index.js';
import { pipelineShares } from './bench/steps.js';
import { corpusTexts, countWords, loadCorpus, longComments } from './bench/corpus.js';
import { bigForumDump, bigJsonDump } from './bench/big-dump.js';
import { medianRun, runChild, type ChildRun } from './bench/child.js';
import { repeatForumThread } from './bench/long-thread.js';
import { ordinaryComments } from './bench/ordinary.js';
import { cliMemory } from './bench/memory.js';
import { latencies, medianCpuMs, percentile, throughput } from './bench/measure.js';

const root = process.cwd();
const write = !process.argv.includes('--no-write');
const quick = process.argv.includes('--quick');
const large = process.argv.includes('--large');
const MIN_MS = quick ? 300 : 2000;
const lines: string[] = [];
const say = (s = ''): void => {
  lines.push(s);
  console.log(s);
};
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const corpus = loadCorpus(root);
const texts = corpusTexts(corpus);
const upTo1000 = texts.filter((t) => t.length <= 1000);
const long = longComments(texts);
const postWords = texts.reduce((n, t) => n + countWords(t), 0);
const inputs = corpus.map((t) => ({ name: t.name, bytes: t.bytes, text: new TextDecoder().decode(t.bytes) }));
const inputWords = inputs.reduce((n, t) => n + countWords(t.text), 0);
const inputPosts = corpus.reduce((n, t) => n + t.posts.length, 0);

say(`threadlens ${VERSION} benchmark, ${new Date().toISOString().slice(0, 10)}`);
say(`Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
say(`Corpus: ${corpus.length} fixture inputs (${fmt(inputs.reduce((n, t) => n + t.bytes.byteLength, 0))} bytes, ${fmt(inputWords)} words), ${texts.length} posts (${fmt(postWords)} words), ${long.length} joined comments of 600-1,000 chars`);
say();

// --- throughput -----------------------------------------------------------------------------------
interface Rate {
  label: string;
  postsPerS: number;
  wordsPerS: number;
}
const rates: Rate[] = [];
function rate(label: string, items: readonly string[], fn: (t: string) => unknown): Rate {
  const { msPerPass } = throughput(items, fn, MIN_MS);
  const words = items.reduce((n, t) => n + countWords(t), 0);
  const r = { label, postsPerS: (items.length / msPerPass) * 1000, wordsPerS: (words / msPerPass) * 1000 };
  rates.push(r);
  return r;
}
const analyzeRun = throughput(inputs, (t) => analyze(t.bytes, { name: t.name }), MIN_MS);
const analyzeRate: Rate = { label: 'analyze (whole dumps)', postsPerS: (inputPosts / analyzeRun.msPerPass) * 1000, wordsPerS: (inputWords / analyzeRun.msPerPass) * 1000 };
rates.push(analyzeRate);
const recordRate = rate('classifyRecord (per comment)', texts, (text) => classifyRecord({ text }));
const compromiseRate = rate('baseline: compromise nlp(text).json()', texts, (t) => nlp(t).json());
const winkRate = rate('baseline: wink-sentiment', texts, (t) => winkSentiment(t));

say('Throughput (CPU time):');
say('| what | posts/s | words/s |');
say('|---|---:|---:|');
for (const r of rates) say(`| ${r.label} | ${fmt(r.postsPerS)} | ${fmt(r.wordsPerS)} |`);
say();
const recordVsCompromise = recordRate.wordsPerS / compromiseRate.wordsPerS;
const analyzeVsCompromise = analyzeRate.wordsPerS / compromiseRate.wordsPerS;
say(`Ratios (words/s): classifyRecord / compromise = ${recordVsCompromise.toFixed(2)}x; analyze / compromise = ${analyzeVsCompromise.toFixed(2)}x; classifyRecord / wink-sentiment = ${(recordRate.wordsPerS / winkRate.wordsPerS).toFixed(3)}x`);
say();

// --- where the time goes ---------------------------------------------------------------------------
// Each step's share of the pipeline as `classifyRecord` runs it (one target, so stance runs): every step is timed
// inside one pass, so the shared pieces (the post's tokens and its sentiment score, which moderation and stance
// reuse) are charged once, to the step that first asks for them (sentiment), not to every step that reads them.
const stepUs = pipelineShares(texts, MIN_MS);
const stepTotal = [...stepUs.values()].reduce((n, us) => n + us, 0);
say('Per step of the pipeline, over the same posts (`classifyRecord` with one target; CPU time per post, timed inside one pass):');
say('| step | µs/post | share |');
say('|---|---:|---:|');
for (const [name, us] of stepUs) say(`| ${name} | ${fmt(us, 1)} | ${fmt((100 * us) / stepTotal)}% |`);
say();

// --- latency ---------------------------------------------------------------------------------------
const rounds = quick ? 3 : 20;
const latShort = latencies(upTo1000, (text) => classifyRecord({ text }), rounds, 3);
const latLong = latencies(long, (text) => classifyRecord({ text }), rounds * 4, 3);
const latAll = [...latShort, ...latLong];
say(`Latency of classifyRecord per comment of up to 1,000 characters (wall time, after warm-up, ${rounds} rounds):`);
say('| comments | calls | p50 ms | p90 ms | p99 ms | max ms |');
say('|---|---:|---:|---:|---:|---:|');
for (const [label, xs] of [
  ['fixture posts', latShort],
  ['joined, 600-1,000 chars', latLong],
  ['all', latAll],
] as const) {
  say(`| ${label} | ${xs.length} | ${percentile(xs, 50).toFixed(3)} | ${percentile(xs, 90).toFixed(3)} | ${percentile(xs, 99).toFixed(3)} | ${Math.max(...xs).toFixed(2)} |`);
}
say();

// --- import time -----------------------------------------------------------------------------------
function importMs(kind: 'esm' | 'cjs'): number {
  const file = join(root, 'dist', kind === 'esm' ? 'index.js' : 'index.cjs');
  const code =
    kind === 'esm'
      ? `const t=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t)`
      : `const t=performance.now();require(${JSON.stringify(file)});console.log(performance.now()-t)`;
  const args = kind === 'esm' ? ['--input-type=module', '-e', code] : ['-e', code];
  return Number(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim());
}
const importRuns = 7;
const esmImport = percentile(Array.from({ length: importRuns }, () => importMs('esm')), 50);
const cjsImport = percentile(Array.from({ length: importRuns }, () => importMs('cjs')), 50);
say(`Module import time (fresh node process, median of ${importRuns}): dist/index.js ${esmImport.toFixed(1)} ms, dist/index.cjs ${cjsImport.toFixed(1)} ms`);
say();

// --- linearity -------------------------------------------------------------------------------------
const forum = readFileSync(join(root, 'fixtures', 'forum-01-night-trains', 'input.txt'), 'utf8');
const small = repeatForumThread(forum, 25);
const big = repeatForumThread(forum, 100);
const smallPosts = analyze(small).thread.posts.length;
const bigPosts = analyze(big).thread.posts.length;
const smallMs = medianCpuMs(() => analyze(small), quick ? 3 : 7);
const bigMs = medianCpuMs(() => analyze(big), quick ? 3 : 7);
const linearity = bigMs / smallMs;
say(`Linearity: forum thread x25 (${smallPosts} posts, ${fmt(small.length)} chars) ${smallMs.toFixed(1)} ms; x100 (${bigPosts} posts, ${fmt(big.length)} chars) ${bigMs.toFixed(1)} ms: ${linearity.toFixed(2)}x for ${(bigPosts / smallPosts).toFixed(2)}x the posts`);
say();

// --- the CLI on ordinary comments, and an 8 MB dump, each in a fresh process ---------------------------
// `threadlens classify` over ordinary comments (30-60 words) in one run, start-up included, against a bare
// compromise parse of the same comments in a fresh process; then `analyze` of an 8 MB forum dump made of them.
const work = mkdtempSync(join(tmpdir(), 'threadlens-bench-'));
const ordinary = ordinaryComments(root, texts, 1500);
const ndjson = join(work, 'ordinary.ndjson');
writeFileSync(ndjson, ordinary.texts.map((text, i) => JSON.stringify({ id: `c${i}`, text })).join('\n') + '\n');
const cliRuns = [];
const baseRuns = [];
for (let r = 0; r < (quick ? 1 : 3); r++) {
  cliRuns.push(runChild(root, [join(root, 'dist', 'cli.js'), 'classify', ndjson]));
  baseRuns.push(runChild(root, [join(root, 'scripts', 'bench', 'compromise-ndjson.mjs'), ndjson]));
}
const cliRun = medianRun(cliRuns);
const baseRun = medianRun(baseRuns);
const cliRatio = baseRun.cpuMs / cliRun.cpuMs;
const cliWallRatio = baseRun.wallMs / cliRun.wallMs;
const ordinaryWords = ordinary.texts.reduce((n, t) => n + countWords(t), 0);
say(`CLI on ordinary comments: ${ordinary.texts.length} comments (${fmt(ordinaryWords)} words) from ${ordinary.source}; one run each, start-up included, median of ${cliRuns.length}:`);
say('| run | CPU s | wall s | words/s (CPU) | peak RSS MB |');
say('|---|---:|---:|---:|---:|');
for (const [label, run] of [['threadlens classify (CLI)', cliRun], ['baseline: compromise nlp(text).json() (fresh node)', baseRun]] as const) {
  say(`| ${label} | ${(run.cpuMs / 1000).toFixed(2)} | ${(run.wallMs / 1000).toFixed(2)} | ${fmt((ordinaryWords / run.cpuMs) * 1000)} | ${fmt(run.maxRssMb)} |`);
}
say(`Ratio: threadlens classify / compromise = ${cliRatio.toFixed(2)}x (CPU time), ${cliWallRatio.toFixed(2)}x (wall time)`);
say();

const forumHead = forum.slice(0, forum.indexOf('\nlevel 1\n'));
const dumpComments = ordinaryComments(root, texts, 6000).texts;
const forumDump = (mb: number): { path: string; posts: number; mb: number } => {
  const dump = bigForumDump(forumHead, dumpComments, mb * 1024 * 1024);
  const path = join(work, `dump-${mb}mb.txt`);
  writeFileSync(path, dump.text);
  return { path, posts: dump.posts, mb: Buffer.byteLength(dump.text) / (1024 * 1024) };
};
// The 8 MB dump two ways, one after the other: the library's `analyze` on one thread (a fresh process that only
// analyses), and the CLI as a user runs it on a large dump, `threadlens analyze dump --jobs 2` (the posts' own steps on
// two worker threads, corrections and output on the main thread; the JSON written to a file). Then the CLI at 1, 2
// and 4 MB for the linearity check.
const DUMP_JOBS = 2;
const dump8 = forumDump(8);
const dumpRun = runChild(root, [join(root, 'scripts', 'bench', 'analyze-file.mjs'), dump8.path]);
const cliDumpRun = (d: { path: string }, jobs = DUMP_JOBS): ChildRun => runChild(root, [join(root, 'dist', 'cli.js'), 'analyze', d.path, '--format', 'json', '--jobs', String(jobs)], join(work, 'dump-out.json'));
const cliDump8 = cliDumpRun(dump8);
const cliDump8One = cliDumpRun(dump8, 1);
const cores = cpus().length;
// What the run would take on an otherwise idle machine: every thread busy on `cores` cores, and never less than the
// main thread's own CPU time (it runs corrections and writes the output while the workers label).
const idleEstimateMs = (r: ChildRun): number => Math.max(r.mainCpuMs ?? r.cpuMs, r.cpuMs / Math.min(cores, DUMP_JOBS + 1));
say(`analyze of an ${dump8.mb.toFixed(1)} MB forum dump (${fmt(Number(dumpRun.stdout.trim()))} posts of ordinary comments), each in a fresh process, load average ${loadavg()[0]!.toFixed(1)}:`);
say('| run | CPU s | main thread CPU s | wall s | wall on an idle machine (estimate) s | peak RSS MB |');
say('|---|---:|---:|---:|---:|---:|');
const mainCpu = (r: ChildRun): string => (r.mainCpuMs === null ? 'n/a' : (r.mainCpuMs / 1000).toFixed(1));
say(`| library \`analyze\`, one thread (no output) | ${(dumpRun.cpuMs / 1000).toFixed(1)} | ${mainCpu(dumpRun)} | ${(dumpRun.wallMs / 1000).toFixed(1)} | ${(dumpRun.cpuMs / 1000).toFixed(1)} | ${fmt(dumpRun.maxRssMb)} |`);
say(`| \`threadlens analyze --jobs ${DUMP_JOBS} --format json\` (CLI, output to a file) | ${(cliDump8.cpuMs / 1000).toFixed(1)} | ${mainCpu(cliDump8)} | ${(cliDump8.wallMs / 1000).toFixed(1)} | ${(idleEstimateMs(cliDump8) / 1000).toFixed(1)} | ${fmt(cliDump8.maxRssMb)} |`);
say(`| \`threadlens analyze --jobs 1 --format json\` (CLI, output to a file) | ${(cliDump8One.cpuMs / 1000).toFixed(1)} | ${mainCpu(cliDump8One)} | ${(cliDump8One.wallMs / 1000).toFixed(1)} | ${(cliDump8One.cpuMs / 1000).toFixed(1)} | ${fmt(cliDump8One.maxRssMb)} |`);
say(`Same run, CLI: --jobs ${DUMP_JOBS} / --jobs 1 = ${(cliDump8.wallMs / cliDump8One.wallMs).toFixed(2)}x the wall time, ${(cliDump8.cpuMs / cliDump8One.cpuMs).toFixed(2)}x the CPU time (the threads' overhead); the idle-machine estimate is max(main thread CPU, CPU / ${Math.min(cores, DUMP_JOBS + 1)} cores), and one thread's CPU time for one thread`);
const linear = (quick ? [] : [1, 2, 4]).map((mb) => {
  const d = forumDump(mb);
  return { d, r: cliDumpRun(d) };
});
if (linear.length > 0) {
  linear.push({ d: dump8, r: cliDump8 });
  say(`Linearity of \`threadlens analyze --jobs ${DUMP_JOBS}\` (the forum dump at 1, 2, 4 and 8 MB):`);
  say('| dump | posts | CPU s | CPU ms per 1,000 posts | wall s | peak RSS MB |');
  say('|---:|---:|---:|---:|---:|---:|');
  for (const { d, r } of linear) say(`| ${d.mb.toFixed(1)} MB | ${fmt(d.posts)} | ${(r.cpuMs / 1000).toFixed(1)} | ${fmt((r.cpuMs / d.posts) * 1000)} | ${(r.wallMs / 1000).toFixed(1)} | ${fmt(r.maxRssMb)} |`);
  const first = linear[0]!;
  // The cost of each added post (CPU between two sizes over the posts between them): flat when the cost is linear.
  const marginal = linear.slice(1).map(({ d, r }, i) => ((r.cpuMs - linear[i]!.r.cpuMs) / (d.posts - linear[i]!.d.posts)) * 1000);
  say(`8x the posts: ${(cliDump8.cpuMs / first.r.cpuMs).toFixed(2)}x the CPU time (start-up and warm-up are a fixed part); CPU ms per 1,000 added posts from 1 to 2, 2 to 4 and 4 to 8 MB: ${marginal.map((m) => fmt(m)).join(', ')} (linear: equal)`);
}
say();
rmSync(work, { recursive: true, force: true });

// --- memory and targets ----------------------------------------------------------------------------
const peakRssMb = process.resourceUsage().maxRSS / 1024;
say(`Peak RSS of this benchmark process: ${fmt(peakRssMb)} MB`);
say();
// The CLI on large structured dumps (`analyze dump.json --format json`, a fresh process each): peak RSS,
// and memory per post from the difference between two sizes (the fixed cost of Node and the models cancels).
const sizes = quick ? [1_000, 10_000] : large ? [1_000, 10_000, 100_000] : [1_000, 10_000];
const mem = sizes.map((n) => {
  const dump = bigJsonDump(texts, n);
  return { n, bytes: Buffer.byteLength(dump), ...cliMemory(root, dump, ['--format', 'json', '--max-input-bytes', String(Buffer.byteLength(dump))]) };
});
say('Memory of `threadlens analyze dump.json --format json` on structured dumps (corpus posts cycled, every third a reply):');
say('| comments | input | output | peak RSS | wall time | exit |');
say('|---:|---:|---:|---:|---:|---:|');
for (const m of mem) say(`| ${fmt(m.n)} | ${fmt(m.bytes / 1e6, 1)} MB | ${fmt(m.outBytes / 1e6, 1)} MB | ${fmt(m.rssMb)} MB | ${fmt(m.seconds, 1)} s | ${m.code} |`);
const m1 = mem.find((m) => m.n === 1_000)!;
const m10 = mem.find((m) => m.n === 10_000)!;
const kbPerPost = ((m10.rssMb - m1.rssMb) * 1024) / (m10.n - m1.n);
say(`Memory per post: ${fmt(kbPerPost, 1)} KB (peak RSS difference between 10,000 and 1,000 comments, over 9,000 posts); largest dump here: ${fmt(mem[mem.length - 1]!.n)} comments${large ? '' : ' (`--large` adds 100,000)'}`);
say();
const p99 = percentile(latAll, 99);
const targets: Array<[string, boolean]> = [
  [`per-comment analysis >= 2x a bare compromise parse (${recordVsCompromise.toFixed(2)}x)`, recordVsCompromise >= 2],
  [`p99 < 5 ms per comment up to 1,000 chars (${p99.toFixed(2)} ms)`, p99 < 5],
  [`import < 300 ms (${esmImport.toFixed(0)} ms ESM, ${cjsImport.toFixed(0)} ms CJS)`, Math.max(esmImport, cjsImport) < 300],
  [`4x the posts takes <= ~4x the time (${linearity.toFixed(2)}x)`, linearity <= 4.4],
  [`threadlens classify (CLI, one run) >= 2x a bare compromise parse of the same ordinary comments (${cliRatio.toFixed(2)}x CPU, ${cliWallRatio.toFixed(2)}x wall)`, cliRatio >= 2],
  [
    `analyze of an 8 MB dump <= 30 s and 1 GB (\`--jobs ${DUMP_JOBS}\`: ${(cliDump8.wallMs / 1000).toFixed(1)} s wall at load ${loadavg()[0]!.toFixed(1)}, ${(idleEstimateMs(cliDump8) / 1000).toFixed(1)} s on an idle ${cores}-core machine by estimate, ${(cliDump8.cpuMs / 1000).toFixed(1)} s CPU, ${fmt(cliDump8.maxRssMb)} MB; one thread: ${(dumpRun.cpuMs / 1000).toFixed(1)} s CPU, ${fmt(dumpRun.maxRssMb)} MB)`,
    Math.min(cliDump8.wallMs, idleEstimateMs(cliDump8)) <= 30_000 && cliDump8.maxRssMb <= 1024,
  ],
  [`a 10,000-comment dump in under 600 MB (${fmt(m10.rssMb)} MB peak RSS, --format json)`, m10.rssMb < 600 && m10.code === 0],
];
say('Targets:');
for (const [label, ok] of targets) say(`- ${ok ? 'MET' : 'MISSED'}: ${label}`);

if (write) {
  const path = join(root, 'docs', 'performance.md');
  const doc = readFileSync(path, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`docs/performance.md has no ${start} ... ${end} section`);
  writeFileSync(path, `${doc.slice(0, a + start.length)}\n${lines.join('\n')}\n${doc.slice(b)}`);
  console.log(`\nwrote docs/performance.md`);
}
