/**
 * The comment register (src/classify/sentiment/register.ts): a reader comment's label is read by a model fit on
 * reader comments; the score, sentences' scores, evidence and sarcasm cues stay the general analysis's. The texts
 * below were written for this test (none is from the eval threads or from the comment corpus).
 */
import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../src/classify/sentiment/index.js';
import { ThreadlensOptionError } from '../src/errors.js';
import { COMMENT_REGISTER_MODEL, commentRegisterFeatures, commentRegisterLabel, commentRegisterProbabilities, isContentFeature, REGISTER_WORD_PREFIX, registerWords } from '../src/classify/sentiment/register.js';
import { analyzeSentiment } from '../src/classify/sentiment/analyze.js';
import { DEFAULT_LEXICON } from '../src/classify/sentiment/lexicon.js';
import { SENTIMENT_MODEL } from '../src/classify/sentiment/model.js';
import { analyzeText } from '../src/text/analysis.js';
import { predict } from '../src/learn/model.js';
import { STOPWORDS } from '../src/text/word-lists.js';

// Flat reports of bad events, corrections and questions: no feeling of the writer's.
const FLAT = [
  'The ferry strike ended on Tuesday after nine days, the operator said.',
  'Small correction: the flood was in 2019, not 2018.',
  'Does anyone know if the clinic closure also affects the weekend service?',
  'The report says 40 people lost their jobs when the plant shut down.',
  'The fire damaged three homes on Elm Road overnight; nobody was hurt.',
  'Police arrested two men after the robbery, the article says.',
];
const NEGATIVE = [
  'This council is a joke. They waste our money every single year.',
  'Absolutely disgusting how they treated those nurses.',
  'I am so tired of these endless delays. Pathetic.',
];
const POSITIVE = [
  'Great news, well done to the volunteers who made this happen!',
  'Thank you for covering this, a really helpful article.',
  'Lovely to see the old library open again. Brilliant work.',
];
const ALL: Array<[string, string]> = [...FLAT.map((t) => [t, 'neutral'] as [string, string]), ...NEGATIVE.map((t) => [t, 'negative'] as [string, string]), ...POSITIVE.map((t) => [t, 'positive'] as [string, string])];

