import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../src/classify/sentiment/index.js';
import { charGramSpans, detectSarcasm, priorShift, SARCASM_DECISION, SARCASM_MODEL } from '../src/classify/sentiment/sarcasm.js';
import { DEFAULT_LEXICON } from '../src/classify/sentiment/lexicon.js';
import { analyzeText } from '../src/text/analysis.js';
import type { FeatureBag } from '../src/classify/sentiment/features.js';
import { logCountRatios } from '../scripts/train/lib/sarcasm-fit.js';

// Pairs written for this file: the same situation said straight, then said with a roll of the eyes.
const PAIRS: Array<[literal: string, sarcastic: string]> = [
  ['The train was cancelled again and I had to wait two hours.', 'Oh great, the train is cancelled again. Love waiting two hours on a cold platform 🙄'],
  ['Raising the fees will not help students.', 'Sure, because raising the fees will help students.'],
  ['Another meeting was scheduled for Friday evening. I am annoyed.', 'Great, another meeting on Friday evening. Just what I wanted.'],
  ['The roadworks will last another year.', 'Oh wonderful, the roadworks will last another year 🙄'],
  ['The new system will not save us money.', 'Yeah, right. The new system will save us money.'],
];

const detect = (text: string) => detectSarcasm(analyzeText(text), DEFAULT_LEXICON);

describe('sarcasm', () => {
  it('fires on the sarcastic twin and not on the literal one, and turns the praise it applies to', () => {
    for (const [literal, sarcastic] of PAIRS) {
      const l = scoreSentiment(literal);
      const s = scoreSentiment(sarcastic);
      expect(l.sarcasm, literal).toEqual([]);
      expect(l.sarcasmProbability, literal).toBeUndefined();
      expect(s.sarcasm.length, sarcastic).toBeGreaterThan(0);
      expect(s.label, sarcastic).not.toBe('positive');
      expect(detect(sarcastic).probability, sarcastic).toBeGreaterThan(detect(literal).probability);
    }
  });

  it('flips sarcastic praise with a form cue ("Sure, because ...", "Great, another ...", the eye-roll)', () => {
    for (const text of ['Sure, because that worked so well last time.', 'Great, another brilliant idea from the council 🙄']) {
      const r = detect(text);
      expect(r.level, text).toBe('flip');
      expect(r.cues.some((c) => !c.cue.startsWith('sarcasm:model:') || /\p{Extended_Pictographic}/u.test(c.text)), text).toBe(true);
    }
    expect(detect('What a brilliant plan /s').level).toBe('flip');
  });

  it('stays quiet on sincere praise and on news reporting', () => {
    for (const text of [
      'Thanks for the clear explanation, that helped a lot.',
      'Congratulations to the whole team, well deserved.',
      'Thanks, great article.',
      'Great article, thanks for writing it.',
      'The minister said the budget would be published on Tuesday.',
      'Shares fell 3% after the company reported lower profits.',
      'The council approved the new cycle lane after a public consultation.',
    ]) {
      expect(scoreSentiment(text).sarcasm, text).toEqual([]);
    }
  });

  it('reads the two thresholds from the model: flip at least as strict as possible', () => {
    const th = SARCASM_MODEL.thresholds!;
    expect(th.sarcastic).toBeGreaterThan(0);
    expect(th.flip).toBeGreaterThanOrEqual(th.sarcastic!);
  });

  it('reads comments at a lower prior than the tweets it was fit on: the decision model is calibrated to their share', () => {
    const th = SARCASM_DECISION.thresholds!;
    expect(th.prior).toBeGreaterThan(0.2);
    expect(th.commentPrior).toBeLessThan(th.prior!);
    expect(priorShift(SARCASM_DECISION)).toBeLessThan(0);
    expect(priorShift(SARCASM_DECISION, th.prior)).toBe(0);
    // Out-of-range priors leave the decision as fit rather than throwing.
    expect(priorShift(SARCASM_DECISION, 0)).toBe(0);
    expect(priorShift(SARCASM_DECISION, Number.NaN)).toBe(0);
  });

  it('fires more often the higher the prior, never less, and a higher prior raises the decision probability', () => {
    const texts = [...PAIRS.flat(), 'Love how the roads get fixed right before the election.', 'Nice work, the queue is only three hours today.', 'I waited an hour for the bus.', 'What a day.'];
    const rank = { none: 0, possible: 1, flip: 2 } as const;
    for (const text of texts) {
      const t = analyzeText(text);
      const low = detectSarcasm(t, DEFAULT_LEXICON, undefined, undefined, { prior: 0.02 });
      const mid = detectSarcasm(t, DEFAULT_LEXICON);
      const high = detectSarcasm(t, DEFAULT_LEXICON, undefined, undefined, { prior: 0.6 });
      expect(rank[low.level], text).toBeLessThanOrEqual(rank[mid.level]);
      expect(rank[mid.level], text).toBeLessThanOrEqual(rank[high.level]);
      expect(high.decision, text).toBeGreaterThan(low.decision);
      expect(high.probability, text).toBe(low.probability);
    }
  });

  it('reads spelling: character n-grams of each word, edge-marked, each with a span on its word', () => {
    const text = analyzeText('Sooo #blessed, LOVE it');
    const grams = charGramSpans(text.tokens);
    expect([...grams.keys()]).toEqual(expect.arrayContaining(['<soo', 'ooo>', '<ble', 'sed>', '<lov', 'ove>']));
    expect(grams.has('<#bl')).toBe(false);
    for (const [g, [a, b]] of grams) expect(`<${text.text.slice(a, b).toLowerCase().replace(/^#/, '')}>`).toContain(g);
  });

  it('shows each word once among the cues (its spelling folded into it)', () => {
    for (const [, sarcastic] of PAIRS) {
      const spans = detect(sarcastic).cues.filter((c) => c.cue.startsWith('sarcasm:model:')).map((c) => `${c.span[0]}:${c.span[1]}`);
      expect(new Set(spans).size, sarcastic).toBe(spans.length);
    }
  });

  it('gives cue spans that slice back, is deterministic and never throws', () => {
    const piece = fc.constantFrom('Oh great', 'Sure, because', ' love ', ' "genius" ', '🙄', ' /s', 'waiting', ' late again', '!!', '...', '\n', ' ', 'é', '\u{1F600}', '#fail', '@bob');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const a = detect(text);
        expect(a).toEqual(detect(text));
        // A higher prior never lowers the level, and never changes the ranker's probability.
        const high = detectSarcasm(analyzeText(text), DEFAULT_LEXICON, undefined, undefined, { prior: 0.5 });
        expect({ none: 0, possible: 1, flip: 2 }[high.level]).toBeGreaterThanOrEqual({ none: 0, possible: 1, flip: 2 }[a.level]);
        expect(high.probability).toBe(a.probability);
        expect(a.probability).toBeGreaterThanOrEqual(0);
        expect(a.probability).toBeLessThanOrEqual(1);
        const r = scoreSentiment(text);
        for (const e of r.sarcasm) expect(text.slice(e.span[0], e.span[1])).toBe(e.text);
        expect(r.sarcasm.length === 0).toBe(r.sarcasmProbability === undefined);
      }),
      { numRuns: 150, seed: 15 },
    );
  });
});

