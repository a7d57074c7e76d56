import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { moderate } from '../src/classify/moderation/index.js';

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
  it('takes --spans learned|flagged (or moderationSpans in --options) for classify and analyze, workers too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadlens-spans-'));
    try {
      const texts = ['Please do not call other readers idiots.', 'You brainless troll, nobody asked.'];
      const input = texts.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n';
      const spans = (args: string[]): string[][] => run(['classify', ...args], input).stdout.trim().split('\n').map((l) => (JSON.parse(l) as { moderation: { spans: Array<{ text: string }> } }).moderation.spans.map((s) => s.text));
      const of = (mode: 'learned' | 'flagged'): string[][] => texts.map((t) => moderate(t, { spans: mode }).spans.map((s) => s.text));
      expect(spans([])).toEqual(of('learned'));
      expect(spans(['--spans', 'learned'])).toEqual(of('learned'));
      expect(spans(['--spans', 'flagged'])).toEqual(of('flagged'));
      expect(spans(['--spans', 'flagged', '--jobs', '2'])).toEqual(of('flagged'));
      // A moderator's warning that flags nothing: no highlight with 'flagged'.
      expect(spans(['--spans', 'flagged'])[0]).toEqual([]);
      const opts = join(dir, 'opts.json');
      writeFileSync(opts, JSON.stringify({ moderationSpans: 'flagged' }));
      expect(spans(['--options', opts])).toEqual(of('flagged'));
      // The flag wins over the file.
      expect(spans(['--options', opts, '--spans', 'learned'])).toEqual(of('learned'));
      const dump = JSON.stringify({ article: { title: 'Buses', text: 'The council changed the bus routes.' }, comments: texts.map((text, i) => ({ id: i + 1, author: `A${i}`, text, parentId: null, timestamp: null })) });
      const posts = (args: string[]): string[][] => (JSON.parse(run(['analyze', '-', ...args], dump).stdout) as { thread: { posts: Array<{ moderation: { spans: Array<{ text: string }> } }> } }).thread.posts.map((p) => p.moderation.spans.map((s) => s.text));
      expect(posts(['--spans', 'flagged'])).toEqual(of('flagged'));
      expect(posts([])).toEqual(of('learned'));
      const bad = run(['classify', '--spans', 'all'], input);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/--spans must be learned or flagged/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes classifier options from --options <file.json>, for analyze (one dump, NDJSON, workers) and classify', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadlens-opts-'));
    try {
      const opts = join(dir, 'opts.json');
      writeFileSync(opts, JSON.stringify({ paraphrases: [['crossing', 'trip']], moderationTerms: { insult: { numpty: 0.7 } } }));
      const dump = JSON.stringify({
        article: { title: 'Ferries', text: 'Passengers made 3.1 million crossings on the island routes last year.' },
        comments: [{ id: 1, author: 'Tobias', text: "Last year there were 2.4 million trips across to the islands, going by the harbour authority's annual report.", parentId: null, timestamp: null }],
      });
      const corrections = (out: string): string[] => (JSON.parse(out) as { thread: { posts: Array<{ corrections: Array<{ cue: string }> }> } }).thread.posts.flatMap((p) => p.corrections.map((c) => c.cue));
      expect(corrections(run(['analyze', '-'], dump).stdout)).toEqual([]);
      expect(corrections(run(['analyze', '-', '--options', opts], dump).stdout)).toEqual(['different-number']);
      const file = join(dir, 'dump.json');
      writeFileSync(file, dump);
      expect(corrections(run(['analyze', '--format', 'ndjson', '--jobs', '2', '--options', opts, file]).stdout.trim())).toEqual(['different-number']);
      const insult = (args: string[]): number => (JSON.parse(run(['classify', ...args], '{"id":1,"text":"Quiet, numpty."}\n').stdout) as { moderation: { insult: { score: number } } }).moderation.insult.score;
      // The term feeds the learned model's lexicon feature: it raises the score, by how much the model decides.
      const plain = insult([]);
      expect(plain).toBeLessThan(0.3);
      expect(insult(['--options', opts])).toBeGreaterThan(plain + 0.1);
      writeFileSync(opts, JSON.stringify({ paraphrases: 'trip' }));
      const bad = run(['analyze', '--options', opts, 'fixtures/seed-001/input.txt']);
      expect(bad.status).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toMatch(/--options: .*paraphrases/);
      writeFileSync(opts, JSON.stringify({ lexicon: {} }));
      expect(run(['classify', '--options', opts], '').stderr).toMatch(/unknown key "lexicon"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('--target wins over the --options file targets, and the file targets apply without it, in every format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadlens-targets-'));
    try {
      const opts = join(dir, 'opts.json');
      writeFileSync(opts, JSON.stringify({ targets: ['Sony'] }));
      const names = (out: string): string[] => (JSON.parse(out) as { targets: Array<{ name: string }> }).targets.map((t) => t.name);
      const input = 'fixtures/seed-001/input.txt';
      for (const format of ['json', 'ndjson']) {
        expect(names(run(['analyze', '--format', format, '--options', opts, input]).stdout)).toEqual(['Sony']);
        expect(names(run(['analyze', '--format', format, '--options', opts, '--target', 'Japan', input]).stdout)).toEqual(['Japan']);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('analyzes a folder, nested folders included', () => {
    // a folder of its own (the whole fixtures folder grows every session and took over a minute under load)
    const dir = mkdtempSync(join(tmpdir(), 'threadlens-folder-'));
    try {
      const names = ['seed-000', 'seed-001', 'seed-002'];
      for (const n of names) copyFileSync(join(root, 'fixtures', n, 'input.txt'), join(dir, `${n}.txt`));
      mkdirSync(join(dir, 'more'));
      copyFileSync(join(root, 'fixtures', 'seed-003', 'input.txt'), join(dir, 'more', 'seed-003.txt'));
      const r = run(['analyze', '--format', 'ndjson', dir]);
      expect(r.status).toBe(0);
      const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: { name: string }; thread: { posts: unknown[] } });
      expect(docs.map((d) => d.source.name.split(/[\\/]/).pop()).sort()).toEqual(['seed-000.txt', 'seed-001.txt', 'seed-002.txt', 'seed-003.txt']);
      // the same analysis as the file alone (seed-001: 21 posts; the other seeds are articles without comments)
      expect(docs.find((d) => d.source.name.endsWith('seed-001.txt'))!.thread.posts).toHaveLength(21);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
