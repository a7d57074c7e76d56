/**
 * The correction training data shared by the fit (scripts/train/train-corrections.ts) and the learned-detector study
 * (scripts/study/learned-corrections.ts): RumourEval 2017 threads as correction posts under their source tweet, and
 * the project's invented threads of scripts/train/data/correction-pairs.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorrectionPost } from '../../../src/classify/corrections/index.js';
import type { Correction } from '../../../src/schema/classify.js';
import { splitSentences } from '../../../src/text/sentences.js';

export interface RumourRow {
  split: string;
  thread_id: string;
  id: string;
  parent_id: string | null;
  is_source: boolean;
  author: string;
  text: string;
  label: string;
}

/** One RumourEval thread: the source tweet as the article, its replies as posts (in `replies` order). */
export interface RumourThread {
  id: string;
  articleSentences: Array<{ span: [number, number]; text: string }>;
  replies: RumourRow[];
  posts: CorrectionPost[];
}

/** Only the train and dev splits: the test (and trump) splits judge the project and are never fit on. */
const FIT_SPLITS = new Set(['train', 'dev']);

/** RumourEval 2017 train + dev threads (CC BY 4.0), sorted by thread id; threads without their source are skipped. */
export function rumourEvalThreads(dataDir: string): RumourThread[] {
  const lines = readFileSync(join(dataDir, 'threads', 'rumoureval2017_sdqc.jsonl'), 'utf8').trim().split('\n');
  const threads = new Map<string, RumourRow[]>();
  for (const line of lines) {
    const row = JSON.parse(line) as RumourRow;
    if (!FIT_SPLITS.has(row.split)) continue;
    const list = threads.get(row.thread_id) ?? [];
    list.push(row);
    threads.set(row.thread_id, list);
  }
  const out: RumourThread[] = [];
  for (const id of [...threads.keys()].sort()) {
    const rows = threads.get(id)!;
    const source = rows.find((r) => r.is_source);
    if (!source) continue;
    const articleSentences = splitSentences(source.text).map((s) => ({ span: [s.span[0], s.span[1]] as [number, number], text: s.text }));
    let offset = source.text.length + 1;
    const replies = rows.filter((r) => !r.is_source);
    const posts: CorrectionPost[] = replies.map((r) => {
      const span: [number, number] = [offset, offset + r.text.length];
      offset += r.text.length + 1;
      return { id: r.id, text: r.text, span, lines: [{ span, text: r.text }], parentId: r.parent_id === source.id ? null : r.parent_id, author: r.author };
    });
    out.push({ id, articleSentences, replies, posts });
  }
  return out;
}

/** An invented thread of correction-pairs.json: each post says which kind of correction it is, or false. */
export interface PairThread {
  article: string[];
  posts: Array<{ id: string; author: string; parentId: string | null; text: string; correction: Correction['kind'] | false }>;
}

/** The project's invented correction threads (project-written, MIT). */
export function correctionPairThreads(root: string): PairThread[] {
  return (JSON.parse(readFileSync(join(root, 'scripts', 'train', 'data', 'correction-pairs.json'), 'utf8')) as { threads: PairThread[] }).threads;
}
