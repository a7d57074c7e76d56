/**
 * Session 41 (link41): the CLI with the left-over reply link (src/thread/left-over-links.ts) switched on with the model
 * in src/thread/reply-link.model.json, a study since the link missed its registered bar (the library runs without it).
 * `MODEL=path` (session 42, link42b) switches it on with another model file in the one format instead, e.g.
 * src/thread/reply-link-fx.model.json (fit with the fixtures' structure labels as rows too).
 * Usage: [MODEL=path] node ../shared/eval-threads/score.mjs npx tsx scripts/study/cli-with-left-over-links.ts -- FILES
 */
import { readFileSync } from 'node:fs';
import { isLinearModel } from '../../src/learn/model.js';
import { setLeftOverLinksForStudy, type LeftOverStudy } from '../../src/thread/left-over-links.js';

const path = process.env.MODEL;
const model: unknown = path ? JSON.parse(readFileSync(path, 'utf8')) : 'shipped';
if (path && !isLinearModel(model)) throw new Error(`cli-with-left-over-links: MODEL=${path} is not a threadlens-model/2 file`);
setLeftOverLinksForStudy({ model: model as LeftOverStudy['model'] });
await import('../../src/cli/main.js');
