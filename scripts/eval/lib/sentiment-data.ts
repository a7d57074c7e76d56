/** Readers for the sentiment development sets in ../shared/data/sentiment (rows stay there). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Polarity3 = 'positive' | 'negative' | 'neutral';

export interface VaderRow {
  text: string;
  /** Mean human rating, -4..+4. */
  mean: number;
  /** Gold label: mean > 0.5 positive, < -0.5 negative, else neutral. */
  gold: Polarity3;
}

/** Reads one VADER ground-truth TSV (id, mean, text; CRLF). */
export function readVaderSet(dataDir: string, file: string): VaderRow[] {
  const rows: VaderRow[] = [];
  for (const line of readFileSync(join(dataDir, 'sentiment', file), 'utf8').split(/\r?\n/)) {
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    if (a < 0 || b < 0) continue;
    const mean = Number(line.slice(a + 1, b));
    if (!Number.isFinite(mean)) continue;
    rows.push({ text: line.slice(b + 1), mean, gold: mean > 0.5 ? 'positive' : mean < -0.5 ? 'negative' : 'neutral' });
  }
  return rows;
}

/** Reads one UCI labelled-sentences JSON file ({text, class}); drops the empty trailing object. */
export function readUciSet(dataDir: string, file: string): Array<{ text: string; positive: boolean }> {
  const raw = JSON.parse(readFileSync(join(dataDir, 'sentiment', file), 'utf8')) as Array<{ text?: string; class?: number }>;
  return raw.filter((r) => typeof r.text === 'string' && (r.class === 0 || r.class === 1)).map((r) => ({ text: r.text!, positive: r.class === 1 }));
}

/** A sentiment development row in one shared form for training: valence -1..1, 3-class gold where known. */
export interface SentimentRow {
  dataset: string;
  text: string;
  /** VADER: mean rating / 4; UCI: +-UCI_VALENCE (binary labels carry no strength). */
  valence: number;
  /** Row weight in training: UCI rows count half (their valence is a guess). */
  weight: number;
  /** 3-class gold for VADER rows; undefined for UCI rows (no neutral class there). */
  gold?: Polarity3;
}

/** Valence given to UCI rows: about the mean rating of VADER's positive and negative rows (+-1.7 of 4). */
export const UCI_VALENCE = 0.42;

/** The VADER sets (MIT) and UCI sentences (CC BY 4.0): the rows the shipped sentiment model is fit on. */
export const SENTIMENT_SETS: ReadonlyArray<{ name: string; file: string; kind: 'vader' | 'uci'; weight?: number }> = [
  // Short social posts are the closest kind to reader comments and the smallest graded set for their vocabulary
  // (slang, emoticons): they weigh three sets. Chosen by cross-validation among 1, 2 and 3 (docs/sentiment.md).
  { name: 'VADER tweets', file: 'tweets_GroundTruth.txt', kind: 'vader', weight: 3 },
  { name: 'VADER Amazon snippets', file: 'amazonReviewSnippets_GroundTruth.txt', kind: 'vader' },
  { name: 'VADER movie snippets', file: 'movieReviewSnippets_GroundTruth.txt', kind: 'vader' },
  { name: 'UCI Amazon', file: 'uci-amazon.json', kind: 'uci' },
  { name: 'UCI IMDB', file: 'uci-imdb.json', kind: 'uci' },
  { name: 'UCI Yelp', file: 'uci-yelp.json', kind: 'uci' },
];

/** Reads every sentiment set into {@link SentimentRow}s, set by set in {@link SENTIMENT_SETS} order. */
export function readSentimentRows(dataDir: string): SentimentRow[] {
  const out: SentimentRow[] = [];
  for (const set of SENTIMENT_SETS) {
    if (set.kind === 'vader') {
      for (const r of readVaderSet(dataDir, set.file)) out.push({ dataset: set.name, text: r.text, valence: r.mean / 4, weight: 1, gold: r.gold });
    } else {
      for (const r of readUciSet(dataDir, set.file)) out.push({ dataset: set.name, text: r.text, valence: r.positive ? UCI_VALENCE : -UCI_VALENCE, weight: 0.5 });
    }
  }
  // Every set weighs the same in total (so the 10,605 movie snippets do not drown the 4,200 tweets), times its
  // `weight`; UCI sets, whose valence is a guess, weigh half a set each.
  const sizes = new Map<string, number>();
  for (const r of out) sizes.set(r.dataset, (sizes.get(r.dataset) ?? 0) + 1);
  const mean = out.length / sizes.size;
  const setWeight = new Map(SENTIMENT_SETS.map((s) => [s.name, s.weight ?? 1]));
  for (const r of out) r.weight *= (setWeight.get(r.dataset)! * mean) / sizes.get(r.dataset)!;
  return out;
}
