/**
 * Session 38 (edge38): two page-level transforms measured post hoc on the eighteen first-try readings that
 * scripts/study/first-tries.ts caches (.cache/first-tries/HASH/out/), scored by index as score.mjs does (authors,
 * starts, parents). Both read only the reading (and, for the shift, the dump text): no gold, no words of any dump.
 *   edge: drop a first or last post whose record shape no other post on the page shares (variants below).
 *   shift: names read from under the text while the last post has none and a short line sits just above the first
 *   post's text: move every name one post down (the first post takes that line).
 * Then the same transforms on today's readings (this tree's src: blind 01-106, the eval threads, the fixtures), which
 * they should leave alone. A study: it changes nothing in src and chooses nothing.
 *   nice npx tsx scripts/study/edge-transforms.ts   (run first-tries.ts once before, to fill the cache)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blindNumber } from '../train/lib/blind-rounds.js';
import { alignByStarts, authorOk, type Gold, readDump, SETS } from './first-tries.js';

type Post = {
  id: string;
  author: string | null;
  authorSpan?: [number, number] | null;
  removed?: boolean;
  text: string;
  span?: [number, number];
  parentId?: string | null;
  meta?: { timestamp?: string | null };
};
type Out = { thread?: { posts: Post[] }; posts?: Post[] };

const here = resolve(import.meta.dirname, '..', '..');
const blindDir = join(here, 'fixtures', 'blind-threads');
const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
const postsOf = (out: Out): Post[] => out.thread?.posts ?? out.posts ?? [];
const words = (s: string): number => norm(s).split(' ').filter(Boolean).length;

/** score.mjs's index-aligned counts for one dump, the authors once aligned by starts (first-tries.ts), and whether the count is exact. */
function score(gold: Gold, posts: Post[]): { n: number; authors: number; starts: number; parentsGold: number; parents: number; aligned: number; exact: number } {
  const idToIdx = new Map(posts.map((p, i) => [p.id, i]));
  const pairs = alignByStarts(gold.posts, posts);
  const aligned = gold.posts.filter((g, i) => pairs[i] != null && authorOk(g, posts[pairs[i]!]!)).length;
  const r = { n: gold.posts.length, authors: 0, starts: 0, parentsGold: 0, parents: 0, aligned, exact: posts.length === gold.posts.length ? 1 : 0 };
  gold.posts.forEach((gp, i) => {
    const p = posts[i];
    if (gp.parent !== null && gp.parent !== undefined) r.parentsGold++;
    if (!p) return;
    const a = p.removed ? null : p.author;
    if (gp.removed ? p.removed === true : norm(a) === norm(gp.author)) r.authors++;
    if (gp.removed ? p.removed === true : [norm(p.text), norm(p.text).replace(/^(@\S+\s+)+/, '')].some((t) => t.startsWith(norm(gp.starts)))) r.starts++;
    if (gp.parent !== null && gp.parent !== undefined && (p.parentId == null ? null : idToIdx.get(p.parentId)) === gp.parent) r.parents++;
  });
  return r;
}

/** The shape features of one post, and whether the edge post `p` stands alone among `others` on one of them. */
type Feature = 'author' | 'time' | 'short';
function oddFeatures(p: Post, others: Post[]): Feature[] {
  const live = others.filter((o) => !o.removed);
  if (p.removed || live.length < 4) return [];
  const share = (f: (o: Post) => boolean): number => live.filter(f).length / live.length;
  const odd: Feature[] = [];
  if (p.author == null && share((o) => o.author != null) >= 0.8) odd.push('author');
  if (p.meta?.timestamp == null && share((o) => o.meta?.timestamp != null) >= 0.8) odd.push('time');
  const lengths = live.map((o) => words(o.text)).sort((x, y) => x - y);
  // Short: three words or fewer where no other post is that short.
  if (words(p.text) <= 3 && lengths[0]! > 3) odd.push('short');
  return odd;
}

/** Which shape deviations drop an edge post: the variants measured. */
const VARIANTS: Record<string, (odd: Feature[]) => boolean> = {
  'author': (odd) => odd.includes('author'),
  'author|time': (odd) => odd.includes('author') || odd.includes('time'),
  'author|time|short': (odd) => odd.length > 0,
  'two of three': (odd) => odd.length >= 2,
};

