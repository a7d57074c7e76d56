/**
 * Line-role gold from the fixtures' hand labels, for scripts/train/train-line-roles.ts and the study
 * scripts/study/line-roles.ts (session 18): each line of a dump is `article` (above the comment section), `author`
 * (the line holding a post's author name), `meta` (between the author line and the text), `start` (the line where a
 * post's text starts), `body` (further lines of the post's text, as the hand-checked expected.json has it), `chrome`
 * (everything else in the section), or skipped (blank, or not assignable). See docs/dump-styles.md, session 18.
 */
import { blindDevRound } from './blind-rounds.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LINE_ROLES, lineFeatures, type LineRole } from '../../../src/ingest/line-features.js';
import { chromeLineFeatures, lineChromeMode } from '../../../src/ingest/line-chrome.js';
import type { LinearModel } from '../../../src/learn/model.js';
import { fitModel, type FitRow } from './fit-model.js';
import fc from 'fast-check';
import { dumpArbitrary, type TruthThread } from '../../../src/testing/generate.js';
import { layoutDumpArbitrary } from '../../../src/testing/layouts.js';

const fixturesDir = join(resolve(import.meta.dirname, '..', '..', '..'), 'fixtures');

export const ROLES = LINE_ROLES;
export type Role = LineRole;
export type Gold = Role | 'skip' | 'blank';

export interface StructureLabels {
  note: string;
  title: string | null;
  posts: Array<{ author: string | null; parent: number | null; startsWith: string }>;
}

export interface GoldPost {
  /** Index of the label in structure.json. */
  label: number;
  startLine: number;
  authorLine: number | null;
  author: string | null;
}

export interface Fixture {
  name: string;
  text: string;
  lines: string[];
  gold: Gold[];
  posts: GoldPost[];
  labels: StructureLabels;
  /** Why lines were skipped, counted. */
  skipped: Record<string, number>;
  /** Labelled posts whose start line was not found (removed posts excluded). */
  unfound: number;
}

