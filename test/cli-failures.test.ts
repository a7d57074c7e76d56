/**
 * Nothing crashes, nothing is lost (issue 18) and the CLI's rough edges (issue 17), through the built CLI:
 * a failing input becomes its own one-line error record and the run goes on (with and without worker
 * threads), every documented exit code, `<command> --help`, and a property over generated folders:
 * inputs out == inputs in, in order, whatever fails. Failures are injected with the THREADLENS_TEST_FAIL /
 * THREADLENS_TEST_EXIT hooks (an input whose name holds the marker throws / ends its worker thread).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'threadlens-failures-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
  err: string;
}
function run(args: string[], opts: { input?: string | Uint8Array; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { input: opts.input, cwd: root, maxBuffer: 1 << 30, env: { ...process.env, ...opts.env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}
const records = (out: string): Array<Record<string, any>> => out.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, any>);
const nameOf = (r: Record<string, any>): string => (r.error ? r.source : r.source.name);

const dump = (i: number): string =>
  `Title: Bridge ${i}\n\nThe council voted to close the bridge on Monday for ${i + 2} weeks.\n\n2 Comments\nAnn Lee\nGood decision number ${i}.\nBob\nAnn Lee, no it was Tuesday.\n`;

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, body] of Object.entries(files)) writeFileSync(join(d, f), body);
  return d;
}

describe('one failing input never takes the others down', () => {
  it('the headline reproduction of issue 18 analyses (exit 0)', () => {
    const r = run(['analyze', '-'], { input: 'The council will build 300 parking spaces.\n1 Comments\nAnn\nThe headline says 300 spaces, but the plan has 250.\n' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).thread.posts[0].corrections.length).toBeGreaterThan(0);
  });

  for (const jobs of ['1', '2']) {
    it(`an internal error in the middle of a folder: its error record, every other input written, exit 3, one line on stderr (--jobs ${jobs})`, () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 12; i++) files[`${String(i).padStart(2, '0')}${i === 5 ? '-@boom' : ''}.txt`] = dump(i);
      const d = folder(`mid-${jobs}`, files);
      const r = run(['analyze', d, '-f', 'ndjson', '-j', jobs], { env: { THREADLENS_TEST_FAIL: '@boom' } });
      expect(r.code).toBe(3);
      const recs = records(r.out);
      expect(recs.map(nameOf)).toEqual(Object.keys(files).sort().map((f) => relative(root, join(d, f))));
      expect(recs[5]).toEqual({ source: relative(root, join(d, '05-@boom.txt')), error: { ruleId: 'internal/analyze-failed', reason: expect.stringContaining('injected failure') } });
      expect(recs.filter((x) => x.error)).toHaveLength(1);
      expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(/^threadlens: .*05-@boom\.txt: injected failure .*\(internal\/analyze-failed\)$/)]);
      expect(r.err).not.toMatch(/^\s+at /m);
    });
  }

  it('--debug adds the stack trace; without it there is none', () => {
    const d = folder('debug', { 'a-@boom.txt': dump(1), 'b.txt': dump(2) });
    const r = run(['analyze', d, '--debug'], { env: { THREADLENS_TEST_FAIL: '@boom' } });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^\s+at /m);
    expect(JSON.parse(r.out).map(nameOf)).toHaveLength(2);
  });

  it('a worker thread that dies costs only the input it was running (--jobs 2)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`${i}${i === 3 ? '-@die' : ''}.txt`] = dump(i);
    const d = folder('die', files);
    const r = run(['analyze', d, '-f', 'ndjson', '-j', '2'], { env: { THREADLENS_TEST_EXIT: '@die' } });
    expect(r.code).toBe(3);
    const recs = records(r.out);
    expect(recs).toHaveLength(10);
    expect(recs.filter((x) => x.error).map(nameOf)).toEqual([relative(root, join(d, '3-@die.txt'))]);
  });

  it('a worker thread that dies while labelling a split dump\'s posts costs only that dump (--jobs 2, batches of posts)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 4; i++) files[`${i}${i === 2 ? '-@die' : ''}.txt`] = dump(i);
    const d = folder('die-split', files);
    // THREADLENS_TEST_BATCH splits every input into batches of 1 post labelled on the worker threads.
    const r = run(['analyze', d, '-f', 'ndjson', '-j', '2'], { env: { THREADLENS_TEST_EXIT: '@die', THREADLENS_TEST_BATCH: '1' } });
    expect(r.code).toBe(3);
    const recs = records(r.out);
    expect(recs.map(nameOf)).toEqual([0, 1, 2, 3].map((i) => relative(root, join(d, `${i}${i === 2 ? '-@die' : ''}.txt`))));
    expect(recs.filter((x) => x.error).map((x) => [nameOf(x), x.error.ruleId])).toEqual([[relative(root, join(d, '2-@die.txt')), 'internal/analyze-failed']]);
    expect(recs.filter((x) => !x.error).every((x) => x.thread.posts.every((p: Record<string, unknown>) => p.sentiment && p.corrections))).toBe(true);
  });

  it('json and text formats keep the failing input in its place too', () => {
    const d = folder('formats', { 'a.txt': dump(1), 'b-@boom.txt': dump(2), 'c.txt': dump(3) });
    const env = { THREADLENS_TEST_FAIL: '@boom' };
    const js = run(['analyze', d], { env });
    expect(js.code).toBe(3);
    expect((JSON.parse(js.out) as Array<Record<string, any>>).map((x) => x.error?.ruleId ?? 'ok')).toEqual(['ok', 'internal/analyze-failed', 'ok']);
    const text = run(['analyze', d, '-f', 'text'], { env });
    expect(text.code).toBe(3);
    expect(text.out).toMatch(/b-@boom\.txt: not analysed \(internal\/analyze-failed\)/);
    expect(text.out.match(/Title: Bridge/g)).toHaveLength(2);
  });

  it('a bad NDJSON line on standard input is that record\'s error, not an empty document', () => {
    const r = run(['analyze', '-', '-f', 'ndjson'], { input: '{"id": "a", "text": "First comment."}\n{"id": "b", "text": \n{"id": "c", "text": "Third."}\n' });
    expect(r.code).toBe(3);
    expect(records(r.out).map((x) => x.error?.ruleId ?? x.source.name)).toEqual(['a', 'input/bad-record', 'c']);
  });
});

describe('inputs out == inputs in, in order, whatever fails (fast-check over generated folders)', () => {
  type Kind = 'ok' | 'fail' | 'big' | 'empty' | 'binary' | 'broken-json';
  const body = (kind: Kind, i: number): string | Uint8Array => {
    if (kind === 'big') return `${dump(i)}${'More words in a long comment. '.repeat(80)}\n`;
    if (kind === 'empty') return '';
    if (kind === 'binary') return new Uint8Array(Array.from({ length: 300 }, (_, k) => (k * 89 + i) % 256));
    if (kind === 'broken-json') return '{"article": {"title": "T", "text": "Body"}, "comments": [{"id": 1, "tex';
    return dump(i);
  };
  it('holds for ndjson and json, --jobs 1 and 2, with and without --strict', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Kind>('ok', 'ok', 'ok', 'fail', 'big', 'empty', 'binary', 'broken-json'), { minLength: 1, maxLength: 7 }),
        fc.constantFrom('1', '2'),
        fc.constantFrom('ndjson', 'json'),
        fc.boolean(),
        (kinds, jobs, format, strict) => {
          const files: Record<string, string | Uint8Array> = {};
          kinds.forEach((k, i) => {
            files[`${String(i).padStart(2, '0')}-@${k}.${k === 'broken-json' ? 'json' : 'txt'}`] = body(k, i);
          });
          const d = folder(`prop-${n++}`, files);
          const r = run(['analyze', d, '-f', format, '-j', jobs, '--max-input-bytes', '1500', ...(strict ? ['--strict'] : [])], { env: { THREADLENS_TEST_FAIL: '@fail' } });
          const recs = format === 'ndjson' ? records(r.out) : kinds.length === 1 ? [JSON.parse(r.out) as Record<string, any>] : (JSON.parse(r.out) as Array<Record<string, any>>);
          expect(recs.map(nameOf)).toEqual(Object.keys(files).sort().map((f) => relative(root, join(d, f))));
          const expected = kinds.map((k) => (k === 'fail' ? 'internal/analyze-failed' : k === 'big' ? 'input/too-large' : strict && k === 'empty' ? 'input/empty' : strict && k === 'binary' ? 'input/binary' : strict && k === 'broken-json' ? 'input/invalid-json' : null));
          expect(recs.map((x) => x.error?.ruleId ?? null)).toEqual(expected);
          expect(r.code).toBe(expected.some((e) => e !== null) ? 3 : 0);
          expect(r.err).not.toMatch(/^\s+at /m);
        },
      ),
      { numRuns: 10, seed: 17 },
    );
  }, 300_000);
});

describe('exit codes and help', () => {
  const documented = (): number[] => {
    const doc = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## Exit codes'));
    return [...table.matchAll(/^\| (\d) \|/gm)].map((m) => Number(m[1]));
  };
  it('docs/cli.md documents 0, 1, 2 and 3, and each is what the CLI returns for its case', () => {
    expect(documented()).toEqual([0, 1, 2, 3]);
    const file = 'fixtures/seed-001/input.txt';
    expect(run(['analyze', file, '-f', 'ndjson']).code).toBe(0);
    expect(run(['schema']).code).toBe(0);
    const missing = run(['analyze', 'no/such/file.txt']);
    expect([missing.code, missing.out, missing.err.trim().split('\n').length]).toEqual([1, '', 1]);
    expect(run(['classify', 'no/such/file.ndjson']).code).toBe(1);
    for (const args of [['analyze', '--bogus'], ['analyze', '-f', 'xml', file], ['analyze'], ['frobnicate'], [], ['classify', '--jobs', 'x'], ['schema', '--bogus'], ['analyze', '--max-input-bytes', '0', file], ['analyze', '--spans', 'all', file], ['classify', '--spans', 'everything']]) {
      const r = run(args, { input: '' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).not.toMatch(/^\s+at /m);
    }
    expect(run(['analyze', file, '--max-input-bytes', '100']).code).toBe(3);
    expect(run(['analyze', '-', '--strict'], { input: '' }).code).toBe(3);
  });
  it('a bad --options value is a usage error (2) in analyze and classify, whatever the value', () => {
    const opts = join(dir, 'bad-options.json');
    for (const value of [{ paraphrases: 'trip' }, { steps: ['nope'] }, { sentimentLexicon: { good: 'very' } }, { moderationTerms: { insult: 'x' } }, { moderationSpans: 'all' }, { targets: 5 }, { paraphrases: [[1, 2]] }]) {
      writeFileSync(opts, JSON.stringify(value));
      for (const command of ['analyze', 'classify']) {
        const r = run([command, '--options', opts, command === 'analyze' ? 'fixtures/seed-001/input.txt' : '-'], { input: '' });
        expect(r.code, `${command} ${JSON.stringify(value)}`).toBe(2);
        expect(r.err).toMatch(/^threadlens: --options: /);
        expect(r.out).toBe('');
      }
    }
  });
  it('`threadlens <command> --help` works for every command', () => {
    for (const command of ['analyze', 'classify', 'schema']) {
      for (const flag of ['--help', '-h']) {
        const r = run([command, flag]);
        expect(r.code, `${command} ${flag}`).toBe(0);
        expect(r.out).toMatch(new RegExp(`^Usage: threadlens ${command}`));
      }
    }
    expect(run(['--help']).out).toMatch(/Exit codes:/);
  });
  it('not a dump: a warning line by default (exit 0), an error record under --strict (exit 3)', () => {
    const d = folder('not-dumps', { 'a.txt': dump(1), 'b-empty.txt': '', 'c-binary.txt': new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8]) });
    const lax = run(['analyze', d, '-f', 'ndjson']);
    expect(lax.code).toBe(0);
    expect(lax.err.trim().split('\n')).toEqual([expect.stringMatching(/^threadlens: warning: .*b-empty\.txt: .*\(input\/empty\)$/), expect.stringMatching(/^threadlens: warning: .*c-binary\.txt: .*\(input\/binary\)$/)]);
    expect(records(lax.out).map((x) => x.messages.map((m: { ruleId: string }) => m.ruleId).filter((id: string) => id.startsWith('input/')))).toEqual([[], ['input/empty'], ['input/invalid-utf8', 'input/binary']]);
    const strict = run(['analyze', d, '-f', 'ndjson', '--strict']);
    expect(strict.code).toBe(3);
    expect(records(strict.out).map((x) => x.error?.ruleId ?? null)).toEqual([null, 'input/empty', 'input/binary']);
  });
});

describe('wording', () => {
  it('reply stances read as English: "denies parent", "queries parent", never "denys" / "querys"', async () => {
    const { replyStancePhrase } = await import('../src/report/format-text.js');
    expect(['support', 'deny', 'query', 'comment'].map((l) => replyStancePhrase(l as 'deny'))).toEqual(['supports parent', 'denies parent', 'queries parent', 'comments on parent']);
    const r = run(['analyze', 'fixtures/seed-001/input.txt', '-f', 'text']);
    expect(r.out).not.toMatch(/denys|querys/);
    const html = run(['analyze', 'fixtures/seed-001/input.txt', '-f', 'html']);
    expect(html.out).not.toMatch(/denys|querys/);
  });
});
