/**
 * `npm run train` (last: it reads the whole pipeline, every other model included): fits the comment-stance layer
 * (src/classify/stance/comment-layer.ts) on the project's comment-stance corpus (scripts/train/data/comment-stance/
 * comments.jsonl, project-written, MIT), each topic read as one thread by the pipeline without the layer, at the
 * settings `COMMENT_LAYER_SETTINGS` (chosen by scripts/eval/comment-stance-cv.ts, topic left out), and writes
 * src/classify/stance/comment-layer.model.json. Deterministic: the same data and models give a byte-identical file.
 * Usage: tsx scripts/train/train-comment-stance-layer.ts
 */
import { join, resolve } from 'node:path';
import { writeModel } from './lib/fit-model.js';
import { COMMENT_LAYER_SETTINGS, corpusRows, fitLayer } from './lib/comment-stance-layer-fit.js';

const root = resolve(import.meta.dirname, '..', '..');
const rows = corpusRows('comments.jsonl');
const model = fitLayer(rows, COMMENT_LAYER_SETTINGS, {
  fitOn: [
    "threadlens comment-stance corpus, comments.jsonl (session 24, 9 topics; project-written reader comments, MIT; gold = the side a careful reader gives the writer on each target); each topic read as one thread by threadlens's pipeline without this layer",
  ],
  notes: `Softmax over favor / against / none for one post and one target. Dense features: the pipeline's label and confidence, the kind of its first evidence cue, whether the post names the target, the post's sentiment label and score, for a reply its reply stance and its parent's side; sparse: the post's content words (w:..., binary) in at least minDocs rows on at least two topics. Settings ${JSON.stringify(COMMENT_LAYER_SETTINGS)} (l2 on the dense weights, wordL2 on the word weights), balanced classes. ${rows.length} comment-target pairs. Cross-validated (topic left out) and held-out figures: docs/stance.md, session 24.`,
});
writeModel(join(root, 'src', 'classify', 'stance', 'comment-layer.model.json'), model);
console.log(`comment-stance layer: ${Object.keys(model.weights).length} features`);
