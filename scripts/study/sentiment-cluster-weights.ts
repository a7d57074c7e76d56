/**
 * Study (session 31, sent31; measure only, chose nothing): what the word clusters learn in the general sentiment
 * model when a set is left out (`clusters` scheme of sentiment-left-out-weights.ts). For each set named (default
 * Yelp, NewsMTSC, FanChuan), the left-out fit with cluster features, then: the feature families' mean contribution
 * to valence / strength by gold -> read on the set left out, the clusters with the largest shared valence weights
 * (with their most frequent words in that set), and how many of the set's word tokens are unseen by the fit but
 * in a cluster that has a weight.
 * Run: nice -n 10 npx tsx scripts/study/sentiment-cluster-weights.ts [set name substrings...] (about 2 min a set).
 */
import { resolve } from 'node:path';
import { readSentimentRows, type Polarity3 } from '../eval/lib/sentiment-data.js';
import { goldOf } from '../train/lib/sentiment-cv.js';
import { fitSentiment, sentimentFeatures } from '../train/lib/sentiment-fit.js';
import { modelThresholds, sentimentScore } from '../../src/classify/sentiment/model.js';
import { CLUSTER, clusterTable, fitWordClusters, withWordClusters } from '../train/lib/word-clusters.js';
import { loadEmbeddings } from '../train/lib/word-scores.js';

const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['Yelp', 'NewsMTSC', 'FanChuan'];
const rows = readSentimentRows(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data'));
const table = clusterTable(fitWordClusters(loadEmbeddings()));
const members = new Map<number, string[]>();
for (const [w, k] of table) members.set(k, [...(members.get(k) ?? []), w]);
const bags = rows.map((r) => withWordClusters(sentimentFeatures(r.text), table));
const isCluster = (n: string): boolean => n.replace(/^not_/, '').startsWith(CLUSTER);
const family = (name: string, span: unknown): string =>
  isCluster(name) ? 'clusters' : span !== null ? 'words' : name.startsWith('#c.') ? 'scopes' : name.startsWith('#s.') ? 'register' : name.startsWith('#r') ? 'VADER-rated' : 'AFINN and other dense';

for (const set of [...new Set(rows.map((r) => r.dataset))].filter((s) => wanted.some((w) => s.includes(w)))) {
  const train = rows.flatMap((r, i) => (r.dataset === set ? [] : [{ bag: bags[i]!, valence: r.valence, ...(r.gold ? { gold: r.gold } : {}), weight: r.weight, domain: r.dataset }]));
  const model = fitSentiment(train);
  const th = modelThresholds(model);
  const groups = new Map<string, { n: number; sums: Map<string, [number, number]> }>();
  let tokens = 0;
  let unseenInCluster = 0;
  const clusterUse = new Map<string, Map<string, number>>();
  rows.forEach((r, i) => {
    if (r.dataset !== set) return;
    const bag = bags[i]!;
    const s = sentimentScore(model, bag);
    const read: Polarity3 = r.gold === undefined ? (s > 0 ? 'positive' : 'negative') : s >= th.positive ? 'positive' : s <= th.negative ? 'negative' : 'neutral';
    const key = `${goldOf(r)} -> ${read}`;
    const g = groups.get(key) ?? { n: 0, sums: new Map<string, [number, number]>() };
    g.n++;
    bag.names.forEach((name, k) => {
      // Own keys only: a word such as "constructor" must not read Object.prototype's member.
      const w = Object.hasOwn(model.weights, name) ? model.weights[name] : undefined;
      const span = bag.spans[k];
      if (span && !isCluster(name) && !name.includes(' ')) {
        tokens++;
        const bare = name.replace(/^not_/, '');
        const c = table.get(bare);
        if (!w && c !== undefined && model.weights[`${name.startsWith('not_') ? 'not_' : ''}${CLUSTER}${c}`]) unseenInCluster++;
        if (c !== undefined) {
          const u = clusterUse.get(`${CLUSTER}${c}`) ?? new Map<string, number>();
          u.set(bare, (u.get(bare) ?? 0) + 1);
          clusterUse.set(`${CLUSTER}${c}`, u);
        }
      }
      if (!w) return;
      const fam = family(name, span);
      const sum = g.sums.get(fam) ?? [0, 0];
      sum[0] += w[0]! * bag.values[k]!;
      sum[1] += w[1]! * bag.values[k]!;
      g.sums.set(fam, sum);
    });
    groups.set(key, g);
  });
  const kept = Object.keys(model.weights).filter(isCluster);
  console.log(`\n${set} left out (thresholds ${th.positive} / ${th.negative}; ${kept.length} cluster features kept): mean contribution to valence / strength`);
  for (const [key, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${key} (${g.n}): ${[...g.sums].sort(([a], [b]) => a.localeCompare(b)).map(([f, s]) => `${f} ${(s[0] / g.n).toFixed(3)} / ${(s[1] / g.n).toFixed(3)}`).join('; ')}`);
  }
  console.log(`  unigram word features: ${tokens}; with no weight of their own but a weighted cluster: ${unseenInCluster}`);
  const top = kept.map((n) => [n, model.weights[n]!] as const).sort((a, b) => Math.abs(b[1][0]!) - Math.abs(a[1][0]!)).slice(0, 12);
  for (const [n, w] of top) {
    const k = Number(n.replace(/^not_/, '').slice(CLUSTER.length));
    const used = [...(clusterUse.get(`${CLUSTER}${k}`) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([x, c]) => `${x} ${c}`);
    console.log(`  ${n} valence ${w[0]!.toFixed(3)} strength ${w[1]!.toFixed(3)} (${members.get(k)?.length ?? 0} words, e.g. ${(members.get(k) ?? []).slice(0, 6).join(' ')}); in this set: ${used.join(', ')}`);
  }
}