describe('sarcasm fit: log-count ratios', () => {
  const bag = (names: string[]): FeatureBag => ({ names, values: names.map(() => 1), spans: names.map(() => null) });
  it('counts a literal rephrase among the non-sarcastic rows: the subject both twins share weighs less than the way of saying it', () => {
    const examples = [
      { bag: bag(['w:train', 'w:love']), sarcastic: true, rephrase: bag(['w:train', 'w:hate']) },
      { bag: bag(['w:bus', 'w:love']), sarcastic: true, rephrase: bag(['w:bus', 'w:hate']) },
      { bag: bag(['w:weather']), sarcastic: false, rephrase: null },
      { bag: bag(['w:lunch']), sarcastic: false, rephrase: null },
    ];
    const r = logCountRatios(examples);
    const without = logCountRatios(examples.map((e) => ({ ...e, rephrase: null })));
    expect(r.get('w:love')!).toBeGreaterThan(r.get('w:train')!);
    expect(r.get('w:train')!).toBeLessThan(without.get('w:train')!);
    expect(r.get('w:hate')!).toBeLessThan(0);
    // Dense features (rule cues, counts) have no ratio: their penalty is fixed.
    expect(logCountRatios([{ bag: bag(['cue:tag', '#bang']), sarcastic: true, rephrase: bag(['#bang']) }]).size).toBe(0);
  });
});
