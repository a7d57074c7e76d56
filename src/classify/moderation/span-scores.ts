/**
 * The span model's score of every word of a text, computed the fast way: each word's own feature weights (its
 * name, its character 4-grams, its names as a neighbour one and two words away, the word pairs it makes) are
 * looked up once per text in a per-model index split by feature family, so no feature name is built and no
 * window re-reads its neighbours' names. The result is exactly `predict(model, spanFeatures(readings, k,
 * context))[0]` for every word k (the same weights added in the same order; test/moderation.test.ts checks it),
 * so `spanFeatures` (span-context.ts) stays the one definition the model is fit on.
 */
import { weightTable, type LinearModel } from '../../learn/model.js';
import { charGrams, isContentWord, type WordReading } from './features.js';
import { SPAN_CONTEXT_FAMILIES, type SpanReading } from './span-context.js';
import type { TermCategory } from './lexicon.js';

const CATEGORIES: readonly TermCategory[] = ['insult', 'profanity', 'identityAttack', 'threat', 'toxicity'];

/** The span model's weights by family: `w:`, `c:`, `l:`, `r:`, `L:`, `R:` by the word, `b:` / `a:` by the pair's two words, the rest by name. */
interface SpanIndex {
  single: Record<'w' | 'c' | 'l' | 'r' | 'L' | 'R', Map<string, number>>;
  pair: Record<'b' | 'a', Map<string, Map<string, number>>>;
  named: Map<string, number>;
  /** The weights of a word's use and target (`$quote`, `$to-you`, `wm:...`), by {@link useIndex}: no name built per word. */
  use: Array<readonly [number | undefined, number | undefined, number | undefined]>;
  bias: number;
}

const MODES: ReadonlyArray<WordReading['mode']> = ['plain', 'quote', 'negated'];
const TARGETS: ReadonlyArray<WordReading['target']> = [null, 'you', 'group', 'named', 'idea'];
const useIndex = (mode: WordReading['mode'], target: WordReading['target'], content: boolean): number =>
  (MODES.indexOf(mode) * TARGETS.length + TARGETS.indexOf(target)) * 2 + (content ? 0 : 1);

const indexes = new WeakMap<LinearModel, SpanIndex>();

function indexOf(model: LinearModel): SpanIndex {
  let index = indexes.get(model);
  if (index !== undefined) return index;
  index = {
    single: { w: new Map(), c: new Map(), l: new Map(), r: new Map(), L: new Map(), R: new Map() },
    pair: { b: new Map(), a: new Map() },
    named: new Map(),
    use: [],
    bias: model.bias[0]!,
  };
  for (const [name, w] of weightTable(model)) {
    const weight = w[0] ?? 0;
    index.named.set(name, weight);
    const family = name.length > 1 && name[1] === ':' ? name[0]! : '';
    const rest = name.slice(2);
    if (family === 'b' || family === 'a') {
      // A pair's two words are joined by the first space (a word's norm holds none).
      const space = rest.indexOf(' ');
      if (space < 0) continue;
      const first = rest.slice(0, space);
      let row = index.pair[family].get(first);
      if (row === undefined) index.pair[family].set(first, (row = new Map()));
      row.set(rest.slice(space + 1), weight);
    } else if (family === 'w' || family === 'c' || family === 'l' || family === 'r' || family === 'L' || family === 'R') {
      index.single[family].set(rest, weight);
    }
  }
  for (const mode of MODES) {
    for (const target of TARGETS) {
      for (const content of [true, false]) {
        const at = (name: string): number | undefined => index!.named.get(name);
        index.use[useIndex(mode, target, content)] = [
          mode !== 'plain' ? at(`$${mode}`) : undefined,
          target !== null ? at(`$to-${target}`) : undefined,
          mode !== 'plain' || target !== null ? at(`wm:${mode}:${target}:${content ? 'c' : 'f'}`) : undefined,
        ];
      }
    }
  }
  indexes.set(model, index);
  return index;
}

/** `s` plus a present feature's `weight * value` (nothing for a feature without weight or a zero value, as `predict` skips them). */
const add = (s: number, w: number | undefined, v: number): number => (w !== undefined && v !== 0 ? s + w * v : s);

const lexTop = (r: WordReading): number => Math.max(r.lex.insult, r.lex.profanity, r.lex.identityAttack, r.lex.threat, r.lex.toxicity);

/**
 * `predict(model, spanFeatures(readings, k, context))[0]` for every word k, or 0 where `skip(k)` says so (the
 * caller's words that are never highlighted). Adds each present feature's `weight * value` to the bias in the
 * order `spanFeatures` lists them, skipping zero values as it does, so the sums are bit for bit the same.
 */
