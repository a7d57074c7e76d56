/**
 * Session 41 (link41, docs/dump-styles.md "Session 41 (link41): reply links without cues"): for each gold reply on the
 * development blind threads 01-142 (never 143-148; 01-136 in session 44, 01-130 before) why the parse misses it, and for each link the parse gives whether it
 * is right: link precision, recall and F1 beside `parents` (the scorer's recall). Posts aligned by index as
 * ../shared/eval-threads/score.mjs aligns them. Measures only.
 * Miss kinds (a gold reply the parse does not link to its gold parent):
 *   top / wrong: the parse leaves it top level / links it to another post;
 *   what the text shows toward the gold parent: `at` (an "@handle" that is the parent's writer's name, run together or
 *   cut short), `name` (the parent's writer's name or first name as a word), `quote` (six words of the parent's text in a
 *   row), `none`; and where the gold parent sits (`above` = the post right above, `earlier`), and for a wrong link
 *   whether it went to another post of the gold parent's writer (`sameWriter`).
 * Usage: nice npx tsx scripts/study/links41-table.ts [src-dir]   (MISSES=1 lists misses, FALSE=1 lists false links, stderr;
 * LEFTOVER=1 switches the left-over link on, MODEL=path with another model file; DIR=../shared/eval-threads reads the eval threads, measure only)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blindNumber } from '../train/lib/blind-rounds.js';

const srcDir = process.argv[2] ?? 'src';
const lib = (await import(resolve(srcDir, 'index.ts'))) as { analyze: (b: Buffer, o: { name: string; targets?: string[] }) => any };
// LEFTOVER=1: the left-over link switched on with src/thread/reply-link.model.json (a study: the library runs without it);
// with MODEL=path (session 43) another model file in the one format, e.g. src/thread/reply-link-fx.model.json.
if (process.env.LEFTOVER) {
  const model: unknown = process.env.MODEL ? JSON.parse(readFileSync(process.env.MODEL, 'utf8')) : 'shipped';
  ((await import(resolve(srcDir, 'thread/left-over-links.ts'))) as { setLeftOverLinksForStudy: (s: object) => void }).setLeftOverLinksForStudy({ model });
}
// DIR=../shared/eval-threads: the eval threads instead (measure only).
const dir = resolve(process.env.DIR ?? 'fixtures/blind-threads');
const LAST = 142; // 143-148 are session 45's held-out set: never read
const golds = readdirSync(dir).filter((f) => f.endsWith('.gold.json') && (process.env.DIR ? true : blindNumber(f) >= 1 && blindNumber(f) <= LAST)).sort();
const LAYOUT = new Set(['explicit', 'depth', 'indent', 'replying-to']);
const words = (t: string): string[] => t.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
const key = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function textCue(text: string, author: string | null, parentText: string): string {
  const t = text.normalize('NFC');
  if (author) {
    const k = key(author);
    const ats = [...t.matchAll(/@([\p{L}\p{N}_.-]{2,40})/gu)].map((m) => key(m[1]!));
    const parts = words(author).filter((w) => w.length >= 3);
    if (ats.some((a) => a.length >= 3 && (k.startsWith(a) || a.startsWith(k) || (parts[0] !== undefined && a.startsWith(parts[0]))))) return 'at';
    const tw = new Set(words(t));
    if (parts.length > 0 && parts.some((p) => tw.has(p))) return 'name';
  }
  const pw = words(parentText);
  const grams = new Set<string>();
  for (let i = 0; i + 6 <= pw.length; i++) grams.add(pw.slice(i, i + 6).join(' '));
  const mw = words(t);
  for (let i = 0; i + 6 <= mw.length; i++) if (grams.has(mw.slice(i, i + 6).join(' '))) return 'quote';
  return 'none';
}

const tot = { gold: 0, right: 0, links: 0, linksRight: 0, wrongParent: 0, topLinked: 0, aboveRight: 0, aboveLinks: 0, files: 0, countOk: 0 };
const miss: Record<string, number> = {};
const rows: string[] = [];
const byRound: Record<string, { gold: number; right: number; links: number; linksRight: number }> = {};
for (const g of golds) {
  const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Array<{ parent?: number | null; author?: string; removed?: boolean }> };
  const out = lib.analyze(readFileSync(join(dir, gold.file)), { name: gold.file, targets: gold.targets });
  const doc = Array.isArray(out) ? out[0] : out;
  const posts: any[] = doc.thread?.posts ?? [];
  const idx = new Map(posts.map((p, i) => [p.id, i]));
  const flat = !posts.some((p) => p.parentId !== null && p.replyCue && LAYOUT.has(p.replyCue.kind));
  tot.files++;
  if (posts.length === gold.posts.length) tot.countOk++;
  const n = blindNumber(g);
  const round = `${Math.floor((n - 1) / 6)}`;
  const r = { gold: 0, right: 0, links: 0, linksRight: 0, wrong: 0, top: 0, above: 0, aboveLinks: 0 };
  gold.posts.forEach((gp, i) => {
    const p = posts[i];
    const ours: number | null = p && p.parentId != null ? (idx.get(p.parentId) ?? -1) : null;
    const reply = gp.parent !== null && gp.parent !== undefined;
    if (i > 0) {
      // "post above" baseline: every post after the first answers the post right above.
      r.aboveLinks++;
      if (reply && gp.parent === i - 1) r.above++;
    }
    if (ours !== null) {
      r.links++;
      if (reply && ours === gp.parent) r.linksRight++;
      else if (reply) r.wrong++;
      else {
        r.top++;
        if (process.env.FALSE) console.error(`${String(n).padStart(3, '0')} #${i} top-level linked to ${ours} (${p.replyCue?.kind ?? '-'}): ${String(p.text).slice(0, 80).replace(/\s+/g, ' ')}`);
      }
    }
    if (!reply) return;
    r.gold++;
    if (ours === gp.parent) { r.right++; return; }
    const gpost = posts[gp.parent!];
    const cue = p && gpost ? textCue(String(p.text ?? ''), gpost.author ?? null, String(gpost.text ?? '')) : 'misaligned';
    const where = gp.parent === i - 1 ? 'above' : 'earlier';
    const kind = !p ? 'no post' : ours === null ? 'top' : gpost && ours >= 0 && posts[ours]?.author === gpost.author ? 'wrong (same writer)' : 'wrong';
    const k = `${kind} | ${flat ? 'flat' : 'nested'} | ${where} | ${cue}`;
    miss[k] = (miss[k] ?? 0) + 1;
    if (process.env.MISSES) console.error(`${String(n).padStart(3, '0')} #${i} ${k} gold ${gp.parent} ours ${ours ?? '-'} (${p?.replyCue?.kind ?? '-'}): ${String(p?.text ?? '').slice(0, 90).replace(/\s+/g, ' ')}`);
  });
  tot.gold += r.gold; tot.right += r.right; tot.links += r.links; tot.linksRight += r.linksRight; tot.wrongParent += r.wrong; tot.topLinked += r.top; tot.aboveRight += r.above; tot.aboveLinks += r.aboveLinks;
  const br = (byRound[round] ??= { gold: 0, right: 0, links: 0, linksRight: 0 });
  br.gold += r.gold; br.right += r.right; br.links += r.links; br.linksRight += r.linksRight;
  if (r.right < r.gold || r.top > 0 || process.env.ALL) rows.push(`| ${String(n).padStart(3, '0')} | ${flat ? 'flat' : 'nested'} | ${posts.length}/${gold.posts.length} | ${r.gold} | ${r.right} | ${r.links} | ${r.wrong} | ${r.top} | ${r.above} / ${r.aboveLinks} |`);
}
const f1 = (p: number, rc: number) => (p + rc ? (2 * p * rc) / (p + rc) : 0);
const P = tot.linksRight / Math.max(1, tot.links), R = tot.right / Math.max(1, tot.gold);
const bP = tot.aboveRight / Math.max(1, tot.aboveLinks), bR = tot.aboveRight / Math.max(1, tot.gold);
console.log('| blind | parse | posts ours/gold | gold replies | right | links | wrong parent | top-level linked | "post above": right / links |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`\nfiles ${tot.files}, counts exact ${tot.countOk}`);
console.log(`library: parents (recall) ${tot.right}/${tot.gold} = ${R.toFixed(3)}, link precision ${tot.linksRight}/${tot.links} = ${P.toFixed(3)}, F1 ${f1(P, R).toFixed(3)}; wrong parent ${tot.wrongParent}, top-level linked ${tot.topLinked}`);
console.log(`"post above": recall ${tot.aboveRight}/${tot.gold} = ${bR.toFixed(3)}, precision ${tot.aboveRight}/${tot.aboveLinks} = ${bP.toFixed(3)}, F1 ${f1(bP, bR).toFixed(3)}`);
console.log('\n| miss: kind | page | gold parent | text shows | n |\n| --- | --- | --- | --- | --- |');
for (const [k, v] of Object.entries(miss).sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${v} |`);
