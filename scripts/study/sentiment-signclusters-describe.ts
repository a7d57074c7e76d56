/**
 * Study (session 32, sent32; describes, chooses nothing): from the left-out caches of `main` and `signclusters`
 * (scripts/study/sentiment-left-out-weights.ts with TL_LEFT_OUT_CACHE), the tweets' macro-F1 under each fold's
 * thresholds and under main's, Pearson r against the raters' mean on the three rated sets, and section 10's CV band
 * (a neutral band fit on 4/5 of a set's own scores) on the five three-class sets.
 * Run: TL_LEFT_OUT_CACHE=/tmp/sent32-cache nice npx tsx scripts/study/sentiment-signclusters-describe.ts
 * Docs: docs/sentiment.md, Quality, "session 32 (sent32)".
 */
import { resolve, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { readSentimentRows, type Polarity3 } from '../eval/lib/sentiment-data.js';
import { goldOf } from '../train/lib/sentiment-cv.js';
import { macroF1, pearson } from '../eval/lib/metrics.js';
import { cvBand } from '../eval/10-sentiment.js';
const rows = readSentimentRows(resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data'));
const sc = JSON.parse(readFileSync(join(process.env.TL_LEFT_OUT_CACHE ?? '/tmp/sent32-cache', 'signclusters.json'), 'utf8')).score as number[];
const mn = JSON.parse(readFileSync(join(process.env.TL_LEFT_OUT_CACHE ?? '/tmp/sent32-cache', 'main.json'), 'utf8')).score as number[];
const L3: Polarity3[] = ['positive', 'negative', 'neutral'];
const idx = rows.flatMap((r, i) => (r.dataset === 'VADER tweets' ? [i] : []));
const gold = idx.map((i) => goldOf(rows[i]!));
// The tweets-left-out fits' thresholds: signclusters' from its run's stderr (17:07 UTC), main's from sent31's table.
const lab = (s: number, p: number, n: number): Polarity3 => (s >= p ? 'positive' : s <= n ? 'negative' : 'neutral');
console.log('signclusters scores, own thresholds', macroF1(gold, idx.map((i) => lab(sc[i]!, 0.1593, -0.1723)), L3).toFixed(4));
console.log('signclusters scores, main thresholds', macroF1(gold, idx.map((i) => lab(sc[i]!, 0.1440, -0.1859)), L3).toFixed(4));
console.log('main scores, main thresholds', macroF1(gold, idx.map((i) => lab(mn[i]!, 0.1440, -0.1859)), L3).toFixed(4));
for (const set of ['VADER tweets', 'VADER Amazon snippets', 'VADER movie snippets']) {
  const ix = rows.flatMap((q, i) => (q.dataset === set ? [i] : []));
  console.log(set, 'Pearson r main', pearson(ix.map((i) => mn[i]!), ix.map((i) => rows[i]!.valence)).toFixed(4), 'signclusters', pearson(ix.map((i) => sc[i]!), ix.map((i) => rows[i]!.valence)).toFixed(4));
}
for (const set of ['VADER tweets', 'VADER Amazon snippets', 'VADER movie snippets', 'NewsMTSC news sentences', 'FanChuan Reddit comments']) {
  const ix = rows.flatMap((q, i) => (q.dataset === set ? [i] : []));
  const g = ix.map((i) => goldOf(rows[i]!));
  console.log(set, 'CV band main', macroF1(g, cvBand(ix.map((i) => mn[i]!), g), L3).toFixed(4), 'signclusters', macroF1(g, cvBand(ix.map((i) => sc[i]!), g), L3).toFixed(4));
}
