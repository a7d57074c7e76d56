import { describe, expect, it } from 'vitest';
import { classifyStance, stanceFeatureSet } from '../src/classify/stance/index.js';

const PARK = { name: 'park plan' };

describe('stance readings beyond the tone of the words', () => {
  it('scorn for the holders of a view takes the opposite side of that view', () => {
    const pro = classifyStance('People who oppose the new park are selfish idiots.', [PARK])[0]!;
    const con = classifyStance('People who support the new park are selfish idiots.', [PARK])[0]!;
    expect(pro.label).toBe('favor');
    expect(con.label).toBe('against');
    const text = 'Anyone who thinks the new park is wonderful is a fool.';
    const [r] = classifyStance(text, [PARK]);
    expect(r).toMatchObject({ label: 'against', implicit: true });
    const view = r!.evidence.find((e) => e.cue.startsWith('scorns-holders-of:'))!;
    expect(view).toMatchObject({ text: 'thinks the new park is wonderful', cue: 'scorns-holders-of:favor' });
    for (const e of r!.evidence) expect(text.slice(e.span[0], e.span[1])).toBe(e.text);
  });

  it('does not read a denied insult or a plain group statement as scorn', () => {
    const denied = classifyStance('Anyone who supports the new park is not an idiot.', [PARK])[0]!;
    expect(denied.evidence.some((e) => e.cue.startsWith('scorns-holders-of:'))).toBe(false);
    const plain = classifyStance('People who walk their dogs there are happy.', [PARK])[0]!;
    expect(plain.evidence.some((e) => e.cue.startsWith('scorns-holders-of:'))).toBe(false);
  });

  it('turns the literal polarity round where the sentiment scorer finds sarcasm', () => {
    const ironic = stanceFeatureSet('Oh wonderful, another delay. Just what we needed.', PARK).features;
    expect(ironic.get('~implicit-ironic')).toBe(1);
    expect(ironic.get('~implicit-polarity')!).toBeLessThan(0);
    const plain = stanceFeatureSet('The new park is wonderful. It is just what we needed.', PARK).features;
    expect(plain.has('~implicit-ironic')).toBe(false);
    expect(plain.get('~implicit-polarity')!).toBeGreaterThan(0);
  });

  it('a modifier alone does not name a compound target; its head or a surname does', () => {
    const closure = { name: 'library closure' };
    expect(classifyStance('I walk past that library every day and the detour will take an hour.', [closure])[0]!.implicit).toBe(true);
    expect(classifyStance('The closure is a disaster for the whole street.', [closure])[0]!.implicit).toBeUndefined();
    expect(classifyStance('Clinton is a liar.', [{ name: 'Hillary Clinton' }])[0]).toMatchObject({ label: 'against' });
    expect(classifyStance('Clinton is a liar.', [{ name: 'Hillary Clinton' }])[0]!.implicit).toBeUndefined();
  });

  it('reads the tone of the whole post around a named target, and the first sentence of an unnamed one', () => {
    const named = stanceFeatureSet('Thank goodness. The park plan passed last night. Glad somebody listened.', PARK).features;
    expect(named.get('~post-sentiment')!).toBeGreaterThan(0);
    const unnamed = stanceFeatureSet('Thank goodness. It passed last night after years of delay.', PARK).features;
    expect(unnamed.get('~implicit-lead-sentiment')!).toBeGreaterThan(0);
    // One sentence: no lead, and a clause that is the whole post has no separate post tone.
    expect(stanceFeatureSet('Thank goodness.', PARK).features.has('~implicit-lead-sentiment')).toBe(false);
    expect(stanceFeatureSet('The park plan is good.', PARK).features.has('~post-sentiment')).toBe(false);
  });
  it('reads the evaluative words next to the mention apart from the rest of its clause', () => {
    const near = (text: string): number | undefined => stanceFeatureSet(text, { name: 'Smith' }).features.get('~near-polarity');
    expect(near('Smith is terrible.')!).toBeLessThan(0);
    expect(near('Smith is not terrible.')!).toBeGreaterThan(0);
    // A tone word far from the mention counts in the clause's polarity, not in the mention's own.
    const far = stanceFeatureSet('Smith met the committee on Tuesday after a long and terrible night.', { name: 'Smith' }).features;
    expect(far.has('~near-polarity')).toBe(false);
    expect(far.get('~polarity')!).toBeLessThan(0);
    // Two mentions around one word count it once.
    expect(near('Smith and Smith are great.')).toBe(near('Smith is great.'));
    // Never for a target the text does not name.
    expect(stanceFeatureSet('This is terrible.', { name: 'Smith' }).features.has('~implicit-near-polarity')).toBe(false);
  });
});
