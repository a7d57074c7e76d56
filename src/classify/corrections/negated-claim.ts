/**
 * Negated statement: the sentence denies what a candidate asserts ("Nobody watches Sony TVs" against "Sony
 * TVs are watched by ..."): two shared anchors, the denied predicate among them. The negation must scope over
 * what the two share: the predicate the target states (not one it only asks for, "asked the council to exempt"),
 * and words on the same side of it in both (subject or object; a passive turns the sides round), not words that
 * merely recur in another role. A candidate the post does not answer (not the article, not the parent) must share a
 * denied word that is not a very common one.
 */
import { NUMBER_WORDS } from '../../text/number-words.js';
import { isContent, isNegator } from '../../text/word-lists.js';
import { opensNegation, sharedFigure } from './compare.js';
import type { Detector, DetectorContext, DetectorFinding } from './detector.js';
import type { Span } from '../../schema/common.js';
import type { Candidate } from './thread-index.js';
import { indicesOf, type Unit } from './units.js';
import { maxOf, minOf, pushAll } from '../../arrays.js';

const CANDIDATES_LOOKED_AT = 12;

/** Very common words: two sentences sharing only these ("a day's work" / "a working day") speak of nothing in particular together. */
export const GENERAL_WORDS: ReadonlySet<string> = new Set([
  'day', 'time', 'work', 'people', 'person', 'thing', 'stuff', 'way', 'year', 'week', 'month', 'lot', 'life', 'world',
  'place', 'part', 'point', 'good', 'bad', 'new', 'old', 'make', 'get', 'take', 'give', 'come', 'go', 'do', 'use',
  'look', 'want', 'need', 'know', 'say', 'see', 'man', 'woman', 'job',
]);

/** True when word `i` of a sentence is an infinitive ("asked the council to exempt"): the sentence asks, plans or wants it, it does not state it. */
function infinitive(u: Unit, i: number): boolean {
  return i > 0 && u.words[i - 1]!.lower === 'to';
}

/**
 * The denied predicate's occurrences the target states: the word at the same lemma, not an infinitive under
 * another verb ("asked the council to exempt the blocks" states the asking, not the exempting), unless the
 * post's predicate is one too ("nobody to deliver them").
 */
function statedAt(post: Unit, p: number, target: Unit): number[] {
  const at = indicesOf(target, post.lemmas[p]!);
  return infinitive(post, p) ? at : at.filter((q) => !infinitive(target, q));
}

/**
 * True when a word shared by the denial and the target stands on the same side of the shared predicate in both
 * (both after it, as its object or complement, or both before it, as its subject): "can't take ambulances"
 * (ambulances taken) does not deny "ambulances will take patients" (ambulances taking), nor "Nobody asked us whether
 * we can absorb Carver County" the statement "the only hospital in Carver County ... announced".
 */
function sameSide(post: Unit, i: number, p: number, target: Unit, stated: readonly number[]): boolean {
  // A passive turns the sides round: "didn't approve this merger" denies "the merger was approved".
  const side = Math.sign(i - p) * (passive(post, p) ? -1 : 1);
  const at = indicesOf(target, post.lemmas[i]!);
  // A word the target holds only inside a hyphenated compound ("state-run": its content words include "run", its
  // lemmas do not) stands on no side of the predicate.
  if (at.length === 0) return false;
  // The word's occurrence nearest the predicate is the one that goes with it ("ambulance trips ... take about 35
  // minutes and ... add a second ambulance crew": the first).
  return stated.some((q) => {
    const j = at.reduce((a, b) => (Math.abs(b - q) < Math.abs(a - q) ? b : a));
    return Math.sign(j - q) * (passive(target, q) ? -1 : 1) === side;
  });
}

/** Forms of "be" (the negated ones too) that make a following participle passive. */
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't"]);

/**
 * A regular or -en participle ("approved", "taken", "shown") after a form of "be", right after it or with one
 * function word between ("was not approved", "was never approved"): a passive. "is the first school" is no participle.
 */
