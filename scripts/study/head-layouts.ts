/**
 * Study (session 29, heads29; a regression check, not evidence): how well does the parser read post heads in
 * layouts nobody wrote a rule for? Draws N dumps with random head recipes (src/testing/layouts.ts, deterministic by
 * seed), parses each, and scores them as ../shared/eval-threads/score.mjs does (posts aligned by index; authors and
 * starts over every post, removed ones included; parents over the replies the layout shows; counts exact), overall
 * and per value of each recipe dimension, so that the families the parser fails stand out.
 *
 * `--src DIR` parses with another src tree (a baseline from `git archive <commit> src`, node_modules linked), so that
 * the same dumps can be read before and after a change.
 *
 * `--model` reads every dump with the shipped line-role model forced (src/ingest/line-roles.ts, whenever it finds three
 * start lines) instead of the rules; without it the line `fallback:` counts the dumps where the library's own fallback
 * took the model's reading.
 *
 * Session 30 (parsegen30) added the families of src/testing/layouts.ts `families30Arbitrary` (reply previews, tight
 * copies, name suffixes, fold toggles, footer counts, avatar initials) to the recipe and to the per-family lines.
 *
 * Run: nice -n 10 npx tsx scripts/study/head-layouts.ts [--n 400] [--seed 29] [--src DIR] [--model] [--show DIM=VALUE] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { resolve } from 'node:path';
import { parse as todayParse } from '../../src/index.js';
import { useLineModelForStudy } from '../../src/ingest/line-roles-study.js';
import { type HeadRecipe, layoutDumpArbitrary, type LayoutDump, shownAuthor } from '../../src/testing/layouts.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 && args[k + 1] !== undefined ? args[k + 1]! : dflt;
};
const n = Number(opt('n', '400'));
const seed = Number(opt('seed', '29'));
const show = opt('show', '');
const srcDir = opt('src', '');
if (args.includes('--model')) useLineModelForStudy(null, true);
let fallbacks = 0;
const parse: typeof todayParse = srcDir === '' ? todayParse : ((await import(resolve(srcDir, 'index.ts'))) as { parse: typeof todayParse }).parse;
const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
const bareAuthor = (s: string | null | undefined): string => norm(s).replace(/^@/, '');

interface Score { posts: number; authors: number; starts: number; parentsGold: number; parents: number; dumps: number; counts: number }
const empty = (): Score => ({ posts: 0, authors: 0, starts: 0, parentsGold: 0, parents: 0, dumps: 0, counts: 0 });
function add(a: Score, b: Score): void {
  for (const k of Object.keys(a) as Array<keyof Score>) a[k] += b[k];
}

/** One dump's score, as score.mjs counts it. */
export function scoreDump({ input, truth, recipe }: LayoutDump): Score {
  const s = empty();
  s.dumps = 1;
  let posts: ReturnType<typeof parse>['thread']['posts'] = [];
  try {
    const doc = parse(input);
    posts = doc.thread.posts;
    if (doc.messages.some((m) => m.ruleId === 'thread/line-model')) fallbacks++;
  } catch {
    posts = [];
  }
  if (posts.length === truth.posts.length) s.counts = 1;
  const index = new Map(posts.map((p, i) => [p.id, i]));
  truth.posts.forEach((gp, i) => {
    s.posts++;
    const p = posts[i];
    if (gp.parentIndex !== null) s.parentsGold++;
    if (!p) return;
    if (gp.removed ? p.removed : !p.removed && bareAuthor(p.author) === bareAuthor(shownAuthor(recipe, gp.author!))) s.authors++;
    const start = norm(gp.paragraphs[0] ?? '');
    const text = norm(p.text);
    if (gp.removed ? p.removed : [text, text.replace(/^(@\S+\s+)+/, '')].some((t) => t.startsWith(start))) s.starts++;
    if (gp.parentIndex !== null && p.parentId !== null && index.get(p.parentId) === gp.parentIndex) s.parents++;
  });
  return s;
}

const DIMS: Array<keyof HeadRecipe> = [
  'name', 'sep', 'time', 'timeFormat', 'extra', 'buttons', 'reply', 'removedNote', 'blankBetween',
  // Session 30 families (parsegen30).
  'preview', 'blankDrop', 'suffix', 'toggle', 'footerCount', 'initials',
];
/** A dimension's value as a family: a suffix or toggle by its place, a footer count on or off (their words vary). */
const keyOf = (r: HeadRecipe, d: keyof HeadRecipe): string =>
  d === 'suffix' ? JSON.stringify(r.suffix.place) : d === 'toggle' ? JSON.stringify(r.toggle.place) : d === 'footerCount' ? JSON.stringify(r.footerCount === '' ? 'none' : 'on') : JSON.stringify(r[d]);
const fmt = (x: number, of: number): string => (of === 0 ? '-' : (x / of).toFixed(3));
const line = (label: string, s: Score): string =>
  `| ${label} | ${s.dumps} | ${fmt(s.authors, s.posts)} | ${fmt(s.starts, s.posts)} | ${fmt(s.parents, s.parentsGold)} | ${s.counts}/${s.dumps} |`;

const main = import.meta.url === `file://${process.argv[1]}`;
const dumps = main ? fc.sample(layoutDumpArbitrary(), { numRuns: n, seed }) : [];
const total = empty();
const byDim = new Map<string, Map<string, Score>>();
const rows: Array<{ recipe: HeadRecipe; score: Score }> = [];
for (const d of dumps) {
  const s = scoreDump(d);
  add(total, s);
  rows.push({ recipe: d.recipe, score: s });
  for (const dim of DIMS) {
    const m = byDim.get(dim) ?? new Map<string, Score>();
    byDim.set(dim, m);
    const k = keyOf(d.recipe, dim);
    const acc = m.get(k) ?? empty();
    m.set(k, acc);
    add(acc, s);
  }
  if (show !== '') {
    const [dim, value] = show.split('=');
    if (keyOf(d.recipe, dim as keyof HeadRecipe) === value && (s.authors < s.posts || s.counts === 0)) {
      const posts = parse(d.input).thread.posts;
      console.log('-----', JSON.stringify(d.recipe));
      console.log(d.input);
      console.log('truth:', d.truth.posts.map((p) => (p.removed ? '[removed]' : shownAuthor(d.recipe, p.author!))).join(' / '));
      console.log('read: ', posts.map((p) => (p.removed ? '[removed]' : p.author)).join(' / '));
    }
  }
}
if (main) report();

function report(): void {
console.log(`${n} dumps, seed ${seed}: authors / starts / parents / counts exact`);
console.log('| family | dumps | authors | starts | parents | counts |\n| --- | --- | --- | --- | --- | --- |');
console.log(line('**all**', total));
console.log(`fallback: the line-role model's reading taken on ${fallbacks}/${n} dumps`);
for (const dim of DIMS) {
  const m = byDim.get(dim)!;
  for (const [k, s] of [...m.entries()].sort()) console.log(line(`${dim}=${k}`, s));
}
const jsonOut = opt('json', '');
if (jsonOut !== '') writeFileSync(jsonOut, JSON.stringify({ n, seed, total, rows }, null, 1));
}
