import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { type DumpStyle, dumpArbitrary, renderThread, threadArbitrary, type TruthThread } from '../src/testing/index.js';

/** Paragraphs of a parsed post's text (blank lines between paragraphs or not, per style). */
function paragraphsOf(text: string): string[] {
  return text === '' ? [] : text.split(/\n+/);
}

function check(input: string, truth: TruthThread, style: DumpStyle): void {
  const doc = parse(input);
  expect(doc.source.style).toBe(style);
  const posts = doc.thread.posts;
  expect(posts.map((p) => p.author)).toEqual(truth.posts.map((p) => p.author));
  expect(posts.map((p) => p.removed)).toEqual(truth.posts.map((p) => p.removed));
  expect(posts.map((p) => paragraphsOf(p.text))).toEqual(truth.posts.map((p) => p.paragraphs));
  // Counted dumps show no structure: parents come from cues only, so they are not pinned.
  if (style === 'counted') return;
  // A widget or mail dump without any reply marks none, and parents then come from cues.
  if ((style === 'widget' || style === 'mail') && truth.posts.every((p) => p.parentIndex === null)) return;
  const index = new Map(posts.map((p, i) => [p.id, i]));
  const parents = posts.map((p) => (p.parentId === null ? null : (index.get(p.parentId) ?? -1)));
  expect(parents).toEqual(truth.posts.map((p) => p.parentIndex));
}

describe('generator', () => {
  for (const style of ['counted', 'widget', 'forum', 'json', 'mail'] as const) {
    it(`recovers authors, texts and parents from ${style} dumps`, () => {
      fc.assert(
        fc.property(dumpArbitrary(style, { maxPosts: 10 }), ({ input, truth }) => check(input, truth, style)),
        { numRuns: 60, seed: 20250303 },
      );
    });
  }

  // Layouts within a style: the same truth copied off other sites (see docs/dump-styles.md).
  for (const [style, layout] of [['counted', 'facebook'], ['widget', 'disqus'], ['forum', 'hn'], ['widget', 'coral']] as const) {
    it(`recovers authors, texts and parents from ${layout}-like ${style} dumps`, () => {
      fc.assert(
        fc.property(dumpArbitrary(style, { maxPosts: 10, layout }), ({ input, truth }) => check(input, truth, style)),
        { numRuns: 60, seed: 20251122 },
      );
    });
  }

  it('draws mail and Coral-like threads with replies and removed posts, no sentence in two posts', () => {
    for (const [style, layout] of [['mail', undefined], ['widget', 'coral']] as const) {
      const samples = fc.sample(dumpArbitrary(style, { maxPosts: 10, layout }), { numRuns: 40, seed: 11 });
      expect(samples.filter((s) => s.truth.posts.some((p) => p.parentIndex !== null)).length).toBeGreaterThan(20);
      expect(samples.some((s) => s.truth.posts.some((p) => p.removed))).toBe(true);
      for (const { truth } of samples) {
        const sentences = truth.posts.flatMap((p) => p.paragraphs.flatMap((x) => x.match(/[^.!?]+[.!?]/g) ?? []).map((x) => x.trim().replace(/^@\S+ /, '').toLowerCase()));
        expect(new Set(sentences).size).toBe(sentences.length);
      }
    }
  });

  it('renders deterministically', () => {
    fc.assert(
      fc.property(threadArbitrary({ maxPosts: 5 }), fc.constantFrom('counted', 'widget', 'forum', 'json', 'mail' as const), (t, style) => {
        expect(renderThread(t, style)).toBe(renderThread(structuredClone(t), style));
      }),
      { numRuns: 30 },
    );
  });

  it('makes parents earlier posts, with replies several levels deep somewhere', () => {
    const samples = fc.sample(threadArbitrary({ minPosts: 8, maxPosts: 12 }), { numRuns: 40, seed: 7 });
    let deepest = 0;
    for (const t of samples) {
      const depth: number[] = [];
      t.posts.forEach((p, i) => {
        if (p.parentIndex !== null) expect(p.parentIndex).toBeLessThan(i);
        depth.push(p.parentIndex === null ? 0 : depth[p.parentIndex]! + 1);
      });
      deepest = Math.max(deepest, ...depth);
    }
    expect(deepest).toBeGreaterThanOrEqual(3);
    expect(samples.some((t) => t.posts.some((p) => p.removed))).toBe(true);
    expect(samples.some((t) => t.posts.some((p) => p.paragraphs.length > 1))).toBe(true);
    expect(samples.some((t) => t.posts.some((p) => p.paragraphs[0]?.startsWith('@')))).toBe(true);
  });
});
