/**
 * A value declared right ("So 300 is right", "310,000 was not wrong either") corrects the posts this one
 * answers (parent, grandparent..., three at most, never the author's own) that gave another value. A value the
 * parent denied, stated again as fact ("It's 6-1." under "The vote wasn't 6-1, it was unanimous"), corrects the
 * parent's denial the same way (session 23).
 */
import { comparable, goodVerdict } from './clauses.js';
import { AGREE, differs, hypotheticalBefore, opensNegation } from './compare.js';
import type { Detector, DetectorContext, DetectorFinding } from './detector.js';
import { isDateValue, type Unit } from './units.js';

/** How far up the reply chain a verdict reaches. */
const CHAIN_DEPTH = 3;

/**
 * A sentence's figures, a score or range written with a hyphen read as one ("6-1": two amounts): the first value's
 * index, the comparison key (every part's keys) and the words' span.
 */
function figures(u: Unit): Array<{ at: number; key: string; span: [number, number] }> {
  const out: Array<{ at: number; key: string; span: [number, number] }> = [];
  for (let i = 0; i < u.values.length; i++) {
    if (u.keys[i]!.length === 0) continue;
    const keys = [u.keys[i]!.join('|')];
    const span: [number, number] = [u.values[i]!.span[0], u.values[i]!.span[1]];
    while (i + 1 < u.values.length && /^[-\u2013]$/.test(u.text.slice(span[1], u.values[i + 1]!.span[0]))) span[1] = u.values[++i]!.span[1], keys.push(u.keys[i]!.join('|'));
    out.push({ at: i - keys.length + 1, key: keys.join('/'), span });
  }
  return out;
}

/** Index of the first word at or after offset `from`. */
const wordAt = (u: Unit, from: number): number => u.words.findIndex((w) => w.start >= from);

/**
 * The parent's sentence that denied a figure this sentence states as fact: the figure opening the parent's
 * negation ("wasn't 6-1", "4-3, not 5-2"; not "Nobody judged Falcon 1", which denies the judging), here asserted (no negation over it, no condition or modal before it, not a
 * question, not the writer's own amount, no word of agreement opening the sentence).
 */
function reassertedDenial(unit: Unit, context: DetectorContext): DetectorFinding | null {
  const { parent, index, post } = context;
  if (!parent || unit.question || (parent.author !== null && parent.author === post.author) || AGREE.has(unit.words[0]?.lower ?? '')) return null;
  const mine = figures(unit).filter((f) => {
    const w = wordAt(unit, f.span[0]);
    return !unit.personal.has(f.at) && w >= 0 && !unit.negated.has(w) && !hypotheticalBefore(unit, w);
  });
  if (mine.length === 0) return null;
  for (const id of index.sentencesOf(parent)) {
    const candidate = index.cands[id]!;
    if (candidate.unit.question || !context.foreign(candidate)) continue;
    for (const theirs of figures(candidate.unit)) {
      const w = wordAt(candidate.unit, theirs.span[0]);
      if (w < 0 || !opensNegation(candidate.unit, w)) continue;
      const same = mine.find((f) => f.key === theirs.key);
      if (!same) continue;
      const value = unit.values[same.at]!;
      return { target: candidate, cue: isDateValue(value) ? 'different-date' : 'different-number', evidence: [same.span], note: `${unit.text.slice(same.span[0], same.span[1])} stated again; the earlier post denied it`, strength: 0.55 };
    }
  }
  return null;
}

export const valueVerdict: Detector = {
  id: 'value-verdict',
  find(unit, context) {
    const valueIndex = goodVerdict(unit);
    if (valueIndex < 0 || unit.personal.has(valueIndex)) {
      const found = reassertedDenial(unit, context);
      return found ? [found] : [];
    }
    const value = unit.values[valueIndex]!;
    const { index, post } = context;
    const out: DetectorFinding[] = [];
    let answered = context.parent;
    for (let depth = 0; answered && depth < CHAIN_DEPTH; depth++, answered = context.postById(answered.parentId)) {
      if (answered.author !== null && answered.author === post.author) continue;
      const other = index.sentencesOf(answered).find((i) => index.cands[i]!.unit.values.some((w, wi) => !index.cands[i]!.unit.personal.has(wi) && comparable(value, w, unit.paraphrases) && differs(value, w)));
      if (other !== undefined) out.push({ target: index.cands[other]!, cue: isDateValue(value) ? 'different-date' : 'different-number', evidence: [value.span], note: `${value.text} is right`, strength: 0.6 });
    }
    return out;
  },
};
