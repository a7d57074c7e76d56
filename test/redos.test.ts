/**
 * ReDoS check of every regular expression threadlens ships: each regex literal in src/**\/*.ts and every
 * RegExp reachable from the exports of the built package goes through
 *   1. `recheck` (automaton + fuzzing analysis, 1 s budget per regex): a `vulnerable` verdict fails the
 *      test unless its own attack string runs fast on V8 (recheck treats bounded repeats such as
 *      `.{0,80}` as unbounded; a real polynomial blow-up on its ~50k-character attack takes seconds);
 *   2. an empirical pass on V8 for all of them (and the only check for recheck's `unknown`, a timeout):
 *      30,000-character runs of the characters that usually pump a regex (spaces, tabs, letters,
 *      digits, dots, quotes, @...), after each literal word of the regex, must each match in < 100 ms (a quadratic regex takes seconds).
 * Matching runs in a worker thread that is terminated when over budget, so a bad regex fails the test
 * instead of hanging it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

interface Found {
  source: string;
  flags: string;
  where: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every regex literal of src/, with file:line. */
function regexLiterals(): Found[] {
  const out: Found[] = [];
  for (const file of walk(join(root, 'src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        out.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), where: `${relative(root, file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** RegExps reachable from the package's exports (nested in arrays and plain objects, a few levels deep). */
/** Every RegExp reachable from the built entries' exports (plain objects and arrays, 4 levels deep). */
async function exportedRegExps(): Promise<Found[]> {
  const entries = await Promise.all(['index.js', 'schema.js'].map(async (f) => (await import(join(root, 'dist', f))) as Record<string, unknown>));
  return entries.flatMap((mod) => regExpsIn(mod));
}

function regExpsIn(mod: Record<string, unknown>): Found[] {
  const out: Found[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, path: string, depth: number): void => {
    if (value instanceof RegExp) {
      out.push({ source: value.source, flags: value.flags, where: `export ${path}` });
      return;
    }
    if (depth > 4 || value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`, depth + 1));
    else if (Object.getPrototypeOf(value) === Object.prototype) for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`, depth + 1);
  };
  for (const [name, value] of Object.entries(mod)) visit(value, name, 0);
  return out;
}

// The worker gets [source, flags, prefix, pump, count] cases (the input is prefix + pump x count + NUL),
// and posts the time of each before the next one.
const MATCHER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (cases) => {
  for (let i = 0; i < cases.length; i++) {
    const [source, flags, prefix, pump, count] = cases[i];
    const input = prefix + pump.repeat(count) + '\\u0000';
    const re = new RegExp(source, flags.replace(/[gy]/g, ''));
    const t0 = performance.now();
    re.exec(input);
    parentPort.postMessage({ i, ms: performance.now() - t0 });
  }
  parentPort.postMessage({ done: true });
});`;

interface SlowCase {
  index: number;
  ms: number;
}

/** Runs the cases in a worker; returns the first case over `budgetMs` (the worker is then stopped), or null. */
type Case = [source: string, flags: string, prefix: string, pump: string, count: number];

function firstSlowCase(cases: Case[], budgetMs: number): Promise<SlowCase | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(MATCHER, { eval: true });
    let next = 0;
    let timer: NodeJS.Timeout;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        resolve({ index: next, ms: Number.POSITIVE_INFINITY });
      }, budgetMs * 10 + 1000); // generous: a loaded CI machine is slow, a polynomial blow-up is slower
    };
    worker.on('message', (msg: { i?: number; ms?: number; done?: boolean }) => {
      if (msg.done) {
        clearTimeout(timer);
        void worker.terminate();
        resolve(null);
        return;
      }
      if (msg.ms! > budgetMs) {
        clearTimeout(timer);
        void worker.terminate();
        resolve({ index: msg.i!, ms: msg.ms! });
        return;
      }
      next = msg.i! + 1;
      arm();
    });
    worker.on('error', reject);
    arm();
    worker.postMessage(cases);
  });
}

const PUMPS = [' ', '\t', '\n', 'a', 'A', 'aB', '0', '1,', '.', '. ', '!', '?', '@', '-', '_', "'", '"', '*', '(', ':', '/', 'é', '\u00a0', 'a '];
const RUN = 30_000;

/** Literal words in a regex source (`(?:photo|image)` -> photo, image), used as prefixes of the pumped runs. */
function literalWords(source: string): string[] {
  const words = new Set<string>();
  for (const m of source.replace(/\\[a-zA-Z]/g, ' ').matchAll(/[A-Za-z]{2,20}/g)) words.add(m[0]);
  return [...words].slice(0, 4);
}

function empiricalCases(r: Found): Case[] {
  const prefixes = ['', ...literalWords(r.source).flatMap((w) => [w, `${w} `])];
  const cases: Case[] = [];
  for (const prefix of prefixes) for (const pump of PUMPS) cases.push([r.source, r.flags, prefix, pump, Math.ceil(RUN / pump.length)]);
  return cases;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

describe('ReDoS', () => {
  it('finds the regexes it checks', async () => {
    const literals = regexLiterals();
    expect(literals.length).toBeGreaterThan(50);
    expect(literals.some((r) => r.where.startsWith('src/ingest/'))).toBe(true);
    // The narrow public face exports no RegExp today (the chrome patterns are internal, checked as literals);
    // the walk that would find them is checked on a stand-in.
    expect(regExpsIn({ PATTERNS: [{ id: 'x', pattern: /a+b/ }] }).map((r) => r.where)).toEqual(['export PATTERNS[0].pattern']);
    await expect(exportedRegExps()).resolves.toBeInstanceOf(Array);
  });

  it('no regex in src/ uses a backreference (\\1, \\k<name>): they backtrack and overflow the stack on long runs', () => {
    // A backslash-digit after an even run of backslashes is a backreference (or a legacy octal escape).
    const backref = /(?:^|[^\\])(?:\\\\)*\\(?:[1-9]|k<)/;
    const found = regexLiterals().filter((r) => backref.test(r.source)).map((r) => `${r.where}: /${r.source}/${r.flags}`);
    expect(found).toEqual([]);
    expect(backref.test('(\\p{L})\\1{2,}')).toBe(true);
    expect(backref.test('a\\\\1')).toBe(false);
  });
  it('every regex in src/ and in the exports is linear (recheck, then V8 with hostile runs)', async () => {
    const all = [...regexLiterals(), ...(await exportedRegExps())];
    const unique = new Map<string, Found>();
    for (const r of all) if (!unique.has(`${r.flags}/${r.source}`)) unique.set(`${r.flags}/${r.source}`, r);
    const regexes = [...unique.values()];

    const problems: string[] = [];
    const unknown: string[] = [];
    const started = performance.now();
    await mapLimit(regexes, 4, async (r) => {
      const d = await check(r.source, r.flags, { timeout: 1000, randomSeed: 0 });
      if (d.status === 'vulnerable') {
        // Recheck's attack string, run for real: a true blow-up takes seconds, a bounded repeat milliseconds.
        const attack = d.attack.string.slice(0, 300_000);
        let slow = await firstSlowCase([[r.source, r.flags, attack, '', 0]], 250);
        for (let again = 0; slow && again < 2; again++) slow = await firstSlowCase([[r.source, r.flags, attack, '', 0]], 250);
        if (slow) problems.push(`${r.where} /${r.source}/${r.flags}: ${d.complexity.summary}, attack ${d.attack.pattern} took ${Number.isFinite(slow.ms) ? `${slow.ms.toFixed(0)} ms` : 'too long'}`);
      } else if (d.status === 'unknown') unknown.push(`${r.where} (${d.error.kind})`);
    });
    const recheckMs = performance.now() - started;

    await mapLimit(regexes, 2, async (r) => {
      const cases = empiricalCases(r);
      let slow = await firstSlowCase(cases, 100);
      // A blow-up is slow every time; a pause of a loaded machine (GC, another process) is not: a slow case
      // counts only when it is slow again on two more runs by itself.
      for (let again = 0; slow && again < 2; again++) {
        const retry = await firstSlowCase([cases[slow.index]!], 100);
        slow = retry ? { ...retry, index: slow.index } : null;
      }
      if (slow) {
        const [, , prefix, pump, count] = cases[slow.index]!;
        problems.push(`${r.where} /${r.source}/${r.flags}: ${JSON.stringify(prefix)} + ${JSON.stringify(pump)} x ${count} took ${Number.isFinite(slow.ms) ? `${slow.ms.toFixed(0)} ms` : 'too long'}`);
      }
    });
    if (unknown.length > 0) console.info(`recheck timed out on ${unknown.length} of ${regexes.length} regexes (checked on V8 only): ${unknown.join(', ')}`);
    console.info(`ReDoS: ${regexes.length} regexes, recheck ${(recheckMs / 1000).toFixed(1)} s, total ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(problems).toEqual([]);
  }, 240_000);

  it('the V8 check catches a known bad regex', async () => {
    const bad: Found = { source: '\\s+$', flags: '', where: 'test' };
    expect(await firstSlowCase(empiricalCases(bad), 100)).not.toBeNull();
    const good: Found = { source: '\\S\\s*$', flags: '', where: 'test' };
    expect(await firstSlowCase(empiricalCases(good), 100)).toBeNull();
  });
});
