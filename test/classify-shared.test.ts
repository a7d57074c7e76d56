import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, classifyRecord } from '../src/index.js';
import { moderate } from '../src/classify/moderation/index.js';
import { scoreSentiment } from '../src/classify/sentiment/index.js';
import { maskHandles, mentionNames } from '../src/text/mask-handles.js';

// analyze and classifyRecord score sentiment and moderation in one pass (one tokenization, one sentiment
// analysis); the results must be exactly those of scoreSentiment and moderate called apart. A record or post is a
// reader comment, so its sentiment is scoreSentiment's in the comment register.
describe('sentiment and moderation from one shared pass', () => {
  const samples = [
    'Ignore the Idiot returning to the white house. Trump of America.',
    'Not bad at all, but the plan is a costly mistake!!! You brainless troll.',
    '@Ann exactly. Kick them out :D',
    '',
    '\u{1F621}\u{1F621} WHAT A PACK OF IMBECILES',
  ];

  it('classifyRecord gives what scoreSentiment and moderate give, on sample texts and any string', () => {
    const check = (text: string): void => {
      const r = classifyRecord({ id: 1, text });
      const masked = maskHandles(text);
      expect(r.sentiment).toEqual(scoreSentiment(masked, { register: 'comment' }));
      expect(r.moderation).toEqual(moderate(masked));
    };
    samples.forEach(check);
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (t) => check(t)), { numRuns: 150, seed: 11 });
  });

  it('with custom terms and lexicon, classifyRecord still matches the functions called apart', () => {
    const options = { moderationTerms: { insult: { muppet: 0.9 } }, sentimentLexicon: { muppet: -3 } };
    const text = 'You muppet, the council got it wrong again.';
    const r = classifyRecord({ text }, options);
    expect(r.sentiment).toEqual(scoreSentiment(text, { lexicon: { muppet: -3 }, register: 'comment' }));
    expect(r.moderation).toEqual(moderate(text, { terms: { insult: { muppet: 0.9 } } }));
    expect(r.moderation!.insult.score).toBeGreaterThan(0.5);
  });

  it("moderationSpans reaches moderate's spans option, with or without custom terms", () => {
    const texts = ['Please do not call other readers idiots.', 'You brainless troll, nobody asked.', 'She quoted the word "idiot" from his letter.'];
    for (const text of texts) {
      for (const spans of ['learned', 'flagged'] as const) {
        expect(classifyRecord({ text }, { moderationSpans: spans }).moderation, `${spans}: ${text}`).toEqual(moderate(text, { spans }));
        expect(classifyRecord({ text }, { moderationSpans: spans, moderationTerms: { insult: { troll: 0.9 } } }).moderation).toEqual(moderate(text, { spans, terms: { insult: { troll: 0.9 } } }));
      }
      // A comment that flags nothing shows no highlight with 'flagged'.
      const flagged = classifyRecord({ text }, { moderationSpans: 'flagged' }).moderation!;
      if (!['toxicity', 'insult', 'profanity', 'identityAttack', 'threat'].some((k) => flagged[k as 'insult'].score >= 0.5)) expect(flagged.spans, text).toEqual([]);
    }
  });

  it('analyze on seed 001 gives every post the sentiment and moderation of its own (handle-masked) text', () => {
    const input = readFileSync(join(__dirname, '..', 'fixtures', 'seed-001', 'input.txt'), 'utf8');
    const doc = analyze(input);
    const onlyModeration = analyze(input, { steps: ['moderation'] });
    doc.thread.posts.forEach((p, i) => {
      expect(p.moderation).toEqual(onlyModeration.thread.posts[i]!.moderation);
      const s = scoreSentiment(maskHandles(p.text, mentionNames(p.mentions)), { register: 'comment' });
      expect(p.sentiment!.label).toBe(s.label);
      expect(p.sentiment!.score).toBe(s.score);
    });
  });
});
