/** `jsonChunks`: the bytes of JSON.stringify, written piece by piece (issue 18: output of any size streams). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../src/cli/json-out.js';
import { analyze } from '../src/index.js';

const root = join(import.meta.dirname, '..');

describe('jsonChunks', () => {
  it('joins to JSON.stringify(value, null, indent) for any JSON value, compact and pretty (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        expect([...jsonChunks(value, indent)].join('')).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 300, seed: 18 },
    );
  });
  it('follows JSON.stringify on undefined, functions, toJSON and non-finite numbers', () => {
    const odd = { a: undefined, b: [undefined, () => 1, Number.NaN, -0], c: new Date(0), d: { e: {} }, f: [] };
    for (const indent of [0, 2]) expect([...jsonChunks(odd, indent)].join('')).toBe(JSON.stringify(odd, null, indent));
    expect([...jsonChunks(undefined)]).toEqual([]);
  });
  it('writes a document in pieces no longer than a chunk plus one array item, never as one string', () => {
    const doc = analyze(readFileSync(join(root, 'fixtures', 'seed-001', 'input.txt')));
    const big = { ...doc, thread: { ...doc.thread, posts: Array.from({ length: 40 }, () => doc.thread.posts).flat() } };
    const pieces = [...jsonChunks(big, 2)];
    expect(pieces.join('')).toBe(JSON.stringify(big, null, 2));
    expect(pieces.length).toBeGreaterThan(10);
    // An item's size as written where it sits: every line of a post is indented by its depth (thread.posts[i]: 6 spaces).
    const nested = (value: unknown, depth: number): number => {
      const text = JSON.stringify(value, null, 2);
      return text.length + depth * 2 * (text.split('\n').length - 1);
    };
    const largestItem = Math.max(...big.thread.posts.map((p) => nested(p, 3)), ...big.blocks.map((b) => nested(b, 2)));
    for (const p of pieces) expect(p.length).toBeLessThan((1 << 16) + largestItem);
  });
});
