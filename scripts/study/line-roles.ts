/**
 * Study (session 18, lines18; measure only, nothing in src/ uses it): would a small learned line-role model read
 * layouts it has never seen better than the rule parser's first try?
 *
 * 1. Line-role gold from the fixtures' hand labels (fixtures/<case>/structure.json), see `deriveGold`: each line of a
 *    dump is `article` (above the comment section), `author` (the line holding a post's author name), `meta` (between
 *    the author line and the text: time, votes, badges, "in reply to"), `start` (the line where a post's text starts),
 *    `body` (further lines of a post's text), `chrome` (everything else in the section: footers, buttons, toggles,
 *    removal notes, ads), or skipped (blank, or not assignable).
 * 2. Features by shape only, no word of any language (`lineFeatures`): length, figures, capitals, punctuation,
 *    clock and date shapes, repetition in the dump, indentation, blank lines around, position, the neighbours'.
 * 3. A softmax linear model fit with scripts/train/lib/fit-model.ts (deterministic), scored
 *    leave-one-fixture-out and "chronologically": fit on the fixtures labelled before a blind round, scored on that
 *    round's fixtures, beside the rule parser's first try (the checkout the round's labels were committed on) and
 *    today's parser (which has seen them).
 *
 * Run: nice -n 10 npx tsx scripts/study/line-roles.ts [--more-data] [--first-try] [--per-fixture] [--json out.json]
 *   --more-data   also fit on the older fixtures without structure.json, their hand-checked expected.json standing in
 *                 (author, first 40 characters of each post's text); never scored
 *   --first-try   also run the rule parser at each round's labelling commit (extracted with `git archive` into
 *                 /tmp/lines19-first-<commit>, node_modules linked), and the fallback fixed in advance (the model's posts
 *                 when the rules give fewer than half its start lines)
 *   --eval-threads  fit on every fixture and count, on ../shared/eval-threads and plain-* (held out), whether that
 *                 fallback would fire beside today's rules (measure only)
 *   --no-lofo     skip leave-one-fixture-out (the slow part, ~5-8 min under load)
 *   --show NAME   print one fixture's derived line roles
 *   Variants measured and dropped (docs/dump-styles.md, session 18): --balanced, --shape-repeats, --rule-cues (the
 *   parser's line readers as of each round's commit as features).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { fitModel, type FitRow } from '../train/lib/fit-model.js';
import { lineFeatures as sharedLineFeatures, type LineInfo } from '../../src/ingest/line-features.js';
import { deriveGold, ROLES, squash, type Fixture, type Role } from '../train/lib/line-roles-data.js';

export { ROLES, type Role };

const here = resolve(import.meta.dirname, '..', '..');
const SHAPE_REPEATS = process.argv.includes('--shape-repeats');
const fixturesDir = join(here, 'fixtures');

// ---------------------------------------------------------------------------------------------------------------
// Optional rule cues (--rule-cues): the parser's own line readers, loaded from a given source tree, so that a round is
// scored with the readers as they stood before it (the fair version), never with today's.

/** Names of the rule cues that fire on each line of a dump. */
export type RuleCues = (text: string) => string[][];

