/**
 * Session 38 (first38): why first tries fail. For each blind set (01-04 ... 101-106) and the commit its first try was
 * read on (docs/blind-threads.md: "first try (`HASH`)", or "first try, main `HASH`" where that section has one), builds
 * that commit's src in a scratch dir (.cache/first-tries/HASH, node_modules symlinked from /work/main), runs its CLI on
 * the set's dumps (outputs cached per commit), and classifies each dump's first-try failure against the gold:
 *   a fine (index-aligned authors >= 0.9); b an edge shift (authors >= 0.9 once aligned by `starts`, low by index);
 *   c names from the wrong side (aligned posts carry their gold neighbour's name); d heads not recognised (far fewer
 *   posts); e posts split too much (far more posts); f article/section boundary wrong (gold posts read into the article,
 *   or article text read as posts); g other.
 * A study: it changes nothing in src and chooses nothing. Run from the worktree:
 *   nice npx tsx scripts/study/first-tries.ts [--sets 101-106,95-100] [--json]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blindNumber } from '../train/lib/blind-rounds.js';

/**
 * Each set's first-try commit, newest first (docs/blind-threads.md; 107-112: "first try (`5df185e`, main `92ce9d5`)",
 * added by arb40; 113-118: "first try (`7bd16fc`, main `9aba392`)", added by arb41; 119-124: main `8995cb0`, added by the
 * lead in session 41 for the registered study reading of the arbitration candidates on that set; 125-130: main `e3a90f9`,
 * gold42's first try, added by the lead in session 42; 131-136: main `0740f82`, gold43's first try, added by the lead in
 * session 43; 137-142: main `ebe0257`, gold44's first try, added by the lead in session 44; 143-148: main `e36af11`,
 * gold45's first try, added by the lead in session 45).
 */
export const SETS: ReadonlyArray<{ label: string; first: number; last: number; commit: string }> = [
  { label: '143-148', first: 143, last: 148, commit: 'e36af11' },
  { label: '137-142', first: 137, last: 142, commit: 'ebe0257' },
  { label: '131-136', first: 131, last: 136, commit: '0740f82' },
  { label: '125-130', first: 125, last: 130, commit: 'e3a90f9' },
  { label: '119-124', first: 119, last: 124, commit: '8995cb0' },
  { label: '113-118', first: 113, last: 118, commit: '9aba392' },
  { label: '107-112', first: 107, last: 112, commit: '92ce9d5' },
  { label: '101-106', first: 101, last: 106, commit: '6b9de2d' },
  { label: '95-100', first: 95, last: 100, commit: 'fd515c7' },
  { label: '89-94', first: 89, last: 94, commit: '4692f71' },
  { label: '83-88', first: 83, last: 88, commit: '1afdf99' },
  { label: '77-82', first: 77, last: 82, commit: '034fc83' },
  { label: '71-76', first: 71, last: 76, commit: '6851bb0' },
  { label: '65-70', first: 65, last: 70, commit: '1eb123c' },
  { label: '59-64', first: 59, last: 64, commit: 'c7abd42' },
  { label: '53-58', first: 53, last: 58, commit: '4f78cdb' },
  { label: '47-52', first: 47, last: 52, commit: 'a3159b1' },
  { label: '41-46', first: 41, last: 46, commit: 'ad93ebd' },
  { label: '35-40', first: 35, last: 40, commit: 'aa477d7' },
  { label: '29-34', first: 29, last: 34, commit: 'c280936' },
  { label: '23-28', first: 23, last: 28, commit: '7686d26' },
  { label: '17-22', first: 17, last: 22, commit: '8e6993a' },
  { label: '11-16', first: 11, last: 16, commit: 'aa416d7' },
  { label: '05-10', first: 5, last: 10, commit: 'd9aec0b' },
  { label: '01-04', first: 1, last: 4, commit: '2a4f8f6' },
];

export type GoldPost = { author: string | null; starts: string; parent: number | null; removed?: boolean };
export type Gold = { file: string; targets?: string[]; posts: GoldPost[]; articleMustContain?: string[] };
type Post = { id: string; author: string | null; text: string; removed?: boolean };
type Out = { article?: { text?: string }; thread?: { posts: Post[] }; posts?: Post[] };

const here = resolve(import.meta.dirname, '..', '..');
const blindDir = join(here, 'fixtures', 'blind-threads');
const cacheRoot = join(here, '.cache', 'first-tries');
const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

