import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';

// Runs the built CLI (npm test builds first).
const root = join(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });

describe('threadlens CLI', () => {
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error('dist/cli.js missing: run `npm run build` first');
  });
  it('analyze prints one JSON document for one file', () => {
    const r = run(['analyze', 'fixtures/seed-001/input.txt']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBeTypeOf('string');
    expect(doc.thread.posts).toHaveLength(21);
    expect(doc.source.name).toBe('fixtures/seed-001/input.txt');
  });
  it('analyze prints an array for several inputs and NDJSON on request', () => {
    const r = run(['analyze', 'fixtures/seed-000/input.txt', 'fixtures/seed-001/input.txt']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
    const n = run(['analyze', '--format', 'ndjson', 'fixtures/seed-000/input.txt', 'fixtures/seed-001/input.txt']);
    const lines = n.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!).thread.declaredCount).toBe(21);
  });
  it('reads a dump from standard input and prints a text summary', () => {
    const r = run(['analyze', '-', '--format', 'text'], 'Title: Test\n\nThe council voted to close the bridge on Monday night.\n2 Comments\nAnn Lee\nGood.\nBob\nAnn Lee, no it was Tuesday.\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Title: Test');
    expect(r.stdout).toContain('p2 Bob → p1');
  });
  it('analyzes a folder', () => {
    const r = run(['analyze', '--format', 'ndjson', 'fixtures']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(5);
  });
  it('gives one clear line and a non-zero exit on a bad path or option', () => {
    const bad = run(['analyze', 'no/such/file.txt']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('no such file');
    const opt = run(['analyze', '--bogus', 'x']);
    expect(opt.status).toBe(2);
    expect(opt.stderr).not.toContain('    at ');
    const fmt = run(['analyze', '-f', 'xml', 'fixtures/seed-000/input.txt']);
    expect(fmt.status).toBe(2);
    expect(fmt.stderr).toContain('--format');
  });
});
