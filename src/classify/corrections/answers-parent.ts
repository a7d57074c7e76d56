/**
 * Replies that answer what the parent said: the parent says "X has none" and the reply opens "It has one";
 * the parent says "I thought it was X" and the reply states what X is.
 */
import { lemma } from '../claims/tokens.js';
import { markerAt } from './clauses.js';
import { AGREE } from './compare.js';
import type { Detector, DetectorFinding } from './detector.js';
import type { Candidate } from './thread-index.js';
import type { Unit } from './units.js';

const HAVE = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were']);
const NONE = new Set(['none', 'no', 'nothing', 'zero']);
const SOME = new Set(['one', 'a', 'an', 'some', 'two', 'three', 'several']);

/** The parent says "X has none"; the reply opens with "It has one" (same verb, a positive quantity). */
function answersDenial(u: Unit, parentSentences: readonly Candidate[]): DetectorFinding | null {
  const w = u.words;
  const at = w.findIndex((t, i) => i < 4 && HAVE.has(t.lower) && w[i + 1] !== undefined && (SOME.has(w[i + 1]!.lower) || w[i + 1]!.kind === 'number'));
  if (at < 0) return null;
  const verb = lemma(w[at]!.lower);
  for (const c of parentSentences) {
    const pw = c.unit.words;
    if (pw.some((t, i) => HAVE.has(t.lower) && lemma(t.lower) === verb && NONE.has(pw[i + 1]?.lower ?? ''))) {
      return { target: c, cue: 'refuting-fact', evidence: [[w[at]!.start, w[at + 1]!.end]], note: `"${w[at]!.text} ${w[at + 1]!.text}" where the post said none`, strength: 0.55 };
    }
  }
  return null;
}

const BELIEFS = ['i thought', 'i believed', 'i assumed', 'i was under the impression', 'i had heard', 'i heard'];

/** The parent says "I thought it was X"; the reply states what X is. */
function answersBelief(u: Unit, parentSentences: readonly Candidate[]): DetectorFinding | null {
  for (const c of parentSentences) {
    if (markerAt(c.unit.text, BELIEFS) === null) continue;
    for (const [vi, ks] of u.keys.entries()) {
      if (u.personal.has(vi) || !ks.some((k) => c.unit.keys.some((tk) => tk.includes(k)))) continue;
      const v = u.values[vi]!;
      return { target: c, cue: 'refuting-fact', evidence: [v.span], note: `says what ${v.text} is, where the post believed otherwise`, strength: 0.5 };
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
    const found = (context.at === 0 && context.factual ? answersDenial(unit, parentSentences) : null) ?? answersBelief(unit, parentSentences);
    return found ? [found] : [];
  },
};
