/**
 * Study (session 41, arb41): the arbitration between the rules' reading and the line-role model's, chosen on
 * forward-chained history (docs/blind-threads.md "Registration for session 41's held-out read"; docs/dump-styles.md
 * "Session 41 (arb41)").
 *
 * For each of the fourteen sets 35-40 ... 113-118 (first-tries.ts `SETS`) the line-role model is fit with today's recipe
 * (`fitLineRoles(lineRoleRows(...))`, the rows as `studyFixtures()` / `studyBlind()` derive them) on the fixtures and
 * only the blind dumps numbered below the set's first, as arb40-forward.ts fits it. Each dump of the set is read two ways:
 *   R: the set's historical first try (the commit's own CLI, first-tries.ts `readDump`, cached in .cache/first-tries);
 *      its posts are placed on the dump's lines by their text: a post's start line is the first line, at or after the
 *      previous post's, whose trimmed text the post's text starts with (whitespace folded); a post placed nowhere (and
 *      every removed post) agrees with nothing;
 *   M: today's src with the forward model's reading forced and unguarded (arb40's "model alone, unguarded"); a post's
 *      start line is the line its `span` starts on; "M has at least three start lines" is the model's reading being
 *      taken at all (a `thread/line-model` message).
 * Agreement = M's posts (not removed) whose start line is the start line of one of R's posts with the same author
 * (whitespace and case folded; no author = no author), over the larger of the two post counts (0 when R has no post).
 * Guards (odd-author shares `oddAuthorShare` of the output posts): g35 = M's share >= 0.25 and above R's; gle = M's share
 * above R's. A candidate (tau in {0.25, 0.5, 0.75} x guard) reads a dump as M when M has three start lines, the
 * agreement is under tau and its guard does not hold; else as R. Today's triggers cannot be replayed on the first try's
 * commit: R is what that commit shipped, its own triggers included, and each candidate is its rule alone against R; the
 * seventh candidate is R itself ("main as it is"). Scored as the line-role studies score (`scoreDoc`, posts aligned by
 * index: authors / starts / parents, counts exact), per set and pooled, split by "first try fine" (R's authors >= 0.9).
 *
 * With `--match start` (session 41, arb41b; the registration's addendum): the three candidates whose agreement compares
 * start lines alone (M's posts, not removed, whose start line is one of R's start lines, over the larger post count;
 * names not compared), tau in {0.25, 0.5, 0.75}, guard gle, beside R and M. The run records both agreements on every
 * dump, so one run's JSON reports either way.
 *
 * With `--match start-kept` (session 42, arb42; docs/blind-threads.md "Registration for session 42's held-out read"):
 * the three candidates whose agreement compares start lines alone over the posts not removed (M's posts, not removed,
 * whose start line is one of the start lines of R's posts not removed, over the larger of the two counts of posts not
 * removed; 0 when R has none), tau in {0.25, 0.5, 0.75}, guard g35, beside R and M. The run records all three agreements.
 *
 * With `--arb43` (session 43, arb43; docs/blind-threads.md "Registration for session 43's held-out read"): four
 * candidates, guard g35 in all: (a) `start-rules`, M's posts (not removed) whose start line is one of R's start lines
 * over R's count of posts not removed (0 when R has none), tau in {0.25, 0.5, 0.75}; (b) arb42's `start-kept` agreement,
 * tau 0.5, taking M only where R and M each have at least five posts not removed. The run records every agreement and
 * both readings' counts of posts not removed.
 *
 * With `--arb44` (session 44, arb44; docs/dump-styles.md "Session 44 (arb44)"): two candidates, guard g35 in both: (b)
 * arb43's `start-kept` at tau 0.5 with five posts not removed on both sides; (c) the learned arbiter
 * (src/ingest/reading-arbiter.ts), fit forward-chained in the report: for each set, on the eligible dumps (M taken, eight
 * posts not removed on both sides, g35 not holding) of the sets before it, labelled by M's authors + starts above R's.
 * The run records each dump's eleven reading facts (`readingFacts`).
 *
 * Reads the sets 35-40 ... 131-136 (131-136, session 43's held-out set, is development data since session 44); never
 * 137-142 (session 44's held-out set): the dumps are the gold files numbered 35-136, filtered by number before any is
 * opened.
 *
 * Run: nice -n 10 npx tsx scripts/study/arb41-choose.ts [--match start|start-kept | --arb43 | --arb44] [--sets 35-40,41-46] [--json FILE]
 *      npx tsx scripts/study/arb41-choose.ts [--match start|start-kept | --arb43 | --arb44] --report FILE
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fitLineRoles, lineRoleRows, type ThreadGold } from '../train/lib/line-roles-data.js';
import { blindNumber } from '../train/lib/blind-rounds.js';
import { useLineModelForStudy } from '../../src/ingest/line-roles-study.js';
import { oddAuthorShare, type AgreementMatch } from '../../src/ingest/line-roles.js';
import { ARBITER_MIN_KEPT, arbiterTakesModel, READING_FACTS, readingFacts, type ReadingArbiter } from '../../src/ingest/reading-arbiter.js';
import { fitLogistic } from '../train/lib/ridge-logistic.js';
import { add, norm, rates, scoreDoc, scoreFigure, zero, type Score, type ScoredDoc } from './lib/thread-score.js';
import { studyBlind, studyFixtures } from './lib/left-out-data.js';
import { parse as todayParse } from '../../src/index.js';
import { SETS, readDump, type Gold } from './first-tries.js';
import type { RawPost } from '../../src/ingest/types.js';

type OutPost = { id: string; author: string | null; text: string; parentId: string | null; removed: boolean; span?: [number, number] };
type ParseFn = (t: string, o?: object) => { thread: { posts: OutPost[] }; messages: Array<{ ruleId: string }> };
const parse = todayParse as unknown as ParseFn;
const args = process.argv.slice(2);
const here = resolve(import.meta.dirname, '..', '..');
const blindDir = join(here, 'fixtures', 'blind-threads');

/**
 * The last blind dump this study may read: 136 (137-142 are session 44's held-out set). Session 41 read to 118, session
 * 42 to 124, session 43 to 130 (each next round was that session's held-out set).
 */
