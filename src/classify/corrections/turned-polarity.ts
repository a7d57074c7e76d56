/**
 * The parent's statement with its polarity turned (session 29, corr29; link C of the session 28 miss table): a reply
 * to someone else's post denies a predicate a sentence of the parent asserts ("The depot never closed" under "They
 * closed the library, the depot and now the clinic"), or asserts one the parent denies ("The board did approve it"
 * under "a plan the board never approved"), and the two sentences share one more word, a participant of the
 * statement, wherever it stands in them. `negated-claim` and `refuting-fact` ask for that participant on the same side
 * of the predicate in both, which the alternations of an ordinary reply break: the object of "they closed X" is the
 * subject of "X never closed", the complement of "nailed it shut" stands after a passive in "it wasn't nailed shut";
 * and `refuting-fact` asks for two lower-case shared words, where the participant of "The board did approve it" is
 * often a name. Read only on the reply's
 * opening sentence, where a reply answers its parent, and only where no detector found anything; reported as
 * `negated-claim` (a denial) or `refuting-fact` (an assertion), so the scorer weighs it as it weighs those detectors'
 * findings (a `link:turned` feature of its own was measured and not kept: the RumourEval rows it reaches weigh it
 * down, docs/corrections.md, session 29). Closed classes only: the negators, the conditional and modal words of
 * `hypotheticalBefore`, the agreement openers.
 */
import { NUMBER_WORDS } from '../../text/number-words.js';
import { isNegator } from '../../text/word-lists.js';
import { AGREE, hypotheticalBefore } from './compare.js';
import type { Detector, DetectorContext, DetectorFinding } from './detector.js';
import { GENERAL_WORDS, infinitive } from './negated-claim.js';
import { ADDITIVE } from './parent-slot.js';
import type { Candidate } from './thread-index.js';
import { indicesOf, type Unit } from './units.js';

/** Words that point the predicate at something besides what the parent named. */
const OTHER = new Set(['else', 'other', 'others']);

/**
 * The fewest letters a shared word has: the content-word test is English, and the two-letter function words of
 * other languages ("de", "lo") pass it.
 */
const MIN_LETTERS = 3;

/** True when a lemma may anchor the pair: a word of three letters or more, not a very common one. */
function anchors(l: string): boolean {
  return l.length >= MIN_LETTERS && !GENERAL_WORDS.has(l);
}

/** True when the word at `i` is a lower-case content word a statement can turn on (not a name, an amount or a very common word). */
function turnable(u: Unit, i: number): boolean {
  const l = u.lemmas[i]!;
  return u.content.has(l) && !u.capital.has(l) && !NUMBER_WORDS.has(u.words[i]!.lower) && anchors(l);
}

/** True when the word at `i` is stated as a fact: not negated, not an infinitive, no condition or modal before it. */
function assertedAt(u: Unit, i: number): boolean {
  return !u.negated.has(i) && !infinitive(u, i) && !hypotheticalBefore(u, i);
}

/** A participant both sentences name besides the predicate (a name counts), or null. */
function participant(reply: Unit, target: Unit, predicate: string): string | null {
  for (const l of reply.content) {
    if (l === predicate || !target.content.has(l) || !anchors(l)) continue;
    const at = indicesOf(reply, l);
    if (at.length > 0 && at.every((i) => NUMBER_WORDS.has(reply.words[i]!.lower))) continue;
    return l;
  }
  return null;
}

/** The reply sentence turns a statement of one parent sentence: a finding, or null (see the module comment). */
function turn(reply: Unit, candidate: Candidate): DetectorFinding | null {
  const target = candidate.unit;
  for (let p = 0; p < reply.words.length; p++) {
    if (!turnable(reply, p)) continue;
    const l = reply.lemmas[p]!;
    const there = indicesOf(target, l);
    if (there.length === 0) continue;
    // The reply denies what the parent asserts.
    const denies = reply.negPred.has(p) && !reply.described.has(p) && there.some((q) => assertedAt(target, q));
    // The reply asserts what the parent denies.
    const asserts = !denies && assertedAt(reply, p) && there.some((q) => target.negPred.has(q));
    if (!denies && !asserts) continue;
    const other = participant(reply, target, l);
    if (other === null) continue;
    let from = p;
    if (denies) while (from > 0 && !isNegator(reply.words[from]!)) from--;
    const evidence: [number, number] = [reply.words[from]!.start, reply.words[p]!.end];
    return denies
      ? { target: candidate, cue: 'negated-statement', evidence: [evidence], note: `denies "${l}" of ${other}, which the post replied to states`, strength: 0.5, detector: 'negated-claim' }
      : { target: candidate, cue: 'refuting-fact', evidence: [evidence], note: `states "${l}" of ${other}, which the post replied to denies`, strength: 0.5, detector: 'refuting-fact' };
  }
  return null;
}

function find(unit: Unit, context: DetectorContext): DetectorFinding[] {
  const { parent, post, index } = context;
  if (!parent || context.at !== 0 || context.found.length > 0 || unit.question || unit.future || unit.quoted) return [];
  if (parent.author !== null && parent.author === post.author) return [];
  if (AGREE.has(unit.words[0]?.lower.replace(/\u2019/g, "'") ?? '')) return [];
  // A sentence adding a fact beside the parent's ("charges for everything else", "also") turns no statement of it.
  if (unit.words.some((w) => ADDITIVE.has(w.lower) || OTHER.has(w.lower))) return [];
  for (const id of index.sentencesOf(parent)) {
    const candidate = index.cands[id]!;
    if (!context.foreign(candidate) || candidate.unit.question) continue;
    const found = turn(unit, candidate);
    if (found) return [found];
  }
  return [];
}

/** The turned-polarity generator; its findings carry the id of `negated-claim` or `refuting-fact`. */
export const turnedPolarity: Detector = { id: 'negated-claim', find };
