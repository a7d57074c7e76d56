/**
 * Session 25 (issue 14, docs/moderation.md "session 25 (mod25)"): would a re-chosen insult cut find the blind threads'
 * put-downs? The shipped comment model's raw insult output for every post of blind threads 01-22 (never fit on); per
 * blind round, the F1-optimal raw cut over the other three rounds, applied to the round left out, beside the shipped
 * cut. Measures only; chooses nothing that ships.
 * Usage: nice -n 10 npx tsx scripts/study/insult-cut-blind-rounds.ts
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commentFeatures } from '../../src/classify/moderation/features.js';
import { readText, shippedModerationModels } from '../../src/classify/moderation/models.js';
import { predict } from '../../src/learn/model.js';
import { BLIND_ROUNDS, readBlindPosts } from '../eval/lib/blind-posts.js';
import { ATTRIBUTE_THRESHOLDS } from '../train/lib/moderation-thresholds.js';
import { blindDevSpan } from '../train/lib/blind-rounds.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shippedCut = (ATTRIBUTE_THRESHOLDS as Record<string, number>).insult!;
const m = shippedModerationModels();
const posts = readBlindPosts(root);
const raw = posts.map((p) => predict(m.comment, commentFeatures(...readText(p.text, m.wordScores, undefined, undefined, m.likeness)))[1]!);

interface Count {
  tp: number;
  fp: number;
  fn: number;
}
const count = (ix: readonly number[], cut: number): Count => {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const i of ix) {
    const flagged = raw[i]! >= cut;
    if (posts[i]!.insult && flagged) c.tp++;
    else if (flagged) c.fp++;
    else if (posts[i]!.insult) c.fn++;
  }
  return c;
};
const f1 = (c: Count): number => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));
const show = (c: Count): string => `F1 ${f1(c).toFixed(3)} (found ${c.tp}, calm flagged ${c.fp}, missed ${c.fn})`;
const cuts = [...new Set(raw)].sort((a, b) => a - b);
const pooled = { chosen: { tp: 0, fp: 0, fn: 0 }, shipped: { tp: 0, fp: 0, fn: 0 } };
console.log(`Blind ${blindDevSpan()}: ${posts.length} posts, ${posts.filter((p) => p.insult).length} insults; shipped raw insult cut ${shippedCut}`);
for (const [label, test] of BLIND_ROUNDS) {
  const others = posts.flatMap((p, i) => (test(p.file) ? [] : [i]));
  const held = posts.flatMap((p, i) => (test(p.file) ? [i] : []));
  let best = shippedCut;
  let bestF1 = -1;
  for (const c of cuts) {
    const f = f1(count(others, c));
    if (f > bestF1) [bestF1, best] = [f, c];
  }
  const atChosen = count(held, best);
  const atShipped = count(held, shippedCut);
  for (const k of ['tp', 'fp', 'fn'] as const) {
    pooled.chosen[k] += atChosen[k];
    pooled.shipped[k] += atShipped[k];
  }
  console.log(`${label} left out: cut chosen on the others ${best.toFixed(3)} (their F1 ${bestF1.toFixed(3)}); left-out ${show(atChosen)}; at the shipped cut ${show(atShipped)}`);
}
console.log(`pooled over the four left-out rounds: chosen cuts ${show(pooled.chosen)}; shipped cut ${show(pooled.shipped)}`);
