import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moderateWith } from '../src/classify/moderation/index.js';
import { readText, shippedModerationModels, type ModerationModels } from '../src/classify/moderation/models.js';
import { spanVetoes, spanVetoKinds, vetoDecision, VETO_DECISION_FEATURES } from '../src/classify/moderation/span-veto.js';

// Session 45: the learned decision on a vetoed word (span-veto.ts `vetoDecision`), asked only beside a shown plain word.
const shipped = shippedModerationModels();
const withVeto = (extra: Record<string, number>): ModerationModels => ({
  ...shipped,
  spans: { ...shipped.spans, thresholds: { ...Object.fromEntries(Object.entries(shipped.spans.thresholds ?? {}).filter(([k]) => !k.startsWith('veto.'))), ...extra } },
});
// Made-up weights: a decision that shows every vetoed word (cut 0), and one that shows none (cut above 1).
const always = withVeto({ 'veto.bias': 0, 'veto.cut': 0 });
const never = withVeto({ 'veto.bias': 0, 'veto.cut': 1.5 });
const kindsOf = (text: string): string[] => {
  const [tokens, readings] = readText(text, null);
  return spanVetoKinds(text, tokens, readings);
};

describe('the vetoes and the learned veto decision', () => {
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

  it('is off without veto.* thresholds, and reads every weight it is given', () => {
    expect(vetoDecision(undefined)).toBeNull();
    expect(vetoDecision({ marked: 0.45 })).toBeNull();
    const d = vetoDecision({ 'veto.bias': -1, 'veto.score': 1, 'veto.cut': 0.5 })!;
    // logit(score) - 1 >= 0 exactly when the score's odds reach e.
    expect(d('quote', false, 0.8, false, false, 0.5)).toBe(true);
    expect(d('quote', false, 0.7, false, false, 0.5)).toBe(false);
    expect(VETO_DECISION_FEATURES[0]).toBe('bias');
    for (const f of VETO_DECISION_FEATURES.slice(1)) {
      const moved = vetoDecision({ 'veto.bias': -0.5, [`veto.${f}`]: 5, 'veto.cut': 0.5 })!;
      const args: Parameters<typeof moved> = [f === 'quote' ? 'quote' : f === 'naming' ? 'naming' : f === 'denial' ? 'denial' : 'idea', f !== 'idea-held', 0.9, f === 'beside', f === 'sentence', 0.9];
      expect(moved(...args), f).toBe(true);
    }
  });

  it('never opens a comment that shows no plain word: policy criticism, a quoted, named or denied insult stay dark', () => {
    for (const t of ['What a stupid policy.', 'This stupid plan is a waste of money.', 'Please do not call other readers idiots.', 'You are not an idiot, just misinformed.', 'He wrote "what a fool" in his column, which I thought was unfair.', 'I am not calling anyone an idiot, but this plan is stupid.']) {
      for (const models of [shipped, always]) for (const mode of ['learned', 'flagged'] as const) expect(moderateWith(t, models, undefined, undefined, mode).spans, t).toEqual([]);
    }
  });

  it('decides the vetoed words beside a shown insult: all with cut 0, none above 1', () => {
    const text = 'You are a brainless idiot. He said "fool" about you, and this plan is stupid.';
    const shownWords = (m: ModerationModels): string => moderateWith(text, m).spans.map((s) => s.text).join(' ');
    expect(shownWords(always)).toMatch(/idiot/);
    expect(shownWords(always)).toMatch(/fool/);
    expect(shownWords(always)).toMatch(/stupid/);
    expect(shownWords(never)).toMatch(/idiot/);
    expect(shownWords(never)).not.toMatch(/fool|stupid/);
  });

  it('shows a vetoed word only in a comment that shows a plain word, and spans slice back (property)', () => {
    const parts = ['You are a brainless idiot.', 'What a stupid policy.', 'He said "moron" about them.', 'Do not call people clowns.', 'They are not fools.', 'The budget is late.', 'You absolute clown,', 'this dumb plan'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 5 }), fc.boolean(), (picked, cutZero) => {
        const text = picked.join(' ');
        const models = cutZero ? always : shipped;
        const m = moderateWith(text, models);
        const [tokens, readings] = readText(text, null);
        const kinds = spanVetoKinds(text, tokens, readings);
        const lit = readings.map((r) => m.spans.some((s) => s.span[0] <= tokens[r.token]!.start && tokens[r.token]!.end <= s.span[1]));
        if (lit.some((l, k) => l && kinds[k] !== '')) expect(lit.some((l, k) => l && kinds[k] === '')).toBe(true);
        for (const s of m.spans) expect(text.slice(...s.span)).toBe(s.text);
      }),
      { numRuns: 60, seed: 45 },
    );
  });
});
