/**
 * A concession that fixes the writer's own fact: a reply to a post that corrected the writer (or answered the
 * writer's post), which concedes (the acts step's `concession` act: "my bad", "fair enough", "you're right, I ...")
 * and restates a figure that post gives ("Fair enough ... 26 it is." under "Via the bypass it's 26"). It corrects the
 * writer's earlier sentence: a `self` correction aimed at that sentence. A concession with no figure ("Fair enough,
 * I stand corrected") grants a point and restates nothing: `findConcessions` links it, no correction is made.
 */
import type { Correction } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';
import { detectActs } from '../acts/index.js';
import { affinity } from './self.js';
import { postUnits, toAbs, type CorrectionPost } from './thread-index.js';
import type { Paraphrases } from './paraphrase.js';
import type { Unit } from './units.js';
import { parentTerms, takenUpClause, writerTerms } from './taken-up-term.js';

/** Indices of the values of `u` (not about the writer's own life) that a value of `other` states too. */
function restatedValues(u: Unit, other: Unit): number[] {
  const keys = new Set(other.keys.flatMap((ks, i) => (other.personal.has(i) ? [] : ks)));
  return u.keys.flatMap((ks, i) => (!u.personal.has(i) && ks.some((k) => keys.has(k)) ? [i] : []));
}

/** The most words besides the figure a restating fragment has ("OK, $490 million.", "26 it is."). */
const FRAGMENT_EXTRA_WORDS = 2;

/**
 * "OK, $490 million." under the reply that corrected the writer with "The loss was $490 million, not ...": the post
 * opens with a fragment that is the corrector's figure and at most `FRAGMENT_EXTRA_WORDS` other words (no negation,
 * no question), a figure the corrector asserts (not one it denies) and the writer's corrected sentence does not
 * state. Taking up the corrector's figure in so few words concedes it, with no conceding phrase; so this reads only a
 * reply to a post whose correction of the writer was found (`fixed`), not one that merely answered.
 */
function restatedFragment(scope: ConcededScope, parentUnits: ReadonlyArray<{ unit: Unit; abs: Span }>, fixed: Correction, own: CorrectionPost, map: (offset: number) => number, paraphrases?: Paraphrases): Correction | null {
  const first = scope.sentences[0];
  if (!first || fixed.target.kind !== 'post') return null;
  const { unit } = first;
  if (unit.question || unit.negated.size > 0 || unit.values.length === 0) return null;
  const inValue = (w: { start: number; end: number }): boolean => unit.values.some((v) => w.start >= v.span[0] && w.end <= v.span[1]);
  if (unit.words.filter((w) => !inValue(w)).length > FRAGMENT_EXTRA_WORDS) return null;
  const corrected = postUnits(own, paraphrases).find((x) => x.abs[0] === fixed.target.span[0])?.unit;
  for (const { unit: from } of parentUnits) {
    const value = restatedValues(unit, from).find((i) => {
      const keys = unit.keys[i]!;
      // Asserted by the corrector: some occurrence of it there opens no negation and stands outside one.
      const asserted = from.values.some((v, vi) => from.keys[vi]!.some((k) => keys.includes(k)) && !from.negated.has(from.words.findIndex((w) => w.start >= v.span[0])));
      const writers = corrected !== undefined && corrected.keys.some((ks) => ks.some((k) => keys.includes(k)));
      return asserted && !writers;
    });
    if (value === undefined) continue;
    const v = unit.values[value]!;
    const span: Span = [unit.span[0] + v.span[0], unit.span[0] + v.span[1]];
    return {
      kind: 'self',
      target: { kind: 'post', postId: own.id, span: fixed.target.span, text: fixed.target.text },
      evidence: [{ span: toAbs(map, span), text: scope.post.text.slice(span[0], span[1]), cue: 'self-correction' }],
      cue: 'self-correction',
      detector: 'self-marker',
      note: `takes up ${v.text} from the reply that corrected it`,
      confidence: 0.6,
    };
  }
  return null;
}

/** Auxiliaries that put a first-person clause in the past ("I was thinking of", "I had the months mixed up"). "I'd" may be "I would": it counts only before a regular past form ("I'd mixed up"). */
const PAST_AUXILIARIES = new Set(['was', 'had', 'did', 'should', 'must', 'could', 'might']);
/** Adverbs that may stand between "I" and its verb (closed class; "-ly" adverbs too). */
const ADVERBS = new Set(['just', 'only', 'also', 'ever', 'never', 'even', 'still', 'totally', 'completely', 'simply']);

/**
 * The first "I" of the sentence followed, as its next word or after one adverb, by a past auxiliary or a regular
 * past form ("I mixed up", "I missed", "I'd confused"): the writer says what they got wrong. Returns the word
 * span of "I" and that verb (sentence offsets), or null. "I stand corrected" and "I still think" are present: no.
 */
