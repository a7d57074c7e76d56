/**
 * Study (session 45, guard45): how fragile is the line-role model's reading of a page it has not seen under a refit on a
 * few more rounds? Session 44's join refit the model on 01-136 where the first try's fit had 01-130, and the reading of
 * held-out 141 went from 18 posts (right) to 15 (no start lined up).
 *
 * Forward-chained: for each blind set S from 59-64 on (the development rounds of scripts/train/lib/blind-rounds.ts from
 * 59-64 to 137-142: 137-142 is read from its files where `BLIND_DEV_ROUNDS` does not list it yet, as when this ran;
 * 143-148 are never opened: every set, fit and dump is filtered by number <= `LAST_READABLE` before it is read), the line-role model is fit with the shipped recipe
 * (`fitLineRoles(lineRoleRows(...))`, the rows as `studyFixtures()` / `studyBlind()` derive them) on the fixtures and
 *
 * - `T`: every round before S,
 * - `T-1`: those minus the last round before S,
 * - `T-2`: those minus the last two,
 *
 * and S is read with today's src each way: the model alone (forced, unguarded: the reading the parse takes where the
 * rules cannot read the page) and the library with that fit as its fallback (today's rules, which have seen S: the
 * model is taken on few dumps there; reported beside). The fit has no seed and no row order that matters (full-batch
 * Adam from zero): a refit on a round more or less is its only perturbation.
 *
 * For each refit pair (T against T-1, T against T-2) and each dump: does the reading change (post count, the output
 * authors in order, the output starts: each post's first 40 characters of text), and where the authors or starts right
 * by index (`scoreDoc`, score.mjs's counts) differ, which side is right. Pooled authors / starts of each fit beside them.
 *
 * With `--mech NAME` the same is read for a mechanism's model (section "Session 45 (guard45)" of docs/dump-styles.md:
 * the mechanism and its bar were committed before this was run with it); `single` is the shipped recipe.
 *
 * Fits are cached in .cache/guard45/ (by mechanism and round list).
 *
 * Run: nice -n 10 npx tsx scripts/study/guard45-refit-pairs.ts [--mech single|bag] [--sets 137-142,...] [--json FILE]
 *      npx tsx scripts/study/guard45-refit-pairs.ts --report FILE [FILE2]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deriveThreadGold, type Fixture, type ThreadGold } from '../train/lib/line-roles-data.js';
import { BLIND_DEV_ROUNDS, blindNumber } from '../train/lib/blind-rounds.js';
import { useLineModelForStudy } from '../../src/ingest/line-roles-study.js';
import { isLinearModel, type LinearModel } from '../../src/learn/model.js';
import { parse as todayParse } from '../../src/index.js';
import { studyBlind, studyFixtures } from './lib/left-out-data.js';
import { add, norm, rates, scoreDoc, zero, type Score, type ScoredDoc } from './lib/thread-score.js';
import { MECHANISMS, type Mechanism, type RoundFixtures } from '../train/lib/line-roles-ensemble.js';

type ParseFn = (t: string, o?: object) => ScoredDoc & { messages: Array<{ ruleId: string }> };
const parse = todayParse as unknown as ParseFn;
const here = resolve(import.meta.dirname, '..', '..');
const cacheDir = join(here, '.cache', 'guard45');
const args = process.argv.slice(2);
const arg = (k: string): string | undefined => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};

/** The last blind number any run of this study may open (143-148 are session 45's held-out set). */
const LAST_READABLE = 142;
/** The sets read: the development rounds from 59-64 on, and 137-142 (development now, read only, never fit on here). */
const SETS: ReadonlyArray<{ label: string; first: number; last: number }> = [
  ...BLIND_DEV_ROUNDS.filter((r) => r.first >= 59 && r.last <= LAST_READABLE),
  ...(BLIND_DEV_ROUNDS.some((r) => r.label === '137-142') ? [] : [{ label: '137-142', first: 137, last: 142 }]),
];
export const FITS = ['T', 'T-1', 'T-2'] as const;
type FitName = (typeof FITS)[number];

/** One reading of a dump. */
export interface Reading {
  posts: number;
  authors: string[];
  starts: string[];
  score: Score;
  /** The library with this fit as its fallback: was the model's reading taken, and its score. */
  libTaken: boolean;
  lib: Score;
  libKey: string;
}
export interface Row {
  name: string;
  set: string;
  gold: number;
  reads: Partial<Record<FitName, Reading>>;
}

/** 137-142 (read only): their gold and dump, by number, never above `LAST_READABLE`. */
function readOnlyDumps(first: number, last: number): Array<{ name: string; text: string; gold: ThreadGold; n: number }> {
  const dir = join(here, 'fixtures', 'blind-threads');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .filter((f) => {
      const n = blindNumber(f);
      return n >= first && n <= last && n <= LAST_READABLE;
    })
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ThreadGold & { file: string };
      return { name: f.replace(/\.gold\.json$/, ''), text: readFileSync(join(dir, gold.file), 'utf8'), gold, n: blindNumber(f) };
    });
}

