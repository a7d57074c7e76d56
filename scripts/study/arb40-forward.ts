/**
 * Study (session 40, arb40): would the line-role model alone have read the new layouts better than the rules did?
 * Forward-chained: for each blind set from 35-40 on (first-tries.ts `SETS`, 107-112 included), the line-role model is
 * fit with today's recipe (`fitLineRoles(lineRoleRows(...))`) on the fixtures and only the development rounds BEFORE the
 * set (the dumps numbered below its first), and the set is read with today's src four ways: the model alone unguarded,
 * the model alone guarded (forced, but the odd-author guard of session 35 kept), today's rules with the forward-chained
 * model as their fallback (today's rules have seen the set: not a fair reading), and the library as it ships (rules +
 * the shipped model, fit on 01-112: not fair either). Beside them the set's historical first try (the commit's own CLI,
 * first-tries.ts `readDump`, cached in .cache/first-tries). All scored as the line-role studies score (`scoreDoc`,
 * score.mjs's counts: posts aligned by index).
 *
 * Part 2: for each dump where the model alone (unguarded) and the first try differ by >= 0.3 in authors, the facts of
 * the two readings that could tell which is right, each fact's vote and whether it points the right way (the reading
 * with more authors right). Describes; chooses nothing (no rule, no threshold is taken from it).
 *
 * `--fixtures-asof`: a stricter variant, each set's fit takes only the fixtures that existed at its first-try commit
 * (by `git ls-tree`), so that fixtures written after the set are out of its fit too.
 *
 * Never reads 113-118: the blind dumps come from `blindThreads()` (BLIND_DEV_ROUNDS only, 01-112).
 *
 * Run: nice -n 10 npx tsx scripts/study/arb40-forward.ts [--sets 35-40,41-46] [--fixtures-asof] [--json FILE]
 *      npx tsx scripts/study/arb40-forward.ts --report FILE
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fitLineRoles, lineRoleRows } from '../train/lib/line-roles-data.js';
import { useLineModelForStudy } from '../../src/ingest/line-roles-study.js';
import { setLineRoleStudy, oddAuthorShare } from '../../src/ingest/line-roles.js';
import { lineFeatures, LINE_ROLES } from '../../src/ingest/line-features.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { add, norm, rates, scoreDoc, scoreFigure, zero, type Score, type ScoredDoc } from './lib/thread-score.js';
import { studyBlind, studyFixtures } from './lib/left-out-data.js';
import { parse as todayParse } from '../../src/index.js';
import { SETS, readDump, type Gold } from './first-tries.js';
import type { RawPost } from '../../src/ingest/types.js';

type ParseFn = (t: string, o?: object) => ScoredDoc;
const parse = todayParse as unknown as ParseFn;
const args = process.argv.slice(2);
const here = resolve(import.meta.dirname, '..', '..');

export const HOW = ['model alone, unguarded', 'model alone, guarded', 'first try', "today's rules + forward model (not fair)", 'library as shipped (not fair)', 'model, guarded against the first try (simulated)', "then-model alone (the first try's commit, forced)"] as const;
type How = (typeof HOW)[number];
type P = { author: string | null; text: string; removed: boolean };
/** The facts of one reading (part 2). */
interface Facts {
  posts: number;
  odd: number;
  noAuthor: number;
  mentioned: number;
  authorLine: number;
  dupText: number;
  shortText: number;
}
interface Row {
  name: string;
  set: string;
  gold: number;
  declared: number | null;
  meanStartP: number | null;
  reads: Partial<Record<How, Score>>;
  facts: Partial<Record<How, Facts>>;
  /** Whether the line-role model's reading was taken (a `thread/line-model` message), per reading of today's src. */
  modelRead: Partial<Record<How, boolean>>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The facts of a reading `posts` of dump `text`. */
function factsOf(posts: readonly P[], text: string): Facts {
  const kept = posts.filter((p) => !p.removed);
  const authors = kept.map((p) => norm(p.author));
  const distinct = [...new Set(authors.filter((a) => a !== ''))];
  const texts = kept.map((p) => norm(p.text));
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const share = (k: number, n: number): number => (n === 0 ? 0 : k / n);
  // a distinct author named in another post's text (a mention, a quote's "NAME wrote", an @reply)
  const mentioned = distinct.filter((a) => {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])@?${escape(a)}($|[^\\p{L}\\p{N}])`, 'u');
    return kept.some((p) => norm(p.author) !== a && re.test(norm(p.text)));
  }).length;
  // a distinct author that is a whole line of the dump, or opens one (a head line)
  const authorLine = distinct.filter((a) => lines.some((l) => l === a || l.startsWith(`${a} `) || l.startsWith(`${a}:`) || l.startsWith(`${a},`))).length;
  const seen = new Map<string, number>();
  for (const t of texts) seen.set(t, (seen.get(t) ?? 0) + 1);
  return {
    posts: posts.length,
    odd: oddAuthorShare(posts.map((p) => ({ author: p.author, removed: p.removed })) as unknown as RawPost[]),
    noAuthor: share(authors.filter((a) => a === '').length, kept.length),
    mentioned: share(mentioned, distinct.length),
    authorLine: share(authorLine, distinct.length),
    dupText: share(texts.filter((t) => (seen.get(t) ?? 0) > 1).length, kept.length),
    shortText: share(texts.filter((t) => t.replace(/[^\p{L}]/gu, '').length < 3).length, kept.length),
  };
}

/** The count of comments the page declares ("42 comments", "Comments (42)", "42 replies"): the largest, or null. */
function declaredCount(text: string): number | null {
  const words = '(?:comments?|replies|responses|posts|reactions|kommentare|commentaires|comentarios|commenti|reacties|antworten|réponses|respuestas)';
  const res = [new RegExp(`(\\d[\\d,.]*)\\s+${words}\\b`, 'giu'), new RegExp(`${words}\\s*[(\\[:]\\s*(\\d[\\d,.]*)`, 'giu')];
  let best: number | null = null;
  for (const re of res) for (const m of text.matchAll(re)) {
    const n = Number(m[1]!.replace(/[,.]/g, ''));
    if (Number.isFinite(n) && n > 0 && n < 100_000 && (best === null || n > best)) best = n;
  }
  return best;
}

/** Reads with model `m` (unguarded: force + unguarded; guarded: force; fallback: neither) keeping the longest call's mean start p. */
let startPs: number[] = [];
function use(m: LinearModel, force: boolean, unguarded: boolean): void {
  setLineRoleStudy({
    probs: (lines) => {
      const probs = lineFeatures(lines.map((l) => l.text)).map((f) => (f === null ? null : predict(m, f)));
      const si = LINE_ROLES.indexOf('start');
      const ps: number[] = [];
      for (const p of probs) {
        if (p === null) continue;
        let best = 0;
        for (let l = 1; l < p.length; l++) if (p[l]! > p[best]!) best = l;
        if (best === si) ps.push(p[best]!);
      }
      if (ps.length > startPs.length) startPs = ps;
      return probs;
    },
    decode: null,
    force,
    unguarded,
  });
}

/**
 * The guard of session 35 weighed against the first try's reading instead of today's rules' (so that no reading of
 * today's rules enters): the model's reading (unguarded) unless it was not taken at all (fewer than three start lines:
 * the historical rules stand) or its odd-author share is at least 0.25 and above the first try's; then the first try.
 * The odd-author shares are `oddAuthorShare` of the output posts (the library weighs its raw posts: close, not exact).
 */
function simulate(row: Row): void {
  const m = row.facts[HOW[0]];
  const f = row.facts[HOW[2]];
  if (m === undefined || f === undefined) return;
  const first = !row.modelRead[HOW[0]] || (f.posts > 0 && m.odd >= 0.25 && m.odd > f.odd);
  row.reads[HOW[5]] = first ? row.reads[HOW[2]] : row.reads[HOW[0]];
  row.modelRead[HOW[5]] = !first;
}

/** The fixtures that existed at `commit` (by their folder name). */
function fixturesAt(commit: string): Set<string> {
  const out = execFileSync('git', ['ls-tree', '--name-only', commit, 'fixtures/'], { cwd: here, encoding: 'utf8' });
  return new Set(out.split('\n').filter(Boolean).map((p) => p.replace(/^fixtures\//, '')));
}

function run(): Row[] {
  const si = args.indexOf('--sets');
  const only = si >= 0 ? new Set(args[si + 1]!.split(',')) : null;
  const asof = args.includes('--fixtures-asof');
  const fixtures = studyFixtures();
  const blind = studyBlind();
  const sets = [...SETS].filter((s) => s.first >= 35 && (only === null || only.has(s.label))).sort((a, b) => a.first - b.first);
  const rows: Row[] = [];
  const t0 = Date.now();
  for (const set of sets) {
    const fx = asof ? (() => { const at = fixturesAt(set.commit); return fixtures.filter((f) => at.has(f.name)); })() : fixtures;
    const before = blind.filter((b) => b.n < set.first);
    const m = fitLineRoles(lineRoleRows([...fx, ...before.map((b) => b.fx)]), ['study']);
    console.log(`set ${set.label}: fit on ${fx.length} fixtures + ${before.length} dumps (${before.length ? `01-${String(set.first - 1).padStart(2, '0')}` : 'none'}), ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    for (const d of blind.filter((b) => b.n >= set.first && b.n <= set.last)) {
      const row: Row = { name: d.name, set: set.label, gold: d.gold.posts.length, declared: declaredCount(d.text), meanStartP: null, reads: {}, facts: {}, modelRead: {} };
      const readWith = (how: How, setup: () => void): void => {
        setup();
        const doc = parse(d.text, { name: d.name });
        row.reads[how] = scoreDoc(doc, d.gold);
        row.modelRead[how] = (doc as unknown as { messages: Array<{ ruleId: string }> }).messages.some((x) => x.ruleId === 'thread/line-model');
        row.facts[how] = factsOf(doc.thread.posts, d.text);
      };
      startPs = [];
      readWith(HOW[0], () => use(m, true, true));
      row.meanStartP = startPs.length === 0 ? 0 : startPs.reduce((s, x) => s + x, 0) / startPs.length;
      readWith(HOW[1], () => use(m, true, false));
      readWith(HOW[3], () => use(m, false, false));
      readWith(HOW[4], () => useLineModelForStudy(null));
      useLineModelForStudy(null);
      const gold = { ...(d.gold as unknown as Gold), file: (d.gold as unknown as { file: string }).file };
      const ft = readDump(set.commit, gold);
      if (typeof ft === 'string') console.error(`${d.name}: first try ${ft}`);
      else {
        const posts = (ft.thread?.posts ?? ft.posts ?? []) as unknown as ScoredDoc['thread']['posts'];
        row.reads[HOW[2]] = scoreDoc({ thread: { posts: posts.map((p) => ({ ...p, parentId: p.parentId ?? null, removed: p.removed === true })) } }, d.gold);
        row.facts[HOW[2]] = factsOf(posts.map((p) => ({ ...p, removed: p.removed === true })), d.text);
      }
      simulate(row);
      rows.push(row);
      console.log(`${d.name}: ${HOW.map((h) => `${h} ${row.reads[h] ? scoreFigure(row.reads[h]!) : '-'}`).join(' | ')}`);
    }
  }
  return rows;
}

// ---- the report ----
const sign = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
function report(rows: readonly Row[]): void {
  const sets = [...new Set(rows.map((r) => r.set))];
  const sum = (rs: readonly Row[], h: How): Score => rs.reduce((s, r) => add(s, r.reads[h] ?? zero()), zero());
  console.log(`\nAuthors / starts / parents by index (counts exact); ${rows.length} dumps, ${rows.reduce((s, r) => s + r.gold, 0)} gold posts\n`);
  const hows = HOW.filter((h) => rows.some((r) => r.reads[h]));
  console.log(`| set | ${hows.join(' | ')} | unguarded - first try, authors |`);
  console.log(`| --- |${hows.map(() => ' --- |').join('')} --- |`);
  for (const s of [...sets, 'pooled']) {
    const rs = rows.filter((r) => s === 'pooled' || r.set === s);
    const d = rates(sum(rs, HOW[0]))[0] - rates(sum(rs, HOW[2]))[0];
    console.log(`| ${s === 'pooled' ? '**pooled**' : s} | ${hows.map((h) => scoreFigure(sum(rs, h))).join(' | ')} | ${sign(d)} |`);
  }
  for (const h of HOW.filter((x) => x !== HOW[2])) console.log(`${h}: the model's reading taken on ${rows.filter((r) => r.modelRead[h]).length} of ${rows.length} dumps`);
  // dump by dump: the model alone against the first try
  const rate = (r: Row, h: How): number => (r.reads[h]?.authors ?? 0) / r.gold;
  for (const h of [HOW[0], HOW[1], HOW[5], HOW[6]]) {
    if (!rows.some((r) => r.reads[h])) continue;
    const better = rows.filter((r) => rate(r, h) > rate(r, HOW[2]) + 1e-9).length;
    const worse = rows.filter((r) => rate(r, h) < rate(r, HOW[2]) - 1e-9).length;
    const setsBetter = sets.filter((s) => { const rs = rows.filter((r) => r.set === s); return rates(sum(rs, h))[0] > rates(sum(rs, HOW[2]))[0]; }).length;
    console.log(`\n${h} against the first try, authors: dumps better ${better}, worse ${worse}, same ${rows.length - better - worse}; sets better ${setsBetter} of ${sets.length}`);
  }
  // where the first try read the layout (authors >= 0.9) and where it did not; the better of the two per dump (an oracle)
  const ra = (rs: readonly Row[], h: How, k: 'authors' | 'starts'): string => (rs.reduce((x, r) => x + (r.reads[h]?.[k] ?? 0), 0) / rs.reduce((x, r) => x + r.gold, 0)).toFixed(3);
  for (const [label, rs] of [['first try fine (authors >= 0.9)', rows.filter((r) => rate(r, HOW[2]) >= 0.9)], ['first try not fine', rows.filter((r) => rate(r, HOW[2]) < 0.9)]] as const) {
    console.log(`${label}: ${rs.length} dumps; authors / starts: first try ${ra(rs, HOW[2], 'authors')} / ${ra(rs, HOW[2], 'starts')}, model alone unguarded ${ra(rs, HOW[0], 'authors')} / ${ra(rs, HOW[0], 'starts')}, simulated guard ${ra(rs, HOW[5], 'authors')} / ${ra(rs, HOW[5], 'starts')}; the model worse in authors on ${rs.filter((r) => rate(r, HOW[0]) < rate(r, HOW[2]) - 1e-9).length}`);
  }
  console.log(`the better of model alone (unguarded) and first try per dump, pooled authors: ${(rows.reduce((x, r) => x + Math.max(r.reads[HOW[0]]?.authors ?? 0, r.reads[HOW[2]]?.authors ?? 0), 0) / rows.reduce((x, r) => x + r.gold, 0)).toFixed(3)}`);
  // part 2
  const dis = rows.filter((r) => r.reads[HOW[2]] && Math.abs(rate(r, HOW[0]) - rate(r, HOW[2])) >= 0.3);
  console.log(`\nDumps where the model alone (unguarded) and the first try differ by >= 0.3 in authors: ${dis.length} (model right ${dis.filter((r) => rate(r, HOW[0]) > rate(r, HOW[2])).length}, first try right ${dis.filter((r) => rate(r, HOW[0]) < rate(r, HOW[2])).length})\n`);
  type Vote = 'model' | 'first' | null;
  const lower = (a: number, b: number): Vote => (a < b - 1e-9 ? 'model' : b < a - 1e-9 ? 'first' : null);
  const FACTS: Array<[string, (r: Row, m: Facts, f: Facts) => Vote]> = [
    ['odd-author share (oddAuthorShare) lower', (_r, m, f) => lower(m.odd, f.odd)],
    ['odd-author share lower, a tie for the model', (_r, m, f) => lower(m.odd, f.odd) ?? 'model'],
    ['always the model', () => 'model'],
    ["the session-35 guard's condition (the model's odd share >= 0.25 and above the first try's: the first try; else the model)", (_r, m, f) => (f.posts > 0 && m.odd >= 0.25 && m.odd > f.odd ? 'first' : 'model')],
    ['share of posts with no author lower', (_r, m, f) => lower(m.noAuthor, f.noAuthor)],
    ['share of distinct authors named in another post higher', (_r, m, f) => lower(f.mentioned, m.mentioned)],
    ['share of distinct authors that are or open a line of the dump higher', (_r, m, f) => lower(f.authorLine, m.authorLine)],
    ['share of posts whose text another post repeats lower', (_r, m, f) => lower(m.dupText, f.dupText)],
    ['share of posts with under 3 letters of text lower', (_r, m, f) => lower(m.shortText, f.shortText)],
    ["post count nearer the page's declared count", (r, m, f) => (r.declared === null ? null : lower(Math.abs(m.posts - r.declared), Math.abs(f.posts - r.declared)))],
    ['more posts read', (_r, m, f) => lower(f.posts, m.posts)],
    ["model's mean start probability >= 0.8 (model) / < 0.8 (first try)", (r) => (r.meanStartP === null ? null : r.meanStartP >= 0.8 ? 'model' : 'first')],
  ];
  console.log(`| dump | gold posts | declared | authors: model alone / first try | posts: model / first | odd share m / f | no author m / f | named elsewhere m / f | author is a line m / f | repeated text m / f | short text m / f | mean start p |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
  const f2 = (x: number): string => x.toFixed(2);
  for (const r of dis) {
    const m = r.facts[HOW[0]]!;
    const f = r.facts[HOW[2]]!;
    console.log(`| ${r.name.split('_')[0]} ${r.name.split('_')[1]} | ${r.gold} | ${r.declared ?? '-'} | ${f2(rate(r, HOW[0]))} / ${f2(rate(r, HOW[2]))} | ${m.posts} / ${f.posts} | ${f2(m.odd)} / ${f2(f.odd)} | ${f2(m.noAuthor)} / ${f2(f.noAuthor)} | ${f2(m.mentioned)} / ${f2(f.mentioned)} | ${f2(m.authorLine)} / ${f2(f.authorLine)} | ${f2(m.dupText)} / ${f2(f.dupText)} | ${f2(m.shortText)} / ${f2(f.shortText)} | ${f2(r.meanStartP ?? 0)} |`);
  }
  console.log(`\n| fact (the reading it points to) | points right | points wrong | no vote (tie or no fact) | right when the model is right | right when the first try is right |`);
  console.log(`| --- | --- | --- | --- | --- | --- |`);
  for (const [label, vote] of FACTS) {
    let right = 0, wrong = 0, none = 0, rm = 0, nm = 0, rf = 0, nf = 0;
    for (const r of dis) {
      const truth: Vote = rate(r, HOW[0]) > rate(r, HOW[2]) ? 'model' : 'first';
      const v = vote(r, r.facts[HOW[0]]!, r.facts[HOW[2]]!);
      if (truth === 'model') nm++;
      else nf++;
      if (v === null) none++;
      else if (v === truth) { right++; if (truth === 'model') rm++; else rf++; }
      else wrong++;
    }
    console.log(`| ${label} | ${right} | ${wrong} | ${none} | ${rm}/${nm} | ${rf}/${nf} |`);
  }
}

const ri = args.indexOf('--report');
if (ri >= 0) {
  const rows = (JSON.parse(readFileSync(args[ri + 1]!, 'utf8')) as { rows: Row[] }).rows;
  // `--then FILE` (arb40-then-model.ts): each set's first-try commit read with its own model, forced
  const ti = args.indexOf('--then');
  if (ti >= 0) {
    const then = new Map((JSON.parse(readFileSync(args[ti + 1]!, 'utf8')) as { rows: Array<{ name: string; forced: Score; modelRead: boolean }> }).rows.map((r) => [r.name, r]));
    for (const r of rows) {
      const t = then.get(r.name);
      if (t === undefined) continue;
      r.reads[HOW[6]] = t.forced;
      r.modelRead[HOW[6]] = t.modelRead;
    }
  }
  report(rows);
}
else {
  const rows = run();
  const ji = args.indexOf('--json');
  if (ji >= 0) writeFileSync(args[ji + 1]!, JSON.stringify({ rows }, null, 1));
  report(rows);
}
