import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

// Pins the public API of the built package: adding or removing an export is a deliberate change
// (update this list and the CHANGELOG). Needs a build (`npm test` builds first).
const root = join(__dirname, '..');

const MAIN_EXPORTS = [
  'ActKindSchema', 'ActSchema', 'ArticleBlockSchema', 'ArticleSchema', 'BlockKindSchema', 'BlockSchema', 'CHROME_PATTERNS',
  'ClaimKindSchema', 'ClaimSchema', 'ClaimValueSchema', 'ConcessionSchema', 'CorrectionCueSchema', 'CorrectionSchema',
  'CorrectionTargetSchema', 'DEFAULT_MAX_INPUT_BYTES', 'DocumentSchema', 'EvidenceSchema', 'LineSchema', 'MentionSchema',
  'MessageSchema', 'ModerationSchema', 'ModerationSpanSchema', 'PostSchema', 'QuotationSchema', 'ReplyCueSchema', 'ReplyStanceSchema', 'SCHEMA_VERSION',
  'SentenceSchema', 'SentenceSentimentSchema', 'SentimentLabelSchema', 'SentimentSchema', 'SignalSchema', 'SpanSchema',
  'StanceSchema', 'TargetSchema', 'ThreadSchema', 'ThreadlensInputError', 'ThreadlensOptionError', 'VERSION', 'analyze',
  'checkParseOptions', 'classifyDocument', 'classifyRecord', 'classifyReplyStance', 'classifyStance', 'deriveTargets',
  'detectActs', 'detectClaims', 'formatText', 'moderate', 'normalizeTargets', 'parse', 'safeAnalyze', 'safeParse',
  'scoreSentiment', 'splitSentences', 'summarizeSentiment', 'summarizeStances', 'trainClaimModel', 'trainStanceModel', 'SHIPPED_CLAIM_MODEL',
  'findCorrections', 'findConcessions', 'findArticleInconsistencies', 'mostContested', 'withParaphrases', 'renderHtml', 'documentJsonSchema',
  'inputJsonSchema', 'JsonDumpSchema', 'CLASSIFY_STEPS', 'normalizeSteps', 'JsonDumpArticleSchema', 'JsonDumpCommentSchema',
];

const TESTING_EXPORTS = ['DocumentInvariantError', 'assertDocument', 'dumpArbitrary', 'renderThread', 'threadArbitrary'];

describe('public exports', () => {
  it('the main entry exports exactly the pinned list (ESM and CJS alike)', async () => {
    const esm = Object.keys(await import('../dist/index.js')).sort();
    expect(esm).toEqual([...MAIN_EXPORTS].sort());
    const cjs = Object.keys(await import('../dist/index.cjs').then((m) => m.default ?? m)).filter((k) => k !== '__esModule').sort();
    expect(cjs).toEqual(esm);
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
