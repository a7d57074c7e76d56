/**
 * Session 44 (span44): analyze() of every fixture input with a baseline src tree and this one: posts whose moderation spans
 * differ, and whether anything else differs once moderation.spans are blanked. Usage: npx tsx scripts/study/same-analyze-spans.ts BASE_SRC [-- files]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const all = process.argv.slice(2);
const cut = all.indexOf('--');
const a = (await import(resolve(all[0]!, 'index.ts'))) as any;
const b = (await import(resolve('src', 'index.ts'))) as any;
const root = resolve('fixtures');
const inputs = cut >= 0 ? all.slice(cut + 1) : readdirSync(root).sort().flatMap((d) => readdirSync(join(root, d)).sort().filter((f) => f.startsWith('input.')).map((f) => `fixtures/${d}/${f}`));
let files = 0, posts = 0, changedPosts = 0, otherDiff = 0, filesChanged = 0;
const strip = (doc: any): string => JSON.stringify(doc, (k, v) => (k === 'spans' && Array.isArray(v) && v.every((s: any) => s && 'attribute' in s) ? [] : v));
for (const name of inputs) {
  const bytes = readFileSync(name);
  const da = a.analyze(bytes, { name }), db = b.analyze(bytes, { name });
  files++;
  const pa = da.thread?.posts ?? [], pb = db.thread?.posts ?? [];
  let here = 0;
  pb.forEach((p: any, i: number) => {
    posts++;
    if (JSON.stringify(p.moderation?.spans) !== JSON.stringify(pa[i]?.moderation?.spans)) here++;
  });
  if (JSON.stringify(da.article?.moderation?.spans) !== JSON.stringify(db.article?.moderation?.spans)) here++;
  changedPosts += here;
  if (here) filesChanged++;
  if (strip(da) !== strip(db)) { otherDiff++; console.log(`OTHER DIFFERENCE ${name}`); }
}
console.log(`${files} inputs, ${posts} posts: ${changedPosts} posts with different moderation.spans in ${filesChanged} inputs; ${otherDiff} inputs differ elsewhere`);
