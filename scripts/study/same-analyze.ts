/**
 * analyze() of every fixtures/<case>/input.* with two src trees (a baseline extracted with `git archive <commit> src` into
 * /tmp, node_modules linked, and this one), compared byte for byte (pretty JSON, as `analyze --format json` prints).
 * Session 18 (lines18b). Usage: npx tsx scripts/study/same-analyze.ts <baseline-src-dir> [src-dir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const [baseSrc, newSrc = 'src'] = process.argv.slice(2);
const a = (await import(resolve(baseSrc!, 'index.ts'))) as any;
const b = (await import(resolve(newSrc, 'index.ts'))) as any;
const root = resolve('fixtures');
let n = 0, diff = 0;
for (const d of readdirSync(root).sort()) for (const f of readdirSync(join(root, d)).sort()) {
  if (!f.startsWith('input.')) continue;
  const bytes = readFileSync(join(root, d, f));
  const name = `fixtures/${d}/${f}`;
  const x = JSON.stringify(a.analyze(bytes, { name }), null, 2), y = JSON.stringify(b.analyze(bytes, { name }), null, 2);
  n++; if (x !== y) { diff++; console.log(`DIFFERENT ${name}`); }
}
console.log(`${n} fixture inputs analysed: ${diff === 0 ? 'all byte-identical' : `${diff} different`}`);
