/**
 * The line-role model's rounds-left-out ensemble (session 45, guard45; scripts/train/lib/line-roles-ensemble.ts): one
 * fit of the shipped recipe per fold of the blind rounds, each leaving that fold out, averaged into one model of the
 * same format, so that the reading of a page does not hang on one fit. The pages below were written for this test, in
 * no layout of the fixtures.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageModels, bagModel, BAG_FOLDS, roundFold, SINGLE, type RoundFixtures } from '../scripts/train/lib/line-roles-ensemble.js';
import { deriveThreadGold, ROLES, type ThreadGold } from '../scripts/train/lib/line-roles-data.js';
import { lineFeatures } from '../src/ingest/line-features.js';
import { MODEL_FORMAT, predict, type LinearModel } from '../src/learn/model.js';

const LABELS = ['a', 'b', 'c'];
const FEATURES = ['f0', 'f1', 'f2', 'f3'];

/** A made-up softmax model over FEATURES, its weights in hundredths (exact at four decimals). */
const modelArb = fc
  .record({
    bias: fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 3, maxLength: 3 }),
    rows: fc.array(fc.option(fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 3, maxLength: 3 }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ bias, rows }): LinearModel => {
    const weights: Record<string, number[]> = {};
    rows.forEach((r, i) => {
      if (r !== undefined) weights[FEATURES[i]!] = r.map((x) => x / 100);
    });
    return { format: MODEL_FORMAT, name: 't', fitOn: ['made up'], featureFiles: ['src/learn/model.ts'], featureHash: 'h', link: 'softmax', labels: LABELS, bias: bias.map((x) => x / 100), weights };
  });
const featuresArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }).map((v) => v.map((x, i) => [FEATURES[i]!, x] as const));

const logits = (p: readonly number[]): number[] => p.map((x) => Math.log(x));
const argmax = (p: readonly number[]): number => p.reduce((b, x, i) => (x > p[b]! ? i : b), 0);

describe('averageModels: one model whose scores are the members\' mean', () => {
  it('its probabilities are the members\' pooled log-linearly (the normalised geometric mean)', () => {
    fc.assert(
      fc.property(fc.array(modelArb, { minLength: 2, maxLength: 4 }), featuresArb, (members, x) => {
        const avg = averageModels(members, ['made up']);
        const got = logits(predict(avg, x));
        const mean = LABELS.map((_, l) => members.reduce((s, m) => s + logits(predict(m, x))[l]!, 0) / members.length);
        // log-probabilities are logits up to one constant per item: compare differences to the first label
        for (let l = 1; l < LABELS.length; l++) expect(got[l]! - got[0]!).toBeCloseTo(mean[l]! - mean[0]!, 3);
      }),
    );
  });

  it('reads a line as every member reads it, where they all read it alike', () => {
    fc.assert(
      fc.property(fc.array(modelArb, { minLength: 2, maxLength: 4 }), featuresArb, (members, x) => {
        const probs = members.map((m) => predict(m, x));
        const first = argmax(probs[0]!);
        // unanimous, each by a margin the four-decimal rounding cannot undo
        fc.pre(probs.every((p) => argmax(p) === first && logits(p).every((z, l) => l === first || logits(p)[first]! - z > 0.01)));
        expect(argmax(predict(averageModels(members, ['made up']), x))).toBe(first);
      }),
    );
  });

  it('refuses members of other labels', () => {
    const a: LinearModel = { format: MODEL_FORMAT, name: 't', fitOn: ['x'], featureFiles: ['f'], featureHash: 'h', link: 'softmax', labels: ['a', 'b'], bias: [0, 0], weights: {} };
    expect(() => averageModels([a, { ...a, labels: ['b', 'a'] }], ['x'])).toThrow(/differ/);
    expect(() => averageModels([], ['x'])).toThrow(/no member/);
  });
});

describe('roundFold: a round keeps its fold as rounds are added', () => {
  it('is the round\'s place in BLIND_DEV_ROUNDS mod the fold count', () => {
    expect(BAG_FOLDS).toBe(3);
    expect(['01-04', '05-10', '11-16', '17-22', '23-28'].map((l) => roundFold(l, []))).toEqual([0, 1, 2, 0, 1]);
    // a round not in the list: its place among the rounds given
    expect(roundFold('x', [{ label: 'a', fixtures: [] }, { label: 'x', fixtures: [] }])).toBe(1);
  });
});