describe('sentiment in the comment register', () => {
  it('reads flat reports of bad events as neutral more often than the general band, and keeps felt comments', () => {
    const general = FLAT.filter((t) => scoreSentiment(t).label === 'neutral').length;
    const comment = FLAT.filter((t) => scoreSentiment(t, { register: 'comment' }).label === 'neutral').length;
    expect(comment).toBeGreaterThan(general);
    expect(comment).toBeGreaterThanOrEqual(5);
    for (const t of NEGATIVE) expect(scoreSentiment(t, { register: 'comment' }).label, t).toBe('negative');
    for (const t of POSITIVE) expect(scoreSentiment(t, { register: 'comment' }).label, t).toBe('positive');
  });

  it('changes only the label: score, sentence scores, evidence and sarcasm are the general reading', () => {
    for (const [t] of ALL) {
      const g = scoreSentiment(t);
      const c = scoreSentiment(t, { register: 'comment' });
      expect(c.score).toBe(g.score);
      expect(c.evidence).toEqual(g.evidence);
      expect(c.sarcasm).toEqual(g.sarcasm);
      expect(c.sentences.map((s) => [s.span, s.score, s.evidence])).toEqual(g.sentences.map((s) => [s.span, s.score, s.evidence]));
    }
  });

  it('a one-sentence comment gives its sentence the post label; no label without evidence', () => {
    const t = FLAT[0]!;
    const c = scoreSentiment(t, { register: 'comment' });
    expect(c.sentences).toHaveLength(1);
    expect(c.sentences[0]!.label).toBe(c.label);
    const empty = scoreSentiment('', { register: 'comment' });
    expect(empty.label).toBe('neutral');
  });

  it('general is the default; a neutral band wins over the register', () => {
    for (const [t] of ALL) expect(scoreSentiment(t, { register: 'general' })).toEqual(scoreSentiment(t));
    const t = FLAT[3]!;
    expect(scoreSentiment(t, { register: 'comment', neutralBand: 0.05 })).toEqual(scoreSentiment(t, { neutralBand: 0.05 }));
  });

  it('an unknown register throws, naming the option', () => {
    expect(() => scoreSentiment('x', { register: 'tweet' as 'comment' })).toThrow(ThreadlensOptionError);
    expect(() => scoreSentiment('x', { register: 'tweet' as 'comment' })).toThrow(/register/);
  });

  it('word layer (session 23): only content words and pairs holding one, never a function word alone', () => {
    expect(isContentFeature('the')).toBe(false);
    expect(isContentFeature('not_us')).toBe(false);
    expect(isContentFeature('of the')).toBe(false);
    expect(isContentFeature('12')).toBe(false);
    expect(isContentFeature('wait')).toBe(true);
    expect(isContentFeature('not_tell')).toBe(true);
    expect(isContentFeature('the bin')).toBe(true);
    const words = Object.keys(COMMENT_REGISTER_MODEL.weights).filter((n) => n.startsWith(REGISTER_WORD_PREFIX));
    expect(words.length).toBeGreaterThan(0);
    for (const n of words) {
      const parts = n.slice(REGISTER_WORD_PREFIX.length).split(' ').map((w) => w.replace(/^not_/, ''));
      expect(parts.some((w) => !STOPWORDS.has(w)), n).toBe(true);
    }
  });

  it('word layer at run time: only the words the model weighs are read, and the outputs are the same as reading every content word', () => {
    const words = registerWords(COMMENT_REGISTER_MODEL);
    let droppedAll = 0;
    expect(words.size).toBe(Object.keys(COMMENT_REGISTER_MODEL.weights).filter((n) => n.startsWith(REGISTER_WORD_PREFIX)).length);
    for (const [t] of ALL) {
      const bag = analyzeSentiment(analyzeText(t), DEFAULT_LEXICON, SENTIMENT_MODEL, undefined).bag;
      const every = commentRegisterFeatures(bag);
      const kept = commentRegisterFeatures(bag, SENTIMENT_MODEL, words);
      for (const name of kept.keys()) if (name.startsWith(REGISTER_WORD_PREFIX)) expect(COMMENT_REGISTER_MODEL.weights[name], name).toBeDefined();
      // Every content word the model does not weigh is dropped, and nothing else.
      const dropped = [...every.keys()].filter((n) => !kept.has(n));
      for (const n of dropped) expect(n.startsWith(REGISTER_WORD_PREFIX) && COMMENT_REGISTER_MODEL.weights[n] === undefined, n).toBe(true);
      droppedAll += dropped.length;
      expect(predict(COMMENT_REGISTER_MODEL, kept)).toEqual(predict(COMMENT_REGISTER_MODEL, every));
    }
    expect(droppedAll).toBeGreaterThan(0);
  });

  it('the label is the most probable class after the model\'s log offsets on the polar classes (session 33)', () => {
    const offsets = COMMENT_REGISTER_MODEL.thresholds ?? {};
    expect(Object.keys(offsets).sort()).toEqual(['negativeLogOffset', 'positiveLogOffset']);
    const plain = { ...COMMENT_REGISTER_MODEL, thresholds: undefined };
    const pushNeutral = { ...COMMENT_REGISTER_MODEL, thresholds: { negativeLogOffset: -50, positiveLogOffset: -50 } };
    let moved = 0;
    for (const [t] of ALL) {
      const bag = analyzeSentiment(analyzeText(t), DEFAULT_LEXICON, SENTIMENT_MODEL, undefined).bag;
      const p = commentRegisterProbabilities(bag, plain);
      // Without offsets: the plain most probable class.
      expect(commentRegisterLabel(bag, plain)).toBe(plain.labels[p.indexOf(Math.max(...p))]);
      // Offsets far below zero leave only neutral.
      expect(commentRegisterLabel(bag, pushNeutral)).toBe('neutral');
      // The shipped offsets: log p + offset, neutral's offset 0.
      const z = [Math.log(p[0]!) + offsets.negativeLogOffset!, Math.log(p[1]!), Math.log(p[2]!) + offsets.positiveLogOffset!];
      const label = commentRegisterLabel(bag);
      expect(label).toBe(COMMENT_REGISTER_MODEL.labels[z.indexOf(Math.max(...z))]);
      if (label !== commentRegisterLabel(bag, plain)) moved++;
    }
    // The offsets are small: they move few of these texts.
    expect(moved).toBeLessThanOrEqual(Math.ceil(ALL.length / 4));
  });

  it('complaints told through waiting, repetition and cost read negative; flat corrections with a negator stay neutral', () => {
    // Written for this test (not from the corpus or the threads).
    const complaints = [
      'Week five without the replacement part. Every call they say next Monday.',
      'Another month, another price rise, and the trains are still late every morning.',
      'Waited 40 minutes at the stop again today. Third time this week.',
    ];
    const corrections = [
      'It was not the county that set the fee, it was the national office.',
      'No, the hall opened in 1962, not 1926. The plaque has the date.',
    ];
    const neg = complaints.filter((t) => scoreSentiment(t, { register: 'comment' }).label === 'negative').length;
    expect(neg).toBeGreaterThanOrEqual(2);
    for (const t of corrections) expect(scoreSentiment(t, { register: 'comment' }).label, t).toBe('neutral');
  });
});
