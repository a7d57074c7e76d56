/**
 * Stance toward a target: F_avg (mean F1 of FAVOR and AGAINST) on the SemEval-2016 Task 6 training set
 * (used as development data). Rows are read from ../shared/data only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalContext, EvalSection } from '../eval.js';
import { classifyStance, trainStanceModel } from '../../src/classify/stance/index.js';
import { f1For, kFold } from './lib/metrics.js';

type L = 'favor' | 'against' | 'neutral';

export async function run(ctx: EvalContext): Promise<EvalSection> {
  const raw = readFileSync(join(ctx.dataDir, 'stance', 'semeval2016-task6-trainingdata.txt'), 'latin1');
  const rows = raw
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim().length > 0)
    .map((l) => l.split('\t'))
    .filter((c) => c.length >= 4)
    .map(([, target, text, label]) => ({ target: target!, text: text!, label: (label!.trim().toLowerCase() === 'none' ? 'neutral' : label!.trim().toLowerCase()) as L }));
  const gold = rows.map((r) => r.label);
  const fAvg = (pred: L[], idx?: number[]): number => {
    const g = idx ? idx.map((i) => gold[i]!) : gold;
    const p = idx ? idx.map((i) => pred[i]!) : pred;
    return (f1For(g, p, 'favor') + f1For(g, p, 'against')) / 2;
  };
  const ds = `SemEval-2016 T6 dev (${rows.length})`;
  const rule = rows.map((r) => classifyStance(r.text, [{ name: r.target }])[0]?.label ?? 'neutral');
  const mentioned = rows.map((r, i) => (classifyStance(r.text, [{ name: r.target }]).length > 0 ? i : -1)).filter((i) => i >= 0);
  const k = 5;
  const cv: L[] = new Array(rows.length).fill('neutral');
  for (const fold of kFold(rows.length, k, 2016)) {
    const test = new Set(fold);
    const model = trainStanceModel(rows.filter((_, i) => !test.has(i)));
    for (const i of fold) cv[i] = classifyStance(rows[i]!.text, [{ name: rows[i]!.target }], { model })[0]?.label ?? 'neutral';
  }
  const targets = [...new Set(rows.map((r) => r.target))].sort();
  return {
    title: 'Stance toward a target (SemEval-2016 Task 6)',
    rows: [
      { dataset: ds, metric: 'F_avg (favor, against)', system: 'always against', value: fAvg(rows.map(() => 'against')) },
      { dataset: ds, metric: 'F_avg (favor, against)', system: 'threadlens rules only', value: fAvg(rule) },
      { dataset: `${ds}, target named (${mentioned.length})`, metric: 'F_avg (favor, against)', system: 'threadlens rules only', value: fAvg(rule, mentioned) },
      { dataset: ds, metric: `F_avg, ${k}-fold CV`, system: 'trainStanceModel (per target)', value: fAvg(cv), target: '>= 0.55' },
      ...targets.map((t) => {
        const idx = rows.map((r, i) => (r.target === t ? i : -1)).filter((i) => i >= 0);
        return { dataset: `${t} (${idx.length})`, metric: `F_avg, ${k}-fold CV`, system: 'trainStanceModel (per target)', value: fAvg(cv, idx) };
      }),
    ],
    notes: [
      'Rules only: evaluative words (AFINN via wink-sentiment) near a mention of the target, calls to action, negated change words; a post that never names the target gets no stance (counted as neutral here). SemEval labels stance even when the target is not named (a prayer tweet is AGAINST atheism), so the rule figure is low by design: threadlens does not guess a stance without a mention unless the caller supplies a model.',
      `Trained figure: \`trainStanceModel\` (one logistic regression per target over words, bigrams and the rule verdict) fit on ${k - 1}/${k} of the rows and scored on the held-out fifth, ${k} times (seeded folds). No model trained on SemEval is shipped; the figure shows what a user with labelled data can expect.`,
    ],
  };
}