function pastAccount(unit: Unit): Span | null {
  const words = unit.words.map((w) => w.lower);
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== 'i' && words[i] !== "i'd") continue;
    // "I'd" (one word or "I" + "'d") takes the word after it; so does one adverb ("I only ...", "I just ...").
    let k = i + 1;
    const had = words[i] === "i'd" || words[k] === "'d";
    if (words[k] === "'d") k++;
    if (ADVERBS.has(words[k] ?? '') || /^[a-z]{3,}ly$/.test(words[k] ?? '')) k++;
    const w = words[k] ?? '';
    if ((!had && PAST_AUXILIARIES.has(w)) || /^[a-z]{3,}ed$/.test(w)) return [unit.words[i]!.start, unit.words[k]!.end];
    return null;
  }
  return null;
}

/**
 * A concession that restates no figure but says, in a first-person past clause, what the writer got wrong ("You're
 * right, I mixed up the two votes", "Fair enough ... I was remembering the 2015 numbers"), under a reply that
 * corrected or answered the writer: a `self` correction candidate of the writer's sentence the parent's words share
 * most with (the one its correction names, when found), reported with the concession as its marker. The clause must
 * be in the conceding sentence or next to it. "Fair enough, I stand corrected" and "my bad" alone say nothing of
 * what was wrong and stay concessions only. Its strength is lower than a restated figure's: the scorer weighs it.
 */
function accountedSlip(
  scope: ConcededScope,
  concession: Span,
  parentUnits: ReadonlyArray<{ unit: Unit; abs: Span }>,
  fixed: Correction | undefined,
  own: CorrectionPost,
  map: (offset: number) => number,
  paraphrases?: Paraphrases,
): Correction | null {
  const { post, sentences } = scope;
  const at = sentences.findIndex(({ unit }) => unit.span[0] <= concession[0] && concession[0] < unit.span[1]);
  if (at < 0) return null;
  let account: { unit: Unit; span: Span } | null = null;
  for (const { unit } of sentences.slice(Math.max(0, at - 1), at + 2)) {
    if (unit.question) continue;
    const span = pastAccount(unit);
    // The verb outside the conceding words ("I was wrong" is the concession itself, not an account of it; "You're
    // right, I mixed up ..." shares its "I" with the concession).
    if (span && (unit.span[0] + span[1] <= concession[0] || unit.span[0] + span[1] > concession[1])) {
      account = { unit, span: [unit.span[0] + span[0], unit.span[0] + span[1]] };
      break;
    }
  }
  if (!account) return null;
  const target = correctedSentence(fixed, own, parentUnits.map(({ unit }) => unit), paraphrases);
  if (!target) return null;
  const note = `concedes (${post.text.slice(concession[0], concession[1])}) and says what it got wrong (${post.text.slice(account.span[0], account.span[1])})`;
  return selfMarker(own, post.text, target, [concession, account.span], map, note, 0.5);
}

/**
 * The writer's corrected sentence: the one the parent's correction names, else the writer's earlier sentence that
 * shares most with one of `from` (the parent's sentences; first on a tie).
 */
function correctedSentence(fixed: Correction | undefined, own: CorrectionPost, from: readonly Unit[], paraphrases?: Paraphrases): { span: Span; text: string } | null {
  if (fixed) return { span: fixed.target.span, text: fixed.target.text };
  let target: { span: Span; text: string } | null = null;
  let best = 0;
  for (const x of postUnits(own, paraphrases)) {
    for (const unit of from) {
      const score = affinity(unit, x.unit);
      if (score > best) {
        best = score;
        target = { span: x.abs, text: x.unit.text };
      }
    }
  }
  return target;
}

/** A `self-marker` self-correction of the writer's `target` sentence, with its evidence spans (post offsets) in order. */
function selfMarker(own: CorrectionPost, text: string, target: { span: Span; text: string }, spans: Span[], map: (offset: number) => number, note: string, confidence: number): Correction {
  const evidence = [...spans].sort((a, b) => a[0] - b[0]);
  return {
    kind: 'self',
    target: { kind: 'post', postId: own.id, span: target.span, text: target.text },
    evidence: evidence.map((span) => ({ span: toAbs(map, span), text: text.slice(span[0], span[1]), cue: 'self-correction' })),
    cue: 'self-correction',
    detector: 'self-marker',
    note,
    confidence,
  };
}

/** What the corrections pipeline already found for the post (its `PostScope`): read here, not looked up again. */
export interface ConcededScope {
  readonly post: CorrectionPost;
  /** The post's sentences as units. */
  readonly sentences: ReadonlyArray<{ unit: Unit; abs: Span }>;
  /** The parent (the last earlier post with the parent's id). */
  readonly parent: CorrectionPost | undefined;
  /** An earlier post by id (the last with that id). */
  postById(id: string | null): CorrectionPost | undefined;
  /** The corrections found for the earlier posts (post id -> corrections). */
  readonly earlierCorrections: ReadonlyMap<string, readonly Correction[]> | undefined;
}

