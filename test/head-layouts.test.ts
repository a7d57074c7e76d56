import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { threadArbitrary } from '../src/testing/index.js';
import { type HeadRecipe, families30Arbitrary, headRecipeArbitrary, initialsOf, layoutDumpArbitrary, noFamilies30, renderLayout, shownAuthor, timeText } from '../src/testing/layouts.js';

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
    .map(([r, note]) => ({ ...r, ...noFamilies30, removedNote: note, chromeAfter: [], extra: r.extra === 'rank' ? 'none' : r.extra, ...over }));
}

describe('generated head layouts (session 29)', () => {
  it('renders deterministically and draws the same recipes from a seed', () => {
    const a = fc.sample(layoutDumpArbitrary(), { numRuns: 20, seed: 29 });
    const b = fc.sample(layoutDumpArbitrary(), { numRuns: 20, seed: 29 });
    expect(a.map((d) => d.input)).toEqual(b.map((d) => d.input));
    // (From the truth a reader sees, the same text again; fold toggles and footer counts count the replies the thread has,
    // which a flat layout's truth does not show, so those recipes are left out of this check.)
    for (const d of a) if (d.recipe.toggle.place === 'none' && d.recipe.footerCount === '') expect(renderLayout(structuredClone(d.truth), d.recipe).input).toBe(d.input);
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
          // (A reply preview, session 30, shows the parent in any layout.)
          if (recipe.preview !== 'none') return;
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

// Session 30 (parsegen30): the families the ninth set of blind threads failed on first try, each drawn at random (made-up
// suffix tokens, toggle and footer-count wordings from small grammars, previews quoting the post answered, initials of
// the generated name) on top of a session 29 recipe; each failed before session 30's fixes.
describe('generated layouts, session 30 families', () => {
  const families = fc.sample(families30Arbitrary(), { numRuns: 200, seed: 30 });

  it('draws every family, deterministically, and renders its lines', () => {
    expect(fc.sample(families30Arbitrary(), { numRuns: 200, seed: 30 })).toEqual(families);
    for (const key of ['preview', 'blankDrop'] as const) expect(new Set(families.map((f) => f[key])).size).toBeGreaterThan(2);
    expect(new Set(families.map((f) => f.suffix.place)).size).toBe(5);
    expect(new Set(families.map((f) => f.toggle.pattern)).size).toBeGreaterThan(20);
    expect(new Set(families.map((f) => f.footerCount)).size).toBeGreaterThan(10);
    expect(initialsOf('Karen Doyle')).toBe('KD');
    expect(initialsOf('jdoe_77')).toBe('J');
  });

  // The family switched on over a session 29 recipe; the rest of the session 30 families off.
  const only = (key: keyof typeof noFamilies30, value?: (f: (typeof families)[number]) => boolean) =>
    fc.tuple(family({}), families30Arbitrary().filter((f) => (value ? value(f) : true))).map(([r, f]) => ({ ...r, [key]: f[key] }) as HeadRecipe);
  // Heads the session 29 tests read (a bare name, a name over its time, a name and time on one line), flat or named replies.
  // (Bare count lines under a button, `bare-counts`, over a removal note are a family still missed; left out here.)
  const readable = (r: HeadRecipe): boolean => ['name', 'name-time'].includes(r.name) && r.time !== 'foot' && r.reply !== 'in-reply-to' && r.buttons !== 'bare-counts';
  // Any head shape of session 29's families, for the lines under a post's text ("Name: text" needs three such lines by two
  // names at least, which a short thread may not show: left out).
  const anyHead = (r: HeadRecipe): boolean => r.name !== 'name-colon' && r.reply !== 'in-reply-to' && r.buttons !== 'bare-counts';
  const cases: Array<[string, fc.Arbitrary<HeadRecipe>, (r: HeadRecipe) => boolean]> = [
    ['avatar initials over the name', only('initials', (f) => f.initials), readable],
    ['a made-up suffix in brackets after the name', only('suffix', (f) => f.suffix.place === 'paren' || f.suffix.place === 'bracket'), readable],
    // (Left: a suffix set off by a two-space gap alone is still read as part of the name; "Name · Suffix · 4 days ago"
    // right under a post's text, with no blank line or removal note above, has a footer row's shape and is not split.)
    ['a made-up suffix after a separator, on every post', only('suffix', (f) => f.suffix.place === 'sep' && f.suffix.every === 1), (r) => readable(r) && r.sep !== '  ' && r.blankBetween],
    ['a symbol after the name on every post', only('suffix', (f) => f.suffix.place === 'symbol' && f.suffix.every === 1), readable],
    ['fold toggles in made-up wordings, under any head', only('toggle', (f) => f.toggle.place !== 'none'), anyHead],
    ['footer reply counts in made-up wordings', only('footerCount', (f) => f.footerCount !== ''), readable],
  ];
  for (const [what, recipes, shown] of cases) {
    it(`reads the authors and the count of ${what}`, () => {
      fc.assert(
        fc.property(layoutDumpArbitrary({ recipes: recipes.filter(shown), maxPosts: 8 }), (d) => {
          const { read, want } = authors(d);
          expect(read).toEqual(want);
        }),
        { numRuns: 40, seed: 3031 },
      );
    });
  }

  it('reads the post a reply preview quotes as its parent, and keeps the preview out of the text', () => {
    for (const preview of ['above', 'replying'] as const) {
      fc.assert(
        fc.property(layoutDumpArbitrary({ recipes: family({ preview }).filter((r) => readable(r) && r.reply === 'flat'), maxPosts: 8 }), (d) => {
          const posts = parse(d.input).thread.posts;
          expect(posts.length).toBe(d.truth.posts.length);
          const index = new Map(posts.map((p, i) => [p.id, i]));
          d.truth.posts.forEach((p, i) => {
            if (p.removed) return;
            expect(posts[i]!.text.startsWith(p.paragraphs[0]!)).toBe(true);
            if (p.parentIndex !== null) expect(index.get(posts[i]!.parentId ?? '')).toBe(p.parentIndex);
          });
        }),
        { numRuns: 15, seed: 3031 },
      );
    }
  });
});
