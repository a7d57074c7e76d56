/**
 * Chrome-perturbed dumps (scripts/study/lib/chrome-variants.ts, session 37, shape40): the page-chrome lines the chrome
 * property of test/properties.test.ts inserts, drawn as the study draws them (1-6 inserts, each right before an author
 * line after the first post's first line; fixed seeds). The dump below was written for this test.
 */
import { describe, expect, it } from 'vitest';
import { CHROME_LINES, authorLineIndices, drawChromeVariants, insertChrome } from '../scripts/study/lib/chrome-variants.js';

const DUMP = [
  'Ferry timetable changes from May', // 0
  '', // 1
  'Comments (3)', // 2
  'Ana Ruiz', // 3: the first post's head
  'The early boat matters most to commuters.', // 4: the first post's first line
  '  Ben Okoro  ', // 5
  'Agreed, and the late one for shift workers.', // 6
  'Ana Ruiz', // 7
  'Exactly my point.', // 8
].join('\n');
const AUTHORS = new Set(['Ana Ruiz', 'Ben Okoro']);

describe('chrome variants', () => {
  it('finds the author lines after the first post, by their trimmed text', () => {
    expect(authorLineIndices(DUMP.split('\n'), AUTHORS, 4)).toEqual([5, 7]);
    expect(authorLineIndices(DUMP.split('\n'), AUTHORS, 2)).toEqual([3, 5, 7]);
  });

  it('puts each chrome line right before the author line its number picks (mod their count)', () => {
    const lines = DUMP.split('\n');
    const r = insertChrome(lines, [5, 7], [[0, 'Advertisement'], [3, 'Sort by Newest'], [2, 'Share this article']]);
    expect(r.lines).toEqual([...lines.slice(0, 5), 'Share this article', 'Advertisement', ...lines.slice(5, 7), 'Sort by Newest', ...lines.slice(7)]);
    expect(r.at.map(([i]) => i)).toEqual([5, 5, 7]);
  });

  it('draws 1-6 inserts per variant, each right before an author line, the rest of the dump unchanged', () => {
    const lines = DUMP.split('\n');
    const variants = drawChromeVariants(DUMP, AUTHORS, 4, 3700, 200)!;
    expect(variants).toHaveLength(200);
    for (const v of variants) {
      const out = v.text.split('\n');
      const added = out.length - lines.length;
      expect(added).toBeGreaterThanOrEqual(1);
      expect(added).toBeLessThanOrEqual(6);
      expect(v.inserted).toHaveLength(added);
      expect(out.filter((l) => !(CHROME_LINES as readonly string[]).includes(l))).toEqual(lines);
      out.forEach((l, i) => {
        if (!(CHROME_LINES as readonly string[]).includes(l)) return;
        let j = i;
        while ((CHROME_LINES as readonly string[]).includes(out[j]!)) j++;
        expect(AUTHORS.has(out[j]!.trim())).toBe(true);
        expect(i).toBeGreaterThan(4);
      });
    }
    expect(new Set(variants.map((v) => v.inserted.length)).size).toBeGreaterThan(3);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(drawChromeVariants(DUMP, AUTHORS, 4, 3701, 4)).toEqual(drawChromeVariants(DUMP, AUTHORS, 4, 3701, 4));
    expect(drawChromeVariants(DUMP, AUTHORS, 4, 3701, 4)).not.toEqual(drawChromeVariants(DUMP, AUTHORS, 4, 3702, 4));
  });

  it('draws nothing with fewer than two author lines after the first post', () => {
    expect(drawChromeVariants(DUMP, AUTHORS, 6, 3700, 4)).toBeNull();
    expect(drawChromeVariants(DUMP, new Set(['Nobody']), 0, 3700, 4)).toBeNull();
  });
});
