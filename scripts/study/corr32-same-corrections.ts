/**
 * Session 32 (corr32): like same-analyze.ts, but compares only what each post's corrections say (kind, target, detector,
 * evidence), confidences left out, and prints every post whose corrections differ, with its stance when that moves.
 * Usage: npx tsx scripts/study/corr32-same-corrections.ts <baseline-src-dir> [src-dir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const [baseSrc, newSrc = 'src'] = process.argv.slice(2);
const a = (await import(resolve(baseSrc!, 'index.ts'))) as any;
const b = (await import(resolve(newSrc, 'index.ts'))) as any;
const root = resolve('fixtures');
const view = (r: any): Map<string, string> => new Map((r.posts ?? r.thread?.posts ?? []).map((p: any) => [p.id, JSON.stringify((p.corrections ?? []).map((c: any) => [c.kind, c.target?.postId ?? c.target?.span, c.detector, c.evidence?.map((e: any) => e.text)]))]));
const stance = (r: any): Map<string, string> => new Map((r.posts ?? r.thread?.posts ?? []).map((p: any) => [p.id, JSON.stringify([p.replyStance ?? null, p.stances ?? null])]));
let n = 0, diff = 0;
for (const d of readdirSync(root).sort()) for (const f of readdirSync(join(root, d)).sort()) {
  if (!f.startsWith('input.')) continue;
  const bytes = readFileSync(join(root, d, f));
  const name = `fixtures/${d}/${f}`;
  const x = a.analyze(bytes, { name }), y = b.analyze(bytes, { name });
  const vx = view(x), vy = view(y), sx = stance(x), sy = stance(y);
  n++;
  let changed = false;
  for (const [id, v] of vy) if (vx.get(id) !== v || sx.get(id) !== sy.get(id)) {
    changed = true;
    console.log(`${d} ${id}\n  before ${vx.get(id)}\n  after  ${v}${sx.get(id) !== sy.get(id) ? `\n  stance ${sx.get(id)} -> ${sy.get(id)}` : ''}`);
  }
  if (changed) diff++;
}
console.log(`${n} fixture inputs: ${diff} with a post whose corrections or stance differ`);
