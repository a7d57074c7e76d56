/**
 * The NDJSON filters through the built CLI (dist/cli.js): one line out per record in, error records for
 * bad ones, flat memory on a large input, and a sharded run equal to the single run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'threadlens-stream-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI; `rss` is the peak resident set size (MB) of the CLI process, reported by a preload hook. */
function run(args: string[], input?: string | Uint8Array): { code: number | null; out: string; err: string; rss: number } {
  const hook = join(dir, 'rss-hook.cjs');
  writeFileSync(hook, "process.on('exit', () => require('node:fs').writeSync(2, `\\nRSS_KB=${process.resourceUsage().maxRSS}\\n`));");
  const r = spawnSync(process.execPath, ['--require', hook, cli, ...args], { input, maxBuffer: 1 << 30, cwd: root });
  const err = r.stderr.toString('utf8');
  const rss = Number(/RSS_KB=(\d+)/.exec(err)?.[1] ?? Number.NaN) / 1024;
  return { code: r.status, out: r.stdout.toString('utf8'), err: err.replace(/\nRSS_KB=\d+\n/, ''), rss };
}

const lines = (s: string): unknown[] => s.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as unknown);

describe('threadlens classify', () => {
  const input = [
    '{"id": 1, "text": "This plan is a terrible waste. It cost 4 million euros in 2024.", "target": "the plan"}',
    '',
    '   ',
    '{"id": "two", "text": "Great point, I agree!"}',
    'not json at all',
    '{"id": 3}',
    '{"id": 4, "text": "x", "target": 5}',
    '[1, 2, 3]',
    '{"text": "no id here, still fine", "target": ["the plan", "the council"]}',
    '{"id": 5, "text": "last line without a newline"}',
  ].join('\n');

  it('writes one line per record, in order, with error records for bad ones', () => {
    const { code, out, err } = run(['classify', '-'], input);
    expect(err).toBe('');
    expect(code).toBe(0);
    const recs = lines(out) as Array<Record<string, any>>;
    expect(recs).toHaveLength(8); // 10 lines, 2 blank
    expect(recs.map((r) => r.id)).toEqual([1, 'two', null, 3, 4, null, null, 5]);
    expect(Array.isArray(recs[0]!.stances)).toBe(true); // a target was given (stance lists the targets the text names)
    expect(recs[0]!.sentiment.label).toBe('negative');
    expect(recs[1]!.stances).toBeUndefined();
    expect(Array.isArray(recs[6]!.stances)).toBe(true);
    const errors = recs.filter((r) => r.error);
    expect(errors.map((r) => [r.line, r.error.ruleId])).toEqual([
      [5, 'input/bad-record'],
      [6, 'input/bad-record'],
      [7, 'input/bad-record'],
      [8, 'input/bad-record'],
    ]);
    expect(errors[1]!.error.reason).toMatch(/text/);
    for (const r of recs.filter((x) => !x.error)) expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'sentiment', 'acts', 'moderation', 'claims']));
  });

  it('reads a file as it reads standard input, with --target for every record', () => {
    const file = join(dir, 'in.ndjson');
    writeFileSync(file, input);
    expect(run(['classify', file]).out).toBe(run(['classify', '-'], input).out);
    const withTarget = lines(run(['classify', file, '--target', 'the council']).out) as Array<Record<string, any>>;
    expect(Array.isArray(withTarget[1]!.stances)).toBe(true);
  });

  it('handles BOM, CRLF, invalid UTF-8 and lone surrogate escapes in records', () => {
    const bytes = Buffer.concat([
      Buffer.from('\ufeff{"id": 1, "text": "ok then"}\r\n'),
      Buffer.from('{"id": 2, "text": "bad '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' bytes"}\r\n{"id": 3, "text": "\\ud800 lone"}\n'),
    ]);
    const recs = lines(run(['classify', '-'], bytes).out) as Array<Record<string, any>>;
    expect(recs.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(recs[0]!.error).toBeUndefined();
    expect(recs[1]!.messages?.[0]?.ruleId).toBe('input/invalid-utf8');
    expect(recs[2]!.error).toBeUndefined();
  });

  it('gives a too-large error record past --max-input-bytes and goes on', () => {
    const big = `{"id": "big", "text": "${'word '.repeat(100)}"}\n{"id": "small", "text": "fine"}\n`;
    const recs = lines(run(['classify', '-', '--max-input-bytes', '100'], big).out) as Array<Record<string, any>>;
    expect(recs.map((r) => [r.id, r.error?.ruleId ?? null])).toEqual([
      ['big', 'input/too-large'],
      ['small', null],
    ]);
    // A line far over the limit is not even kept in memory: still one error record with its line number.
    const huge = `{"id": 1, "text": "${'x'.repeat(50_000)}"}\n{"id": 2, "text": "y"}\n`;
    const r2 = lines(run(['classify', '-', '--max-input-bytes', '1000'], huge).out) as Array<Record<string, any>>;
    expect(r2.map((r) => [r.line ?? null, r.error?.ruleId ?? null])).toEqual([
      [1, 'input/too-large'],
      [null, null],
    ]);
  });

  it('rejects bad options with a clear message', () => {
    const r = run(['classify', '-', '--jobs', 'many'], '');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--jobs/);
    const missing = run(['classify', join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such file/);
  });

  it('keeps memory flat: 64 MB of input peaks within 40 MB of 16 MB of input', () => {
    // Mostly records without text (error records: the read/parse/write path at full speed), 1 in 50 real.
    const make = (mb: number): string => {
      const pad = 'p'.repeat(1000);
      const out: string[] = [];
      let size = 0;
      for (let i = 0; size < mb * 1024 * 1024; i++) {
        const line = i % 50 === 0 ? `{"id": ${i}, "text": "The council spent 4 million on this. Terrible idea."}` : `{"id": ${i}, "pad": "${pad}"}`;
        out.push(line);
        size += line.length + 1;
      }
      return `${out.join('\n')}\n`;
    };
    const smallFile = join(dir, 'small.ndjson');
    const bigFile = join(dir, 'big.ndjson');
    const small = make(16); // past warm-up: heap and buffers at their steady size
    const big = make(64);
    writeFileSync(smallFile, small);
    writeFileSync(bigFile, big);
    const a = run(['classify', smallFile]);
    const b = run(['classify', bigFile]);
    expect(b.code).toBe(0);
    expect(b.out.split('\n').length - 1).toBe(big.split('\n').length - 1); // count out == count in
    expect(b.rss - a.rss, `peak RSS ${a.rss.toFixed(0)} MB on 16 MB, ${b.rss.toFixed(0)} MB on 64 MB`).toBeLessThan(40);
  });
});

