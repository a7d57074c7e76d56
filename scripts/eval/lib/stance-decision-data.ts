/**
 * The rows of the thread-stance decision (scripts/eval/lib/stance-decision.ts; session 26, measured, not shipped): every post of the blind development
 * rounds (fixtures/blind-threads, scripts/train/lib/blind-rounds.ts) that the gold gives a stance label, one row per
 * gold target, its features read from the pipeline's analysis, its label the gold side (`none` where the gold gives
 * none). Posts are aligned by index, as score.mjs aligns them. Also the fit (the one learner, `fitModel`) and the
 * figures of scripts/study/thread-stance-decision.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/index.js';
import { predict, type LinearModel } from '../../../src/learn/model.js';
import { blindDevRound } from '../../train/lib/blind-rounds.js';
import { fitModel, type FitRow } from '../../train/lib/fit-model.js';
import { macro } from './threads-score.js';
import { DECISION_LABELS, decisionFeatures, WORD_PREFIX, type DecisionPost } from './stance-decision.js';

export type DecisionLabel = (typeof DECISION_LABELS)[number];

/** One (post, gold target) pair. */
export interface DecisionRow {
  round: string;
  file: string;
  index: number;
  target: string;
  text: string;
  /** The pipeline's label without the decision ('none' for neutral). */
  pipeline: DecisionLabel;
  gold: DecisionLabel;
  features: Map<string, number>;
}

interface GoldPost {
  removed?: boolean;
  stance?: Record<string, 'favor' | 'against'> | null;
}

/** Analysed posts of one dump (`analyze` with the gold targets), as the decision reads them. */
export type Analyse = (input: string, targets: readonly string[]) => DecisionPost[];

/** The pipeline's posts of one dump (`analyze` with the gold targets). */
export const analyseThread: Analyse = (input, targets) => {
  const doc = analyze(input, { targets: targets.map((name) => ({ name })) }) as unknown as { thread: { posts: Array<DecisionPost & { id: string }> } };
  return doc.thread.posts;
};

/**
 * The rows of the blind development rounds under `dir` (blind files of no development round are never read), or with
 * `anyFile` every gold file there, its round '' (the eval threads, measured only).
 */
export function readDecisionRows(dir: string, analyse: Analyse = analyseThread, anyFile = false): DecisionRow[] {
  const rows: DecisionRow[] = [];
  for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
    const round = anyFile ? '' : blindDevRound(g);
    if (round === undefined) continue;
    const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: GoldPost[] };
    const targets = gold.targets ?? [];
    const posts = analyse(readFileSync(join(dir, gold.file), 'utf8'), targets) as Array<DecisionPost & { id?: string }>;
    const byId = new Map(posts.map((p) => [p.id, p]));
    gold.posts.forEach((gp, i) => {
      if (gp.removed || !gp.stance) return;
      const post = posts[i];
      for (const t of targets) {
        const goldLabel: DecisionLabel = gp.stance[t] ?? 'none';
        const s = post?.stances?.find((x) => x.target.toLowerCase() === t.toLowerCase());
        const pipeline: DecisionLabel = s?.label === 'favor' || s?.label === 'against' ? s.label : 'none';
        const parent = post?.parentId != null ? byId.get(post.parentId) : undefined;
        rows.push({
          round,
          file: g,
          index: i,
          target: t,
          text: post?.text ?? '',
          pipeline,
          gold: goldLabel,
          features: post ? decisionFeatures(post, parent, s?.target ?? t) : new Map(),
        });
      }
    });
  }
  return rows;
}

/** The settings of one fit. */
export interface DecisionSettings {
  /** L2 on the dense weights. */
  l2: number;
  /** Word layer: L2 on its weights and the fewest dumps a word must occur in; null for none. */
  words: { l2: number; minDumps: number } | null;
  /** Each label counts equally (class reweighting). */
  balanced: boolean;
  /** Adam steps. */
  iterations: number;
  /** The model's label replaces the pipeline's only when its probability is higher by more than this. Default 0. */
  margin?: number;
}

