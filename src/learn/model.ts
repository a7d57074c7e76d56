/**
 * The one model format of threadlens and its one predict function. Every shipped model is a linear model
 * over named, real-valued features, stored as plain JSON so it can be read, diffed and explained:
 * `score[l] = bias[l] + Σ value(f) · weights[f][l]`, then a link turns scores into outputs.
 *
 * Fitting lives in scripts/train/ (never shipped); a model file records which data it was fit on and a
 * hash of the feature code that produced its inputs, checked by test/model-hash.test.ts so features cannot
 * change without a refit.
 */

/** The format marker of every model file. */
export const MODEL_FORMAT = 'threadlens-model/2' as const;

/** A fitted linear model as stored in a `*.model.json` file. */
export interface LinearModel {
  /** Always {@link MODEL_FORMAT}. */
  format: typeof MODEL_FORMAT;
  /** What the model predicts, e.g. "toxicity", "stance". */
  name: string;
  /** The data it was fit on, each with its licence, e.g. "ToxiSpans (CC0 1.0)". */
  fitOn: string[];
  /** Repository paths of the feature code whose output the weights expect. */
  featureFiles: string[];
  /** sha256 (hex) of those files, see `scripts/train/lib/feature-hash.ts`. */
  featureHash: string;
  /**
   * `softmax`: one output per label, probabilities summing to 1; `sigmoid`: each label an independent
   * probability (one label = binary); `identity`: raw scores (regression).
   */
  link: 'softmax' | 'sigmoid' | 'identity';
  /** Output names, in the order of `bias` and of each weight row. */
  labels: string[];
  bias: number[];
  /** feature name -> one weight per label. */
  weights: Record<string, number[]>;
  /** Decision thresholds or other calibrated constants chosen on held-out data, by name. */
  thresholds?: Record<string, number>;
  /** Free-form notes: how it was fit, the figures it reached. */
  notes?: string;
}

/** Named feature values for one item. Repeated names add up. */
export type Features = ReadonlyMap<string, number> | Iterable<readonly [string, number]>;

/** One feature's share of a label's score: `value · weight`. */
export interface Contribution {
  feature: string;
  value: number;
  /** value · weight for the label asked about. */
  amount: number;
}

const own = Object.prototype.hasOwnProperty;

/**
 * A model compiled for scoring, built on first use and kept for the model object's life: every weighted feature
 * name gets a row number (`index`), and the rows' weights sit in one Float64Array, `L` per row (a weight the JSON row
 * lacks is 0, as `w[l] ?? 0` read it). One hash lookup per feature name, then plain array reads: no weight-row
 * object per feature and no per-output bounds checks. The format on disk is unchanged; this is only its in-memory form.
 * A model must not be changed in place once it has been used (the shipped ones are never; a fitted one is written,
 * then loaded).
 */
interface Compiled {
  /** Outputs per row. */
  L: number;
  /** Feature name -> row. */
  index: Map<string, number>;
  /** Row r's weight for output l at r * L + l. */
  w: Float64Array;
  /** Feature name -> its weights as stored (for `weightTable`). */
  table: Map<string, readonly number[]>;
}

const compiledModels = new WeakMap<LinearModel, Compiled>();

function compiled(model: LinearModel): Compiled {
  let c = compiledModels.get(model);
  if (c === undefined) {
    const L = model.labels.length;
    const table = new Map<string, readonly number[]>();
    for (const name in model.weights) if (own.call(model.weights, name)) table.set(name, model.weights[name]!);
    const index = new Map<string, number>();
    const w = new Float64Array(table.size * L);
    let r = 0;
    for (const [name, row] of table) {
      index.set(name, r);
      for (let l = 0; l < L; l++) w[r * L + l] = row[l] ?? 0;
      r++;
    }
    compiledModels.set(model, (c = { L, index, w, table }));
  }
  return c;
}

function weightsOf(model: LinearModel): Map<string, readonly number[]> {
  return compiled(model).table;
}

