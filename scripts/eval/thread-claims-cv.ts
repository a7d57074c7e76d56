/**
 * Blind round left out for the thread-post claim model (scripts/train/lib/thread-claims-fit.ts; docs/claims.md, session
 * 26): each development round of fixtures/blind-threads (scripts/train/lib/blind-rounds.ts) is scored by a model fit
 * without it (its threshold chosen by leaving out each of the other rounds in turn), beside the hand-set comment
 * register (what the `claims` step uses; the model is measured, not shipped) and "every post a claim" on the same posts. Post level: a
 * claim >= 0.5 (the step's irony applied) against the gold `claim`. Posts are read as the pipeline parses them.
 *
 *   npx tsx scripts/eval/thread-claims-cv.ts            # the grid of settings
 *   npx tsx scripts/eval/thread-claims-cv.ts --chosen   # THREAD_CLAIM_SETTINGS only
 *   ... --verify   # also decide each post through detectClaimsScored with the model as commentModel; count differences
 *   ... --list     # the posts the model and the hand-set register decide differently
 *   npx tsx scripts/eval/thread-claims-cv.ts --nested [--one-se]  # the choice of settings left out too
 *   npx tsx scripts/eval/thread-claims-cv.ts --misses   # the hand-set register's misses, post by post
 */
import { resolve } from 'node:path';
import { claimRoundScorer, readBlindClaimPosts } from './lib/blind-posts.js';
import { postF1, postScore, readCommentClaims } from '../train/lib/comment-claims-fit.js';
import { fitThreadClaims, postProbability, THREAD_CLAIM_SETTINGS, type ThreadClaimSettings } from '../train/lib/thread-claims-fit.js';

const root = resolve(import.meta.dirname, '..', '..');
const posts = readBlindClaimPosts(root);
const corpus = readCommentClaims('comments.jsonl');
const rounds = [...new Set(posts.map((p) => p.round))].sort();
const f = (n: number): string => n.toFixed(3);

const { perRound, line } = claimRoundScorer(posts);

const cues = posts.map((p) => postScore(p.text, 'cues'));
console.log(`${posts.length} posts (${posts.filter((p) => p.claim).length} claims) in rounds ${rounds.join(', ')}`);
console.log(`| system | ${rounds.join(' | ')} | mean | pooled |`);
console.log(`|---|${rounds.map(() => '---|').join('')}---|---|`);
console.log(line('every post a claim', perRound(posts.map(() => true))));
console.log(line('hand-set comment register (the claims step)', perRound(cues.map((s) => s >= 0.5))));

if (process.argv.includes('--misses')) {
  posts.forEach((p, i) => {
    if ((cues[i]! >= 0.5) !== p.claim) console.log(p.claim ? 'MISS' : 'FALSE', p.round, p.file.split('_')[0]!, cues[i]!.toFixed(2), '|', p.text.replace(/\s+/g, ' ').slice(0, 260));
  });
  process.exit(0);
}

function leftOut(settings: ThreadClaimSettings): { r: ReturnType<typeof perRound>; thresholds: number[]; pred: boolean[]; mismatches: number } {
  const pred = new Array<boolean>(posts.length).fill(false);
  const thresholds: number[] = [];
  let mismatches = 0;
  for (const r of rounds) {
    const model = fitThreadClaims(posts.filter((p) => p.round !== r), corpus, settings);
    const t = model.thresholds!.claim!;
    thresholds.push(t);
    posts.forEach((p, i) => {
      if (p.round !== r) return;
      pred[i] = postProbability(p.text, model) >= t;
      // --verify: the same decision through detectClaimsScored with the model as `commentModel` (what the step runs).
      if (process.argv.includes('--verify') && (postScore(p.text, model) >= 0.5) !== pred[i]) mismatches++;
    });
  }
  return { r: perRound(pred), thresholds, pred, mismatches };
}

/** The settings the grid tries: corpus weight, the hand-set score's decile, L2. */
const GRID: ThreadClaimSettings[] = [];
for (const corpusWeight of [0, 0.25, 1]) {
  for (const handset of [false, true]) {
    for (const l2 of [1e-3, 1e-2, 3e-2, 1e-1]) GRID.push({ l2, corpus: corpusWeight, handset, iterations: 300 });
  }
}

/**
 * The rule that picks settings from their left-out means: the best mean, or with `--one-se` the most regularised
 * setting within 0.005 of it (the largest L2, then the smallest corpus weight), a guard against a grid whose means
 * differ by noise.
 */
function chooseSettings(means: ReadonlyArray<{ s: ThreadClaimSettings; mean: number }>): { s: ThreadClaimSettings; mean: number } {
  const top = Math.max(...means.map((m) => m.mean));
  if (!process.argv.includes('--one-se')) return means.find((m) => m.mean === top)!;
  const near = means.filter((m) => m.mean >= top - 0.005);
  return near.reduce((a, b) => (b.s.l2 > a.s.l2 || (b.s.l2 === a.s.l2 && b.s.corpus < a.s.corpus) ? b : a));
}

if (process.argv.includes('--nested')) {
  // The choice of settings itself left out: for each round, the settings are chosen by the mean F1 of leaving out each
  // of the other four rounds in turn (the same procedure as the grid, on four rounds), then the round is scored by
  // the model those settings give when fit on the four.
  const pred = new Array<boolean>(posts.length).fill(false);
  const chosen: string[] = [];
  for (const out of rounds) {
    const inner = rounds.filter((r) => r !== out);
    const means = GRID.map((s) => {
      let sum = 0;
      for (const r of inner) {
        const model = fitThreadClaims(posts.filter((p) => p.round !== r && p.round !== out), corpus, s);
        const idx = posts.map((_, i) => i).filter((i) => posts[i]!.round === r);
        sum += postF1(idx.map((i) => postProbability(posts[i]!.text, model) >= model.thresholds!.claim!), idx.map((i) => posts[i]!.claim)).f1;
      }
      return { s, mean: sum / inner.length };
    });
    const best = chooseSettings(means);
    const model = fitThreadClaims(posts.filter((p) => p.round !== out), corpus, best!.s);
    posts.forEach((p, i) => {
      if (p.round === out) pred[i] = postProbability(p.text, model) >= model.thresholds!.claim!;
    });
    chosen.push(`${out}: l2 ${best!.s.l2}, corpus ${best!.s.corpus}, rc ${best!.s.handset ? 'on' : 'off'}`);
  }
  console.log(line('model, settings chosen without the round (nested)', perRound(pred)));
  console.log(`settings chosen: ${chosen.join('; ')}`);
  process.exit(0);
}

const grid: ThreadClaimSettings[] = process.argv.includes('--chosen') ? [THREAD_CLAIM_SETTINGS] : GRID;
for (const s of grid) {
  const { r, thresholds, pred, mismatches } = leftOut(s);
  const verify = process.argv.includes('--verify') ? `, ${mismatches} posts decided otherwise through detectClaimsScored` : '';
  console.log(`${line(`model l2 ${s.l2}, corpus ${s.corpus}, rc ${s.handset ? 'on' : 'off'}`, r)} thresholds ${thresholds.map((t) => t.toFixed(2)).join(' ')}${verify}`);
  if (process.argv.includes('--list')) {
    posts.forEach((p, i) => {
      if (pred[i] !== (cues[i]! >= 0.5)) console.log(p.claim ? '  GOLD+' : '  GOLD-', p.round, `model ${pred[i] ? 'claim' : 'none '} cues ${cues[i]!.toFixed(2)} |`, p.text.replace(/\s+/g, ' ').slice(0, 200));
    });
  }
}