export const LAST_READ = 136;

export const TAUS = [0.25, 0.5, 0.75] as const;
export const GUARDS = ['g35', 'gle'] as const;
export type Guard = (typeof GUARDS)[number];
/** The odd-author share at and above which g35 holds (session 35's `ODD_AUTHORS`). */
const ODD = 0.25;

/** One dump's facts and the two readings' scores. */
interface Row {
  name: string;
  set: string;
  gold: number;
  r: Score;
  m: Score;
  /** M was taken at all (three start lines: a `thread/line-model` message in the forced reading). */
  mTaken: boolean;
  rPosts: number;
  mPosts: number;
  /** R's posts not removed that could not be placed on a line by their text. */
  rUnplaced: number;
  /** R's removed posts (never placed). */
  rRemoved: number;
  /** M's posts whose span did not start on a line (none expected). */
  mUnplaced: number;
  agreed: number;
  agreement: number;
  /** M's posts on one of R's start lines, names not compared (arb41b), and their share over the larger count. */
  agreedStart?: number;
  agreementStart?: number;
  /** The same over the posts not removed on either side (arb42): agreeing posts and their share. */
  agreedKept?: number;
  agreementKept?: number;
  /** The same over R's count of posts not removed alone (arb43's `start-rules`), and each reading's posts not removed. */
  agreedRules?: number;
  agreementRules?: number;
  rKept?: number;
  mKept?: number;
  oddR: number;
  oddM: number;
  /** The eleven reading facts of R and M (`readingFacts`, arb44). */
  facts?: number[];
}

const fold = (a: string | null | undefined): string => norm(a).toLowerCase();

/** The start offsets of the dump's lines (split at "\n"; a line's text has its "\r" removed). */
function lineStarts(text: string): number[] {
  const at = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') at.push(i + 1);
  return at;
}