// The rows `scores` found for a list of pairs, by list and model: `knownFeatures` of the same list (moderation explains
// the features it has just scored) reads them instead of looking every name up again. Valid while the list is unchanged
// (each name is checked to be the same string; the callers build a list, score it, explain it and drop it).
const scoredRows = new WeakMap<object, { model: LinearModel; names: readonly string[]; rows: Int32Array }>();

function scores(model: LinearModel, features: Features): number[] {
  const { L, index, w } = compiled(model);
  if (L === 1 && Array.isArray(features)) {
    // The common case (one sigmoid output over a list of pairs, e.g. a word of a comment) without an iterator
    // or a row loop: the same sums in the same order.
    const pairs = features as ReadonlyArray<readonly [string, number]>;
    let s0 = model.bias[0]!;
    for (let k = 0; k < pairs.length; k++) {
      const pair = pairs[k]!;
      const r = index.get(pair[0]);
      if (r !== undefined) s0 = s0 + w[r]! * pair[1];
    }
    return [s0];
  }
  const s = model.bias.slice(0, L);
  if (Array.isArray(features)) {
    const pairs = features as ReadonlyArray<readonly [string, number]>;
    const rows = new Int32Array(pairs.length);
    const names = new Array<string>(pairs.length);
    for (let k = 0; k < pairs.length; k++) {
      const pair = pairs[k]!;
      const r = index.get(pair[0]);
      names[k] = pair[0];
      rows[k] = r ?? -1;
      if (r === undefined) continue;
      const value = pair[1];
      const at = r * L;
      for (let l = 0; l < L; l++) s[l] = s[l]! + w[at + l]! * value;
    }
    scoredRows.set(features, { model, names, rows });
    return s;
  }
  for (const [name, value] of features) {
    const r = index.get(name);
    if (r === undefined) continue;
    const at = r * L;
    for (let l = 0; l < L; l++) s[l] = s[l]! + w[at + l]! * value;
  }
  return s;
}

/** The link of `model` applied to raw scores `s` (changed in place for identity). */
function link(model: LinearModel, s: number[]): number[] {
  if (model.link === 'identity') return s;
  if (model.link === 'sigmoid') return s.map((x) => 1 / (1 + Math.exp(-x)));
  let max = -Infinity;
  for (const x of s) if (x > max) max = x;
  const e = s.map((x) => Math.exp(x - max));
  let z = 0;
  for (const x of e) z += x;
  return e.map((x) => x / z);
}

/** Outputs of the model for one item (probabilities for softmax/sigmoid, raw scores for identity). */
export function predict(model: LinearModel, features: Features): number[] {
  return link(model, scores(model, features));
}

/** `predict` over parallel arrays of feature names and values (no pairs to build): the same outputs. */
export function predictArrays(model: LinearModel, names: readonly string[], values: readonly number[]): number[] {
  const { L, index, w } = compiled(model);
  const s = model.bias.slice(0, L);
  if (L === 1) {
    let s0 = s[0]!;
    for (let k = 0; k < names.length; k++) {
      const r = index.get(names[k]!);
      if (r !== undefined) s0 = s0 + w[r]! * values[k]!;
    }
    s[0] = s0;
    return link(model, s);
  }
  for (let k = 0; k < names.length; k++) {
    const r = index.get(names[k]!);
    if (r === undefined) continue;
    const value = values[k]!;
    const at = r * L;
    for (let l = 0; l < L; l++) s[l] = s[l]! + w[at + l]! * value;
  }
  return link(model, s);
}

/**
 * The row of each weighted feature name in the model's compiled form (see {@link predictRows}): a caller that
 * builds names from parts can look a part up in {@link rowsByPrefix} instead and never hash the built name.
 */
export function featureRows(model: LinearModel): ReadonlyMap<string, number> {
  return compiled(model).index;
}

/**
 * The compiled weights behind {@link featureRows}: `L` outputs per row, row `r`'s weight for output `l` at
 * `w[r * L + l]` (a weight the JSON row lacks is 0). For callers that explain a score from rows already looked up.
 */
export function rowWeights(model: LinearModel): { readonly L: number; readonly w: Float64Array } {
  return compiled(model);
}

