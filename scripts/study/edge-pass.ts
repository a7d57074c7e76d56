/**
 * Session 39 (edge39): the edge pass (src/thread/drop-edge-posts.ts), read with and without it from one commit, and
 * scored by index as score.mjs does (authors, starts, parents; counts exact), per dump and pooled, with the registered
 * bar (docs/blind-threads.md, "Registration for session 39's held-out read"): pooled index authors with >= without, and
 * dumps worsened <= dumps improved (authors + starts + parents by index). A study: it changes nothing and chooses nothing.
 *   nice npx tsx scripts/study/edge-pass.ts [GOLD.json ...]         this tree's src in process, the pass on and off
 *                                                                     (default: fixtures/blind-threads/*.gold.json)
 *   nice npx tsx scripts/study/edge-pass.ts --outputs DIR GOLD ...  saved CLI outputs (DIR/<dump file>.json, e.g. read
 *                                                                     on an older commit) with the pass applied after
 *                                                                     the fact (replies to a dropped post lose their parent)
 *   nice npx tsx scripts/study/edge-pass.ts --first-tries            the cached first tries (scripts/study/first-tries.ts),
 *                                                                     after the fact, with and without the article guard
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyze } from '../../src/index.js';
import { findEdgePosts, setEdgePassForStudy } from '../../src/thread/drop-edge-posts.js';
import { blindNumber } from '../train/lib/blind-rounds.js';
import { type Gold, readDump, SETS } from './first-tries.js';

type Post = { id: string; author: string | null; removed?: boolean; text: string; parentId?: string | null };
type Out = { article?: { text?: string }; thread?: { posts: Post[] }; posts?: Post[] };
type Score = { n: number; authors: number; starts: number; parentsGold: number; parents: number; exact: number };

const here = resolve(import.meta.dirname, '..', '..');
const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
const postsOf = (out: Out): Post[] => out.thread?.posts ?? out.posts ?? [];

/** score.mjs's index-aligned counts for one dump. */
function score(gold: Gold, posts: Post[]): Score {
  const idToIdx = new Map(posts.map((p, i) => [p.id, i]));
  const r: Score = { n: gold.posts.length, authors: 0, starts: 0, parentsGold: 0, parents: 0, exact: posts.length === gold.posts.length ? 1 : 0 };
  gold.posts.forEach((gp, i) => {
    const p = posts[i];
    if (gp.parent !== null && gp.parent !== undefined) r.parentsGold++;
    if (!p) return;
    if (gp.removed ? p.removed === true : norm(p.removed ? null : p.author) === norm(gp.author)) r.authors++;
    if (gp.removed ? p.removed === true : [norm(p.text), norm(p.text).replace(/^(@\S+\s+)+/, '')].some((t) => t.startsWith(norm(gp.starts)))) r.starts++;
    if (gp.parent !== null && gp.parent !== undefined && (p.parentId == null ? null : idToIdx.get(p.parentId)) === gp.parent) r.parents++;
  });
  return r;
}

/** The pass after the fact, on a saved reading: the posts `findEdgePosts` names dropped, replies to them top level. */
function afterTheFact(out: Out, guard: boolean): Post[] {
  const posts = postsOf(out);
  const drop = new Set(findEdgePosts(posts.map((p) => ({ author: p.author, removed: p.removed === true })), !guard || norm(out.article?.text) !== ''));
  const ids = new Set(posts.filter((_, i) => drop.has(i)).map((p) => p.id));
  return posts.filter((_, i) => !drop.has(i)).map((p) => (p.parentId && ids.has(p.parentId) ? { ...p, parentId: null } : p));
}

type Row = { name: string; without: Post[]; with: Post[]; gold: Gold };

