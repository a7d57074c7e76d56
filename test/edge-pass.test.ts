/**
 * The edge pass (session 39, src/thread/drop-edge-posts.ts): a nameless first or last post on a page of named posts is
 * a fragment of the page (a comment box, a footer) and is dropped, its lines kept as comment chrome; a nameless first
 * post stays where the article has no text (the page's story read as a post). The dumps below were written for this
 * test, not copied from any fixture or blind dump (except widget-49's input, read as the fixture runner reads it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from '../src/index.js';
import { splitLines, type Line } from '../src/ingest/lines.js';
import { newPost } from '../src/ingest/styles/counted.js';
import type { Message } from '../src/schema/common.js';
import type { BlockKind } from '../src/schema/document.js';
import type { RawPost, SectionParse } from '../src/ingest/types.js';
import { assertDocument } from '../src/testing/assert.js';
import { dumpArbitrary } from '../src/testing/generate.js';
import { buildPosts } from '../src/thread/build-posts.js';
import { dropEdgePosts, findEdgePosts, setEdgePassForStudy } from '../src/thread/drop-edge-posts.js';
import { resolveParents } from '../src/thread/resolve-parents.js';

// The pass is a study, off in the library since it failed its held-out bar (session 39): these tests switch it on.
beforeEach(() => setEdgePassForStudy(true));
afterEach(() => setEdgePassForStudy(false));

const POSTS = `Harbour town council votes to close the east car park

The council voted on Tuesday to close the east car park for eighteen months while the sea wall is rebuilt.

Residents will be offered permits for the library car park instead, the council said.

14 Comments

gull_watcher Posts: 312 Member
3 March 2026 at 9:14AM
Eighteen months is a long time for the market traders.
0
Share

Pebble_Pete Posts: 1,020 Member
3 March 2026 at 9:40AM
The wall has needed work for a decade, better now than after a storm.
0
Share

marinaMags Posts: 88 Member
3 March 2026 at 10:02AM
Will the library permits be free?
0
Share

gull_watcher Posts: 312 Member
3 March 2026 at 10:15AM
They were free last time, but only for residents of the old town.
0
Share

Tidewatcher Posts: 4,551 Member
3 March 2026 at 11:30AM
Good to see the council finally acting on the survey.
0
Share

Ropewalk Posts: 77 Member
3 March 2026 at 12:01PM
Fine by me as long as the buses keep running.
0
Share

`;
const FOOTER = `Sign in to reply. New members must confirm their email address before they can start a thread.

We noticed you are still using the default picture. It only takes a few seconds to choose one of your own.
3 March 2026 at 12:30PM
`;
// (Session 41) The footer prints a time (the page's clock): a nameless record with no time, where nine in ten named posts
// print one, is dropped by the page's own reading before the pass (\`withoutUntimedNameless\`, src/ingest/page-records.ts).

// (Session 40) Where every named post prints its footer rows, the page's own reading drops a nameless record without
// them before the pass (`readPageRecords`, src/ingest/page-records.ts): the pass's cases are pages where one post prints
// none, so that reading leaves the footer to the pass.
const ROWLESS_ONE = POSTS.replace('Good to see the council finally acting on the survey.\n0\nShare\n', 'Good to see the council finally acting on the survey.\n');
const WITH_FOOTER = ROWLESS_ONE + FOOTER;

const authors = (input: string): Array<string | null> => parse(input).thread.posts.map((p) => p.author);

describe('a page footer read as a nameless last post', () => {
  it('is kept by the library as shipped: the pass is off unless a study turns it on (its held-out bar failed)', async () => {
    // A fresh copy of the modules, whose switch no test here has touched.
    vi.resetModules();
    const shipped = await import('../src/index.js');
    const doc = shipped.parse(WITH_FOOTER);
    expect(doc.thread.posts).toHaveLength(7);
    expect(doc.messages.some((m) => m.ruleId === 'thread/edge-post-dropped')).toBe(false);
  });

  it('is dropped by the page-records reading where every named post prints its footer rows (no edge-pass message)', () => {
    setEdgePassForStudy(false);
    const doc = parse(POSTS + FOOTER);
    assertDocument(doc, POSTS + FOOTER);
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['gull_watcher', 'Pebble_Pete', 'marinaMags', 'gull_watcher', 'Tidewatcher', 'Ropewalk']);
    expect(doc.messages.some((m) => m.ruleId === 'thread/edge-post-dropped')).toBe(false);
  });

  it('is read as a post without the pass (the case the pass is for)', () => {
    setEdgePassForStudy(false);
    const doc = parse(WITH_FOOTER);
    expect(doc.thread.posts).toHaveLength(7);
    expect(doc.thread.posts[6]!.author).toBeNull();
    expect(doc.thread.posts[6]!.text.startsWith('Sign in to reply.')).toBe(true);
  });

  it('is dropped: six posts, its lines comment chrome, one message with its place, the input still tiled', () => {
    const doc = parse(WITH_FOOTER);
    assertDocument(doc, WITH_FOOTER);
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['gull_watcher', 'Pebble_Pete', 'marinaMags', 'gull_watcher', 'Tidewatcher', 'Ropewalk']);
    expect(doc.thread.posts.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    const dropped = doc.messages.filter((m) => m.ruleId === 'thread/edge-post-dropped');
    expect(dropped).toHaveLength(1);
    const at = WITH_FOOTER.indexOf('Sign in to reply.');
    expect(dropped[0]!.place).toEqual([at, WITH_FOOTER.trimEnd().length]);
    // The style's "read as a post by an unknown author" note about that text is gone with the post.
    expect(doc.messages.some((m) => m.ruleId === 'ingest/post-without-header' && m.place?.[0] === at)).toBe(false);
    const footerBlocks = doc.blocks.filter((b) => b.span[0] >= at);
    expect(footerBlocks.length).toBeGreaterThan(0);
    for (const b of footerBlocks) {
      expect(b.post).toBeNull();
      expect(['comment-chrome', 'blank']).toContain(b.kind);
    }
  });

  it('leaves the page alone when the footer is absent, and when its posts are too few or too rarely named', () => {
    expect(authors(POSTS)).toEqual(['gull_watcher', 'Pebble_Pete', 'marinaMags', 'gull_watcher', 'Tidewatcher', 'Ropewalk']);
    // Three posts and the footer: four posts read, under the five the pass needs.
    const cut = POSTS.slice(0, POSTS.indexOf('gull_watcher Posts: 312 Member\n3 March 2026 at 10:15AM')) + FOOTER;
    setEdgePassForStudy(false);
    const before = authors(cut);
    setEdgePassForStudy(true);
    expect(before).toHaveLength(4);
    expect(before[3]).toBeNull();
    expect(authors(cut)).toEqual(before);
  });
});

describe('findEdgePosts', () => {
  const named = (n: number, nameless: number[] = [], removed: number[] = []) =>
    Array.from({ length: n }, (_, i) => ({ author: nameless.includes(i) ? null : `poster${i}`, removed: removed.includes(i) }));

  it('names a nameless first and/or last post among named ones', () => {
    expect(findEdgePosts(named(6, [0]), true)).toEqual([0]);
    expect(findEdgePosts(named(6, [5]), true)).toEqual([5]);
    expect(findEdgePosts(named(7, [0, 6]), true)).toEqual([0, 6]);
    // Exactly 80% of the others named (four of five): still a fragment.
    expect(findEdgePosts(named(6, [0, 3]), true)).toEqual([0]);
  });

  it('needs five posts, 80% of the other live posts named and at least four of them live', () => {
    expect(findEdgePosts(named(4, [0]), true)).toEqual([]);
    expect(findEdgePosts(named(6, [0, 2, 3]), true)).toEqual([]); // 3 of 5 others named: 60%
    expect(findEdgePosts(named(5, [0], [1, 2]), true)).toEqual([]); // two live others
  });

  it('never drops a removed post, an inner nameless post or a named edge post', () => {
    expect(findEdgePosts(named(6, [0], [0]), true)).toEqual([]);
    expect(findEdgePosts(named(6, [2]), true)).toEqual([]);
    expect(findEdgePosts(named(6), true)).toEqual([]);
  });

  it('keeps a nameless first post where the article has no text, but still weighs the last', () => {
    expect(findEdgePosts(named(6, [0]), false)).toEqual([]);
    expect(findEdgePosts(named(6, [0, 5]), false)).toEqual([5]);
  });

  it('only ever names the first or the last post, never when the page has fewer than five', () => {
    const page = fc.array(fc.record({ author: fc.option(fc.constantFrom('a', 'b', 'c'), { freq: 4 }), removed: fc.boolean() }), { maxLength: 12 });
    fc.assert(
      fc.property(page, fc.boolean(), (posts, hasText) => {
        const drop = findEdgePosts(posts, hasText);
        if (posts.length < 5) expect(drop).toEqual([]);
        for (const k of drop) {
          expect([hasText ? 0 : -1, posts.length - 1]).toContain(k);
          expect(posts[k]!.author).toBeNull();
          expect(posts[k]!.removed).toBe(false);
        }
      }),
    );
  });
});

describe('a comment box read as a nameless first post', () => {
  // The section as a reader might give it: a comment box, then five named posts, the first indented under the box.
  const TEXT = `Comments

Join the conversation. Please keep it civil.

Ada Quill
First real comment on the plan.

Ben Sorrel
A second view on the plan.

Cy Marsh
A third view on the plan.

Di Fenwick
A fourth view, from the ferry side.

Ed Lowry
And a fifth one to close.
`;
  const lines = splitLines(TEXT);
  const at = (t: string): Line => lines.find((l) => l.trimmed === t)!;
  function section(): SectionParse {
    const heads: Array<[string | null, string]> = [
      [null, 'Join the conversation. Please keep it civil.'],
      ['Ada Quill', 'First real comment on the plan.'],
      ['Ben Sorrel', 'A second view on the plan.'],
      ['Cy Marsh', 'A third view on the plan.'],
      ['Di Fenwick', 'A fourth view, from the ferry side.'],
      ['Ed Lowry', 'And a fifth one to close.'],
    ];
    const lineKinds = new Map<number, BlockKind>([[0, 'comment-section-header']]);
    const linePost = new Map<number, number>();
    const posts: RawPost[] = heads.map(([name, body], i) => {
      const head = name === null ? null : at(name);
      const p = newPost(name, head ? [head.contentStart, head.contentEnd] : null);
      p.body = [at(body)];
      p.depth = i === 1 ? 1 : 0;
      if (head) {
        p.raw = [head];
        lineKinds.set(head.index, 'post-header');
        linePost.set(head.index, i);
      }
      lineKinds.set(at(body).index, 'post-body');
      linePost.set(at(body).index, i);
      return p;
    });
    return { posts, lineKinds, linePost, declaredCount: null, messages: [] };
  }

  it('is dropped, its lines comment chrome, the kept posts renumbered', () => {
    const parsed = section();
    const out = dropEdgePosts(parsed, lines, true);
    expect(out.posts.map((p) => p.author)).toEqual(['Ada Quill', 'Ben Sorrel', 'Cy Marsh', 'Di Fenwick', 'Ed Lowry']);
    const box = at('Join the conversation. Please keep it civil.');
    expect(out.lineKinds.get(box.index)).toBe('comment-chrome');
    expect(out.linePost.has(box.index)).toBe(false);
    expect(out.linePost.get(at('Ada Quill').index)).toBe(0);
    expect(out.linePost.get(at('And a fifth one to close.').index)).toBe(4);
    expect(out.messages.map((m) => m.ruleId)).toEqual(['thread/edge-post-dropped']);
    expect(out.messages[0]!.place).toEqual([box.contentStart, box.contentEnd]);
    // The input it was given is not changed.
    expect(parsed.posts).toHaveLength(6);
  });

  it('leaves its reply top level: the reply is read without it', () => {
    const messages: Message[] = [];
    const withBox = section();
    const posts = buildPosts(withBox.posts, messages);
    resolveParents(posts, withBox.posts, messages);
    expect(posts[1]!.parentId).toBe(posts[0]!.id); // Ada Quill, indented under the box
    const out = dropEdgePosts(section(), lines, true);
    const kept = buildPosts(out.posts, messages);
    resolveParents(kept, out.posts, messages);
    expect(kept.map((p) => [p.id, p.author])).toEqual([['p1', 'Ada Quill'], ['p2', 'Ben Sorrel'], ['p3', 'Cy Marsh'], ['p4', 'Di Fenwick'], ['p5', 'Ed Lowry']]);
    expect(kept.map((p) => p.parentId)).toEqual([null, null, null, null, null]);
  });

  it('stays where the article has no text (the page story read as the first post)', () => {
    expect(dropEdgePosts(section(), lines, false).posts).toHaveLength(6);
  });

  it('stays when the study switches the pass off', () => {
    setEdgePassForStudy(false);
    expect(dropEdgePosts(section(), lines, true).posts).toHaveLength(6);
  });
});

describe('the opening post of a page with no article text', () => {
  it("leaves widget-49 as it reads without the pass (a real page whose first post or article the pass must not touch)", () => {
    // Until session 39 the line-role model read this Weibo page's account post as a nameless first post over an empty
    // article, and the article-text guard kept it. The refit on blind 01-112 reads that post into the article (as the
    // fixture's labels want); the pass must still leave the page's posts as they are.
    const input = readFileSync(join(__dirname, '..', 'fixtures', 'widget-49-metro-hours-weibo-zh', 'input.txt'), 'utf8');
    const off = parse(input, { name: 'widget-49-metro-hours-weibo-zh/input.txt' });
    setEdgePassForStudy(true);
    let on;
    try {
      on = parse(input, { name: 'widget-49-metro-hours-weibo-zh/input.txt' });
    } finally {
      setEdgePassForStudy(false);
    }
    const shape = (d: typeof off) => d.thread.posts.map((p) => [p.author, p.removed, p.span]);
    expect(off.thread.posts.length).toBeGreaterThan(5);
    expect(shape(on)).toEqual(shape(off));
    expect(on.article.text).toBe(off.article.text);
    expect(on.messages.some((m) => m.ruleId === 'thread/edge-post-dropped')).toBe(false);
  });
});

describe('properties', () => {
  const styles = ['counted', 'widget', 'forum', 'mail'] as const;
  const fragment = fc.constantFrom('', FOOTER, `\n${FOOTER}`, 'Leave a reply. Your email address will not be published.\n');

  it('never throws, is deterministic, and keeps every span slicing back to its text, with a fragment at either edge', () => {
    fc.assert(
      fc.property(fc.constantFrom(...styles).chain((style) => dumpArbitrary(style, { maxPosts: 9 })), fragment, fc.boolean(), ({ input }, extra, atEnd) => {
        const text = atEnd ? `${input}${input.endsWith('\n') ? '' : '\n'}${extra}` : input.replace(/\n\n/, `\n\n${extra}\n`);
        const a = parse(text);
        assertDocument(a, text);
        expect(JSON.stringify(parse(text))).toBe(JSON.stringify(a));
        const dropped = a.messages.filter((m) => m.ruleId === 'thread/edge-post-dropped');
        for (const m of dropped) expect(m.place === null || text.slice(m.place[0], m.place[1]).trim().length > 0).toBe(true);
        for (const p of a.thread.posts) expect(p.parentId === null || a.thread.posts.some((q) => q.id === p.parentId && q.index < p.index)).toBe(true);
        // Against the reading without the pass: the same posts but for a nameless first and/or last one, one message each.
        setEdgePassForStudy(false);
        const b = parse(text);
        setEdgePassForStudy(true);
        const shape = (ps: typeof a.thread.posts) => ps.map((p) => [p.author, p.removed, p.span]);
        const before = shape(b.thread.posts);
        const lost = b.thread.posts.length - a.thread.posts.length;
        expect(lost).toBe(dropped.length);
        const kept = before.slice(dropped.some((m) => m.reason.startsWith('The first')) ? 1 : 0).slice(0, before.length - lost);
        expect(shape(a.thread.posts)).toEqual(kept);
        if (lost > 0) expect(b.thread.posts.filter((p) => !a.thread.posts.some((q) => q.span[0] === p.span[0])).every((p) => p.author === null && !p.removed)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
