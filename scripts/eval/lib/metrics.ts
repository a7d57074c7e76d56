/**
 * Shared metrics for the evaluation sections. Pure functions over plain arrays; no data is read here.
 */

/** Macro-averaged F1 over `labels` (every listed label counts, even with no gold or predicted rows). */
export function macroF1<L extends string>(gold: readonly L[], pred: readonly L[], labels: readonly L[]): number {
  const f1s = labels.map((label) => f1For(gold, pred, label));
  return f1s.reduce((a, b) => a + b, 0) / (labels.length || 1);
}

/** F1 of one label (0 when it has neither gold nor predicted rows). */
export function f1For<L extends string>(gold: readonly L[], pred: readonly L[], label: L): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] === label;
    const p = pred[i] === label;
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Share of rows where `pred[i] === gold[i]`. */
export function accuracy<L>(gold: readonly L[], pred: readonly L[]): number {
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  return gold.length === 0 ? 0 : ok / gold.length;
}

/** Pearson correlation (0 when either side is constant). */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length);
  if (n === 0) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** ROC-AUC by the rank-sum (Mann-Whitney) formula; ties count one half. */
export function rocAuc(scores: readonly number[], positive: readonly boolean[]): number {
  const idx = scores.map((s, i) => ({ s, p: positive[i] === true })).sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  let nPos = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]!.s === idx[i]!.s) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (idx[k]!.p) {
        rankSumPos += avgRank;
        nPos++;
      }
    }
    i = j + 1;
  }
  const nNeg = idx.length - nPos;
  if (nPos === 0 || nNeg === 0) return 0.5;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Deterministic k-fold split: fold of row i is a seeded shuffle position mod k. Returns test index lists. */
export function kFold(n: number, k: number, seed = 1): number[][] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = seed >>> 0 || 1;
  const rand = (): number => {
    // xorshift32: small, deterministic, good enough for fold assignment.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const folds: number[][] = Array.from({ length: k }, () => []);
  order.forEach((row, pos) => folds[pos % k]!.push(row));
  return folds;
}
