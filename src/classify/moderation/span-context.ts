/**
 * The span model's reading of a word's sentence (since session 24): what the comment-level cues of `spanContext`
 * (features.ts) cannot say. Kept apart from features.ts so the comment model's feature code does not change with it.
 * `spanReading` is the context every span score is read against; `spanFeatures` is the one definition of a word's
 * span features (`wordFeatures` plus the families below), what the span model is fit on and `spanScores` mirrors.
 */
import type { Token } from '../../text/tokenize.js';
import { isContentWord, SECOND_PERSON, spanContext, wordFeatures, type SpanContext, type WordReading } from './features.js';

export interface SpanReading extends SpanContext {
  /** Per word: the highest likeness and lexicon weight among the other plain words of its sentence. */
  sentLike: Float32Array;
  sentLex: Float32Array;
  /** Per word: 1 when its sentence has a plain second-person word ("you", "your", ...). */
  sentYou: Uint8Array;
  /** Per word: its distance in words to the comment's strongest cue when that cue is in the same sentence (0 for the cue itself, or none). */
  topDist: Uint8Array;
  /** The comment model's shown toxicity of the comment, when the caller has it (family `score`, measured in session 24, span-cv only). */
  commentScore?: number;
}

/** Which families `spanFeatures` emits (span-cv's env SPAN_CTX switches them for a measurement). */
export const SPAN_CONTEXT_FAMILIES = { sentence: false, top: false, score: false };

const SENTENCE_END = /[.!?\n]/;
const lexTop = (r: WordReading): number => Math.max(r.lex.insult, r.lex.profanity, r.lex.identityAttack, r.lex.threat, r.lex.toxicity);

/**
 * `spanContext` plus each word's sentence reading (left at zero while the `sentence` and `top` families are both off).
 * `text` and `tokens` are those `readings` were read from: a `.`,
 * `!`, `?` or line break between two words ends a sentence. The comment's strongest cue is the first plain word
 * with the highest lexicon weight, else the highest likeness.
 */
export function spanReading(readings: readonly WordReading[], text: string, tokens: readonly Token[]): SpanReading {
  const n = readings.length;
  const c: SpanReading = { ...spanContext(readings), sentLike: new Float32Array(n), sentLex: new Float32Array(n), sentYou: new Uint8Array(n), topDist: new Uint8Array(n) };
  // Only the sentence and strongest-cue families read the walk below: with both off (as shipped) it is not done.
  if (!SPAN_CONTEXT_FAMILIES.sentence && !SPAN_CONTEXT_FAMILIES.top) return c;
  let top = -1;
  let best = 0;
  readings.forEach((r, k) => {
    if (r.mode !== 'plain') return;
    const v = lexTop(r) > 0 ? 1 + lexTop(r) : r.like;
    if (v > best) {
      best = v;
      top = k;
    }
  });
  let s = 0;
  while (s < n) {
    let e = s + 1;
    while (e < n && !SENTENCE_END.test(text.slice(tokens[readings[e - 1]!.token]!.end, tokens[readings[e]!.token]!.start))) e++;
    // The two highest of each cue in the sentence, so that each word reads the best of the others.
    let like1 = 0;
    let like2 = 0;
    let likeAt = -1;
    let lex1 = 0;
    let lex2 = 0;
    let lexAt = -1;
    let you = 0;
    for (let k = s; k < e; k++) {
      const r = readings[k]!;
      if (r.mode !== 'plain') continue;
      if (SECOND_PERSON.has(r.norm)) you = 1;
      if (r.like > like1) [like2, like1, likeAt] = [like1, r.like, k];
      else if (r.like > like2) like2 = r.like;
      const lex = lexTop(r);
      if (lex > lex1) [lex2, lex1, lexAt] = [lex1, lex, k];
      else if (lex > lex2) lex2 = lex;
    }
    for (let k = s; k < e; k++) {
      c.sentLike[k] = k === likeAt ? like2 : like1;
      c.sentLex[k] = k === lexAt ? lex2 : lex1;
      c.sentYou[k] = you;
      if (top >= s && top < e && k !== top) c.topDist[k] = Math.min(255, Math.abs(k - top));
    }
    s = e;
  }
  return c;
}

/**
 * A word's span features: {@link wordFeatures}, then (when switched on) its sentence's best other cue (`$sent-like`,
 * `$sent-lex`), whether a content word stands in a sentence addressed to the reader (`$sent-you`), and its distance
 * to the comment's strongest cue, one to three words (`$top-d1`..`$top-d3`). `context` is {@link spanReading} of the
 * same readings.
 */
export function spanFeatures(readings: readonly WordReading[], k: number, context: SpanReading): Array<[string, number]> {
  const out = wordFeatures(readings, k, context);
  if (SPAN_CONTEXT_FAMILIES.sentence) {
    if (context.sentLike[k]! !== 0) out.push(['$sent-like', context.sentLike[k]!]);
    if (context.sentLex[k]! !== 0) out.push(['$sent-lex', context.sentLex[k]!]);
    if (context.sentYou[k] === 1 && isContentWord(readings[k]!.norm)) out.push(['$sent-you', 1]);
  }
  if (SPAN_CONTEXT_FAMILIES.top) {
    const d = context.topDist[k]!;
    if (d > 0 && d <= 3) out.push([`$top-d${d}`, 1]);
  }
  // The comment model's reading of the whole comment, on content words, alone and with the word's likeness.
  const cs = context.commentScore;
  if (SPAN_CONTEXT_FAMILIES.score && cs !== undefined && cs !== 0 && isContentWord(readings[k]!.norm)) {
    out.push(['$cmt-score', cs]);
    if (readings[k]!.like !== 0) out.push(['$cmt-score-like', cs * readings[k]!.like]);
  }
  return out;
}
