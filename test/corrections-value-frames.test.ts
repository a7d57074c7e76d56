import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { FREQUENCY_UNIT } from '../src/classify/corrections/value-frames.js';
import { makeUnit, valueKeys } from '../src/classify/corrections/units.js';
import { differs } from '../src/classify/corrections/compare.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** The values the corrections' reader reads in a made-up sentence, each checked to slice back to its text. */
function read(sentence: string): Array<{ kind: string; text: string; value: number | string; unit: string | null }> {
  const u = makeUnit(sentence, [0, sentence.length]);
  for (const v of u.values) expect(sentence.slice(v.span[0], v.span[1])).toBe(v.text);
  return u.values.map((v) => ({ kind: v.kind, text: v.text, value: v.value, unit: v.unit }));
}

const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;
const ofPost = (cs: readonly Correction[] | undefined, postId: string): Correction[] => (cs ?? []).filter((c) => c.target.kind === 'post' && c.target.postId === postId);

// Session 27 (values27): frequencies, changes, fractions and vague counts, read by closed classes (value-frames.ts).
describe('the values corrections read beyond the claim reader (value-frames.ts)', () => {
  it('reads a frequency as occasions per day, its period no longer an amount of minutes', () => {
    expect(read('The ferry leaves every 45 minutes in summer.')).toEqual([{ kind: 'quantity', text: 'every 45 minutes', value: 32, unit: FREQUENCY_UNIT }]);
    expect(read('Bins go out every other week now.')).toEqual([{ kind: 'quantity', text: 'every other week', value: 0.0714, unit: FREQUENCY_UNIT }]);
    expect(read('The lab is cleaned twice a day and checked three times a week.').map((v) => [v.text, v.value])).toEqual([
      ['twice a day', 2],
      ['three times a week', 0.4286],
    ]);
    // The same frequency written two ways is one value.
    const a = makeUnit('It runs every half hour.', [0, 24]).values[0]!;
    const b = makeUnit('It runs every 30 minutes.', [0, 25]).values[0]!;
    expect(valueKeys(a)).toEqual(valueKeys(b));
    expect(differs(a, b)).toBe(false);
  });

  it('reads a multiplier or the percentage of a rise as nothing new (the change reader did not ship)', () => {
    expect(read('Ticket prices tripled after the merger.')).toEqual([]);
    expect(read('The toll fell by 15% in May.').filter((v) => v.kind !== 'date')).toEqual([{ kind: 'percent', text: '15%', value: 15, unit: '%' }]);
  });

  it('reads a fraction as a share in percent and "a couple of" as about two', () => {
    expect(read('Half the stalls were empty.')).toEqual([{ kind: 'percent', text: 'Half', value: 50, unit: '%' }]);
    expect(read('About two thirds of the members voted.').map((v) => [v.text, v.value])).toEqual([['two thirds', 66.6667]]);
    expect(read('It took half an hour and two and a half weeks.').filter((v) => v.kind === 'percent')).toEqual([]);
    expect(read('The gate was shut for a couple of weeks.')).toEqual([{ kind: 'quantity', text: 'a couple of weeks', value: 2, unit: 'weeks' }]);
  });

  it('gives a frequency a key no amount has, and reads a share as a percentage', () => {
    const freq = makeUnit('Buses run every 2 hours.', [0, 24]).values;
    const amounts = makeUnit('It took 2 hours, cost £2 and 2% more.', [0, 37]).values;
    expect(freq.map((v) => v.unit)).toEqual([FREQUENCY_UNIT]);
    const amountKeys = amounts.flatMap(valueKeys);
    expect(valueKeys(freq[0]!).some((k) => amountKeys.includes(k))).toBe(false);
    // Half against a tenth: two percentages that differ; half against 48% (approximate): the same.
    const half = makeUnit('Half the stalls were empty.', [0, 27]).values[0]!;
    expect(differs(half, makeUnit('Only 10% of the stalls were empty.', [0, 34]).values[0]!)).toBe(true);
    expect(differs(half, makeUnit('48% of the stalls were empty.', [0, 29]).values[0]!)).toBe(false);
  });
});

const article = [
  'The harbour ferry to Skell Island will run from the new pier from April.',
  'The operator said the crossing takes 25 minutes and the fare stays at £4.',
];

describe('a correction of a value the reader did not read before', () => {
  it('finds a frequency set against the parent\'s differing frequency', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Rhona', parentId: null, text: 'Shame the ferry only goes every two hours, nobody can commute on that.' },
        { id: 'b', author: 'Fergus', parentId: 'a', text: 'Rhona, the ferry goes every 40 minutes at peak, it says so on the operator page.' },
      ],
    });
    const cs = ofPost(found.get('b'), 'a');
    expect(cs).toHaveLength(1);
    expect(cs[0]!).toMatchObject({ kind: 'post', cue: 'different-number' });
    expect(cs[0]!.evidence.map((e) => e.text)).toEqual(['every 40 minutes']);
  });

  it('finds nothing for the same frequency restated in agreement, written another way', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Rhona', parentId: null, text: 'Shame the ferry only goes every two hours, nobody can commute on that.' },
        { id: 'b', author: 'Fergus', parentId: 'a', text: 'The ferry goes every 120 minutes, so commuting is out for me too.' },
      ],
    });
    expect(ofPost(found.get('b'), 'a')).toEqual([]);
  });

  it('finds a share set against the parent\'s percentage, and never sets a percentage against a money amount', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Rhona', parentId: null, text: 'Half the islanders work on the mainland, so the ferry times matter.' },
        { id: 'b', author: 'Fergus', parentId: 'a', text: 'The census puts mainland workers at 12% of the islanders.' },
        { id: 'c', author: 'Ailsa', parentId: null, text: 'The harbour dues are £30 a berth this year.' },
        { id: 'd', author: 'Fergus', parentId: 'c', text: 'The harbour dues went up 30% this year.' },
      ],
    });
    const cs = ofPost(found.get('b'), 'a');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.evidence.map((e) => e.text)).toEqual(['12%']);
    expect(ofPost(found.get('d'), 'c')).toEqual([]);
  });
});
