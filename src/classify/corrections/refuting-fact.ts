/**
 * Refuting fact: a factual sentence asserts the predicate a candidate negates ("doesn't have to help" against
 * "the law says it must help"), or names a dated instance that was worse where the candidate says never
 * ("never seen flooding like this" against "the 2007 flood was worse"), or a dated instance naming someone where the
 * candidate says nobody ever did it ("No woman has ever led ..." against "X was its president from 1998"), or puts
 * another name in the slot where the article or the parent has one ("It was in Oakland" against "a conference in San
 * Francisco", "Smith scored the winner" against "Jones scored the winner": name-slot.ts; read on any sentence, a
 * name needs no check-worthy figure).
 */
import { isContent } from '../../text/word-lists.js';
import { AGREE, hypotheticalBefore, namesSomeone, sharedWords } from './compare.js';
import type { Detector, DetectorContext, DetectorFinding } from './detector.js';
import type { Span } from '../../schema/common.js';
import type { Candidate } from './thread-index.js';
import { indicesOf, isDateValue, type Unit } from './units.js';
import { nameSlot } from './name-slot.js';

const CANDIDATES_LOOKED_AT = 12;

function assertsNegated(post: Unit, target: Unit, candidate: Candidate): DetectorFinding | null {
  const overlap = sharedWords(post, target);
  const refuted = [...target.negPred].map((i) => target.lemmas[i]!).filter((l) => post.content.has(l) && !target.capital.has(l) && !post.capital.has(l));
  const asserted = (i: number): boolean => !post.negated.has(i) && !hypotheticalBefore(post, i);
  const assertedPlain = refuted.filter((l) => indicesOf(post, l).some(asserted));
  if (assertedPlain.length < 1 || overlap.shared.length < 2 || overlap.common < 2) return null;
  const at = indicesOf(post, assertedPlain[0]!).find(asserted)!;
  const value = post.values.find((v) => /\d/.test(v.text));
  const evidence: Span[] = [[post.words[at]!.start, post.words[at]!.end]];
  if (value) evidence.unshift(value.span);
  return { target: candidate, cue: 'refuting-fact', evidence, note: `states "${assertedPlain[0]}" where the target negates it`, strength: 0.55 };
}

const COMPARATIVES = new Set(['worse', 'bigger', 'higher', 'larger', 'deeper', 'longer', 'greater', 'heavier', 'wetter', 'colder', 'hotter', 'stronger', 'deadlier', 'busier']);

/** "No woman has ever ...", "Nobody has ever ...": a negated subject with "ever" after it, the index of the negator, or -1. */
function noneEver(target: Unit): number {
  const at = target.words.findIndex((w) => NONE.has(w.lower));
  return at >= 0 && target.words.slice(at + 1, at + 5).some((w) => w.lower === 'ever') ? at : -1;
}

const NONE = new Set(['no', 'nobody', 'none']);

function counterexample(post: Unit, target: Unit, candidate: Candidate): DetectorFinding | null {
  let never = target.words.findIndex((w) => w.lower === 'never');
  // "No woman has ever led it" is refuted by any dated instance that names someone, worse or not.
  const none = never < 0 ? noneEver(target) : -1;
  if (never < 0 && none < 0) return null;
  if (never < 0) never = none;
  const comparative = post.words.findIndex((w) => COMPARATIVES.has(w.lower));
  const year = post.values.findIndex((v, vi) => isDateValue(v) && !post.personal.has(vi));
  const instance = none >= 0 && namesSomeone(post) && !post.negated.size;
  if ((comparative < 0 && !instance) || year < 0 || (comparative >= 0 && post.negated.has(comparative))) return null;
  const shared = [...target.negated].filter((i) => i > never && !target.capital.has(target.lemmas[i]!) && indicesOf(post, target.lemmas[i]!).some((k) => !post.negated.has(k) && isContent(post.words[k]!)));
  if (shared.length === 0) return null;
  if (comparative < 0) return { target: candidate, cue: 'refuting-fact', evidence: [post.values[year]!.span], note: 'a dated instance, where the target says nobody ever', strength: 0.5 };
  const word = post.words[comparative]!;
  return { target: candidate, cue: 'refuting-fact', evidence: [post.values[year]!.span, [word.start, word.end]], note: `a dated instance that was ${word.text}, where the target says never`, strength: 0.5 };
}

/** Words that make a claim a superlative or a first: any earlier or bigger instance refutes it. */
const SUPERLATIVES = new Set([
  'first', 'record', 'only', 'ever', 'unprecedented', 'most', 'least', 'best', 'worst', 'largest', 'biggest', 'highest', 'lowest',
  'longest', 'shortest', 'oldest', 'youngest', 'tallest', 'fastest', 'slowest', 'strongest', 'weakest', 'deadliest', 'hottest',
  'coldest', 'wettest', 'driest', 'busiest', 'smallest', 'earliest', 'greatest', 'richest', 'cheapest', 'heaviest', 'newest', 'costliest',
]);

/**
 * "Record? It was higher in 2012." / "First named storm? We had one two weeks ago.": right after an echo
 * question (quotes.ts) that repeats a superlative or "first" of the quoted sentence, a statement with a date,
 * a figure or "ago" names the earlier or bigger instance. An answer with a word of agreement ("..., so that's
 * right") or a question does not.
 */
function echoedSuperlative(unit: Unit, context: DetectorContext): DetectorFinding | null {
  const quoted = context.quoted;
  const echo = context.sentences[context.at - 1]?.unit;
  if (!quoted || !echo || !echo.question || !context.foreign(quoted) || quoted.unit.question || unit.question) return null;
  const word = echo.words.find((w) => SUPERLATIVES.has(w.lower) && quoted.unit.words.some((t) => t.lower === w.lower));
  if (!word) return null;
  // An answer that agrees anywhere ("Tokyo was 22 and Rio 27, so that's right") checks the claim and keeps it.
  if (unit.words.some((w) => AGREE.has(w.lower))) return null;
  const value = unit.values.find((v, vi) => /\d/.test(v.text) && !unit.personal.has(vi));
  const ago = unit.words.find((w) => w.lower === 'ago');
  if (!value && !ago) return null;
  return { target: quoted, cue: 'refuting-fact', evidence: [value ? value.span : [ago!.start, ago!.end]], note: `an earlier or bigger instance, where the target says "${word.text}"`, strength: 0.5 };
}

export const refutingFact: Detector = {
  id: 'refuting-fact',
  find(unit, context) {
    if (unit.future) return [];
    const echoed = echoedSuperlative(unit, context);
    if (echoed) return [echoed];
    const out: DetectorFinding[] = [];
    if (!context.factual) {
      for (const candidate of context.ranked.slice(0, CANDIDATES_LOOKED_AT)) {
        const found = candidate.kind === 'article' || candidate.post!.id === context.post.parentId ? nameSlot(unit, candidate) : null;
        if (found) return [found];
      }
      return [];
    }
    for (const candidate of context.ranked.slice(0, CANDIDATES_LOOKED_AT)) {
      if (candidate.unit.question) continue;
      const answered = candidate.kind === 'article' || candidate.post!.id === context.post.parentId;
      const found = assertsNegated(unit, candidate.unit, candidate) ?? (answered ? (counterexample(unit, candidate.unit, candidate) ?? nameSlot(unit, candidate)) : null);
      if (found) out.push(found);
    }
    return out;
  },
};
