/**
 * Session 44 (link44, docs/dump-styles.md "Session 44 (link44)"): on the development blind threads 01-136 (never 137-142),
 * the replies the parse links by the page's nesting (`replyCue` depth/indent) to a top-level post, on pages whose
 * nesting shows one level only (no post linked by nesting to a post that is itself a reply): where the gold parent is
 * that top post, an earlier reply under it, or elsewhere. Posts aligned by index as score.mjs aligns them. Measures only.
 * Usage: nice npx tsx scripts/study/one-level-replies.ts [src-dir]   (LIST=1 lists each reply, stderr)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blindNumber } from '../train/lib/blind-rounds.js';

const srcDir = process.argv[2] ?? 'src';
const lib = (await import(resolve(srcDir, 'index.ts'))) as { analyze: (b: Buffer, o: { name: string; targets?: string[] }) => any };
const dir = resolve('fixtures/blind-threads');
const LAST = 136; // 137-142: session 44's held-out set, never read
const golds = readdirSync(dir).filter((f) => f.endsWith('.gold.json') && blindNumber(f) >= 1 && blindNumber(f) <= LAST).sort();
const NEST = new Set(['depth', 'indent']);
const tot: Record<string, number> = {};
const add = (k: string): void => void (tot[k] = (tot[k] ?? 0) + 1);
for (const g of golds) {
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
  const out = lib.analyze(readFileSync(join(dir, gold.file)), { name: gold.file, targets: gold.targets });
  const doc = Array.isArray(out) ? out[0] : out;
  const posts: any[] = doc.thread?.posts ?? [];
  if (posts.length !== gold.posts.length) continue;
  const idx = new Map(posts.map((p, i) => [p.id, i]));
  const par = posts.map((p) => (p.parentId != null ? idx.get(p.parentId)! : null));
  const nested = posts.map((p, i) => par[i] !== null && p.replyCue && NEST.has(p.replyCue.kind));
  if (!nested.some(Boolean)) continue;
  const oneLevel = !posts.some((_, i) => nested[i] && par[par[i]!] !== null);
  const page = oneLevel ? 'one-level' : 'deeper';
  for (let i = 0; i < posts.length; i++) {
    if (!nested[i] || par[par[i]!] !== null) continue;
    const root = par[i]!;
    const gp = gold.posts[i]!.parent ?? null;
    const siblings = new Set<number>();
    for (let j = root + 1; j < i; j++) if (par[j] === root && nested[j]) siblings.add(j);
    const kind = gp === root ? 'root' : gp !== null && siblings.has(gp) ? 'earlier-sibling' : gp === null ? 'top' : 'other';
    add(`${page} ${kind}`);
    if (process.env.LIST && kind !== 'root') console.error(`${g} #${i} root #${root} gold ${gp} ${kind} ${page} | ${posts[i].text.slice(0, 100).replace(/\n/g, ' ')}`);
  }
}
console.log(tot);
