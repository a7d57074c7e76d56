/**
 * Fit rows of the correction scorer (scripts/train/train-corrections.ts) and of the blind-round study
 * (scripts/study/correction-blind-rounds.ts): every finding the detectors make (collectCorrections, before scoring)
 * on a thread, labelled 1 when its post is a correction of the finding's kind, grouped by thread so cross-validation
 * never splits one.
 */
import { BLIND_DEV_ROUNDS, blindDevRound } from './blind-rounds.js';
import { join } from 'node:path';
import { collectCorrections, type CorrectionPost } from '../../../src/classify/corrections/index.js';
import type { Correction } from '../../../src/schema/classify.js';
import { buildCase } from '../../../test/corrections-helpers.js';
import { loadGoldThreads } from '../../eval/lib/gold-threads.js';
import { correctionPairThreads, rumourEvalThreads } from './correction-data.js';
import type { FitRow } from './fit-model.js';

/** Rows of one thread. */
export type Group = FitRow[];

/**
 * Runs the detectors over one thread in order; `label(postIndex, correction)` gives each finding's target, or null to
 * leave the post's findings out of the rows (a post the gold leaves undecided); `skip(postIndex)` posts get no findings.
 */
export function threadRows(
  articleSentences: ReadonlyArray<{ span: [number, number]; text: string }>,
  posts: readonly CorrectionPost[],
  label: (postIndex: number, correction: Correction) => number | null,
  skip: (postIndex: number) => boolean = () => false,
): Group {
  const rows: Group = [];
  const found = new Map<string, Correction[]>();
  posts.forEach((post, i) => {
    if (skip(i)) {
      found.set(post.id, []);
      return;
    }
    const candidates = collectCorrections({ post, earlier: posts.slice(0, i), articleSentences, earlierCorrections: found });
    found.set(post.id, candidates.map((c) => c.correction));
    for (const { correction, features } of candidates) {
      const y = label(i, correction);
      if (y !== null) rows.push({ features, y: [y] });
    }
  });
  return rows;
}

/** RumourEval 2017 train + dev reply threads: a finding on a `deny` reply is a positive. */
export function rumourGroups(dataDir: string): Group[] {
  return rumourEvalThreads(dataDir).map(({ articleSentences, posts, replies }) =>
    threadRows(articleSentences, posts, (i) => (replies[i]!.label === 'deny' ? 1 : 0)),
  );
}

/** The invented threads of scripts/train/data/correction-pairs.json. */
export function pairGroups(root: string): Group[] {
  return correctionPairThreads(root).map((thread, t) => {
    const { articleSentences, posts } = buildCase({ name: `pairs-${t}`, article: thread.article, posts: thread.posts, expected: [] });
    return threadRows(articleSentences, posts, (i, correction) => (thread.posts[i]!.correction === correction.kind ? 1 : 0));
  });
}

/** The blind rounds of fixtures/blind-threads that are development data (./blind-rounds.ts); the held-out round is never read. */
export const BLIND_ROUNDS = BLIND_DEV_ROUNDS;

/** One blind thread on its gold structure, with the number in its name. */
export interface BlindThread {
  number: number;
  thread: ReturnType<typeof loadGoldThreads>[number];
}

/** The blind threads' development rounds on their gold structure (posts, authors, parents from NAME.gold.json). */
export function blindThreads(root: string): BlindThread[] {
  const dir = join(root, 'fixtures', 'blind-threads');
  // Only the development rounds are read: the held-out round of the session that wrote it never is.
  return loadGoldThreads(dir, (file) => blindDevRound(file) !== undefined).map((thread) => ({ number: Number(/^(\d+)_/.exec(thread.name)![1]), thread }));
}

/**
 * Rows of one blind thread: a finding is a positive when the post's gold correction is the finding's kind; posts the
 * gold leaves undecided (null) give no rows; removed posts give no findings.
 */
export function blindGroup({ thread }: BlindThread): Group {
  const gold = thread.gold.posts;
  return threadRows(
    thread.articleSentences,
    thread.posts,
    (i, correction) => {
      const g = gold[i]!.correction;
      if (g === null || g === undefined) return null;
      return g === correction.kind ? 1 : 0;
    },
    (i) => Boolean(gold[i]!.removed) || thread.posts[i]!.text === '',
  );
}

/** A labelled blind post: its findings' features and whether the gold says it corrects (gold null is left out). */
export interface LabelledPost {
  name: string;
  gold: boolean;
  goldKind: string;
  text: string;
  findings: Array<{ correction: Correction; features: Array<[string, number]> }>;
}

/** The labelled posts of a blind thread with the detectors' findings (before scoring), in thread order. */
export function blindPosts({ thread: t }: BlindThread): LabelledPost[] {
  const found = new Map<string, Correction[]>();
  const out: LabelledPost[] = [];
  t.posts.forEach((post, i) => {
    const gp = t.gold.posts[i]!;
    const cands = gp.removed || post.text === '' ? [] : collectCorrections({ post, earlier: t.posts.slice(0, i), articleSentences: t.articleSentences, earlierCorrections: found });
    found.set(post.id, cands.map((c) => c.correction));
    if (gp.removed || gp.correction === null || gp.correction === undefined) return;
    out.push({ name: `${t.name} #${i}`, gold: gp.correction !== false, goldKind: String(gp.correction), findings: cands, text: post.text });
  });
  return out;
}

/** The round (index into BLIND_ROUNDS) a blind thread belongs to. */
export const roundOf = (b: BlindThread): number => BLIND_ROUNDS.findIndex((r) => b.number >= r.first && b.number <= r.last);

/** Post-level figures as score.mjs counts them: a post is flagged when it has a finding scored at least `threshold`. */
export function postF1(rows: ReadonlyArray<{ s: number; gold: boolean; any: boolean }>, threshold: number): { tp: number; fp: number; fn: number; f1: number; p: number; r: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const x of rows) {
    const kept = x.any && x.s >= threshold;
    if (kept && x.gold) tp++;
    else if (kept) fp++;
    else if (x.gold) fn++;
  }
  return { tp, fp, fn, f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn), p: tp + fp ? tp / (tp + fp) : 0, r: tp + fn ? tp / (tp + fn) : 0 };
}