/** The acts step's `concession` act of a reply read against its parent ("my bad", "fair enough", "you're right, I ..."), if any. */
export function concessionOf(post: CorrectionPost, parent: CorrectionPost): ReturnType<typeof detectActs>[number] | undefined {
  return detectActs(post.text, { parentText: parent.text }).find((a) => a.act === 'concession');
}

/** The self correction a conceding reply makes, or null. */
export function findConcededSelf(scope: ConcededScope, map: (offset: number) => number, paraphrases?: Paraphrases): Correction | null {
  const { post, parent, postById: byId, earlierCorrections } = scope;
  if (post.author === null || post.parentId === null) return null;
  if (!parent || parent.author === null || parent.author === post.author) return null;
  // What the parent corrected of the writer's: the target of its correction of a post of theirs, else the writer's
  // post it answers.
  const fixed = (earlierCorrections?.get(parent.id) ?? []).find((c) => c.target.kind === 'post' && byId(c.target.postId)?.author === post.author);
  const answered = byId(parent.parentId);
  const own = fixed?.target.kind === 'post' ? byId(fixed.target.postId) : answered?.author === post.author ? answered : undefined;
  if (!own) return null;
  // The parent's sentences, read once for the three readings below.
  const parentUnits = postUnits(parent, paraphrases);
  const concession = concessionOf(post, parent);
  const found = concession
    ? concededRestatement(scope, parentUnits, concession, fixed, own, map, paraphrases)
    : fixed ? restatedFragment(scope, parentUnits, fixed, own, map, paraphrases) : null;
  return found ?? takenUpTerm(scope, parentUnits.map(({ unit }) => unit), fixed, own, map, paraphrases);
}

/**
 * "Oh, 14 then" / "ok, allow not require" under the reply that corrected or answered the writer: a clause of the
 * first two sentences takes up the parent's term and adds nothing of its own (`taken-up-term.ts`). A `self`
 * correction of the writer's sentence the parent's correction names, else the one the parent shares most with.
 */
function takenUpTerm(scope: ConcededScope, parentUnits: readonly Unit[], fixed: Correction | undefined, own: CorrectionPost, map: (offset: number) => number, paraphrases?: Paraphrases): Correction | null {
  // A parent whose correction of the writer was not found must deny something ("..., not one stream"): a reply that
  // only adds ("They also want £38 million") is acknowledged, not taken up as a correction.
  if (!fixed && !parentUnits.some((u) => u.negated.size > 0)) return null;
  const theirs = parentTerms(parentUnits);
  const writers = writerTerms(postUnits(own, paraphrases).map(({ unit }) => unit));
  for (const { unit } of scope.sentences.slice(0, TAKEN_UP_SENTENCES)) {
    const clause = takenUpClause(unit, theirs, writers);
    if (!clause) continue;
    const target = correctedSentence(fixed, own, parentUnits, paraphrases);
    if (!target) return null;
    const span: Span = [unit.span[0] + clause[0], unit.span[0] + clause[1]];
    return selfMarker(own, scope.post.text, target, [span], map, `takes up ${scope.post.text.slice(span[0], span[1])} from the reply that answered it`, 0.6);
  }
  return null;
}

/** How many opening sentences of the reply are read for a taken-up term ("Dean, you're right, ... Nine it is."). */
const TAKEN_UP_SENTENCES = 2;

/** The restated figure after a concession, else the concession's account of the slip (the acts step's conceding words, `concession`). */
function concededRestatement(
  scope: ConcededScope,
  parentUnits: ReadonlyArray<{ unit: Unit; abs: Span }>,
  concession: { evidence: { span: Span; text: string } },
  fixed: Correction | undefined,
  own: CorrectionPost,
  map: (offset: number) => number,
  paraphrases?: Paraphrases,
): Correction | null {
  const { post } = scope;
  // The figure the parent gives, restated after the concession or beside it (not inside the conceding words).
  let restated: { unit: Unit; from: Unit; value: number } | null = null;
  for (const { unit } of scope.sentences) {
    if (unit.question) continue;
    for (const { unit: from } of parentUnits) {
      // Value spans are the sentence's; the concession's are the post's.
      const value = restatedValues(unit, from).find((i) => {
        const [start, end] = unit.values[i]!.span;
        return unit.span[0] + end <= concession.evidence.span[0] || unit.span[0] + start >= concession.evidence.span[1];
      });
      if (value !== undefined) {
        restated = { unit, from, value };
        break;
      }
    }
    if (restated) break;
  }
  if (!restated) return accountedSlip(scope, concession.evidence.span, parentUnits, fixed, own, map, paraphrases);
  // The writer's corrected sentence: the one the parent's correction names, else the one the parent's restated
  // sentence shares most with (first on a tie).
  const target = correctedSentence(fixed, own, [restated.from], paraphrases);
  if (!target) return null;
  const value = restated.unit.values[restated.value]!;
  const at = restated.unit.span[0];
  const note = `concedes (${concession.evidence.text}) and restates ${value.text} from the reply that answered it`;
  return selfMarker(own, post.text, target, [concession.evidence.span, [at + value.span[0], at + value.span[1]]], map, note, 0.7);
}
