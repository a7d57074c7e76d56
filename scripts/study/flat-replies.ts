/**
 * Session 30 (flat30, docs/dump-styles.md "Session 30 (flat30)"): reply links on pages that show no nesting.
 * For each development blind thread (01-52 only; later numbers are never read), the parse is called flat when no post
 * got its parent from a layout cue (replyCue kind `explicit`, `depth`, `indent` or `replying-to`). Per flat file:
 * gold replies, gold replies answering the post right above, threadlens links (right / wrong), gold top-level posts
 * threadlens gives a parent (its false links), and the "post above" baseline (every post but the first answers the
 * one above: right on the gold replies that do, wrong on every gold top-level post after the first).
 * Then candidate cues on the posts the parse leaves top level (each pointing at the latest earlier post by someone
 * else, not removed), with their right / wrong-parent / top-level-linked counts, and each blind round left out: the cue
 * chosen on the other rounds, scored on it. Measures only; the cue session 30 shipped is `SECOND_PERSON` in
 * src/thread/resolve-parents.ts (`youFirstSharedNA1` here). `MISSES=1` lists gold replies left wrong, `FALSE=1` every
 * candidate's top-level links, `RIGHT=<cue>` its right ones (stderr).
 * Usage: nice npx tsx scripts/study/flat-replies.ts [src-dir]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blindDevRound, blindNumber, BLIND_DEV_ROUNDS } from '../train/lib/blind-rounds.js';
import { contentWords } from '../../src/text/words.js';

const srcDir = process.argv[2] ?? 'src';
const lib = (await import(resolve(srcDir, 'index.ts'))) as { analyze: (b: Buffer, o: { name: string; targets?: string[] }) => any };
const dir = resolve('fixtures/blind-threads');
const LAYOUT = new Set(['explicit', 'depth', 'indent', 'replying-to']);
const golds = readdirSync(dir)
  .filter((f) => f.endsWith('.gold.json') && blindNumber(f) <= 52)
  .sort();
const tot = { files: 0, flat: 0, gold: 0, above: 0, linked: 0, right: 0, falseLinks: 0, top: 0, baseRight: 0, baseFalse: 0 };
const rows: string[] = [];
const SECOND = /\b(?:you|your|yours|yourself|you['\u2019](?:re|ve|d|ll))\b/i;
const byRound: Record<string, Record<string, { right: number; wrongParent: number; falseLink: number }>> = {};
const cand: Record<string, { right: number; wrongParent: number; falseLink: number }> = {};
for (const g of golds) {
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
  const out = lib.analyze(readFileSync(join(dir, gold.file)), { name: gold.file, targets: gold.targets });
  const doc = Array.isArray(out) ? out[0] : out;
  const posts: any[] = doc.thread?.posts ?? doc.posts ?? [];
  tot.files++;
  if (posts.some((p) => p.parentId !== null && p.replyCue && LAYOUT.has(p.replyCue.kind))) continue;
  tot.flat++;
  const idx = new Map(posts.map((p, i) => [p.id, i]));
  const f = { gold: 0, above: 0, linked: 0, right: 0, falseLinks: 0, top: 0, baseFalse: 0 };
  gold.posts.forEach((gp, i) => {
    const p = posts[i];
    const ours = p && p.parentId != null ? idx.get(p.parentId) : null;
    const reply = gp.parent !== null && gp.parent !== undefined;
    if (ours !== null && ours !== undefined) f.linked++;
    if (reply) {
      f.gold++;
      if (gp.parent === i - 1) f.above++;
      if (ours === gp.parent) f.right++;
      else if (process.env.MISSES) console.error(`${gold.file.slice(0, 2)} #${i} gold ${gp.parent} ours ${ours ?? 'none'}: ${String(p?.text ?? '').slice(0, 90).replace(/\s+/g, ' ')}`);
    } else {
      f.top++;
      if (ours !== null && ours !== undefined) f.falseLinks++;
      if (i > 0) f.baseFalse++;
    }
  });
  // Candidate cues on the posts threadlens leaves top level: how many gold replies they would catch (right parent: the
  // latest earlier post by someone else) against gold top-level posts they would link.
  gold.posts.forEach((gp, i) => {
    const p = posts[i];
    if (!p || i === 0 || p.parentId != null || p.removed) return;
    let k = i - 1;
    while (k >= 0 && (posts[k].removed || posts[k].author === p.author)) k--;
    if (k < 0) return;
    const sentences: string[] = (p.sentences ?? []).map((x: any) => x.text);
    const first = sentences[0] ?? p.text;
    const aboveText: string = posts[k].text ?? '';
    const aboveWords = new Set(contentWords(aboveText));
    const articleWords = new Set(contentWords(String(doc.article?.text ?? '')));
    const mineWords = [...new Set(contentWords(sentences.slice(0, 2).join(' ')))];
    const shared = mineWords.filter((w) => aboveWords.has(w)).length;
    const sharedNotArticle = mineWords.filter((w) => aboveWords.has(w) && !articleWords.has(w)).length;
    const cues: Record<string, boolean> = {
      shared1: shared >= 1,
      shared2: shared >= 2,
      shared3: shared >= 3,
      sharedNotArticle1: sharedNotArticle >= 1,
      sharedNotArticle2: sharedNotArticle >= 2,
      youFirstShared1: SECOND.test(first) && shared >= 1,
      youFirstSharedNA1: SECOND.test(first) && sharedNotArticle >= 1,
      youFirst: SECOND.test(first),
      youAny: SECOND.test(p.text),
      questionAbove: /\?\s*$/.test(aboveText.trim()),
      questionInAbove: aboveText.includes('?'),
    };
    for (const [c, on] of Object.entries(cues)) {
      if (!on) continue;
      const t = (cand[c] ??= { right: 0, wrongParent: 0, falseLink: 0 });
      const round = blindDevRound(g)!;
      const u = ((byRound[round] ??= {})[c] ??= { right: 0, wrongParent: 0, falseLink: 0 });
      if (gp.parent === null || gp.parent === undefined) u.falseLink++;
      else if (gp.parent === k) u.right++;
      else u.wrongParent++;
      if (process.env.RIGHT && c === process.env.RIGHT && gp.parent === k) console.error(`RIGHT ${gold.file.slice(0, 2)} #${i}: ${p.text.slice(0, 80)}`);
      if (gp.parent === null || gp.parent === undefined) { t.falseLink++; if (process.env.FALSE) console.error(`FALSE ${c} ${gold.file.slice(0, 2)} #${i}: ${p.text.slice(0, 80)}`); }
      else if (gp.parent === k) t.right++;
      else t.wrongParent++;
    }
  });
  rows.push(`| ${gold.file.slice(0, 2)} | ${posts.length} | ${f.gold} | ${f.above} | ${f.linked} | ${f.right} | ${f.falseLinks} | ${f.top} | ${f.above} / ${f.baseFalse} |`);
  tot.gold += f.gold; tot.above += f.above; tot.linked += f.linked; tot.right += f.right; tot.falseLinks += f.falseLinks; tot.top += f.top;
  tot.baseRight += f.above; tot.baseFalse += f.baseFalse;
}
console.log('| blind | posts | gold replies | answer the post above | threadlens links | right | false links (gold top level) | gold top level | post above: right / false |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
console.log(`| all ${tot.flat} flat of ${tot.files} | | ${tot.gold} | ${tot.above} | ${tot.linked} | ${tot.right} | ${tot.falseLinks} | ${tot.top} | ${tot.baseRight} / ${tot.baseFalse} |`);
console.log(JSON.stringify(cand));
// Rounds left out: the cue chosen on the other rounds (most right links less wrong ones, a false link on a top-level
// post charged as much as a right link gains; ties to the cue linking fewer posts, then by name), scored on the round left out.
const names = Object.keys(cand).sort();
const net = (x: { right: number; wrongParent: number; falseLink: number } | undefined) => (x ? x.right - x.wrongParent - x.falseLink : 0);
const links = (x: { right: number; wrongParent: number; falseLink: number } | undefined) => (x ? x.right + x.wrongParent + x.falseLink : 0);
const left = { right: 0, wrongParent: 0, falseLink: 0 };
for (const { label } of BLIND_DEV_ROUNDS) {
  const sum = (c: string) => {
    const t = { right: 0, wrongParent: 0, falseLink: 0 };
    for (const [r, m] of Object.entries(byRound)) if (r !== label && m[c]) { t.right += m[c].right; t.wrongParent += m[c].wrongParent; t.falseLink += m[c].falseLink; }
    return t;
  };
  const best = [...names].sort((a, b) => net(sum(b)) - net(sum(a)) || links(sum(a)) - links(sum(b)) || a.localeCompare(b))[0]!;
  const chosenNet = net(sum(best));
  const pick = chosenNet > 0 ? best : 'none';
  const got = pick === 'none' ? undefined : byRound[label]?.[pick];
  left.right += got?.right ?? 0; left.wrongParent += got?.wrongParent ?? 0; left.falseLink += got?.falseLink ?? 0;
  console.log(`left out ${label}: chosen ${pick} (net ${chosenNet} on the others); on ${label}: ${JSON.stringify(got ?? { right: 0, wrongParent: 0, falseLink: 0 })}`);
}
console.log(`left-out total: ${JSON.stringify(left)}`);