function fx_label(labels: StructureLabels, k: number): string {
  return labels.posts[k]!.startsWith;
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Line index holding the start of `start` (squashed), searching from `from`; the label may run over line breaks. */
function findStart(lines: string[], start: string, from: number): number {
  const probe = start.slice(0, 60);
  for (let i = from; i < lines.length; i++) {
    const own = squash(lines[i]!);
    if (own.length === 0) continue;
    let joined = own;
    for (let k = i + 1; k < lines.length && joined.length < probe.length + own.length; k++) joined += ` ${squash(lines[k]!)}`;
    const at = joined.indexOf(probe);
    if (at >= 0 && at < own.length) return i;
  }
  return -1;
}

/**
 * Derives line roles from structure.json (posts' author and start) and, for the extent of a post's text, the
 * hand-checked expected.json (the parsed post's text; lines of the post region found in it, in order, are `body`).
 */
export function deriveGold(name: string, fromExpected = false): Fixture | null {
  const dir = join(fixturesDir, name);
  const file = join(dir, 'input.txt');
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { posts: Array<{ author: string | null; text: string; removed: boolean }> };
  let labels: StructureLabels;
  if (existsSync(join(dir, 'structure.json'))) labels = JSON.parse(readFileSync(join(dir, 'structure.json'), 'utf8')) as StructureLabels;
  else if (fromExpected) {
    // --more-data: a fixture without hand labels, its hand-checked expected.json standing in (author, text start).
    labels = {
      note: 'from expected.json',
      title: null,
      posts: expected.posts.map((p) => ({ author: p.author, parent: null, startsWith: p.removed ? '' : squash(p.text).slice(0, 40) })),
    };
  } else return null;
  return deriveRoles(name, text, labels, expected.posts.map((p) => squash(p.text)));
}

/** A blind thread's gold (fixtures/blind-threads/NN_*.gold.json, the eval-threads format): what the derivation reads. */
export interface ThreadGold {
  title?: string | null;
  posts: ReadonlyArray<{ author: string | null; starts: string; parent: number | null; removed?: boolean }>;
}

/**
 * Line roles of a blind thread from its gold: each post's `starts` places its start line and its `author` the author
 * line (as `deriveGold` does with structure.json), removed posts (`starts: ""`) give no start. The gold says where a
 * post's text starts, not where it ends: `postTexts` (a reading of the dump's posts, e.g. today's parse, which reads
 * the blind threads whose fixes it carries) marks as `body` the lines found, in order, in the text of the post that
 * starts with the gold's `starts`, as the hand-checked expected.json does for the fixtures; without it (or where no
 * text starts with the gold's) the lines after a start line are skipped, not guessed.
 */
export function deriveThreadGold(name: string, text: string, gold: ThreadGold, postTexts: readonly string[] = []): Fixture {
  const labels: StructureLabels = {
    note: 'from a blind thread gold file (author, starts)',
    title: gold.title ?? null,
    posts: gold.posts.map((p) => ({ author: p.removed ? null : p.author, parent: p.parent, startsWith: p.removed ? '' : p.starts })),
  };
  return deriveRoles(name, text, labels, postTexts.map(squash));
}

/**
 * The roles of a dump's lines from labels (each post's author and text start) and the texts of its posts as a
 * checked reading has them (`expTexts`, squashed; matched to labels by their start, first unused first).
 */
function deriveRoles(name: string, text: string, labels: StructureLabels, expTexts: readonly string[]): Fixture {
  const lines = text.split(/\r\n|\n|\r/);
  const gold: Gold[] = lines.map((l) => (l.trim() === '' ? 'blank' : 'chrome'));
  const skipped: Record<string, number> = {};
  const posts: GoldPost[] = [];
  let unfound = 0;
  // 1. start lines, in label order.
  let from = 0;
  const starts: Array<number | null> = labels.posts.map((p) => {
    if (p.startsWith.trim() === '') return null; // removed post: no text
    const i = findStart(lines, squash(p.startsWith), from);
    if (i < 0) {
      unfound++;
      return null;
    }
    from = i + 1;
    return i;
  });
  // 2. author lines: nearest line at or above the start, below the previous post's start, holding the name; else
  // the nearest below the start (a sign-off after the text), above the next post's start.
  const startLines = starts.filter((s): s is number => s !== null);
  labels.posts.forEach((p, k) => {
    const s = starts[k];
    if (s === null || s === undefined) return;
    const prev = Math.max(-1, ...startLines.filter((x) => x < s));
    const next = Math.min(lines.length, ...startLines.filter((x) => x > s));
    let authorLine: number | null = null;
    if (p.author !== null && p.author.trim() !== '') {
      const a = p.author.trim();
      for (let j = s; j > prev; j--) if (lines[j]!.includes(a)) { authorLine = j; break; }
      if (authorLine === null) for (let j = s + 1; j < next; j++) if (lines[j]!.includes(a)) { authorLine = j; break; }
    }
    posts.push({ label: k, startLine: s, authorLine, author: p.author });
  });
  posts.sort((a, b) => a.startLine - b.startLine);
  // 3. expected posts matched to labels as test/fixture-structure.test.ts does.
  const used = new Set<number>();
  const expOf = new Map<number, string>();
  labels.posts.forEach((l, k) => {
    if (l.startsWith.trim() === '') return;
    const st = squash(l.startsWith);
    const i = expTexts.findIndex((t, j) => !used.has(j) && t.startsWith(st));
    if (i >= 0) {
      used.add(i);
      expOf.set(k, expTexts[i]!);
    }
  });
  const set = (i: number, r: Gold, why?: string): void => {
    if (gold[i] === 'blank') return;
    if (r === 'skip') skipped[why ?? 'other'] = (skipped[why ?? 'other'] ?? 0) + 1;
    gold[i] = r;
  };
  // 4. roles. Section start: the first post's author line (or start).
  const first = posts[0];
  const sectionStart = first === undefined ? lines.length : Math.min(first.startLine, first.authorLine ?? first.startLine);
  for (let i = 0; i < sectionStart; i++) set(i, 'article');
  posts.forEach((p, n) => {
    const nextP = posts[n + 1];
    const regionEnd = nextP === undefined ? lines.length : Math.min(nextP.startLine, nextP.authorLine ?? nextP.startLine);
    if (p.authorLine !== null && p.authorLine < p.startLine) {
      set(p.authorLine, 'author');
      for (let j = p.authorLine + 1; j < p.startLine; j++) set(j, 'meta');
    }
    set(p.startLine, 'start');
    const exp = expOf.get(p.label);
    const startLineText = squash(lines[p.startLine]!);
    if (exp === undefined) {
      for (let j = p.startLine + 1; j < regionEnd; j++) if (j !== p.authorLine) set(j, 'skip', 'post text unknown (expected.json misses the post)');
    } else {
      // where the text starts on the start line (after an inline header), so how much of the text that line holds.
      const head = squash(fx_label(labels, p.label)).slice(0, 15);
      const at = Math.max(0, startLineText.indexOf(head));
      let cursor = Math.min(exp.length, startLineText.length - at);
      for (let j = p.startLine + 1; j < regionEnd; j++) {
        const t = squash(lines[j]!);
        if (t === '' || j === p.authorLine) continue;
        const at = exp.indexOf(t, Math.max(0, cursor - 2));
        if (at >= 0) {
          set(j, 'body');
          cursor = at + t.length;
        }
      }
    }
    if (p.authorLine !== null && p.authorLine > p.startLine) set(p.authorLine, 'author');
  });
  // 5. removed posts (no text): the section lines between their neighbours that no other role took are skipped.
  labels.posts.forEach((l, k) => {
    if (l.startsWith.trim() !== '') return;
    const before = posts.filter((p) => p.label < k).at(-1);
    const after = posts.find((p) => p.label > k);
    const lo = before === undefined ? sectionStart : before.startLine + 1;
    const hi = after === undefined ? lines.length : Math.min(after.startLine, after.authorLine ?? after.startLine);
    for (let j = lo; j < hi; j++) if (gold[j] === 'chrome') set(j, 'skip', 'near a removed post');
  });
  return { name, text, lines, gold, posts, labels, skipped, unfound };
}


/** One fitting row a labelled line: its shape features and its role. Blank and skipped lines give none. */
export function lineRoleRows(fixtures: readonly Fixture[], counts: Record<string, number> = {}): FitRow[] {
  const rows: FitRow[] = [];
  for (const fx of fixtures) {
    // a study's chrome variant (session 37, lines37; src/ingest/line-chrome.ts), off by default: `lineFeatures`' own
    const { feats, chrome } = lineChromeMode() === 'off' ? { feats: lineFeatures(fx.lines), chrome: [] as boolean[] } : chromeLineFeatures(fx.lines);
    fx.gold.forEach((g, i) => {
      const f = feats[i];
      if (g === 'blank' || g === 'skip' || chrome[i] === true || f === null || f === undefined) return;
      rows.push({ features: f, y: ROLES.indexOf(g) });
      counts[g] = (counts[g] ?? 0) + 1;
    });
  }
  return rows;
}

/**
 * The line-role model's fit (session 18's model B): softmax over the six roles, 300 full-batch Adam steps, L2 1e-3,
 * features seen at least twice, no class weights. Shared by scripts/train/train-line-roles.ts and the studies, so a
 * study's model is the shipped recipe on other rows.
 */
export function fitLineRoles(rows: readonly FitRow[], fitOn: readonly string[], notes?: string): LinearModel {
  return fitModel(rows, {
    name: 'line-roles',
    labels: ROLES,
    link: 'softmax',
    fitOn,
    featureFiles: ['src/ingest/line-features.ts', 'src/ingest/line-recurrence.ts'],
    iterations: 300,
    l2: () => 1e-3,
    minCount: 2,
    balanced: false,
    ...(notes === undefined ? {} : { notes }),
  });
}

/** The parsed posts the blind threads' body lines are taken from: text, removed, and whether the rules read them. */
export interface ReadPosts {
  texts: string[];
  /** False when the line-role model read the dump (its `thread/line-model` message): its texts are then not used. */
  byRules: boolean;
}

/**
 * The blind threads' line roles from their gold, the text extent of each post from `read` (the rules' reading of the
 * dump). A dump the line-role model itself read gives no text extent (its lines after a start are skipped), so the
 * model is never fit on its own reading.
 */
export function blindFixtures(read: (text: string, name: string) => ReadPosts): Fixture[] {
  return blindThreads().map((t) => {
    const r = read(t.text, t.name);
    return deriveThreadGold(t.name, t.text, t.gold, r.byRules ? r.texts : []);
  });
}

/** The blind threads of the development rounds (fixtures/blind-threads/NN_*.gold.json and their dumps, ./blind-rounds.ts), in file order. */
export function blindThreads(): Array<{ name: string; text: string; gold: ThreadGold }> {
  const dir = join(fixturesDir, 'blind-threads');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json') && blindDevRound(f) !== undefined)
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ThreadGold & { file: string };
      return { name: f.replace(/\.gold\.json$/, ''), text: readFileSync(join(dir, gold.file), 'utf8'), gold };
    });
}