/** Extracts a commit's src once and returns its root. */
function checkout(commit: string): string {
  const dir = join(cacheRoot, commit);
  if (!existsSync(join(dir, 'src'))) {
    mkdirSync(dir, { recursive: true });
    const files = ['src', 'package.json', 'tsconfig.json', 'tsup.config.ts'];
    const tar = execFileSync('git', ['archive', commit, ...files], { cwd: here, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync('/work/main/node_modules', join(dir, 'node_modules'));
  return dir;
}

/** The commit's CLI reading of one dump, cached. */
export function readDump(commit: string, gold: Gold): Out | string {
  const dir = checkout(commit);
  mkdirSync(join(dir, 'out'), { recursive: true });
  const cached = join(dir, 'out', `${gold.file}.json`);
  if (!existsSync(cached)) {
    const targets = (gold.targets ?? []).flatMap((t) => ['--target', t]);
    const tsx = join(here, 'node_modules', '.bin', 'tsx');
    const r = spawnSync(tsx, [join(dir, 'src', 'cli', 'main.ts'), 'analyze', join(blindDir, gold.file), '--format', 'json', ...targets], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      timeout: 180_000,
    });
    if (r.status !== 0 || !r.stdout.trim().startsWith('{') && !r.stdout.trim().startsWith('[')) return `exit ${r.status}: ${(r.stderr ?? '').split('\n')[0]}`;
    writeFileSync(cached, r.stdout);
  }
  const out = JSON.parse(readFileSync(cached, 'utf8'));
  return Array.isArray(out) ? out[0] : out;
}

export const startsOk = (gp: GoldPost, p: Post): boolean =>
  gp.removed ? p.removed === true : !p.removed && [norm(p.text), norm(p.text).replace(/^(@\S+\s+)+/, '')].some((t) => t.startsWith(norm(gp.starts)));
export const authorOk = (gp: GoldPost, p: Post): boolean => (gp.removed ? p.removed === true : !p.removed && norm(p.author) === norm(gp.author));

/** The best monotone alignment of gold posts to read posts by `starts` (most pairs; ties keep the earlier post). */
export function alignByStarts(gold: GoldPost[], posts: Post[]): Array<number | null> {
  const n = gold.length, m = posts.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, startsOk(gold[i]!, posts[j]!) ? 1 + best[i + 1]![j + 1]! : 0);
  const pairs: Array<number | null> = new Array(n).fill(null);
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (startsOk(gold[i]!, posts[j]!) && best[i]![j] === 1 + best[i + 1]![j + 1]!) { pairs[i++] = j++; }
    else if (best[i + 1]![j] === best[i]![j]) i++;
    else j++;
  }
  return pairs;
}

export type Mode = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';
interface DumpFinding {
  file: string;
  gold: number;
  read: number;
  idxAuthors: number;
  idxStarts: number;
  bestAuthors: number;
  bestStarts: number;
  mode: Mode;
  note: string;
}

