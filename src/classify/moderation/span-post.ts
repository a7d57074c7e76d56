/**
 * The per-post span decision (session 34, docs/moderation.md): how likely SemEval-2021's raters would mark something
 * in a comment at all, from what `moderate` knows once the span model has scored its words. A logistic regression over
 * `postFeatures`, fit on span-cv's pooled held-out scores (scripts/eval/moderation-span-cv.ts, every text scored by a
 * fold model that did not see it); its weights would be `post.<name>` in `spans.model.json`'s `thresholds`.
 * Not shipped (its bar was missed by 0.0008), so the library does not import it: span-cv and section 20 read it, and
 * `highlight`'s rule that would apply it is kept as scripts/study/span34-highlight.patch (`git apply` it to time or
 * ship a decision; it kept the package over its size budget while inert).
 */
import type { Token } from '../../text/tokenize.js';
import { SECOND_PERSON, type WordReading } from './features.js';
import { maxOf } from '../../arrays.js';

/** The features' names, in `postFeatures`' order (the weights are `post.<name>`). */
export const POST_FEATURES = [
  'bias',
  'best',
  'second',
  'n30',
  'n45',
  'share30',
  'length',
  'toxicity',
  'strongest',
  'insult',
  'profanity',
  'identityAttack',
  'threat',
  'distinct30',
  'distinct45',
  'you',
  'bestYouSentence',
  'bestAimed',
  'bestPosition',
  'bestCaps',
  'bestRepeat',
  'sentences',
  'quoted',
  'vetoed',
] as const;
/** span33's nine (measuring only: span-cv compares them with the full set). */
export const POST_FEATURES_NINE = 9;

const SENTENCE_BREAK = /[.!?\n]/;
const logit = (x: number): number => {
  const q = Math.max(1e-4, Math.min(1 - 1e-4, x));
  return Math.log(q / (1 - q));
};

/**
 * The features of one comment. `p`: the span model's word scores (one per reading); `blocked`: the words never shown
 * (a vetoed word, a plain word aimed at an idea), read as 0; `shown`: the five attributes' shown scores in
 * `MODERATION_ATTRIBUTES` order (toxicity, insult, profanity, identity attack, threat).
 */
export function postFeatures(input: string, tokens: readonly Token[], readings: readonly WordReading[], p: ArrayLike<number>, blocked: (k: number) => boolean, shown: readonly number[]): Float64Array {
  const n = readings.length;
  const u = Array.from({ length: n }, (_, k) => (blocked(k) ? 0 : p[k]!));
  const sorted = [...u].sort((a, b) => b - a);
  let best = -1;
  for (let k = 0; k < n; k++) if (best < 0 || u[k]! > u[best]!) best = k;
  const at = (t: number): number => u.filter((x) => x >= t).length;
  const distinct = (t: number): number => new Set(readings.filter((_, k) => u[k]! >= t).map((r) => r.norm)).size;
  // Sentences: a `.`, `!`, `?` or line break between two words ends one.
  const sentence = new Int32Array(n);
  for (let k = 1; k < n; k++) sentence[k] = sentence[k - 1]! + (SENTENCE_BREAK.test(input.slice(tokens[readings[k - 1]!.token]!.end, tokens[readings[k]!.token]!.start)) ? 1 : 0);
  const you = readings.filter((r) => r.mode === 'plain' && SECOND_PERSON.has(r.norm)).length;
  let bestYouSentence = 0;
  let bestAimed = 0;
  let bestCaps = 0;
  let bestRepeat = 0;
  if (best >= 0) {
    const b = readings[best]!;
    bestYouSentence = readings.some((r, k) => sentence[k] === sentence[best] && r.mode === 'plain' && SECOND_PERSON.has(r.norm)) ? 1 : 0;
    bestAimed = b.target === 'you' || b.target === 'named' || b.target === 'group' ? 1 : 0;
    const word = input.slice(tokens[b.token]!.start, tokens[b.token]!.end);
    bestCaps = word.length >= 2 && /[A-Z]/.test(word) && !/[a-z]/.test(word) ? 1 : 0;
    bestRepeat = readings.filter((r) => r.norm === b.norm).length - 1;
  }
  let vetoed = 0;
  for (let k = 0; k < n; k++) if (blocked(k) && readings[k]!.target !== 'idea') vetoed++;
  return Float64Array.from([
    1,
    logit(sorted[0] ?? 0),
    logit(sorted[1] ?? 0),
    Math.log1p(at(0.3)),
    Math.log1p(at(0.45)),
    n ? at(0.3) / n : 0,
    Math.log1p(n),
    logit(shown[0] ?? 0),
    logit(maxOf(shown)),
    logit(shown[1] ?? 0),
    logit(shown[2] ?? 0),
    logit(shown[3] ?? 0),
    logit(shown[4] ?? 0),
    Math.log1p(distinct(0.3)),
    Math.log1p(distinct(0.45)),
    Math.log1p(you),
    bestYouSentence,
    bestAimed,
    n > 1 && best >= 0 ? best / (n - 1) : 0,
    bestCaps,
    Math.log1p(bestRepeat),
    Math.log1p(n ? sentence[n - 1]! + 1 : 0),
    readings.some((r) => r.mode === 'quote') ? 1 : 0,
    Math.log1p(vetoed),
  ]);
}

/** The decision's probability: the logistic of the weights (`post.<name>` in `thresholds`) times the features; missing weights count 0. */
export function postProbability(th: Readonly<Record<string, number>>, x: Float64Array): number {
  let z = 0;
  POST_FEATURES.forEach((name, a) => (z += (th[`post.${name}`] ?? 0) * x[a]!));
  return 1 / (1 + Math.exp(-z));
}