function passive(u: Unit, i: number): boolean {
  if (!/(?:ed|en|wn)$/.test(u.words[i]!.lower)) return false;
  const be = (k: number): boolean => k >= 0 && BE.has(u.words[k]!.lower);
  return be(i - 1) || (be(i - 2) && !isContent(u.words[i - 1]!) && !DETERMINERS.has(u.words[i - 1]!.lower));
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'its', 'our', 'their']);

const DO_FORMS = new Set(['do', 'does', 'did', 'doing', 'done']);

/**
 * True when a main verb "do" stands between word `p` and the negator before it ("I don't do online banking"): "do" is
 * the denied predicate and `p` begins its object, so the sentence denies no predicate of another sentence that
 * merely names "online banking".
 */
function afterMainDo(u: Unit, p: number): boolean {
  for (let k = p - 1; k >= 0 && !isNegator(u.words[k]!); k--) if (DO_FORMS.has(u.words[k]!.lower)) return true;
  return false;
}

/** Auxiliaries and copulas that stand between a subject and its negator ("The cap was not ...", "It has never ..."). */
const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can',
  'could', 'shall', 'should', 'may', 'might', 'must',
]);

/** Index of the negator word `p` (a denied predicate or value) stands under: the nearest one before it. */
function negatorOf(u: Unit, p: number): number {
  let k = p - 1;
  while (k > 0 && !isNegator(u.words[k]!)) k--;
  return k;
}

/** The most words a subject phrase is read over ("The mall lot": two). */
const SUBJECT_WORDS = 3;

/**
 * The negated clause's subject phrase: the words right before the negator, past auxiliaries only, back to a
 * determiner, clause punctuation or the sentence start ("mall lot" of "The mall lot isn't free", "cap" of "The cap was
 * not introduced"), at most `SUBJECT_WORDS` words, all of them words (no pronoun, no figure); none when a pronoun or
 * "there" stands right before the negator ("there's no ...", "it wasn't ..."). Empty unless it has a content word.
 */
function subjectPhrase(u: Unit, negator: number): number[] {
  let k = negator - 1;
  while (k >= 0 && AUXILIARIES.has(u.words[k]!.lower)) k--;
  const out: number[] = [];
  for (; k >= 0 && out.length < SUBJECT_WORDS; k--) {
    const w = u.words[k]!;
    if (/[,;:.!?]/.test(u.text.slice(w.end, u.words[k + 1]!.start)) || DETERMINERS.has(w.lower)) break;
    if (w.kind !== 'word' || isNegator(w) || NUMBER_WORDS.has(w.lower) || u.described.has(k) || !/^\p{L}+$/u.test(w.text)) return [];
    out.unshift(k);
  }
  return out.some((k) => u.content.has(u.lemmas[k]!)) ? out : [];
}

/**
 * True when the target holds the same subject phrase (word for word, by lemma) before word `before`, as a head: not
 * followed by a content word ("parking" of "parking garages" modifies; "mall lot is" does not).
 */
function phraseIn(post: Unit, phrase: readonly number[], target: Unit, before: number): boolean {
  const lemmas = phrase.map((k) => post.lemmas[k]!);
  for (let j = 0; j + lemmas.length <= before; j++) {
    if (!lemmas.every((l, d) => target.lemmas[j + d] === l)) continue;
    const next = target.words[j + lemmas.length];
    if (!(next !== undefined && isContent(next) && next.kind !== 'number')) return true;
  }
  return false;
}

/**
 * "The vote wasn't 6-1, it was unanimous" against "The board voted 6-1 ...": the negator's first word a figure
 * the target states (any kind but a bare year; a year denied needs its predicate, "wasn't introduced in 2021"), and
 * the clause's subject a content word the target has before that figure. The denied figure is the predicate.
 */