function classify(gold: Gold, out: Out): DumpFinding {
  const gp = gold.posts;
  const posts = out.thread?.posts ?? out.posts ?? [];
  const n = gp.length;
  const idxA = gp.filter((g, i) => posts[i] && authorOk(g, posts[i]!)).length / n;
  const idxS = gp.filter((g, i) => posts[i] && startsOk(g, posts[i]!)).length / n;
  const pairs = alignByStarts(gp, posts);
  const matched = pairs.filter((j) => j !== null).length;
  const bestA = gp.filter((g, i) => pairs[i] !== null && authorOk(g, posts[pairs[i]!]!)).length / n;
  const bestS = matched / n;
  const base = { file: gold.file, gold: n, read: posts.length, idxAuthors: idxA, idxStarts: idxS, bestAuthors: bestA, bestStarts: bestS };
  // Unmatched read posts before the first / after the last matched one, and in between.
  const used = new Set(pairs.filter((j): j is number => j !== null));
  const firstUsed = Math.min(...used), lastUsed = Math.max(...used);
  const extraEdge = posts.filter((_, j) => !used.has(j) && (j < firstUsed || j > lastUsed)).length;
  const missingEdge = (() => { let k = 0; for (const j of pairs) { if (j !== null) break; k++; } let t = 0; for (const j of [...pairs].reverse()) { if (j !== null) break; t++; } return matched ? k + t : n; })();
  if (idxA >= 0.9) return { ...base, mode: 'a', note: '' };
  const unmatchedRead = posts.length - used.size;
  const shiftNote = `${unmatchedRead} unmatched read (${extraEdge} at an edge), ${n - matched} gold unmatched (${missingEdge} at an edge)`;
  // One or two posts too many, one or two too few, and the names right once aligned: an edge shift. More extra posts than
  // that with the names right once aligned are posts split too much (chrome lines read as posts): (e) below.
  if (bestA >= 0.9 && unmatchedRead <= 2 && n - matched <= 2) return { ...base, mode: 'b', note: shiftNote };
  if (bestA >= 0.9) return { ...base, mode: 'e', note: `${posts.length}/${n} posts, names right once aligned; ${shiftNote}` };
  // Where each gold post's text starts in the dump (in order), so a name can be placed above or below it.
  const dump = readFileSync(join(blindDir, gold.file), 'utf8');
  const at: number[] = [];
  let cursor = 0;
  for (const g of gp) {
    const k = g.starts ? dump.indexOf(g.starts.slice(0, 20), cursor) : -1;
    at.push(k >= 0 ? k : cursor);
    if (k >= 0) cursor = k + 1;
  }
  const nameLike = (a: string): boolean => a.length > 0 && !a.includes(':') && a.split(' ').length <= 3;
  const has = (region: string, a: string): boolean => a.length > 0 && new RegExp(`(^|[^\\w])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`).test(region);
  // Wrong names on posts whose text was found: the neighbour's name (the post above's or below's), or a name from the
  // other side of the text than the gold's (a head above read where the signature below holds the name, or the reverse)?
  let wrong = 0, fromAbove = 0, fromBelow = 0, otherSide = 0, goldBelow = 0, none = 0, form = 0;
  gp.forEach((g, i) => {
    if (g.removed || !g.author) return;
    const below = dump.slice(at[i]!, i + 1 < n ? at[i + 1]! : dump.length);
    const above = dump.slice(i > 0 ? at[i - 1]! : 0, at[i]!);
    if (has(below, norm(g.author)) && !has(above.split('\n').slice(-4).join('\n'), norm(g.author))) goldBelow++;
  });
  const samples: string[] = [];
  gp.forEach((g, i) => {
    const j = pairs[i];
    if (j === null || j === undefined || g.removed || authorOk(g, posts[j]!)) return;
    wrong++;
    const a = norm(posts[j]!.author);
    const below = dump.slice(at[i]!, i + 1 < n ? at[i + 1]! : dump.length);
    const above = dump.slice(i > 0 ? at[i - 1]! : 0, at[i]!);
    const gAuthor = norm(g.author);
    if (nameLike(a) && ((has(below, gAuthor) && !has(below, a) && has(above, a)) || (has(above, gAuthor) && !has(above, a) && has(below, a)))) otherSide++;
    if (!a) none++;
    else if (gAuthor && a.toLowerCase().includes(gAuthor.toLowerCase()) || gAuthor.toLowerCase().includes(a.toLowerCase())) form++;
    if (i > 0 && a && a === norm(gp[i - 1]!.author) && a !== norm(g.author)) fromAbove++;
    else if (i + 1 < n && a && a === norm(gp[i + 1]!.author) && a !== norm(g.author)) fromBelow++;
    else if (samples.length < 3) samples.push(JSON.stringify((posts[j]!.author ?? 'null').slice(0, 30)));
  });
  // Gold post starts found inside the article text, or article must-contain lines inside posts.
  const article = norm(out.article?.text);
  const inArticle = gp.filter((g) => !g.removed && g.starts && article.includes(norm(g.starts))).length;
  const articleInPosts = (gold.articleMustContain ?? []).filter((s) => posts.some((p) => norm(p.text).includes(norm(s)))).length;
  const ratio = posts.length / n;
  const sideNote = `names below the text on ${goldBelow}/${n}; wrong names on found posts ${wrong}: the post above's ${fromAbove}, below's ${fromBelow}, from the other side of the text ${otherSide}, none ${none}, the name in another form ${form}${samples.length ? `, other e.g. ${samples.join(' ')}` : ''}`;
  const boundaryNote = `${inArticle} gold starts in the article, ${articleInPosts} article lines in posts`;
  if (inArticle >= Math.max(2, 0.2 * n) || articleInPosts > 0) return { ...base, mode: 'f', note: boundaryNote };
  if (ratio <= 0.75) return { ...base, mode: 'd', note: `${posts.length}/${n} posts` };
  if (ratio >= 1.25) return { ...base, mode: 'e', note: `${posts.length}/${n} posts` };
  // A signature-below layout (the gold name under the text on half the posts or more) read wrong, or most wrong names
  // the neighbour's or from the other side of the text.
  if (goldBelow >= 0.5 * n || (wrong >= 3 && Math.max(fromAbove + fromBelow, otherSide) >= 0.5 * wrong)) return { ...base, mode: 'c', note: sideNote };
  // Other, with the commonest reason: posts cut at the wrong lines (their starts not found), no name read, the name
  // read with its decorations ("NAME commented", "NAME (48)", "@NAME"), or another head line read as the name.
  const why = bestS < 0.6 ? 'g-cut' : none >= form && none >= wrong - none - form ? 'g-none' : form >= wrong - none - form ? 'g-form' : 'g-line';
  return { ...base, mode: 'g', note: `${why}: ${posts.length}/${n} posts; ${sideNote}` };
}

