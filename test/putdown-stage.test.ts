import { describe, expect, it } from 'vitest';
import { readText, shippedModerationModels } from '../src/classify/moderation/models.js';
import { putdownFeatures } from '../scripts/eval/lib/putdown-stage.js';

// The session-26 study's put-down features (scripts/eval/lib/putdown-stage.ts; measured, not shipped): made-up texts.
const features = (text: string): Map<string, number> => {
  const m = shippedModerationModels();
  const [tokens, readings] = readText(text, m.wordScores, undefined, undefined, m.likeness);
  return new Map(putdownFeatures(tokens, readings, 0));
};

describe('put-down stage features (study)', () => {
  it('reads a figurative put-down aimed at "you" as addressed and likening, the same words about a policy as neither addressed', () => {
    const aimed = features("Ferdinand, you've got the patience of a broken kettle.");
    const policy = features('The new parking plan has got the patience of a broken kettle.');
    expect(aimed.get('$addr')).toBe(1);
    expect(aimed.get('$addr-liken')).toBe(1);
    expect(policy.has('$addr')).toBe(false);
    expect(policy.has('$addr-liken')).toBe(false);
  });

  it('marks a quoted put-down with the quote guard and a calm post without it', () => {
    expect(features('Someone wrote "you walking rain cloud" under my post, which was rude.').get('$g-quote')).toBe(1);
    expect(features('Thanks, Odile, the timetable helps.').has('$g-quote')).toBe(false);
  });

  it('is deterministic', () => {
    const text = 'Osric, do you ever read past the first line of a report?';
    expect([...features(text)]).toEqual([...features(text)]);
  });
});