export function spanScores(model: LinearModel, readings: readonly WordReading[], context: SpanReading, skip: (k: number) => boolean = () => false): number[] {
  const ix = indexOf(model);
  const n = readings.length;
  const named = (name: string): number | undefined => ix.named.get(name);
  // Each word's weights as itself and as a neighbour, looked up once.
  const own = new Array<number | undefined>(n);
  const asLeft = new Array<number | undefined>(n);
  const asRight = new Array<number | undefined>(n);
  const asLeft2 = new Array<number | undefined>(n);
  const asRight2 = new Array<number | undefined>(n);
  const before = new Array<number | undefined>(n); // b: (k-1, k), read by word k
  const after = new Array<number | undefined>(n); // a: (k, k+1), read by word k
  for (let k = 0; k < n; k++) {
    const norm = readings[k]!.norm;
    own[k] = ix.single.w.get(norm);
    asLeft[k] = ix.single.l.get(norm);
    asRight[k] = ix.single.r.get(norm);
    asLeft2[k] = ix.single.L.get(norm);
    asRight2[k] = ix.single.R.get(norm);
    if (k > 0) {
      const prev = readings[k - 1]!.norm;
      before[k] = ix.pair.b.get(prev)?.get(norm);
      after[k - 1] = ix.pair.a.get(prev)?.get(norm);
    }
  }
  const startLeft = ix.single.l.get('^');
  const startLeft2 = ix.single.L.get('^');
  const endRight = ix.single.r.get('$');
  const endRight2 = ix.single.R.get('$');
  const fn = named('$function');
  const lexW = CATEGORIES.map((c) => named(`$lex-${c}`));
  const nearW = CATEGORIES.map((c) => named(`$near-${c}`));
  const wsW = named('$ws');
  const likeW = named('$like');
  const nearLikeW = named('$near-like');
  const nearWsW = named('$near-ws');
  const cmtLen = Math.log1p(context.plain) / 5;
  const cmt: Array<[number | undefined, number]> = [
    [named('$cmt-like'), context.maxLike],
    [named('$cmt-ws'), context.maxWs],
    [named('$cmt-lex'), context.maxLex],
    [named('$cmt-len'), cmtLen],
  ];
  const topLike = named('$top-like');
  const topWs = named('$top-ws');
  const topLex = named('$top-lex');
  const sentLikeW = named('$sent-like');
  const sentLexW = named('$sent-lex');
  const sentYouW = named('$sent-you');
  const topDistW = [undefined, named('$top-d1'), named('$top-d2'), named('$top-d3')];
  const cmtScoreW = named('$cmt-score');
  const cmtScoreLikeW = named('$cmt-score-like');
  const cs = context.commentScore;
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    if (skip(k)) {
      out[k] = 0;
      continue;
    }
    const r = readings[k]!;
    const left = readings[k - 1];
    const right = readings[k + 1];
    const content = isContentWord(r.norm);
    let s = add(ix.bias, own[k], 1);
    if (content) {
      const grams = charGrams(r.norm);
      const v = 1 / Math.sqrt(Math.max(4, grams.length));
      for (const g of grams) s = add(s, ix.single.c.get(g), v);
    } else s = add(s, fn, 1);
    s = add(s, k > 0 ? asLeft[k - 1] : startLeft, 0.5);
    s = add(s, k + 1 < n ? asRight[k + 1] : endRight, 0.5);
    s = add(s, k > 1 ? asLeft2[k - 2] : startLeft2, 0.3);
    s = add(s, k + 2 < n ? asRight2[k + 2] : endRight2, 0.3);
    if (left) s = add(s, before[k], 0.5);
    if (right) s = add(s, after[k], 0.5);
    if (r.mode !== 'plain' || r.target !== null) {
      const [modeW, targetW, bothW] = ix.use[useIndex(r.mode, r.target, content)]!;
      if (r.mode !== 'plain') s = add(s, modeW, 1);
      if (r.target !== null) s = add(s, targetW, 1);
      s = add(s, bothW, 1);
    }
    for (let c = 0; c < CATEGORIES.length; c++) {
      const cat = CATEGORIES[c]!;
      if (r.lex[cat] > 0) s = add(s, lexW[c], r.lex[cat]);
      const near = Math.max(left?.lex[cat] ?? 0, right?.lex[cat] ?? 0);
      if (near > 0) s = add(s, nearW[c], near);
    }
    if (r.ws !== 0) s = add(s, wsW, r.ws);
    if (r.like !== 0) s = add(s, likeW, r.like);
    const nearLike = Math.max(left?.like ?? 0, right?.like ?? 0);
    if (nearLike > 0) s = add(s, nearLikeW, nearLike);
    const nearWs = Math.max(left?.ws ?? 0, right?.ws ?? 0);
    if (nearWs > 0) s = add(s, nearWsW, nearWs);
    for (let c = 0; c < cmt.length; c++) s = add(s, cmt[c]![0], cmt[c]![1]);
    if (r.like > 0 && r.like === context.maxLike) s = add(s, topLike, 1);
    if (r.ws > 0 && r.ws === context.maxWs) s = add(s, topWs, 1);
    const lex = lexTop(r);
    if (lex > 0 && lex === context.maxLex) s = add(s, topLex, 1);
    if (SPAN_CONTEXT_FAMILIES.sentence) {
      s = add(s, sentLikeW, context.sentLike[k]!);
      s = add(s, sentLexW, context.sentLex[k]!);
      if (context.sentYou[k] && content) s = add(s, sentYouW, 1);
    }
    if (SPAN_CONTEXT_FAMILIES.top) {
      const d = context.topDist[k]!;
      if (d > 0 && d <= 3) s = add(s, topDistW[d], 1);
    }
    if (SPAN_CONTEXT_FAMILIES.score && cs !== undefined && cs !== 0 && content) {
      s = add(s, cmtScoreW, cs);
      if (r.like !== 0) s = add(s, cmtScoreLikeW, cs * r.like);
    }
    out[k] = 1 / (1 + Math.exp(-s));
  }
  return out;
}
