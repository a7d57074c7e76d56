/** The parent's "it was X" restated with another X ("It was nine from 2016" under "Before 2019 it was eight"). */
import { itWasNumber } from './clauses.js';
import type { Detector } from './detector.js';

export const restatedAmount: Detector = {
  id: 'restated-amount',
  find(unit, context) {
    const { parent, index } = context;
    const said = parent ? itWasNumber(unit) : null;
    if (!said || !parent) return [];
    for (const i of index.sentencesOf(parent)) {
      const candidate = index.cands[i]!;
      const other = context.foreign(candidate) ? itWasNumber(candidate.unit) : null;
      if (!other || other.value === said.value) continue;
      const word = unit.words[said.at]!;
      return [{ target: candidate, cue: 'different-number', evidence: [[word.start, word.end]], note: `${word.text} here, ${candidate.unit.words[other.at]!.text} in the earlier post`, strength: 0.55 }];
    }
    return [];
  },
};
