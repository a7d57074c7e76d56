import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moderate, summarizeSentiment, toxicityFeatures } from '../src/classify/moderation/index.js';
import { isContentFeature, shippedToxicityModel } from '../src/classify/moderation/toxicity-model.js';
import { addWordScoreFeatures, decodeWords, encodeWords, loadWordScores } from '../src/classify/moderation/word-scores.js';
import { tokenize } from '../src/classify/sentiment/tokenize.js';
import { gradedTarget } from '../src/classify/moderation/train.js';
import { scoreSentiment } from '../src/classify/sentiment/index.js';
import { detectActs } from '../src/classify/acts/index.js';
import { ThreadlensOptionError } from '../src/errors.js';
import { ModerationSchema } from '../src/schema/classify.js';

describe('moderate', () => {
  it('scores insults at people in the thread high', () => {
    for (const t of ['you brainless troll', 'what a pack of imbeciles', 'You are an idiot.']) {
      expect(moderate(t).insult.score, t).toBeGreaterThanOrEqual(0.6);
      expect(moderate(t).toxicity.score, t).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('scores insults at public figures high (seed 001, Peter14)', () => {
    const text = 'Ignore the Idiot returning to the white house. Arrange changes and updates when the Americans dont have a liar and criminal in charge.';
    const m = moderate(text);
    expect(m.insult.score).toBeGreaterThanOrEqual(0.6);
    expect(m.insult.evidence.map((e) => e.text)).toContain('the Idiot');
    expect(moderate('a liar and criminal in charge').insult.score).toBeGreaterThanOrEqual(0.6);
    expect(m.identityAttack.score).toBeLessThan(0.2);
  });

  it('keeps plain criticism low', () => {
    for (const t of ['this plan is a costly mistake', 'The minister is wrong about the budget.', 'I disagree with the policy.']) {
      const m = moderate(t);
      for (const k of ['toxicity', 'insult', 'profanity', 'identityAttack', 'threat'] as const) expect(m[k].score, `${t} ${k}`).toBeLessThan(0.2);
    }
  });

  it('does not let one harsh word make a short post as toxic as abuse', () => {
    // One word is thin evidence: the word-score means shrink toward the typical word on short texts.
    const abuse = moderate('You brainless troll.').toxicity.score;
    for (const t of ['Shameful.', 'Disgraceful.', 'Nonsense.', 'Ridiculous.']) {
      const s = moderate(t).toxicity.score;
      expect(s, t).toBeLessThan(0.7);
      expect(s, t).toBeLessThan(abuse - 0.2);
    }
  });

  it('finds profanity (also masked), threats and identity attacks', () => {
    expect(moderate('What the fuck is this').profanity.score).toBeGreaterThanOrEqual(0.6);
    expect(moderate('lying pieces of sh*t').profanity.evidence[0]!.text).toBe('sh*t');
    expect(moderate('He should be shot.').threat.score).toBeGreaterThanOrEqual(0.6);
    expect(moderate('Immigrants are vermin.').identityAttack.score).toBeGreaterThanOrEqual(0.6);
    expect(moderate('Immigrants are welcome here.').identityAttack.score).toBe(0);
  });

  it('ranks hostile comments above calm ones with the learned model, with evidence spans', () => {
    const calm = moderate('I think the budget numbers deserve a closer look before the vote.');
    const hostile = moderate('What a pathetic, ignorant rant. Typical of the clowns who run this paper.');
    expect(hostile.toxicity.score).toBeGreaterThan(calm.toxicity.score);
    expect(calm.toxicity.score).toBeLessThan(0.2);
    for (const e of hostile.toxicity.evidence) expect(e.cue.length).toBeGreaterThan(0);
  });

  it('shows the content words that drove the model, never bare function words', () => {
    const text = 'You are a stupid man and your column is pathetic.';
    const model = moderate(text).toxicity.evidence.filter((e) => e.cue.startsWith('model:'));
    expect(model.length).toBeGreaterThan(0);
    for (const e of model) {
      expect(text.slice(e.span[0], e.span[1])).toBe(e.text);
      expect(isContentFeature(e.cue.slice('model:'.length)), e.cue).toBe(true);
    }
    expect(isContentFeature('is a')).toBe(false);
    expect(isContentFeature('stupid')).toBe(true);
  });

  it('keeps its word features to itself and takes only the sentiment score', () => {
    const names = toxicityFeatures('You are a stupid man, not a good one.').names;
    expect(names).toContain('stupid');
    expect(names).toContain('a stupid');
    expect(names).toContain('$sentiment');
    expect(names.filter((n) => n.startsWith('#') || n.startsWith('not_'))).toEqual([]);
  });

  it('reads shouting from runs of capitalised words, not from a lone acronym', () => {
    const caps = (t: string): number => {
      const bag = toxicityFeatures(t);
      return bag.values[bag.names.indexOf('$caps')] ?? 0;
    };
    expect(caps('RIP')).toBe(0);
    expect(caps('RIP Steve, the NHS will miss you')).toBe(0);
    expect(caps('THIS IS A DISGRACE')).toBeCloseTo(3 / 4); // "A" neither counts nor breaks the run
    expect(caps('You are SO WRONG about this')).toBeCloseTo(2 / 6);
  });

  it('grades the training target from the crowd level', () => {
    expect(gradedTarget(1)).toBe(0);
    expect(gradedTarget(1.4)).toBeCloseTo(0.5);
    expect(gradedTarget(2)).toBe(1);
    expect(gradedTarget(4)).toBe(1);
  });

  it('takes extra terms per category without touching the defaults', () => {
    expect(moderate('what a numpty', { terms: { insult: { numpty: 0.5 } } }).insult.score).toBeGreaterThanOrEqual(0.6);
    expect(moderate('what a numpty').insult.score).toBe(0);
    expect(() => moderate('x', { terms: { insult: { a: 2 } } })).toThrow(ThreadlensOptionError);
    expect(() => moderate('x', { terms: { nope: {} } as never })).toThrow(ThreadlensOptionError);
  });

  it('property: never throws, fits the schema, spans slice back, deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), fc.constantFrom('you idiot', 'sh*t f***', 'kill them all')), (text) => {
        const m = moderate(text);
        expect(ModerationSchema.safeParse(m).success).toBe(true);
        for (const s of Object.values(m)) for (const e of s.evidence) expect(text.slice(e.span[0], e.span[1])).toBe(e.text);
        expect(JSON.stringify(moderate(text))).toBe(JSON.stringify(m));
      }),
      { numRuns: 150 },
    );
  });
});

