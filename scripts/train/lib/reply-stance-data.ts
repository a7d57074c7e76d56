/** RumourEval 2017 reply stance (PHEME, CC BY 4.0; rows stay in ../shared/data) and the one fit of the reply-stance model. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replyStanceFeatures } from '../../../src/classify/acts/reply-stance.js';
import { predict, type LinearModel } from '../../../src/learn/model.js';
import { fitModel, type FitRow } from './fit-model.js';

export type ReplyLabel = 'support' | 'deny' | 'query' | 'comment';
export const REPLY_LABELS: readonly ReplyLabel[] = ['support', 'deny', 'query', 'comment'];

/** One reply with its parent's text. */
export interface ReplyRow {
  split: string;
  event: string;
  text: string;
  parentText: string;
  label: ReplyLabel;
}

/** Replies whose parent is in the file, of the given splits (never the test split: it judges the project). */
export function readReplies(dataDir: string, splits: readonly string[]): ReplyRow[] {
  const rows = readFileSync(join(dataDir, 'threads', 'rumoureval2017_sdqc.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { split: string; event: string; id: string; parent_id: string | null; is_source: boolean; text: string; label: ReplyLabel });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows
    .filter((r) => splits.includes(r.split) && !r.is_source && r.parent_id !== null && byId.has(r.parent_id))
    .map((r) => ({ split: r.split, event: r.event, text: r.text, parentText: byId.get(r.parent_id!)!.text, label: r.label }));
}

export const REPLY_FEATURE_FILES = ['src/classify/acts/cues.ts', 'src/classify/acts/index.ts', 'src/classify/acts/reply-stance.ts', 'src/classify/sentiment/sarcasm.model.json', 'src/classify/sentiment/sentiment.model.json', 'src/text/tokenize.ts'];

/**
 * Rare labels (deny, query) weigh more, but less than full balancing: row weight (n / (4 · count(label)))^0.75.
 * Chosen among 0.3, 0.5, 0.75 and 1 (balanced) by leave-one-event-out macro-F1 on train (0.38, 0.43, 0.45, 0.43).
 */
const CLASS_WEIGHT_POWER = 0.75;

/** Feature rows for the fitter. */
export function replyFitRows(rows: readonly ReplyRow[]): FitRow[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  return rows.map((r) => ({ features: [...replyStanceFeatures(r.text, r.parentText).features], y: REPLY_LABELS.indexOf(r.label), weight: Math.pow(rows.length / (REPLY_LABELS.length * counts.get(r.label)!), CLASS_WEIGHT_POWER) }));
}

/**
 * L2 on the acts (`~act:*`): indicators of a cue phrase, like words, and some as rare (7 concessions, 12
 * self-corrections in 3,966 train replies), so not the near-zero penalty of the always-present features (the rules'
 * verdict, sentiment, overlap, length). At 1e-4 the 7 concessions (2 support, 4 comment and 1 deny with negative
 * sentiment) gave `~act:concession` a deny weight of 0.85, which put a concession with self-directed negative words
 * ("my mistake") on the support/deny edge (docs/stance.md, session 19). Chosen among 1e-4, 3e-4, 1e-3, 3e-3, 1e-2,
 * 3e-2 and 1e-1 by leave-one-event-out macro-F1 on train (scripts/eval/reply-stance-l2-cv.ts, over the
 * session 19 sentiment model: 0.4519, 0.4530, 0.4544, 0.4561, 0.4551, 0.4541, 0.4539; over session 17's, 3e-3 too).
 */
export const ACT_L2 = 3e-3;

/** L2 per feature: acts at {@link ACT_L2}, the other `~` features 1e-4, words 1e-2. */
export function replyL2(name: string, actL2 = ACT_L2): number {
  return name.startsWith('~act:') ? actL2 : name.startsWith('~') ? 1e-4 : 1e-2;
}

/** Word weights smaller than this in every label are dropped after the fit (the package has a size budget). */
const PRUNE_BELOW = 0.06;

/** Fits the reply-stance model. Deterministic. */
export function fitReplyStance(rows: readonly FitRow[], fitOn: readonly string[], notes?: string, actL2 = ACT_L2): LinearModel {
  const model = fitModel(rows, {
    name: 'reply-stance',
    labels: REPLY_LABELS,
    link: 'softmax',
    fitOn,
    featureFiles: REPLY_FEATURE_FILES,
    l2: (name) => replyL2(name, actL2),
    iterations: 250,
    minCount: 5,
    balanced: false,
    decimals: 3,
    notes,
  });
  for (const [name, w] of Object.entries(model.weights)) if (!name.startsWith('~') && w.every((x) => Math.abs(x) < PRUNE_BELOW)) delete model.weights[name];
  return model;
}

/**
 * Leave one event out over `rows` (their fit rows `X`, in the same order): each event's replies labelled by a model
 * fit on the other events, with the acts' L2 `actL2`. Deterministic (events in sorted order).
 */
export function leaveOneEventOut(rows: readonly ReplyRow[], X: readonly FitRow[], actL2 = ACT_L2): { pred: ReplyLabel[]; events: string[] } {
  const pred: ReplyLabel[] = new Array(rows.length);
  const events = [...new Set(rows.map((r) => r.event))].sort();
  for (const e of events) {
    const m = fitReplyStance(X.filter((_, i) => rows[i]!.event !== e), ['cv'], undefined, actL2);
    rows.forEach((r, i) => {
      if (r.event !== e) return;
      const p = predict(m, X[i]!.features as Iterable<readonly [string, number]>);
      let b = 0;
      for (let l = 1; l < p.length; l++) if (p[l]! > p[b]!) b = l;
      pred[i] = REPLY_LABELS[b]!;
    });
  }
  return { pred, events };
}
