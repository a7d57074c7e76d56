import { describe, expect, it } from 'vitest';
import { readText } from '../src/classify/moderation/models.js';
import { spanVetoes, spanVetoKinds } from '../src/classify/moderation/span-veto.js';

// Session 45: why a word is vetoed (span-veto.ts `spanVetoKinds`; span-cv's SPAN_VETO45 reads it).
const kindsOf = (text: string): string[] => {
  const [tokens, readings] = readText(text, null);
  return spanVetoKinds(text, tokens, readings);
};

describe('the span vetoes', () => {
  it('says why a word is vetoed, and spanVetoes is "some reason"', () => {
    const text = 'Please do not call other readers idiots. You are not an idiot. He said "fool" about you. A stupid plan.';
    const kinds = kindsOf(text);
    const [tokens, readings] = readText(text, null);
    const norms = readings.map((r) => r.norm);
    expect(kinds[norms.indexOf('idiots')]).toBe('naming');
    expect(kinds[norms.lastIndexOf('idiot')]).toBe('denial');
    expect(kinds[norms.indexOf('fool')]).toBe('quote');
    expect(kinds[norms.indexOf('stupid')]).toBe('idea');
    expect(kinds[norms.indexOf('you')]).toBe('');
    expect(spanVetoes(text, tokens, readings)).toEqual(kinds.map((k) => k !== ''));
  });
});