describe('summarizeSentiment', () => {
  it('counts labels and acts, ranks posts for review, summarises authors', () => {
    const texts: Array<[string, string | null, string]> = [
      ['1', 'a', 'Exactly. Well said.'],
      ['2', 'b', 'You brainless troll, shut up.'],
      ['3', 'a', 'This plan is a costly mistake.'],
      ['4', null, 'He should be shot.'],
    ];
    const posts = texts.map(([id, author, text]) => ({ id, author, sentiment: scoreSentiment(text), acts: detectActs(text), moderation: moderate(text) }));
    const s = summarizeSentiment(posts);
    expect(s.posts).toBe(4);
    expect(s.sentiment.positive + s.sentiment.negative + s.sentiment.neutral + s.sentiment.mixed).toBe(4);
    expect(s.acts.agreement).toBe(1);
    expect(s.needsReview[0]!.id).toBe('4');
    expect(s.needsReview.map((r) => r.id).slice(0, 2)).toEqual(['4', '2']);
    expect(s.authors.map((a) => a.author)).toEqual(['a', 'b', null]);
    expect(s.authors[0]!.posts).toBe(2);
    expect(s.authors[1]!.maxToxicity).toBeGreaterThan(0.6);
    expect(summarizeSentiment([]).needsReview).toEqual([]);
  });
});

