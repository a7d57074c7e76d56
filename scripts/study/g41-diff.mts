/**
 * Session 41 (gold41): the posts two src trees read from the same dumps, side by side where they differ (author, parent
 * index, first characters of the text), for reading what a same-analyze.ts difference is. Usage:
 * npx tsx scripts/study/g41-diff.mts <baseline-src-dir> FILE… (this tree's src is the other; never 119-124 in another
 * helper's run).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
const [baseSrc, ...files] = process.argv.slice(2);
const a = (await import(resolve(baseSrc!, 'index.ts'))) as any;
const b = (await import(resolve('src', 'index.ts'))) as any;
const sum = (d: any) => { const ix = new Map(d.thread.posts.map((p: any, i: number) => [p.id, i])); return d.thread.posts.map((p: any, i: number) => `${p.removed ? '[R]' : p.author} ^${p.parentId == null ? '-' : ix.get(p.parentId)} ${JSON.stringify(p.text.slice(0, 50))}`); };
for (const f of files) {
  const t = readFileSync(f, 'utf8');
  const da = a.analyze(t), db = b.analyze(t);
  const sa = sum(da), sb = sum(db);
  console.log('=== ' + f, sa.length, '->', sb.length, 'article same:', da.article.text === db.article.text);
  const n = Math.max(sa.length, sb.length);
  let shown = 0;
  for (let i = 0; i < n; i++) if (sa[i] !== sb[i] && shown++ < 8) console.log(' ', i, 'BASE', sa[i], '\n   ', i, 'NEW ', sb[i]);
  if (shown === 0) {
    // find first differing key
    const ja = JSON.stringify(da, null, 1).split('\n'), jb = JSON.stringify(db, null, 1).split('\n');
    for (let i = 0; i < Math.max(ja.length, jb.length); i++) if (ja[i] !== jb[i]) { console.log('  json line', i, ja[i]?.slice(0, 150), '=>', jb[i]?.slice(0, 150)); if (++shown > 4) break; }
  }
}
