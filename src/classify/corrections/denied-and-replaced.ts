/**
 * A denial and what the reply puts in its place (session 31, corr31): the opening sentence of a reply to someone
 * else's post denies a clause over a word a sentence of the parent states, and the clause right after it, with a
 * pronoun subject standing for the same thing, says what holds instead: "it wasn't nailed shut, it was blocked by a
 * bin store" under "a man who nailed the fire escape shut"; "the rules don't require a fine, they allow one" under
 * "the rules say fine him". The replacement clause is the cue a bare denial lacks (corr29's turned polarity, which
 * asked only for a second shared word, flagged 13 of 14 real replies wrongly): a writer who denies and restates the
 * fact corrects it, one who only denies may be disagreeing. Read only where no detector found anything, on the
 * opening sentence (a reply answers its parent there), and reported as `negated-claim` (cue `negated-statement`), so
 * the scorer weighs it as it weighs that detector's findings. Closed classes only: the negators, subject pronouns,
 * first-person words, clause punctuation, agreement and additive openers.
 */
import { NUMBER_WORDS } from '../../text/number-words.js';
import { isNegator } from '../../text/word-lists.js';
import type { Span } from '../../schema/common.js';
import { AGREE, hypotheticalBefore } from './compare.js';
import type { Detector, DetectorContext, DetectorFinding } from './detector.js';
import { GENERAL_WORDS } from './negated-claim.js';
import { ADDITIVE } from './parent-slot.js';
import type { Candidate } from './thread-index.js';
import type { Unit } from './units.js';

/** Subject pronouns that open a replacement clause, standing for what the denied clause spoke of. */
const STAND_INS = new Set(['it', 'they', 'he', 'she', 'that', 'this', 'these', 'those', 'there']);
/** Words a replacement clause may open with before its subject ("but it was ..."). */
const LEADS = new Set(['but', 'just', 'and']);
/** First-person words: a denial about the writer's own life ("I don't drive, I take the bus") corrects nobody. */
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'me', 'my', 'we', 'us', 'our']);
/** First-person singular words: a sentence telling the writer's own life ("Saw my first gig there") is no claim a reply corrects. */
const OWN_LIFE = new Set(['i', 'im', 'ive', 'me', 'my', 'mine', 'myself']);
/** Negators that open no denial of a fact (a condition, an opinion frame). */
const NOT_DENIALS = new Set(['without']);
/** Verbs of necessity: "doesn't have to be", "needn't": a denied necessity states no fact of the event. */
const NECESSITY = new Set(['have', 'has', 'had', 'need', 'needs', 'got']);
/** The fewest letters a shared word has (the content-word test is English; "de", "lo" pass it). */
const MIN_LETTERS = 3;