function deniedFigure(post: Unit, target: Unit): DetectorFinding['evidence'][number] | null {
  for (const [vi, v] of post.values.entries()) {
    if (post.personal.has(vi)) continue;
    const first = post.words.findIndex((w) => w.start >= v.span[0]);
    // The value opens the scope: only function words (a determiner, "even") between the negator and it.
    if (!opensNegation(post, first)) continue;
    const negator = negatorOf(post, first);
    const keys = post.keys[vi]!.filter((k) => !k.startsWith('y:'));
    const at = target.values.findIndex((w, ti) => !target.personal.has(ti) && target.keys[ti]!.some((k) => keys.includes(k)));
    if (at < 0) continue;
    const targetFirst = target.words.findIndex((w) => w.start >= target.values[at]!.span[0]);
    const subject = subjectPhrase(post, negator);
    if (subject.length === 0 || !phraseIn(post, subject, target, targetFirst)) continue;
    // A score reads as two amounts ("6-1"): the evidence runs over both.
    let end = v.span[1];
    for (const w of post.values.slice(vi + 1)) if (/^[-\u2013]$/.test(post.text.slice(end, w.span[0]))) end = w.span[1];
    return [post.words[negator]!.start, end];
  }
  return null;
}

function denial(post: Unit, target: Unit, candidate: Candidate, answered: boolean, quoted: boolean): DetectorFinding | null {
  // A negation inside "people who have never ..." describes someone; it denies no statement.
  const scope = [...post.negated].filter((i) => !post.described.has(i));
  // The denied predicate itself (the first content word after the negator) must be one the target states.
  const predicates = [...post.negPred].filter((p) => target.content.has(post.lemmas[p]!) && !afterMainDo(post, p)).map((p) => ({ p, stated: statedAt(post, p, target) })).filter((x) => x.stated.length > 0);
  if (predicates.length === 0) {
    const figure = answered && !target.question ? deniedFigure(post, target) : null;
    return figure ? { target: candidate, cue: 'negated-statement', evidence: [figure], note: 'denies the figure', strength: 0.55 } : null;
  }
  // The negation scopes over what the two share: the predicate, and words that stand in the same place around it
  // in both (its subject or its object). A number word is an amount ("two weeks" / "two high schools"): only
  // `sharedFigure` compares amounts.
  const argument = (i: number): boolean => !NUMBER_WORDS.has(post.words[i]!.lower) && predicates.some(({ p, stated }) => p !== i && post.lemmas[p] !== post.lemmas[i] && sameSide(post, i, p, target, stated));
  const deniedAt = scope.filter((i) => post.content.has(post.lemmas[i]!) && target.content.has(post.lemmas[i]!) && (predicates.some((x) => x.p === i) || argument(i)));
  // The head of the clause's subject, right before the negator, on the same side of the predicate in the target and a
  // head there too ("The mall lot isn't free" / "The mall lot is free"): an anchor, not part of the evidence (that
  // runs from the negator).
  const subjectAt = predicates.flatMap(({ p, stated }) => {
    const phrase = subjectPhrase(post, negatorOf(post, p));
    if (phrase.length === 0 || !phraseIn(post, phrase, target, maxOf(stated))) return [];
    return phrase.filter((i) => post.content.has(post.lemmas[i]!) && target.content.has(post.lemmas[i]!) && argument(i));
  });
  const denied = [...new Set([...deniedAt, ...subjectAt].map((i) => post.lemmas[i]!))];
  const deniedCommon = denied.filter((l) => !post.capital.has(l) && !target.capital.has(l));
  const targetNegated = denied.some((l) => indicesOf(target, l).some((i) => target.negated.has(i)));
  // "£400 for a flood door is not subsidised" vs "a subsidised price of £400": the figure both state is the
  // second anchor when the denied predicate alone is shared; so is a quote of the target above the sentence.
  const anchors = denied.length + (sharedFigure(post, target) ? 1 : 0) + (quoted ? 1 : 0);
  if (anchors < 2 || deniedCommon.length < 1 || targetNegated || deniedAt.length === 0) return null;
  if (!answered && denied.every((l) => GENERAL_WORDS.has(l))) return null;
  let from = minOf(deniedAt);
  while (from > 0 && !isNegator(post.words[from]!)) from--;
  return { target: candidate, cue: 'negated-statement', evidence: [[post.words[from]!.start, post.words[maxOf(deniedAt)]!.end]], note: `denies: ${deniedCommon.join(', ')}`, strength: 0.6 };
}