// Per model, per prefix: the rest of every weighted feature name that starts with the prefix -> its row.
const rowsPrefixed = new WeakMap<LinearModel, Map<string, ReadonlyMap<string, number>>>();

/** `featureRows` of the names that start with `prefix`, keyed without it (`"c:"` -> the n-grams). Built once per model and prefix. */
export function rowsByPrefix(model: LinearModel, prefix: string): ReadonlyMap<string, number> {
  let maps = rowsPrefixed.get(model);
  if (maps === undefined) rowsPrefixed.set(model, (maps = new Map()));
  let map = maps.get(prefix);
  if (map === undefined) {
    const rows = new Map<string, number>();
    for (const [name, r] of compiled(model).index) if (name.startsWith(prefix)) rows.set(name.slice(prefix.length), r);
    maps.set(prefix, (map = rows));
  }
  return map;
}

/**
 * `predictArrays` over rows already looked up (`rows[k]` from {@link featureRows} or {@link rowsByPrefix}, -1 or
 * undefined for a name the model has no weight for): the same sums in the same order, so the same outputs.
 */
export function predictRows(model: LinearModel, rows: ArrayLike<number | undefined>, values: readonly number[]): number[] {
  const { L, w } = compiled(model);
  const s = model.bias.slice(0, L);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r === undefined || r < 0) continue;
    const value = values[k]!;
    const at = r * L;
    for (let l = 0; l < L; l++) s[l] = s[l]! + w[at + l]! * value;
  }
  return link(model, s);
}

/**
 * `predict` over parallel arrays of feature names and values, without one of them: `without(k)` equals
 * `predict(model, pairs minus the k-th)` exactly (same sums in the same order), and `all()` equals it with
 * none left out. Each name's weights are looked up once, so asking what each feature adds costs one pass
 * over the features per question instead of building and scoring a copy.
 */
export function leaveOneOut(model: LinearModel, names: readonly string[], values: readonly number[]): { all(): number[]; without(k: number): number[] } {
  const { index } = compiled(model);
  return leaveOneOutRows(model, names.map((name) => index.get(name) ?? -1), values);
}

/** {@link leaveOneOut} over rows already looked up (`rows[k]` from {@link featureRows}, -1 for a name without weights). */
export function leaveOneOutRows(model: LinearModel, rows: ArrayLike<number>, values: readonly number[]): { all(): number[]; without(k: number): number[] } {
  const { L, w } = compiled(model);
  const sum = (skip: number): number[] => {
    const s = model.bias.slice(0, L);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      if (r < 0 || k === skip) continue;
      const value = values[k]!;
      const at = r * L;
      for (let l = 0; l < L; l++) s[l] = s[l]! + w[at + l]! * value;
    }
    return link(model, s);
  };
  return { all: () => sum(-1), without: (k) => sum(k) };
}

/**
 * The features that moved label `label`'s score, largest |amount| first (ties by name, so the order is
 * deterministic), keeping those with |amount| >= `minAmount` (default 0: all known features).
 */
export function explain(model: LinearModel, features: Features, label: number, minAmount = 0): Contribution[] {
  return explainKnown(model, knownFeatures(model, features), label, minAmount);
}

/**
 * {@link explain} over features already summed by {@link knownFeatures}: explaining several labels of one item
 * sums its features once.
 */
export function explainKnown(model: LinearModel, known: ReadonlyMap<string, number>, label: number, minAmount = 0): Contribution[] {
  const { L, index, w } = compiled(model);
  const out: Contribution[] = [];
  // A label outside the rows reads weight 0 (as `row[label] ?? 0` did): no feature moves it.
  if (!(Number.isInteger(label) && label >= 0 && label < L)) return out;
  // The rows knownFeatures found, in the map's order, when the map still holds the same names: explaining
  // several labels of one item looks each name up once.
  const rows = knownRows.get(known);
  const found = rows !== undefined && rows.model === model && rows.names.length === known.size ? rows : undefined;
  let k = 0;
  for (const [feature, value] of known) {
    const r = found !== undefined && found.names[k] === feature ? found.rows[k]! : index.get(feature)!;
    k++;
    const amount = value * w[r * L + label]!;
    if (amount !== 0 && Math.abs(amount) >= minAmount) out.push({ feature, value, amount });
  }
  out.sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount) || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
  return out;
}

