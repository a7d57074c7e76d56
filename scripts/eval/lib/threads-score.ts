/**
 * Runs the eval-threads scorer (`../shared/eval-threads/score.mjs`) on the built CLI over gold files in its format,
 * and computes the simple baselines its classifier figures are read beside, from the same gold files. Shared by
 * section 70 (the independent eval threads) and section 71 (the project's blind threads, fixtures/blind-threads).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EvalRow } from '../../eval.js';

/** The totals score.mjs prints (its last line) and per file (lines starting "file"). */
export interface ThreadScore {
  files: string;
  authors: number;
  starts: number;
  parents: number;
  countsExact: number;
  clean: number;
  sentimentMacroF1: number;
  stanceMacroF1: number;
  claimF1: number;
  correctionF1: number;
  correctionKindOk: number;
  correctionGold: number;
  insultF1: number;
}

/** One gold post, as far as the baselines need it. */
interface GoldPost {
  parent?: number | null;
  sentiment?: string | null;
  stance?: Record<string, string>;
  claim?: boolean | null;
}

/** Newest modification time under a folder (file system walk; the source tree is small). */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The gold files of a folder, sorted. */
export function goldFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** Scores the gold files with score.mjs on dist/cli.js (rebuilt first when src/ is newer). */
export function runThreadScorer(root: string, scorer: string, golds: readonly string[]): { perFile: Array<{ name: string; score: ThreadScore }>; total: ThreadScore; errors: string[] } {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli) || newest(join(root, 'src')) > statSync(cli).mtimeMs) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
  }
  let out = '';
  try {
    out = execFileSync('node', [scorer, 'node', cli, '--', ...golds], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (err) {
    out = String((err as { stdout?: string }).stdout ?? '');
  }
  const lines = out.split('\n').filter((l) => l.trim().length > 0);
  const errors = lines.filter((l) => l.startsWith('error:'));
  const perFile = lines
    .filter((l) => l.startsWith('file '))
    .map((l) => {
      const [, name, ...json] = l.split(' ');
      return { name: name!, score: JSON.parse(json.join(' ')) as ThreadScore };
    });
  const total = JSON.parse(lines[lines.length - 1] ?? '{}') as ThreadScore;
  return { perFile, total, errors };
}

const f1 = (tp: number, fp: number, fn: number): number => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

/** Macro-F1 over `labels` of (gold, predicted) pairs, as score.mjs computes it. */
export function macro(pairs: ReadonlyArray<readonly [string, string]>, labels: readonly string[]): number {
  let s = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [g, p] of pairs) {
      if (g === l && p === l) tp++;
      else if (g === l) fn++;
      else if (p === l) fp++;
    }
    s += f1(tp, fp, fn);
  }
  return s / labels.length;
}

/**
 * Baselines on the gold posts with perfect alignment (score.mjs's definitions): every post neutral (sentiment
 * macro-F1), every gold stance against (favor/against macro-F1; score.mjs scores only the targets a post's gold gives
 * a side), every labelled post a claim (claim F1), and every reply answering the post right above it (reply links).
 */
export function threadBaselines(golds: readonly string[]): { neutral: number; against: number; allClaims: number; postAbove: number } {
  const sent: Array<[string, string]> = [];
  const stance: Array<[string, string]> = [];
  let claims = 0;
  let notClaims = 0;
  let replies = 0;
  let above = 0;
  for (const g of golds) {
    const posts = (JSON.parse(readFileSync(g, 'utf8')) as { posts: GoldPost[] }).posts;
    posts.forEach((p, i) => {
      if (p.sentiment) sent.push([p.sentiment, 'neutral']);
      for (const lab of Object.values(p.stance ?? {})) stance.push([lab, 'against']);
      if (p.claim === true) claims++;
      else if (p.claim === false) notClaims++;
      if (p.parent !== null && p.parent !== undefined) {
        replies++;
        if (p.parent === i - 1) above++;
      }
    });
  }
  return {
    neutral: macro(sent, ['positive', 'negative', 'neutral']),
    against: macro(stance, ['favor', 'against']),
    allClaims: f1(claims, notClaims, 0),
    postAbove: replies ? above / replies : 0,
  };
}

/** The classifier rows of a set's totals, each beside its baseline where it has one (sections 70 and 71 alike). */
export function classifierRows(dataset: string, total: ThreadScore, base: ReturnType<typeof threadBaselines>): EvalRow[] {
  return [
    { dataset, metric: 'sentimentMacroF1', system: 'threadlens', value: total.sentimentMacroF1 },
    { dataset, metric: 'sentimentMacroF1', system: 'baseline: every post neutral', value: base.neutral },
    { dataset, metric: 'stanceMacroF1', system: 'threadlens', value: total.stanceMacroF1 },
    { dataset, metric: 'stanceMacroF1', system: 'baseline: every gold stance against', value: base.against },
    { dataset, metric: 'claimF1', system: 'threadlens', value: total.claimF1 },
    { dataset, metric: 'claimF1', system: 'baseline: every post a claim', value: base.allClaims },
    { dataset, metric: 'correctionF1', system: 'threadlens', value: total.correctionF1 },
    { dataset, metric: 'correctionKindOk', system: 'threadlens', value: total.correctionKindOk },
    { dataset, metric: 'insultF1', system: 'threadlens', value: total.insultF1 },
  ];
}

