/**
 * The corrected writer taking up the corrector's term (session 32): "Oh, 14 then" under "it's 14 A-levels now, not
 * 11"; "ok, allow not require, fair enough" under "the guidelines don't require a suspended sentence, they allow one";
 * "Historic England, right, my mistake". A short clause made only of the parent's words, opening with one of them and
 * holding a term the parent asserts that the writer's answered post does not state, is how a reader accepts a
 * correction (uptake), whatever the term is: a figure, a number word, a name, a verb. `conceded-self.ts` reads the
 * restated figure only; this reads any term, and asks that the clause add nothing of its own.
 */
import type { Span } from '../../schema/common.js';
import { isPageChromeSentence } from './chrome-target.js';
import type { Unit } from './units.js';

/** Words that may open the reply before the taken-up term ("ok", "oh", "yeah", "fair", "you're right"): closed class. */
const DISCOURSE = new Set(['ok', 'okay', 'oh', 'ah', 'aha', 'ha', 'yeah', 'yes', 'yep', 'right', 'fair', 'enough', 'fine', 'true', 'well', 'so', "you're", 'youre', 'you', 'are', 'thanks']);
/** Function words a taken-up clause may hold besides the parent's words (closed class; "Nine it is", "450 to the boundary"). */
const FUNCTION = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'at', 'to', 'for', 'from', 'by', 'under', 'over', 'and', 'or', 'not', 'it', 'is', "it's", 'its', 'then', 'just', 'only', 'both']);
/** A word before the clause that makes an echo of the parent's words mockery ("But sure, problem solved"): closed class. */
const MOCKING = new Set(['sure']);
/** The most words (a value counts as one) the clause may have after its opening discourse words. */
const MAX_CLAUSE_WORDS = 5;
/** Clause punctuation between two words. */
const CLAUSE_BREAK = /[,;:.!?()\u2014\u2013]|\s-\s/;

/** What the parent states: its words' lemmas, the lemmas and value keys it asserts (outside a negation). */
export interface ParentTerms {
  readonly words: ReadonlySet<string>;
  readonly asserted: ReadonlySet<string>;
  readonly assertedKeys: ReadonlySet<string>;
  readonly keys: ReadonlySet<string>;
}

/** The terms of the parent's sentences (questions included: a question's words may still be taken up; asserted terms are from statements). */
export function parentTerms(units: readonly Unit[]): ParentTerms {
  const words = new Set<string>();
  const asserted = new Set<string>();
  const assertedKeys = new Set<string>();
  const keys = new Set<string>();
  for (const u of units) {
    const mentions = mentionWords(u);
    u.lemmas.forEach((l, i) => {
      // An @handle of the parent ("Replying to @econ_nerd_ash") names someone: a vocative "ash" takes nothing up.
      if (mentions.has(i)) return;
      words.add(l);
      words.add(u.words[i]!.lower);
      if (!u.question && !u.negated.has(i) && u.content.has(l)) asserted.add(l);
    });
    u.values.forEach((v, vi) => {
      for (const k of u.keys[vi]!) keys.add(k);
      const first = u.words.findIndex((w) => w.start >= v.span[0]);
      if (!u.question && !u.negated.has(first)) for (const k of u.keys[vi]!) assertedKeys.add(k);
    });
  }
  return { words, asserted, assertedKeys, keys };
}

/** What the writer's answered post states: its content lemmas and value keys. */
export interface WriterTerms {
  readonly content: ReadonlySet<string>;
  readonly keys: ReadonlySet<string>;
}

/** The content lemmas and value keys of the writer's sentences. */
export function writerTerms(units: readonly Unit[]): WriterTerms {
  const content = new Set<string>();
  const keys = new Set<string>();
  for (const u of units) {
    for (const l of u.content) content.add(l);
    for (const ks of u.keys) for (const k of ks) keys.add(k);
  }
  return { content, keys };
}

/** An @handle ("@ruthcampion", "@rb_okafor_supporter"): the corrections' word tokens keep its letters, not its "@". */
const MENTION = /@[\p{L}\p{N}_.-]+/gu;

/** The indices of `u`'s words that lie inside an @handle: one pass over the handles and the words together (linear). */
function mentionWords(u: Unit): Set<number> {
  const out = new Set<number>();
  let i = 0;
  for (const m of u.text.matchAll(MENTION)) {
    const end = m.index + m[0].length;
    while (i < u.words.length && u.words[i]!.start < m.index) i++;
    while (i < u.words.length && u.words[i]!.end <= end) out.add(i++);
  }
  return out;
}

