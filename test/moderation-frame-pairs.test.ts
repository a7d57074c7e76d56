import { describe, expect, it } from 'vitest';
import { moderate } from '../src/classify/moderation/index.js';

// Session 15 (issue 14): the reader called a noun no lexicon table lists ("you are a ...", "..., you ... ."), against
// the same frame said kindly. The nouns are made up for this test (none is in lexicon.json, none is from the
// independent threads). The shipped model does not flag most of these insults (docs/moderation.md, session 15: the
// addressee frame and a masked-noun fit were measured and not shipped); the pairs pin what does hold, that the
// insult outranks its friendly twin and the friendly line stays under the flag, so a later attempt cannot buy the
// insults by flagging every "you are a ...".
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
