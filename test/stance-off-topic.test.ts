import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyStance, classifyStanceGroups, isOffTopic, OFF_TOPIC_WORDS } from '../src/classify/stance/index.js';

// A long, angry text about a harbour dredging scheme: it never uses a word of "school uniforms".
const LONG_ANGRY =
  'The harbour dredging scheme is a disgrace from start to finish. The contractors were paid twice for the same work, ' +
  'the silt was dumped in the bay where children swim, and nobody at the port authority has answered a single letter. ' +
  'Every resident I know is furious, and the next election will show it. This is the worst-run project in decades, a total waste.';

describe('off-topic texts (a long text that never uses a word of the target)', () => {
  it('the fixture text is longer than the off-topic length', () => {
    expect(LONG_ANGRY.split(/\s+/).length).toBeGreaterThan(OFF_TOPIC_WORDS);
  });

  it('is neutral toward a target it never touches, whatever its tone', () => {
    const [s] = classifyStance(LONG_ANGRY, [{ name: 'school uniforms' }]);
    expect(s).toMatchObject({ target: 'school uniforms', label: 'neutral', implicit: true, evidence: [] });
    expect(isOffTopic(LONG_ANGRY, { name: 'school uniforms' })).toBe(true);
  });

  it('still reads its tone toward a target whose words it uses, even unnamed by the head ("dredging" of "dredging fees")', () => {
    expect(isOffTopic(LONG_ANGRY, { name: 'dredging fees' })).toBe(false);
    const [s] = classifyStance(LONG_ANGRY, [{ name: 'dredging fees' }]);
    expect(s!.label).toBe('against');
  });

  it('a comment in a thread (anchored) is about the thread subject even when long and never naming it', () => {
    const [s] = classifyStance(LONG_ANGRY, [{ name: 'school uniforms' }], { anchored: true });
    expect(s!.label).toBe('against');
    const g = classifyStanceGroups(LONG_ANGRY, [{ targets: [{ name: 'school uniforms' }], implicit: true }], { anchored: true }, undefined)[0]![0]!;
    expect(g.label).toBe('against');
  });

  it('a short text that never names the target is read by its tone (a reaction, not off-topic)', () => {
    const short = 'What a total waste of money. Disgraceful.';
    expect(isOffTopic(short, { name: 'school uniforms' })).toBe(false);
    expect(classifyStance(short, [{ name: 'school uniforms' }])[0]!.label).toBe('against');
  });

  it('an alias counts as a word of the target', () => {
    expect(isOffTopic(LONG_ANGRY, { name: 'school uniforms', aliases: ['port authority'] })).toBe(false);
  });

  it('rejects a non-boolean anchored option', () => {
    expect(() => classifyStance('x', [{ name: 'y' }], { anchored: 'yes' as unknown as boolean })).toThrow(/anchored/);
  });

  it('property: a text that uses the words of the target is never off-topic toward it, and stance never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ minLength: 1, maxLength: 20 }), (text, name) => {
        const long = Array.from({ length: 60 }, () => text).join(' ');
        expect(isOffTopic(`${long} ${name}`, { name })).toBe(false);
        expect(isOffTopic(`${name} ${long}`, { name })).toBe(false);
        const [s] = classifyStance(long, [{ name }]);
        expect(['favor', 'against', 'neutral']).toContain(s!.label);
      }),
      { numRuns: 60 },
    );
  });
});
