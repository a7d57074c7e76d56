import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { linkStances, REPLY_LINKS } from '../src/classify/steps/stance.js';
import type { StanceResult } from '../src/schema/classify.js';

// Made-up thread: what a post does (corrects a figure, asks) decides whether its tone is a side on the subject.
const thread = [
  'Title: Council approves new tram line',
  '',
  'The council approved a new tram line through the east of the city on Tuesday, at a cost of 40 million pounds. Works start in May.',
  '6 Comments',
  'Nia',
  'What a dreadful waste of money, 40 million pounds for this.',
  'Omar',
  "Nia, that's not true, it's 45 million pounds, not 40 million.",
  'Pat',
  "Nia, that's not true at all.",
  'Wes',
  'Nia, nobody cares what a miserable old crank like you thinks, you idiot.',
  'Xia',
  "Nia, you absolute clown, that's not true.",
  'Vic',
  'Does anyone know where the depot will be? Worried about the noise.',
  'Rosa',
  'They are spending 40 million pounds on this?? Unbelievable.',
  'Sam',
  'Why do they always waste our money?',
  '',
].join('\n');

describe('a reply that corrects a fact takes over no side from its parent', () => {
  const doc = analyze(thread, { targets: ['tram line'] });
  const [nia, omar, pat] = doc.thread.posts;
  const on = (p: typeof nia) => p!.stances!.find((x) => x.target === 'tram line')!;

  it('the parent takes a side, and a bare denial of it takes the opposite one', () => {
    expect(on(nia).label).toBe('against');
    expect(pat!.parentId).toBe(nia!.id);
    expect(on(pat).label).toBe('favor');
    expect(on(pat).evidence[0]!.cue).toBe('disagrees-with-parent');
  });
  it('a denial that fixes a figure is about the figure: neutral, the correction as evidence', () => {
    expect(omar!.parentId).toBe(nia!.id);
    expect(omar!.replyStance?.label).toBe('deny');
    expect(omar!.corrections!.length).toBeGreaterThan(0);
    const s = on(omar);
    expect(s.label).toBe('neutral');
    expect(s.implicit).toBe(true);
    expect(s.evidence.length).toBeGreaterThan(0);
    for (const e of s.evidence) {
      expect(e.cue).toBe('corrects-a-fact');
      expect(thread.slice(...e.span)).toBe(e.text);
    }
  });
  it("with the measured rule `oppose-keep` the same reply takes the side opposite to its parent's (cue corrects-parent)", () => {
    const own: StanceResult = { target: 'tram line', label: 'against', confidence: 0.6, evidence: [{ span: omar!.span, text: omar!.text, cue: 'model:~implicit-sentiment' }], implicit: true };
    const s = linkStances({ ...omar!, stances: [own] }, nia!, omar!.text, '', { correction: 'oppose-keep' })[0]!;
    expect(s.label).toBe('favor');
    expect(s.evidence[0]!.cue).toBe('corrects-parent');
  });
  it('without the corrections step the same reply inherits the opposite side, as before', () => {
    const acts = analyze(thread, { targets: ['tram line'], steps: ['targets', 'sentiment', 'acts', 'stance'] });
    const s = acts.thread.posts[1]!.stances!.find((x) => x.target === 'tram line')!;
    expect(s.label).toBe('favor');
  });
});

describe('a reply that insults the person it answers takes no side by its tone', () => {
  const doc = analyze(thread, { targets: ['tram line'] });
  const by = (name: string) => doc.thread.posts.find((p) => p.author === name)!;
  const on = (name: string) => by(name).stances!.find((x) => x.target === 'tram line')!;

  it('an insult with no point about the subject is neutral, the insult as evidence', () => {
    expect(by('Wes').moderation!.insult.score).toBeGreaterThanOrEqual(0.5);
    const s = on('Wes');
    expect(s.label).toBe('neutral');
    expect(s.evidence.length).toBeGreaterThan(0);
    for (const e of s.evidence) {
      expect(e.cue).toBe('addresses-a-person');
      expect(thread.slice(...e.span)).toBe(e.text);
    }
  });
  it('an insulting denial still denies the parent: the opposite side', () => {
    expect(by('Xia').moderation!.insult.score).toBeGreaterThanOrEqual(0.5);
    expect(on('Xia').label).toBe('favor');
    expect(on('Xia').evidence[0]!.cue).toBe('disagrees-with-parent');
  });
});

describe('a post that opens by asking takes no side by its tone', () => {
  const doc = analyze(thread, { targets: ['tram line'] });
  const by = (name: string) => doc.thread.posts.find((p) => p.author === name)!.stances!.find((x) => x.target === 'tram line')!;

  it('an interrogative question asked once is neutral, the question act as evidence', () => {
    const s = by('Vic');
    expect(s.label).toBe('neutral');
    expect(s.evidence.map((e) => e.cue)).toEqual(['asks']);
    expect(thread.slice(...s.evidence[0]!.span)).toBe(s.evidence[0]!.text);
  });
  it('a doubled question mark in a statement exclaims, and a why-question challenges: both keep their side', () => {
    expect(by('Rosa').label).toBe('against');
    expect(by('Sam').label).toBe('against');
  });
});

// Made-up readings: the correction rule `oppose-keep` of the stance step's link (measured in session 28, not the
// shipped REPLY_LINKS), both directions.
describe('a correction reply under a sided parent and under a flat one (oppose-keep)', () => {
  const OPPOSE_KEEP = { correction: 'oppose-keep' } as const;
  const doc = analyze(thread, { targets: ['tram line'] });
  const [nia, omar] = doc.thread.posts;
  const reading = (label: StanceResult['label']): StanceResult => ({ target: 'tram line', label, confidence: 0.6, evidence: [{ span: omar!.span, text: omar!.text, cue: 'model:~implicit-sentiment' }], implicit: true });
  const parentWith = (label: StanceResult['label']) => ({ ...nia!, stances: [{ ...reading(label), evidence: [] }] });
  const link = (own: StanceResult['label'], parent: StanceResult['label']) => linkStances({ ...omar!, stances: [reading(own)] }, parentWith(parent), omar!.text, '', OPPOSE_KEEP)[0]!;

  it("is not the shipped rule: session 20's void is", () => {
    expect(REPLY_LINKS).toEqual({ correction: 'void' });
    expect(linkStances({ ...omar!, stances: [reading('against')] }, parentWith('against'), omar!.text, '', REPLY_LINKS)[0]!.label).toBe('neutral');
  });
  it('under a parent against, favour; under a parent in favour, against, whatever its own tone', () => {
    expect(link('against', 'against').label).toBe('favor');
    expect(link('neutral', 'against').label).toBe('favor');
    expect(link('favor', 'favor').label).toBe('against');
    expect(link('against', 'against').evidence[0]!.cue).toBe('corrects-parent');
  });
  it('under a parent with no side, its own reading stands (a side or none)', () => {
    expect(link('against', 'neutral').label).toBe('against');
    expect(link('favor', 'neutral').label).toBe('favor');
    expect(link('neutral', 'neutral').label).toBe('neutral');
  });
  it('a reply with no correction is untouched by the rule', () => {
    const plain = { ...omar!, corrections: [], replyStance: { ...omar!.replyStance!, label: 'comment' as const, evidence: [] } };
    const s = linkStances({ ...plain, stances: [reading('neutral')] }, parentWith('against'), omar!.text, '', OPPOSE_KEEP)[0]!;
    expect(s.label).toBe('neutral');
  });
});
