/**
 * `analyzeAsync` (the posts' own steps labelled in batches, as `--jobs` does on worker threads) gives the document
 * of `analyze`, byte for byte, whatever the batch size, and through a structured clone (what crosses to a worker).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeAsync, labelPosts, type AnalyzeOptions, type PostBatch } from '../src/index.js';
import { dumpArbitrary, type DumpStyle } from '../src/testing/generate.js';

const root = join(import.meta.dirname, '..');
const fixtures = readdirSync(join(root, 'fixtures'))
  .sort()
  .flatMap((d) =>
    readdirSync(join(root, 'fixtures', d))
      .filter((f) => f.startsWith('input.'))
      .map((f) => join(root, 'fixtures', d, f)),
  );

/** A labeler as a worker thread is one: the batch and the labels cross by structured clone, labelled with options of their own. */
const cloned = (options: AnalyzeOptions) => (batch: PostBatch) => structuredClone(labelPosts(structuredClone(batch), structuredClone(options)));

describe('analyzeAsync', () => {
  it('finds the fixtures it checks', () => {
    expect(fixtures.length).toBeGreaterThan(50);
  });

  // One test per fixture: each gets the whole timeout (one test over all of them ran near 60 s on a loaded machine).
  it.each(fixtures.map((path) => [path.slice(root.length + 1), path] as const))('gives the bytes of analyze on %s, in batches of 1, 3 and 256 posts', async (_name, path) => {
    const input = readFileSync(path);
    const options: AnalyzeOptions = { name: path };
    const want = JSON.stringify(analyze(input, options));
    for (const size of [1, 3, 256]) {
      expect(JSON.stringify(await analyzeAsync(input, options, cloned(options), { size, window: 2 })), `${path}, batches of ${size}`).toBe(want);
    }
  });

  it('gives the bytes of analyze on generated threads, with targets, custom lexicons and any batch size', async () => {
    const styles: DumpStyle[] = ['counted', 'widget', 'forum', 'json', 'mail'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...styles).chain((style) => dumpArbitrary(style, { maxPosts: 14 })),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom<AnalyzeOptions>({}, { targets: ['the council'] }, { sentimentLexicon: { council: -2 }, steps: ['stance', 'corrections'] }),
        async ({ input }, size, window, options) => {
          const want = JSON.stringify(analyze(input, options));
          expect(JSON.stringify(await analyzeAsync(input, options, cloned(options), { size, window }))).toBe(want);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects when the labeler fails, without unhandled rejections from batches in flight', async () => {
    const input = readFileSync(fixtures[0]!);
    let calls = 0;
    const failing = async (batch: PostBatch) => {
      calls++;
      if (calls > 1) throw new Error('worker died');
      return labelPosts(batch);
    };
    await expect(analyzeAsync(input, {}, failing, { size: 1, window: 3 })).rejects.toThrow('worker died');
  });
});
