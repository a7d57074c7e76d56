/**
 * An update of a value: "was pushed back to 2027", "Section 14 was renumbered to 12". The target is the
 * sentence with the old value, else the parent's sentence with another value of the same kind.
 */
import { comparable, updateClause } from './clauses.js';
import type { Detector } from './detector.js';
import type { Candidate } from './thread-index.js';
import { isDateValue } from './units.js';

export const valueUpdate: Detector = {
  id: 'value-update',
  find(unit, context) {
    const update = updateClause(unit);
    if (!update) return [];
    const { index, window, parent } = context;
    const newValue = unit.values[update.to]!;
    let target: Candidate | null = null;
    if (update.from !== null) target = context.best(unit.keys[update.from]!.flatMap((k) => index.withValue(k, window)));
    if (!target && parent) {
      const otherValue = (i: number): boolean => index.cands[i]!.unit.values.some((v, vi) => comparable(v, newValue, unit.paraphrases) && !index.cands[i]!.unit.keys[vi]!.some((k) => unit.keys[update.to]!.includes(k)));
      target = context.best(index.sentencesOf(parent).filter(otherValue));
    }
    if (!target) return [];
    return [{ target, cue: isDateValue(newValue) ? 'different-date' : 'different-number', evidence: [newValue.span], note: `now ${newValue.text}`, strength: 0.6 }];
  },
};