/** The line holding offset `o` (binary search over `starts`). */
function lineOf(starts: readonly number[], o: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= o) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** R's posts placed on lines by their text (null: unplaced or removed). */
function placeByText(posts: readonly OutPost[], lines: readonly string[]): Array<number | null> {
  const trimmed = lines.map((l) => norm(l));
  let from = 0;
  return posts.map((p) => {
    if (p.removed) return null;
    const t = norm(p.text);
    if (t === '') return null;
    for (let j = from; j < trimmed.length; j++) {
      if (trimmed[j] !== '' && t.startsWith(trimmed[j]!)) {
        from = j;
        return j;
      }
    }
    return null;
  });
}

/**
 * Agreement of M's posts with R's: M's posts (not removed) on a start line of R's with the same author (`start`: any
 * author), over the larger count (`start-kept`: any author, over the larger count of posts not removed; 0 when R has
 * none). R's removed posts have no line (`placeByText`), so they are never a start line here.
 */
export function agreementOf(m: ReadonlyArray<{ line: number | null; author: string | null; removed: boolean }>, r: ReadonlyArray<{ line: number | null; author: string | null; removed: boolean }>, match: AgreementMatch = 'start+author'): { agreed: number; share: number } {
  const kept = (ps: ReadonlyArray<{ removed: boolean }>): number => ps.filter((p) => !p.removed).length;
  const overKept = match === 'start-kept' || match === 'start-rules';
  if ((overKept ? kept(r) : r.length) === 0) return { agreed: 0, share: 0 };
  const at = new Map<number, Set<string>>();
  for (const p of r) if (p.line !== null && !p.removed) (at.get(p.line) ?? at.set(p.line, new Set()).get(p.line)!).add(fold(p.author));
  const agreed = m.filter((p) => !p.removed && p.line !== null && at.has(p.line) && (match !== 'start+author' || at.get(p.line)!.has(fold(p.author)))).length;
  const of = match === 'start-rules' ? kept(r) : match === 'start-kept' ? Math.max(kept(m), kept(r)) : Math.max(m.length, r.length);
  return { agreed, share: agreed / of };
}

const odd = (posts: readonly OutPost[]): number => oddAuthorShare(posts.map((p) => ({ author: p.author, removed: p.removed === true })) as unknown as RawPost[]);

/** Whether candidate (tau, guard, match; with `minKept`, R and M each with that many posts not removed) takes M on a dump. */
export function takesM(row: Row, tau: number, guard: Guard, match: AgreementMatch = 'start+author', minKept?: number): boolean {
  const agreement = match === 'start' ? row.agreementStart : match === 'start-kept' ? row.agreementKept : match === 'start-rules' ? row.agreementRules : row.agreement;
  if (agreement === undefined) throw new Error(`${row.name}: no ${match} agreement in this run (an earlier run's JSON); run again`);
  if (!row.mTaken || agreement >= tau) return false;
  if (minKept !== undefined) {
    if (row.rKept === undefined || row.mKept === undefined) throw new Error(`${row.name}: no kept counts in this run; run again`);
    if (row.rKept < minKept || row.mKept < minKept) return false;
  }
  const held = guard === 'g35' ? row.oddM >= ODD && row.oddM > row.oddR : row.oddM > row.oddR;
  return !held;
}

/** The blind dumps numbered from..to (never past LAST_READ), by number: name, text, gold. */
function dumps(from: number, to: number): Array<{ name: string; text: string; gold: ThreadGold & { file: string } }> {
  return readdirSync(blindDir)
    .filter((f) => f.endsWith('.gold.json'))
    .filter((f) => { const n = blindNumber(f); return n >= from && n <= Math.min(to, LAST_READ); })
    .sort((a, b) => blindNumber(a) - blindNumber(b))
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(blindDir, f), 'utf8')) as ThreadGold & { file: string };
      return { name: f.replace(/\.gold\.json$/, ''), text: readFileSync(join(blindDir, gold.file), 'utf8'), gold };
    });
}

