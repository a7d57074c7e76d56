/**
 * Topic-left-out cross-validation of the comment-register claim model on the project's comment-claims corpus
 * (scripts/train/data/comment-claims/comments.jsonl): each topic is scored by a model fit (threshold included, by an
 * inner topic-left-out loop) on the other topics, beside the hand-set comment register (`cuesOnly: true`, what the
 * `claims` step did before session 24) and "every post a claim" on the same rows. Post level: a comment is a claim
 * when one of its sentences scores >= 0.5 through the step's reading (comment register, irony).
 *
 *   npx tsx scripts/eval/comment-claims-cv.ts            # the settings grid, CV on comments.jsonl
 *   npx tsx scripts/eval/comment-claims-cv.ts --heldout  # the shipped settings fit on comments.jsonl, scored once on heldout.jsonl
 */
import { COMMENT_CLAIM_SETTINGS, fitCommentClaims, postF1, postScore, readCommentClaims, type CommentClaimRow, type CommentClaimSettings } from '../train/lib/comment-claims-fit.js';

const fmt = (x: { f1: number; p: number; r: number }): string => `F1 ${x.f1.toFixed(3)} (P ${x.p.toFixed(3)} / R ${x.r.toFixed(3)})`;

function baselines(rows: readonly CommentClaimRow[]): void {
  const gold = rows.map((r) => r.claim);
  console.log(`  every post a claim: ${fmt(postF1(rows.map(() => true), gold))}`);
  console.log(`  hand-set comment register: ${fmt(postF1(rows.map((r) => postScore(r.text, 'cues') >= 0.5), gold))}`);
}

function crossValidated(rows: readonly CommentClaimRow[], settings: CommentClaimSettings): { f1: number; p: number; r: number } {
  const topics = [...new Set(rows.map((r) => r.topic))].sort();
  const pred: boolean[] = [];
  const gold: boolean[] = [];
  for (const t of topics) {
    const model = fitCommentClaims(rows.filter((r) => r.topic !== t), settings);
    for (const r of rows.filter((x) => x.topic === t)) {
      pred.push(postScore(r.text, model) >= 0.5);
      gold.push(r.claim);
    }
  }
  return postF1(pred, gold);
}

const fit = readCommentClaims('comments.jsonl');
if (process.argv.includes('--heldout')) {
  const held = readCommentClaims('heldout.jsonl');
  console.log(`held-out file (${held.length} comments, ${new Set(held.map((r) => r.topic)).size} topics), fit on comments.jsonl with ${JSON.stringify(COMMENT_CLAIM_SETTINGS)}:`);
  baselines(held);
  const model = fitCommentClaims(fit, COMMENT_CLAIM_SETTINGS);
  console.log(`  comment-claims model (threshold ${model.thresholds?.claim}): ${fmt(postF1(held.map((r) => postScore(r.text, model) >= 0.5), held.map((r) => r.claim)))}`);
} else {
  console.log(`comments.jsonl (${fit.length} comments, ${new Set(fit.map((r) => r.topic)).size} topics), topic left out:`);
  baselines(fit);
  const grid: CommentClaimSettings[] = [];
  for (const l2 of [1e-3, 1e-2, 3e-2]) for (const wordL2 of [0, 3e-2, 1e-1]) grid.push({ l2, wordL2, wordMinDocs: 3, iterations: 300 });
  for (const s of grid) console.log(`  ${JSON.stringify(s)}: ${fmt(crossValidated(fit, s))}`);
}
