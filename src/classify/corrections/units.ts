import type { ClaimValue } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';
import { extractValues } from '../claims/values.js';
import { isCapitalised, isContent, isNegator, lemma, tokenize, type Token } from '../claims/tokens.js';
import { SPEECH_VERBS } from '../claims/lexicon.js';

/** A sentence prepared for matching: tokens, content lemmas, values and negation scopes. */
export interface Unit {
  /** Offsets of `text` in the source it was cut from (post text or absolute input). */
  span: Span;
  text: string;
  words: Token[];
  /** Lemma per word (speech verbs become "say"). */
  lemmas: string[];
  /** Content lemmas of the sentence. */
  content: Set<string>;
  /** Content lemmas written with a capital (names) in this sentence. */
  capital: Set<string>;
  values: ClaimValue[];
  /** Indices of words inside a negation scope (the four content words after a negator). */
  negated: Set<number>;
  /** The first two content words of each negation scope: the negated predicate ("help" in "doesn't have to help"). */
  negHead: Set<number>;
  question: boolean;
  future: boolean;
  quoted: boolean;
  speech: boolean;
}

const FUTURE = new Set(['will', "won't", 'wont', 'gonna', 'shall']);
const OPINION_NEG = new Set(['think', 'believe', 'know', 'like', 'care', 'mind', 'agree', 'see', 'understand']);
const EXTRA_STOP = new Set(['since', 'back', 'even', 'already', 'yet', 'instead', 'rather', 'ago', 'today', 'tho', 'though', 'way', 'any', 'anything', 'everyone', 'everything', 'nobody', 'nothing']);

export function makeUnit(text: string, span: Span): Unit {
  const toks = tokenize(text);
  const words = toks.filter((t) => t.kind !== 'punct');
  const lemmas = words.map((t) => (SPEECH_VERBS.has(t.lower) ? 'say' : lemma(t.lower.replace(/\./g, ''))));
  const content = new Set<string>();
  const capital = new Set<string>();
  words.forEach((t, i) => {
    if (!isContent(t) || EXTRA_STOP.has(t.lower) || t.kind === 'number' || isNegator(t)) return;
    content.add(lemmas[i]!);
    if (i > 0 && isCapitalised(t)) capital.add(lemmas[i]!);
  });
  // Negation scopes: up to four content words after a negator, stopping at clause punctuation.
  const negated = new Set<number>();
  const negHead = new Set<number>();
  let quoted = false;
  for (const t of toks) if (t.text === '"' || t.text === '\u201c' || t.text === '\u201d') quoted = true;
  for (let i = 0; i < words.length; i++) {
    if (!isNegator(words[i]!)) continue;
    if (OPINION_NEG.has(words[i + 1]?.lower ?? '')) continue; // "don't think": an opinion frame
    let taken = 0;
    for (let k = i + 1; k < words.length && taken < 4; k++) {
      const gap = text.slice(words[k - 1]!.end, words[k]!.start);
      if (/[,;:.!?]/.test(gap)) break;
      negated.add(k);
      if (isContent(words[k]!)) {
        if (taken < 2) negHead.add(k);
        taken++;
      }
    }
  }
  const lowerSet = new Set(words.map((w) => w.lower));
  return {
    span,
    text,
    words,
    lemmas,
    content,
    capital,
    values: extractValues(text, toks, { entities: false }),
    negated,
    negHead,
    question: text.trimEnd().endsWith('?'),
    future: [...FUTURE].some((f) => lowerSet.has(f)) || words.some((w) => w.lower.endsWith("'ll")),
    quoted,
    speech: lemmas.includes('say'),
  };
}

/** Lower-case content lemmas within `radius` words of a character span (the event a value belongs to). */
export function eventWords(u: Unit, span: Span, radius = 4): Set<string> {
  const out = new Set<string>();
  const at = u.words.findIndex((w) => w.start >= span[0]);
  if (at < 0) return out;
  let end = at;
  while (end < u.words.length && u.words[end]!.end <= span[1]) end++;
  for (let i = Math.max(0, at - radius); i < Math.min(u.words.length, end + radius); i++) {
    if (i >= at && i < end) continue;
    const w = u.words[i]!;
    const l = u.lemmas[i]!;
    if (l === 'say' || (isContent(w) && !isCapitalised(w) && w.kind === 'word' && !EXTRA_STOP.has(w.lower))) out.add(l);
  }
  return out;
}

/** Word indices whose lemma is `l`. */
export function indicesOf(u: Unit, l: string): number[] {
  const out: number[] = [];
  u.lemmas.forEach((x, i) => {
    if (x === l) out.push(i);
  });
  return out;
}
