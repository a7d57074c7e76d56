/**
 * Runs the correction finder on the gold structure of the independent threads and scores it as
 * ../shared/eval-threads/score.mjs does (a post with any correction; kind right among those found).
 */
import { findCorrections } from '../../../src/classify/corrections/index.js';
import type { Correction } from '../../../src/schema/classify.js';
import type { GoldThread } from './gold-threads.js';

export interface GoldCorrectionScore {
  tp: number;
  fp: number;
  fn: number;
  kindOk: number;
  /** One line per wrong or missed post, for reading. */
  errors: string[];
  /** Per labelled post: the highest confidence of its corrections (0 when none), and whether gold says it corrects. */
  confidences: Array<{ confidence: number; gold: boolean }>;
}

/** The corrections of every post of a gold thread, in order (removed posts get none). */
export function correctionsOnGold(thread: GoldThread): Correction[][] {
  const found = new Map<string, Correction[]>();
  return thread.posts.map((post, i) => {
    const gp = thread.gold.posts[i]!;
    const cs = gp.removed || post.text === '' ? [] : findCorrections({ post, earlier: thread.posts.slice(0, i), articleSentences: thread.articleSentences, earlierCorrections: found });
    found.set(post.id, cs);
    return cs;
  });
}

export function scoreGoldCorrections(threads: readonly GoldThread[]): GoldCorrectionScore {
  const s: GoldCorrectionScore = { tp: 0, fp: 0, fn: 0, kindOk: 0, errors: [], confidences: [] };
  for (const t of threads) {
    const all = correctionsOnGold(t);
    t.gold.posts.forEach((gp, i) => {
      if (gp.removed) return;
      const cs = all[i]!;
      const label = gp.correction;
      if (label !== null && label !== undefined) s.confidences.push({ confidence: Math.max(0, ...cs.map((c) => c.confidence)), gold: label !== false });
      const head = `${t.name} #${i} gold=${String(label)}`;
      const got = cs.map((c) => `${c.kind}/${c.cue} ${c.confidence.toFixed(2)} -> "${c.target.text.slice(0, 60)}" [${c.note}]`).join(' | ');
      if (label === 'article' || label === 'post' || label === 'self') {
        if (cs.length > 0) {
          s.tp++;
          if (cs.some((c) => c.kind === label)) s.kindOk++;
          else s.errors.push(`KIND ${head}: ${got}`);
        } else {
          s.fn++;
          s.errors.push(`MISS ${head}: ${t.posts[i]!.text.slice(0, 160).replace(/\n/g, ' / ')}`);
        }
      } else if (label === false && cs.length > 0) {
        s.fp++;
        s.errors.push(`FP ${head}: ${got} :: ${t.posts[i]!.text.slice(0, 120).replace(/\n/g, ' / ')}`);
      }
    });
  }
  return s;
}
