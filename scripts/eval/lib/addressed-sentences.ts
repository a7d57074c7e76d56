/**
 * A study of session 25 (issue 14, docs/moderation.md "session 25 (mod25)"): comment-model features of the sentences
 * that address a person, for put-downs with no insult word. Measured by scripts/eval/moderation-frames.ts (configurations
 * with `:addr`); they lowered the left-out figures and were not shipped, so they live here and not in features.ts.
 */
import { DEFAULT_LEXICON } from '../../../src/classify/sentiment/lexicon.js';
import { SECOND_PERSON, type WordReading } from '../../../src/classify/moderation/features.js';
import type { Token } from '../../../src/text/tokenize.js';

// Second-person words that open an address: features.ts's SECOND_PERSON with the contractions the tokenizer keeps as
// one word ("you've", "you'd", "you'll"), which SECOND_PERSON lacks (adding them there was measured in session 25,
// mod25b, and not shipped), and "yours".
export const ADDRESS_WORDS: ReadonlySet<string> = new Set([...SECOND_PERSON, 'youve', 'youd', 'youll', 'yours']);
// features.ts's FUNCTION_WORDS (copied: exporting it would change the moderation models' feature hash).
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'a an the this that these those is are was were be been am it its i me my we our he his him she her they them their to of in on at for with by from as and or but so if then than what who which how there here do does did not no just very all some any you your'.split(' '),
);
export const SENTENCE_END = /[.!?\u2026]/;
// The strongest sentiment a word can carry (AFINN / VADER scale -5..5).
const VALENCE_SCALE = 5;

/** Sentiment valence of a word, -1..1 (the sentiment lexicon's VADER ratings first, then AFINN). */
export function valence(norm: string): number {
  const v = DEFAULT_LEXICON.rated?.word(norm) ?? DEFAULT_LEXICON.word(norm) ?? 0;
  return Math.max(-1, Math.min(1, v / VALENCE_SCALE));
}

/**
 * Features of the sentences that address a person (session 25; measured in moderation-frames.ts, not shipped: docs/moderation.md): a sentence holding a plain second-person word
 * ("you", "you've", "your"), an @mention, or a vocative name (a capitalised word standing alone between the sentence
 * start or a comma and a comma or the sentence end: "Tom, you've ...", "Sure, Sully."). A put-down with no insult
 * word is a claim about the addressee's mind, reading or upbringing, or a likening of them to a thing ("you've got the
 * X of a Y"), anywhere in that sentence, which the per-word targets (four words after "you") do not reach. Written:
 * `$addr` (some sentence addresses a person), the largest word score `$addr-ws` and likeness `$addr-like` of its
 * plain content words, their most negative sentiment `$addr-neg` (the sentiment lexicon's VADER ratings, else AFINN,
 * over 5), and `$addr-liken` (the sentence likens something: a content word then "of a/an", or "like a/an").
 */
export function addressedSentences(tokens: readonly Token[], readings: readonly WordReading[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const byToken = new Map<number, WordReading>();
  for (const r of readings) byToken.set(r.token, r);
  let any = false;
  let ws = 0;
  let like = 0;
  let neg = 0;
  let liken = false;
  // The sentence being read.
  let addressed = false;
  let sWs = 0;
  let sLike = 0;
  let sNeg = 0;
  let sLiken = false;
  let prevWord: WordReading | null = null;
  let prevPrevWord: WordReading | null = null;
  let afterBoundary = true; // the last token was the sentence start or a comma
  const close = (): void => {
    if (addressed) {
      any = true;
      ws = Math.max(ws, sWs);
      like = Math.max(like, sLike);
      neg = Math.max(neg, sNeg);
      liken ||= sLiken;
    }
    addressed = false;
    sWs = sLike = sNeg = 0;
    sLiken = false;
    prevWord = prevPrevWord = null;
    afterBoundary = true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct') {
      if (SENTENCE_END.test(t.text)) close();
      else if (t.text.includes(',')) afterBoundary = true;
      continue;
    }
    if (t.kind === 'mention') {
      addressed = true;
      afterBoundary = false;
      continue;
    }
    const r = byToken.get(i);
    if (r === undefined) {
      afterBoundary = false;
      continue;
    }
    if (r.mode === 'plain') {
      if (ADDRESS_WORDS.has(r.norm)) addressed = true;
      // A vocative name: a capitalised word alone between a boundary and a comma or the sentence end.
      const next = tokens[i + 1];
      if (afterBoundary && /^\p{Lu}\p{Ll}/u.test(t.text) && !FUNCTION_WORDS.has(r.norm) && (next === undefined || (next.kind === 'punct' && (next.text.includes(',') || SENTENCE_END.test(next.text))))) addressed = true;
      if (r.target !== 'idea' && !FUNCTION_WORDS.has(r.norm)) {
        sWs = Math.max(sWs, r.ws);
        sLike = Math.max(sLike, r.like);
        const v = valence(r.norm);
        if (v < 0) sNeg = Math.max(sNeg, -v);
      }
      if ((r.norm === 'a' || r.norm === 'an') && prevWord !== null && ((prevWord.norm === 'of' && prevPrevWord !== null && !FUNCTION_WORDS.has(prevPrevWord.norm)) || prevWord.norm === 'like')) sLiken = true;
    }
    prevPrevWord = prevWord;
    prevWord = r;
    afterBoundary = false;
  }
  close();
  if (!any) return out;
  out.push(['$addr', 1]);
  if (ws > 0) out.push(['$addr-ws', ws]);
  if (like > 0) out.push(['$addr-like', like]);
  if (neg > 0) out.push(['$addr-neg', neg]);
  if (liken) out.push(['$addr-liken', 1]);
  return out;
}
