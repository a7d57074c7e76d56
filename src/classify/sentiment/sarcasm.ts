/**
 * Sarcasm: cue rules (a mocking opener, "/s", scare quotes, a praise word beside a bad situation ...) and word
 * and emoji features feed a learned detector (sarcasm.model.json, fit on iSarcasmEval tweets whose authors
 * labelled them; scripts/train/train-sarcasm.ts). When it fires, the praise it applies to is read as ironic:
 * a positive sentence or post is flipped to negative and damped, and `sarcasm[]` holds the cue spans that made it
 * fire, so a reader can see why.
 */
import type { Evidence } from '../../schema/common.js';
import type { SentimentResult } from '../../schema/classify.js';
import { featureRows, predictRows, rowsByPrefix, rowWeights, type LinearModel } from '../../learn/model.js';
import type { TextAnalysis } from '../../text/analysis.js';
import { isFunctionWordOnly } from './evidence.js';
import { wordFeatureSpans, type FeatureBag } from './features.js';
import type { Lexicon } from './lexicon.js';
import type { Token } from '../../text/tokenize.js';
import data from './sarcasm.model.json' with { type: 'json' };
import decisionData from './sarcasm-decision.model.json' with { type: 'json' };

/** The shipped sarcasm ranker. */
export const SARCASM_MODEL: LinearModel = data as LinearModel;
/** The shipped decision model over the ranker's logit and its cues, calibrated to iSarcasmEval's share. */
export const SARCASM_DECISION: LinearModel = decisionData as LinearModel;

// Openers that praise with a roll of the eyes: "Oh sure, that will work", "Yeah right", "Oh great, another ...",
// "Sure, because ...". Literal alternations with optional single separators: linear.
const MOCK_OPENER =
  /^(?:oh,? (?:sure|yeah|yes|great|joy|wonderful|brilliant|goody|good|how (?:nice|lovely|wonderful|convenient))|yeah,? right|(?:sure|yeah|right),? because|sure,? (?:that|this|it)(?:'ll|\u2019ll| will) (?:work|help|end well|fix (?:it|everything))|great,? (?:just|another)|what a (?:surprise|shock)|who (?:would have|would've|could have|knew)|color me (?:surprised|shocked)|thanks,? obama)\b/i;
