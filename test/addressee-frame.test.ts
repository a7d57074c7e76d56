import { describe, expect, it } from 'vitest';
import { addresseeFrameFeatures } from '../src/classify/moderation/addressee-frame.js';
import { commentFeatures } from '../src/classify/moderation/features.js';
import { readText, shippedModerationModels } from '../src/classify/moderation/models.js';
import { moderate } from '../src/classify/moderation/index.js';

// Session 15 (issue 14): the reader called a noun, "you are (being) ... a/an ADJ* NOUN" or "..., you ADJ* NOUN.".
// The nouns below are made up for these tests and are in no lexicon table: the frame must find the target without
// knowing the noun, and leave the noun's worth to the word scores and the fit.
const frame = (text: string): Record<string, number> => {
  const m = shippedModerationModels();
  return Object.fromEntries(addresseeFrameFeatures(...readText(text, m.wordScores, undefined, undefined, m.likeness)));
};

describe('the addressee frame', () => {
  it('finds a noun predicated of the reader, through "being", "either ... or" and stacked modifiers', () => {
    for (const t of ["You're being a pompous little busybody about all this.", 'Honestly, you are a tiresome gasbag.', "you're either painfully slow or a dolt.", 'You are such a smug, preening snob.', 'u r a dingbat']) {
      expect(frame(t)['$you-noun'], t).toBe(1);
    }
  });

  it('finds a vocative noun phrase that closes its clause', () => {
    expect(frame('Give it up, you smug old toady.')['$you-noun']).toBe(1);
    expect(frame('Oh hush, you grump!')['$you-noun']).toBe(1);
  });

  it('is not a frame when the noun is denied, quoted, an adjective, or the clause goes on as a question or a verb', () => {
    for (const t of ['You are not a dolt, just tired.', 'He wrote "you are a gasbag" in his column.', 'You are wrong about the figures.', 'Did you see the match?', 'If you know the answer, say so.', 'Thank you.']) {
      expect(frame(t), t).toEqual({});
    }
  });

  it('reads the modifiers apart, and a calm-side word lends it no likeness', () => {
    const harsh = frame('You are an insufferable, smug busybody.');
    expect(harsh['$you-noun-mod-like'] ?? harsh['$you-noun-mod-ws']).toBeGreaterThan(0);
    const kind = frame('You are a wonderful, generous friend.');
    expect(kind['$you-noun-like'] ?? 0).toBe(0);
    expect(kind['$you-noun-mod-like'] ?? 0).toBe(0);
  });

  it('feeds the comment features', () => {
    const m = shippedModerationModels();
    const names = commentFeatures(...readText('You are a tiresome gasbag.', m.wordScores, undefined, undefined, m.likeness)).map(([n]) => n);
    expect(names).toContain('$you-noun');
  });
});

describe('moderate: the reader called an unlisted noun, against a friendly "you are a ..." (pairs)', () => {
  const pairs: Array<[string, string]> = [
    ["You're being a pompous little busybody about all this.", "You're being a real sweetheart about all this."],
    ['Honestly, you are a tiresome gasbag.', 'Honestly, you are a patient teacher.'],
    ['Give it up, you smug old toady.', 'Thanks again, you kind old soul.'],
    ["You're either painfully slow or a dolt.", "You're either very lucky or a gifted cook."],
    ['You are an insufferable, preening snob.', 'You are a nurse.'],
  ];
  it('scores the insult above the friendly line, and the friendly line below the flag', () => {
    for (const [insult, friendly] of pairs) {
      const a = moderate(insult).insult.score;
      const b = moderate(friendly).insult.score;
      expect(a, `${insult} vs ${friendly}`).toBeGreaterThan(b);
      expect(b, friendly).toBeLessThan(0.5);
    }
  });
});