function report(title: string, rows: Row[]): void {
  const sig = (posts: Post[]): string => JSON.stringify(posts.map((p) => [p.author, p.removed ?? false, p.text, p.parentId ?? null]));
  const sum = (xs: Score[], k: keyof Score): number => xs.reduce((a, r) => a + r[k], 0);
  const fmt = (xs: Score[]): string =>
    `${(sum(xs, 'authors') / sum(xs, 'n')).toFixed(3)} / ${(sum(xs, 'starts') / sum(xs, 'n')).toFixed(3)} / ${(sum(xs, 'parents') / Math.max(1, sum(xs, 'parentsGold'))).toFixed(3)}; ${sum(xs, 'exact')} exact`;
  const a: Score[] = [], b: Score[] = [];
  let up = 0, down = 0;
  const changed: string[] = [];
  for (const r of rows) {
    const s0 = score(r.gold, r.without), s1 = score(r.gold, r.with);
    a.push(s0);
    b.push(s1);
    if (sig(r.without) === sig(r.with)) continue;
    const delta = s1.authors + s1.starts + s1.parents - (s0.authors + s0.starts + s0.parents);
    if (delta > 0) up++;
    else if (delta < 0) down++;
    changed.push(`  ${r.name}: ${r.without.length} -> ${r.with.length} posts (gold ${s0.n}), authors ${s0.authors} -> ${s1.authors}, starts ${s0.starts} -> ${s1.starts}, parents ${s0.parents} -> ${s1.parents} of ${s0.parentsGold}${delta > 0 ? ' (improved)' : delta < 0 ? ' (worsened)' : ''}`);
  }
  const holds = sum(b, 'authors') >= sum(a, 'authors') && down <= up;
  console.log(`${title}: ${rows.length} dumps, ${sum(a, 'n')} gold posts; authors / starts / parents by index`);
  console.log(`  without the pass ${fmt(a)}`);
  console.log(`  with the pass    ${fmt(b)}`);
  console.log(`  dumps changed ${changed.length}, improved ${up}, worsened ${down}; bar (pooled authors with >= without, worsened <= improved): ${holds ? 'holds' : 'fails'}`);
  if (changed.length) console.log(changed.join('\n'));
  console.log('');
}

const args = process.argv.slice(2);
const readGold = (f: string): Gold => JSON.parse(readFileSync(f, 'utf8')) as Gold;
const blindDir = join(here, 'fixtures', 'blind-threads');
const goldArgs = (xs: string[]): string[] =>
  xs.length ? xs : readdirSync(blindDir).filter((f) => f.endsWith('.gold.json')).sort((x, y) => blindNumber(x) - blindNumber(y)).map((f) => join(blindDir, f));

if (args[0] === '--first-tries') {
  const rows: Row[] = [], unguarded: Row[] = [];
  for (const set of SETS)
    for (const f of goldArgs([]).filter((g) => blindNumber(basename(g)) >= set.first && blindNumber(basename(g)) <= set.last)) {
      const gold = readGold(f);
      const out = readDump(set.commit, gold);
      if (typeof out === 'string') { console.error(`${f}: ${out}`); continue; }
      rows.push({ name: gold.file, gold, without: postsOf(out as Out), with: afterTheFact(out as Out, true) });
      unguarded.push({ name: gold.file, gold, without: postsOf(out as Out), with: afterTheFact(out as Out, false) });
    }
  report('first tries, the pass as shipped (a nameless first post stays where the article has no text)', rows);
  report('first tries, the pass as edge38 measured it (no article guard)', unguarded);
} else if (args[0] === '--outputs') {
  const dir = args[1]!;
  const rows: Row[] = [];
  for (const f of goldArgs(args.slice(2))) {
    const gold = readGold(f), saved = join(dir, `${gold.file}.json`);
    if (!existsSync(saved)) { console.error(`${saved}: missing`); continue; }
    const raw = JSON.parse(readFileSync(saved, 'utf8')) as Out | Out[];
    const out = Array.isArray(raw) ? raw[0]! : raw;
    rows.push({ name: gold.file, gold, without: postsOf(out), with: afterTheFact(out, true) });
  }
  report(`saved outputs in ${dir}, the pass after the fact`, rows);
} else {
  const rows: Row[] = [];
  for (const f of goldArgs(args)) {
    const gold = readGold(f), file = join(dirname(f), gold.file), bytes = readFileSync(file);
    const options = { name: gold.file, targets: gold.targets ?? [] };
    setEdgePassForStudy(false);
    const without = postsOf(analyze(bytes, options) as Out);
    setEdgePassForStudy(true);
    rows.push({ name: gold.file, gold, without, with: postsOf(analyze(bytes, options) as Out) });
    setEdgePassForStudy(false);
  }
  report("this tree's src, the pass on and off in the reading", rows);
}
