import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { registerLeanSide, registerSide, withRegisterSide } from '../src/classify/stance/register-side.js';
import { REGISTER_TONE } from '../src/classify/steps/stance.js';
import type { StanceResult } from '../src/schema/classify.js';

// Made-up readings and threads. The comment register's label (negative / neutral / positive) is the tone of a post
// whose unnamed subject the stance model reads flat: negative against, positive for.
const reading = (label: StanceResult['label'], cue = 'model:~implicit-sentiment', implicit = true): StanceResult => ({
  target: 'clinic closure',
  label,
  confidence: 0.5,
  evidence: [{ span: [0, 4], text: 'Next', cue }],
  implicit,
});
const evidence = [{ span: [10, 15] as [number, number], text: 'broke' }];

describe('the register side of a probability triple (negative, neutral, positive)', () => {
  it('the most probable label is the side when it beats the next by more than the margin', () => {
    expect(registerSide([0.6, 0.3, 0.1], false, true, 0)).toBe('against');
    expect(registerSide([0.1, 0.3, 0.6], false, true, 0)).toBe('favor');
    expect(registerSide([0.45, 0.4, 0.15], false, true, 0.1)).toBeNull();
    expect(registerSide([0.2, 0.6, 0.2], false, true, 0)).toBeNull();
  });
  it('flipped praise reads against; a label with no evidence is no side', () => {
    expect(registerSide([0.1, 0.3, 0.6], true, true, 0)).toBe('against');
    expect(registerSide([0.6, 0.3, 0.1], false, false, 0)).toBeNull();
  });
});

describe('the side the register leans to (session 28, measured, off in the pipeline)', () => {
  it('negative over positive by more than the margin is against, the reverse for', () => {
    expect(registerLeanSide([0.2, 0.75, 0.05], false, 0.05)).toBe('against');
    expect(registerLeanSide([0.05, 0.75, 0.2], false, 0.05)).toBe('favor');
  });
  it('within the margin no side; flipped praise against', () => {
    expect(registerLeanSide([0.12, 0.8, 0.08], false, 0.05)).toBeNull();
    expect(registerLeanSide([0.05, 0.75, 0.2], true, 0.05)).toBe('against');
  });
  it('its cue names the lean', () => {
    const [s] = withRegisterSide([reading('neutral')], 'favor', evidence, { margin: 0, mode: 'fill' }, 'register-lean');
    expect(s!.evidence[0]!.cue).toBe('register-lean:favor');
  });
});

describe('the register side put in a post reading', () => {
  const fill = { margin: 0, mode: 'fill' } as const;
  it('fills a flat reading of an unnamed subject, with the sentiment evidence', () => {
    const [s] = withRegisterSide([reading('neutral')], 'against', evidence, fill);
    expect(s!.label).toBe('against');
    expect(s!.evidence).toEqual([{ span: [10, 15], text: 'broke', cue: 'register:against' }]);
    expect(s!.implicit).toBe(true);
  });
  it('near misses: a side already read, a named target, a rule reading and no register side are kept', () => {
    for (const s of [reading('favor'), reading('neutral', 'mention', false), reading('neutral', 'declares:against')]) {
      expect(withRegisterSide([s], 'against', evidence, fill)[0]).toBe(s);
    }
    const flat = reading('neutral');
    expect(withRegisterSide([flat], null, evidence, fill)[0]).toBe(flat);
  });
  it('replace mode takes every tone reading of an unnamed subject from the register', () => {
    const replace = { margin: 0, mode: 'replace' } as const;
    expect(withRegisterSide([reading('favor')], 'against', evidence, replace)[0]!.label).toBe('against');
    expect(withRegisterSide([reading('favor')], null, evidence, replace)[0]!.label).toBe('neutral');
  });
});

describe('a thread read with the register as the tone of flat readings (the shipped switch)', () => {
  const dump = [
    'Title: Council to close Elm Street clinic',
    '',
    'The council will close the Elm Street clinic in March to save money, officials said on Monday.',
    '4 Comments',
    'Ann Lee',
    'My daughter was seen there the night she broke her arm. Next time it will be a ninety minute trip to the city.',
    'Bob',
    'Will the pharmacy next door stay open after March?',
    'Cara',
    'Good. The clinic closure is the right call, it was half empty most days.',
    'Dev',
    'Cara, exactly. Well said.',
    '',
  ].join('\n');
  const doc = analyze(dump, { targets: ['clinic closure'] });
  const [ann, bob, cara, dev] = doc.thread.posts;
  const side = (p: typeof ann) => p!.stances!.find((s) => s.target === 'clinic closure')!;

  it('is on', () => {
    expect(REGISTER_TONE).toEqual({ margin: 0, mode: 'fill' });
  });
  it('a top-level complaint about the decision\'s effects reads against, backed by the register', () => {
    const s = side(ann);
    expect(s.label).toBe('against');
    expect(s.evidence.length).toBeGreaterThan(0);
    for (const e of s.evidence) {
      expect(e.cue).toBe('register:against');
      expect(dump.slice(...e.span)).toBe(e.text);
    }
  });
  it('a question with no side reads none', () => {
    expect(side(bob).label).toBe('neutral');
  });
  it('a reply agreeing with a favouring parent reads favor', () => {
    expect(side(cara).label).toBe('favor');
    expect(dev!.parentId).toBe(cara!.id);
    expect(side(dev).label).toBe('favor');
    expect(side(dev).evidence[0]!.cue).toBe('agrees-with-parent');
  });
  it('is deterministic', () => {
    expect(JSON.stringify(analyze(dump, { targets: ['clinic closure'] }))).toBe(JSON.stringify(doc));
  });
});
