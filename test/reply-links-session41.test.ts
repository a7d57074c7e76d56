import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { leftOverCandidates, linkLeftOver, setLeftOverLinksForStudy, type LinkPost } from '../src/thread/left-over-links.js';
import type { LinearModel } from '../src/learn/model.js';
import { flat, POSTS } from './lib/made-up-flat-page.js';

// (Session 41, link41) The left-over reply link: on a page that marks no replies, a post the cues leave top level gets
// candidates (the post above, the latest post of a writer it names, a post it quotes, the first post) scored by a linear
// model. It missed its registered bar (docs/dump-styles.md, "Session 41 (link41)"), so the library runs without it and
// a study switches it on; these tests pin both.

/** A model in the one format that gives every candidate the same probability `p`, cut at `cut`. */
const constant = (p: number, cut: number): LinearModel => ({
  format: 'threadlens-model/2', name: 'test', fitOn: [], featureFiles: [], featureHash: '', link: 'sigmoid',
  labels: ['parent'], bias: [Math.log(p / (1 - p))], weights: {}, thresholds: { cut },
});

afterEach(() => setLeftOverLinksForStudy(undefined));

describe('the left-over reply link (session 41, a study switched off in the library)', () => {
  it('the library leaves "Good catch, thanks Tomasz, …" top level, as main did: the link is off', () => {
    const posts = parse(flat(POSTS)).thread.posts;
    expect(posts).toHaveLength(16);
    expect(posts[1]!.parentId).toBeNull();
    // The cues still read "Owen, they are in appendix C …" as Owen's.
    expect(posts[9]!.parentId).toBe(posts[6]!.id);
    expect(posts.filter((p) => p.parentId !== null)).toHaveLength(1);
  });

  it('switched on with the fitted model, the named reply answers Tomasz, without a span, depth from its parent', () => {
    setLeftOverLinksForStudy({ model: 'shipped' });
    const posts = parse(flat(POSTS)).thread.posts;
    expect(posts[1]!.parentId).toBe(posts[0]!.id);
    expect(posts[1]!.replyCue).toEqual({ kind: 'answer', span: null });
    expect(posts[1]!.depth).toBe(1);
    // The cue's link stays as the cues gave it.
    expect(posts[9]!.parentId).toBe(posts[6]!.id);
    expect(posts[9]!.replyCue!.kind).toBe('address');
  });

  it('takes the best candidate only when it reaches the cut', () => {
    const view: LinkPost[] = POSTS.map(([author, text]) => ({ text, author, removed: false, parent: null, cue: null }));
    const eligible = view.map((_, i) => i > 0);
    expect(linkLeftOver(view, eligible, '', constant(0.9, 0.95)).size).toBe(0);
    const all = linkLeftOver(view, eligible, '', constant(0.9, 0.5));
    // Equal scores: the latest candidate (the post above) wins, never the post's own writer's.
    expect(all.get(1)).toBe(0);
    expect(all.get(4)).toBe(3);
    for (const [i, k] of all) {
      expect(k).toBeLessThan(i);
      expect(POSTS[k]![0]).not.toBe(POSTS[i]![0]);
    }
  });

  it('names a writer by a capitalised name part or an "@handle" spelling the name, not by a lower-case word', () => {
    const view: LinkPost[] = [
      { text: 'The ferry will run at six.', author: 'Will Pryce', removed: false, parent: null, cue: null },
      { text: 'The bus to the pier is at five.', author: 'Ken Holt', removed: false, parent: null, cue: null },
      { text: 'Nobody will be there at six, it is dark.', author: 'Ana Sousa', removed: false, parent: null, cue: null },
      { text: '@kenholt the bus is the 7.', author: 'Ana Sousa', removed: false, parent: null, cue: null },
    ];
    const cands = leftOverCandidates(view, [false, false, true, true], '');
    const named = (post: number, index: number): number | undefined =>
      cands.find((c) => c.post === post && c.index === index)?.features.find(([n]) => n === 'kind.named')?.[1];
    // "will" in lower case is not Will Pryce; the first post is a candidate only as the first post.
    expect(named(2, 0)).toBe(0);
    expect(named(3, 1)).toBe(1);
  });

  it('changes only links: same posts, authors and texts, every link to an earlier post by someone else, depths consistent', () => {
    const pick = fc.array(fc.integer({ min: 0, max: POSTS.length - 1 }), { minLength: 3, maxLength: 16 });
    fc.assert(
      fc.property(pick, (order) => {
        const input = flat(order.map((k) => POSTS[k]!));
        setLeftOverLinksForStudy(undefined);
        const off = parse(input).thread.posts;
        setLeftOverLinksForStudy({ model: constant(0.9, 0.5) });
        const on = parse(input).thread.posts;
        expect(on.map((p) => [p.id, p.author, p.text])).toEqual(off.map((p) => [p.id, p.author, p.text]));
        const at = new Map(on.map((p, i) => [p.id, i]));
        on.forEach((p, i) => {
          if (off[i]!.parentId !== null) expect(p.parentId).toBe(off[i]!.parentId);
          if (p.parentId === null) return expect(p.depth).toBe(0);
          const k = at.get(p.parentId)!;
          expect(k).toBeLessThan(i);
          expect(p.depth).toBe(on[k]!.depth + 1);
          if (off[i]!.parentId === null) expect(on[k]!.author).not.toBe(p.author);
        });
      }),
      { numRuns: 25, seed: 4100 },
    );
  });
});
