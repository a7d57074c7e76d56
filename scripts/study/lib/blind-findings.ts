/**
 * The walk the correction studies share: every post of the blind development rounds (gold structure) in thread
 * order, with the correction candidates `collectCorrections` finds for it given the findings of the posts before
 * (a removed or empty post has none). `found` holds the findings of this post and every post before it.
 */
import { collectCorrections } from '../../../src/classify/corrections/index.js';
import type { Correction } from '../../../src/schema/classify.js';
import { blindThreads } from '../../train/lib/correction-rows.js';

export type BlindCase = ReturnType<typeof blindThreads>[number];
export type Candidate = ReturnType<typeof collectCorrections>[number];
export type BlindPost = BlindCase['thread']['posts'][number];
export type GoldPost = BlindCase['thread']['gold']['posts'][number];

export interface BlindFinding {
  b: BlindCase;
  t: BlindCase['thread'];
  post: BlindPost;
  i: number;
  gold: GoldPost;
  cands: Candidate[];
  found: ReadonlyMap<string, Correction[]>;
}

export function eachBlindFinding(root: string, visit: (f: BlindFinding) => void): void {
  for (const b of blindThreads(root)) {
    const t = b.thread;
    const found = new Map<string, Correction[]>();
    t.posts.forEach((post, i) => {
      const gold = t.gold.posts[i]!;
      const cands = gold.removed || post.text === '' ? [] : collectCorrections({ post, earlier: t.posts.slice(0, i), articleSentences: t.articleSentences, earlierCorrections: found });
      found.set(post.id, cands.map((c) => c.correction));
      visit({ b, t, post, i, gold, cands, found });
    });
  }
}
