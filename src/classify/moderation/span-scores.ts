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
  /** The weights of the named features every word reads, looked up once per model, not once per text. */
  fixed: FixedWeights;
  bias: number;
}

/** The named (`$...`) and edge (`^`, `$`) weights {@link spanScores} reads, by what they weigh. */
interface FixedWeights {
  startLeft: number | undefined;
  startLeft2: number | undefined;
  endRight: number | undefined;
  endRight2: number | undefined;
  fn: number | undefined;
  /** `$lex-<category>` and `$near-<category>`, in {@link CATEGORIES} order. */
  lex: ReadonlyArray<number | undefined>;
  near: ReadonlyArray<number | undefined>;
  ws: number | undefined;
  like: number | undefined;
  nearLike: number | undefined;
  nearWs: number | undefined;
  cmtLike: number | undefined;
  cmtWs: number | undefined;
  cmtLex: number | undefined;
  cmtLen: number | undefined;
  topLike: number | undefined;
  topWs: number | undefined;
  topLex: number | undefined;
  sentLike: number | undefined;
  sentLex: number | undefined;
  sentYou: number | undefined;
  /** `$top-d1` .. `$top-d3` at 1..3 (nothing at 0). */
  topDist: ReadonlyArray<number | undefined>;
  cmtScore: number | undefined;
  cmtScoreLike: number | undefined;
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
    fixed: undefined as unknown as FixedWeights,
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
  index.fixed = fixedWeights(index);
  indexes.set(model, index);
  return index;
}

function fixedWeights(index: SpanIndex): FixedWeights {
  const named = (name: string): number | undefined => index.named.get(name);
  return {
    startLeft: index.single.l.get('^'),
    startLeft2: index.single.L.get('^'),
    endRight: index.single.r.get('$'),
    endRight2: index.single.R.get('$'),
    fn: named('$function'),
    lex: CATEGORIES.map((c) => named(`$lex-${c}`)),
    near: CATEGORIES.map((c) => named(`$near-${c}`)),
    ws: named('$ws'),
    like: named('$like'),
    nearLike: named('$near-like'),
    nearWs: named('$near-ws'),
    cmtLike: named('$cmt-like'),
    cmtWs: named('$cmt-ws'),
    cmtLex: named('$cmt-lex'),
    cmtLen: named('$cmt-len'),
    topLike: named('$top-like'),
    topWs: named('$top-ws'),
    topLex: named('$top-lex'),
    sentLike: named('$sent-like'),
    sentLex: named('$sent-lex'),
    sentYou: named('$sent-you'),
    topDist: [undefined, named('$top-d1'), named('$top-d2'), named('$top-d3')],
    cmtScore: named('$cmt-score'),
    cmtScoreLike: named('$cmt-score-like'),
  };
}

/** `s` plus a present feature's `weight * value` (nothing for a feature without weight or a zero value, as `predict` skips them). */
const add = (s: number, w: number | undefined, v: number): number => (w !== undefined && v !== 0 ? s + w * v : s);

const lexTop = (r: WordReading): number => Math.max(r.lex.insult, r.lex.profanity, r.lex.identityAttack, r.lex.threat, r.lex.toxicity);

/** One lexicon category's two terms: the word's own weight (`$lex-...`) and its neighbours' highest (`$near-...`). */
const lexTerms = (s: number, lexW: number | undefined, nearW: number | undefined, own: number, left: number, right: number): number => {
  if (own > 0) s = add(s, lexW, own);
  const near = Math.max(left, right);
  return near > 0 ? add(s, nearW, near) : s;
};

/**
 * `predict(model, spanFeatures(readings, k, context))[0]` for every word k, or 0 where `skip(k)` says so (the
 * caller's words that are never highlighted). Adds each present feature's `weight * value` to the bias in the
 * order `spanFeatures` lists them, skipping zero values as it does, so the sums are bit for bit the same.
 */