const PRONOUN_SUBJECTS = new Set(['it', 'that', 'this', 'they', 'he', 'she', 'there']);

/**
 * "It wasn't unanimous." under "... voted unanimously": a short sentence (a pronoun subject, a negated verb, a
 * word or two) denies the parent's sentence that has that word; one shared word is enough, as the reply
 * speaks of nothing else.
 */
function shortDenial(post: Unit, target: Candidate): DetectorFinding | null {
  const words = post.words;
  if (words.length < 3 || words.length > 6 || !PRONOUN_SUBJECTS.has(words[0]!.lower)) return null;
  const negatorAt = words.findIndex((w, i) => i <= 2 && isNegator(w));
  if (negatorAt < 0) return null;
  // The adjective meets its adverb ("unanimous" / "voted unanimously").
  const inTarget = (lemma: string): string | undefined => [lemma, `${lemma}ly`].find((form) => target.unit.content.has(form) && !target.unit.capital.has(form));
  const denied = [...post.negPred].filter((i) => i > negatorAt && inTarget(post.lemmas[i]!) !== undefined);
  if (denied.length === 0 || denied.some((i) => indicesOf(target.unit, inTarget(post.lemmas[i]!)!).some((k) => target.unit.negated.has(k)))) return null;
  return { target, cue: 'negated-statement', evidence: [[words[0]!.start, words[maxOf(denied)]!.end]], note: `denies: ${post.lemmas[denied[0]!]}`, strength: 0.55 };
}

/** Letters and digits only, lower case, words joined by one space: how a quotation is matched to its source. */
const plain = (text: string): string => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * A negation over a quotation ("18 per cent is not 'a fifth'", "it was never \"unanimous\""): the negator, at
 * most one function word, then quoted words; their span (inside the quote marks), or null.
 */
function negatedQuote(u: Unit): Span | null {
  for (const [i, w] of u.words.entries()) {
    if (!isNegator(w) || !u.negated.has(i + 1)) continue;
    const m = /^\s*(?:(\p{L}+)\s+)?['"\u2018\u201c]([^'"\u2018\u2019\u201c\u201d]{3,80})['"\u2019\u201d]/u.exec(u.text.slice(w.end));
    if (!m || (m[1] !== undefined && u.words[i + 1] !== undefined && isContent(u.words[i + 1]!))) continue;
    const start = w.end + m[0].length - 1 - m[2]!.length;
    return [start, start + m[2]!.length];
  }
  return null;
}

/**
 * The article's or the parent's sentence holding, word for word, the quotation a negation scopes over: the
 * sentence the writer quotes to deny (the first such article sentence, the parent's first).
 */
function quotedSource(quote: string, context: DetectorContext): Candidate | null {
  const q = plain(quote);
  // Two words at least: one quoted word ("not 'free'") recurs too loosely to name a sentence.
  if (q.trim().split(' ').length < 2) return null;
  const pool = context.parent ? context.index.sentencesOf(context.parent).map((id) => context.index.cands[id]!) : [];
  pushAll(pool, context.index.cands.filter((c) => c.kind === 'article'));
  return pool.find((c) => !c.unit.question && context.foreign(c) && plain(c.unit.text).includes(q)) ?? null;
}

export const negatedClaim: Detector = {
  id: 'negated-claim',
  find(unit, context) {
    if (unit.future) return [];
    const out: DetectorFinding[] = [];
    // `denial` needs a denied predicate or figure: a sentence without one (most) skips the ranking.
    const candidates = unit.negPred.size > 0 || (unit.negated.size > 0 && unit.values.length > 0) ? context.ranked.slice(0, CANDIDATES_LOOKED_AT) : [];
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
    // A negation over a quotation of the article or the parent denies the sentence quoted.
    const quote = out.length === 0 && unit.negated.size > 0 ? negatedQuote(unit) : null;
    if (quote) {
      const source = quotedSource(unit.text.slice(quote[0], quote[1]), context);
      if (source) return [{ target: source, cue: 'negated-statement', evidence: [quote], note: `denies the quoted words`, strength: 0.55 }];
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
