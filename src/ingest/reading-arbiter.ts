/**
 * The learned arbiter between the rules' reading of a page and the line-role model's (session 44, arb44; docs/dump-styles.md
 * "Session 44 (arb44)"): a logistic regression over eleven facts of the two readings (`readingFacts`), where the
 * agreement arms before it (sessions 41-43) looked at how far the two readings agree alone. It is weighed only on pages
 * where both readings hold at least `ARBITER_MIN_KEPT` posts not removed (short pages keep the rules' reading), fit
 * forward-chained on the first tries of the blind sets (scripts/study/arb44-arbiter.ts) and deterministic: the same
 * rows give the same weights, the same facts the same choice.
 */
import arbiterData from './reading-arbiter.model.json' with { type: 'json' };

/** A post as the arbiter reads it: its start line (null: none), its author, whether it was removed, and its non-blank text lines. */
export interface ArbiterPost {
  line: number | null;
  author: string | null;
  removed: boolean;
  textLines: number;
}

/** Both readings must hold at least this many posts not removed for the arbiter to weigh them (the minimum page size). */
export const ARBITER_MIN_KEPT = 8;

/** The facts' names, in the order `readingFacts` gives them (and the weights are stored). */
export const READING_FACTS = [
  'agreementKept',
  'agreementRules',
  'rulesDensity',
  'modelDensity',
  'rulesCover',
  'modelCover',
  'rulesOdd',
  'modelOdd',
  'rulesDistinct',
  'modelDistinct',
  'countRatio',
] as const;

/** A fitted arbiter: the standardisation of each fact and the logistic weights over the standardised facts. */
export interface ReadingArbiter {
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
}

/** An author as the arbiter compares it: whitespace and case folded, no author as ''. */
function fold(a: string | null): string {
  return (a ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * The eleven facts of two readings of a page with `nonBlank` non-blank lines (`odd`: each reading's odd-author share,
 * line-roles.ts `oddAuthorShare`), in `READING_FACTS` order: the model's posts starting on a start line of the rules'
 * (both not removed) over the larger count of posts not removed and over the rules' count; each reading's posts not
 * removed per non-blank line; the share of non-blank lines inside each reading's posts not removed (capped at 1); the
 * two odd-author shares; each reading's distinct authors over its posts not removed; ln((model's kept + 1) / (rules' kept + 1)).
 */
export function readingFacts(model: readonly ArbiterPost[], rules: readonly ArbiterPost[], nonBlank: number, odd: { model: number; rules: number }): number[] {
  const mKept = model.filter((p) => !p.removed);
  const rKept = rules.filter((p) => !p.removed);
  const ruleLines = new Set<number>();
  for (const p of rKept) if (p.line !== null) ruleLines.add(p.line);
  const agreed = mKept.filter((p) => p.line !== null && ruleLines.has(p.line)).length;
  const lines = Math.max(1, nonBlank);
  const cover = (ps: readonly ArbiterPost[]): number => Math.min(1, ps.reduce((s, p) => s + p.textLines, 0) / lines);
  const distinct = (ps: readonly ArbiterPost[]): number => {
    if (ps.length === 0) return 0;
    return new Set(ps.map((p) => fold(p.author)).filter((a) => a !== '')).size / ps.length;
  };
  return [
    rKept.length === 0 ? 0 : agreed / Math.max(mKept.length, rKept.length),
    rKept.length === 0 ? 0 : agreed / rKept.length,
    rKept.length / lines,
    mKept.length / lines,
    cover(rKept),
    cover(mKept),
    odd.rules,
    odd.model,
    distinct(rKept),
    distinct(mKept),
    Math.log((mKept.length + 1) / (rKept.length + 1)),
  ];
}

/** The arbiter's probability that the model reads the page better than the rules. */
export function arbiterProbability(a: ReadingArbiter, facts: readonly number[]): number {
  let z = a.bias;
  for (let k = 0; k < a.weights.length; k++) z += a.weights[k]! * ((facts[k]! - a.mean[k]!) / a.sd[k]!);
  return 1 / (1 + Math.exp(-z));
}

/** Whether the arbiter takes the model's reading: both readings with `ARBITER_MIN_KEPT` posts not removed, and a probability above 0.5. */
export function arbiterTakesModel(a: ReadingArbiter, facts: readonly number[], kept: { model: number; rules: number }): boolean {
  if (kept.model < ARBITER_MIN_KEPT || kept.rules < ARBITER_MIN_KEPT) return false;
  return arbiterProbability(a, facts) > 0.5;
}

/** The L2 penalty on the standardised weights (not the intercept). */
const PENALTY = 1;
/** Newton steps from zero. */
const STEPS = 50;

/**
 * Fit the arbiter on rows of facts with labels (1: the model read the page better): standardised by the rows' mean
 * and standard deviation (0 read as 1), L2 penalty `PENALTY` on the weights, `STEPS` Newton steps from zero. With no
 * row, the arbiter that never takes the model (bias -inf is avoided: a large negative bias).
 */
export function fitArbiter(rows: ReadonlyArray<readonly number[]>, labels: readonly number[]): ReadingArbiter {
  const d = READING_FACTS.length;
  if (rows.length === 0) return { mean: Array(d).fill(0), sd: Array(d).fill(1), weights: Array(d).fill(0), bias: -10 };
  const n = rows.length;
  const mean = Array.from({ length: d }, (_, k) => rows.reduce((s, r) => s + r[k]!, 0) / n);
  const sd = Array.from({ length: d }, (_, k) => {
    const v = Math.sqrt(rows.reduce((s, r) => s + (r[k]! - mean[k]!) ** 2, 0) / n);
    return v > 1e-12 ? v : 1;
  });
  // design matrix with the intercept last
  const x = rows.map((r) => [...r.map((v, k) => (v - mean[k]!) / sd[k]!), 1]);
  const p = d + 1;
  const beta = Array(p).fill(0) as number[];
  for (let step = 0; step < STEPS; step++) {
    const grad = Array(p).fill(0) as number[];
    const hess = Array.from({ length: p }, () => Array(p).fill(0) as number[]);
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      let z = 0;
      for (let k = 0; k < p; k++) z += beta[k]! * xi[k]!;
      const mu = 1 / (1 + Math.exp(-z));
      const w = mu * (1 - mu);
      for (let k = 0; k < p; k++) {
        grad[k]! += (mu - labels[i]!) * xi[k]!;
        for (let j = 0; j < p; j++) hess[k]![j]! += w * xi[k]! * xi[j]!;
      }
    }
    for (let k = 0; k < d; k++) {
      grad[k]! += PENALTY * beta[k]!;
      hess[k]![k]! += PENALTY;
    }
    // a tiny ridge on the intercept keeps the system solvable when every label is one class
    hess[d]![d]! += 1e-6;
    const delta = solve(hess, grad);
    for (let k = 0; k < p; k++) beta[k]! -= delta[k]!;
  }
  return { mean, sd, weights: beta.slice(0, d), bias: beta[d]! };
}

/** Solve a x = b by Gaussian elimination with partial pivoting (a small symmetric positive definite system). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const div = m[c]![c]!;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / div;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** The arbiter fit on the eligible first-try dumps of the blind sets 35-40 ... 131-136 (scripts/study/arb44-arbiter.ts --write). */
export const SHIPPED_ARBITER: ReadingArbiter = { mean: arbiterData.mean, sd: arbiterData.sd, weights: arbiterData.weights, bias: arbiterData.bias };