/**
 * The generated layouts of the line-role fit (session 36, aug36): the combinations of src/testing's generators a dump
 * reaching the line-role model can come from (`dumpArbitrary` of every style and layout but `json`, which
 * src/ingest/json.ts reads before the model is ever asked, and `layoutDumpArbitrary`'s head recipes), in a fixed order.
 */
const GENERATED_COMBOS: ReadonlyArray<{ label: string; arb: () => fc.Arbitrary<{ input: string; truth: TruthThread }> }> = [
  ...(
    [
      ['counted', 'classic'], ['counted', 'facebook'], ['widget', 'classic'], ['widget', 'disqus'], ['widget', 'coral'],
      ['forum', 'classic'], ['forum', 'hn'], ['mail', 'classic'],
    ] as const
  ).map(([style, layout]) => ({ label: `${style}/${layout}`, arb: () => dumpArbitrary(style, { layout }) })),
  { label: 'layout-recipes', arb: () => layoutDumpArbitrary() },
];

/** First seed of the generated layouts' draws (seed `GENERATED_SEED + k` for the k-th combination). */
export const GENERATED_SEED = 3600;

/**
 * `n` generated dumps per combination of `GENERATED_COMBOS` (`fc.sample`, fixed seeds: the same dumps every run), their
 * line roles derived from the generator's truth as a blind thread's from its gold (`deriveThreadGold`: each post's
 * author and the start of its first paragraph, the text extent from the truth's paragraphs). A dump is kept only where that truth places
 * every line it names: every post's start line found, the author line found for every post with a name, and one start
 * line per post with text. `dropped` counts the others by combination.
 */
