/**
 * Structure figures of a reading against a thread gold, as ../shared/eval-threads/score.mjs counts them (posts aligned
 * by index), for the line-role studies (scripts/study/line-roles-left-out.ts, line-roles-decoding.ts). Moved out of
 * line-roles-left-out.ts in session 36 (lines36), unchanged.
 */
import type { ThreadGold } from '../../train/lib/line-roles-data.js';

/** What the score reads of a parsed document. */
export type ScoredDoc = { thread: { posts: Array<{ id: string; author: string | null; text: string; parentId: string | null; removed: boolean }> } };
export const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

/** Structure figures as score.mjs counts them. */
export interface Score {
  posts: number;
  authors: number;
  starts: number;
  parentsGold: number;
  parents: number;
  countsExact: number;
  files: number;
  /** Not aligned by index: gold posts with text found as some post's start (first unused, in order), and of them with the author right. */
  found: number;
  foundAuthor: number;
  /** Posts read with text (the denominator of the found share's precision). */
  read: number;
}
export const zero = (): Score => ({ posts: 0, authors: 0, starts: 0, parentsGold: 0, parents: 0, countsExact: 0, files: 0, found: 0, foundAuthor: 0, read: 0 });
export function add(a: Score, b: Score): Score {
  const s = zero();
  for (const k of Object.keys(s) as Array<keyof Score>) s[k] = a[k] + b[k];
  return s;
}

export function scoreDoc(doc: ScoredDoc, gold: ThreadGold): Score {
  const s = zero();
  s.files = 1;
  const posts = doc.thread.posts;
  if (posts.length === gold.posts.length) s.countsExact = 1;
  const idx = new Map(posts.map((p, i) => [p.id, i]));
  gold.posts.forEach((gp, i) => {
    s.posts++;
    const p = posts[i];
    if (gp.parent !== null && gp.parent !== undefined) s.parentsGold++;
    if (!p) return;
    const a = p.removed ? null : p.author;
    if (gp.removed ? p.removed === true : norm(a) === norm(gp.author)) s.authors++;
    const t = norm(p.text);
    if (gp.removed ? p.removed === true : [t, t.replace(/^(@\S+\s+)+/, '')].some((x) => x.startsWith(norm(gp.starts)))) s.starts++;
    if (gp.parent !== null && gp.parent !== undefined) {
      const pi = p.parentId == null ? null : idx.get(p.parentId);
      if (pi === gp.parent) s.parents++;
    }
  });
  const texts = posts.map((p) => (p.removed ? null : norm(p.text)));
  s.read = texts.filter((t) => t !== null).length;
  const used = new Set<number>();
  for (const gp of gold.posts) {
    if (gp.removed) continue;
    const st = norm(gp.starts);
    const i = texts.findIndex((t, k) => t !== null && !used.has(k) && (t.startsWith(st) || t.replace(/^(@\S+\s+)+/, '').startsWith(st)));
    if (i < 0) continue;
    used.add(i);
    s.found++;
    if (norm(posts[i]!.author) === norm(gp.author)) s.foundAuthor++;
  }
  return s;
}

/** A score's authors / starts (over gold posts) and parents (over gold parents), as the study tables print them. */
export const rates = (s: Score): [number, number, number] => [s.authors / Math.max(1, s.posts), s.starts / Math.max(1, s.posts), s.parents / Math.max(1, s.parentsGold)];
/** `authors / starts / parents (counts exact/files)`, three decimals. */
export const scoreFigure = (s: Score): string => `${rates(s).map((x) => x.toFixed(3)).join(' / ')} (${s.countsExact}/${s.files})`;