export async function loadRuleCues(srcRoot: string): Promise<RuleCues> {
  const hc = (await import(join(srcRoot, 'ingest', 'styles', 'header-cues.ts'))) as Record<string, (x: unknown) => unknown>;
  const ui = (await import(join(srcRoot, 'ingest', 'ui-lines.ts'))) as Record<string, (x: unknown) => unknown>;
  const ln = (await import(join(srcRoot, 'ingest', 'lines.ts'))) as { splitLines: (t: string) => Array<{ trimmed: string }> };
  return (text) =>
    ln.splitLines(text).map((line) => {
      const out: string[] = [];
      const t = line.trimmed;
      if (t === '') return out;
      const kind = hc.timeKind!(t);
      if (kind) out.push(`rule:time:${String(kind)}`);
      if (hc.isStandaloneTime!(t)) out.push('rule:standaloneTime');
      if (ui.isUiLine!(t)) out.push('rule:ui');
      if (hc.readFooter!(line) !== undefined) out.push('rule:footer');
      if (hc.readBadgeLine!(t) !== null) out.push('rule:badge');
      if (hc.readWidgetHeader!(line) !== null) out.push('rule:widgetHeader');
      if (hc.readNameLine!(line) !== null) out.push('rule:nameLine');
      return out;
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Features: shapes only.

// The features (shapes only) live in src/ingest/line-features.ts, shared with the train script and the run-time
// fallback; the study's dropped variants (--rule-cues, --shape-repeats) add to them here.

function bucket(x: number, edges: readonly number[]): string {
  let k = 0;
  while (k < edges.length && x >= edges[k]!) k++;
  return String(k);
}

/** Per-line features of a dump, with the study's variants when asked for. */
export function lineFeatures(lines: readonly string[], cues?: RuleCues): Array<Array<[string, number]> | null> {
  if (cues === undefined && !SHAPE_REPEATS) return sharedLineFeatures(lines);
  return sharedLineFeatures(lines, (own: LineInfo[]) => {
    const fired = cues === undefined ? null : cues(lines.join('\n'));
    if (fired !== null) own.forEach((o, i) => { if (!o.blank) for (const c of fired[i] ?? []) o.feats.push([c, 1]); });
    if (SHAPE_REPEATS) {
      // A coarse shape signature of each line (its own features but the repetition and length ratio), and how many lines
      // of the dump share it: a layout prints the same kind of line once a post (header, time, footer).
      const sig = own.map((o) => (o.blank ? '' : o.feats.filter(([n]) => !n.startsWith('repeats:') && !n.startsWith('lenRatio:') && !n.startsWith('letterShare:')).map(([n]) => n).join('|')));
      const sigCount = new Map<string, number[]>();
      sig.forEach((g, i) => {
        if (g !== '') sigCount.set(g, [...(sigCount.get(g) ?? []), i]);
      });
      own.forEach((o, i) => {
        if (o.blank) return;
        const at = sigCount.get(sig[i]!)!;
        o.feats.push([`shapeRepeats:${bucket(at.length, [2, 3, 5, 9, 15])}`, 1]);
        const k = at.indexOf(i);
        const before = k > 0 ? i - at[k - 1]! : 0;
        const after = k < at.length - 1 ? at[k + 1]! - i : 0;
        if (before > 1 && after > 1 && Math.abs(before - after) <= 1) o.feats.push(['shapePeriodic', 1]);
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Fitting and scoring.

function rowsOf(fixtures: readonly Fixture[], cues?: RuleCues): FitRow[] {
  const rows: FitRow[] = [];
  for (const fx of fixtures) {
    const feats = lineFeatures(fx.lines, cues);
    fx.gold.forEach((g, i) => {
      const f = feats[i];
      if (g === 'blank' || g === 'skip' || f === null || f === undefined) return;
      rows.push({ features: f, y: ROLES.indexOf(g) });
    });
  }
  return rows;
}

export interface FitSettings {
  balanced: boolean;
  iterations: number;
  l2: number;
}

export function fit(fixtures: readonly Fixture[], s: FitSettings, cues?: RuleCues): LinearModel {
  return fitModel(rowsOf(fixtures, cues), {
    name: 'line-roles-study',
    labels: ROLES,
    link: 'softmax',
    fitOn: fixtures.map((f) => f.name),
    featureFiles: [],
    balanced: s.balanced,
    iterations: s.iterations,
    l2: () => s.l2,
    minCount: 2,
  });
}

function predictRoles(model: LinearModel, lines: readonly string[], cues?: RuleCues): Array<Role | null> {
  return lineFeatures(lines, cues).map((f) => {
    if (f === null) return null;
    const p = predict(model, f);
    let best = 0;
    for (let l = 1; l < p.length; l++) if (p[l]! > p[best]!) best = l;
    return ROLES[best]!;
  });
}

/** Confusion counts per role and post-level figures for one fixture's predictions. */
interface Tally {
  tp: Record<Role, number>;
  fp: Record<Role, number>;
  fn: Record<Role, number>;
  /** Gold posts (with a start line), starts predicted on them, predicted starts, of them on gold starts. */
  posts: number;
  startsFound: number;
  predictedStarts: number;
  predictedRight: number;
  /** Gold posts whose start AND author line (nearest predicted author line above, after the previous predicted start) are right. */
  startAndAuthor: number;
}

function emptyTally(): Tally {
  const z = (): Record<Role, number> => Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  return { tp: z(), fp: z(), fn: z(), posts: 0, startsFound: 0, predictedStarts: 0, predictedRight: 0, startAndAuthor: 0 };
}

function add(a: Tally, b: Tally): Tally {
  const out = emptyTally();
  for (const r of ROLES) {
    out.tp[r] = a.tp[r] + b.tp[r];
    out.fp[r] = a.fp[r] + b.fp[r];
    out.fn[r] = a.fn[r] + b.fn[r];
  }
  out.posts = a.posts + b.posts;
  out.startsFound = a.startsFound + b.startsFound;
  out.predictedStarts = a.predictedStarts + b.predictedStarts;
  out.predictedRight = a.predictedRight + b.predictedRight;
  out.startAndAuthor = a.startAndAuthor + b.startAndAuthor;
  return out;
}

function score(fx: Fixture, pred: ReadonlyArray<Role | null>): Tally {
  const t = emptyTally();
  fx.gold.forEach((g, i) => {
    const p = pred[i];
    if (g === 'blank' || g === 'skip' || p === null || p === undefined) return;
    if (g === p) t.tp[g]++;
    else {
      t.fn[g]++;
      t.fp[p]++;
    }
  });
  const goldStarts = new Set(fx.posts.map((p) => p.startLine));
  pred.forEach((p, i) => {
    if (p !== 'start' || fx.gold[i] === 'skip') return;
    t.predictedStarts++;
    if (goldStarts.has(i)) t.predictedRight++;
  });
  // a labelled post whose start line the derivation did not find counts as missed (the parser's figures count it too).
  t.posts += fx.unfound;
  for (const p of fx.posts) {
    t.posts++;
    if (pred[p.startLine] !== 'start') continue;
    t.startsFound++;
    // the predicted author line of this predicted post: nearest `author` above since the previous predicted start.
    let a: number | null = null;
    for (let j = p.startLine - 1; j >= 0 && pred[j] !== 'start'; j--) if (pred[j] === 'author') { a = j; break; }
    const goldAuthorAbove = p.authorLine !== null && p.authorLine < p.startLine ? p.authorLine : null;
    if (a === goldAuthorAbove) t.startAndAuthor++;
  }
  return t;
}

function f1(t: Tally, r: Role): number {
  const d = 2 * t.tp[r] + t.fp[r] + t.fn[r];
  return d === 0 ? 0 : (2 * t.tp[r]) / d;
}

function fmt(x: number): string {
  return x.toFixed(3);
}

function summary(t: Tally): string {
  const roles = ROLES.map((r) => `${r} ${fmt(f1(t, r))}`).join(', ');
  const lines = ROLES.reduce((s, r) => s + t.tp[r], 0);
  const all = ROLES.reduce((s, r) => s + t.tp[r] + t.fn[r], 0);
  return (
    `line accuracy ${fmt(lines / Math.max(1, all))} (${all} lines); F1 ${roles}; ` +
    `post starts: recall ${t.startsFound}/${t.posts} (${fmt(t.startsFound / Math.max(1, t.posts))}), ` +
    `precision ${t.predictedRight}/${t.predictedStarts} (${fmt(t.predictedRight / Math.max(1, t.predictedStarts))}); ` +
    `start+author ${t.startAndAuthor}/${t.posts}`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The rule parser on the same posts (the test's matching: a labelled post is found when a parsed post's text
// starts with its `startsWith`; removed posts are left out on both sides).

interface ParserTally {
  posts: number;
  found: number;
  parsed: number;
  matched: number;
  authorRight: number;
}

type ParseFn = (text: string, options?: { name?: string }) => { thread: { posts: Array<{ id: string; author: string | null; text: string; removed: boolean }> } };

function scoreParser(parse: ParseFn, fx: Fixture): ParserTally {
  const doc = parse(fx.text, { name: `${fx.name}/input` });
  const parsed = doc.thread.posts.filter((p) => !p.removed);
  const texts = parsed.map((p) => squash(p.text));
  const used = new Set<number>();
  const t: ParserTally = { posts: 0, found: 0, parsed: parsed.length, matched: 0, authorRight: 0 };
  for (const l of fx.labels.posts) {
    if (l.startsWith.trim() === '') continue;
    t.posts++;
    const st = squash(l.startsWith);
    const i = texts.findIndex((x, k) => !used.has(k) && x.startsWith(st));
    if (i < 0) continue;
    used.add(i);
    t.found++;
    t.matched++;
    if (parsed[i]!.author === l.author) t.authorRight++;
  }
  return t;
}

function addP(a: ParserTally, b: ParserTally): ParserTally {
  return { posts: a.posts + b.posts, found: a.found + b.found, parsed: a.parsed + b.parsed, matched: a.matched + b.matched, authorRight: a.authorRight + b.authorRight };
}

function summaryP(t: ParserTally): string {
  return `post starts: recall ${t.found}/${t.posts} (${fmt(t.found / Math.max(1, t.posts))}), precision ${t.matched}/${t.parsed} (${fmt(t.matched / Math.max(1, t.parsed))}); start+author ${t.authorRight}/${t.posts}`;
}

/** The src/ tree of `commit`, extracted once into /tmp (node_modules linked); returns the extraction's root. */
export function oldSource(commit: string): string {
  // FIRST_TRY_DIR: another prefix for the extracted trees (another helper's may hold a dangling node_modules link)
  const dir = `${process.env.FIRST_TRY_DIR ?? '/tmp/lines19-first-'}${commit}`;
  if (!existsSync(join(dir, 'src', 'index.ts'))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', commit, 'src'], { cwd: here, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(here, 'node_modules'), join(dir, 'node_modules'));
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------------------------

/** The blind rounds with labels in structure.json: the commit that added the round's labels (code unchanged). */
export const ROUNDS: ReadonlyArray<{ round: string; commit: string }> = [
  { round: 'two (session 13)', commit: '03701af' },
  { round: 'three (session 14)', commit: 'cb83b7e' },
  { round: 'four (session 15)', commit: '19764ac' },
  { round: 'five (session 16)', commit: 'a94771a' },
  { round: 'six (session 17)', commit: 'cc59eae' },
  { round: 'seven (session 17)', commit: '759eb6f' },
  { round: 'eight (session 18)', commit: '6acc404' },
  { round: 'nine (session 19)', commit: 'dbb9abd' },
  { round: 'ten (session 20)', commit: '7f4eb0f' },
  { round: 'eleven (session 21)', commit: '2071ba4' },
  { round: 'twelve (session 21b)', commit: '7fdcdf5' },
  { round: 'thirteen (session 21c)', commit: '22657da' },
];

export function addedIn(name: string, file = 'structure.json'): string {
  const out = execFileSync('git', ['log', '--diff-filter=A', '--format=%h', '--', `fixtures/${name}/${file}`], { cwd: here, encoding: 'utf8' });
  return out.trim().split('\n').at(-1)!.trim();
}

export function isAncestor(a: string, b: string): boolean {
  try {
    execFileSync('git', ['merge-base', '--is-ancestor', a, b], { cwd: here });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const firstTry = args.includes('--first-try');
  const ruleCues = args.includes('--rule-cues');
  const jsonAt = args.indexOf('--json');
  const names = readdirSync(fixturesDir).filter((d) => existsSync(join(fixturesDir, d, 'structure.json'))).sort();
  const fixtures = names.map((n) => deriveGold(n)).filter((f): f is Fixture => f !== null);
  // --more-data: the older fixtures without structure.json, from expected.json; used for fitting only.
  const extra = args.includes('--more-data')
    ? readdirSync(fixturesDir)
        .filter((d) => !names.includes(d))
        .sort()
        .map((n) => deriveGold(n, true))
        .filter((f): f is Fixture => f !== null)
    : [];
  if (extra.length > 0) {
    const found = extra.reduce((s, f) => s + f.posts.length, 0);
    const all = extra.reduce((s, f) => s + f.labels.posts.filter((p) => p.startsWith !== '').length, 0);
    console.log(`more data: ${extra.length} fixtures from expected.json, ${found}/${all} post starts found`);
  }
  const out: Record<string, unknown> = {};
  const showAt = args.indexOf('--show');
  if (showAt >= 0) {
    const fx = fixtures.find((f) => f.name === args[showAt + 1])!;
    fx.lines.forEach((l, i) => console.log(`${String(i).padStart(3)} ${fx.gold[i]!.padEnd(7)} ${l}`));
    return;
  }

  // Gold derivation figures.
  const counts: Record<string, number> = {};
  const skipped: Record<string, number> = {};
  let unfound = 0;
  let removed = 0;
  let noAuthorLine = 0;
  for (const fx of fixtures) {
    for (const g of fx.gold) counts[g] = (counts[g] ?? 0) + 1;
    for (const [k, v] of Object.entries(fx.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
    unfound += fx.unfound;
    removed += fx.labels.posts.filter((p) => p.startsWith.trim() === '').length;
    noAuthorLine += fx.posts.filter((p) => p.author !== null && p.authorLine === null).length;
  }
  const labelled = fixtures.reduce((s, f) => s + f.labels.posts.length, 0);
  console.log(`gold: ${fixtures.length} fixtures, ${labelled} labelled posts (${removed} removed, no text; ${unfound} start not found; ${noAuthorLine} with an author but no line holding the name)`);
  console.log(`gold lines: ${JSON.stringify(counts)}; skipped: ${JSON.stringify(skipped)}`);
  out.gold = { fixtures: fixtures.length, labelled, removed, unfound, noAuthorLine, counts, skipped };

  const settings: FitSettings = { balanced: args.includes('--balanced'), iterations: 300, l2: 1e-3 };
  console.log(`settings: ${JSON.stringify(settings)}`);

  // Leave-one-fixture-out.
  let lofo = emptyTally();
  const perFixture: Record<string, string> = {};
  const lofoTriggers: string[] = [];
  for (const fx of args.includes('--no-lofo') ? [] : fixtures) {
    const model = fit([...extra, ...fixtures.filter((f) => f !== fx)], settings);
    const t = score(fx, predictRoles(model, fx.lines));
    perFixture[fx.name] = `${t.startsFound}/${t.posts} starts, ${t.predictedRight}/${t.predictedStarts} predicted right`;
    // would the fallback (rules' posts fewer than half the model's starts) fire with today's rules?
    const { parse } = (await import(join(here, 'src', 'index.ts'))) as { parse: ParseFn };
    const nParsed = parse(fx.text, { name: `${fx.name}/input` }).thread.posts.filter((p) => !p.removed).length;
    if (nParsed * 2 < t.predictedStarts) lofoTriggers.push(`${fx.name} (${nParsed} posts, ${t.predictedStarts} model starts)`);
    lofo = add(lofo, t);
  }
  console.log(`\nleave-one-fixture-out (${fixtures.length} fixtures): ${summary(lofo)}`);
  if (!args.includes('--no-lofo')) console.log(`fallback would fire with today's rules on: ${lofoTriggers.length === 0 ? 'none' : lofoTriggers.join(', ')}`);
  out.lofo = { summary: summary(lofo), perFixture, triggers: lofoTriggers };
  // --eval-threads: fit on every fixture and count, on ../shared/eval-threads (measure only, nothing chosen there),
  // whether the fallback would fire beside today's rules.
  if (args.includes('--eval-threads')) {
    const model = fit([...extra, ...fixtures], settings);
    const { parse } = (await import(join(here, 'src', 'index.ts'))) as { parse: ParseFn };
    const dir = join(here, '..', 'shared', 'eval-threads');
    const fired: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
      const text = readFileSync(join(dir, f), 'utf8');
      const starts = predictRoles(model, text.split(/\r\n|\n|\r/)).filter((r) => r === 'start').length;
      const n = parse(text, { name: f }).thread.posts.filter((p) => !p.removed).length;
      console.log(`eval thread ${f}: rules ${n} posts, model ${starts} start lines${n * 2 < starts ? ' -> fallback would fire' : ''}`);
      if (n * 2 < starts) fired.push(f);
    }
    out.evalThreads = fired;
    // an article with no comment section (plain-*): the rules give no post, so any start line fires the fallback.
    const plain = extra.filter((f) => f.name.startsWith('plain-'));
    if (plain.length > 0) {
      const m = fit([...extra.filter((f) => !plain.includes(f)), ...fixtures], settings);
      for (const fx of plain) {
        const starts = predictRoles(m, fx.lines).filter((r) => r === 'start').length;
        console.log(`${fx.name} (held out, no comments): model ${starts} start lines${starts > 0 ? ' -> fallback would fire' : ''}`);
      }
    }
  }
  if (args.includes('--per-fixture')) for (const [n, s] of Object.entries(perFixture)) console.log(`  ${n}: ${s}`);

  // Chronological: fit on the fixtures labelled before the round, score the round's.
  const added = new Map(fixtures.map((f) => [f.name, addedIn(f.name)] as const));
  for (const f of extra) added.set(f.name, addedIn(f.name, 'input.txt'));
  const { parse: todayParse } = (await import(join(here, 'src', 'index.ts'))) as { parse: ParseFn };
  let allModel = emptyTally();
  let allFirst: ParserTally = { posts: 0, found: 0, parsed: 0, matched: 0, authorRight: 0 };
  let allToday: ParserTally = { posts: 0, found: 0, parsed: 0, matched: 0, authorRight: 0 };
  let allFallback: ParserTally = { posts: 0, found: 0, parsed: 0, matched: 0, authorRight: 0 };
  const rounds: unknown[] = [];
  const fired = { layouts: 0, labels: 0, model: 0, first: 0 };
  for (const { round, commit } of ROUNDS) {
    const test = fixtures.filter((f) => added.get(f.name) === commit);
    const train = [...extra, ...fixtures].filter((f) => added.get(f.name) !== commit && isAncestor(added.get(f.name)!, commit));
    let cues: RuleCues | undefined;
    if (ruleCues) cues = await loadRuleCues(join(oldSource(commit), 'src'));
    const model = fit(train, settings, cues);
    let t = emptyTally();
    let first: ParserTally | null = null;
    let today: ParserTally = { posts: 0, found: 0, parsed: 0, matched: 0, authorRight: 0 };
    let fallback: ParserTally | null = null;
    const perLayout: string[] = [];
    let firstParse: ParseFn | null = null;
    if (firstTry) {
      const dir = oldSource(commit);
      firstParse = ((await import(join(dir, 'src', 'index.ts'))) as { parse: ParseFn }).parse;
      first = { posts: 0, found: 0, parsed: 0, matched: 0, authorRight: 0 };
      fallback = { posts: 0, found: 0, parsed: 0, matched: 0, authorRight: 0 };
    }
    for (const fx of test) {
      const pred = predictRoles(model, fx.lines, cues);
      const ft = score(fx, pred);
      t = add(t, ft);
      today = addP(today, scoreParser(todayParse, fx));
      let line = `${fx.name}: model ${ft.startsFound}/${ft.posts} starts (${ft.predictedRight}/${ft.predictedStarts} right, start+author ${ft.startAndAuthor})`;
      if (firstParse !== null && first !== null && fallback !== null) {
        const fp = scoreParser(firstParse, fx);
        first = addP(first, fp);
        // Fallback, fixed in advance: when the rules find fewer than half the posts the model's start lines suggest,
        // take the model's posts (starts, and the author line above) instead of the rules'.
        const useModel = fp.parsed * 2 < ft.predictedStarts;
        const fb: ParserTally = useModel
          ? { posts: ft.posts, found: ft.startsFound, parsed: ft.predictedStarts, matched: ft.predictedRight, authorRight: ft.startAndAuthor }
          : fp;
        fallback = addP(fallback, fb);
        if (useModel) {
          // a rough estimate of the post labels of test/fixture-structure.test.ts (start, author, parent per labelled
          // post, removed posts included) if the model's posts were given flat: a found post's parent is right when
          // its label is top level. The first try's own figure on these layouts is counted the same way.
          const found = new Set(fx.posts.filter((p) => pred[p.startLine] === 'start').map((p) => p.label));
          const flatParents = [...found].filter((k) => fx.labels.posts[k]!.parent === null).length;
          fired.labels += 3 * fx.labels.posts.length;
          fired.model += ft.startsFound + ft.startAndAuthor + flatParents;
          fired.first += fp.found + fp.authorRight; // (parents not counted: the first try found no post on any of these)
          fired.layouts++;
        }
        line += `; first try ${fp.found}/${fp.posts} (${fp.matched}/${fp.parsed} parsed right, author ${fp.authorRight})${useModel ? ' -> fallback to the model' : ''}`;
      }
      perLayout.push(line);
    }
    allModel = add(allModel, t);
    allToday = addP(allToday, today);
    if (first) allFirst = addP(allFirst, first);
    if (fallback) allFallback = addP(allFallback, fallback);
    console.log(`\nround ${round} (${commit}): fit on ${train.length} fixtures, scored on ${test.length}`);
    console.log(`  model:        ${summary(t)}`);
    if (first) console.log(`  first try:    ${summaryP(first)}`);
    if (fallback) console.log(`  fallback:     ${summaryP(fallback)}`);
    console.log(`  today's rules: ${summaryP(today)}`);
    for (const l of perLayout) console.log(`    ${l}`);
    rounds.push({ round, commit, train: train.length, test: test.map((f) => f.name), model: summary(t), first: first && summaryP(first), fallback: fallback && summaryP(fallback), today: summaryP(today), perLayout });
  }
  if (firstTry) console.log(`\nfallback layouts: ${fired.layouts}; post labels right (start, author, parent; rough, model posts flat): first try ${fired.first} / ${fired.labels}, model ${fired.model} / ${fired.labels}`);
  console.log(`\nall rounds: model ${summary(allModel)}`);
  if (firstTry) console.log(`all rounds: first try ${summaryP(allFirst)}\nall rounds: fallback ${summaryP(allFallback)}`);
  console.log(`all rounds: today's rules ${summaryP(allToday)}`);
  out.rounds = rounds;
  if (jsonAt >= 0 && args[jsonAt + 1]) writeFileSync(args[jsonAt + 1]!, `${JSON.stringify(out, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('line-roles.ts')) await main();
