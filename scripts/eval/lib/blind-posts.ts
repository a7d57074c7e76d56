/**
 * The posts of the project's blind threads' development rounds (fixtures/blind-threads, scripts/train/lib/blind-rounds.ts) with their
 * insult gold, for the moderation studies (session 25): read as the pipeline reads them, aligned with the gold by index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/index.js';
import { BLIND_DEV_ROUNDS, blindDevRound } from '../../train/lib/blind-rounds.js';
import { postF1 } from '../../train/lib/comment-claims-fit.js';

/** The blind development rounds (scripts/train/lib/blind-rounds.ts; the held-out round is never read). */
export const BLIND_ROUNDS: Array<[string, (file: string) => boolean]> = BLIND_DEV_ROUNDS.map(({ label }) => [label, (f: string) => blindDevRound(f) === label]);

/** The posts of the blind development rounds as the pipeline reads them, aligned by index with the gold (as score.mjs aligns them). */
export function readBlindPosts(rootDir: string): Array<{ file: string; text: string; insult: boolean }> {
  const dir = join(rootDir, 'fixtures', 'blind-threads');
  const out: Array<{ file: string; text: string; insult: boolean }> = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.gold.json') && BLIND_ROUNDS.some(([, test]) => test(n))).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { file: string; posts: Array<{ insult?: boolean | null }> };
    const doc = analyze(readFileSync(join(dir, gold.file), 'utf8'), { steps: [] }) as unknown as { thread?: { posts: Array<{ text: string }> } };
    const posts = doc.thread?.posts ?? [];
    gold.posts.forEach((p, i) => {
      if (posts[i] && (p.insult === true || p.insult === false)) out.push({ file: f, text: posts[i]!.text, insult: p.insult });
    });
  }
  return out;
}

/** A blind development post with its claim gold: the round it is in, and its body as the pipeline reads it. */
export interface BlindClaimPost {
  file: string;
  round: string;
  text: string;
  claim: boolean;
}

/**
 * The posts of the blind development rounds with a boolean `claim` gold (asserts a checkable fact), as the pipeline
 * reads them (the thread parser, aligned by index as score.mjs aligns them); removed posts are left out.
 */
export function readBlindClaimPosts(rootDir: string): BlindClaimPost[] {
  const dir = join(rootDir, 'fixtures', 'blind-threads');
  const out: BlindClaimPost[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.gold.json') && blindDevRound(n) !== undefined).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { file: string; posts: Array<{ claim?: boolean | null; removed?: boolean }> };
    const doc = analyze(readFileSync(join(dir, gold.file), 'utf8'), { steps: [] }) as unknown as { thread?: { posts: Array<{ text: string }> } };
    const posts = doc.thread?.posts ?? [];
    gold.posts.forEach((p, i) => {
      if (posts[i] && p.removed !== true && typeof p.claim === 'boolean') out.push({ file: f, round: blindDevRound(f)!, text: posts[i]!.text, claim: p.claim });
    });
  }
  return out;
}

/** A post claim F1 by round (the rounds in name order), its mean over the rounds and over all posts pooled. */
export interface ClaimRoundF1 {
  byRound: number[];
  mean: number;
  pooled: number;
}

/**
 * Post claim F1 of one prediction per post of `posts`, by blind round, and its table row (`| name | each round | mean |
 * pooled |`): the tables of scripts/eval/thread-claims-cv.ts (session 26) and thread-claims-nested.ts (session 36).
 */
export function claimRoundScorer(posts: readonly BlindClaimPost[]): { rounds: string[]; perRound: (pred: readonly boolean[]) => ClaimRoundF1; line: (name: string, r: ClaimRoundF1) => string } {
  const rounds = [...new Set(posts.map((p) => p.round))].sort();
  const gold = posts.map((p) => p.claim);
  const idxOf = rounds.map((r) => posts.map((_, i) => i).filter((i) => posts[i]!.round === r));
  const perRound = (pred: readonly boolean[]): ClaimRoundF1 => {
    const byRound = idxOf.map((idx) => postF1(idx.map((i) => pred[i]!), idx.map((i) => gold[i]!)).f1);
    return { byRound, mean: byRound.reduce((a, b) => a + b, 0) / byRound.length, pooled: postF1(pred, gold).f1 };
  };
  const f = (n: number): string => n.toFixed(3);
  const line = (name: string, r: ClaimRoundF1): string => `| ${name} | ${r.byRound.map(f).join(' | ')} | ${f(r.mean)} | ${f(r.pooled)} |`;
  return { rounds, perRound, line };
}
