import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyStance, classifyStanceGroups, classifyStanceScored, summarizeStances } from '../src/classify/stance/index.js';
import { wordTokens } from '../src/text/word-tokens.js';
import { ThreadlensOptionError } from '../src/errors.js';

const SOFA = { name: 'SOFA revision', aliases: ['SOFA', 'Status of Forces Agreement'] };
const TRUMP = { name: 'Donald Trump', aliases: ['Trump'] };
const FORCES = { name: 'U.S. military', aliases: ['US forces', 'American troops'] };

describe('classifyStance', () => {
  it('reads a predicted non-change as against the revision (seed 001, Blacklabel)', () => {
    const [r] = classifyStance('There will be zero changes to SOFA that will in any way benefit Japan.\nJapan will be lucky to keep the current quite reasonable agreement.', [SOFA]);
    expect(r).toMatchObject({ target: 'SOFA revision', label: 'against' });
    expect(r!.evidence.some((e) => e.cue === 'model:~sentiment' && e.text === 'zero')).toBe(true);
  });

  it('uses evaluative words and calls to action aimed at the target', () => {
    expect(classifyStance('Trump is a liar and a criminal.', [TRUMP])[0]?.label).toBe('against');
    expect(classifyStance('I love all this winning under Trump!', [TRUMP])[0]?.label).toBe('favor');
    expect(classifyStance('Kick out the American troops and build your own army!', [FORCES])[0]?.label).toBe('against');
  });

  it('reads a target the text never names from its tone, marked implicit; implicit: false leaves it out', () => {
    const [r] = classifyStance('What a waste of money.', [{ name: 'tram plan' }]);
    expect(r).toMatchObject({ target: 'tram plan', label: 'against', implicit: true });
    expect(r!.evidence.map((e) => e.text)).toContain('waste');
    expect(classifyStance('Good.', [{ name: 'tram plan' }])[0]).toMatchObject({ label: 'favor', implicit: true });
    expect(classifyStance('The weather in Osaka was lovely today.', [TRUMP, SOFA], { implicit: false })).toEqual([]);
    // A named target is never implicit.
    expect(classifyStance('The tram plan is a waste of money.', [{ name: 'tram plan' }])[0]!.implicit).toBeUndefined();
  });

  it('reads the target-relative features: negation flips the clause, a contrast splits it', () => {
    const plan = { name: 'bus plan' };
    expect(classifyStance('The bus plan is good.', [plan])[0]!.label).toBe('favor');
    expect(classifyStance('The bus plan is not good.', [plan])[0]!.label).toBe('against');
    const both = classifyStance('The tram is fine but the bus plan is a disaster.', [{ name: 'tram' }, plan]);
    expect(both.map((r) => [r.target, r.label])).toEqual([['tram', 'favor'], ['bus plan', 'against']]);
    const swapped = classifyStance('The tram is a disaster but the bus plan is fine.', [{ name: 'tram' }, plan]);
    expect(swapped.map((r) => [r.target, r.label])).toEqual([['tram', 'against'], ['bus plan', 'favor']]);
    // Evidence points at the deciding words of each target's own clause.
    expect(both[1]!.evidence.map((e) => e.text)).toContain('disaster');
    expect(both[1]!.evidence.map((e) => e.text)).not.toContain('fine');
  });

  it('spans slice back to the evidence text', () => {
    const text = 'Honestly,  Trump  is a  disaster for the alliance.';
    for (const r of classifyStance(text, [TRUMP])) for (const e of r.evidence) expect(text.slice(e.span[0], e.span[1])).toBe(e.text);
  });

  it('rejects bad options and targets', () => {
    expect(() => classifyStance('x', [{ name: '' }])).toThrow(ThreadlensOptionError);
    expect(() => classifyStance('x', 'SOFA' as never)).toThrow(ThreadlensOptionError);
    expect(() => classifyStance('x', [TRUMP], { lexicon: { bad: 'x' } as never })).toThrow(ThreadlensOptionError);
  });

  it('lets callers extend the lexicon per call', () => {
    const text = 'Trump is bigly.';
    const plain = classifyStance(text, [TRUMP])[0];
    expect(plain?.label).toBe('neutral');
    // The strongest rating on AFINN's scale reaches the stance (one word is weighed beside the clause's tone,
    // so it moves the reading rather than deciding it), and a negative rating does not read as favour.
    const liked = classifyStance(text, [TRUMP], { lexicon: { bigly: 5 } })[0];
    const disliked = classifyStance(text, [TRUMP], { lexicon: { bigly: -5 } })[0];
    expect(liked?.label).toBe('favor');
    expect(disliked?.label).not.toBe('favor');
    // Nothing leaks into later calls.
    expect(classifyStance(text, [TRUMP])[0]).toEqual(plain);
  });

  it('summarizes stances per target', () => {
    const posts = [
      { id: 'a', stances: classifyStance('Trump is a liar.', [TRUMP]) },
      { id: 'b', stances: classifyStance('I love Trump.', [TRUMP]) },
      { id: 'c', stances: [] },
    ];
    const [s] = summarizeStances(posts, [TRUMP]);
    expect(s).toMatchObject({ target: 'Donald Trump', favor: 1, against: 1, neutral: 0, total: 2, postIds: { favor: ['b'], against: ['a'], neutral: [] } });
  });

  describe('plural pronouns resolved to targets', () => {
    const pronounCue = (text: string, parentText?: string) =>
      classifyStance(text, [FORCES, SOFA], { parentText }).flatMap((r) => r.evidence.filter((e) => e.cue.startsWith('pronoun:')).map((e) => ({ target: r.target, ...e })));

    it('reads "them" right after a plural target mention as that target', () => {
      const text = 'American troops cost us billions. Kick them out!';
      const [r] = classifyStance(text, [FORCES]);
      expect(r).toMatchObject({ target: 'U.S. military', label: 'against' });
      const pron = r!.evidence.find((e) => e.cue.startsWith('pronoun:'))!;
      expect(pron).toMatchObject({ text: 'them', cue: 'pronoun:them -> U.S. military' });
      expect(text.slice(...pron.span)).toBe('them');
      expect(r!.evidence.some((e) => e.cue.startsWith('model:') && e.text === 'Kick')).toBe(true);
      expect(classifyStance('US forces are fine. They keep us safe.', [FORCES])[0]!.evidence.map((e) => e.cue)).toContain('pronoun:they -> U.S. military');
    });

    it("in a reply, takes the parent's last plural target mention", () => {
      const [hit] = pronounCue('Kick them out and build your army!', 'The American troops are still here after 80 years.');
      expect(hit).toMatchObject({ target: 'U.S. military', text: 'them', cue: 'pronoun:them -> U.S. military (parent)' });
    });

    it('stays silent when another plural noun intervenes, the window is long, or the mention is singular', () => {
      expect(pronounCue('American troops protect the local businesses. Kick them out!')).toEqual([]);
      expect(pronounCue('SOFA is unfair to Okinawans. Scrap it and kick them out.')).toEqual([]);
      expect(pronounCue('SOFA must go. Kick them out.')).toEqual([]);
      expect(pronounCue('US forces in Okinawa, yes. Anyway the weather was great and we had a long walk by the river with my sister. They loved it.')).toEqual([]);
      expect(pronounCue('Kick them out and build your army!', 'Is Japan not paying enough?')).toEqual([]);
      expect(pronounCue('They are useless.', 'Japan pays for US forces and their families.')).toEqual([]);
      // A pronoun after the reply's first sentence, or after a plural noun of its own, is not the parent's.
      expect(pronounCue('Fine. Kick them out.', 'The American troops are still here.')).toEqual([]);
      expect(pronounCue('The tourists love it, leave them alone.', 'The American troops are still here.')).toEqual([]);
    });

    it('reads "constructor" or "toString" as plain words, not lexicon entries', () => {
      const [r] = classifyStance('Trump constructor toString __proto__ hasOwnProperty', [TRUMP], { lexicon: { great: 3 } });
      expect(r!.label).toBe('neutral');
      expect(r!.evidence.map((e) => e.cue)).toEqual(['mention']);
    });

    it('rejects a parentText that is not a string', () => {
      expect(() => classifyStance('x', [TRUMP], { parentText: 3 as never })).toThrow(ThreadlensOptionError);
    });
  });

  it('properties: never throws, confidences in range, spans slice back, deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('Trump \ud800 SOFA changes 😀 no', 'not\u0000Trump', 'US forces \ud800 them they')), fc.option(fc.constantFrom('American troops', 'them \u0000', '')), (s, parentText) => {
        const a = classifyStance(s, [TRUMP, SOFA, FORCES], { parentText });
        for (const r of a) {
          expect(r.confidence).toBeGreaterThanOrEqual(0);
          expect(r.confidence).toBeLessThanOrEqual(1);
          for (const e of r.evidence) expect(s.slice(e.span[0], e.span[1])).toBe(e.text);
        }
        expect(classifyStance(s, [TRUMP, SOFA, FORCES], { parentText })).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('groups over one reading give what one call per group gives (the pipeline reads subjects and named targets so)', () => {
    const texts = fc.oneof(
      fc.string(),
      fc.constantFrom('Trump is a liar. Kick them out, the American troops!', 'Great. US forces should stay; they keep the peace but SOFA changes are overdue.', 'Anyone who backs the SOFA revision is a fool.'),
    );
    fc.assert(
      fc.property(texts, fc.option(fc.constantFrom('American troops are a burden', 'them')), fc.boolean(), (s, parentText, shared) => {
        const tone = { score: 0.25, ironic: false, sentences: [] };
        const groups = [
          { targets: [SOFA], implicit: true },
          { targets: [TRUMP, FORCES], implicit: false },
        ];
        const words = shared ? wordTokens(s) : undefined;
        const got = classifyStanceGroups(s, groups, { parentText }, () => tone, words);
        const each = groups.map((g) => classifyStanceScored(s, g.targets, { parentText, implicit: g.implicit }, () => tone));
        expect(got).toEqual(each);
      }),
      { numRuns: 200 },
    );
  });

  it('a target read before with other aliases is read with its own (the name readings are kept per name and aliases)', () => {
    expect(classifyStance('Trump is a liar.', [{ name: 'Donald Trump', aliases: ['Trump'] }])[0]!.implicit).toBeUndefined();
    expect(classifyStance('Trump is a liar.', [{ name: 'Donald J', aliases: [] }])[0]!.implicit).toBe(true);
    expect(classifyStance('Trump is a liar.', [{ name: 'Donald J', aliases: ['Trump'] }])[0]!.implicit).toBeUndefined();
  });
});
