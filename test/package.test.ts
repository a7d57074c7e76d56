import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Tests what ships: the packed tarball, installed offline into a fresh project, used from ESM, CommonJS,
// strict TypeScript (against the published .d.ts / .d.cts) and the bin; plus publint and
// are-the-types-wrong. Needs a build (`npm test` builds first).
const root = join(__dirname, '..');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  // npm run from `npm test` passes npm_config_* variables; the consumer's npm must not inherit them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 120_000 });
}
function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

interface PackInfo {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

let tmp: string;
let tarball: string;
let info: PackInfo;
let app: string;

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ missing: run `npm run build` first');
  tmp = mkdtempSync(join(tmpdir(), 'threadlens-pack-'));
  info = (JSON.parse(ok(run('npm', ['pack', '--json', '--pack-destination', tmp], root), 'npm pack')) as PackInfo[])[0]!;
  tarball = join(tmp, info.filename);
  console.log(
    `tarball ${info.filename}: ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked, ${info.entryCount} files`,
  );
  app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  // Offline: the dependencies are in the npm cache because they are installed here.
  const args = ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball, `fast-check@${pkg.devDependencies['fast-check']}`];
  let r = run('npm', ['--offline', ...args], app);
  if (r.status !== 0) r = run('npm', ['--prefer-offline', ...args], app);
  ok(r, 'npm install of the tarball');
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds only what users need: dist, README, LICENSE, NOTICE, package.json', () => {
    const paths = info.files.map((f) => f.path).sort();
    for (const p of paths) expect(p).toMatch(/^(?:dist\/[^/]+\.(?:js|cjs|d\.ts|d\.cts|json)|dist\/models\/[\w-]+(?:\.model)?\.json|README\.md|LICENSE|NOTICE|package\.json)$/);
    for (const needed of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/schema.js', 'dist/schema.cjs', 'dist/schema.d.ts', 'dist/schema.d.cts', 'dist/testing.js', 'dist/testing.cjs', 'dist/cli.js', 'dist/schema.json', 'dist/input-schema.json', 'LICENSE', 'NOTICE', 'README.md']) {
      expect(paths).toContain(needed);
    }
    // The changelog (a quarter of a megabyte of project history, session 35) stays in the repository.
    expect(paths).not.toContain('CHANGELOG.md');
    // Budget: the learned models are most of the package (sentiment, sarcasm, toxicity, stance, reply stance, corrections).
    expect(info.size).toBeLessThan(1024 * 1024);
  });

  it('ships one copy of the core: the bin imports it from ./index.js instead of bundling its own', () => {
    const cli = readFileSync(join(root, 'dist', 'cli.js'), 'utf8');
    expect(cli).toMatch(/from "\.\/index\.js"/);
    // A CLI that bundled the core would define its functions itself.
    const core = readFileSync(join(root, 'dist', 'index.js'), 'utf8');
    const marker = 'function splitSentences(';
    expect(core).toContain(marker);
    expect(cli).not.toContain(marker);
    for (const f of info.files.filter((x) => /^dist\/(?:cli|worker|chunk-[^/]*)\.js$/.test(x.path))) expect(f.size).toBeLessThan(100 * 1024);
  });

  it('ships each learned model once, in dist/models/, imported by both the ESM and the CommonJS build', () => {
    const models = info.files.map((f) => f.path).filter((p) => p.startsWith('dist/models/'));
    expect(models.length).toBeGreaterThanOrEqual(5);
    const esm = readFileSync(join(root, 'dist', 'index.js'), 'utf8');
    const cjs = readFileSync(join(root, 'dist', 'index.cjs'), 'utf8');
    for (const m of models) {
      const rel = `./${m.slice('dist/'.length)}`;
      // Node needs the JSON import attribute on ESM imports of JSON.
      expect(esm).toContain(`from "${rel}" with { type: "json" }`);
      expect(cjs).toContain(`require("${rel}")`);
    }
    // Inlined, the moderation word scores would show up in the code itself.
    const wordScores = JSON.parse(readFileSync(join(root, 'dist', 'models', 'moderation-word-scores.json'), 'utf8')) as { groups: Record<string, string> };
    const sample = Object.values(wordScores.groups)[0]!.slice(0, 40);
    expect(esm).not.toContain(sample);
    expect(cjs).not.toContain(sample);
  });

  it('bundles for browsers from the built ESM entry, the shared models included', async () => {
    const { build } = await import('esbuild');
    const result = await build({ entryPoints: [join(root, 'dist', 'index.js')], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent', external: ['fast-check'] });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => f.startsWith('dist/models/')).sort()).toEqual(info.files.map((f) => f.path).filter((p) => p.startsWith('dist/models/')).sort());
    const wordScores = JSON.parse(readFileSync(join(root, 'dist', 'models', 'moderation-word-scores.json'), 'utf8')) as { groups: Record<string, string> };
    expect(result.outputFiles[0]!.text).toContain(Object.values(wordScores.groups)[0]!.slice(0, 40));
  });

  it('works from ESM: analyze, the testing kit and the JSON Schema', () => {
    writeFileSync(
      join(app, 'esm.mjs'),
      `import { analyze, safeParse, VERSION } from 'threadlens';
import { DocumentSchema, SCHEMA_VERSION } from 'threadlens/schema';
import { assertDocument, dumpArbitrary } from 'threadlens/testing';
import schema from 'threadlens/schema.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
const input = readFileSync(process.argv[2], 'utf8');
const doc = analyze(input, { name: 'story.txt' });
assertDocument(doc, input);
DocumentSchema.parse(JSON.parse(JSON.stringify(doc)));
console.log(JSON.stringify({ posts: doc.thread.posts.length, labelled: doc.thread.posts.every((p) => p.sentiment && p.moderation), version: VERSION, schema: schema.title, schemaVersion: SCHEMA_VERSION === doc.schemaVersion, safe: safeParse(42).success, kit: typeof dumpArbitrary }));
`,
    );
    const out = JSON.parse(ok(run(process.execPath, ['esm.mjs', join(root, 'fixtures', 'seed-001', 'input.txt')], app), 'ESM consumer'));
    expect(out).toEqual({ posts: 21, labelled: true, version: pkg.version, schema: 'threadlens document', schemaVersion: true, safe: false, kit: 'function' });
  });

  it('works from CommonJS', () => {
    writeFileSync(
      join(app, 'cjs.cjs'),
      `const { analyze, VERSION, ThreadlensOptionError } = require('threadlens');
const { DocumentSchema } = require('threadlens/schema');
const { assertDocument } = require('threadlens/testing');
const inputSchema = require('threadlens/input-schema.json');
const input = require('node:fs').readFileSync(process.argv[2], 'utf8');
const doc = analyze(input);
assertDocument(doc, input);
let typed = false;
try { analyze(input, { targets: 5 }); } catch (e) { typed = e instanceof ThreadlensOptionError; }
const valid = DocumentSchema.safeParse(JSON.parse(JSON.stringify(doc))).success;
console.log(JSON.stringify({ posts: doc.thread.posts.length, version: VERSION, input: inputSchema.required, typed, valid }));
`,
    );
    const out = JSON.parse(ok(run(process.execPath, ['cjs.cjs', join(root, 'fixtures', 'seed-001', 'input.txt')], app), 'CJS consumer'));
    expect(out).toEqual({ posts: 21, version: pkg.version, input: ['article', 'comments'], typed: true, valid: true });
  });

  it('type-checks a strict TypeScript consumer (ESM and CJS) against the published types', () => {
    const code = (kind: string): string => `import { analyze, createAnalyzer, compile, safeAnalyze, type AnalyzeOptions, type ThreadDocument, type Post } from 'threadlens';
import { PostSchema } from 'threadlens/schema';
import { assertDocument } from 'threadlens/testing';
const options: AnalyzeOptions = { name: '${kind}', targets: ['Trump', { name: 'SOFA', aliases: ['Status of Forces Agreement'] }] };
const doc: ThreadDocument = analyze('Title: A\\n\\nBody.', options);
assertDocument(doc, 'Title: A\\n\\nBody.');
const first: Post | undefined = doc.thread.posts[0];
const label: 'positive' | 'negative' | 'neutral' | 'mixed' | undefined = first?.sentiment?.label;
const span: [number, number] = doc.blocks[0]!.span;
const r = safeAnalyze(new Uint8Array([65]));
if (r.success) { const v: string = r.data.version; void v; } else { const m: string = r.error.message; void m; }
const analyzer = createAnalyzer(compile({ steps: ['sentiment'] }));
const parsed: Post = PostSchema.parse(analyzer.analyze('Title: A\\n\\nBody.').thread.posts[0]);
void parsed;
// @ts-expect-error analyze takes a string or bytes
analyze(42);
// @ts-expect-error steps are a closed set
compile({ steps: ['tokens'] });
// @ts-expect-error no such field on a document
void doc.nope;
// @ts-expect-error sentiment labels are a closed set
const wrong: typeof label = 'angry';
void [label, span, wrong];
`;
    writeFileSync(join(app, 'esm.mts'), code('esm'));
    writeFileSync(join(app, 'cjs.cts'), code('cjs'));
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: true, noUncheckedIndexedAccess: true },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    // skipLibCheck keeps this fast; attw checks the .d.ts files, and the @ts-expect-error lines prove the
    // types are real (an `any` would make them unused and fail).
    ok(run(bin('tsc'), ['-p', 'tsconfig.json'], app), 'tsc on the consumer');
  });

  it('runs the threadlens bin', () => {
    const threadlens = join(app, 'node_modules', '.bin', 'threadlens');
    expect(ok(run(threadlens, ['--version'], app), 'threadlens --version').trim()).toBe(pkg.version);
    const doc = JSON.parse(ok(run(threadlens, ['analyze', join(root, 'fixtures', 'seed-001', 'input.txt')], app), 'threadlens analyze'));
    expect(doc.thread.posts).toHaveLength(21);
    const html = ok(run(threadlens, ['analyze', join(root, 'fixtures', 'seed-001', 'input.txt'), '--format', 'html'], app), 'threadlens analyze --format html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(JSON.parse(ok(run(threadlens, ['schema'], app), 'threadlens schema')).title).toBe('threadlens document');
  });

  it('passes are-the-types-wrong', () => {
    // The JSON subpaths cannot resolve under TypeScript's legacy node10 resolution (no exports support);
    // the consumer tests above load them through exports from ESM and CJS.
    const r = run(bin('attw'), [tarball, '--format', 'ascii', '--exclude-entrypoints', './schema.json', './input-schema.json'], root);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('No problems found');
  });

  it('passes publint --strict', () => {
    const r = run(bin('publint'), ['--strict'], root);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('All good');
  });
});