/** The word with its clitic cut ("it's" -> "it", "they're" -> "they"). */
function bare(lower: string): string {
  const cut = lower.search(/['\u2019]/);
  return cut < 0 ? lower : lower.slice(0, cut);
}

/** Word index ranges `[from, to]` of the sentence's clauses: cut at clause punctuation between words and before "but". */
export function clausesOf(u: Unit): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let k = 1; k <= u.words.length; k++) {
    const cut = k === u.words.length || /[,;:\u2013\u2014(]|\s-\s/.test(u.text.slice(u.words[k - 1]!.end, u.words[k]!.start)) || u.words[k]!.lower === 'but';
    if (!cut) continue;
    out.push([from, k - 1]);
    from = k;
  }
  return out;
}

/** True when a clause is only a name or two (a vocative, "Dennis", "Mark Allen") or an @handle. */
function vocative(u: Unit, [from, to]: [number, number]): boolean {
  if (to - from > 2) return false;
  for (let k = from; k <= to; k++) {
    const w = u.words[k]!;
    if (!/^\p{Lu}/u.test(w.text) && !handle(u, k)) return false;
  }
  return true;
}

/** The negator that makes a clause a denial of a fact, or -1: not an opinion frame, not "without", not in a relative clause about people. */
function denialIn(u: Unit, [from, to]: [number, number]): number {
  for (let k = from; k <= to; k++) {
    const w = u.words[k]!;
    if (!isNegator(w) || NOT_DENIALS.has(w.lower)) continue;
    // A negator ending its clause ("voted no", "for sure not") has no scope to read: an answer, not a denied statement.
    if (k === to || u.described.has(k + 1) || !u.negated.has(k + 1)) return -1;
    if (hypotheticalBefore(u, k)) return -1;
    if (NECESSITY.has(u.words[k + 1]?.lower ?? '') && u.words[k + 2]?.lower === 'to') return -1;
    return k;
  }
  return -1;
}

/** True when a clause states something instead: no negator, a subject pronoun (after "but") and a word after it. */
function replaces(u: Unit, [from, to]: [number, number]): boolean {
  let k = from;
  if (LEADS.has(u.words[k]!.lower)) k++;
  if (k >= to || !STAND_INS.has(bare(u.words[k]!.lower))) return false;
  for (let j = from; j <= to; j++) if (isNegator(u.words[j]!)) return false;
  return true;
}

/** True when the word at `i` is an @handle: an address, not a word of the statement. */
function handle(u: Unit, i: number): boolean {
  return u.text[u.words[i]!.start - 1] === '@';
}

/** True when the word at `i` may anchor the pair: a lower-case content word of three letters or more, not a very common one, an amount or an @handle. */
function anchors(u: Unit, i: number): boolean {
  const l = u.lemmas[i]!;
  return !handle(u, i) && u.content.has(l) && !u.capital.has(l) && l.length >= MIN_LETTERS && !GENERAL_WORDS.has(l) && !NUMBER_WORDS.has(u.words[i]!.lower);
}

/** The words of the denied clause a parent sentence states as a fact (not negated as its predicate, not asked for, not under a modal). */
function statedBy(reply: Unit, [from, to]: [number, number], negator: number, target: Unit): string[] {
  const out: string[] = [];
  for (let k = from; k <= to; k++) {
    if (k === negator || !anchors(reply, k)) continue;
    const l = reply.lemmas[k]!;
    if (out.includes(l)) continue;
    const stated = target.lemmas.some((x, q) => x === l && !handle(target, q) && !target.negPred.has(q) && !(q > 0 && target.words[q - 1]!.lower === 'to') && !hypotheticalBefore(target, q));
    if (stated) out.push(l);
  }
  return out;
}

/** The denial and its replacement in one sentence: `{ denied, replacement, negator }` clause ranges, or null. */
export function deniedAndReplaced(u: Unit): { denied: [number, number]; replacement: [number, number]; negator: number } | null {
  const clauses = clausesOf(u).filter((c) => !vocative(u, c));
  for (let c = 0; c + 1 < clauses.length; c++) {
    const denied = clauses[c]!;
    const negator = denialIn(u, denied);
    if (negator < 0) continue;
    for (let k = denied[0]; k < negator; k++) if (FIRST_PERSON.has(bare(u.words[k]!.lower))) return null;
    const replacement = clauses[c + 1]!;
    return replaces(u, replacement) ? { denied, replacement, negator } : null;
  }
  return null;
}

function find(unit: Unit, context: DetectorContext): DetectorFinding[] {
  const { parent, post, index } = context;
  if (!parent || context.at !== 0 || context.found.length > 0 || unit.question || unit.future || unit.quoted) return [];
  if (parent.author !== null && parent.author === post.author) return [];
  if (unit.words.length === 0 || AGREE.has(bare(unit.words[0]!.lower))) return [];
  // A sentence adding a fact beside the parent's ("also", "too") replaces nothing of it.
  if (unit.words.some((w) => ADDITIVE.has(w.lower))) return [];
  const shape = deniedAndReplaced(unit);
  if (!shape) return [];
  let best: Candidate | null = null;
  let shared: string[] = [];
  for (const id of index.sentencesOf(parent)) {
    const candidate = index.cands[id]!;
    if (!context.foreign(candidate) || candidate.unit.question || candidate.unit.words.some((w) => OWN_LIFE.has(bare(w.lower)))) continue;
    const words = statedBy(unit, shape.denied, shape.negator, candidate.unit);
    if (words.length > shared.length) {
      best = candidate;
      shared = words;
    }
  }
  if (!best) return [];
  const span = ([from, to]: [number, number]): Span => [unit.words[from]!.start, unit.words[to]!.end];
  return [{
    target: best,
    cue: 'negated-statement',
    evidence: [span([shape.negator, shape.denied[1]]), span(shape.replacement)],
    note: `denies "${shared.join('", "')}" of the post replied to and says what holds instead`,
    strength: 0.5,
    detector: 'negated-claim',
  }];
}

/** The denied-and-replaced generator; its findings carry the id of `negated-claim`. */
export const deniedReplaced: Detector = { id: 'negated-claim', find };
