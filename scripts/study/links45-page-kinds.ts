/**
 * Session 45 (link45, docs/dump-styles.md "Session 45 (link45)"): where the parse's reply links lose against "the post
 * above" on the development blind threads 01-142 (never 143-148), by the kind of page the parse reads: `nested` (some
 * post linked by the page's nesting, `depth`/`indent`/`explicit`, to a post that is itself a reply), `one level` (some
 * post so linked, none under a reply), `none` (no post linked by nesting). Posts aligned by index as
 * ../shared/eval-threads/score.mjs aligns them (dumps whose post count matches the gold only; the others listed apart).
 * Per kind: gold replies, right by the parse, right by "post above" for every post, and of the gold replies the parse
 * misses while the post above is the gold parent, what the parse did: top level on a page whose posts the left-over link
 * may read (`eligible`: the cues left it top level on a page that marks no replies), top level otherwise, or another parent.
 * Measures only. Usage: nice npx tsx scripts/study/links45-page-kinds.ts [src-dir]   (LIST=1 lists each page, stderr)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blindNumber } from '../train/lib/blind-rounds.js';

const srcDir = process.argv[2] ?? 'src';
const lib = (await import(resolve(srcDir, 'index.ts'))) as { analyze: (b: Buffer, o: { name: string; targets?: string[] }) => any };
const lo = (await import(resolve(srcDir, 'thread/left-over-links.ts'))) as {
  setLeftOverLinksForStudy: (s: object | undefined) => void;
};
const dir = resolve('fixtures/blind-threads');
const LAST = 142; // 143-148: session 45's held-out set, never read
const golds = readdirSync(dir).filter((f) => f.endsWith('.gold.json') && blindNumber(f) >= 1 && blindNumber(f) <= LAST).sort();
const NEST = new Set(['depth', 'indent', 'explicit']);
type Row = { pages: number; gold: number; right: number; above: number; missAboveEligible: number; missAboveTop: number; missAboveWrong: number; eligible: number; eligibleGoldAbove: number; eligibleGoldTop: number; eligibleGoldEarlier: number; links: number; linksRight: number };
const zero = (): Row => ({ pages: 0, gold: 0, right: 0, above: 0, missAboveEligible: 0, missAboveTop: 0, missAboveWrong: 0, eligible: 0, eligibleGoldAbove: 0, eligibleGoldTop: 0, eligibleGoldEarlier: 0, links: 0, linksRight: 0 });
const tot = new Map<string, Row>();
let eligibleNow: Set<number> = new Set();
lo.setLeftOverLinksForStudy({ model: null, record: (_posts: unknown, cands: Array<{ post: number }>) => (eligibleNow = new Set(cands.map((c) => c.post))) });
const unaligned: string[] = [];
for (const g of golds) {
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null }> };
  eligibleNow = new Set();
  const out = lib.analyze(readFileSync(join(dir, gold.file)), { name: gold.file, targets: gold.targets });
  const doc = Array.isArray(out) ? out[0] : out;
  const posts: any[] = doc.thread?.posts ?? [];
  if (posts.length !== gold.posts.length) {
    unaligned.push(g);
    continue;
  }
  const idx = new Map(posts.map((p, i) => [p.id, i]));
  const par: Array<number | null> = posts.map((p) => (p.parentId != null ? idx.get(p.parentId)! : null));
  const nestLinked = posts.map((p, i) => par[i] !== null && p.replyCue && NEST.has(p.replyCue.kind));
  const kind = !nestLinked.some(Boolean) ? 'none' : posts.some((_, i) => nestLinked[i] && par[par[i]!] !== null) ? 'nested' : 'one level';
  const row = tot.get(kind) ?? zero();
  tot.set(kind, row);
  row.pages++;
  const page = zero();
  gold.posts.forEach((gp, i) => {
    const gpar = gp.parent ?? null;
    if (eligibleNow.has(i)) {
      page.eligible++;
      if (gpar === null) page.eligibleGoldTop++;
      else if (gpar === i - 1) page.eligibleGoldAbove++;
      else page.eligibleGoldEarlier++;
    }
    if (par[i] !== null) {
      page.links++;
      if (par[i] === gpar) page.linksRight++;
    }
    if (gpar === null) return;
    page.gold++;
    if (par[i] === gpar) page.right++;
    if (gpar === i - 1) page.above++;
    if (par[i] !== gpar && gpar === i - 1) {
      if (par[i] !== null) page.missAboveWrong++;
      else if (eligibleNow.has(i)) page.missAboveEligible++;
      else page.missAboveTop++;
    }
  });
  for (const k of Object.keys(page) as Array<keyof Row>) if (k !== 'pages') row[k] += page[k];
  if (process.env.LIST) console.error(`${g}\t${kind}\tgold ${page.gold}\tright ${page.right}\tabove ${page.above}\tmiss-above: eligible ${page.missAboveEligible} top ${page.missAboveTop} wrong ${page.missAboveWrong}\teligible ${page.eligible} (gold above ${page.eligibleGoldAbove}, earlier ${page.eligibleGoldEarlier}, top ${page.eligibleGoldTop})`);
}
lo.setLeftOverLinksForStudy(undefined);
const all = zero();
console.log('| page kind | pages | gold replies | parse right | post above right | parse links (precision) | parse misses, post above right: top level, eligible / top level, marked page / other parent | eligible posts: gold above / earlier / top level |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [kind, r] of [...tot].sort()) {
  for (const k of Object.keys(r) as Array<keyof Row>) all[k] += r[k];
  console.log(`| ${kind} | ${r.pages} | ${r.gold} | ${r.right} (${(r.right / r.gold).toFixed(3)}) | ${r.above} (${(r.above / r.gold).toFixed(3)}) | ${r.links} (${(r.linksRight / r.links).toFixed(3)}) | ${r.missAboveEligible} / ${r.missAboveTop} / ${r.missAboveWrong} | ${r.eligible}: ${r.eligibleGoldAbove} / ${r.eligibleGoldEarlier} / ${r.eligibleGoldTop} |`);
}
const r = all;
console.log(`| all aligned | ${r.pages} | ${r.gold} | ${r.right} (${(r.right / r.gold).toFixed(3)}) | ${r.above} (${(r.above / r.gold).toFixed(3)}) | ${r.links} (${(r.linksRight / r.links).toFixed(3)}) | ${r.missAboveEligible} / ${r.missAboveTop} / ${r.missAboveWrong} | ${r.eligible}: ${r.eligibleGoldAbove} / ${r.eligibleGoldEarlier} / ${r.eligibleGoldTop} |`);
console.log(`unaligned (${unaligned.length}): ${unaligned.join(' ')}`);
