import { describe, expect, it } from 'vitest';
import { readText, shippedModerationModels } from '../src/classify/moderation/models.js';
import { addressedRanges, putdownFeatures } from '../scripts/eval/lib/putdown-stage.js';

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

  it('gives the addressed sentence as an input range (session 27), and none for the same words about a policy', () => {
    const m = shippedModerationModels();
    const text = 'The bus plan is late. Quentin, you have the foresight of a wet paper bag.';
    const [tokens, readings] = readText(text, m.wordScores, undefined, undefined, m.likeness);
    const ranges = addressedRanges(tokens, readings);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Quentin, you have the foresight of a wet paper bag']);
    const policy = 'The bus plan is late. The plan has the foresight of a wet paper bag.';
    const [pt, pr] = readText(policy, m.wordScores, undefined, undefined, m.likeness);
    expect(addressedRanges(pt, pr)).toEqual([]);
  });

  it('adds character 4-grams of the addressed words only when asked, and none from a quoted put-down', () => {
    const m = shippedModerationModels();
    const grams = (text: string): string[] => {
      const [tokens, readings] = readText(text, m.wordScores, undefined, undefined, m.likeness);
      return putdownFeatures(tokens, readings, 0, { grams: true }).map(([k]) => k).filter((k) => k.startsWith('g:'));
    };
    expect(grams('Ignatius, you absolute blatherskite.')).toContain('g:^bla');
    expect(grams('Quentin, you wrote "absolute blatherskite" under my post.').filter((g) => g.includes('bla') || g.includes('ski'))).toEqual([]);
    const [tokens, readings] = readText('Ignatius, you absolute blatherskite.', m.wordScores, undefined, undefined, m.likeness);
    expect(putdownFeatures(tokens, readings, 0).some(([k]) => k.startsWith('g:'))).toBe(false);
  });
});