describe('word scores (toxicity model features from word vectors)', () => {
  const table = loadWordScores({ center: 0.5, step: 0.5, groups: { '6': encodeWords(['vile', 'vileness']), '-2': '0lovely', '1': '0plain' } });

  it('front-codes sorted words and decodes them back', () => {
    expect(encodeWords(['abandon', 'abandoned', 'abbey', 'b'])).toBe('0abandon7ed2bey0b');
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z'-]{1,14}$/), { maxLength: 40 }), (ws) => {
        const sorted = [...ws].sort();
        expect(decodeWords(encodeWords(sorted))).toEqual(sorted);
      }),
    );
  });

  it('reads a word from its group, and any other word as the center', () => {
    expect(table.score('vile')).toBe(3);
    expect(table.score('vileness')).toBe(3);
    expect(table.score('lovely')).toBe(-1);
    expect(table.score('plain')).toBe(0.5);
    expect(table.score('unlisted')).toBe(0.5);
  });

  it('adds mean, max, top-3 and best-sentence features relative to the center', () => {
    const bag = { names: [] as string[], values: [] as number[], spans: [] as Array<[number, number] | null> };
    addWordScoreFeatures(tokenize('Lovely day. Vile, VILE people!'), table, bag);
    const f = Object.fromEntries(bag.names.map((n, i) => [n, bag.values[i]]));
    // Scores: lovely -1, day 0.5, vile 3, vile 3, people 0.5 (center 0.5); relative to it: -1.5, 0, 2.5, 2.5, 0.
    // Both means count 8 more words at the center (PRIOR_WORDS), so short texts do not stand on one word.
    expect(f['$ws-mean']).toBeCloseTo((-1.5 + 0 + 2.5 + 2.5 + 0) / (5 + 8));
    expect(f['$ws-max']).toBeCloseTo(2.5);
    expect(f['$ws-top3']).toBeCloseTo((3 + 3 + 0.5) / 3 - 0.5);
    expect(f['$ws-sentence']).toBeCloseTo((2.5 + 2.5 + 0) / (3 + 8));
    const short = { names: [] as string[], values: [] as number[], spans: [] as Array<[number, number] | null> };
    addWordScoreFeatures(tokenize('Vile.'), table, short);
    const g = Object.fromEntries(short.names.map((n, i) => [n, short.values[i]]));
    expect(g['$ws-mean']).toBeCloseTo(2.5 / 9);
    expect(g['$ws-max']).toBeCloseTo(2.5);
    const none = { names: [] as string[], values: [] as number[], spans: [] as Array<[number, number] | null> };
    addWordScoreFeatures(tokenize('!!! 42'), table, none);
    expect(none.names).toEqual([]);
  });

  it('reaches hostile words that the model has no word feature for', () => {
    const model = shippedToxicityModel();
    const scores = model.wordScores!;
    for (const w of ['callous', 'malicious', 'venomous', 'cowardly']) {
      expect(model.weights.has(w), w).toBe(false);
      expect(scores.score(w), w).toBeGreaterThan(scores.score('wooden'));
      expect(scores.score(w), w).toBeGreaterThan(scores.score('kitchen'));
    }
    expect(toxicityFeatures('A callous, cowardly act.', scores).names).toContain('$ws-max');
  });

  it('shows the words that drove the word-score features as evidence', () => {
    const text = 'Such a callous and malicious decision.';
    const tox = moderate(text).toxicity;
    const cues = tox.evidence.filter((e) => e.cue.startsWith('word-score:'));
    expect(cues.map((e) => e.cue)).toEqual(expect.arrayContaining(['word-score:callous', 'word-score:malicious']));
    for (const e of cues) expect(text.slice(e.span[0], e.span[1])).toBe(e.text);
    expect(moderate('The kitchen was renovated last year.').toxicity.evidence.some((e) => e.cue.startsWith('word-score:'))).toBe(false);
  });
});