function cachedFit(mech: Mechanism, rounds: readonly RoundFixtures[], fixtures: readonly Fixture[]): LinearModel {
  mkdirSync(cacheDir, { recursive: true });
  const key = `${mech.name}-${rounds.length === 0 ? 'none' : `${rounds[0]!.label}_${rounds.at(-1)!.label}_${rounds.length}`}.json`;
  const file = join(cacheDir, key);
  if (existsSync(file)) {
    const m: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (isLinearModel(m)) return m;
  }
  const m = mech.fit(fixtures, rounds, ['study']);
  writeFileSync(file, JSON.stringify(m));
  return m;
}

function readWith(m: LinearModel, d: { name: string; text: string; gold: ThreadGold }): Reading {
  useLineModelForStudy(m, true, null, true);
  const doc = parse(d.text, { name: d.name });
  const kept = doc.thread.posts;
  const score = scoreDoc(doc, d.gold);
  useLineModelForStudy(m);
  const lib = parse(d.text, { name: d.name });
  useLineModelForStudy(null);
  return {
    posts: kept.length,
    authors: kept.map((p) => (p.removed ? '(removed)' : norm(p.author))),
    starts: kept.map((p) => (p.removed ? '(removed)' : norm(p.text).slice(0, 40))),
    score,
    libTaken: lib.messages.some((x) => x.ruleId === 'thread/line-model'),
    lib: scoreDoc(lib, d.gold),
    libKey: JSON.stringify(lib.thread.posts.map((p) => [p.removed, norm(p.author), norm(p.text).slice(0, 40)])),
  };
}