function run(): Row[] {
  const si = args.indexOf('--sets');
  const only = si >= 0 ? new Set(args[si + 1]!.split(',')) : null;
  const fixtures = studyFixtures();
  const blind = studyBlind();
  const sets = [...SETS].filter((s) => s.first >= 35 && s.last <= LAST_READ && (only === null || only.has(s.label))).sort((a, b) => a.first - b.first);
  const rows: Row[] = [];
  const t0 = Date.now();
  for (const set of sets) {
    const before = blind.filter((b) => b.n < set.first);
    const m = fitLineRoles(lineRoleRows([...fixtures, ...before.map((b) => b.fx)]), ['study']);
    console.log(`set ${set.label}: fit on ${fixtures.length} fixtures + ${before.length} dumps (01-${String(set.first - 1).padStart(2, '0')}), ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    for (const d of dumps(set.first, set.last)) {
      useLineModelForStudy(m, true, null, true);
      const docM = parse(d.text, { name: d.name });
      useLineModelForStudy(null);
      const mTaken = docM.messages.some((x) => x.ruleId === 'thread/line-model');
      const starts = lineStarts(d.text);
      const lines = d.text.split('\n').map((l) => l.replace(/\r$/, ''));
      const mPosts = docM.thread.posts;
      let mUnplaced = 0;
      const mPlaced = mPosts.map((p) => {
        const o = p.span?.[0];
        if (o === undefined || o < 0 || o > d.text.length) { mUnplaced++; return { line: null, author: p.author, removed: p.removed }; }
        return { line: lineOf(starts, o), author: p.author, removed: p.removed };
      });
      const ft = readDump(set.commit, { ...(d.gold as unknown as Gold), file: d.gold.file });
      if (typeof ft === 'string') { console.error(`${d.name}: first try ${ft}`); continue; }
      const rPosts = ((ft.thread?.posts ?? ft.posts ?? []) as unknown as OutPost[]).map((p) => ({ ...p, parentId: p.parentId ?? null, removed: p.removed === true }));
      const rLines = placeByText(rPosts, lines);
      const rRemoved = rPosts.filter((p) => p.removed).length;
      const rUnplaced = rLines.filter((l, k) => l === null && !rPosts[k]!.removed).length;
      const rPlaced = rPosts.map((p, k) => ({ line: rLines[k]!, author: p.author, removed: p.removed }));
      const ag = agreementOf(mPlaced, rPlaced);
      const agStart = agreementOf(mPlaced, rPlaced, 'start');
      const agKept = agreementOf(mPlaced, rPlaced, 'start-kept');
      const agRules = agreementOf(mPlaced, rPlaced, 'start-rules');
      const textLines = (t: string): number => t.split('\n').filter((l) => l.trim() !== '').length;
      const facts = readingFacts(
        mPosts.map((p, k) => ({ ...mPlaced[k]!, textLines: textLines(p.text) })),
        rPosts.map((p, k) => ({ ...rPlaced[k]!, textLines: textLines(p.text) })),
        lines.filter((l) => l.trim() !== '').length,
        { model: odd(mPosts), rules: odd(rPosts) },
      );
      const row: Row = {
        name: d.name, set: set.label, gold: d.gold.posts.length,
        r: scoreDoc({ thread: { posts: rPosts } }, d.gold), m: scoreDoc(docM, d.gold), mTaken,
        rPosts: rPosts.length, mPosts: mPosts.length, rUnplaced, rRemoved, mUnplaced,
        agreed: ag.agreed, agreement: ag.share, agreedStart: agStart.agreed, agreementStart: agStart.share, agreedKept: agKept.agreed, agreementKept: agKept.share,
        agreedRules: agRules.agreed, agreementRules: agRules.share, rKept: rPosts.filter((p) => !p.removed).length, mKept: mPosts.filter((p) => !p.removed).length, oddR: odd(rPosts), oddM: odd(mPosts), facts,
      };
      rows.push(row);
      console.log(`${d.name}: R ${scoreFigure(row.r)} M ${scoreFigure(row.m)} agree ${row.agreed}/${Math.max(row.rPosts, row.mPosts)} = ${row.agreement.toFixed(2)} (start lines ${agStart.agreed} = ${agStart.share.toFixed(2)}, not removed ${agKept.share.toFixed(2)}, over R's ${agRules.share.toFixed(2)}; kept R / M ${row.rKept} / ${row.mKept}) odd m/r ${row.oddM.toFixed(2)}/${row.oddR.toFixed(2)} unplaced R ${rUnplaced} (removed ${rRemoved}) M ${mUnplaced}${mTaken ? '' : ' (M not taken)'}`);
    }
  }
  return rows;
}

// ---- the report ----
type Cand = { label: string; take: (r: Row) => boolean };
const R_CAND: Cand = { label: 'R (the first try: main as it is)', take: () => false };
const M_CAND: Cand = { label: 'M (the model alone, unguarded)', take: (r: Row) => r.mTaken };
/** arb41's six (start line and author). */
export const CANDIDATES: Cand[] = [
  ...TAUS.flatMap((tau) => GUARDS.map((g) => ({ label: `tau ${tau}, ${g}`, take: (r: Row) => takesM(r, tau, g) }))),
  R_CAND,
  M_CAND,
];
/** arb41b's three (start lines alone, guard gle). */
export const START_GUARD: Guard = 'gle';
export const START_CANDIDATES: Cand[] = [
  ...TAUS.map((tau) => ({ label: `start, tau ${tau}, ${START_GUARD}`, take: (r: Row) => takesM(r, tau, START_GUARD, 'start') })),
  R_CAND,
  M_CAND,
];
/** arb42's three (start lines alone over the posts not removed, guard g35). */
export const KEPT_GUARD: Guard = 'g35';
export const KEPT_CANDIDATES: Cand[] = [
  ...TAUS.map((tau) => ({ label: `start-kept, tau ${tau}, ${KEPT_GUARD}`, take: (r: Row) => takesM(r, tau, KEPT_GUARD, 'start-kept') })),
  R_CAND,
  M_CAND,
];
/** arb43's four (guard g35): (a) start lines over R's posts not removed, three taus; (b) arb42's at tau 0.5 with five posts not removed on both sides. */
export const ARB43_GUARD: Guard = 'g35';
export const ARB43_MIN_KEPT = 5;
export const ARB43: ReadonlyArray<{ label: string; tau: number; match: AgreementMatch; minKept?: number }> = [
  ...TAUS.map((tau) => ({ label: `start-rules, tau ${tau}, ${ARB43_GUARD}`, tau, match: 'start-rules' as const })),
  { label: `start-kept, tau 0.5, ${ARB43_GUARD}, five kept`, tau: 0.5, match: 'start-kept', minKept: ARB43_MIN_KEPT },
];
export const ARB43_CANDIDATES: Cand[] = [
  ...ARB43.map((c) => ({ label: c.label, take: (r: Row) => takesM(r, c.tau, ARB43_GUARD, c.match, c.minKept) })),
  R_CAND,
  M_CAND,
];
/** arb44's (c): eligible dumps (M taken, `ARBITER_MIN_KEPT` posts not removed on both sides, g35 not holding) and their label. */
export function arbiterEligible(r: Row): boolean {
  if (r.facts === undefined || r.rKept === undefined || r.mKept === undefined) throw new Error(`${r.name}: no reading facts in this run; run again with --arb44`);
  const held = r.oddM >= ODD && r.oddM > r.oddR;
  return r.mTaken && r.rKept >= ARBITER_MIN_KEPT && r.mKept >= ARBITER_MIN_KEPT && !held;
}
export const arbiterLabel = (r: Row): number => (r.m.authors + r.m.starts > r.r.authors + r.r.starts ? 1 : 0);
const setFirst = (label: string): number => Number(label.split('-')[0]);
/**
 * The arbiter fit on rows of reading facts with labels (1: the model read the page better): ridge-logistic.ts's fit
 * (standardised facts, penalty 1 on the weights, none on the intercept, 50 Newton steps from zero). With no row, an
 * arbiter that never takes the model.
 */
export function fitArbiter(rows: ReadonlyArray<readonly number[]>, labels: readonly number[]): ReadingArbiter {
  const d = READING_FACTS.length;
  if (rows.length === 0) return { mean: Array<number>(d).fill(0), sd: Array<number>(d).fill(1), weights: Array<number>(d).fill(0), bias: -10 };
  const fit = fitLogistic(rows.map((x, i) => ({ x: [...x], y: labels[i]! })), 1, 50);
  return { mean: fit.mean, sd: fit.sd, weights: fit.w, bias: fit.b };
}
/** The arbiter fit on the eligible rows of the sets that start before `first` (every set with Infinity). */
export function arbiterBefore(rows: readonly Row[], first: number): { arbiter: ReadingArbiter; rows: number; positives: number } {
  const train = rows.filter((r) => setFirst(r.set) < first && arbiterEligible(r));
  return { arbiter: fitArbiter(train.map((r) => r.facts!), train.map(arbiterLabel)), rows: train.length, positives: train.filter((r) => arbiterLabel(r) === 1).length };
}
/** Candidate (c) forward-chained over `rows`: each set's dumps judged by the arbiter fit on the sets before it. */
export function arbiterCandidate(rows: readonly Row[]): Cand {
  const bySet = new Map<string, ReadingArbiter>();
  for (const s of new Set(rows.map((r) => r.set))) bySet.set(s, arbiterBefore(rows, setFirst(s)).arbiter);
  return {
    label: `arbiter, eight kept, g35 (forward-chained)`,
    take: (r: Row) => arbiterEligible(r) && arbiterTakesModel(bySet.get(r.set)!, r.facts!, { model: r.mKept!, rules: r.rKept! }),
  };
}
const ARB44_RUN = args.includes('--arb44');
const ARB43_RUN = args.includes('--arb43') || ARB44_RUN;
const mi = args.indexOf('--match');
const MATCH: AgreementMatch = ARB43_RUN ? 'start-rules' : mi >= 0 && (args[mi + 1] === 'start' || args[mi + 1] === 'start-kept') ? args[mi + 1] as AgreementMatch : 'start+author';
let cands = ARB44_RUN ? [ARB43_CANDIDATES[3]!, R_CAND, M_CAND] : ARB43_RUN ? ARB43_CANDIDATES : MATCH === 'start' ? START_CANDIDATES : MATCH === 'start-kept' ? KEPT_CANDIDATES : CANDIDATES;
let ruled = cands.filter((c) => c !== R_CAND && c !== M_CAND);

const sign = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
function report(rows: readonly Row[]): void {
  if (ARB44_RUN) {
    const c = arbiterCandidate(rows);
    cands = [ARB43_CANDIDATES[3]!, c, R_CAND, M_CAND];
    ruled = [ARB43_CANDIDATES[3]!, c];
    console.log(`arb44 (c): forward fits per set (eligible training rows, of them M better):`);
    for (const s of new Set(rows.map((r) => r.set))) {
      const f = arbiterBefore(rows, setFirst(s));
      console.log(`  ${s}: ${f.rows} rows (${f.positives} M better); this set's eligible dumps ${rows.filter((r) => r.set === s && arbiterEligible(r)).length}`);
    }
  }
  const sets = [...new Set(rows.map((r) => r.set))];
  const read = (c: Cand, rs: readonly Row[]): Score => rs.reduce((s, r) => add(s, c.take(r) ? r.m : r.r), zero());
  const R = R_CAND;
  console.log(`\n${rows.length} dumps, ${rows.reduce((s, r) => s + r.gold, 0)} gold posts; R's posts ${rows.reduce((s, r) => s + r.rPosts, 0)}, of them removed ${rows.reduce((s, r) => s + r.rRemoved, 0)} and not placed by their text ${rows.reduce((s, r) => s + r.rUnplaced, 0)} (on ${rows.filter((r) => r.rUnplaced > 0).length} dumps); M's posts not placed by their span ${rows.reduce((s, r) => s + r.mUnplaced, 0)}; M taken (three start lines) on ${rows.filter((r) => r.mTaken).length}\n`);
  console.log(`Authors / starts / parents by index (counts exact), per set and pooled:\n`);
  console.log(`| set | ${cands.map((c) => c.label).join(' | ')} |`);
  console.log(`| --- |${cands.map(() => ' --- |').join('')}`);
  for (const s of [...sets, 'pooled']) {
    const rs = rows.filter((r) => s === 'pooled' || r.set === s);
    console.log(`| ${s === 'pooled' ? '**pooled**' : s} | ${cands.map((c) => scoreFigure(read(c, rs))).join(' | ')} |`);
  }
  const fine = rows.filter((r) => r.r.authors / r.gold >= 0.9);
  const notFine = rows.filter((r) => r.r.authors / r.gold < 0.9);
  const fineR = rates(read(R, fine))[0];
  const allR = rates(read(R, rows));
  console.log(`\nAgainst the registered rule (first try fine: ${fine.length} dumps, R's authors there ${fineR.toFixed(3)}; pooled R ${allR[0].toFixed(3)} / ${allR[1].toFixed(3)}):\n`);
  console.log(`| candidate | pooled authors / starts / parents | mean of authors and starts | authors / starts - first try | first try fine: authors / starts (- first try) | first try not fine: authors / starts | dumps taking M (of them first try fine) | (i) fine authors loss <= 0.02 | beats first try by >= 0.02 in both |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
  for (const c of cands) {
    const a = rates(read(c, rows));
    const f = rates(read(c, fine));
    const n = rates(read(c, notFine));
    const takes = rows.filter((r) => c.take(r));
    const ok1 = f[0] >= fineR - 0.02 - 1e-9;
    const beats = a[0] >= allR[0] + 0.02 - 1e-9 && a[1] >= allR[1] + 0.02 - 1e-9;
    console.log(`| ${c.label} | ${a.map((x) => x.toFixed(3)).join(' / ')} | ${((a[0] + a[1]) / 2).toFixed(3)} | ${sign(a[0] - allR[0])} / ${sign(a[1] - allR[1])} | ${f[0].toFixed(3)} / ${f[1].toFixed(3)} (${sign(f[0] - fineR)}) | ${n[0].toFixed(3)} / ${n[1].toFixed(3)} | ${takes.length} (${takes.filter((r) => fine.includes(r)).length}) | ${ok1 ? 'yes' : 'no'} | ${beats ? 'yes' : 'no'} |`);
  }
  console.log(`\nPer dump (agreement, odd shares, authors R / M, which candidates take M):\n`);
  console.log(`| dump | set | gold | posts R / M${ARB43_RUN ? ' (not removed)' : ''} | R unplaced | agreement${ARB43_RUN ? ' over R / over the larger' : ''} | odd M / R | authors R / M | starts R / M | taken by |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
  for (const r of rows) {
    const by = ruled.filter((c) => c.take(r)).map((c) => (ARB44_RUN ? c.label.split(',')[0]!.replace('start-kept', 'b').replace('arbiter', 'c') : ARB43_RUN ? c.label.replace(/, g35/, '').replace('tau ', '') : c.label.replace(/^start(-kept)?, /, '').replace('tau ', '').replace(', ', '')));
    const posts = ARB43_RUN ? `${r.rPosts} / ${r.mPosts} (${r.rKept} / ${r.mKept})` : `${r.rPosts} / ${r.mPosts}`;
    const agreement = ARB43_RUN ? `${r.agreementRules!.toFixed(2)} / ${r.agreementKept!.toFixed(2)}` : (MATCH === 'start' ? r.agreementStart! : MATCH === 'start-kept' ? r.agreementKept! : r.agreement).toFixed(2);
    console.log(`| ${r.name} | ${r.set} | ${r.gold} | ${posts}${r.mTaken ? '' : ' (not taken)'} | ${r.rUnplaced} | ${agreement} | ${r.oddM.toFixed(2)} / ${r.oddR.toFixed(2)} | ${(r.r.authors / r.gold).toFixed(2)} / ${(r.m.authors / r.gold).toFixed(2)} | ${(r.r.starts / r.gold).toFixed(2)} / ${(r.m.starts / r.gold).toFixed(2)} | ${by.join(' ') || '-'} |`);
  }
}

function main(): void {
  const ri = args.indexOf('--report');
  if (ri >= 0) report((JSON.parse(readFileSync(args[ri + 1]!, 'utf8')) as { rows: Row[] }).rows);
  else {
    const rows = run();
    const ji = args.indexOf('--json');
    if (ji >= 0) writeFileSync(args[ji + 1]!, JSON.stringify({ rows }, null, 1));
    report(rows);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
