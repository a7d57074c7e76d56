/**
 * Reply stance: 4-class macro-F1 (support, deny, query, comment) on RumourEval 2017 train and dev replies,
 * each reply classified against its parent's text, beside the majority class. Rules only: nothing is fit on
 * these rows. The test split is never read (separate test sets judge the project).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalContext, EvalRow, EvalSection } from '../eval.js';
import { classifyReplyStance } from '../../src/classify/acts/index.js';
import { accuracy, f1For, macroF1 } from './lib/metrics.js';

type Label = 'support' | 'deny' | 'query' | 'comment';
const LABELS: Label[] = ['support', 'deny', 'query', 'comment'];

interface Row {
  split: string;
  id: string;
  parent_id: string | null;
  is_source: boolean;
  text: string;
  label: Label;
}

export async function run(ctx: EvalContext): Promise<EvalSection> {
  const rows = readFileSync(join(ctx.dataDir, 'threads', 'rumoureval2017_sdqc.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: EvalRow[] = [];
  for (const split of ['train', 'dev']) {
    const replies = rows.filter((r) => r.split === split && !r.is_source && r.parent_id !== null && byId.has(r.parent_id));
    const gold = replies.map((r) => r.label);
    const pred = replies.map((r) => classifyReplyStance(r.text, byId.get(r.parent_id!)!.text).label);
    const label = `RumourEval 2017 ${split} replies (${replies.length.toLocaleString('en')})`;
    out.push(
      { dataset: label, metric: 'macro-F1 (4-class)', system: 'threadlens', value: macroF1(gold, pred, LABELS), target: '>= 0.45' },
      { dataset: label, metric: 'macro-F1 (4-class)', system: 'majority class (comment)', value: macroF1(gold, replies.map((): Label => 'comment'), LABELS) },
      { dataset: label, metric: 'accuracy', system: 'threadlens', value: accuracy(gold, pred) },
      ...LABELS.map((l) => ({ dataset: label, metric: `F1 ${l}`, system: 'threadlens', value: f1For(gold, pred, l) })),
    );
  }
  return {
    title: 'Reply stance',
    rows: out,
    notes: [
      'Every reply whose parent is in the file, train and dev splits (the test and trump splits are not read); the parent is the post it answers (often, but not always, the source claim). Gold is the reply\'s RumourEval label toward the thread\'s source claim.',
      'The classifier is rule-based (acts, cue lists, word overlap with the parent); no weight is fit on these rows. A learned softmax over the rules\' verdict, the reply\'s words, acts, sentiment and overlap, fit on train, reached 0.489 on dev and 0.432 leave-one-event-out on train, below these rules (0.512, 0.443), so it does not ship (see docs/stance.md).',
    ],
  };
}