function run(mech: Mechanism): Row[] {
  const only = arg('--sets')?.split(',');
  const fixtures = studyFixtures();
  const blind = studyBlind().filter((b) => b.n <= LAST_READABLE);
  const roundOf = (label: string): RoundFixtures => {
    const r = BLIND_DEV_ROUNDS.find((x) => x.label === label)!;
    return { label, fixtures: blind.filter((b) => b.n >= r.first && b.n <= r.last).map((b) => b.fx) };
  };
  const rows: Row[] = [];
  const t0 = Date.now();
  for (const set of SETS.filter((s) => only === undefined || only.includes(s.label))) {
    const before = BLIND_DEV_ROUNDS.filter((r) => r.last < set.first && r.last <= LAST_READABLE).map((r) => roundOf(r.label));
    // a fit never takes a round above LAST_READABLE (none is before a set here; the filter says so)
    const fits: Record<FitName, LinearModel> = {
      T: cachedFit(mech, before, fixtures),
      'T-1': cachedFit(mech, before.slice(0, -1), fixtures),
      'T-2': cachedFit(mech, before.slice(0, -2), fixtures),
    };
    console.log(`set ${set.label}: ${mech.name} fits on ${fixtures.length} fixtures + rounds to ${before.at(-1)?.label} / ${before.at(-2)?.label} / ${before.at(-3)?.label}, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const inBlind = blind.some((b) => b.n >= set.first && b.n <= set.last);
    const dumps = inBlind ? blind.filter((b) => b.n >= set.first && b.n <= set.last) : readOnlyDumps(set.first, set.last);
    for (const d of dumps) {
      const row: Row = { name: d.name, set: set.label, gold: d.gold.posts.length, reads: {} };
      for (const f of FITS) row.reads[f] = readWith(fits[f], d);
      rows.push(row);
      const r = row.reads;
      console.log(`  ${d.name}: posts ${FITS.map((f) => r[f]!.posts).join('/')} (gold ${row.gold}); authors ${FITS.map((f) => r[f]!.score.authors).join('/')}; starts ${FITS.map((f) => r[f]!.score.starts).join('/')}; lib taken ${FITS.map((f) => (r[f]!.libTaken ? 'y' : 'n')).join('/')}`);
    }
  }
  return rows;
}

// ---- the report ----
const same = (a: Reading, b: Reading): { posts: boolean; authors: boolean; starts: boolean } => ({
  posts: a.posts === b.posts,
  authors: JSON.stringify(a.authors) === JSON.stringify(b.authors),
  starts: JSON.stringify(a.starts) === JSON.stringify(b.starts),
});

/** The refit pairs' changes: counts of dumps whose reading changed, and where the gold tells, which side was right. */
export function pairTable(rows: readonly Row[], mech: string): string[] {
  const out: string[] = [];
  const gold = rows.reduce((s, r) => s + r.gold, 0);
  out.push(`\n### ${mech}: ${rows.length} dumps, ${gold} gold posts\n`);
  out.push('| reading | pooled authors / starts / parents (counts) by fit T, T-1, T-2 |');
  out.push('| --- | --- |');
  const sum = (f: FitName, lib: boolean): Score => rows.reduce((s, r) => add(s, lib ? r.reads[f]!.lib : r.reads[f]!.score), zero());
  const fig = (s: Score): string => `${rates(s).map((x) => x.toFixed(3)).join(' / ')} (${s.countsExact})`;
  out.push(`| model alone | ${FITS.map((f) => fig(sum(f, false))).join(' ; ')} |`);
  out.push(`| library with the fit as fallback | ${FITS.map((f) => fig(sum(f, true))).join(' ; ')} |`);
  out.push('');
  out.push('| pair | dumps | post count changed | authors changed | starts changed | any changed | authors right differ (T right / other right) | starts right differ (T right / other right) | authors-right moved (posts) | starts-right moved (posts) | library reading changed (taken by either) |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const other of ['T-1', 'T-2'] as const) {
    let posts = 0, authors = 0, starts = 0, any = 0, aT = 0, aO = 0, sT = 0, sO = 0, aMoved = 0, sMoved = 0, lib = 0, libTaken = 0;
    for (const r of rows) {
      const a = r.reads.T!;
      const b = r.reads[other]!;
      const s = same(a, b);
      if (!s.posts) posts++;
      if (!s.authors) authors++;
      if (!s.starts) starts++;
      if (!s.posts || !s.authors || !s.starts) any++;
      if (a.score.authors > b.score.authors) aT++;
      if (a.score.authors < b.score.authors) aO++;
      if (a.score.starts > b.score.starts) sT++;
      if (a.score.starts < b.score.starts) sO++;
      aMoved += Math.abs(a.score.authors - b.score.authors);
      sMoved += Math.abs(a.score.starts - b.score.starts);
      if (a.libTaken || b.libTaken) libTaken++;
      if (a.libKey !== b.libKey) lib++;
    }
    out.push(`| T vs ${other} | ${rows.length} | ${posts} | ${authors} | ${starts} | ${any} | ${aT + aO} (${aT} / ${aO}) | ${sT + sO} (${sT} / ${sO}) | ${aMoved} | ${sMoved} | ${lib} (${libTaken}) |`);
  }
  return out;
}

/** Per set: the T fit's figures and the T vs T-1 changes. */
export function setTable(rows: readonly Row[]): string[] {
  const out: string[] = ['', '| set | model alone T: authors / starts (counts) | T-1 | T-2 | dumps changed T vs T-1 / T vs T-2 (any of count, authors, starts) |', '| --- | --- | --- | --- | --- |'];
  for (const s of [...new Set(rows.map((r) => r.set))]) {
    const rs = rows.filter((r) => r.set === s);
    const fig = (f: FitName): string => {
      const sc = rs.reduce((x, r) => add(x, r.reads[f]!.score), zero());
      const [a, st] = rates(sc);
      return `${a.toFixed(3)} / ${st.toFixed(3)} (${sc.countsExact}/${rs.length})`;
    };
    const ch = (o: FitName): number => rs.filter((r) => { const x = same(r.reads.T!, r.reads[o]!); return !x.posts || !x.authors || !x.starts; }).length;
    out.push(`| ${s} | ${fig('T')} | ${fig('T-1')} | ${fig('T-2')} | ${ch('T-1')} / ${ch('T-2')} |`);
  }
  return out;
}

/** The dumps whose post count changed in either pair, with the gold count. */
export function countTable(rows: readonly Row[]): string[] {
  const out: string[] = ['', '| dump | gold posts | posts T / T-1 / T-2 | authors right T / T-1 / T-2 | starts right T / T-1 / T-2 |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    const x = r.reads;
    if (x.T!.posts === x['T-1']!.posts && x.T!.posts === x['T-2']!.posts && x.T!.score.authors === x['T-1']!.score.authors && x.T!.score.authors === x['T-2']!.score.authors && x.T!.score.starts === x['T-1']!.score.starts && x.T!.score.starts === x['T-2']!.score.starts) continue;
    out.push(`| ${r.name} | ${r.gold} | ${FITS.map((f) => x[f]!.posts).join(' / ')} | ${FITS.map((f) => x[f]!.score.authors).join(' / ')} | ${FITS.map((f) => x[f]!.score.starts).join(' / ')} |`);
  }
  return out;
}

if (process.argv[1]?.endsWith('guard45-refit-pairs.ts')) {
  const rep = arg('--report');
  if (rep !== undefined) {
    const files = args.slice(args.indexOf('--report') + 1).filter((a) => !a.startsWith('--'));
    for (const f of files) {
      const { mech, rows } = JSON.parse(readFileSync(f, 'utf8')) as { mech: string; rows: Row[] };
      console.log([...pairTable(rows, mech), ...setTable(rows), ...countTable(rows)].join('\n'));
    }
  } else {
    const name = arg('--mech') ?? 'single';
    const mech = MECHANISMS.find((m) => m.name === name);
    if (mech === undefined) throw new Error(`no mechanism ${name}: ${MECHANISMS.map((m) => m.name).join(', ')}`);
    const rows = run(mech);
    const json = arg('--json');
    if (json !== undefined) writeFileSync(json, JSON.stringify({ mech: name, rows }));
    console.log([...pairTable(rows, name), ...setTable(rows), ...countTable(rows)].join('\n'));
  }
}
