import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

// Pins the public API of the built package: adding or removing an export is a deliberate change
// (update this list and the CHANGELOG). Needs a build (`npm test` builds first).
const root = join(__dirname, '..');

// The main entry is narrow: the entry points, their safe forms, the errors, VERSION. No schema (threadlens/schema),
// no single classifier, nothing from training.
const MAIN_EXPORTS = [
  'DEFAULT_MAX_INPUT_BYTES', 'ThreadlensInputError', 'ThreadlensOptionError', 'VERSION', 'analyze', 'analyzeAsync', 'classifyRecord', 'compile',
  'createAnalyzer', 'formatText', 'labelPosts', 'parse', 'renderHtml', 'safeAnalyze', 'safeParse',
];

const SCHEMA_EXPORTS = [
  'ActKindSchema', 'ActSchema', 'ArticleBlockSchema', 'ArticleSchema', 'BlockKindSchema', 'BlockSchema', 'ClaimKindSchema', 'ClaimSchema',
  'ClaimValueSchema', 'ConcessionSchema', 'CorrectionCueSchema', 'CorrectionDetectorSchema', 'CorrectionSchema', 'CorrectionTargetSchema', 'DocumentSchema', 'EvidenceSchema',
  'JsonDumpArticleSchema', 'JsonDumpCommentSchema', 'JsonDumpSchema', 'LineSchema', 'MentionSchema', 'MessageSchema', 'ModerationSchema', 'ModerationSpanSchema',
  'PostSchema', 'QuotationSchema', 'ReplyCueSchema', 'ReplyStanceSchema', 'SCHEMA_VERSION', 'SentenceSchema', 'SentenceSentimentSchema',
  'SentimentLabelSchema', 'SentimentSchema', 'SignalSchema', 'SpanSchema', 'StanceSchema', 'TargetSchema', 'ThreadSchema', 'documentJsonSchema',
  'inputJsonSchema',
];

const TESTING_EXPORTS = ['DocumentInvariantError', 'assertDocument', 'dumpArbitrary', 'renderThread', 'threadArbitrary'];

describe('public exports', () => {
  it('the main entry exports exactly the pinned list (ESM and CJS alike)', async () => {
    const esm = Object.keys(await import('../dist/index.js')).sort();
    expect(esm).toEqual([...MAIN_EXPORTS].sort());
    const cjs = Object.keys(await import('../dist/index.cjs').then((m) => m.default ?? m)).filter((k) => k !== '__esModule').sort();
    expect(cjs).toEqual(esm);
  });

  it('threadlens/schema exports exactly the pinned list (ESM and CJS alike)', async () => {
    const esm = Object.keys(await import('../dist/schema.js')).sort();
    expect(esm).toEqual([...SCHEMA_EXPORTS].sort());
    const cjs = Object.keys(await import('../dist/schema.cjs').then((m) => m.default ?? m)).filter((k) => k !== '__esModule').sort();
    expect(cjs).toEqual(esm);
  });

  it('nothing from training is exported', async () => {
    const all = [...Object.keys(await import('../dist/index.js')), ...Object.keys(await import('../dist/schema.js'))];
    expect(all.filter((k) => /train|fit|model/i.test(k))).toEqual([]);
  });

  it('threadlens/testing exports exactly the pinned list', async () => {
    expect(Object.keys(await import('../dist/testing.js')).sort()).toEqual([...TESTING_EXPORTS].sort());
  });

  it('the main entry never loads fast-check (an optional peer of threadlens/testing only)', () => {
    // Follow the ESM entry through its local chunks; none may import fast-check.
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join(root, 'dist', file), 'utf8');
      expect(code, file).not.toMatch(/from\s*["']fast-check["']|require\(\s*["']fast-check["']\s*\)|import\(\s*["']fast-check["']/);
      for (const m of code.matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)) visit(m[1]!);
    };
    visit('index.js');
    const cjs = readFileSync(join(root, 'dist', 'index.cjs'), 'utf8');
    expect(cjs).not.toContain('fast-check');
    // ...while the testing entry does need it.
    expect(readFileSync(join(root, 'dist', 'testing.js'), 'utf8')).toMatch(/from\s*["']fast-check["']/);
  });
});

describe('versions', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  it('package.json version equals VERSION in src/version.ts, and is semver', () => {
    expect(pkg.version).toBe(VERSION);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
  });
  it('the CHANGELOG has an [Unreleased] section (Keep a Changelog)', () => {
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelog).toContain('keepachangelog.com');
  });
});
