/**
 * A figure from a named source against a value the post repeats from a target ("1,200 jobs was always a
 * fantasy. Even the club's own study said 700."), in this sentence or the one before.
 */
import { comparable, notClause } from './clauses.js';
import { differs } from './compare.js';
import type { Detector, DetectorFinding } from './detector.js';
import { isDateValue } from './units.js';

export const sourcedFigure: Detector = {
  id: 'sourced-figure',
  find(unit, context) {
    const clause = notClause(unit);
    if (!unit.speech || (clause !== null && ('value' in clause.x || clause.xKeys.length > 0))) return [];
    const { index, window } = context;
    const previous = context.at > 0 ? context.sentences[context.at - 1]!.unit : null;
    const out: DetectorFinding[] = [];
    for (const [sourcedIndex, sourced] of unit.values.entries()) {
      if (unit.personal.has(sourcedIndex) || sourced.kind === 'entity' || !/\d/.test(sourced.text)) continue;
      for (const holder of previous ? [unit, previous] : [unit]) {
        for (const [repeatedIndex, repeated] of holder.values.entries()) {
          if (holder === unit && repeatedIndex === sourcedIndex) continue;
          if (holder.personal.has(repeatedIndex) || !comparable(repeated, sourced, unit.paraphrases) || !differs(repeated, sourced)) continue;
          const target = context.best(holder.keys[repeatedIndex]!.filter((k) => !k.startsWith('y:')).flatMap((k) => index.withValue(k, window)));
          if (target && !target.unit.keys.some((keys) => keys.some((k) => unit.keys[sourcedIndex]!.includes(k)))) {
            out.push({ target, cue: isDateValue(sourced) ? 'different-date' : 'different-number', evidence: [sourced.span], note: `${sourced.text} here, ${repeated.text} in the ${target.kind === 'article' ? 'article' : 'earlier post'}`, strength: 0.6 });
          }
        }
      }
    }
    return out;
  },
};
