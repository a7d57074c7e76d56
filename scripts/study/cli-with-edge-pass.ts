/**
 * Session 39 (edge39): the CLI with the edge pass (src/thread/drop-edge-posts.ts) switched on, a study since the pass
 * failed its registered held-out bar (the library runs without it); see cli-without-edge-pass.ts. Main thread only.
 */
import { setEdgePassForStudy } from '../../src/thread/drop-edge-posts.js';

setEdgePassForStudy(true);
await import('../../src/cli/main.js');