/** A made-up comment page: a head line with the writer's name, a time line, the text, a footer. */
function page(name: string, writers: readonly string[], texts: readonly string[], head: (w: string, i: number) => string[]): { fx: ReturnType<typeof deriveThreadGold>; text: string } {
  const lines = [`${name}: the council's plan`, '', 'The council met on Tuesday and voted on the plan.', '', `Comments (${writers.length})`, ''];
  writers.forEach((w, i) => lines.push(...head(w, i), texts[i]!, 'Reply · Share', ''));
  const text = lines.join('\n');
  const gold: ThreadGold = { posts: writers.map((w, i) => ({ author: w, starts: texts[i]!.slice(0, 30), parent: null })) };
  return { fx: deriveThreadGold(name, text, gold, [...texts]), text };
}

const WRITERS = ['Ana Lima', 'Tom Reyes', 'Jo Park', 'Sam Idowu', 'Lee Chen'];
const TEXTS = [
  'I walked past the site this morning and nothing has started yet.',
  'The plan was announced twice before, so I will believe it when I see it.',
  'Good news for the families on our street, finally.',
  'Who pays for the upkeep once the grant runs out?',
  'The meeting notes are online if anyone wants to read the details.',
];
const ROUNDS: RoundFixtures[] = [
  { label: '01-04', fixtures: [page('Harbour', WRITERS, TEXTS, (w, i) => [w, `${i + 2} hours ago`]).fx] },
  { label: '05-10', fixtures: [page('Bridge', WRITERS, TEXTS, (w, i) => [`${w} wrote at 1${i}:05`]).fx] },
  { label: '11-16', fixtures: [page('Market', WRITERS, TEXTS, (w, i) => [`@${w.replace(' ', '').toLowerCase()} · ${i + 1}d`]).fx] },
];
const FIXTURES = [page('Library', WRITERS, TEXTS, (w, i) => [`${w} | March ${i + 3}`]).fx];

describe('bagModel: the rounds-left-out ensemble on made-up pages', () => {
  const bag = bagModel(FIXTURES, ROUNDS, ['made up']);
  const members = [0, 1, 2].map((k) => SINGLE.fit(FIXTURES, ROUNDS.filter((r) => roundFold(r.label, ROUNDS) !== k), ['made up']));

  it('is the average of one fit per fold, each without that fold, in the one model format', () => {
    expect(bag.format).toBe(MODEL_FORMAT);
    expect(bag.labels).toEqual([...ROLES]);
    expect(JSON.stringify(bag)).toBe(JSON.stringify(averageModels(members, ['made up'])));
    // not the single fit on every round
    expect(JSON.stringify(bag)).not.toBe(JSON.stringify(SINGLE.fit(FIXTURES, ROUNDS, ['made up'])));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(bagModel(FIXTURES, ROUNDS, ['made up']))).toBe(JSON.stringify(bag));
  });

  it('is the single fit when the rounds fill one fold only', () => {
    const one = [ROUNDS[0]!, { label: '17-22', fixtures: ROUNDS[1]!.fixtures }];
    expect(JSON.stringify(bagModel(FIXTURES, one, ['made up']))).toBe(JSON.stringify(SINGLE.fit(FIXTURES, one, ['made up'])));
  });

  it('reads a new page\'s lines as every fit reads them where the fits agree', () => {
    const unseen = page('Ferry', ['Mo Ali', 'Kai Berg', 'Ida Holm', 'Raj Nair'], TEXTS.slice(0, 4), (w, i) => [`${w}`, `posted ${i + 1} days ago`]).text;
    const feats = lineFeatures(unseen.split('\n'));
    let agreed = 0;
    feats.forEach((f) => {
      if (f === null) return;
      const roles = members.map((m) => argmax(predict(m, f)));
      if (roles.some((r) => r !== roles[0])) return;
      agreed++;
      expect(ROLES[argmax(predict(bag, f))]).toBe(ROLES[roles[0]!]);
    });
    expect(agreed).toBeGreaterThan(10);
  });
});
