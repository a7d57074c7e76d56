/**
 * "Y, not X" / "not X but Y": the target is the sentence that says X. A value X (or a bare number that takes
 * Y's month or unit) is looked up among the window's sentences by value; a word X must stand in the parent
 * post or the article next to another shared word. Y equal to X ("15% over three years, not 15% per year")
 * corrects a unit, not a value: no finding.
 */
import { isCapitalised, isContent } from '../../text/word-lists.js';
import { notClause, type NotClause } from './clauses.js';
import { differs } from './compare.js';
import type { Detector, DetectorContext, DetectorFinding } from './detector.js';
import { affinity } from './self.js';
import type { Candidate, IndexWindow, ThreadIndex } from './thread-index.js';
import { indicesOf, isDateValue, type Unit } from './units.js';
import { MONTHS, WEEKDAYS } from '../../text/value-words.js';
import type { Token } from '../../text/tokenize.js';

/** Closed word classes whose members fill the same slot of a claim: a weekday for a weekday, an ordinal for an ordinal. */
export const SLOT_CLASSES: ReadonlyArray<ReadonlySet<string>> = [
  new Set(WEEKDAYS),
  new Set(MONTHS.keys()),
  new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'last']),
];

/**
 * True when Y and X fill the same slot: two members of one closed class (weekdays, months, ordinals), or two
 * names (capitalised words, X not opening the sentence). Words of no class ("a bargain, not a
 * scandal") are not a slot: an opinion, not a correction.
 */
function sameSlot(y: Token, x: Token, xAt: number): boolean {
  const yl = y.lower;
  const xl = x.lower;
  if (yl === xl) return false;
  if (SLOT_CLASSES.some((c) => c.has(yl) && c.has(xl))) return true;
  return xAt > 0 && isCapitalised(x) && isCapitalised(y) && !MONTHS.has(xl) && !MONTHS.has(yl);
}

/**
 * "Franklin, not Theodore." / "It opens Sunday not Saturday." / "Up to fifth, not fourth.": a name, weekday,
 * month or ordinal Y set against another of its kind X, with no other word shared with the sentence saying X.
 * The target is the article sentence or the parent's sentence that says X (not denied, not asked) and not Y.
 */
function slotSwap(sentence: Unit, ranked: readonly Candidate[], parentId: string | null): DetectorFinding | null {
  const w = sentence.words;
  for (let i = 1; i < w.length - 1; i++) {
    if (w[i]!.lower !== 'not') continue;
    let xi = i + 1;
    while (xi < w.length && FILLER_SLOT.has(w[xi]!.lower)) xi++;
    const x = w[xi];
    const y = w[i - 1]!;
    if (!x || x.kind !== 'word' || y.kind !== 'word' || !sameSlot(y, x, xi)) continue;
    const xLemma = sentence.lemmas[xi]!;
    const yLemma = sentence.lemmas[i - 1]!;
    for (const candidate of ranked) {
      if (candidate.kind === 'post' && candidate.post!.id !== parentId) continue;
      if (candidate.unit.question) continue;
      const at = indicesOf(candidate.unit, xLemma);
      if (at.length === 0 || at.some((k) => candidate.unit.negated.has(k)) || indicesOf(candidate.unit, yLemma).length > 0) continue;
      return { target: candidate, cue: 'not-x-but-y', evidence: [[y.start, x.end]], note: `${y.text}, not ${x.text}`, strength: 0.6 };
    }
  }
  return null;
}
const FILLER_SLOT = new Set(['the', 'a', 'an', 'on', 'in']);

/**
 * "Y, not X": a value X is looked up among the window's sentences (the one that says "June 1", not the one
 * that merely shares words); a word X must stand in the parent post or the article, next to a shared word.
 * Y equal to X ("15% over three years, not 15% per year") corrects a unit, not a value: no finding.
 */
