/**
 * The word clusters measured in session 31 (scripts/train/lib/word-clusters.ts, not shipped): k-means over word
 * vectors is deterministic, and a bag's unigram word features add one feature per cluster, with their scope mark.
 */
import { describe, expect, it } from 'vitest';
import { clusterTable, fitWordClusters, polarClusterTable, withWordClusters } from '../scripts/train/lib/word-clusters.js';
import type { Embeddings } from '../scripts/train/lib/word-scores.js';

/** Six words in two tight groups (food, anger), and one word that is not its own feature lemma. */
const vectors: Record<string, number[]> = {
  bread: [1, 0.1, 0],
  cake: [0.9, 0.2, 0],
  soup: [1, 0, 0.1],
  angry: [0, 1, 0.1],
  furious: [0.1, 0.9, 0],
  rude: [0, 1, 0],
  cakes: [0.9, 0.2, 0],
};
const emb: Embeddings = { dimensions: 3, words: Object.keys(vectors), vector: (w) => vectors[w] };

describe('word clusters (session 31, measured only)', () => {
  it('groups similar vectors, the same way every time, over the words that are their own feature lemma', () => {
    const a = fitWordClusters(emb, { k: 2, vocabulary: 10 });
    expect(fitWordClusters(emb, { k: 2, vocabulary: 10 })).toEqual(a);
    const t = clusterTable(a);
    expect(t.has('cakes')).toBe(false);
    expect(t.get('bread')).toBe(t.get('soup'));
    expect(t.get('angry')).toBe(t.get('rude'));
    expect(t.get('bread')).not.toBe(t.get('rude'));
  });

  it('adds one feature per cluster, summing its words, marked not_ inside a negation', () => {
    const t = new Map([
      ['bread', 0],
      ['soup', 0],
      ['rude', 1],
    ]);
    const bag = { names: ['#lex', 'bread', 'soup', 'bread soup', 'not_rude', 'zzz'], values: [0.3, 0.5, 0.5, 0.5, 0.5, 0.5], spans: [null, [0, 5], [6, 10], [0, 10], [15, 19], [20, 23]] as Array<[number, number] | null> };
    const out = withWordClusters(bag, t);
    expect(bag.names).toHaveLength(6);
    expect(out.names.slice(6)).toEqual(['~c0', 'not_~c1']);
    expect(out.values.slice(6)).toEqual([1, 0.5]);
    expect(out.spans.slice(6)).toEqual([[0, 5], [15, 19]]);
  });

  it('splits a cluster by the polarity of its words (session 32): lexicon sign first, else the vector\'s predicted rating; topic words left out', () => {
    // One cluster holding praise, blame, an unrated word near the praise and a topic word between them.
    const v: Record<string, number[]> = {
      excellent: [1, 1, 0],
      great: [1, 0.9, 0.1],
      mediocre: [1, -1, 0],
      awful: [1, -0.9, 0.1],
      splendiferous: [1, 0.95, 0],
      table: [1, 0, 1],
    };
    const e: Embeddings = { dimensions: 3, words: Object.keys(v), vector: (w) => v[w] };
    const t = polarClusterTable(fitWordClusters(e, { k: 1, vocabulary: 10 }), e, 0.01, 1);
    expect(t.get('excellent')).toBe('0+');
    expect(t.get('mediocre')).toBe('0-');
    expect(t.get('splendiferous')).toBe('0+');
    expect(t.has('table')).toBe(false);
    const out = withWordClusters({ names: ['excellent', 'not_mediocre'], values: [1, 1], spans: [[0, 9], [14, 22]] }, t);
    expect(out.names.slice(2)).toEqual(['~c0+', 'not_~c0-']);
  });
});