describe('analyze --format ndjson', () => {
  it('streams NDJSON records from standard input, one document or error record each', () => {
    const input = '{"id": "a", "text": "First comment."}\n\n{"id": "b", "text": "Second one."}\n{"text": "third"}\n';
    const docs = lines(run(['analyze', '-', '--format', 'ndjson'], input).out) as Array<Record<string, any>>;
    expect(docs.map((d) => d.source.name)).toEqual(['a', 'b', '-:3']);
    const tooBig = lines(run(['analyze', '-', '-f', 'ndjson', '--max-input-bytes', '12'], input).out) as Array<Record<string, any>>;
    expect(tooBig.map((d) => d.error?.ruleId ?? d.source.name)).toEqual(['input/too-large', 'b', '-:3']);
  });

  it('reads a single dump on standard input as one document', () => {
    const dump = readFileSync(join(root, 'fixtures', 'widget-01-bike-lanes', 'input.txt'));
    const viaStdin = lines(run(['analyze', '-', '-f', 'ndjson', '--name', 'w1'], dump).out) as Array<Record<string, any>>;
    expect(viaStdin).toHaveLength(1);
    expect(viaStdin[0]!.source.name).toBe('w1');
    expect(viaStdin[0]!.thread.posts.length).toBeGreaterThan(2);
  });

  it('reports invalid UTF-8 in a file with replacement characters and a message', () => {
    const file = join(dir, 'bad-utf8.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Title\n\nSome text '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' more text.\n')]));
    for (const format of ['ndjson', 'json']) {
      const r = run(['analyze', file, '-f', format]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out.trim()) as Record<string, any>;
      expect(doc.messages.map((m: { ruleId: string }) => m.ruleId)).toContain('input/invalid-utf8');
      expect(JSON.stringify(doc.blocks)).toBeDefined();
      expect(doc.source.length).toBe(new TextDecoder().decode(readFileSync(file)).length);
    }
  });

  it('a file over --max-input-bytes: an error record naming --max-input-bytes in every format, exit 3, the other inputs written', () => {
    const file = join(root, 'fixtures', 'seed-001', 'input.txt');
    const small = join(root, 'fixtures', 'seed-000', 'input.txt');
    const nd = run(['analyze', file, '-f', 'ndjson', '--max-input-bytes', '100']);
    expect(nd.code).toBe(3);
    expect((lines(nd.out)[0] as Record<string, any>).error.ruleId).toBe('input/too-large');
    const js = run(['analyze', file, '--max-input-bytes', '100']);
    expect(js.code).toBe(3);
    expect(JSON.parse(js.out)).toEqual({ source: file, error: { ruleId: 'input/too-large', reason: expect.stringMatching(/over maxInputBytes \(100\); raise --max-input-bytes/) } });
    expect(js.err.trim().split('\n')).toHaveLength(1);
    expect(js.err).toMatch(/--max-input-bytes/);
    const limit = String(readFileSync(small).byteLength);
    const both = run(['analyze', file, small, '--max-input-bytes', limit]);
    expect(both.code).toBe(3);
    expect((JSON.parse(both.out) as Array<Record<string, any>>).map((d) => d.error?.ruleId ?? d.source.name)).toEqual(['input/too-large', small]);
  });
});

describe('sharded classify (Hadoop Streaming / Spark pipe shape)', () => {
  it('k shards run separately and concatenated give the bytes of the single run', () => {
    const texts: string[] = [];
    for (const name of ['forum-01-night-trains', 'widget-01-bike-lanes', 'seed-001', 'counted-01-bridge']) {
      for (const line of readFileSync(join(root, 'fixtures', name, 'input.txt'), 'utf8').split('\n')) if (line.trim().length > 20) texts.push(line.trim());
    }
    const records = texts.map((text, i) => JSON.stringify({ id: `r${i}`, text, ...(i % 3 === 0 ? { target: 'the council' } : {}) }));
    const all = `${records.join('\n')}\n`;
    const single = run(['classify', '-'], all).out;
    expect(single.split('\n').length - 1).toBe(records.length);
    for (const k of [2, 3, 7]) {
      const size = Math.ceil(records.length / k);
      let joined = '';
      for (let s = 0; s < k; s++) {
        const shard = records.slice(s * size, (s + 1) * size);
        if (shard.length > 0) joined += run(['classify', '-'], `${shard.join('\n')}\n`).out;
      }
      expect(joined).toBe(single);
    }
  });
});