/**
 * The features the model has weights for, repeated names added up, in first-seen order: what `explain` reads.
 * Explaining several labels of one item from this map gives the same contributions without summing again.
 */
export function knownFeatures(model: LinearModel, features: Features): Map<string, number> {
  const { index } = compiled(model);
  const sum = new Map<string, number>();
  const names: string[] = [];
  const rows: number[] = [];
  // The rows `predict` just found for this same list, when it was scored by this model.
  const scored = Array.isArray(features) ? scoredRows.get(features) : undefined;
  const known = scored !== undefined && scored.model === model && scored.names.length === (features as unknown[]).length ? scored : undefined;
  let k = -1;
  for (const [name, value] of features) {
    k++;
    const r = known !== undefined && known.names[k] === name ? known.rows[k]! : (index.get(name) ?? -1);
    if (r < 0) continue;
    const prev = sum.get(name);
    if (prev === undefined) {
      names.push(name);
      rows.push(r);
    }
    sum.set(name, (prev ?? 0) + value);
  }
  knownRows.set(sum, { model, names, rows });
  return sum;
}

// Per map made by knownFeatures: its model, names (in the map's order) and their rows, read by explainKnown.
const knownRows = new WeakMap<ReadonlyMap<string, number>, { model: LinearModel; names: readonly string[]; rows: readonly number[] }>();

/**
 * The model's weights by feature name (own keys only), built once per model: for callers that sum or test
 * weights themselves (a feature with no entry changes no output).
 */
export function weightTable(model: LinearModel): ReadonlyMap<string, readonly number[]> {
  return weightsOf(model);
}

// Per model, per prefix: the rest of every weighted feature name that starts with the prefix.
const byPrefix = new WeakMap<LinearModel, Map<string, ReadonlySet<string>>>();

/**
 * The feature names the model has weights for that start with `prefix`, without it (`"w:"` -> the words): a caller
 * that builds names as prefix + key can test the key first and build only the names that change an output.
 * Built once per model and prefix.
 */
export function knownByPrefix(model: LinearModel, prefix: string): ReadonlySet<string> {
  let sets = byPrefix.get(model);
  if (sets === undefined) byPrefix.set(model, (sets = new Map()));
  let set = sets.get(prefix);
  if (set === undefined) {
    const keys = new Set<string>();
    for (const name of weightsOf(model).keys()) if (name.startsWith(prefix)) keys.add(name.slice(prefix.length));
    sets.set(prefix, (set = keys));
  }
  return set;
}

/**
 * A shipped model file's data as a {@link LinearModel}, checked by {@link isLinearModel}; throws naming `file` (its path
 * in the repository) when the data is not a `threadlens-model/2` file.
 */
export function checkedModel(data: unknown, file: string): LinearModel {
  if (!isLinearModel(data)) throw new Error(`threadlens: ${file} is not a threadlens-model/2 file`);
  return data;
}

/** A getter of a shipped model file's data, checked by {@link checkedModel} on first use. */
export function lazyModel(data: unknown, file: string): () => LinearModel {
  let model: LinearModel | undefined;
  return () => (model ??= checkedModel(data, file));
}

/** True when `value` has the shape of a {@link LinearModel} (for loading and option checks). */
export function isLinearModel(value: unknown): value is LinearModel {
  if (value === null || typeof value !== 'object') return false;
  const m = value as Partial<LinearModel>;
  return (
    m.format === MODEL_FORMAT &&
    typeof m.name === 'string' &&
    Array.isArray(m.labels) &&
    Array.isArray(m.bias) &&
    m.bias.length === m.labels.length &&
    (m.link === 'softmax' || m.link === 'sigmoid' || m.link === 'identity') &&
    m.weights !== null &&
    typeof m.weights === 'object'
  );
}
