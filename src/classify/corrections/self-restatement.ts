/**
 * Self-correction by restating: a "Y, not X" whose X stands in the author's own earlier words ("Edit: it was
 * the 12th, not the 11th", "Typo, it was $34, not $43", "the plaque is on the south railing, not the north"),
 * or a sentence pointing at the author's own earlier post ("the number in my first comment") that gives a
 * figure differing from one the author gave there, or a bare figure restating the sentence just before it ("... 40
 * minutes. Oops, 50, ..."). The target is the author's own sentence; no marker word
 * is needed and none is enough: the corrected words must be the author's.
 */
import { comparable, notClause, OWN_POST, type NotClause } from './clauses.js';
import type { Detector, DetectorContext, DetectorFinding, PostSentence } from './detector.js';
import type { Candidate, CorrectionPost } from './thread-index.js';
import { indicesOf, isDateValue, valueKeys, type Unit } from './units.js';
import type { ClaimValue } from '../../schema/classify.js';


function candidate(post: CorrectionPost, sentence: PostSentence): Candidate {
  return { unit: sentence.unit, kind: 'post', post, abs: sentence.abs, seq: -1 };
}

/** The author's sentences before this one: earlier in the same post first (nearest first), then earlier posts. */
function ownSentences(context: DetectorContext): Array<{ post: CorrectionPost; sentence: PostSentence }> {
  const out: Array<{ post: CorrectionPost; sentence: PostSentence }> = [];
  for (let k = context.at - 1; k >= 0; k--) out.push({ post: context.post, sentence: context.sentences[k]! });
  for (const own of context.ownEarlier) for (const sentence of own.sentences) out.push({ post: own.post, sentence });
  return out;
}

/** True when the own sentence states X: shares one of its keys, or has its word (not negated there). */
function statesX(unit: Unit, clause: NotClause, own: Unit): boolean {
  if (clause.xKeys.length > 0 && own.keys.some((keys) => keys.some((k) => clause.xKeys.includes(k)))) return true;
  if (!('word' in clause.x)) return false;
  const word = unit.words[clause.x.word]!;
  // A number word or ordinal the extractor reads as no value ("the 11th") is matched as written.
  if (word.kind === 'number') return own.words.some((w) => w.lower === word.lower);
  return indicesOf(own, unit.lemmas[clause.x.word]!).some((i) => !own.negated.has(i));
}

function restatedNotClause(unit: Unit, context: DetectorContext): DetectorFinding | null {
  const clause = notClause(unit);
  if (!clause) return null;
  for (const { post, sentence } of ownSentences(context)) {
    // A figure stated in a rhetorical question ("went up $43 and now they want us to use less??") is stated all
    // the same; a word is not ("What about emergencies? ... it covers medical needs, not emergencies" restates
    // nothing), nor is a word of the same post (a contrast inside one post is no correction of it).
    const wordOnly = clause.xKeys.length === 0 && 'word' in clause.x && unit.words[clause.x.word]!.kind !== 'number';
    if (wordOnly && (sentence.unit.question || post === context.post)) continue;
    if (!statesX(unit, clause, sentence.unit)) continue;
    const x = 'value' in clause.x ? unit.values[clause.x.value]!.text : unit.words[clause.x.word]!.text;
    const y = clause.yValue !== null ? unit.values[clause.yValue]!.text : null;
    return {
      target: candidate(post, sentence),
      kind: 'self',
      cue: 'self-correction',
      evidence: [clause.span],
      note: y ? `${y}, not ${x}` : `not ${x}`,
      strength: 0.75,
    };
  }
  return null;
}

function isAmount(v: ClaimValue): boolean {
  return v.kind !== 'entity' && !isDateValue(v) && typeof v.value === 'number';
}

/** "Scratch the number in my first comment: it's 4,900 now": a figure that differs from one of the author's own. */
function pointedOwnFigure(unit: Unit, context: DetectorContext): DetectorFinding | null {
  const pointer = OWN_POST.exec(unit.text);
  if (!pointer || context.ownEarlier.length === 0) return null;
  const next = context.sentences[context.at + 1]?.unit;
  for (const probe of next ? [unit, next] : [unit]) {
    for (const [vi, value] of probe.values.entries()) {
      if (value.kind === 'entity') continue;
      const keys = valueKeys(value);
      for (const own of context.ownEarlier) {
        for (const sentence of own.sentences) {
          // Loosely comparable: the author points at the figure, so two amounts (or two dates) are enough.
          const hit = sentence.unit.values.findIndex((w, wi) => (comparable(value, w, unit.paraphrases) || (isAmount(value) && isAmount(w))) && !sentence.unit.keys[wi]!.some((k) => keys.includes(k)));
          if (hit < 0) continue;
          const offset = probe === unit ? 0 : probe.span[0] - unit.span[0];
          return {
            target: candidate(own.post, sentence),
            kind: 'self',
            cue: 'self-correction',
            evidence: [[pointer.index, pointer.index + pointer[0].length], [offset + probe.values[vi]!.span[0], offset + probe.values[vi]!.span[1]]],
            note: `${value.text}, not ${sentence.unit.values[hit]!.text}`,
            strength: 0.7,
          };
        }
      }
    }
  }
  return null;
}

/**
 * "The ferry takes 40 minutes. Oops, 50, I misread the sign": a fragment that is only a figure, opening the
 * sentence (after at most one word and a comma), in a sentence where the writer speaks of themself, right after
 * the author's own sentence with a comparable figure that differs.
 */
const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", 'me', 'my', 'mine', 'myself']);

function elidedOwnFigure(unit: Unit, context: DetectorContext): DetectorFinding | null {
  const before = context.sentences[context.at - 1];
  if (!before || before.unit.question) return null;
  const fragment = /^\s*(?:[^\s,]+,\s*)?((?:[^,]|,(?=\d{3}\b))+?)\s*(?:,(?!\d{3}\b)|$)/d.exec(unit.text)?.indices?.[1];
  if (!fragment) return null;
  // The writer says why ("..., I was thinking of the old boat"): a first person outside the fragment. Without it
  // a label and a figure ("Adults £25. Students, £15, with a card.") list another amount.
  if (!unit.words.some((w) => (w.start < fragment[0] || w.start >= fragment[1]) && FIRST_PERSON.has(w.lower))) return null;
  const vi = unit.values.findIndex((v) => v.span[0] === fragment[0] && v.span[1] === fragment[1]);
  const value = unit.values[vi];
  if (!value || (!isAmount(value) && !isDateValue(value))) return null;
  const keys = valueKeys(value);
  const hit = before.unit.values.findIndex((w, wi) => comparable(value, w, unit.paraphrases) && !before.unit.personal.has(wi) && !before.unit.keys[wi]!.some((k) => keys.includes(k)));
  if (hit < 0) return null;
  return {
    target: candidate(context.post, before),
    kind: 'self',
    cue: 'self-correction',
    evidence: [value.span],
    note: `${value.text}, not ${before.unit.values[hit]!.text}`,
    strength: 0.6,
  };
}

export const selfRestatement: Detector = {
  id: 'self-restatement',
  find(unit, context) {
    const found = restatedNotClause(unit, context) ?? pointedOwnFigure(unit, context) ?? elidedOwnFigure(unit, context);
    return found ? [found] : [];
  },
};
