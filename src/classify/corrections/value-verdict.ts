/**
 * A value declared right ("So 300 is right", "310,000 was not wrong either") corrects the posts this one
 * answers (parent, grandparent..., three at most, never the author's own) that gave another value.
 */
import { comparable, goodVerdict } from './clauses.js';
import { differs } from './compare.js';
import type { Detector, DetectorFinding } from './detector.js';
import { isDateValue } from './units.js';

/** How far up the reply chain a verdict reaches. */
const CHAIN_DEPTH = 3;

export const valueVerdict: Detector = {
  id: 'value-verdict',
  find(unit, context) {
    const valueIndex = goodVerdict(unit);
    if (valueIndex < 0 || unit.personal.has(valueIndex)) return [];
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
