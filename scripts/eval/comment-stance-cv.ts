/**
 * The comment-stance layer of session 24 (measured, not shipped; docs/stance.md "session 24 (stance24)"). Chooses
 * its settings by leaving one topic out: each topic of the comment-stance corpus's fit file is read by a layer fit
 * on the other eight; the pipeline's own labels on the same rows are the baseline (`--grid`: every setting of the
 * grid, else the chosen one). Then, measuring only: the held-out file (3 other topics; layer fit on the whole fit
 * file) and, given gold files (blind threads 01-16, development data), the same pair of readings on their posts.
 * `--scopes`: the chosen layer applied to part of the pairs only (where the target is not stated; only adding sides;
 * only changing sides the pipeline gave), topic left out. `--with-threads`: the gold files' posts fit on with the
 * corpus, each thread (and topic) left out in turn.
 * Usage: npm run build --silent && tsx scripts/eval/comment-stance-cv.ts [--grid] [--scopes] [--with-threads] [GOLD.json ...]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COMMENT_LAYER_SETTINGS, corpusRows, fitLayer, layerRowsOf, layerSide, pipelinePosts, topicLeftOut, type LayerRow, type LayerSettings } from './lib/comment-stance-layer-fit.js';
import type { CommentSide } from './lib/comment-stance-data.js';
import { macroF1 } from './lib/metrics.js';

/** The rows of thread dumps with gold (`stance` per post, the eval-threads format), all labelled posts. */
export function threadRows(golds: readonly string[]): LayerRow[] {
  const out: LayerRow[] = [];
  for (const g of golds) {
    const gold = JSON.parse(readFileSync(g, 'utf8')) as { file: string; targets?: string[]; posts: Array<{ removed?: boolean; stance?: Record<string, CommentSide> | null }> };
    const targets = gold.targets ?? [];
    const posts = pipelinePosts(readFileSync(join(dirname(g), gold.file), 'utf8'), targets);
    out.push(
      ...layerRowsOf(posts, targets, (i, t) => {
        const gp = gold.posts[i];
        return !gp || gp.removed || !gp.stance ? null : (gp.stance[t] ?? 'none');
      }, g),
    );
  }
  return out;
}

/** Macro-F1 (favor, against) over the gold sides only (score.mjs's stanceMacroF1) and over all pairs; side precision and recall. */
export function figures(gold: readonly CommentSide[], pred: readonly CommentSide[]): string {
  const pairs = gold.map((g, i) => [g, pred[i]!] as const);
  const sides = pairs.filter(([g]) => g !== 'none');
  const given = pairs.filter(([, p]) => p !== 'none');
  const f = (ps: ReadonlyArray<readonly [CommentSide, CommentSide]>): string => macroF1(ps.map(([g]) => g), ps.map(([, p]) => p), ['favor', 'against']).toFixed(3);
  const share = (ps: ReadonlyArray<readonly [CommentSide, CommentSide]>): string => (ps.filter(([g, p]) => g === p).length / Math.max(1, ps.length)).toFixed(3);
  return `gold sides ${f(sides)} | all pairs ${f(pairs)} | 3-class ${macroF1([...gold], [...pred], ['favor', 'against', 'none']).toFixed(3)} | side precision ${share(given)} | recall ${share(sides)} (${sides.length} sides, ${pairs.length} pairs)`;
}

const stated = (r: LayerRow): boolean => r.input.stance.implicit !== true || r.input.stance.evidence.some((e) => e.cue.startsWith('declares:'));
/** Where the layer is allowed to change the pipeline's label. */
const SCOPES: Record<string, (r: LayerRow, p: CommentSide) => CommentSide> = {
  'every pair': (_r, p) => p,
  'target not stated': (r, p) => (stated(r) ? r.pipe : p),
  'adds sides only': (r, p) => (r.pipe !== 'none' ? r.pipe : p),
  'changes given sides only': (r, p) => (r.pipe === 'none' ? 'none' : p),
};

function main(): void {
  const args = process.argv.slice(2);
  const golds = args.filter((a) => a.endsWith('.json'));
  const rows = corpusRows('comments.jsonl');
  const gold = rows.map((r) => r.gold);
  console.log(`fit file, ${new Set(rows.map((r) => r.topic)).size} topics, each left out:`);
  console.log(`  pipeline (baseline)   ${figures(gold, rows.map((r) => r.pipe))}`);
  const grid: LayerSettings[] = [COMMENT_LAYER_SETTINGS];
  if (args.includes('--grid'))
    for (const l2 of [1e-3, 1e-2, 3e-2, 1e-1]) for (const wordL2 of [3e-3, 1e-2, 3e-2, 1e-1, 1e3]) for (const minDocs of [2, 3, 4]) grid.push({ l2, wordL2, minDocs, iterations: 300 });
  for (const s of grid) {
    const p = topicLeftOut(rows, s);
    console.log(`  layer ${JSON.stringify(s)} ${figures(gold, p)}`);
    if (s === COMMENT_LAYER_SETTINGS && args.includes('--scopes'))
      for (const [name, f] of Object.entries(SCOPES)) console.log(`    scope ${name.padEnd(24)} ${figures(gold, rows.map((r, i) => f(r, p[i]!)))}`);
  }
  const model = fitLayer(rows, COMMENT_LAYER_SETTINGS);
  const held = corpusRows('heldout.jsonl');
  console.log('held-out file (measured only), layer fit on the whole fit file:');
  console.log(`  pipeline (baseline)   ${figures(held.map((r) => r.gold), held.map((r) => r.pipe))}`);
  console.log(`  layer                 ${figures(held.map((r) => r.gold), held.map((r) => layerSide(model, r)))}`);
  if (golds.length === 0) return;
  const t = threadRows(golds);
  console.log(`threads (${golds.length} gold files), all labelled posts:`);
  console.log(`  pipeline (baseline)   ${figures(t.map((r) => r.gold), t.map((r) => r.pipe))}`);
  console.log(`  layer                 ${figures(t.map((r) => r.gold), t.map((r) => layerSide(model, r)))}`);
  if (args.includes('--with-threads')) {
    const both = [...rows, ...t];
    for (const s of [COMMENT_LAYER_SETTINGS, { ...COMMENT_LAYER_SETTINGS, minDocs: 3 }, { ...COMMENT_LAYER_SETTINGS, wordL2: 1e3 }]) {
      const p = topicLeftOut(both, s);
      console.log(`  corpus + threads, each topic or thread left out, ${JSON.stringify(s)}:`);
      console.log(`    corpus  ${figures(gold, p.slice(0, rows.length))}`);
      console.log(`    threads ${figures(t.map((r) => r.gold), p.slice(rows.length))}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
