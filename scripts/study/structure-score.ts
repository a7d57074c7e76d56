/**
 * Labels right as test/fixture-structure.test.ts counts them (title, count; per labelled post: text start, author,
 * parent), for the parse of any src tree (e.g. a first try extracted with `git archive <commit> src` into /tmp, node_modules
 * linked) on directories of fixtures holding input.txt + structure.json; marks where the line-role fallback fired.
 * Session 18 (lines18b), measure only. Usage: npx tsx scripts/study/structure-score.ts <src-dir> <fixtures-dir>...
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
const [srcRoot, ...dirs] = process.argv.slice(2);
const { parse } = (await import(join(srcRoot!, 'index.ts'))) as { parse: (t: string, o: object) => any };
const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
let tot = { labels: 0, right: 0, posts: 0, whole: 0, found: 0, parsed: 0, layoutsWhole: 0, fired: 0 };
for (const dir of dirs) for (const name of readdirSync(dir).sort()) {
  const d = join(dir, name);
  if (!existsSync(join(d, 'structure.json'))) continue;
  const doc = parse(readFileSync(join(d, 'input.txt'), 'utf8'), { name: `${name}/input` });
  const labels = JSON.parse(readFileSync(join(d, 'structure.json'), 'utf8'));
  const posts = doc.thread.posts; const used = new Set<number>(); const texts = posts.map((p: any) => squash(p.text));
  const match = labels.posts.map((l: any) => { const s = squash(l.startsWith); const i = texts.findIndex((t: string, k: number) => !used.has(k) && t.startsWith(s)); if (i < 0) return null; used.add(i); return i; });
  const lop = new Map<string, number>(); match.forEach((m: any, i: number) => { if (m !== null) lop.set(posts[m].id, i); });
  const checks: Array<{ key: any; ok: boolean }> = [{ key: 'title', ok: doc.article.title === labels.title }, { key: 'count', ok: posts.length === labels.posts.length }];
  let found = 0;
  labels.posts.forEach((l: any, i: number) => {
    const m = match[i];
    if (m === null) { checks.push({ key: i, ok: false }, { key: i, ok: false }, { key: i, ok: false }); return; }
    found++;
    const p = posts[m]; const parent = p.parentId === null ? null : (lop.get(p.parentId) ?? `u${p.parentId}`);
    checks.push({ key: i, ok: true }, { key: i, ok: p.author === l.author }, { key: i, ok: parent === l.parent });
  });
  const right = checks.filter((c) => c.ok).length;
  const whole = labels.posts.filter((_: any, i: number) => checks.every((c) => c.key !== i || c.ok)).length;
  const fired = doc.messages.some((m: any) => m.ruleId === 'thread/line-model');
  console.log(`${name}: ${right}/${checks.length} labels right, ${whole}/${labels.posts.length} posts wholly right, ${found} text starts found, ${posts.length} posts parsed${fired ? ' [fallback]' : ''}`);
  tot.labels += checks.length; tot.right += right; tot.posts += labels.posts.length; tot.whole += whole; tot.found += found; tot.parsed += posts.length; tot.fired += fired ? 1 : 0;
  if (checks.every((c) => c.ok)) tot.layoutsWhole++;
}
console.log(`TOTAL: labels ${tot.right}/${tot.labels}, posts wholly right ${tot.whole}/${tot.posts}, text starts found ${tot.found}/${tot.posts}, parsed ${tot.parsed}, layouts wholly right ${tot.layoutsWhole}, fallback fired on ${tot.fired}`);
