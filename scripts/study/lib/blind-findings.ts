/**
 * The walk the correction studies share: every post of the blind development rounds (gold structure) in thread
 * order, with the correction candidates `collectCorrections` finds for it given the findings of the posts before
 * (a removed or empty post has none). `found` holds the findings of this post and every post before it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectCorrections, type CorrectionPost } from '../../../src/classify/corrections/index.js';
import type { Correction } from '../../../src/schema/classify.js';
import { blindThreads } from '../../train/lib/correction-rows.js';
import { buildCase, type BlindCase as HandCase } from '../../../test/corrections-helpers.js';

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

/** One post of a hand-labelled correction case (the session-17 corpus, its held-out part, blind21, test/corrections-blind). */
export interface CaseFinding {
  c: HandCase;
  post: CorrectionPost;
  /** True when the case lists the post in `expected`, false when in `notCorrections`, null when neither. */
  gold: boolean | null;
  cands: Candidate[];
}

/** The same walk over every case file of `dir`, in file order. */
export function eachCaseFinding(dir: string, visit: (f: CaseFinding) => void): void {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as HandCase;
    const { articleSentences, posts } = buildCase({ ...c, expected: [] });
    const found = new Map<string, Correction[]>();
    const positive = new Set(c.expected.map((e) => e.post));
    const negative = new Set(c.notCorrections);
    posts.forEach((post, i) => {
      const cands = collectCorrections({ post, earlier: posts.slice(0, i), articleSentences, earlierCorrections: found });
      found.set(post.id, cands.map((x) => x.correction));
      visit({ c, post, gold: positive.has(post.id) ? true : negative.has(post.id) ? false : null, cands });
    });
  }
}
