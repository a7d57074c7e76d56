/**
 * The posts of the project's blind threads' development rounds (fixtures/blind-threads, scripts/train/lib/blind-rounds.ts) with their
 * insult gold, for the moderation studies (session 25): read as the pipeline reads them, aligned with the gold by index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/index.js';
import { BLIND_DEV_ROUNDS, blindDevRound } from '../../train/lib/blind-rounds.js';

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
