/**
 * Session 36 (the lead): the made-up dump that took learned38's library arm out of the parser. seed-001 with five
 * `Advertisement` lines inserted before author lines (the counterexample test/properties.test.ts's "inserting site
 * chrome lines between posts leaves the posts unchanged" found with fast-check seed 1107565366), parsed by the src at
 * a path. Main's parser reads the 21 posts it reads without them; the arm's build (`git worktree add --detach
 * /tmp/arm 14e3518`, then this script with /tmp/arm/src) read the model's 11.
 * Usage: npx tsx scripts/study/shape39-perturbed-seed.ts [src-dir, default ./src]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const src = resolve(process.argv[2] ?? join(root, 'src'));
const { parse } = (await import(join(src, 'index.ts'))) as { parse: (t: string) => { thread: { posts: Array<{ author: string | null }> }; messages: Array<{ ruleId: string; reason: string }> } };
const seed001 = readFileSync(join(root, 'fixtures', 'seed-001', 'input.txt'), 'utf8');
const base = parse(seed001).thread.posts;
const lines = seed001.split('\n');
const authors = new Set(base.map((p) => p.author));
const inserts: Array<[number, string]> = [[0, 'Advertisement'], [0, 'Advertisement'], [1432178495, 'Advertisement'], [1526782071, 'Advertisement'], [0, 'Advertisement']];
const authorLines = lines.map((l, i) => (authors.has(l) && i > 30 ? i : -1)).filter((i) => i >= 0);
const out = [...lines];
const at = inserts.map(([n, j]) => [authorLines[n % authorLines.length]!, j] as const).sort((a, b) => b[0] - a[0]);
for (const [i, j] of at) out.splice(i, 0, j);
const doc = parse(out.join('\n'));
console.log(`seed-001: ${base.length} posts; with the inserted lines: ${doc.thread.posts.length} posts`);
for (const m of doc.messages.filter((x) => x.ruleId === 'thread/line-model')) console.log(`  ${m.reason.slice(0, 160)}`);
