/**
 * Session 41 (link41): the CLI with the left-over reply link (src/thread/left-over-links.ts) switched on with the model
 * in src/thread/reply-link.model.json, a study since the link missed its registered bar (the library runs without it).
 * Usage: node ../shared/eval-threads/score.mjs npx tsx scripts/study/cli-with-left-over-links.ts -- FILES
 */
import { setLeftOverLinksForStudy } from '../../src/thread/left-over-links.js';

setLeftOverLinksForStudy({ model: 'shipped' });
await import('../../src/cli/main.js');