/** For each word of `u`, the index of the value it lies in, or -1: values in order of their start, one pass over the words. */
function wordValues(u: Unit): number[] {
  const out = u.words.map(() => -1);
  const order = u.values.map((_, vi) => vi).sort((a, b) => u.values[a]!.span[0] - u.values[b]!.span[0]);
  let i = 0;
  for (const vi of order) {
    const [start, end] = u.values[vi]!.span;
    while (i < u.words.length && u.words[i]!.start < start) i++;
    while (i < u.words.length && u.words[i]!.end <= end) out[i++] = vi;
  }
  return out;
}

/** One item of a clause: a value (its index) or a word (its index), in order. */
type Item = { value: number; word: number } | { value: -1; word: number };

/** The word index ranges of `u`'s clauses, cut at clause punctuation between two words. */
function clauses(u: Unit): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= u.words.length; i++) {
    if (i === u.words.length || CLAUSE_BREAK.test(u.text.slice(u.words[i - 1]!.end, u.words[i]!.start))) {
      if (i > start) out.push([start, i]);
      start = i;
    }
  }
  return out;
}

/**
 * The span (sentence offsets) of a clause of `u` that takes up a term of the parent's the writer did not state, or
 * null. The clause, past leading @handles and discourse words, opens with the parent's term, holds at most
 * `MAX_CLAUSE_WORDS` items (a value counts as one), each a value the parent states, a word the parent writes or a
 * function word, and at least one term the parent asserts that the writer's post lacks.
 */
export function takenUpClause(u: Unit, parent: ParentTerms, writer: WriterTerms): Span | null {
  // A quoted sentence repeats the parent's words as theirs, not as the writer's own.
  if (u.question || u.quoted) return null;
  const mentions = mentionWords(u);
  const valueOf = wordValues(u);
  // "But sure, problem solved": an echo after "sure" mocks the parent's words.
  const mocking = u.words.findIndex((w) => MOCKING.has(w.lower));
  for (const [from, to] of clauses(u)) {
    if (mocking >= 0 && mocking < from) continue;
    let i = from;
    while (i < to && (mentions.has(i) || DISCOURSE.has(u.words[i]!.lower))) i++;
    if (i >= to) continue;
    const items: Item[] = [];
    for (let k = i; k < to && items.length <= MAX_CLAUSE_WORDS; k++) {
      const value = valueOf[k]!;
      if (value >= 0 && items.length > 0 && items[items.length - 1]!.value === value) continue; // a value counts once
      items.push({ value, word: k });
    }
    if (items.length > MAX_CLAUSE_WORDS) continue;
    // A lone word echoed ("LOL", "Obliterated", "adjusted") is an exclamation or a jeer; a lone value taken up ("£3.8m")
    // accepts a figure. A clause in capitals only is a shout.
    if (items.length === 1 && items[0]!.value < 0) continue;
    if (items.every((item) => /^[^\p{Ll}]*$/u.test(u.words[item.word]!.text)) && items.some((item) => /\p{Lu}{2}/u.test(u.words[item.word]!.text))) continue;
    let fresh = false;
    let ok = true;
    items.forEach((item, n) => {
      if (!ok) return;
      const w = u.words[item.word]!;
      if (item.value >= 0) {
        const keys = u.keys[item.value]!;
        if (!keys.some((k) => parent.keys.has(k))) ok = false;
        else if (keys.some((k) => parent.assertedKeys.has(k)) && !keys.some((k) => writer.keys.has(k))) fresh = true;
        return;
      }
      const l = u.lemmas[item.word]!;
      const theirs = parent.words.has(l) || parent.words.has(w.lower);
      // The clause opens with the parent's term, not a function word.
      if (n === 0 && (!theirs || FUNCTION.has(w.lower) || DISCOURSE.has(w.lower))) ok = false;
      else if (!theirs && !FUNCTION.has(w.lower)) ok = false;
      else if (u.content.has(l) && parent.asserted.has(l) && !writer.content.has(l)) fresh = true;
    });
    // A negator before the taken-up term denies it ("not 14"); "allow not require" keeps the term first.
    if (!ok || !fresh) continue;
    // The post's own footer stamp ("12-05 10:15 from Zhejiang Reply") may echo the parent's stamp: chrome, no term;
    // every later clause is in that chrome too (so the check runs once per sentence).
    const at = u.words[i]!.start;
    if (isPageChromeSentence(u.text.slice(at), u.words.slice(i).map((w) => ({ ...w, start: w.start - at, end: w.end - at })))) return null;
    const last = u.words[to - 1]!;
    const lastValue = items[items.length - 1]!.value;
    const end = lastValue >= 0 ? Math.max(last.end, u.values[lastValue]!.span[1]) : last.end;
    const firstValue = items[0]!.value;
    const start = firstValue >= 0 ? Math.min(u.words[i]!.start, u.values[firstValue]!.span[0]) : u.words[i]!.start;
    return [start, end];
  }
  return null;
}
