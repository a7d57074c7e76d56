/**
 * Same bytes whatever runs it: across runs, across `--jobs` values (worker threads keep input order), and
 * across the ESM and CJS builds.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');

function run(args: string[], input?: string, env?: Record<string, string>): string {
  const r = spawnSync(process.execPath, [cli, ...args], { input, maxBuffer: 1 << 30, cwd: root, env: { ...process.env, ...env } });
  expect(r.stderr.toString('utf8')).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.toString('utf8');
}

const fixtureDirs = readdirSync(join(root, 'fixtures')).sort();
const fixtureInputs = fixtureDirs.flatMap((d) =>
  readdirSync(join(root, 'fixtures', d))
    .filter((f) => f.startsWith('input.'))
    .map((f) => ({ name: d, path: join(root, 'fixtures', d, f) })),
);

/** Every non-trivial line of every fixture as a record, every 4th with a target, plus some bad records. */
function records(): string {
  const out: string[] = [];
  let i = 0;
  for (const { path } of fixtureInputs) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim().length < 15) continue;
      out.push(JSON.stringify({ id: i, text: line.trim(), ...(i % 4 === 0 ? { target: ['the council', 'the plan'] } : {}) }));
      if (i % 97 === 0) out.push('{"id": "broken", "text": ');
      i++;
    }
  }
  return `${out.join('\n')}\n`;
}

// These spawn the CLI over every fixture several times: seconds on a quiet machine, minutes on a loaded one. They
// check bytes, not time, so their limit is wide (the suite's 60 s default is there to catch hangs).
const SLOW = { timeout: 300_000 };

describe('--jobs', SLOW, () => {
  it('classify: --jobs 2 and 3 write the bytes of --jobs 1, and a second run the same again', () => {
    const input = records();
    const one = run(['classify', '-'], input);
    expect(one.split('\n').length - 1).toBe(input.split('\n').length - 1);
    expect(one.length).toBeGreaterThan(100_000);
    expect(run(['classify', '-', '--jobs', '2'], input)).toBe(one);
    expect(run(['classify', '-', '--jobs', '3'], input)).toBe(one);
    expect(run(['classify', '-'], input)).toBe(one);
  });

  it('analyze --format ndjson: --jobs 2 writes the bytes of --jobs 1 over the fixtures, in input order', () => {
    const paths = fixtureInputs.map((f) => f.path);
    const one = run(['analyze', ...paths, '-f', 'ndjson']);
    const names = one.trim().split('\n').map((l) => (JSON.parse(l) as { source: { name: string } }).source.name);
    expect(names).toEqual(paths);
    expect(run(['analyze', ...paths, '-f', 'ndjson', '-j', '2'])).toBe(one);
    expect(run(['analyze', ...paths, '-f', 'ndjson'])).toBe(one);
  });

  it('analyze --format json: one dump split into batches of posts over 2 and 3 worker threads writes the bytes of --jobs 1', () => {
    // THREADLENS_TEST_BATCH splits every input (not only large ones) into batches of 3 posts, so replies, their
    // parents and the corrections walk cross batch and thread boundaries even in small fixtures.
    const paths = fixtureInputs.map((f) => f.path);
    const one = run(['analyze', ...paths, '-f', 'json']);
    expect(run(['analyze', ...paths, '-f', 'json', '-j', '2'], undefined, { THREADLENS_TEST_BATCH: '3' })).toBe(one);
    expect(run(['analyze', ...paths, '-f', 'json', '-j', '3', '--target', 'the council'], undefined, { THREADLENS_TEST_BATCH: '1' })).toBe(run(['analyze', ...paths, '-f', 'json', '--target', 'the council']));
  });
});

describe('ESM and CJS builds', () => {
  const builds = async () => ({
    esm: (await import(join(root, 'dist', 'index.js'))) as typeof import('../src/index.js'),
    cjs: createRequire(import.meta.url)(join(root, 'dist', 'index.cjs')) as typeof import('../src/index.js'),
  });
  it('are really two builds', async () => {
    const { esm, cjs } = await builds();
    expect(esm.analyze).not.toBe(cjs.analyze);
    expect(fixtureInputs.length).toBeGreaterThan(50);
  });
  // One test per fixture: each gets the whole timeout (one test over all of them hit 60 s on a loaded machine).
  it.each(fixtureInputs.map(({ name, path }) => [name, path] as const))('give byte-identical analyze and classifyRecord output on %s', async (name, path) => {
    const { esm, cjs } = await builds();
    const bytes = readFileSync(path);
    expect(JSON.stringify(cjs.analyze(bytes, { name })), name).toBe(JSON.stringify(esm.analyze(bytes, { name })));
    const text = bytes.toString('utf8').slice(0, 1000);
    expect(JSON.stringify(cjs.classifyRecord({ id: name, text, target: 'the council' }))).toBe(JSON.stringify(esm.classifyRecord({ id: name, text, target: 'the council' })));
  });
});
