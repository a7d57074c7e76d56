import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { setThreadRepliesForStudy, threadReplyCandidates } from '../src/thread/choose-thread-replies.js';
import type { LinkPost } from '../src/thread/left-over-links.js';

// (Session 44, link44) A page that shows one level of nesting (a wiki's comments: every reply indented once under its
// top post, "N replies" over them) prints a reply to a reply flat in its thread; the within-thread choice
// (src/thread/choose-thread-replies.ts, on in the library) moves such a reply to the earlier reply it answers.

afterEach(() => setThreadRepliesForStudy(undefined));

interface Reply { name: string; text: string }
/** A made-up wiki page with one-level threads: each thread a top post and its replies, in the layout of a wiki's comments. */
function wikiPage(threads: ReadonlyArray<{ top: Reply; replies: readonly Reply[] }>): string {
  const lines = [
    'Marsh Lane Allotments Wiki',
    'Sign In',
    '',
    'Water charges',
    '',
    'From April the allotment society will charge plot holders for mains water by the metre instead of a flat fee of forty pounds a year.',
    '',
    'The committee says the flat fee no longer covers the bill and that heavy users were being carried by everyone else on the site.',
    '',
    `${threads.reduce((s, t) => s + 1 + t.replies.length, 0)} comments`,
    'Sort by: Oldest',
    '',
  ];
  threads.forEach((t, k) => {
    lines.push(t.top.name, `${9 - k}h`, t.top.text, '♥ 2   Reply', '');
    if (t.replies.length > 0) {
      lines.push(`${t.replies.length} ${t.replies.length === 1 ? 'reply' : 'replies'}`, '');
      t.replies.forEach((r, j) => lines.push(r.name, `${8 - k}h`, r.text, `♥ ${j}`, ''));
      lines.push('Write a reply', '');
    }
  });
  return lines.join('\n');
}

const THREADS = [
  {
    top: { name: 'Dig_For_Victory', text: 'Metering every plot costs more than the water. Who is paying for forty meters?' },
    replies: [
      { name: 'Beanpole_Bev', text: 'The society bought the meters last year with the lottery grant, so nobody pays for them now.' },
      { name: 'Hosepipe_Harry', text: 'Bev, the lottery grant went on the new shed roof, not meters. Check the minutes from March.' },
      { name: 'Onion_Olwen', text: 'Meters or not, I use two cans a week and I have paid for other people for years.' },
    ],
  },
  {
    top: { name: 'Rhubarb_Ron', text: 'Has anyone seen the actual price per cubic metre yet?' },
    replies: [{ name: 'Beanpole_Bev', text: 'It is on the notice board by the gate, same as the water company charges.' }],
  },
];

describe('the within-thread choice on one-level pages (session 44)', () => {
  it('reads the made-up page as two one-level threads', () => {
    setThreadRepliesForStudy(null);
    const posts = parse(wikiPage(THREADS)).thread.posts;
    expect(posts.map((p) => p.author)).toEqual(['Dig_For_Victory', 'Beanpole_Bev', 'Hosepipe_Harry', 'Onion_Olwen', 'Rhubarb_Ron', 'Beanpole_Bev']);
    // The nesting alone: every reply under its top post.
    expect(posts.map((p) => (p.parentId === null ? null : posts.findIndex((q) => q.id === p.parentId)))).toEqual([null, 0, 0, 0, null, 4]);
  });

  it('moves a reply that names an earlier reply\'s writer and takes up its words to that reply, without a span', () => {
    const posts = parse(wikiPage(THREADS)).thread.posts;
    expect(posts[2]!.parentId).toBe(posts[1]!.id);
    expect(posts[2]!.replyCue).toEqual({ kind: 'answer', span: null });
    expect(posts[2]!.depth).toBe(2);
  });

  it('leaves a reply with no cue toward an earlier reply under its top post, and a thread with one reply alone', () => {
    const posts = parse(wikiPage(THREADS)).thread.posts;
    expect(posts[1]!.parentId).toBe(posts[0]!.id);
    expect(posts[3]!.parentId).toBe(posts[0]!.id);
    expect(posts[3]!.depth).toBe(1);
    expect(posts[5]!.parentId).toBe(posts[4]!.id);
  });

  it('switched off for a study, the reply stays under its top post', () => {
    setThreadRepliesForStudy(null);
    const posts = parse(wikiPage(THREADS)).thread.posts;
    expect(posts[2]!.parentId).toBe(posts[0]!.id);
    expect(posts[2]!.replyCue!.kind).not.toBe('answer');
  });

  it('gives no candidates on a page whose nesting goes two levels deep', () => {
    const view: LinkPost[] = [
      { text: 'a', author: 'A', removed: false, parent: null, cue: null },
      { text: 'b', author: 'B', removed: false, parent: 0, cue: 'depth' },
      { text: 'c', author: 'C', removed: false, parent: 1, cue: 'depth' },
      { text: 'd', author: 'D', removed: false, parent: 0, cue: 'depth' },
    ];
    expect(threadReplyCandidates(view)).toEqual([]);
    expect(threadReplyCandidates(view.map((p, i) => (i === 2 ? { ...p, parent: 0 } : p))).length).toBeGreaterThan(0);
  });

  it('property: a moved reply stays in its thread, under an earlier post by someone else, and every depth follows its parent', () => {
    const pool = THREADS[0]!.replies;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 5 }), (picks) => {
        const page = wikiPage([{ top: THREADS[0]!.top, replies: picks.map((k) => pool[k]!) }, THREADS[1]!]);
        setThreadRepliesForStudy(null);
        const before = parse(page).thread.posts;
        setThreadRepliesForStudy(undefined);
        const after = parse(page).thread.posts;
        expect(after.length).toBe(before.length);
        const at = (posts: typeof after, id: string | null): number => (id === null ? -1 : posts.findIndex((q) => q.id === id));
        after.forEach((p, i) => {
          const k = at(after, p.parentId);
          expect(k).toBeLessThan(i);
          expect(p.depth).toBe(k < 0 ? 0 : after[k]!.depth + 1);
          if (p.parentId === before[i]!.parentId) return;
          const root = at(before, before[i]!.parentId);
          expect(k).toBeGreaterThan(root);
          expect(after[k]!.author).not.toBe(p.author);
          expect(at(before, before[k]!.parentId)).toBe(root);
        });
      }),
      { numRuns: 25, seed: 44 },
    );
  });
});
