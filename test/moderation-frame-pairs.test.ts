import { describe, expect, it } from 'vitest';
import { moderate } from '../src/classify/moderation/index.js';

/** Each pair's first text scores a higher insult than its twin, and the twin stays under the flag (0.5). */
function expectAboveTwin(pairs: ReadonlyArray<[string, string]>): void {
  for (const [insult, twin] of pairs) {
    const a = moderate(insult).insult.score;
    const b = moderate(twin).insult.score;
    expect(a, `${insult} vs ${twin}`).toBeGreaterThan(b);
    expect(b, twin).toBeLessThan(0.5);
  }
}

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
    expectAboveTwin(pairs);
  });
});

// Session 22 (issue 14): since the comment model reads the insult-frames corpus (scripts/train/data/insult-frames),
// more unlisted nouns aimed at a person. These nouns are in neither lexicon.json nor that corpus (nor the
// independent threads), so the pairs check that the frames generalise beyond the corpus's words; each insult's twin is
// criticism of a policy or the same frame said calmly, and it must stay under the flag.
describe('moderate: unlisted nouns outside the fit corpus, against a policy or a calm twin (pairs)', () => {
  const pairs: Array<[string, string]> = [
    ['You are a scheming mountebank.', 'The scheme is a costly mistake.'],
    ['Councillor Reyes is a feckless wastrel.', 'Councillor Reyes is a former accountant.'],
    ['What a dullard you are.', 'What a dull budget this is.'],
    ['@harbourview you goofball, the vote was in May.', '@harbourview the vote was in May, and the result was poor.'],
    ['People who back this are doofuses.', 'The plan to back this is wasteful and muddled.'],
    ['Stop being such a scold, Marjorie.', 'Marjorie, thanks for the reminder.'],
    ['You absolute blatherer.', 'You absolute legend.'],
  ];
  it('scores the insult above its twin, and the twin below the flag', () => {
    expectAboveTwin(pairs);
  });
  it('flags a second-person or named frame with an unlisted noun', () => {
    expect(moderate('You are a scheming mountebank.').insult.score).toBeGreaterThanOrEqual(0.5);
    expect(moderate('Councillor Reyes is a feckless wastrel.').insult.score).toBeGreaterThanOrEqual(0.5);
  });
});

// Session 24 (issue 14): put-downs with no insult word at all (mocking a commenter's posting habit, their reading,
// "go back to your ...", "people like you would ...", "only someone who has never ... could ..."), each against a calm
// twin in the same frame (the writer's own habit, a plain question, a report, praise, a policy complaint). Made up for
// this test: in neither the lexicon, nor the insult-frames corpus, nor the independent or blind threads. Since the
// comment model reads the second writer's corpus file (comments-2.jsonl) every insult here rose (e.g. "People like you
// would put a toll ..." 0.094 -> 0.350) and every twin stayed under the flag; most insults stay under it too (weight 1).
describe('moderate: put-downs with no insult word, against a calm twin in the same frame (pairs)', () => {
  const pairs: Array<[string, string]> = [
    ["Wendell, you've pasted that exact chart into every thread since March. You're a stuck jukebox with a login.", "I've pasted that chart into every thread since March, sorry; the numbers still haven't moved."],
    ['Is reading past the first paragraph too much for you, or did the long words scare you off?', 'Is reading past the first paragraph worth it? The summary felt thin to me.'],
    ['Go back to your yacht club, Percival, and let the people who ride the bus speak for themselves.', 'I went back to the yacht club last week; the new pontoon is finally finished.'],
    ['People like you would put a toll on a footpath and call it progress.', 'People like you who clear the footpaths every winter deserve a medal.'],
    ['Only someone who has never paid a heating bill could call this rise modest, Lavinia.', 'Anyone who has paid a heating bill this winter knows this rise is not modest.'],
  ];
  it('scores the put-down above its twin, and the twin below the flag', () => {
    expectAboveTwin(pairs);
  });
  it('scores the same text the same way every time', () => {
    for (const [insult, twin] of pairs) {
      expect(moderate(insult)).toEqual(moderate(insult));
      expect(moderate(twin).insult.score).toBe(moderate(twin).insult.score);
    }
  });
});

// Session 25 (issue 14): put-downs aimed at a commenter with no insult word, of the kinds blind threads 01-22 hold (a
// claim about the person's competence or reading, mock agreement, mocking their posting habit), each against a calm
// near miss in the same frame addressed to the same person. Made up for this test: in neither the lexicon, nor the
// insult-frames corpus, nor the independent or blind threads. The shipped model ranks these put-downs above their twins;
// it does not yet rank a likening of the person to a thing ("you've got the attention span of a moth") above its calm
// twin ("you've got the timetable of the night buses"): docs/moderation.md, session 25, measured and not pinned here.
describe('moderate: a put-down aimed at a commenter against its calm near miss (session 25 pairs)', () => {
  const pairs: Array<[string, string]> = [
    ['With that grasp of arithmetic, Osric, I would let someone else count the ballots.', 'With that spreadsheet, Osric, we can finally count the ballots properly.'],
    ["Sure, Bartholomew, and I'm sure you read every page of the plan before you typed that.", 'Bartholomew, you read every page of the plan before the meeting, so what did the appendix say?'],
    ["You've brought the same tired grievance to every thread since spring, Norbert. It has the shelf life of milk.", "I've brought the same question to every meeting since spring, Norbert: when does the bridge reopen?"],
  ];
  it('scores the put-down above its near miss, and the near miss below the flag', () => {
    expectAboveTwin(pairs);
  });
  it('scores the same text the same way every time', () => {
    for (const [insult, twin] of pairs) {
      expect(moderate(insult)).toEqual(moderate(insult));
      expect(moderate(twin)).toEqual(moderate(twin));
    }
  });
});
