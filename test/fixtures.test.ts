import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { assertDocument } from '../src/testing/assert.js';
import { projectDocument } from './lib/project.js';

// One runner for every fixtures/<case>/ folder: input.txt or input.json + expected.json.
// `UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts` rewrites expected.json; check the diff by hand.
const root = join(__dirname, '..', 'fixtures');
// Folders of fixtures/ that hold scored gold dumps, not parser cases (fixtures/blind-threads/README.md).
const NOT_CASES: ReadonlySet<string> = new Set(['blind-threads']);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !NOT_CASES.has(d.name))
  .map((d) => d.name)
  .sort();

describe('fixtures', () => {
  it('has fixture cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const inputFile = ['input.txt', 'input.json'].map((f) => join(dir, f)).find((f) => existsSync(f));
      if (!inputFile) throw new Error(`fixture ${name} has no input.txt or input.json`);
      const input = readFileSync(inputFile, 'utf8');
      const doc = parse(input, { name: `${name}/${inputFile.endsWith('json') ? 'input.json' : 'input.txt'}` });
      // Structural check first: spans ordered, slicing back, blocks tiling the analysed text.
      assertDocument(doc, input);
      const actual = projectDocument(doc);
      const expectedFile = join(dir, 'expected.json');
      if (process.env.UPDATE_FIXTURES === '1') {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      }
      if (!existsSync(expectedFile)) throw new Error(`fixture ${name} has no expected.json (run with UPDATE_FIXTURES=1, then check it by hand)`);
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
      expect(actual).toEqual(expected);
    });
  }
});
