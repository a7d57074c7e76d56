/**
 * Replies that answer what the parent said: the parent says "X has none" and the reply opens "It has one";
 * the parent says "I thought it was X" and the reply states what X is.
 */
import { lemma } from '../../text/lemma.js';
import { markerAt } from './clauses.js';
import { AGREE } from './compare.js';
import type { Detector, DetectorFinding } from './detector.js';
import type { Candidate } from './thread-index.js';
import type { Unit } from './units.js';

const HAVE = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were']);
const NONE = new Set(['none', 'no', 'nothing', 'zero']);
const SOME = new Set(['one', 'a', 'an', 'some', 'two', 'three', 'several']);

/** The parent says "X has none"; the reply opens with "It has one" (same verb, a positive quantity). */
function answersDenial(sentence: Unit, parentSentences: readonly Candidate[], factual: boolean): DetectorFinding | null {
  const words = sentence.words;
  const at = words.findIndex((t, i) => i < 4 && HAVE.has(t.lower) && words[i + 1] !== undefined && (SOME.has(words[i + 1]!.lower) || words[i + 1]!.kind === 'number'));
  if (at < 0) return null;
  const verb = lemma(words[at]!.lower);
  // The thing the reply says exists ("There is a clawback": "clawback").
  const thing = words[at + 2] !== undefined && words[at + 2]!.kind === 'word' ? sentence.lemmas[at + 2]! : null;
  for (const candidate of parentSentences) {
    const parentWords = candidate.unit.words;
    const deniesVerb = parentWords.some((t, i) => HAVE.has(t.lower) && lemma(t.lower) === verb && NONE.has(parentWords[i + 1]?.lower ?? ''));
    // "No clawback if the team leaves": "no" right before the same thing.
    const deniesThing = thing !== null && parentWords.some((t, i) => NONE.has(t.lower) && (candidate.unit.lemmas[i + 1] === thing || candidate.unit.lemmas[i + 2] === thing));
    if ((deniesVerb && factual) || deniesThing) {
      const end = deniesThing ? at + 2 : at + 1;
      return { target: candidate, cue: 'refuting-fact', evidence: [[words[at]!.start, words[end]!.end]], note: `"${sentence.text.slice(words[at]!.start, words[end]!.end)}" where the post said none`, strength: 0.55 };
    }
  }
  return null;
}

const BELIEFS = ['i thought', 'i believed', 'i assumed', 'i was under the impression', 'i had heard', 'i heard'];

/** The parent says "I thought it was X"; the reply states what X is. */
function answersBelief(sentence: Unit, parentSentences: readonly Candidate[]): DetectorFinding | null {
  for (const candidate of parentSentences) {
    if (markerAt(candidate.unit.text, BELIEFS) === null) continue;
    for (const [valueIndex, keys] of sentence.keys.entries()) {
      if (sentence.personal.has(valueIndex) || !keys.some((k) => candidate.unit.keys.some((targetKeys) => targetKeys.includes(k)))) continue;
      const value = sentence.values[valueIndex]!;
      return { target: candidate, cue: 'refuting-fact', evidence: [value.span], note: `says what ${value.text} is, where the post believed otherwise`, strength: 0.5 };
    }
  }
  return null;
}

export const answersParent: Detector = {
  id: 'answers-parent',
  find(unit, context) {
    const parent = context.parent;
    if (!parent || AGREE.has(context.sentences[0]!.unit.words[0]?.lower ?? '')) return [];
    const parentSentences = context.index.sentencesOf(parent).map((i) => context.index.cands[i]!);
    const found = (context.at === 0 ? answersDenial(unit, parentSentences, context.factual) : null) ?? answersBelief(unit, parentSentences);
    return found ? [found] : [];
  },
};
