/**
 * Like same-analyze.ts, but for each fixture whose analysis differs it lists the posts whose parent differs (index, author,
 * before -> after, the reply cue) and says whether the analysis differs where no parent does (`other posts differ`).
 * Session 28 (parse28). Usage: npx tsx scripts/study/same-analyze-parents.ts <baseline-src-dir> [src-dir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const [baseSrc, newSrc = 'src'] = process.argv.slice(2);
const a = (await import(resolve(baseSrc!, 'index.ts'))) as any;
const b = (await import(resolve(newSrc, 'index.ts'))) as any;
const root = resolve('fixtures');
let n = 0, diff = 0;
const postsOf = (doc: any): any[] => doc?.thread?.posts ?? doc?.posts ?? [];
for (const d of readdirSync(root).sort()) for (const f of readdirSync(join(root, d)).sort()) {
  if (!f.startsWith('input.')) continue;
  const bytes = readFileSync(join(root, d, f));
  const name = `fixtures/${d}/${f}`;
  const x = a.analyze(bytes, { name }), y = b.analyze(bytes, { name });
  n++;
  if (JSON.stringify(x) === JSON.stringify(y)) continue;
  diff++;
  const px = postsOf(x), py = postsOf(y);
  const changed = new Set<number>();
  for (let i = 0; i < Math.max(px.length, py.length); i++) {
    if (px[i]?.parentId !== py[i]?.parentId) {
      changed.add(i);
      console.log(`${name} #${i} [${py[i]?.author}] ${px[i]?.parentId ?? 'top'} -> ${py[i]?.parentId ?? 'top'} (${py[i]?.replyCue?.kind ?? '-'}) ${String(py[i]?.text ?? '').replace(/\s+/g, ' ').slice(0, 70)}`);
    }
  }
  const others = px.some((p: any, i: number) => !changed.has(i) && JSON.stringify(p) !== JSON.stringify(py[i]));
  console.log(`DIFFERENT ${name}: ${changed.size} parent(s) changed${others ? '; other posts differ too' : ''}`);
}
console.log(`${n} fixture inputs analysed: ${diff === 0 ? 'all byte-identical' : `${diff} different`}`);
