/**
 * Labels right as test/fixture-structure.test.ts counts them (title, count; per labelled post: text start, author,
 * parent), for the parse of any src tree (e.g. a first try extracted with `git archive <commit> src` into /tmp, node_modules
 * linked) on directories of fixtures holding input.txt + structure.json; marks where the line-role fallback fired.
 * Session 18 (lines18b), measure only. Usage: npx tsx scripts/study/structure-score.ts <src-dir> <fixtures-dir>...
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { scoreStructure } from './lib/structure-labels.js';
const [srcRoot, ...dirs] = process.argv.slice(2);
const { parse } = (await import(join(srcRoot!, 'index.ts'))) as { parse: (t: string, o: object) => any };
let tot = { labels: 0, right: 0, posts: 0, whole: 0, found: 0, parsed: 0, layoutsWhole: 0, fired: 0 };
for (const dir of dirs) for (const name of readdirSync(dir).sort()) {
  const d = join(dir, name);
  if (!existsSync(join(d, 'structure.json'))) continue;
  const doc = parse(readFileSync(join(d, 'input.txt'), 'utf8'), { name: `${name}/input` });
  const labels = JSON.parse(readFileSync(join(d, 'structure.json'), 'utf8'));
  const { right, checks, whole, found, parsed, layoutWhole } = scoreStructure(doc, labels);
  const fired = doc.messages.some((m: any) => m.ruleId === 'thread/line-model');
  console.log(`${name}: ${right}/${checks} labels right, ${whole}/${labels.posts.length} posts wholly right, ${found} text starts found, ${parsed} posts parsed${fired ? ' [fallback]' : ''}`);
  tot.labels += checks; tot.right += right; tot.posts += labels.posts.length; tot.whole += whole; tot.found += found; tot.parsed += parsed; tot.fired += fired ? 1 : 0;
  if (layoutWhole) tot.layoutsWhole++;
}
console.log(`TOTAL: labels ${tot.right}/${tot.labels}, posts wholly right ${tot.whole}/${tot.posts}, text starts found ${tot.found}/${tot.posts}, parsed ${tot.parsed}, layouts wholly right ${tot.layoutsWhole}, fallback fired on ${tot.fired}`);