/** Drops the first and/or the last post where `drop` says its shape stands alone; replies to it lose their parent. */
function dropEdges(posts: Post[], drop: (odd: Feature[]) => boolean): Post[] {
  if (posts.length < 5) return posts;
  const gone = new Set<number>();
  for (const k of [0, posts.length - 1]) if (drop(oddFeatures(posts[k]!, posts.filter((_, j) => j !== k)))) gone.add(k);
  if (!gone.size) return posts;
  const ids = new Set([...gone].map((k) => posts[k]!.id));
  return posts.filter((_, j) => !gone.has(j)).map((p) => (p.parentId && ids.has(p.parentId) ? { ...p, parentId: null } : p));
}

/**
 * Names read from under the text (most named posts' authorSpan after their text starts), the last post nameless while
 * 80% of the others are named, and a short line (one to three words, no sentence punctuation) the last non-blank line
 * before the first post's text: the names belong one post down. Each post takes the name read for the post above; the
 * first takes that line.
 */
function shiftNames(posts: Post[], dump: string): Post[] {
  const live = posts.filter((p) => !p.removed);
  if (live.length < 5) return posts;
  const last = posts[posts.length - 1]!, first = posts[0]!;
  const named = live.slice(0, -1).filter((p) => p.author != null);
  if (last.removed || last.author != null || named.length < 0.8 * (live.length - 1)) return posts;
  const below = named.filter((p) => p.authorSpan && p.span && p.authorSpan[0] > p.span[0]).length;
  if (below < 0.5 * named.length || !first.span) return posts;
  const above = dump.slice(0, first.span[0]).split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? '';
  if (!above || words(above) > 3 || /[.!?:]$/.test(above)) return posts;
  return posts.map((p, i) => (p.removed ? p : { ...p, author: i === 0 ? above : posts[i - 1]!.removed ? null : posts[i - 1]!.author }));
}

/**
 * Names that hug the text above: on most named posts after the first, the name line is nearer (fewer line breaks) the
 * post above's text than its own post's text, so it is that post's signature read as the next post's head. Each post
 * takes the name read for the post below; the last takes none. Needs the first post nameless (nothing above it) while
 * 80% of the others are named.
 */
function shiftUp(posts: Post[], dump: string): Post[] {
  const live = posts.filter((p) => !p.removed);
  if (live.length < 5 || posts[0]!.removed || posts[0]!.author != null) return posts;
  const breaks = (a: number, b: number): number => (dump.slice(a, b).match(/\n/g) ?? []).length;
  let hug = 0, named = 0;
  posts.forEach((p, i) => {
    const prev = posts[i - 1];
    if (!i || !p.authorSpan || !p.span || !prev?.span || prev.span[1] > p.authorSpan[0] || p.authorSpan[1] > p.span[0]) return;
    named++;
    if (breaks(prev.span[1], p.authorSpan[0]) < breaks(p.authorSpan[1], p.span[0])) hug++;
  });
  if (named < 4 || hug < 0.7 * named) return posts;
  return posts.map((p, i) => (p.removed ? p : { ...p, author: i + 1 < posts.length && !posts[i + 1]!.removed ? posts[i + 1]!.author : null }));
}

const TRANSFORMS: Record<string, (posts: Post[], dump: string) => Post[]> = {
  ...Object.fromEntries(Object.entries(VARIANTS).map(([k, f]) => [`edge ${k}`, (posts: Post[]) => dropEdges(posts, f)])),
  'shift down (names under the text, last nameless)': shiftNames,
  'shift up (names hug the text above)': shiftUp,
};

const sig = (posts: Post[]): string => JSON.stringify(posts.map((p) => [p.id, p.author, p.parentId ?? null]));

// 1. The first tries.
const golds = readdirSync(blindDir).filter((f) => f.endsWith('.gold.json')).sort((x, y) => blindNumber(x) - blindNumber(y));
const firstTries: Array<{ gold: Gold; posts: Post[]; dump: string }> = [];
for (const set of SETS)
  for (const f of golds.filter((g) => blindNumber(g) >= set.first && blindNumber(g) <= set.last)) {
    const gold = JSON.parse(readFileSync(join(blindDir, f), 'utf8')) as Gold;
    const out = readDump(set.commit, gold);
    if (typeof out === 'string') { console.error(`${f}: ${out}`); continue; }
    firstTries.push({ gold, posts: postsOf(out as Out), dump: readFileSync(join(blindDir, gold.file), 'utf8') });
  }
