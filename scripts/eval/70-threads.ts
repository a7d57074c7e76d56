/**
 * Whole-pipeline figures on the independent hand-labelled threads in ../shared/eval-threads (one dump per
 * site layout, labelled by someone who did not write threadlens): runs their scorer, score.mjs, on the
 * built CLI and reports, per layout and in total, how many authors, reply links and article-body checks
 * come out right, how many dumps give exactly the right number of posts, and the classifier figures.
 * `npx tsx scripts/eval.ts 70` runs this section alone. The CLI is rebuilt first when src/ is newer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EvalContext, EvalRow, EvalSection } from '../eval.js';

/** The totals score.mjs prints (its last line) and per file (lines starting "file"). */
interface Score {
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

/** Gold of one thread, as far as the baseline needs it. */
interface Gold {
  posts: Array<{ parent: number | null }>;
}

const TARGETS = { authors: '>= 0.95', parents: '>= 0.85', clean: '>= 0.95' } as const;

/** Newest modification time under a folder (file system walk; the source tree is small). */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** "03_japantoday_lunch.gold.json" → "japantoday". */
function layoutOf(file: string): string {
  return file.replace(/\.gold\.json$/, '').split('_')[1] ?? file;
}

export async function run(ctx: EvalContext): Promise<EvalSection> {
  const dir = resolve(ctx.root, '..', 'shared', 'eval-threads');
  const scorer = join(dir, 'score.mjs');
  if (!existsSync(scorer)) {
    return { title: 'Independent threads, one layout each (eval-threads)', rows: [], notes: [`Not run: ${dir} is missing.`] };
  }
  const cli = join(ctx.root, 'dist', 'cli.js');
  if (!existsSync(cli) || newest(join(ctx.root, 'src')) > statSync(cli).mtimeMs) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ctx.root, stdio: 'ignore' });
  }
  const golds = readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => join(dir, f));
  let out = '';
  try {
    out = execFileSync('node', [scorer, 'node', cli, '--', ...golds], { cwd: ctx.root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (err) {
    out = String((err as { stdout?: string }).stdout ?? '');
  }
  const lines = out.split('\n').filter((l) => l.trim().length > 0);
  const errors = lines.filter((l) => l.startsWith('error:'));
  const perFile = lines.filter((l) => l.startsWith('file ')).map((l) => {
    const [, name, ...json] = l.split(' ');
    return { name: name!, score: JSON.parse(json.join(' ')) as Score };
  });
  const total = JSON.parse(lines[lines.length - 1] ?? '{}') as Score;
  const rows: EvalRow[] = [];
  for (const { name, score } of perFile) {
    const dataset = `eval-threads ${layoutOf(name)}`;
    rows.push({ dataset, metric: 'authors', system: 'threadlens', value: score.authors, target: TARGETS.authors });
    rows.push({ dataset, metric: 'reply links (parents)', system: 'threadlens', value: score.parents, target: TARGETS.parents });
    rows.push({ dataset, metric: 'article-body checks (clean)', system: 'threadlens', value: score.clean, target: TARGETS.clean });
    rows.push({ dataset, metric: 'post count exact', system: 'threadlens', value: score.countsExact });
  }
  const all = `eval-threads all (${golds.length} dumps)`;
  rows.push({ dataset: all, metric: 'authors', system: 'threadlens', value: total.authors, target: TARGETS.authors });
  rows.push({ dataset: all, metric: 'text starts', system: 'threadlens', value: total.starts });
  rows.push({ dataset: all, metric: 'reply links (parents)', system: 'threadlens', value: total.parents, target: TARGETS.parents });
  // A simple baseline for the reply links: every reply answers the post right above it.
  let replies = 0;
  let previous = 0;
  for (const g of golds) {
    const gold = JSON.parse(readFileSync(g, 'utf8')) as Gold;
    gold.posts.forEach((p, i) => {
      if (p.parent === null || p.parent === undefined) return;
      replies++;
      if (p.parent === i - 1) previous++;
    });
  }
  rows.push({ dataset: all, metric: 'reply links (parents)', system: 'baseline: the post above', value: replies ? previous / replies : 0 });
  rows.push({ dataset: all, metric: 'article-body checks (clean)', system: 'threadlens', value: total.clean, target: TARGETS.clean });
  rows.push({ dataset: all, metric: 'post count exact (dumps)', system: 'threadlens', value: total.countsExact });
  rows.push({ dataset: all, metric: 'sentimentMacroF1', system: 'threadlens', value: total.sentimentMacroF1 });
  rows.push({ dataset: all, metric: 'stanceMacroF1', system: 'threadlens', value: total.stanceMacroF1 });
  rows.push({ dataset: all, metric: 'claimF1', system: 'threadlens', value: total.claimF1 });
  rows.push({ dataset: all, metric: 'correctionF1', system: 'threadlens', value: total.correctionF1 });
  rows.push({ dataset: all, metric: 'correctionKindOk', system: 'threadlens', value: total.correctionKindOk });
  rows.push({ dataset: all, metric: 'insultF1', system: 'threadlens', value: total.insultF1 });
  const notes = [
    'Scored by `../shared/eval-threads/score.mjs` on `dist/cli.js` (`threadlens analyze FILE --format json --target …`): posts are aligned by index, so a dropped or merged post shifts every later one. The dumps are development data, read to find general causes of misses; held-out dumps of other layouts judge the parser.',
    `Post count exact is 1 or 0 per dump and the number of dumps in total; correctionKindOk counts corrections found with the gold kind (of ${total.correctionGold ?? 0} gold corrections).`,
  ];
  if (errors.length > 0) notes.push(`Dumps the CLI failed on (scored as empty): ${errors.map((e) => e.replace(/^error: /, '').split(':')[0]).join(', ')}.`);
  return { title: 'Independent threads, one layout each (eval-threads)', rows, notes };
}
