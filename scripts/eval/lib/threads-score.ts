/**
 * Runs the eval-threads scorer (`../shared/eval-threads/score.mjs`) on the built CLI over gold files in its format,
 * and computes the simple baselines its classifier figures are read beside, from the same gold files. Shared by
 * section 70 (the independent eval threads) and section 71 (the project's blind threads, fixtures/blind-threads).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
function macro(pairs: ReadonlyArray<readonly [string, string]>, labels: readonly string[]): number {
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

/** The note naming the dumps the CLI failed on (scored as empty), or none. */
export function failureNotes(errors: readonly string[]): string[] {
  return errors.length === 0 ? [] : [`Dumps the CLI failed on (scored as empty): ${errors.map((e) => e.replace(/^error: /, '').split(':')[0]).join(', ')}.`];
}
