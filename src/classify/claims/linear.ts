/**
 * The format of a caller's claim model (`detectClaims(text, { model })`): a multinomial logistic regression
 * over sparse string features, as a plain JSON object (label list, bias per label and weight per feature and
 * label). No shipped model uses it; it is fit by scripts/train/lib/claim-recipe.ts (measuring only).
 */

export interface LinearModel {
  /** Format marker, for forward compatibility. */
  format: 'threadlens-linear/1';
  labels: string[];
  bias: number[];
  /** feature -> weight per label (same order as `labels`). */
  weights: Record<string, number[]>;
}

/** Label probabilities for a feature list, plus each known feature's contribution to every label. */
export function predictLinear(model: LinearModel, features: readonly string[]): { probs: number[]; used: string[] } {
  const L = model.labels.length;
  const seen = new Set<string>();
  const used: string[] = [];
  for (const f of features) {
    if (seen.has(f)) continue;
    seen.add(f);
    if (Object.prototype.hasOwnProperty.call(model.weights, f)) used.push(f);
  }
  const v = 1 / Math.sqrt(Math.max(1, used.length));
  const s = model.bias.slice(0, L);
  for (const f of used) {
    const w = model.weights[f]!;
    for (let l = 0; l < L; l++) s[l] = (s[l] ?? 0) + (w[l] ?? 0) * v;
  }
  const max = Math.max(...s);
  const e = s.map((x) => Math.exp(x - max));
  const z = e.reduce((a, b) => a + b, 0);
  return { probs: e.map((x) => x / z), used };
}

/** Checks that `value` has the shape of a LinearModel (for option validation). */
export function isLinearModel(value: unknown): value is LinearModel {
  if (value === null || typeof value !== 'object') return false;
  const m = value as Partial<LinearModel>;
  return m.format === 'threadlens-linear/1' && Array.isArray(m.labels) && Array.isArray(m.bias) && m.weights !== null && typeof m.weights === 'object';
}
