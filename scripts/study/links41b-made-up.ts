/**
 * Session 41 (link41b, docs/dump-styles.md "Session 41 (link41b): without the page-size features"): the left-over link's
 * study model (SRC/thread/reply-link.model.json, switched on) on two made-up flat pages, reported beside the bar, never
 * judged: test/lib/made-up-flat-page.ts's sixteen mostly independent comments (which of the posts the cues leave top level
 * it links, where, at what probability) and the first four of them, where #1 "Good catch, thanks Tomasz, …" answers #0
 * (its best candidate's probability against the cut). Reads no dump.
 * Usage: npx tsx scripts/study/links41b-made-up.ts [src-dir]   (default src: link41's study model, which src keeps; link41b's
 * model: `git archive 51f8f3e src | tar -x -C /tmp/l41b` with node_modules linked, then /tmp/l41b/src; `MODEL=path`,
 * session 42 link42b: another model file instead of SRC's reply-link.model.json, e.g. src/thread/reply-link-fx.model.json)
 */
import { resolve } from 'node:path';
import { flat, POSTS } from '../../test/lib/made-up-flat-page.js';

const srcDir = process.argv[2] ?? 'src';
const lib = (await import(resolve(srcDir, 'index.ts'))) as { parse: (t: string) => { thread: { posts: Array<{ id: string; parentId: string | null }> } } };
const links = (await import(resolve(srcDir, 'thread/left-over-links.ts'))) as typeof import('../../src/thread/left-over-links.js');
const { predict, isLinearModel } = (await import(resolve(srcDir, 'learn/model.ts'))) as typeof import('../../src/learn/model.js');
const model = (await import(resolve(process.env.MODEL ?? resolve(srcDir, 'thread/reply-link.model.json')), { with: { type: 'json' } })).default as unknown;
if (!isLinearModel(model)) throw new Error('reply-link.model.json is not a model');
const cut = model.thresholds?.cut ?? 1;

function page(posts: ReadonlyArray<readonly [string, string]>, title: string): void {
  let cands: readonly import('../../src/thread/left-over-links.js').LeftOverCandidate[] = [];
  links.setLeftOverLinksForStudy({ model: null, record: (_, c) => (cands = c) });
  const off = lib.parse(flat(posts)).thread.posts;
  links.setLeftOverLinksForStudy({ model: model as never });
  const on = lib.parse(flat(posts)).thread.posts;
  links.setLeftOverLinksForStudy(undefined);
  const at = new Map(on.map((p, i) => [p.id, i]));
  const best = new Map<number, { index: number; p: number }>();
  for (const c of cands) {
    const q = predict(model as never, c.features)[0]!;
    const b = best.get(c.post);
    if (b === undefined || q > b.p || (q === b.p && c.index > b.index)) best.set(c.post, { index: c.index, p: q });
  }
  const left = off.filter((p, i) => i > 0 && p.parentId === null).length;
  const linked = on.filter((p, i) => off[i]!.parentId === null && p.parentId !== null);
  console.log(`${title}: ${posts.length} posts, cut ${cut}; the cues leave ${left} top level after the first; the model links ${linked.length}`);
  for (const [i, b] of [...best].sort((x, y) => x[0] - y[0])) {
    const to = on[i]!.parentId === null ? null : at.get(on[i]!.parentId!);
    const above = b.index === i - 1 ? ' (the post above)' : '';
    console.log(`  #${i} best #${b.index}${above} p=${b.p.toFixed(3)} -> ${to === null || off[i]!.parentId !== null ? 'top level' : `#${to}`}`);
  }
}
page(POSTS, 'sixteen comments');
page(POSTS.slice(0, 4), 'four comments');