// A praise word, then a mocking form of address at the end: "Brilliant plan, genius".
const MOCK_VOCATIVE = /,\s*(?:genius|einstein|sherlock|champ|smart guy|mastermind|professor|big brain)\s*[.!?]*$/i;
// "/s", the forum sarcasm tag.
const SARCASM_TAG = /(?:^|\s)\/s(?=$|[\s.!])/;
// Interjections of assent that open a sarcastic reply as often as a sincere one ("Sure,", "Yeah."): a closed class.
const ASSENT = new Set(['sure', 'yeah', 'yes', 'yep', 'right', 'oh', 'wow', 'ok', 'okay']);
const OPEN_QUOTE = /["\u201c]$/;
const CLOSE_QUOTE = /^["\u201d]/;
const BREAK = /[:;."(]/;

/**
 * Finds sarcasm cues in one sentence (`sentence` starts at `base` in the analysed text): the rules the detector
 * reads as features. Spans are relative to the analysed text.
 */
export function findSarcasm(sentence: string, base: number, tokens: readonly Token[], lexicon: Lexicon): Evidence[] {
  const out: Evidence[] = [];
  const cue = (from: number, to: number, name: string): void => {
    out.push({ span: [base + from, base + to], text: sentence.slice(from, to), cue: `sarcasm:${name}` });
  };
  const praise = (t: Token): boolean => t.kind === 'word' && (lexicon.word(t.norm) ?? 0) > 0;
  // Openers are read after any leading @-addresses ("@ann Sure, because ...").
  const firstIdx = tokens.findIndex((t) => t.kind !== 'mention' && !(t.kind === 'punct' && /^[,:]$/.test(t.text)));
  const lead = firstIdx >= 0 ? tokens[firstIdx]!.start - base : 0;
  const opener = MOCK_OPENER.exec(sentence.slice(lead));
  if (opener) cue(lead + opener.index, lead + opener.index + opener[0].length, 'mock-opener');
  // A praise or assent word alone before a comma or full stop at the start ("Great. Six more ...", "Sure, fine me
  // $100 ..."): the set-up of most sarcastic replies. Whether it is sarcastic is the model's call.
  const first = firstIdx >= 0 ? tokens[firstIdx] : undefined;
  const after = firstIdx >= 0 ? tokens[firstIdx + 1] : undefined;
  // A praise word followed by more praise and no complaint ("Thanks, great article") is meant: the set-up needs
  // something to be ironic about. An assent word ("Sure, fine me $100 ...") sets up whatever claim follows.
  if (first && after?.kind === 'punct' && /^[,.!]/.test(after.text) && firstIdx + 2 < tokens.length && (ASSENT.has(first.norm) || (praise(first) && !isPraiseOnlyAfter(tokens, firstIdx + 2, lexicon)))) {
    cue(first.start - base, first.end - base, 'praise-opener');
  }

  const vocative = MOCK_VOCATIVE.exec(sentence);
  if (vocative && tokens.some((t) => praise(t) && t.start < base + vocative.index)) {
    let end = vocative.index + vocative[0].length;
    while (end > vocative.index && ' \t.!?'.includes(sentence[end - 1]!)) end--;
    cue(vocative.index + vocative[0].length - vocative[0].slice(1).trimStart().length, end, 'mock-vocative');
  }

  const tag = SARCASM_TAG.exec(sentence);
  if (tag) cue(tag.index + tag[0].indexOf('/'), tag.index + tag[0].indexOf('/') + 2, 'tag');

  // A praise word given a capital in mid-sentence ("I love all this Winning"): mock emphasis. Words next to
  // other capitalised words are names ("Great Britain", "Good Morning America") and do not count.
  const words = tokens.filter((t) => t.kind === 'word');
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!;
    if (!isTitleCase(w.text) || !praise(w)) continue;
    const prev = words[k - 1]!;
    const next = words[k + 1];
    if (isTitleCase(prev.text) || prev.text === prev.text.toUpperCase()) continue;
    if (next && isTitleCase(next.text)) continue;
    // Right after a sentence-internal break (": Great") is a fresh start, not emphasis.
    if (BREAK.test(sentence.slice(prev.end - base, w.start - base))) continue;
    cue(w.start - base, w.end - base, 'mock-capital');
  }

  // Praise in scare quotes: the "leadership" we were promised.
  for (let k = 0; k + 2 < tokens.length; k++) {
    const open = tokens[k]!;
    const word = tokens[k + 1]!;
    const close = tokens[k + 2]!;
    if (open.kind !== 'punct' || close.kind !== 'punct' || word.kind !== 'word') continue;
    if (!OPEN_QUOTE.test(open.text) || !CLOSE_QUOTE.test(close.text)) continue;
    if (praise(word)) cue(open.end - 1 - base, close.start + 1 - base, 'scare-quotes');
  }

  // Praise beside a bad situation in the same sentence ("Love waiting two hours for a bus"): the praise word
  // is the cue; its pairing with a negative word is what makes it ironic.
  // One pass to the first praise word not negated; the complaint scan only when there is one (most sentences have none).
  let firstPraise: Token | undefined;
  for (let k = 0; k < words.length && !firstPraise; k++) if (praise(words[k]!) && !isNegatedBefore(words, k)) firstPraise = words[k];
  if (firstPraise && words.some((t) => t !== firstPraise && (lexicon.word(t.norm) ?? 0) < 0)) cue(firstPraise.start - base, firstPraise.end - base, 'praise-bad-situation');
  return out;
}

/** True when the tokens from `from` on hold praise and no complaint (one pass, read only when the opener needs it). */
function isPraiseOnlyAfter(tokens: readonly Token[], from: number, lexicon: Lexicon): boolean {
  let praise = false;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') continue;
    const v = lexicon.word(t.norm) ?? 0;
    if (v < 0) return false;
    if (v > 0) praise = true;
  }
  return praise;
}

/** True when one of the three words before `words[k]` negates it. */
function isNegatedBefore(words: readonly Token[], k: number): boolean {
  for (let b = 1; b <= 3 && k - b >= 0; b++) {
    const n = words[k - b]!.norm;
    if (n === 'not' || n === 'no' || n === 'never' || n.endsWith('nt')) return true;
  }
  return false;
}

function isTitleCase(word: string): boolean {
  const first = word[0] ?? '';
  const rest = word.slice(1);
  return first !== first.toLowerCase() && rest.length > 1 && rest === rest.toLowerCase();
}

/**
 * The detector's features for `text`: the cue rules (`cue:<name>`), the text's praise and complaint mass, its
 * punctuation habits, and its words and emoji (`w:<feature>`), with spans for evidence. `found`, when given, holds each
 * sentence's `findSarcasm` cues already found by the caller (analyzeSentiment), so the rules run once per sentence.
 */
export function sarcasmFeatures(text: TextAnalysis, lexicon: Lexicon, found?: readonly (readonly Evidence[])[]): FeatureBag {
  return sarcasmBag(text, lexicon, found);
}

/**
 * A feature bag that also keeps each name's parts, for {@link rankerRows}: a word's or n-gram's name is built from a
 * key the word map has already hashed ("w:" + key, "c:" + key), so the model's row is found by that key.
 */
interface SarcasmBag extends FeatureBag {
  /** The name without its `w:`/`c:` prefix, or the whole name. */
  keys: string[];
  /** KIND_WORD (`w:`), KIND_GRAM (`c:`) or KIND_OTHER. */
  kinds: number[];
}

const KIND_OTHER = 0;
const KIND_WORD = 1;
const KIND_GRAM = 2;

function sarcasmBag(text: TextAnalysis, lexicon: Lexicon, found?: readonly (readonly Evidence[])[]): SarcasmBag {
  const tokens = text.tokens;
  const bag: SarcasmBag = { names: [], values: [], spans: [], keys: [], kinds: [] };
  const push = (name: string, value: number, span: [number, number] | null, key = name, kind = KIND_OTHER): void => {
    if (value === 0) return;
    bag.names.push(name);
    bag.values.push(value);
    bag.spans.push(span);
    bag.keys.push(key);
    bag.kinds.push(kind);
  };
  let pos = 0;
  let neg = 0;
  let both = 0;
  const seenCue = new Set<string>();
  for (let si = 0; si < text.sentences.length; si++) {
    const s = text.sentences[si]!;
    const [start, end] = s.span;
    const [from, t] = text.sentenceTokens[si]!;
    const own = tokens.slice(from, t);
    for (const ev of found?.[si] ?? findSarcasm(s.text, start, own, lexicon)) {
      const name = `cue:${ev.cue.slice('sarcasm:'.length)}`;
      if (seenCue.has(name)) continue;
      seenCue.add(name);
      push(name, 1, ev.span);
    }
    let sp = 0;
    let sn = 0;
    for (const tok of own) {
      const v = tok.kind === 'word' ? (lexicon.word(tok.norm) ?? 0) : tok.kind === 'emoji' || tok.kind === 'emoticon' ? (lexicon.emoji(tok.norm.replace(/\uFE0F/g, '')) ?? 0) : 0;
      if (v > 0) sp += v;
      else sn -= v;
    }
    pos += sp;
    neg += sn;
    both += Math.min(sp, sn);
  }
  push('#pos', pos / (pos + 4), null);
  push('#neg', neg / (neg + 4), null);
  push('#both', both / (both + 4), null);
  let caps = 0;
  let hashtags = 0;
  let bangs = 0;
  let ellipsis = 0;
  let questions = 0;
  let quotes = 0;
  let words = 0;
  for (const tok of tokens) {
    if (tok.kind === 'word') {
      words++;
      if (tok.text.length > 2 && tok.text === tok.text.toUpperCase() && tok.text !== tok.text.toLowerCase()) caps++;
    } else if (tok.kind === 'hashtag') hashtags++;
    else if (tok.kind === 'punct') {
      if (tok.text.includes('!')) bangs++;
      if (tok.text.includes('?')) questions++;
      if (tok.text.includes('...') || tok.text.includes('\u2026')) ellipsis++;
      if (/["\u201c\u201d]/.test(tok.text)) quotes++;
    }
  }
  push('#caps', Math.min(1, caps / 2), null);
  push('#hashtag', Math.min(1, hashtags), null);
  push('#bang', Math.min(1, bangs), null);
  push('#question', Math.min(1, questions), null);
  push('#ellipsis', Math.min(1, ellipsis), null);
  push('#quotes', Math.min(1, quotes / 2), null);
  push('#short', words <= 12 ? 1 : 0, null);
  const seen = wordFeatureSpans(tokens, 0, tokens.length);
  const value = seen.size > 0 ? 1 / Math.sqrt(seen.size) : 0;
  for (const [name, span] of seen) push(`w:${name}`, value, span, name, KIND_WORD);
  const grams = charGramSpans(tokens);
  const gramValue = grams.size > 0 ? 1 / Math.sqrt(grams.size) : 0;
  for (const [name, span] of grams) push(`c:${name}`, gramValue, span, name, KIND_GRAM);
  return bag;
}

// Character 4-grams of each word, marked at its edges ("<lov", "ove>"): spelling reaches the forms and coinages a
// word list misses ("sureeee", "loooove", "#blessed"), and a word's stem the model never saw whole. (3- and 4-grams
// together rank no better on iSarcasmEval by 5-fold CV, at twice the features and time.)
const GRAM = 4;

/** The distinct character 4-grams of the words and hashtags (lower case, "#" dropped), each with its first word's span. */
export function charGramSpans(tokens: readonly Token[]): Map<string, [number, number]> {
  const seen = new Map<string, [number, number]>();
  for (const t of tokens) {
    if (t.kind !== 'word' && t.kind !== 'hashtag') continue;
    const w = `<${t.kind === 'hashtag' ? t.lower.slice(1) : t.lower}>`;
    for (let i = 0; i + GRAM <= w.length; i++) {
      const g = w.slice(i, i + GRAM);
      if (!seen.has(g)) seen.set(g, [t.start, t.end]);
    }
  }
  return seen;
}

/**
 * What the detector decided: `none`; `possible` (the decision model's probability, at the register's prior, reaches
 * its cut: the praise it applies to is damped); or `flip` (the ranker's probability reaches the stricter
 * `thresholds.flip` and a cue is a form of saying it, or the author tagged it "/s": praise is read as its opposite).
 */
export type SarcasmLevel = 'none' | 'possible' | 'flip';

/** The detector's reading of a text. */
export interface SarcasmReading {
  /** The ranker's probability (fit class-balanced, so it reads as "how sarcastic it sounds", not a rate; always computed). */
  probability: number;
  /**
   * The decision model's probability that the text is sarcastic, calibrated at the register's prior. Below the cut it
   * may be an upper bound (the cue features are not read when even all of them could not reach the cut).
   */
  decision: number;
  /** The cue spans behind it, strongest first (at most three). */
  cues: Evidence[];
  level: SarcasmLevel;
}

/** How the detector reads a register: its models and the share of sarcastic texts expected there. */
export interface SarcasmOptions {
  /** The decision model over the ranker's logit and its cues (sarcasm-decision.model.json). */
  decision?: LinearModel;
  /**
   * The share of texts expected to be sarcastic where the text comes from (0 < prior < 1). The decision model is
   * calibrated to iSarcasmEval's share (`thresholds.prior`, 0.25: its authors were asked for sarcastic tweets);
   * its logit moves by the difference of the two log-odds (a prior shift, Saerens et al. 2002). The default is
   * `thresholds.commentPrior`: reader comments, where sarcasm is rarer than in that collection.
   */
  prior?: number;
}

/** What the decision model reads of a text: the ranker's probability and its cue spans, and what kind they are. */
export interface SarcasmSignals {
  /** The ranker's probability (sarcasm.model.json). */
  ranker: number;
  /** Shown cue spans, strongest first (at most three). */
  cues: Evidence[];
  /** A cue that pushes the logit by >= MIN_FORM_CUE is a form of saying (a rule cue or an emoji). */
  formed: boolean;
  /** A cue a reader can point at: a rule cue, an emoji or a praise word. */
  felt: boolean;
  /** Praise with nothing to be ironic about: positive feeling words only, no rule cue. */
  praiseOnly: boolean;
  /** The "/s" span, or null. */
  tag: [number, number] | null;
}

/** The ranker's reading of `text` and its cue spans (each feature pushing the logit by >= MIN_CUE). */
export function sarcasmSignals(text: TextAnalysis, lexicon: Lexicon, model: LinearModel = SARCASM_MODEL, found?: readonly (readonly Evidence[])[]): SarcasmSignals {
  const bag = sarcasmBag(text, lexicon, found);
  const rows = rankerRows(model, bag);
  const ranker = predictRows(model, rows, bag.values)[0] ?? 0;
  return signalsOf(text, lexicon, model, bag, rows, ranker);
}

/**
 * The ranker's row of each of the bag's features (-1 for none), each word and n-gram looked up by its key in the
 * model's per-prefix rows instead of by its built name (which would be joined and hashed again). `predictRows` over
 * them is `predictArrays` over the names: the same sums in the same order.
 */
function rankerRows(model: LinearModel, bag: SarcasmBag): Int32Array {
  const full = featureRows(model);
  const words = rowsByPrefix(model, 'w:');
  const grams = rowsByPrefix(model, 'c:');
  const rows = new Int32Array(bag.keys.length);
  for (let k = 0; k < rows.length; k++) {
    const kind = bag.kinds[k]!;
    rows[k] = (kind === KIND_WORD ? words : kind === KIND_GRAM ? grams : full).get(bag.keys[k]!) ?? -1;
  }
  return rows;
}

function signalsOf(text: TextAnalysis, lexicon: Lexicon, model: LinearModel, bag: SarcasmBag, rows: Int32Array, ranker: number): SarcasmSignals {
  const input = text.text;
  const tagAt = bag.names.indexOf('cue:tag');
  const tag = tagAt >= 0 ? bag.spans[tagAt]! : null;
  const cues: Evidence[] = [];
  let formed = false;
  // A reader must be able to point at the irony: a rule cue, an emoji or a praise word among the cues. Topic and
  // complaint words alone ("minister", "wait", "cancelled") are what sarcastic tweets happen to be about, not a way
  // of saying it (and with no praise there is nothing for "possible" to damp). The decision model weighs this.
  let felt = false;
  for (const c of wordContributions(model, bag, rows)) {
    const span = c.span;
    if (!isShownCue(c.feature, input.slice(span[0], span[1]))) continue;
    const cue = `sarcasm:${c.feature.startsWith('cue:') ? c.feature.slice(4) : 'model:' + (c.feature.startsWith('w:') ? c.feature.slice(2) : input.slice(span[0], span[1]).toLowerCase())}`;
    formed ||= c.amount >= MIN_FORM_CUE && isFormCue(cue);
    felt ||= isFormCue(cue) || text.tokens.some((t) => t.start >= span[0] && t.end <= span[1] && t.kind === 'word' && (lexicon.word(t.norm) ?? 0) > 0);
    cues.push({ span, text: input.slice(span[0], span[1]), cue });
    if (cues.length >= MAX_CUES) break;
  }
  // "/s" is the author saying so: it needs no model, and its span is always shown.
  if (tag && !cues.some((c) => c.cue === 'sarcasm:tag')) cues.unshift({ span: tag, text: input.slice(tag[0], tag[1]), cue: 'sarcasm:tag' });
  return { ranker, cues, formed, felt, praiseOnly: isPraiseOnly(bag), tag };
}

/** The decision model's features: the ranker's logit and what its cues are (no cue, a felt cue, a form cue, praise only, "/s"). */
export function decisionFeatures(s: SarcasmSignals): Array<[string, number]> {
  const out: Array<[string, number]> = [['logit', logit(s.ranker)]];
  if (s.cues.length === 0) out.push(['no-cue', 1]);
  if (s.felt) out.push(['felt', 1]);
  if (s.formed) out.push(['formed', 1]);
  if (s.praiseOnly) out.push(['praise-only', 1]);
  if (s.tag) out.push(['tag', 1]);
  return out;
}

/** The log-odds shift from the decision model's training prior to `prior` (0 when either is missing or out of range). */
export function priorShift(decision: LinearModel, prior?: number): number {
  const from = decision.thresholds?.prior;
  const to = prior ?? decision.thresholds?.commentPrior;
  if (from === undefined || to === undefined || !(from > 0 && from < 1 && to > 0 && to < 1)) return 0;
  return Math.log(to / (1 - to)) - Math.log(from / (1 - from));
}

/**
 * The probability that `input` is sarcastic (the decision model's, at the register's prior), the cue spans behind it
 * (strongest first) and the shipped decision. The eval's cross-validation runs this same function with each fold's
 * models, so the figures are the shipped rule's.
 */
export function detectSarcasm(
  text: TextAnalysis,
  lexicon: Lexicon,
  model: LinearModel = SARCASM_MODEL,
  found?: readonly (readonly Evidence[])[],
  options: SarcasmOptions = {},
): SarcasmReading {
  const decision = options.decision ?? SARCASM_DECISION;
  const bag = sarcasmBag(text, lexicon, found);
  const rows = rankerRows(model, bag);
  const ranker = predictRows(model, rows, bag.values)[0] ?? 0;
  const strict = model.thresholds?.flip ?? 0.5;
  const shift = priorShift(decision, options.prior);
  const cut = logit(decision.thresholds?.sarcastic ?? 0.5);
  const hasTag = bag.names.includes('cue:tag');
  // Most texts stop here: without "/s", below the flip threshold, and below the cut even if every cue feature of
  // the decision model were on, nothing is shown, so nothing needs explaining.
  const bound = decisionBound(decision, ranker) + shift;
  if (!hasTag && ranker < strict && bound < cut) return { probability: ranker, decision: sigmoid(bound), cues: [], level: 'none' };
  const signals = signalsOf(text, lexicon, model, bag, rows, ranker);
  const z = decisionLogit(decision, decisionFeatures(signals)) + shift;
  // A word alone ("thanks", "love") is not enough to flip a post: one cue must be a form of saying it (a rule cue
  // or an emoji), which is what a reader would point at.
  let level: SarcasmLevel = 'none';
  if (signals.tag || (ranker >= strict && signals.formed)) level = 'flip';
  else if (z >= cut && signals.cues.length > 0) level = 'possible';
  return { probability: ranker, decision: sigmoid(z), cues: level === 'none' ? [] : signals.cues, level };
}

/** The decision model's logit for `features`. */
function decisionLogit(decision: LinearModel, features: ReadonlyArray<readonly [string, number]>): number {
  let z = decision.bias[0] ?? 0;
  for (const [n, v] of features) z += (decision.weights[n]?.[0] ?? 0) * v;
  return z;
}

/** The decision logit with the ranker's logit and every cue feature that raises it on: an upper bound. */
function decisionBound(decision: LinearModel, ranker: number): number {
  return (decision.bias[0] ?? 0) + (decision.weights.logit?.[0] ?? 0) * logit(ranker) + decisionSlack(decision);
}

const slacks = new WeakMap<LinearModel, number>();

/** The sum of the decision model's positive cue weights (once per model). */
function decisionSlack(decision: LinearModel): number {
  let slack = slacks.get(decision);
  if (slack === undefined) {
    slack = 0;
    for (const [n, w] of Object.entries(decision.weights)) if (n !== 'logit' && (w[0] ?? 0) > 0) slack += w[0]!;
    slacks.set(decision, slack);
  }
  return slack;
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

interface WordContribution {
  feature: string;
  amount: number;
  span: [number, number];
}

/**
 * What each shown feature adds to the logit, with a word's character n-grams (`c:`) summed into one contribution of
 * that word: into its own word feature when one has the same span, else as `c:` with the word's span. Those
 * reaching MIN_CUE, largest first (ties by feature name, then place).
 */
function wordContributions(model: LinearModel, bag: SarcasmBag, rows: Int32Array): WordContribution[] {
  // The rows the ranker found (rankerRows): row r's weight is the JSON row's first, or 0 where it has none.
  const { L, w } = rowWeights(model);
  const grams = new Map<string, WordContribution>();
  const words = new Map<string, WordContribution>();
  const out: WordContribution[] = [];
  for (let k = 0; k < bag.names.length; k++) {
    const name = bag.names[k]!;
    const span = bag.spans[k];
    const r = rows[k]!;
    if (!span || r < 0) continue;
    const amount = w[r * L]! * bag.values[k]!;
    const key = `${span[0]}:${span[1]}`;
    if (bag.kinds[k] === KIND_GRAM) {
      const g = grams.get(key);
      if (g) g.amount += amount;
      else grams.set(key, { feature: 'c:', amount, span });
      continue;
    }
    const c = { feature: name, amount, span };
    out.push(c);
    if (bag.kinds[k] === KIND_WORD && !words.has(key)) words.set(key, c);
  }
  for (const [key, g] of grams) {
    const w = words.get(key);
    if (w) w.amount += g.amount;
    else out.push(g);
  }
  return out.filter((c) => c.amount >= MIN_CUE).sort((a, b) => b.amount - a.amount || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : a.span[0] - b.span[0]));
}

/**
 * Praise with nothing to be ironic about: feeling words on the positive side only and no rule cue ("Thanks for the
 * clear explanation"). Word statistics alone do not make it "possibly sarcastic": tweets thank sarcastically far more
 * often than readers of a comment thread do, and damping sincere praise costs more than missing dry praise.
 */
function isPraiseOnly(bag: FeatureBag): boolean {
  return bag.names.includes('#pos') && !bag.names.includes('#neg') && !bag.names.some((n) => n.startsWith('cue:'));
}

// A shown cue must push the sarcasm logit by at least this much; a form cue that licenses a flip, by MIN_FORM_CUE.
// Word features are valued 1/sqrt(number of words), so in a tweet-length text a typical telling word moves the
// logit by 0.05-0.15: a higher bar would leave most texts the model is sure about without any evidence to show.
const MIN_CUE = 0.05;
const MIN_FORM_CUE = 0.15;
const MAX_CUES = 3;

/** Rule cues always show; a word feature shows unless its text is only function words ("is the"). */
function isShownCue(feature: string, text: string): boolean {
  return feature.startsWith('cue:') || !isFunctionWordOnly(text);
}

/** Flipped praise keeps this share of its strength (sarcastic praise is meant, but less sharply than said). */
const FLIP_DAMPING = 0.5;
/** Praise that is possibly sarcastic keeps this share of its strength, with its sign. */
const POSSIBLE_DAMPING = 0.5;

/**
 * Applies the detector to a literal sentiment result. `flip`: the post and the sentences holding a cue are
 * turned if positive (score x -0.5, a positive label becomes negative). `possible`: their positive scores are
 * damped (x 0.5) and their labels stay (a doubt is not a reading). Either way `sarcasm[]` gets the cues and
 * `sarcasmProbability` the probability. `none`: `sarcasm[]` is empty and nothing changes.
 */
export function applySarcasm(
  literal: SentimentResult,
  text: TextAnalysis,
  lexicon: Lexicon,
  model: LinearModel = SARCASM_MODEL,
  found?: readonly (readonly Evidence[])[],
  options: SarcasmOptions = {},
): SentimentResult {
  const { probability, cues, level } = detectSarcasm(text, lexicon, model, found, options);
  if (level === 'none') return { ...literal, sarcasm: [] };
  const turn = <T extends { label: SentimentResult['label']; score: number }>(x: T): T => {
    if (x.score <= 0 || x.label === 'negative') return x;
    if (level === 'flip') return { ...x, score: round(-FLIP_DAMPING * x.score), label: x.label === 'positive' ? 'negative' : x.label };
    return { ...x, score: round(POSSIBLE_DAMPING * x.score) };
  };
  const sentences = literal.sentences.map((s) => (cues.some((c) => c.span[0] < s.span[1] && c.span[1] > s.span[0]) ? turn(s) : s));
  const post = turn(literal);
  return { ...post, sentences, sarcasm: cues, sarcasmProbability: round(probability), sarcasmLevel: level };
}

/** True for a cue that is a way of saying (a rule cue or an emoji), not a word. */
export function isFormCue(cue: string): boolean {
  if (!cue.startsWith('sarcasm:model:')) return true;
  return !/[\p{L}\p{N}]/u.test(cue.slice('sarcasm:model:'.length));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000 || 0;
}