/** The word vocabulary of `rows`: content words in at least `minDumps` dumps. */
function vocabulary(rows: readonly DecisionRow[], minDumps: number): Set<string> {
  const dumps = new Map<string, Set<string>>();
  for (const r of rows) for (const w of r.features.keys()) if (w.startsWith(WORD_PREFIX)) (dumps.get(w) ?? dumps.set(w, new Set()).get(w)!).add(r.file);
  return new Set([...dumps].filter(([, d]) => d.size >= minDumps).map(([w]) => w));
}

/** The features of a row for a model fit with `s`: the dense ones, and the words in `vocab` when there is a word layer. */
export function rowFeatures(r: DecisionRow, s: DecisionSettings, vocab: ReadonlySet<string>): Map<string, number> {
  return new Map([...r.features].filter(([name]) => !name.startsWith(WORD_PREFIX) || (s.words !== null && vocab.has(name))));
}

/** Fits the decision on `rows`. */
export function fitDecision(rows: readonly DecisionRow[], s: DecisionSettings, meta: { fitOn: string[]; notes?: string } = { fitOn: [] }): LinearModel {
  const vocab = s.words ? vocabulary(rows, s.words.minDumps) : new Set<string>();
  const fit: FitRow[] = rows.map((r) => ({ features: rowFeatures(r, s, vocab), y: DECISION_LABELS.indexOf(r.gold) }));
  return fitModel(fit, {
    name: 'thread stance decision',
    labels: [...DECISION_LABELS],
    link: 'softmax',
    fitOn: meta.fitOn,
    featureFiles: ['scripts/eval/lib/stance-decision.ts'],
    l2: (name) => (name.startsWith(WORD_PREFIX) ? (s.words?.l2 ?? 1) : s.l2),
    iterations: s.iterations,
    balanced: s.balanced,
    minCount: 2,
    decimals: 3,
    ...(meta.notes ? { notes: meta.notes } : {}),
  });
}

/** The decision's label for a row: the model's, when it beats the pipeline's label by `margin` in probability. */
export function decide(model: LinearModel, r: DecisionRow, margin = 0): DecisionLabel {
  const p = predict(model, r.features);
  let best = 0;
  for (let l = 1; l < p.length; l++) if (p[l]! > p[best]!) best = l;
  const kept = DECISION_LABELS.indexOf(r.pipeline);
  return p[best]! - p[kept]! > margin ? DECISION_LABELS[best]! : r.pipeline;
}

/** Favor/against macro-F1 of (gold, predicted) pairs, 'none' meaning no side (score.mjs's `stanceMacroF1` on gold sides). */
export function sideMacroF1(pairs: ReadonlyArray<readonly [string, string]>): number {
  return macro(pairs, ['favor', 'against']);
}

/** The figures of predictions `pred` on `rows`: gold sides only (score.mjs), all labelled pairs, side precision. */
export function decisionScores(rows: readonly DecisionRow[], pred: readonly DecisionLabel[]): { sides: number; all: number; precision: number; n: number; sided: number } {
  const pairs = rows.map((r, i) => [r.gold, pred[i]!] as const);
  const sided = pairs.filter(([g]) => g !== 'none');
  const given = pairs.filter(([, p]) => p !== 'none');
  return {
    sides: sideMacroF1(sided),
    all: sideMacroF1(pairs),
    precision: given.length ? given.filter(([g, p]) => g === p).length / given.length : 0,
    n: pairs.length,
    sided: sided.length,
  };
}

/**
 * The settings the left-out-round choice picked (`--grid`, `--grid2`, `--margins` of
 * scripts/study/thread-stance-decision.ts, docs/stance.md session 26): the best mean of the left-out rounds.
 */
export const DECISION_SETTINGS: DecisionSettings = { l2: 0.1, balanced: true, words: { l2: 0.03, minDumps: 4 }, iterations: 300 };
