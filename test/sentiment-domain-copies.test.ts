/**
 * The sentiment fit's domain copies (scripts/train/lib/sentiment-fit.ts): word features get a copy private to their
 * row's domain while fitting; the copies never ship, and a lean only one domain shows is weaker in the shipped weight.
 */
import { describe, expect, it } from 'vitest';
import { denseNames, fitOutputs, fitSentiment, withDenseProducts, withDomainCopies, type SentimentExample } from '../scripts/train/lib/sentiment-fit.js';

const bag = (words: string[], lex: number): SentimentExample['bag'] => ({
  names: ['#lex', ...words],
  values: [lex, ...words.map(() => 1 / Math.sqrt(words.length))],
  spans: [null, ...words.map((_, k) => [k, k + 1] as [number, number])],
});

/** Two domains: positive rows say "film" in domain A and "good" in B; negative rows say "bad" in both. */
function rows(withDomains: boolean): SentimentExample[] {
  const out: SentimentExample[] = [];
  for (let i = 0; i < 60; i++) {
    const pos = i % 2 === 0;
    const a = i < 30;
    const words = [pos ? (a ? 'film' : 'good') : 'bad', i % 3 === 0 ? 'and' : 'the'];
    out.push({
      bag: bag(words, pos ? 0.3 : -0.3),
      valence: pos ? 0.4 : -0.4,
      gold: pos ? 'positive' : 'negative',
      weight: 1,
      ...(withDomains ? { domain: a ? 'A' : 'B' } : {}),
    });
  }
  return out;
}

describe('sentiment domain copies', () => {
  it('copies word features only, and leaves rows without a domain alone', () => {
    const e = rows(true)[0]!;
    const c = withDomainCopies(e);
    expect(c.bag.names).toEqual([...e.bag.names, 'film@@A', 'and@@A']);
    expect(c.bag.spans.slice(e.bag.names.length)).toEqual([null, null]);
    const plain = rows(false)[0]!;
    expect(withDomainCopies(plain)).toBe(plain);
  });

  it('ships no domain copy, and a word one domain alone uses weighs less than without copies', () => {
    const shared = fitSentiment(rows(true));
    const alone = fitSentiment(rows(false));
    expect(Object.keys(shared.weights).some((n) => n.includes('@@'))).toBe(false);
    expect(shared.weights.film?.[0]).toBeGreaterThan(0);
    expect(shared.weights.film![0]!).toBeLessThan(alone.weights.film![0]!);
  });

  it('reads a hashtag as a word: copied per domain, not dense (dense features are the ones without a span)', () => {
    const e: SentimentExample = { bag: bag(['#tcot', 'tax'], -0.2), valence: -0.4, gold: 'negative', weight: 1, domain: 'A' };
    expect([...denseNames([e])]).toEqual(['#lex']);
    expect(withDomainCopies(e).bag.names).toEqual(['#lex', '#tcot', 'tax', '#tcot@@A', 'tax@@A']);
  });

  it("valenceOn 'polar' (measured in session 28, not shipped) leaves the neutral rows out of the valence fit only", () => {
    const polar = rows(true);
    // Neutral rows with a negative lexicon sum: fit toward valence 0 they pull the lexicon weight down.
    const neutral: SentimentExample[] = Array.from({ length: 20 }, (_, i) => ({
      bag: bag(['report', i % 2 === 0 ? 'the' : 'and'], -0.3),
      valence: 0,
      gold: 'neutral',
      weight: 1,
      domain: i < 10 ? 'A' : 'B',
    }));
    const all = [...polar, ...neutral];
    const dense = denseNames(all);
    const two = fitOutputs(all, dense, { valenceOn: 'polar' }, 1);
    const one = fitOutputs(all, dense, {}, 1);
    const without = fitOutputs(polar, dense, {}, 1);
    // Valence as if the neutral rows were absent; strength still fit on them.
    expect(two.bias[0]).toBe(without.bias[0]);
    expect(two.weights['#lex']![0]).toBe(without.weights['#lex']![0]);
    expect(two.weights['#lex']![1]).toBe(one.weights['#lex']![1]);
    expect(two.weights['#lex']![1]).not.toBe(without.weights['#lex']![1]);
    expect(one.weights['#lex']![0]!).not.toBe(two.weights['#lex']![0]!);
    expect(two.weights.report?.[0] ?? 0).toBe(0);
    expect(Math.abs(one.weights.report![0]!)).toBeGreaterThan(0);
  });

  it('valenceFit and choosesBand false (measured in session 34, not shipped): the row fits strength only and chooses no band', () => {
    const polar = rows(true);
    const reports = (flags: Partial<SentimentExample>): SentimentExample[] =>
      Array.from({ length: 20 }, (_, i) => ({ bag: bag(['report', i % 2 === 0 ? 'the' : 'and'], -0.3), valence: 0, gold: 'neutral', weight: 1, domain: 'R', ...flags }));
    const dense = denseNames([...polar, ...reports({})]);
    const strengthOnly = fitOutputs([...polar, ...reports({ valenceFit: false })], dense, {}, 1);
    const both = fitOutputs([...polar, ...reports({})], dense, {}, 1);
    const without = fitOutputs(polar, dense, {}, 1);
    // Valence as if the rows were absent; strength fit on them as on any graded row.
    expect(strengthOnly.bias[0]).toBe(without.bias[0]);
    expect(strengthOnly.weights['#lex']![0]).toBe(without.weights['#lex']![0]);
    expect(strengthOnly.weights['#lex']![1]).toBe(both.weights['#lex']![1]);
    // The band: with the neutral reports choosing it, some rows must read neutral; without them, the polar rows alone
    // choose it (the weights are the same in both fits).
    const chosen = fitSentiment([...polar, ...reports({ valenceFit: false })]);
    const free = fitSentiment([...polar, ...reports({ valenceFit: false, choosesBand: false })]);
    expect(free.weights).toEqual(chosen.weights);
    expect(free.thresholds).not.toEqual(chosen.thresholds);
  });

  it('withDenseProducts (measured in session 30, not shipped) adds each product of two present dense features, penalised by productL2', () => {
    const b: SentimentExample['bag'] = { names: ['#rneg', 'bad', '#c.negated', '#s.names'], values: [-0.5, 0.7, 0.4, 0.2], spans: [null, [0, 3], null, null] };
    const p = withDenseProducts(b);
    expect(b.names).toHaveLength(4);
    expect(p.names.slice(4)).toEqual(['#x.#c.negated*#rneg', '#x.#c.negated*#s.names', '#x.#rneg*#s.names']);
    expect(p.values.slice(4)).toEqual([0.4 * -0.5, 0.4 * 0.2, -0.5 * 0.2]);
    expect(p.spans.slice(4)).toEqual([null, null, null]);
    // Products are dense (never copied per domain); under a strong productL2 their weights shrink.
    const all = rows(true).map((e) => ({ ...e, bag: withDenseProducts({ names: [...e.bag.names, '#rpos'], values: [...e.bag.values, e.valence], spans: [...e.bag.spans, null] }) }));
    expect(withDomainCopies(all[0]!).bag.names.filter((n) => n.startsWith('#x.'))).toEqual(['#x.#lex*#rpos']);
    const dense = denseNames(all);
    const free = fitOutputs(all, dense, {}, 1);
    const held = fitOutputs(all, dense, { productL2: 1 }, 1);
    // (a weight that rounds to 0 is left out of the model)
    expect(Math.abs(held.weights['#x.#lex*#rpos']?.[0] ?? 0)).toBeLessThan(Math.abs(free.weights['#x.#lex*#rpos']![0]!));
  });
});