export function generatedFixtures(n: number): { fixtures: Fixture[]; dropped: Record<string, number> } {
  const fixtures: Fixture[] = [];
  const dropped: Record<string, number> = {};
  GENERATED_COMBOS.forEach((c, k) => {
    fc.sample(c.arb(), { seed: GENERATED_SEED + k, numRuns: n }).forEach((d, i) => {
      const texts = d.truth.posts.map((p) => squash(p.paragraphs.join(' ')));
      const gold: ThreadGold = {
        posts: d.truth.posts.map((p, j) => ({ author: p.removed ? null : p.author, starts: p.removed ? '' : squash(p.paragraphs[0] ?? '').slice(0, 60), parent: p.parentIndex, removed: p.removed })),
      };
      const fx = deriveThreadGold(`gen-${c.label}-${i}`, d.input, gold, texts.filter((_, j) => !d.truth.posts[j]!.removed));
      const withText = d.truth.posts.filter((p) => !p.removed).length;
      const named = fx.posts.every((p) => p.author === null || p.author.trim() === '' || p.authorLine !== null);
      if (fx.unfound === 0 && named && fx.gold.filter((g) => g === 'start').length === withText) fixtures.push(fx);
      else dropped[c.label] = (dropped[c.label] ?? 0) + 1;
    });
  });
  return { fixtures, dropped };
}

/**
 * The generated rows weighted for a fit beside `realRows` real rows (session 36): `weight` 'one' gives every generated
 * row weight 1; a number f gives them together the weight of f times the real rows (each row f * real / generated).
 */
export function weightGenerated(genRows: readonly FitRow[], realRows: number, weight: 'one' | number): FitRow[] {
  if (weight === 'one' || genRows.length === 0) return genRows.map((r) => ({ ...r, weight: 1 }));
  const w = (weight * realRows) / genRows.length;
  return genRows.map((r) => ({ ...r, weight: w }));
}

/**
 * The line-role model's decoding constants (session 36, lines36; study only: scripts/study/lib/role-decoding.ts), from the
 * gold roles of `fixtures` (the same dumps the model is fit on): `transition:a>b`, the add-one smoothed share of role b
 * on the next non-blank line after a line of role a (a pair with a skipped line is not counted), each row summing to 1;
 * with `priors`, also `prior:r`, the add-one smoothed share of role r among the labelled lines.
 */
export function roleTransitions(fixtures: readonly Fixture[], priors = false): Record<string, number> {
  const R = ROLES.length;
  const pair = new Array<number>(R * R).fill(0);
  const one = new Array<number>(R).fill(0);
  for (const fx of fixtures) {
    let prev: number | null = null;
    for (const g of fx.gold) {
      if (g === 'blank') continue;
      if (g === 'skip') {
        prev = null;
        continue;
      }
      const r = ROLES.indexOf(g);
      one[r]!++;
      if (prev !== null) pair[prev * R + r]!++;
      prev = r;
    }
  }
  const out: Record<string, number> = {};
  const round = (x: number): number => Number(x.toFixed(6));
  ROLES.forEach((a, i) => {
    let row = R;
    for (let j = 0; j < R; j++) row += pair[i * R + j]!;
    ROLES.forEach((b, j) => {
      out[`transition:${a}>${b}`] = round((pair[i * R + j]! + 1) / row);
    });
  });
  if (priors) {
    const n = one.reduce((x, y) => x + y, 0) + R;
    ROLES.forEach((r, i) => {
      out[`prior:${r}`] = round((one[i]! + 1) / n);
    });
  }
  return out;
}