const pooled = (rows: Array<ReturnType<typeof score>>): string => {
  const sum = (k: keyof ReturnType<typeof score>): number => rows.reduce((a, r) => a + r[k], 0);
  const n = sum('n');
  return `${(sum('authors') / n).toFixed(3)} / ${(sum('starts') / n).toFixed(3)} / ${(sum('parents') / sum('parentsGold')).toFixed(3)}; ${(sum('aligned') / n).toFixed(3)}; ${sum('exact')}`;
};
const before = firstTries.map((d) => score(d.gold, d.posts));
console.log(`first tries: ${firstTries.length} dumps, ${before.reduce((s, r) => s + r.n, 0)} gold posts; authors / starts / parents by index; authors aligned by starts; counts exact ${pooled(before)}\n`);
console.log('| transform | dumps changed | improved | worsened | authors / starts / parents by index; aligned authors; counts exact: before | after |');
console.log('|---|---|---|---|---|---|');
const detail: string[] = [];
for (const [name, t] of Object.entries(TRANSFORMS)) {
  let changed = 0, up = 0, down = 0;
  const after = firstTries.map((d, i) => {
    const posts = t(d.posts, d.dump);
    if (sig(posts) === sig(d.posts)) return before[i]!;
    changed++;
    const r = score(d.gold, posts), b = before[i]!;
    const delta = r.authors + r.starts + r.parents - (b.authors + b.starts + b.parents);
    if (delta > 0) up++; else if (delta < 0) down++;
    detail.push(`${name}: ${d.gold.file} ${d.posts.length}->${posts.length} posts, authors ${b.authors}->${r.authors}, starts ${b.starts}->${r.starts}, parents ${b.parents}->${r.parents} of ${b.n}/${b.parentsGold}, aligned authors ${b.aligned}->${r.aligned}`);
    return r;
  });
  console.log(`| ${name} | ${changed} | ${up} | ${down} | ${pooled(before)} | ${pooled(after)} |`);
}
console.log(`\n${detail.join('\n')}\n`);

// 2. Today's readings (this tree's src, in process): which would each transform change?
const { analyze } = (await import(resolve(here, 'src', 'index.ts'))) as { analyze: (b: Buffer, o: { name: string }) => Out };
const today: Array<{ group: string; name: string; posts: Post[]; dump: string }> = [];
for (const f of golds) {
  const file = (JSON.parse(readFileSync(join(blindDir, f), 'utf8')) as Gold).file, bytes = readFileSync(join(blindDir, file));
  today.push({ group: 'blind 01-106', name: file, posts: postsOf(analyze(bytes, { name: file })), dump: bytes.toString('utf8') });
}
const evalDir = join(here, '..', 'shared', 'eval-threads');
for (const f of readdirSync(evalDir).filter((x) => x.endsWith('.txt')).sort()) {
  const bytes = readFileSync(join(evalDir, f));
  today.push({ group: 'eval threads', name: f, posts: postsOf(analyze(bytes, { name: f })), dump: bytes.toString('utf8') });
}
const fx = join(here, 'fixtures');
for (const d of readdirSync(fx).sort()) {
  if (d === 'blind-threads') continue;
  for (const f of readdirSync(join(fx, d)).sort()) {
    if (!f.startsWith('input.')) continue;
    const bytes = readFileSync(join(fx, d, f)), name = `fixtures/${d}/${f}`;
    today.push({ group: 'fixtures', name, posts: postsOf(analyze(bytes, { name })), dump: bytes.toString('utf8') });
  }
}
console.log('| transform | ' + [...new Set(today.map((t) => t.group))].map((g) => `${g} (${today.filter((t) => t.group === g).length}) changed`).join(' | ') + ' |');
console.log('|---|---|---|---|');
const which: string[] = [];
for (const [name, t] of Object.entries(TRANSFORMS)) {
  const cells = [...new Set(today.map((x) => x.group))].map((g) => {
    const hit = today.filter((x) => x.group === g && sig(t(x.posts, x.dump)) !== sig(x.posts));
    for (const h of hit) {
      const gold = g === 'blind 01-106' ? (JSON.parse(readFileSync(join(blindDir, h.name.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold) : undefined;
      const b = gold && score(gold, h.posts), r = gold && score(gold, t(h.posts, h.dump));
      which.push(`${name}: ${g} ${h.name} ${h.posts.length}->${t(h.posts, h.dump).length} posts${b && r ? `, authors ${b.authors}->${r.authors}, starts ${b.starts}->${r.starts}, parents ${b.parents}->${r.parents} of ${b.n}/${b.parentsGold}` : ''}`);
    }
    return String(hit.length);
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
console.log(`\n${which.join('\n')}`);
