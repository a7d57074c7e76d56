/**
 * A quicker k-fold measure of the span model alone (section 20 refits every model per fold and takes about an hour
 * on a loaded machine): per fold, the word scores and likeness and the span model are fit on the other folds of
 * ToxiSpans (the comment model is not, so the gate here is the span model's own highest word, not the comment's
 * attributes), and the held-out comments are scored the SemEval-2021 way over a grid of `marked` / `top` / `gateMax`.
 * Same folds (3, seed 7) and the same marked-word list baseline as section 20.
 * Usage: nice -n 10 npx tsx scripts/eval/moderation-span-cv.ts [keepSpan (default: the shipped 3000; 0 = unpruned)] [outJson]
 * (outJson: the held-out word scores and the word-list baseline, for decoding experiments without refitting.)
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCleanText, readToxiSpans, fitModerationWordScores, fitLikeness, fitSpanModel } from '../train/lib/moderation-data.js';
import { loadEmbeddings } from '../train/lib/word-scores.js';
import { kFold } from './lib/metrics.js';
import { spanF1 } from './20-moderation.js';
import { loadWordScores } from '../../src/classify/moderation/word-scores.js';
import { readText } from '../../src/classify/moderation/models.js';
import { isContentWord, spanContext, wordFeatures } from '../../src/classify/moderation/features.js';
import { predict } from '../../src/learn/model.js';

interface Word { p: number; start: number; end: number; content: boolean; brk: boolean }
const keep = Number(process.argv[2] ?? 3000) || 1e9;
const dataDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const ts = readToxiSpans(dataDir);
const clean = readCleanText(dataDir);
const embeddings = loadEmbeddings();
const folds = kFold(ts.length, 3, 7);
const words: Word[][] = new Array(ts.length);
const wordList: Array<Array<[number, number]>> = new Array(ts.length);
for (let f = 0; f < 3; f++) {
  const test = new Set(folds[f]);
  const train = ts.filter((_, i) => !test.has(i));
  const lookups = { wordScores: loadWordScores(fitModerationWordScores([...train, ...clean], embeddings)), likeness: loadWordScores(fitLikeness(train, embeddings)) };
  const model = fitSpanModel(train, lookups, [], { keepSpan: keep });
  for (const i of folds[f]!) {
    const text = ts[i]!.text;
    const [tokens, readings] = readText(text, lookups.wordScores, undefined, undefined, lookups.likeness);
    const context = spanContext(readings);
    words[i] = readings.map((r, k) => ({
      p: r.target !== 'idea' ? predict(model, wordFeatures(readings, k, context))[0]! : 0,
      start: tokens[r.token]!.start,
      end: tokens[r.token]!.end,
      content: isContentWord(r.norm),
      brk: k > 0 && /[.!?\n]/.test(text.slice(tokens[readings[k - 1]!.token]!.end, tokens[r.token]!.start)),
    }));
  }
  const seen = new Map<string, [number, number]>();
  for (const r of train) {
    const gold = new Set<number>();
    for (const [a, b] of r.gold ?? []) for (let c = a; c < b; c++) gold.add(c);
    for (const m of r.text.matchAll(/[\p{L}\p{N}']+/gu)) {
      const c = seen.get(m[0].toLowerCase()) ?? [0, 0];
      c[0]++;
      if (gold.has(m.index)) c[1]++;
      seen.set(m[0].toLowerCase(), c);
    }
  }
  for (const i of folds[f]!) {
    wordList[i] = [];
    for (const m of ts[i]!.text.matchAll(/[\p{L}\p{N}']+/gu)) {
      const c = seen.get(m[0].toLowerCase());
      if (c && c[0] >= 3 && c[1] * 2 >= c[0]) wordList[i]!.push([m.index, m.index + m[0].length]);
    }
  }
  console.error(`fold ${f + 1}/3 done`);
}

if (process.argv[3]) writeFileSync(process.argv[3], JSON.stringify({ words, wordList }));

/** The highlight rule of src/classify/moderation/index.ts without the comment gate (no comment model is fit here). */
function decode(ws: readonly Word[], marked: number, top: number, gateMax: number): Set<number> {
  const out = new Set<number>();
  if (ws.length === 0) return out;
  let best = 0;
  for (let k = 1; k < ws.length; k++) if (ws[k]!.p > ws[best]!.p) best = k;
  if (ws[best]!.p < gateMax) return out;
  const on = ws.map((w) => w.p >= marked);
  if (ws[best]!.p >= top) on[best] = true;
  for (let k = 1; k + 1 < ws.length; k++) if (!on[k] && on[k - 1] && on[k + 1] && !ws[k]!.content && !ws[k]!.brk && !ws[k + 1]!.brk) on[k] = true;
  for (let k = 0; k < ws.length; k++) {
    if (!on[k]) continue;
    const from = k > 0 && on[k - 1] && !ws[k]!.brk ? ws[k - 1]!.end : ws[k]!.start;
    for (let c = from; c < ws[k]!.end; c++) out.add(c);
  }
  return out;
}
const golds = ts.map((r) => {
  const s = new Set<number>();
  for (const [a, b] of r.gold ?? []) for (let c = a; c < b; c++) s.add(c);
  return s;
});
const mean = (pred: (i: number) => Set<number>): number => golds.reduce((s, g, i) => s + spanF1(g, pred(i)), 0) / golds.length;
const grid: Array<[number, string]> = [];
for (const marked of [0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) for (const top of [1, 0.15, 0.2, 0.25, 0.3]) for (const gateMax of [0, 0.3, 0.4, 0.5, 0.6]) {
  if (top !== 1 && top >= marked) continue;
  grid.push([mean((i) => decode(words[i]!, marked, top, gateMax)), `marked ${marked} top ${top} gateMax ${gateMax}`]);
}
grid.sort((a, b) => b[0] - a[0]);
for (const [f, cfg] of grid.slice(0, 10)) console.log(`${f.toFixed(4)}  ${cfg}`);
console.log(`marked-word list baseline ${mean((i) => { const s = new Set<number>(); for (const [a, b] of wordList[i]!) for (let c = a; c < b; c++) s.add(c); return s; }).toFixed(4)}; highlight nothing ${mean(() => new Set()).toFixed(4)}`);
