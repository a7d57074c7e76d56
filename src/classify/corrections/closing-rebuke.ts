/**
 * A closing rebuke ("... Please get your facts right.") makes the factual sentence before it a correction of
 * what it speaks of: what the other detectors found, else a candidate sharing two words, else the parent.
 */
import { rebukeAt } from './clauses.js';
import { answeredSentence, sharedWords } from './compare.js';
import type { Detector } from './detector.js';

export const closingRebuke: Detector = {
  id: 'closing-rebuke',
  find(unit, context) {
    const after = context.sentences[context.at + 1]?.unit;
    const rebuke = after && context.factual ? rebukeAt(after.text) : null;
    if (!rebuke || !after) return [];
    const { parent } = context;
    const target =
      context.found[0]?.target ??
      context.ranked.find((c) => sharedWords(unit, c.unit).shared.length >= 2) ??
      (parent ? answeredSentence(parent, unit, context.earlierCorrections?.get(parent.id), context.index, unit) : null);
    if (!target) return [];
    const offset = after.span[0] - unit.span[0];
    return [{ target, cue: 'explicit-marker', evidence: [[offset + rebuke[0], offset + rebuke[1]]], note: `rebuke "${rebuke[2]}" after a fact`, strength: 0.6 }];
  },
};
