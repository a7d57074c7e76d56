/**
 * Features of one (correcting sentence, corrected sentence) pair, for the correction scorer
 * (correction.model.json): which detector fired and how sure it was, how much the two sentences share
 * (values, words, a quotation), the negation and contrast in the post, a hedge, a question, and how the two
 * posts relate (a reply to the target's post, the article, the author's own words).
 */
import type { Correction } from '../../schema/classify.js';
import { isNegator } from '../../text/word-lists.js';
import type { Unit } from './units.js';

/** What a feature set is computed from. */
export interface PairInput {
  detector: string;
  cue: Correction['cue'];
  kind: Correction['kind'];
  /** The detector's own strength, 0..1. */
  strength: number;
  /** The correcting sentence (null when the detector works on the whole post). */
  sentence: Unit | null;
  /** The corrected sentence (null when unknown). */
  target: Unit | null;
  /** True when the post replies to the target's post. */
  repliesToTarget: boolean;
  /** True when the post is a reply at all. */
  isReply: boolean;
  /** How the pair was linked when a generator says so (parent-slot.ts): one `link:` feature each. */
  links?: readonly string[];
}

const CONTRAST = new Set(['but', 'actually', 'instead', 'rather', 'though', 'however', 'wrong', 'incorrect', 'false', 'untrue', 'mistaken']);
const HEDGES = new Set(['think', 'maybe', 'perhaps', 'probably', 'iirc', 'afaik', 'guess', 'believe', 'reckon', 'might']);

function count(values: Iterable<unknown>): number {
  let n = 0;
  for (const _ of values) n++;
  return n;
}

/** Named feature values of a pair (see the module comment). */
export function pairFeatures(pair: PairInput): Array<[string, number]> {
  const out: Array<[string, number]> = [
    [`detector:${pair.detector}`, 1],
    [`cue:${pair.cue}`, 1],
    [`kind:${pair.kind}`, 1],
    ['strength', pair.strength],
  ];
  for (const l of pair.links ?? []) out.push([`link:${l}`, 1]);
  if (pair.repliesToTarget) out.push(['reply:to-target', 1]);
  else if (pair.isReply) out.push(['reply:elsewhere', 1]);
  const sentence = pair.sentence;
  const target = pair.target;
  if (!sentence) return out;
  const words = sentence.words.map((w) => w.lower);
  if (sentence.words.some((w) => isNegator(w))) out.push(['post:negation', 1]);
  if (words.some((w) => CONTRAST.has(w))) out.push(['post:contrast', 1]);
  if (words.some((w) => HEDGES.has(w))) out.push(['post:hedge', 1]);
  if (sentence.values.some((v) => /\d/.test(v.text))) out.push(['post:figure', 1]);
  if (sentence.personal.size > 0) out.push(['post:own-experience', 1]);
  if (sentence.quoted) out.push(['post:quotes', 1]);
  if (sentence.future) out.push(['post:future', 1]);
  out.push(['post:words', Math.min(1, sentence.words.length / 30)]);
  if (!target) return out;
  if (target.question) out.push(['target:question', 1]);
  let sharedWords = 0;
  for (const lemma of sentence.content) if (target.content.has(lemma)) sharedWords++;
  out.push(['shared:words', Math.log1p(sharedWords)]);
  const targetKeys = new Set(target.keys.flat());
  const sharedValues = count(sentence.keys.filter((keys) => keys.some((k) => targetKeys.has(k))));
  if (sharedValues > 0) out.push(['shared:value', 1]);
  if (sentence.values.length > 0 && target.values.length > 0 && sharedValues < sentence.values.length) out.push(['values:differ', 1]);
  // Negation over a word of the target: the post denies what it says.
  if ([...sentence.negated].some((i) => target.content.has(sentence.lemmas[i]!))) out.push(['negation:over-shared', 1]);
  return out;
}
