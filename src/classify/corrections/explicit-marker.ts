/**
 * An explicit marker ("Actually", "That's not true", "Correction:"; "No," in a reply) or a verdict ("... is
 * wrong") with a fact in the sentence or the next one. Its target: what the other detectors found in this
 * sentence, else the answered post's sentence, else a candidate sharing words (with the quoted words when a
 * verdict quotes), else the post's previous target. "No," answering a question is an answer, not a correction.
 */
import type { Span } from '../../schema/common.js';
import { scoreCheckworthiness } from '../claims/index.js';
import { badVerdict, markerAt, MARKERS, REPLY_MARKERS } from './clauses.js';
import { answeredSentence, quotedUnit, sharedWords } from './compare.js';
import type { Detector } from './detector.js';
import { affinity } from './self.js';
import type { Candidate } from './thread-index.js';

export const explicitMarker: Detector = {
  id: 'explicit-marker',
  find(unit, context) {
    const { parent, index, found } = context;
    const generalMarker = markerAt(unit.text, MARKERS);
    const replyMarker = generalMarker === null && parent !== undefined ? markerAt(unit.text, REPLY_MARKERS) : null;
    const marker = generalMarker ?? replyMarker;
    const verdict = badVerdict(unit);
    if (!marker && verdict < 0) return [];
    const next = context.sentences[context.at + 1]?.unit;
    const hasFact = context.factual || (next !== undefined && (next.values.some((v) => /\d/.test(v.text)) || scoreCheckworthiness(next.text) >= 0.5));
    // A marker in a reply answers the post replied to when it speaks of it (shared words or values);
    // "Björn, no, ..." answers it whatever it says.
    const answers = parent !== undefined && (replyMarker !== null || index.sentencesOf(parent).some((i) => affinity(unit, index.cands[i]!.unit) >= 1));
    const earlierFixes = parent ? context.earlierCorrections?.get(parent.id) : undefined;
    let target: Candidate | null = (answers ? found.find((f) => f.target.post === parent)?.target : found[0]?.target) ?? null;
    if (!target && answers) target = answeredSentence(parent!, next ?? unit, earlierFixes, index, unit);
    if (!target && !replyMarker) {
      const quoted = verdict >= 0 ? quotedUnit(unit) : null;
      for (const candidate of context.ranked) {
        const overlap = sharedWords(quoted ?? unit, candidate.unit);
        if (overlap.shared.length >= 2 || (overlap.shared.length >= 1 && overlap.common >= 1 && marker !== null)) {
          target = candidate;
          break;
        }
      }
    }
    if (!target && marker && found.length === 0 && context.previousTarget && context.at > 0) target = context.previousTarget;
    if (!target && marker && !replyMarker && parent) target = answeredSentence(parent, next ?? unit, earlierFixes, index, unit);
    // "No, kitchens are the city's" under "Is the fee only for ingredients?": an answer, not a correction.
    if (replyMarker && target?.unit.question) target = null;
    if (!hasFact || !target) return [];
    const evidence: Span = marker ? [marker[0], marker[1]] : [unit.words[verdict]!.start, unit.words[verdict]!.end];
    return [{ target, cue: 'explicit-marker', evidence: [evidence], note: marker ? `marker "${marker[2]}"` : `says "${unit.words[verdict]!.text}"`, strength: 0.65 }];
  },
};
