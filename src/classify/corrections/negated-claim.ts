/**
 * Negated statement: the sentence denies what a candidate asserts ("Nobody watches Sony TVs" against "Sony
 * TVs are watched by ..."): two shared anchors, the denied predicate among them. A candidate the post does not
 * answer (not the article, not the parent) must share a denied word that is not a very common one.
 */
import { isNegator } from '../../text/word-lists.js';
import { sharedFigure } from './compare.js';
import type { Detector, DetectorFinding } from './detector.js';
import type { Candidate } from './thread-index.js';
import { indicesOf, type Unit } from './units.js';

const CANDIDATES_LOOKED_AT = 12;

/** Very common words: two sentences sharing only these ("a day's work" / "a working day") speak of nothing in particular together. */
const GENERAL_WORDS = new Set([
  'day', 'time', 'work', 'people', 'person', 'thing', 'stuff', 'way', 'year', 'week', 'month', 'lot', 'life', 'world',
  'place', 'part', 'point', 'good', 'bad', 'new', 'old', 'make', 'get', 'take', 'give', 'come', 'go', 'do', 'use',
  'look', 'want', 'need', 'know', 'say', 'see', 'man', 'woman', 'job',
]);

function denial(post: Unit, target: Unit, candidate: Candidate, answered: boolean, quoted: boolean): DetectorFinding | null {
  // A negation inside "people who have never ..." describes someone; it denies no statement.
  const scope = [...post.negated].filter((i) => !post.described.has(i));
  const denied = scope.map((i) => post.lemmas[i]!).filter((l) => post.content.has(l) && target.content.has(l));
  const deniedCommon = denied.filter((l) => !post.capital.has(l) && !target.capital.has(l));
  const targetNegated = denied.some((l) => indicesOf(target, l).some((i) => target.negated.has(i)));
  // The denied predicate itself (the first content word after the negator) must be the target's.
  const predicate = [...post.negPred].some((i) => target.content.has(post.lemmas[i]!));
  // "£400 for a flood door is not subsidised" vs "a subsidised price of £400": the figure both state is the
  // second anchor when the denied predicate alone is shared; so is a quote of the target above the sentence.
  const anchors = denied.length + (sharedFigure(post, target) ? 1 : 0) + (quoted ? 1 : 0);
  if (anchors < 2 || deniedCommon.length < 1 || targetNegated || !predicate) return null;
  if (!answered && denied.every((l) => GENERAL_WORDS.has(l))) return null;
  const deniedAt = scope.filter((i) => denied.includes(post.lemmas[i]!));
  let from = Math.min(...deniedAt);
  while (from > 0 && !isNegator(post.words[from]!)) from--;
  return { target: candidate, cue: 'negated-statement', evidence: [[post.words[from]!.start, post.words[Math.max(...deniedAt)]!.end]], note: `denies: ${deniedCommon.join(', ')}`, strength: 0.6 };
}

const PRONOUN_SUBJECTS = new Set(['it', 'that', 'this', 'they', 'he', 'she', 'there']);

/**
 * "It wasn't unanimous." under "... voted unanimously": a short sentence (a pronoun subject, a negated verb, a
 * word or two) denies the parent's sentence that has that word; one shared word is enough, as the reply
 * speaks of nothing else.
 */
function shortDenial(post: Unit, target: Candidate): DetectorFinding | null {
  const words = post.words;
  if (words.length < 3 || words.length > 6 || !PRONOUN_SUBJECTS.has(words[0]!.lower.replace(/\u2019/g, "'"))) return null;
  const negatorAt = words.findIndex((w, i) => i <= 2 && isNegator(w));
  if (negatorAt < 0) return null;
  // The adjective meets its adverb ("unanimous" / "voted unanimously").
  const inTarget = (lemma: string): string | undefined => [lemma, `${lemma}ly`].find((form) => target.unit.content.has(form) && !target.unit.capital.has(form));
  const denied = [...post.negPred].filter((i) => i > negatorAt && inTarget(post.lemmas[i]!) !== undefined);
  if (denied.length === 0 || denied.some((i) => indicesOf(target.unit, inTarget(post.lemmas[i]!)!).some((k) => target.unit.negated.has(k)))) return null;
  return { target, cue: 'negated-statement', evidence: [[words[0]!.start, words[Math.max(...denied)]!.end]], note: `denies: ${post.lemmas[denied[0]!]}`, strength: 0.55 };
}

export const negatedClaim: Detector = {
  id: 'negated-claim',
  find(unit, context) {
    if (unit.future) return [];
    const out: DetectorFinding[] = [];
    // `denial` needs a denied predicate: a sentence without one (most) skips the ranking.
    const candidates = unit.negPred.size > 0 ? context.ranked.slice(0, CANDIDATES_LOOKED_AT) : [];
    for (const candidate of candidates) {
      if (candidate.unit.question) continue;
      const answered = candidate.kind === 'article' || candidate.post!.id === context.post.parentId;
      const found = denial(unit, candidate.unit, candidate, answered, candidate === context.quoted);
      if (found) out.push(found);
    }
    // Right under a quote, a short denial answers the quoted sentence.
    if (out.length === 0 && context.quoted !== null && context.foreign(context.quoted) && !context.quoted.unit.question) {
      const found = shortDenial(unit, context.quoted);
      if (found) return [found];
    }
    if (out.length === 0 && context.parent && context.at === 0) {
      for (const id of context.index.sentencesOf(context.parent)) {
        const candidate = context.index.cands[id]!;
        if (!context.foreign(candidate) || candidate.unit.question) continue;
        const found = shortDenial(unit, candidate);
        if (found) return [found];
      }
    }
    return out;
  },
};
