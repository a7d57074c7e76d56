/**
 * The learned arbiter between the rules' reading of a page and the line-role model's (session 44, arb44; docs/dump-styles.md
 * "Session 44 (arb44)"): a logistic regression over eleven facts of the two readings (`readingFacts`), where the
 * agreement arms before it (sessions 41-43) looked at how far the two readings agree alone. It is weighed only on pages
 * where both readings hold at least `ARBITER_MIN_KEPT` posts not removed (short pages keep the rules' reading), fit
 * forward-chained on the first tries of the blind sets (scripts/study/arb41-choose.ts `fitArbiter`: the ridge logistic of
 * scripts/train/lib/ridge-logistic.ts, deterministic) and written by scripts/study/arb44-arbiter.ts to
 * scripts/study/arb44-arbiter.json: a study's weights, not shipped (the library's `ARBITRATION` holds no arbiter).
 */

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