export function spanScores(model: LinearModel, readings: readonly WordReading[], context: SpanReading, skip: (k: number) => boolean = () => false): number[] {
  const ix = indexOf(model);
  const n = readings.length;
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
  const fx = ix.fixed;
  const cmtLen = Math.log1p(context.plain) / 5;
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
      for (let g = 0; g < grams.length; g++) s = add(s, ix.single.c.get(grams[g]!), v);
    } else s = add(s, fx.fn, 1);
    s = add(s, k > 0 ? asLeft[k - 1] : fx.startLeft, 0.5);
    s = add(s, k + 1 < n ? asRight[k + 1] : fx.endRight, 0.5);
    s = add(s, k > 1 ? asLeft2[k - 2] : fx.startLeft2, 0.3);
    s = add(s, k + 2 < n ? asRight2[k + 2] : fx.endRight2, 0.3);
    if (left) s = add(s, before[k], 0.5);
    if (right) s = add(s, after[k], 0.5);
    if (r.mode !== 'plain' || r.target !== null) {
      const use = ix.use[useIndex(r.mode, r.target, content)]!;
      if (r.mode !== 'plain') s = add(s, use[0], 1);
      if (r.target !== null) s = add(s, use[1], 1);
      s = add(s, use[2], 1);
    }
    // The lexicon categories in CATEGORIES order, each by its property (a keyed read by a varying name is slower).
    const lx = r.lex;
    const ll = left?.lex;
    const rl = right?.lex;
    s = lexTerms(s, fx.lex[0], fx.near[0], lx.insult, ll?.insult ?? 0, rl?.insult ?? 0);
    s = lexTerms(s, fx.lex[1], fx.near[1], lx.profanity, ll?.profanity ?? 0, rl?.profanity ?? 0);
    s = lexTerms(s, fx.lex[2], fx.near[2], lx.identityAttack, ll?.identityAttack ?? 0, rl?.identityAttack ?? 0);
    s = lexTerms(s, fx.lex[3], fx.near[3], lx.threat, ll?.threat ?? 0, rl?.threat ?? 0);
    s = lexTerms(s, fx.lex[4], fx.near[4], lx.toxicity, ll?.toxicity ?? 0, rl?.toxicity ?? 0);
    if (r.ws !== 0) s = add(s, fx.ws, r.ws);
    if (r.like !== 0) s = add(s, fx.like, r.like);
    const nearLike = Math.max(left?.like ?? 0, right?.like ?? 0);
    if (nearLike > 0) s = add(s, fx.nearLike, nearLike);
    const nearWs = Math.max(left?.ws ?? 0, right?.ws ?? 0);
    if (nearWs > 0) s = add(s, fx.nearWs, nearWs);
    s = add(s, fx.cmtLike, context.maxLike);
    s = add(s, fx.cmtWs, context.maxWs);
    s = add(s, fx.cmtLex, context.maxLex);
    s = add(s, fx.cmtLen, cmtLen);
    if (r.like > 0 && r.like === context.maxLike) s = add(s, fx.topLike, 1);
    if (r.ws > 0 && r.ws === context.maxWs) s = add(s, fx.topWs, 1);
    const lex = lexTop(r);
    if (lex > 0 && lex === context.maxLex) s = add(s, fx.topLex, 1);
    if (SPAN_CONTEXT_FAMILIES.sentence) {
      s = add(s, fx.sentLike, context.sentLike[k]!);
      s = add(s, fx.sentLex, context.sentLex[k]!);
      if (context.sentYou[k] && content) s = add(s, fx.sentYou, 1);
    }
    if (SPAN_CONTEXT_FAMILIES.top) {
      const d = context.topDist[k]!;
      if (d > 0 && d <= 3) s = add(s, fx.topDist[d], 1);
    }
    if (SPAN_CONTEXT_FAMILIES.score && cs !== undefined && cs !== 0 && content) {
      s = add(s, fx.cmtScore, cs);
      if (r.like !== 0) s = add(s, fx.cmtScoreLike, cs * r.like);
    }
    out[k] = 1 / (1 + Math.exp(-s));
  }
  return out;
}
