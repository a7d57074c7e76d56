/**
 * The blind threads as comment-register rows (scripts/train/lib/comment-register-fit.ts, session 25): only dumps of
 * the development rounds (scripts/train/lib/blind-rounds.ts) are ever read (a later number is a held-out set), each post in its writer's round, its text the body the
 * pipeline parses.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BLIND_DEV_ROUNDS } from '../scripts/train/lib/blind-rounds.js';
import { BLIND_ROUNDS, blindRound, readBlindRows } from '../scripts/train/lib/comment-register-fit.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'blind-threads');

describe('blind-thread rows for the comment register', () => {
  const held = BLIND_DEV_ROUNDS[BLIND_DEV_ROUNDS.length - 1]!.last + 1;

  it('puts each development dump in its writer\'s round and no later dump in any', () => {
    expect(blindRound('01_disqus_parking.gold.json')).toBe('01-04');
    expect(blindRound('04_nyt_er.txt')).toBe('01-04');
    expect(blindRound('05_guardian_tariff')).toBe('05-10');
    expect(blindRound('10_dailymail_coffee')).toBe('05-10');
    expect(blindRound('16_lobsters_streetlights')).toBe('11-16');
    expect(blindRound('22_chorus_ban')).toBe('17-22');
    for (const f of [`${held}_x.gold.json`, `${held + 5}_y.gold.json`, `${held + 7}_z.txt`, '00_a.txt', 'README.md']) expect(blindRound(f), f).toBeUndefined();
    expect(BLIND_ROUNDS.map((r) => r.round).slice(0, 4)).toEqual(['01-04', '05-10', '11-16', '17-22']);
    expect(BLIND_ROUNDS.map((r) => r.round)).toEqual(BLIND_DEV_ROUNDS.map((r) => r.label));
  });

  const dir = mkdtempSync(join(tmpdir(), 'threadlens-blind-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips a dump numbered past the development rounds in the same folder', () => {
    const gold = JSON.parse(readFileSync(join(fixtures, '01_disqus_parking.gold.json'), 'utf8')) as { file: string; posts: Array<{ sentiment: string | null }> };
    copyFileSync(join(fixtures, '01_disqus_parking.gold.json'), join(dir, '01_disqus_parking.gold.json'));
    copyFileSync(join(fixtures, gold.file), join(dir, gold.file));
    // The same dump under a held-out number: it must not be read.
    writeFileSync(join(dir, `${held}_copy.gold.json`), JSON.stringify({ ...gold, file: `${held}_copy.txt` }));
    copyFileSync(join(fixtures, gold.file), join(dir, `${held}_copy.txt`));
    const rows = readBlindRows(dir);
    expect(rows.length).toBe(gold.posts.filter((p) => p.sentiment !== null).length);
    for (const r of rows) {
      expect(r.source).toBe('blind');
      expect(r.topic).toBe('01_disqus_parking');
      expect(r.round).toBe('01-04');
      expect(r.text.trim().length).toBeGreaterThan(0);
      // The body, not the page: no post holds the dump's first line (the site's header).
      expect(r.text).not.toContain(readFileSync(join(fixtures, gold.file), 'utf8').split('\n')[0]!.trim() || '\u0000');
    }
  });
});
