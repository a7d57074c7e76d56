/**
 * Reply stance: 4-class macro-F1 (support, deny, query, comment) on RumourEval 2017: the dev split held out
 * (the shipped model is fit on train), and leave-one-event-out over train (each event scored by a model fit
 * on the others). Beside the cue rules alone and the majority class. Rows of the test split are skipped.
 */
import type { EvalContext, EvalRow, EvalSection } from '../eval.js';
import { classifyReplyStance, replyStanceFeatures } from '../../src/classify/acts/reply-stance.js';
import { leaveOneEventOut, readReplies, replyFitRows, REPLY_LABELS, type ReplyLabel } from '../train/lib/reply-stance-data.js';
import { accuracy, f1For, macroF1 } from './lib/metrics.js';

export async function run(ctx: EvalContext): Promise<EvalSection> {
  const train = readReplies(ctx.dataDir, ['train']);
  const dev = readReplies(ctx.dataDir, ['dev']);
  const out: EvalRow[] = [];
  const devGold = dev.map((r) => r.label);
  const devPred = dev.map((r) => classifyReplyStance(r.text, r.parentText).label);
  const devRule = dev.map((r) => replyStanceFeatures(r.text, r.parentText).rule.label);
  const dsDev = `RumourEval 2017 dev replies (${dev.length}), held out`;
  out.push(
    { dataset: dsDev, metric: 'macro-F1 (4-class)', system: 'threadlens reply-stance model', value: macroF1(devGold, devPred, REPLY_LABELS), target: '>= 0.45' },
    { dataset: dsDev, metric: 'macro-F1 (4-class)', system: 'cue rules only', value: macroF1(devGold, devRule, REPLY_LABELS) },
    { dataset: dsDev, metric: 'macro-F1 (4-class)', system: 'majority class (comment)', value: macroF1(devGold, dev.map((): ReplyLabel => 'comment'), REPLY_LABELS) },
    { dataset: dsDev, metric: 'accuracy', system: 'threadlens reply-stance model', value: accuracy(devGold, devPred) },
    ...REPLY_LABELS.map((l) => ({ dataset: dsDev, metric: `F1 ${l}`, system: 'threadlens reply-stance model', value: f1For(devGold, devPred, l) })),
  );
  // Leave one event out over train: topics never seen in training.
  const X = replyFitRows(train);
  const { pred, events } = leaveOneEventOut(train, X);
  const gold = train.map((r) => r.label);
  const ds = `RumourEval 2017 train replies (${train.length}), leave-one-event-out (${events.length} events)`;
  out.push(
    { dataset: ds, metric: 'macro-F1 (4-class)', system: 'threadlens reply-stance model', value: macroF1(gold, pred, REPLY_LABELS), target: '>= 0.45' },
    { dataset: ds, metric: 'macro-F1 (4-class)', system: 'cue rules only', value: macroF1(gold, train.map((r) => replyStanceFeatures(r.text, r.parentText).rule.label), REPLY_LABELS) },
    { dataset: ds, metric: 'macro-F1 (4-class)', system: 'majority class (comment)', value: macroF1(gold, train.map((): ReplyLabel => 'comment'), REPLY_LABELS) },
  );
  return {
    title: 'Reply stance',
    rows: out,
    notes: [
      'Each reply is classified against its parent\'s text (often, but not always, the source claim); gold is its RumourEval label toward the thread\'s source claim. Rows of the test and trump splits are skipped (never fit on or scored).',
      'The shipped model (src/classify/acts/reply-stance.model.json, scripts/train/train-reply-stance.ts) is a softmax over the cue rules\' verdict, the reply\'s own words, its acts, a question mark, its sentiment and its overlap with the parent, rare labels weighted up, fit on the train split (PHEME, CC BY 4.0). "cue rules only" is the rule verdict alone (no weights; the rules were written before this split was scored).',
    ],
  };
}