/** The per-dump listing and the tables (the study's command line). */
function main(): void {
const args = process.argv.slice(2);
const only = args.includes('--sets') ? args[args.indexOf('--sets') + 1]!.split(',') : undefined;
const golds = readdirSync(blindDir).filter((f) => f.endsWith('.gold.json')).sort((x, y) => blindNumber(x) - blindNumber(y));
const findings: Array<DumpFinding & { set: string; commit: string }> = [];
for (const set of SETS) {
  if (only && !only.includes(set.label)) continue;
  for (const f of golds.filter((g) => blindNumber(g) >= set.first && blindNumber(g) <= set.last)) {
    const gold = JSON.parse(readFileSync(join(blindDir, f), 'utf8')) as Gold;
    const out = readDump(set.commit, gold);
    if (typeof out === 'string') { console.error(`${set.label} ${f}: ${out}`); continue; }
    const d = { ...classify(gold, out), set: set.label, commit: set.commit };
    findings.push(d);
    console.error(`${set.label} ${set.commit} ${f} ${d.read}/${d.gold} idx ${d.idxAuthors.toFixed(3)}/${d.idxStarts.toFixed(3)} best ${d.bestAuthors.toFixed(3)}/${d.bestStarts.toFixed(3)} (${d.mode}) ${d.note}`);
  }
}
if (args.includes('--json')) console.log(JSON.stringify(findings));
else {
  // Per set and pooled: dumps per mode, and post-weighted authors/starts by index and by best alignment.
  const modes: Mode[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const row = (label: string, commit: string, ds: typeof findings): string => {
    const posts = ds.reduce((s, d) => s + d.gold, 0);
    const w = (k: 'idxAuthors' | 'idxStarts' | 'bestAuthors' | 'bestStarts') => (ds.reduce((s, d) => s + d[k] * d.gold, 0) / posts).toFixed(3);
    const gWhy = ['g-cut', 'g-none', 'g-form', 'g-line'].map((w) => [w, ds.filter((d) => d.note.startsWith(`${w}:`)).length] as const).filter(([, k]) => k > 0);
    const cell = (m: Mode) => { const k = ds.filter((d) => d.mode === m).length; return !k ? '' : m === 'g' ? `${k} (${gWhy.map(([w, c]) => `${w.slice(2)} ${c}`).join(', ')})` : String(k); };
    return `| ${label} | ${commit} | ${ds.length} | ${modes.map(cell).join(' | ')} | ${w('idxAuthors')} / ${w('idxStarts')} | ${w('bestAuthors')} / ${w('bestStarts')} |`;
  };
  console.log(`| set | first try | dumps | a fine | b edge shift | c wrong side | d merged | e split | f boundary | g other | authors / starts by index | by best alignment |`);
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const set of SETS) {
    const ds = findings.filter((d) => d.set === set.label);
    if (ds.length) console.log(row(set.label, `\`${set.commit}\``, ds));
  }
  console.log(row(`**pooled**`, '', findings));
  // Per mode: how many gold posts' authors the mode loses by index (its share of all authors lost).
  const lost = (ds: typeof findings) => ds.reduce((s, d) => s + d.gold * (1 - d.idxAuthors), 0);
  const all = lost(findings);
  console.log(`\n| mode | dumps | gold posts | authors / starts by index | by best alignment | authors lost | share of all lost |`);
  console.log(`|---|---|---|---|---|---|---|`);
  const kinds: Array<[string, (d: (typeof findings)[number]) => boolean]> = [
    ...modes.filter((m) => m !== 'g').map((m) => [m, (d: (typeof findings)[number]) => d.mode === m] as [string, (d: (typeof findings)[number]) => boolean]),
    ...['g-cut', 'g-none', 'g-form', 'g-line'].map((w) => [w, (d: (typeof findings)[number]) => d.note.startsWith(`${w}:`)] as [string, (d: (typeof findings)[number]) => boolean]),
  ];
  for (const [k, f] of kinds) {
    const ds = findings.filter(f);
    if (!ds.length) continue;
    const posts = ds.reduce((s, d) => s + d.gold, 0);
    const w = (key: 'idxAuthors' | 'idxStarts' | 'bestAuthors' | 'bestStarts') => (ds.reduce((s, d) => s + d[key] * d.gold, 0) / posts).toFixed(3);
    console.log(`| ${k} | ${ds.length} | ${posts} | ${w('idxAuthors')} / ${w('idxStarts')} | ${w('bestAuthors')} / ${w('bestStarts')} | ${lost(ds).toFixed(0)} | ${(lost(ds) / all).toFixed(2)} |`);
  }
  console.log(`| all | ${findings.length} | ${findings.reduce((s, d) => s + d.gold, 0)} | | | ${all.toFixed(0)} | 1.00 |`);
}
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
