/**
 * (Session 38, links38) Where the gold replies that the parse leaves top level sit on blind 01-100: per dump, whether the
 * page shows no nesting (the learned link's domain, `showsNoNesting` in resolve-parents.ts, read here as "no post
 * linked by a layout cue"), the gold replies left top level, and how many of them answer the post above.
 * Usage: nice npx tsx scripts/study/links38-left-over.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/index.js';
import { blindDevRound } from '../train/lib/blind-rounds.js';

const dir = join('fixtures', 'blind-threads');
const LAYOUT = new Set(['explicit', 'depth', 'indent', 'replying-to']);
let tot = { left: 0, above: 0, flatLeft: 0, flatAbove: 0, wrong: 0, wrongSameWriter: 0, pages: 0, flatPages: 0 };
for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
  if (blindDevRound(g) === undefined) continue;
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
  const out = analyze(readFileSync(join(dir, gold.file)), { name: gold.file, targets: gold.targets }) as any;
  const doc = Array.isArray(out) ? out[0] : out;
  const posts = doc.thread.posts as Array<{ id: string; author: string | null; parentId: string | null; replyCue: { kind: string } | null }>;
  if (posts.length !== gold.posts.length) continue;
  const idx = new Map(posts.map((p, i) => [p.id, i]));
  const layout = posts.some((p) => p.parentId !== null && p.replyCue !== null && LAYOUT.has(p.replyCue.kind));
  let left = 0, above = 0, wrong = 0;
  gold.posts.forEach((gp, i) => {
    const gpar = gp.parent ?? null;
    if (gpar === null) return;
    const p = posts[i]!.parentId === null ? null : idx.get(posts[i]!.parentId!)!;
    if (p === null) { left++; if (gpar === i - 1) above++; } else if (p !== gpar) {
      wrong++;
      // The parse took another post by the gold parent's writer (a name cue pointing at the writer's latest post).
      const same = posts[p]!.author !== null && posts[p]!.author === posts[gpar]?.author;
      if (same) tot.wrongSameWriter++;
      console.log(`  wrong ${g.slice(0, 20)} #${i}: gold ${gpar}, parse ${p} (${posts[i]!.replyCue?.kind ?? 'none'}${same ? ', same writer' : ''})`);
    }
  });
  tot.pages++; tot.left += left; tot.above += above; tot.wrong += wrong;
  if (!layout) { tot.flatPages++; tot.flatLeft += left; tot.flatAbove += above; }
  if (left + wrong > 0) console.log(`${g.slice(0, 28).padEnd(28)} ${layout ? 'layout' : 'flat  '} left top level ${left} (post above ${above}), wrong ${wrong}`);
}
console.log(JSON.stringify(tot));