function notClauseFinding(
  sentence: Unit,
  clause: NotClause,
  index: ThreadIndex,
  window: IndexWindow,
  best: (ids: Iterable<number>) => Candidate | null,
  ranked: readonly Candidate[],
  parentId: string | null,
): DetectorFinding | null {
  if ('value' in clause.x || clause.xKeys.length > 0) {
    const x = 'value' in clause.x ? sentence.values[clause.x.value]! : null;
    const xText = x ? x.text : sentence.words[(clause.x as { word: number }).word]!.text;
    const y = clause.yValue !== null ? sentence.values[clause.yValue]! : null;
    if (y && x && !differs(y, x)) return null;
    // The most specific key of X: a month-day or month-year before a bare year.
    const key = clause.xKeys.find((k) => k.startsWith('md:')) ?? clause.xKeys.find((k) => k.startsWith('ym:')) ?? clause.xKeys[0];
    if (key === undefined) return null;
    const target = best(index.withValue(key, window));
    if (!target) return null;
    const dates = y !== null && isDateValue(y) && (x === null || isDateValue(x));
    const note = y ? `${y.text}, not ${xText}` : `not ${xText}`;
    return { target, cue: dates ? 'different-date' : 'not-x-but-y', evidence: [clause.span], note, strength: 0.7 };
  }
  if (!('word' in clause.x)) return null;
  const xWord = clause.x.word;
  const xLemma = sentence.lemmas[xWord]!;
  for (const candidate of ranked) {
    if (candidate.kind === 'post' && candidate.post!.id !== parentId) continue;
    const at = indicesOf(candidate.unit, xLemma);
    if (at.length === 0 || at.some((i) => candidate.unit.negated.has(i)) || candidate.unit.question) continue;
    const others = [...sentence.content].filter((lemma) => lemma !== xLemma && candidate.unit.content.has(lemma));
    if (others.length === 0) continue;
    return { target: candidate, cue: 'not-x-but-y', evidence: [clause.span], note: `not ${sentence.words[xWord]!.text}`, strength: 0.6 };
  }
  // "national average, not your town" under "$3.08? Not in my town.": X is the parent's word (even denied
  // there) and Y the article's, which the parent does not use: the reply restores the article's reading.
  const yLemmas = sentence.words.slice(Math.max(0, clause.notAt - 3), clause.notAt).flatMap((word, k) => {
    const at = Math.max(0, clause.notAt - 3) + k;
    return isContent(word) && !isCapitalised(word) && word.kind === 'word' ? [sentence.lemmas[at]!] : [];
  });
  const inArticle = (lemma: string): boolean => {
    for (let i = 0; i < index.articleCount; i++) if (index.cands[i]!.unit.content.has(lemma)) return true;
    return false;
  };
  for (const candidate of ranked) {
    if (candidate.kind !== 'post' || candidate.post!.id !== parentId || candidate.unit.question || indicesOf(candidate.unit, xLemma).length === 0) continue;
    const articleWord = yLemmas.find((lemma) => lemma !== xLemma && !candidate.unit.content.has(lemma) && inArticle(lemma));
    if (articleWord !== undefined) return { target: candidate, cue: 'not-x-but-y', evidence: [clause.span], note: `${articleWord}, as the article says, not ${sentence.words[xWord]!.text}`, strength: 0.55 };
  }
  // "Ten million rows is the benchmark in the notes, not a limit": a figure opening the sentence, said to verbAt
  // *the* Y rather than X, re-reads the sentence that states that figure (found by value). An opinion
  // ("£2.10 is a bargain, not a scandal") has no "is the": no finding.
  const opening = sentence.values[0];
  if (opening && opening.kind !== 'entity' && !isDateValue(opening) && sentence.words[0] !== undefined && opening.span[0] <= sentence.words[0].start && !sentence.personal.has(0)) {
    const verbAt = sentence.words.findIndex((word) => word.start >= opening.span[1] && /^(is|was|are|were)$/.test(word.lower));
    if (verbAt > 0 && verbAt < clause.notAt && sentence.words[verbAt + 1]?.lower === 'the') {
      const target = best(sentence.keys[0]!.flatMap((k) => index.withValue(k, window)));
      if (target) return { target, cue: 'not-x-but-y', evidence: [clause.span], note: `${opening.text} is ${sentence.words[verbAt + 2]?.text ?? ''}, not ${sentence.words[xWord]!.text}`, strength: 0.55 };
    }
  }
  return null;
}


/**
 * "18 lunches a month, not 12" in a reply, with no sentence stating 12: two different values, the corrected one
 * found nowhere, correct the post replied to (its sentence closest to this one, else its first statement).
 */
function unplacedValueCorrection(unit: Unit, clause: NotClause, context: DetectorContext): DetectorFinding | null {
  const parent = context.parent;
  if (!parent || !('value' in clause.x) || clause.yValue === null) return null;
  const x = unit.values[clause.x.value]!;
  const y = unit.values[clause.yValue]!;
  if (!differs(y, x)) return null;
  const statements = context.index.sentencesOf(parent).map((id) => context.index.cands[id]!).filter((c) => context.foreign(c) && !c.unit.question);
  if (statements.length === 0) return null;
  let target = statements[0]!;
  let top = 0;
  for (const candidate of statements) {
    const score = affinity(unit, candidate.unit);
    if (score > top) {
      top = score;
      target = candidate;
    }
  }
  return { target, cue: 'not-x-but-y', evidence: [clause.span], note: `${y.text}, not ${x.text}`, strength: 0.55 };
}

export const notXButY: Detector = {
  id: 'not-x-but-y',
  find(unit, context) {
    const clause = notClause(unit, { contentX: true, bareFigures: true });
    const found = (clause ? notClauseFinding(unit, clause, context.index, context.window, context.best, context.ranked, context.post.parentId) ?? unplacedValueCorrection(unit, clause, context) : null) ?? slotSwap(unit, context.ranked, context.post.parentId);
    return found ? [found] : [];
  },
};
