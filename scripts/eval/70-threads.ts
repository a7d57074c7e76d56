/**
 * Whole-pipeline figures on the independent hand-labelled threads in ../shared/eval-threads (one dump per
 * site layout, labelled by someone who did not write threadlens): runs their scorer, score.mjs, on the
 * built CLI and reports, per layout and in total, how many authors, reply links and article-body checks
 * come out right, how many dumps give exactly the right number of posts, and the classifier figures.
 * `npx tsx scripts/eval.ts 70` runs this section alone. The CLI is rebuilt first when src/ is newer.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EvalContext, EvalRow, EvalSection } from '../eval.js';
import { allPostStance, allPostStanceRows, classifierRows, failureNotes, goldFiles, runThreadScorer, threadBaselines } from './lib/threads-score.js';

const TARGETS = { authors: '>= 0.95', parents: '>= 0.85', clean: '>= 0.95' } as const;

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
  const golds = goldFiles(dir);
  const { perFile, total, errors } = runThreadScorer(ctx.root, scorer, golds);
  const base = threadBaselines(golds);
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
  rows.push({ dataset: all, metric: 'reply links (parents)', system: 'baseline: the post above', value: base.postAbove });
  rows.push({ dataset: all, metric: 'article-body checks (clean)', system: 'threadlens', value: total.clean, target: TARGETS.clean });
  rows.push({ dataset: all, metric: 'post count exact (dumps)', system: 'threadlens', value: total.countsExact });
  rows.push(...classifierRows(all, total, base));
  const stanceAll = allPostStance(ctx.root, golds);
  rows.push(...allPostStanceRows(all, stanceAll));
  const notes = [
    'Scored by `../shared/eval-threads/score.mjs` on `dist/cli.js` (`threadlens analyze FILE --format json --target …`): posts are aligned by index, so a dropped or merged post shifts every later one. The dumps are development data, read to find general causes of misses; held-out dumps of other layouts judge the parser.',
    'Baselines (from the gold, perfect alignment assumed, score.mjs\'s definitions): every post neutral; every gold stance against (score.mjs scores a post\'s stance only toward the targets its gold gives a side, so a side given where the gold has none costs nothing); every labelled post a claim; every reply answering the post right above it. Correction and insult "never" score 0.',
    `Post count exact is 1 or 0 per dump and the number of dumps in total; correctionKindOk counts corrections found with the gold kind (of ${total.correctionGold ?? 0} gold corrections).`,
  ];
  notes.push(
    `Stance over all labelled posts (session 22): one (gold, ours) pair per post with a stance label in the gold and gold target (${stanceAll.pairs} pairs, ${stanceAll.sided} with a gold side); a side where the gold has \`{}\` is a false side, so precision shows (stanceMacroF1 above scores only the ${stanceAll.sided} gold sides). Side precision: share of the sides given that are the gold side; recall: share of the gold sides given. The baseline says against on every pair, computed the same way.`,
  );
  notes.push(...failureNotes(errors));
  return { title: 'Independent threads, one layout each (eval-threads)', rows, notes };
}
