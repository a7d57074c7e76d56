/**
 * Scores the blind correction threads (test/corrections-blind/, session 16): threads written in wordings the
 * hand-made cases do not use, labelled by hand before threadlens ran on them. A post counts as found when it has
 * any correction; its kind is right when one correction has the labelled kind; its target is right when one
 * correction has the labelled kind and target (article sentence index or post id) and the target sentence holds
 * the labelled words. Posts listed as ambiguous are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCorrections, type CorrectionPost } from '../../../src/classify/corrections/index.js';
import type { Correction } from '../../../src/schema/classify.js';
import { buildCase, type BlindCase } from '../../../test/corrections-helpers.js';

export type { BlindCase };

export interface BlindScore {
  threads: number;
  /** Posts labelled as corrections / found among them / kind right / kind and target right. */
  positives: number;
  found: number;
  kindRight: number;
  targetRight: number;
  /** Posts labelled as no correction / flagged among them. */
  negatives: number;
  flagged: number;
  precision: number;
  recall: number;
  /** One line per post the rules got wrong (missed, flagged, wrong kind or target). */
  notes: string[];
  /** Per thread, post id -> its corrections (for the regression test). */
  results: Map<string, Map<string, Correction[]>>;
}

/**
 * Runs findCorrections over each blind thread (gold structure: parent ids as labelled) and scores it. `dir` defaults
 * to test/corrections-blind/; any folder of threads in the same format scores the same way (the session-17 corpus).
 */
export function scoreBlind(root: string, dir: string = join(root, 'test', 'corrections-blind')): BlindScore {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const s: BlindScore = { threads: files.length, positives: 0, found: 0, kindRight: 0, targetRight: 0, negatives: 0, flagged: 0, precision: 0, recall: 0, notes: [], results: new Map() };
  for (const file of files) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as BlindCase;
    const { articleSentences, posts } = buildCase({ ...c, expected: [] });
    const map = new Map<string, Correction[]>();
    posts.forEach((p: CorrectionPost, i) => map.set(p.id, findCorrections({ post: p, earlier: posts.slice(0, i), articleSentences, earlierCorrections: map })));
    s.results.set(c.name, map);
    const show = (cs: readonly Correction[]): string => cs.map((x) => `${x.kind}/${x.cue}/${x.detector} -> "${x.target.text.slice(0, 40)}"`).join('; ');
    const byPost = new Map<string, BlindCase['expected']>();
    for (const e of c.expected) byPost.set(e.post, [...(byPost.get(e.post) ?? []), e]);
    for (const [post, labels] of byPost) {
      const cs = map.get(post) ?? [];
      s.positives++;
      if (cs.length === 0) {
        s.notes.push(`${c.name} ${post}: missed (${labels[0]!.why})`);
        continue;
      }
      s.found++;
      if (cs.some((x) => labels.some((l) => l.kind === x.kind))) s.kindRight++;
      const hit = cs.some((x) =>
        labels.some((l) => {
          if (l.kind !== x.kind || !x.target.text.includes(l.targetIncludes)) return false;
          if (l.target.post !== undefined) return x.target.kind === 'post' && x.target.postId === l.target.post;
          return x.target.kind === 'article' && articleSentences.findIndex((a) => a.span[0] === x.target.span[0]) === l.target.article;
        }),
      );
      if (hit) s.targetRight++;
      else s.notes.push(`${c.name} ${post}: wrong kind/target: ${show(cs)}`);
    }
    for (const post of c.notCorrections) {
      s.negatives++;
      const cs = map.get(post) ?? [];
      if (cs.length > 0) {
        s.flagged++;
        s.notes.push(`${c.name} ${post}: flagged, not a correction: ${show(cs)}`);
      }
    }
  }
  s.precision = s.found + s.flagged === 0 ? 0 : s.found / (s.found + s.flagged);
  s.recall = s.positives === 0 ? 0 : s.found / s.positives;
  return s;
}
