/**
 * "Ordinary comments" for the CLI speed check: reader comments of 30 to 60 words. Taken from the ToxiSpans news
 * comments (CC0) in ../shared/data when that folder is there (nothing is copied into the repo), else from the
 * fixture posts of that length. Deterministic: file order, the first `count` that fit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../eval/lib/csv.js';
import { countWords } from './corpus.js';

export interface OrdinaryComments {
  source: string;
  texts: string[];
}

const fits = (t: string): boolean => {
  const n = countWords(t);
  return n >= 30 && n <= 60;
};

/** Up to `count` comments of 30-60 words. */
export function ordinaryComments(root: string, fixturePosts: readonly string[], count = 1500): OrdinaryComments {
  const csv = join(root, '..', 'shared', 'data', 'moderation', 'toxispans', 'comments.csv');
  if (existsSync(csv)) {
    const rows = parseCsv(readFileSync(csv, 'utf8')).slice(1);
    const texts = rows.map((r) => r[1] ?? '').filter(fits).slice(0, count);
    if (texts.length >= count / 2) return { source: `../shared/data/moderation/toxispans/comments.csv (CC0), first ${texts.length} of 30-60 words`, texts };
  }
  const texts = fixturePosts.filter(fits).slice(0, count);
  return { source: `fixture posts of 30-60 words (${texts.length})`, texts };
}
