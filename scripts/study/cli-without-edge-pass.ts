/**
 * Session 39 (edge39): the CLI with the edge pass (src/thread/drop-edge-posts.ts) switched off, for reading a set with
 * score.mjs with and without it from one commit (the registered edge39 bar, docs/blind-threads.md). Since the bar failed
 * the library runs without the pass, so this is the library's own CLI; `cli-with-edge-pass.ts` reads with it:
 *   node ../shared/eval-threads/score.mjs npx tsx scripts/study/cli-without-edge-pass.ts -- GOLD.json ...   (without)
 *   node ../shared/eval-threads/score.mjs npx tsx scripts/study/cli-with-edge-pass.ts -- GOLD.json ...      (with)
 * Runs on the main thread only (the default `--jobs 1`: a worker would load the pass switched on).
 */
import { setEdgePassForStudy } from '../../src/thread/drop-edge-posts.js';

setEdgePassForStudy(false);
await import('../../src/cli/main.js');
