/**
 * (Session 38, links38; exploratory, after the registered run) A name cue ("Priya, …", "@Dave", "Replying to Ana")
 * links a post to the named writer's latest post. Would the writer's earlier post that shares the most content words
 * with the reply (words the article does not have; strictly more than the latest post shares) name the parent better?
 * Counted on blind 01-100 (fixed rule, no fit, no threshold; in sample): fixes, breaks, unchanged.
 * Usage: nice npx tsx scripts/study/links38-same-writer.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/index.js';
import { contentWords } from '../../src/text/words.js';
import { blindDevRound } from '../train/lib/blind-rounds.js';

const dir = join('fixtures', 'blind-threads');
const NAMED = new Set(process.argv.includes('--all') ? ['address', 'mention', 'replying-to', 'answer', 'opener', 'quote'] : ['address', 'mention', 'replying-to']);
const t = { named: 0, moved: 0, fixes: 0, breaks: 0, otherWrong: 0 };
for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
  if (blindDevRound(g) === undefined) continue;
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
  const out = analyze(readFileSync(join(dir, gold.file)), { name: gold.file, targets: gold.targets }) as any;
  const doc = Array.isArray(out) ? out[0] : out;
  const posts = doc.thread.posts as Array<{ id: string; author: string | null; text: string; removed: boolean; parentId: string | null; replyCue: { kind: string } | null }>;
  if (posts.length !== gold.posts.length) continue;
  const article = new Set(contentWords([doc.article.title ?? '', ...doc.article.blocks.filter((b: any) => b.kind === 'heading' || b.kind === 'paragraph').map((b: any) => b.text)].join(' ')));
  const idx = new Map(posts.map((p, i) => [p.id, i]));
  const words = posts.map((p) => new Set(contentWords(p.text).filter((w) => !article.has(w))));
  posts.forEach((post, i) => {
    if (post.parentId === null || post.replyCue === null || !NAMED.has(post.replyCue.kind)) return;
    const p = idx.get(post.parentId)!;
    const writer = posts[p]!.author;
    if (writer === null) return;
    t.named++;
    const shared = (k: number) => [...words[i]!].filter((w) => words[k]!.has(w)).length;
    let best = p;
    let most = shared(p);
    for (let k = p - 1; k >= 0; k--) {
      if (posts[k]!.author !== writer || posts[k]!.removed) continue;
      const s = shared(k);
      if (s > most) { best = k; most = s; }
    }
    const gp = gold.posts[i]!.parent ?? null;
    if (best === p) return;
    t.moved++;
    const tag = gp === best ? 'FIX' : gp === p ? 'BREAK' : 'other';
    if (gp === best) t.fixes++;
    else if (gp === p) t.breaks++;
    else t.otherWrong++;
    console.log(`${tag} ${g.slice(0, 24)} #${i} (${post.replyCue.kind}): latest ${p} -> ${best}, gold ${gp}`);
  });
}
console.log(JSON.stringify(t));
