import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { assertDocument } from '../src/testing/assert.js';

const seed001 = readFileSync(join(__dirname, '..', 'fixtures', 'seed-001', 'input.txt'), 'utf8');

// Strings that stress the line and span logic: lone surrogates, CR, CRLF, NUL, BOM, quotes, dots, "@".
const awkward = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('\r', '\n', '\r\n', '\u0000', '\ufeff', '\ud800', '\udc00', '@', '.', '"', ' ', 'a', 'A', '1', '\t', '>', '-', '\u2026'), maxLength: 300 }),
  fc.array(fc.constantFrom('21 Comments', 'Login to comment', 'Ann', 'Bob Lee', '@Ann', 'Hello there.', '', '  indented', '[deleted]', 'Title: x', 'Date: Nov 1, 2024', 'Share', '3 hours ago'), { maxLength: 40 }).map((l) => l.join('\n')),
);

describe('parse: invariants on any input', () => {
  it('never throws, keeps every invariant, and is deterministic', () => {
    fc.assert(
      fc.property(awkward, (input) => {
        const doc = parse(input);
        assertDocument(doc, input);
        expect(JSON.stringify(parse(input))).toBe(JSON.stringify(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('handles fixed hostile inputs', () => {
    const cases = [
      '',
      '\ufeff',
      '\r\n\r\n',
      '\r',
      'a\rb\rc',
      '\u0000\u0000',
      '\ud800\udc00\ud800',
      'x'.repeat(1_000_000),
      `21 Comments\n${'@\n'.repeat(2000)}`,
      `${'.'.repeat(30_000)}\n${'"'.repeat(30_000)}`,
    ];
    for (const input of cases) {
      const doc = parse(input);
      assertDocument(doc, input);
    }
  });

  it('decodes bytes, replacing invalid UTF-8 with a message', () => {
    const prose = new TextEncoder().encode('The council voted on Monday to close the old bridge for repairs');
    const bytes = new Uint8Array([...prose, 0xff, 0x2e]);
    const doc = parse(bytes);
    expect(doc.messages.map((m) => m.ruleId)).toContain('input/invalid-utf8');
    expect(doc.article.text).toBe('The council voted on Monday to close the old bridge for repairs\ufffd.');
    expect(doc.messages.find((m) => m.ruleId === 'input/invalid-utf8')?.place).toEqual([prose.length, prose.length + 1]);
  });
});

describe('parse: boilerplate between posts', () => {
  it('inserting site chrome lines between posts leaves the posts unchanged', () => {
    const base = parse(seed001).thread.posts.map((p) => [p.author, p.text]);
    const lines = seed001.split('\n');
    const authors = new Set(parse(seed001).thread.posts.map((p) => p.author));
    const junk = ['Advertisement', 'Share this article', 'Load more comments', 'Sort by Newest'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...junk)), { maxLength: 6 }), (inserts) => {
        // Insert only right before author lines (i.e. between posts).
        const authorLines = lines.map((l, i) => (authors.has(l) && i > 30 ? i : -1)).filter((i) => i >= 0);
        const out = [...lines];
        const at = inserts.map(([n, j]) => [authorLines[n % authorLines.length]!, j] as const).sort((a, b) => b[0] - a[0]);
        for (const [i, j] of at) out.splice(i, 0, j);
        const posts = parse(out.join('\n')).thread.posts.map((p) => [p.author, p.text]);
        expect(posts).toEqual(base);
      }),
      { numRuns: 50 },
    );
  });
});
