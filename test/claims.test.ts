import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { claimFeatures, detectClaims, scoreCheckworthiness } from '../src/classify/claims/index.js';
import { bestF1Threshold, pruneClaimModel, trainClaimModel } from '../scripts/train/lib/claim-recipe.js';
import { ThreadlensOptionError } from '../src/errors.js';
import { isLinearModel, MODEL_FORMAT } from '../src/learn/model.js';

const value = (text: string, kind: string) => detectClaims(text).flatMap((c) => c.values).find((v) => v.kind === kind);

describe('detectClaims', () => {
  it('normalises values', () => {
    expect(value('Trump said this back in 2016 or so.', 'year')).toMatchObject({ value: 2016, approximate: true, text: '2016 or so' });
    expect(value('Some 54,000 troops are stationed in Japan today.', 'quantity')).toMatchObject({ value: 54000, unit: 'troops', approximate: true });
    expect(value('Japan will spend 10 trillion yen on defence by 2027.', 'money')).toMatchObject({ value: 1e13, unit: 'JPY' });
    expect(value('On May 8, 1981 Reagan asked Suzuki to help defend Guam.', 'date')).toMatchObject({ value: '1981-05-08' });
    expect(value('Spending rose to about 2 percent of gross domestic product.', 'percent')).toMatchObject({ value: 2, approximate: true });
  });

  it('keeps hedges and speakers', () => {
    const [c] = detectClaims('Trump said this back in 2016 or so.');
    expect(c?.hedge?.text).toBe('or so');
    expect(c?.speaker).toBe('Trump');
    const quote = '"It is very likely that his advisors have advised him on how such a policy could cause friction with the United States," said Jeffrey Hornung, a senior political scientist.';
    const [q] = detectClaims(quote);
    expect(q?.kind).toBe('attribution-or-quote');
    expect(q?.speaker).toBe('Jeffrey Hornung');
  });

  it('scores a word that is an Object.prototype key ("constructor") like any other word', () => {
    for (const text of ['The constructor of the bridge said it cost 5 million dollars in 2019.', 'A Constructor built 40 percent of the homes in 2019.']) {
      const claims = detectClaims(text);
      expect(claims.length).toBeGreaterThan(0);
      for (const c of claims) expect(Number.isFinite(c.checkworthiness)).toBe(true);
    }
  });

  it('resolves "he said" only with speakerHints', () => {
    const text = 'Hornung said the deal cost 5 billion dollars. "The plan added 300 jobs in 2020," he said.';
    expect(detectClaims(text)[1]?.speaker).toBe('he');
    expect(detectClaims(text, { speakerHints: true })[1]?.speaker).toBe('Hornung');
  });

  it('returns no claim for opinions, insults, questions and figure-free predictions', () => {
    expect(detectClaims('There will be zero changes to SOFA that will in any way benefit Japan.\nJapan will be lucky to keep the current quite reasonable agreement.')).toEqual([]);
    expect(detectClaims('Ignore the Idiot returning to the white house.')).toEqual([]);
    expect(detectClaims('Is Japan not paying enough?')).toEqual([]);
    expect(detectClaims('Kick them out and build your army!')).toEqual([]);
  });

  it('finds factual claims with their kind', () => {
    const [c] = detectClaims('Japan legalized "Collective Defense" in 2015 allowing the JSDF to come to the assistance of US Forces.');
    expect(c).toBeDefined();
    expect(c!.checkworthiness).toBeGreaterThan(0.7);
    expect(detectClaims('Unemployment fell from 8 percent to 5 percent last year.')[0]?.kind).toBe('statistic');
  });

  it('rejects bad options with a typed error', () => {
    expect(() => detectClaims('x', { threshold: 2 })).toThrow(ThreadlensOptionError);
    expect(() => detectClaims('x', { cueWeights: { a: Number.NaN } })).toThrow(ThreadlensOptionError);
    expect(() => detectClaims('x', { model: {} as never })).toThrow(ThreadlensOptionError);
  });

  it('lets callers add cue weights without changing the defaults', () => {
    const s = 'The harbour tunnel flooded twice.';
    const before = scoreCheckworthiness(s);
    expect(scoreCheckworthiness(s, { cueWeights: { flooded: 3 } })).toBeGreaterThan(before);
    expect(scoreCheckworthiness(s)).toBe(before);
  });

  it('scores with the hand-set cues by default (no model fit on data that may not ship), a caller\'s model on request', () => {
    const s = 'Unemployment fell from 8 percent to 5 percent last year.';
    expect(scoreCheckworthiness(s)).toBe(scoreCheckworthiness(s, { cuesOnly: true }));
    const own = trainClaimModel([
      { text: 'Unemployment fell to 5 percent.', label: 1 },
      { text: 'The budget rose by 3 percent.', label: 1 },
      { text: 'I love this town.', label: 0 },
      { text: 'What a lovely day.', label: 0 },
    ]);
    expect(scoreCheckworthiness(s, { model: own })).not.toBe(scoreCheckworthiness(s));
    for (const opts of [{}, { cuesOnly: true }]) {
      expect(scoreCheckworthiness('There will be zero changes to SOFA that will in any way benefit Japan.', opts)).toBeLessThan(0.5);
      expect(scoreCheckworthiness('Is Japan not paying enough?', opts)).toBeLessThan(0.5);
      expect(scoreCheckworthiness(s, opts)).toBeGreaterThan(0.5);
    }
    expect(() => scoreCheckworthiness('x', { cuesOnly: 'yes' as never })).toThrow(ThreadlensOptionError);
    expect(() => scoreCheckworthiness('x', { cuesOnly: true, model: own })).toThrow(ThreadlensOptionError);
  });

  it('re-centres a model threshold to 0.5 and picks the best-F1 threshold', () => {
    expect(bestF1Threshold([0.9, 0.8, 0.3, 0.2], [true, true, false, false]).threshold).toBeCloseTo(0.55);
    expect(bestF1Threshold([0.9, 0.8, 0.3, Number.NEGATIVE_INFINITY], [true, false, true, true]).f1).toBeCloseTo(2 / 3);
    const model = { format: MODEL_FORMAT, name: 'claim', fitOn: ['synthetic'], featureFiles: ['x'], featureHash: '', link: 'sigmoid' as const, labels: ['check-worthy'], bias: [-0.2] };
    const pruned = pruneClaimModel({ ...model, weights: { a: [1], b: [-1], c: [0.1] } }, 2);
    expect(pruned.weights).toEqual({ a: [1], b: [-1] });
    expect(() => scoreCheckworthiness('x', { model: { ...pruned, link: 'softmax' } })).toThrow(ThreadlensOptionError);
    const s = 'Taxes rose by 4 percent in 2019 under the new law.';
    const p = scoreCheckworthiness(s, { model: pruned });
    const q = scoreCheckworthiness(s, { model: { ...pruned, thresholds: { claim: p } } });
    expect(q).toBeCloseTo(0.5, 6);
  });

  it('trains a small inspectable model', () => {
    const ex = [
      ...Array.from({ length: 20 }, (_, i) => ({ text: `Taxes rose by ${i + 2} percent in 2019.`, label: 1 as const })),
      ...Array.from({ length: 20 }, (_, i) => ({ text: `I hope we can do better together number ${i}.`, label: 0 as const })),
    ];
    const model = trainClaimModel(ex);
    expect(model.format).toBe(MODEL_FORMAT);
    expect(isLinearModel(model)).toBe(true);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(scoreCheckworthiness('Prices rose by 7 percent in 2020.', { model })).toBeGreaterThan(scoreCheckworthiness('I hope we can do better.', { model }));
  });

  it('properties: never throws, spans slice back, scores in range, deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('In 2019, 54,000 troops (about 2 percent) cost $5 billion, said Hamada.', '\u0000\ud800 1999 😀')), (s) => {
        const a = detectClaims(s, { threshold: 0 });
        for (const c of a) {
          expect(s.slice(c.span[0], c.span[1])).toBe(c.text);
          expect(c.checkworthiness).toBeGreaterThanOrEqual(0);
          expect(c.checkworthiness).toBeLessThanOrEqual(1);
          for (const v of c.values) expect(s.slice(v.span[0], v.span[1])).toBe(v.text);
          if (c.hedge) expect(s.slice(c.hedge.span[0], c.hedge.span[1])).toBe(c.hedge.text);
        }
        expect(detectClaims(s, { threshold: 0 })).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the model number shapes, lemmas and buckets that generalise across figures', () => {
    const f = claimFeatures('In 1998 the Senate voted 54 to 46, a 3.5% swing.');
    for (const x of ['s:<year>', 'sb:in <year>', 's:<n2>', 'sb:<dec> %', 'p:%', 'l:vote', 'c:1', 'len:2', 'p0:in', 'p01:in 1998']) expect(f).toContain(x);
    expect(claimFeatures('In 2016 the House voted 54 to 46, a 3.5% swing.')).toContain('sb:in <year>');
  });

  it('keeps a quotation with a named speaker as an attribution claim, but not one by a pronoun', () => {
    const opinion = '"It is a great shame and a bad idea," said Jeffrey Hornung, a political scientist.';
    expect(scoreCheckworthiness(opinion)).toBeGreaterThanOrEqual(0.55);
    expect(detectClaims(opinion)[0]?.kind).toBe('attribution-or-quote');
    expect(scoreCheckworthiness('"It is a great shame and a bad idea," he said.')).toBeLessThan(scoreCheckworthiness(opinion));
  });

  it('is fast on a long line', () => {
    const line = 'In 2019 the city spent 5 million dollars, about 2 percent more than in 2018. '.repeat(2000);
    const t0 = performance.now();
    detectClaims(line);
    // A guard against quadratic time (minutes on 150 kB), not a benchmark: generous for a loaded machine.
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
