/**
 * The project-written comment-stance corpus (scripts/train/data/comment-stance/, MIT; session 24): reader comments
 * on 12 invented topics, each labelled favor / against / none per target. `comments.jsonl` (9 topics) may be fit and
 * chosen on (leaving one topic out); `heldout.jsonl` (3 other topics) is measured only.
 *
 * `pipelineReadings` runs threadlens's whole pipeline on each topic as one thread (the topic's title and summary as
 * the article, its comments with their reply links as a structured JSON dump, its targets as `targets`), so a
 * comment is read the way a thread post is: with its parent, its acts and the thread's rules.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type CommentSide = 'favor' | 'against' | 'none';
export interface CommentStanceRow {
  topic: string;
  id: string;
  parent: string | null;
  parentText?: string;
  text: string;
  stance: Record<string, CommentSide>;
}
export interface CommentStanceTopic {
  split: 'fit' | 'heldout';
  title: string;
  summary: string;
  targets: string[];
}

const dir = resolve(import.meta.dirname, '..', '..', 'train', 'data', 'comment-stance');

export function readCommentStance(file: 'comments.jsonl' | 'heldout.jsonl'): CommentStanceRow[] {
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CommentStanceRow);
}

export function readCommentStanceTopics(): Record<string, CommentStanceTopic> {
  return JSON.parse(readFileSync(join(dir, 'topics.json'), 'utf8')) as Record<string, CommentStanceTopic>;
}

/** The structured dump of one topic's thread (comments in file order; a reply names its parent's id). */
export function topicDump(topic: CommentStanceTopic, rows: readonly CommentStanceRow[]): string {
  return JSON.stringify({
    article: { title: topic.title, text: topic.summary },
    comments: rows.map((r, i) => ({ id: r.id, author: `reader${i + 1}`, text: r.text, parentId: r.parent })),
  });
}

/** One analysed post of a topic's thread as the CLI's JSON gives it (the fields the readers here use). */
export interface AnalysedPost {
  text: string;
  parent?: number | null;
  sentiment?: { label: string; score: number };
  replyStance?: { label: string; confidence: number } | null;
  stances?: Array<{ target: string; label: 'favor' | 'against' | 'neutral'; confidence: number; implicit?: boolean; evidence: Array<{ cue: string }> }>;
}
