import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { threadArbitrary } from '../src/testing/index.js';
import { type HeadRecipe, headRecipeArbitrary, layoutDumpArbitrary, renderLayout, shownAuthor, timeText } from '../src/testing/layouts.js';

const bare = (s: string | null): string | null => (s === null ? null : s.replace(/^@/, ''));

/** The authors a layout shows, removed posts as null, and the authors read. */
function authors(d: { input: string; recipe: HeadRecipe; truth: { posts: Array<{ author: string | null; removed: boolean }> } }) {
  const read = parse(d.input).thread.posts.map((p) => (p.removed ? null : bare(p.author)));
  const want = d.truth.posts.map((p) => (p.removed ? null : bare(shownAuthor(d.recipe, p.author!))));
  return { read, want };
}

// Removal notes the rules read (the generator's longer wording is a family they still miss; see docs/dump-styles.md).
const READ_NOTES = ['[deleted]', 'This comment was removed by a moderator.', 'Comment removed.'];

/**
 * Recipes of the head families session 29 fixed, the rest of the recipe random but for the families still missed
 * (page chrome under the last post, a "157 comments" rank line, which reads as a count line; docs/dump-styles.md).
 */
function family(over: Partial<HeadRecipe>): fc.Arbitrary<HeadRecipe> {
  return fc
    .tuple(headRecipeArbitrary(), fc.constantFrom(...READ_NOTES))
    .map(([r, note]) => ({ ...r, removedNote: note, chromeAfter: [], extra: r.extra === 'rank' ? 'none' : r.extra, ...over }));
}

describe('generated head layouts (session 29)', () => {
  it('renders deterministically and draws the same recipes from a seed', () => {
    const a = fc.sample(layoutDumpArbitrary(), { numRuns: 20, seed: 29 });
    const b = fc.sample(layoutDumpArbitrary(), { numRuns: 20, seed: 29 });
    expect(a.map((d) => d.input)).toEqual(b.map((d) => d.input));
    for (const d of a) expect(renderLayout(structuredClone(d.truth), d.recipe).input).toBe(d.input);
  });

  it('draws every value of every recipe dimension', () => {
    const recipes = fc.sample(headRecipeArbitrary(), { numRuns: 400, seed: 1 });
    for (const dim of ['name', 'time', 'timeFormat', 'extra', 'buttons', 'reply'] as const) {
      expect(new Set(recipes.map((r) => r[dim])).size).toBeGreaterThan(3);
    }
    // A time on the name line goes with a name-and-time head only.
    for (const r of recipes) expect(r.time === 'name-line').toBe(r.name === 'name-time');
  });

  it('shows parents a reader can recover: none when flat, the latest post of the named author when named', () => {
    fc.assert(
      fc.property(threadArbitrary({ minPosts: 3, maxPosts: 10 }), headRecipeArbitrary(), (thread, recipe) => {
        const { truth, input } = renderLayout(thread, recipe);
        truth.posts.forEach((p, i) => {
          if (p.parentIndex === null) return;
          expect(p.parentIndex).toBeLessThan(i);
          expect(recipe.reply).not.toBe('flat');
          if (recipe.reply === 'replying-to') expect(input).toContain(`Replying to ${shownAuthor(recipe, truth.posts[p.parentIndex]!.author!)}`);
        });
      }),
      { numRuns: 40, seed: 3 },
    );
  });

  it('writes times in several formats, never the clock', () => {
    expect(timeText('rel-long', 0)).toBe('1 hours ago');
    expect(timeText('abs-iso', 1)).toMatch(/^2025-03-\d\d \d\d:\d\d$/);
    expect(timeText('abs-eu', 2)).toMatch(/^\d\d\.03\.2025, \d\d:\d\d$/);
  });

  // The families the parser failed before session 29, each read with the right authors now.
  const fixed: Array<[string, Partial<HeadRecipe>]> = [
    // (A badge or place line between the name and the time counts only under a break: a blank line or a footer.)
    ['a name with its handle after it ("Name · @handle") over a time', { name: 'name-handle', time: 'head', blankBetween: true }],
    ['a name with its handle and no time in the head', { name: 'name-handle', time: 'none' }],
    ['a handle alone as the name, no time', { name: 'handle-at', time: 'none' }],
    ['bare names over "Replying to NAME" lines', { name: 'name', time: 'none', reply: 'replying-to' }],
    // (The section must show three such lines by two names at least before they are read as heads.)
    ['"Name: text" on one line, the time under the text', { name: 'name-colon', time: 'foot', extra: 'none', reply: 'flat' }],
  ];
  for (const [what, over] of fixed) {
    it(`reads the authors of ${what}`, () => {
      fc.assert(
        fc.property(layoutDumpArbitrary({ recipes: family(over), maxPosts: 8 }), (d) => {
          const shown = d.truth.posts.filter((p) => !p.removed);
          if (over.name === 'name-colon') fc.pre(shown.length >= 3 && new Set(shown.map((p) => p.author)).size >= 2);
          const { read, want } = authors(d);
          expect(read).toEqual(want);
        }),
        { numRuns: 15, seed: 2029 },
      );
    });
  }

  it('reads a place or rank line under a bare name as the head, not the text', () => {
    fc.assert(
      fc.property(layoutDumpArbitrary({ recipes: family({ name: 'name', time: 'none', extra: 'location', reply: 'flat' }), maxPosts: 8 }), (d) => {
        const posts = parse(d.input).thread.posts;
        expect(posts.length).toBe(d.truth.posts.length);
        d.truth.posts.forEach((p, i) => {
          if (!p.removed) expect(posts[i]!.text.startsWith(p.paragraphs[0]!)).toBe(true);
        });
      }),
      { numRuns: 15, seed: 2029 },
    );
  });

  it('nests bare-name posts by their indentation and reads "Replying to" parents', () => {
    for (const reply of ['indent', 'replying-to'] as const) {
      fc.assert(
        fc.property(layoutDumpArbitrary({ recipes: family({ name: 'name', time: 'none', extra: 'none', reply }), maxPosts: 8 }), (d) => {
          const posts = parse(d.input).thread.posts;
          const index = new Map(posts.map((p, i) => [p.id, i]));
          const read = posts.map((p) => (p.parentId === null ? null : index.get(p.parentId)));
          d.truth.posts.forEach((p, i) => {
            if (p.parentIndex !== null) expect(read[i]).toBe(p.parentIndex);
          });
        }),
        { numRuns: 15, seed: 2029 },
      );
    }
  });
});