/** The stance figures over every post with a stance label in the gold (`{}` included), and their baseline. */
export interface AllPostStance {
  /** Favor/against macro-F1 over (gold, ours) pairs, one per labelled post and gold target; no side is 'none'. */
  macroF1: number;
  /** Share of the sides threadlens gives (favor or against) that are the gold side. */
  precision: number;
  /** Share of the gold sides threadlens gives. */
  recall: number;
  /** Number of (post, target) pairs scored, and how many of them the gold gives a side. */
  pairs: number;
  sided: number;
  /** The same macro-F1 and precision for "every post against every target". */
  againstMacroF1: number;
  againstPrecision: number;
}

/** Favor/against precision and recall of (gold, predicted) pairs, 'none' meaning no side. */
function sidePrecisionRecall(pairs: ReadonlyArray<readonly [string, string]>): { precision: number; recall: number } {
  const given = pairs.filter(([, p]) => p === 'favor' || p === 'against');
  const gold = pairs.filter(([g]) => g === 'favor' || g === 'against');
  const right = given.filter(([g, p]) => g === p).length;
  return { precision: given.length ? right / given.length : 0, recall: gold.length ? right / gold.length : 0 };
}

/**
 * Stance over ALL gold posts that carry a stance label (score.mjs scores only the targets a post's gold gives a side,
 * so a side where the gold has `{}` is free there): one pair per such post (not removed) and gold target, posts aligned
 * by index as score.mjs aligns them; a side given where the gold has none is a false side. Runs the built CLI once
 * per dump (after `runThreadScorer`, which rebuilds it when needed).
 */
export function allPostStance(root: string, golds: readonly string[]): AllPostStance {
  const cli = join(root, 'dist', 'cli.js');
  const pairs: Array<[string, string]> = [];
  for (const g of golds) {
    const gold = JSON.parse(readFileSync(g, 'utf8')) as { file: string; targets?: string[]; posts: Array<GoldPost & { removed?: boolean }> };
    const targets = gold.targets ?? [];
    let posts: Array<{ stances?: Array<{ target: string; label: string }> }> = [];
    try {
      const raw = execFileSync(process.execPath, [cli, 'analyze', join(dirname(g), gold.file), '--format', 'json', ...targets.flatMap((t) => ['--target', t])], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const out = JSON.parse(raw) as unknown;
      posts = ((Array.isArray(out) ? out[0] : out) as { thread?: { posts?: typeof posts } }).thread?.posts ?? [];
    } catch {
      // A dump the CLI fails on is scored as empty (no sides), as score.mjs scores it.
    }
    gold.posts.forEach((gp, i) => {
      if (gp.removed || !gp.stance) return;
      for (const t of targets) {
        const ours = posts[i]?.stances?.find((s) => s.target.toLowerCase() === t.toLowerCase())?.label;
        pairs.push([gp.stance[t] ?? 'none', ours === 'favor' || ours === 'against' ? ours : 'none']);
      }
    });
  }
  const against = pairs.map(([g]) => [g, 'against'] as const);
  const ours = sidePrecisionRecall(pairs);
  return {
    macroF1: macro(pairs, ['favor', 'against']),
    precision: ours.precision,
    recall: ours.recall,
    pairs: pairs.length,
    sided: pairs.filter(([g]) => g !== 'none').length,
    againstMacroF1: macro(against, ['favor', 'against']),
    againstPrecision: sidePrecisionRecall(against).precision,
  };
}

/** The all-posts stance rows of a set, each beside its always-against baseline. */
export function allPostStanceRows(dataset: string, s: AllPostStance): EvalRow[] {
  return [
    { dataset, metric: 'stance macro-F1, all labelled posts', system: 'threadlens', value: s.macroF1 },
    { dataset, metric: 'stance macro-F1, all labelled posts', system: 'baseline: every post against', value: s.againstMacroF1 },
    { dataset, metric: 'stance side precision, all labelled posts', system: 'threadlens', value: s.precision },
    { dataset, metric: 'stance side precision, all labelled posts', system: 'baseline: every post against', value: s.againstPrecision },
    { dataset, metric: 'stance side recall, all labelled posts', system: 'threadlens', value: s.recall },
  ];
}

/** The note naming the dumps the CLI failed on (scored as empty), or none. */
export function failureNotes(errors: readonly string[]): string[] {
  return errors.length === 0 ? [] : [`Dumps the CLI failed on (scored as empty): ${errors.map((e) => e.replace(/^error: /, '').split(':')[0]).join(', ')}.`];
}
