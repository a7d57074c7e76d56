import { describe, expect, it } from 'vitest';
import { BLIND_DEV_ROUNDS, blindDevRound, blindNumber } from '../scripts/train/lib/blind-rounds.js';
import { blindThreads } from '../scripts/train/lib/line-roles-data.js';

describe('blind development rounds (the one list training scripts read)', () => {
  it('places a file in its round and leaves the held-out round and unnumbered files out', () => {
    expect(blindNumber('07_substack_strike.gold.json')).toBe(7);
    expect(blindDevRound('04_nyt_er.gold.json')).toBe('01-04');
    expect(blindDevRound('05_guardian_tariff.txt')).toBe('05-10');
    expect(blindDevRound('22_chorus_ban.gold.json')).toBe('17-22');
    const after = BLIND_DEV_ROUNDS[BLIND_DEV_ROUNDS.length - 1]!.last + 1;
    expect(blindDevRound(`${after}_new_layout.gold.json`)).toBeUndefined();
    expect(blindDevRound('README.md')).toBeUndefined();
  });

  it('the line-role training reads no blind dump outside the development rounds', () => {
    const names = blindThreads().map((t) => t.name);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(blindDevRound(n)).toBeDefined();
  });
});
