/**
 * The page's record template as line features (src/ingest/line-template.ts, session 39): on a made-up page, which shape
 * is the head, where each line lies in its record, which lines are the record's frame; and, on any text, the features
 * are deterministic and never throw.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRecordTemplate, templateFeatures } from '../scripts/study/lib/line-template.js';
import { shapeSignature } from '../src/ingest/line-recurrence.js';

// A made-up layout: a name line, an age line, the text, a footer of button words; an article above it.
const PAGE = [
  'Ferry timetable cut for the winter',
  'The operator said on Friday that the crossing will run four times a day instead of six from November.',
  '',
  'Ines Varga',
  '3 hours ago',
  'Four crossings is not enough for anyone who works on the mainland.',
  'Reply · Like',
  '',
  'tomas_h',
  '5 minutes ago',
  'It was six crossings last winter and the boats were half empty.',
  'They run at a loss in winter, everyone knows that.',
  'Reply · Like',
  '',
  'Bea Okoro',
  '1 day ago',
  'Will the school run still be covered in the mornings?',
  'Reply · Like',
];

const has = (f: Array<[string, number]>, n: string): boolean => f.some(([k]) => k === n);

describe('findRecordTemplate', () => {
  it('takes the shape every record repeats once, by the regularity of its records', () => {
    const lines = PAGE.filter((l) => l !== '');
    const t = findRecordTemplate(lines.map(shapeSignature), lines.map((l) => l.replace(/[0-9]+/g, '0')));
    expect(t).not.toBeNull();
    // the name lines (shape `a`): under each an age line, at each record's end the footer: regularity 1. The age
    // lines recur as often, but the text under them and the line before the next age line vary in shape.
    expect(t!.heads.map((k) => lines[k])).toEqual(['Ines Varga', 'tomas_h', 'Bea Okoro']);
    expect(t!.regularity).toBe(1);
    // records run head to next head; the last no longer than the longest other, within the page
    expect(t!.ends).toEqual([6, 11, 15]);
  });
  it('finds none on prose alone or on fewer than three records', () => {
    const prose = ['One sentence of plain text here.', 'Another sentence of plain text here.', 'A third sentence follows it now.'];
    expect(findRecordTemplate(prose.map(shapeSignature), prose)).toBeNull();
    const two = PAGE.slice(0, 13).filter((l) => l !== '');
    expect(findRecordTemplate(two.map(shapeSignature), two)).toBeNull();
  });
});

describe('templateFeatures', () => {
  const f = templateFeatures(PAGE);
  it('marks the article before the first record, the head, and the places in the record', () => {
    expect(has(f[0]!, 'tpl:before')).toBe(true);
    expect(has(f[1]!, 'tpl:before')).toBe(true);
    expect(f[2]).toEqual([]); // a blank line has none
    expect(has(f[3]!, 'tpl:head')).toBe(true);
    expect(has(f[3]!, 'tpl:headReg:3')).toBe(true);
    expect(has(f[3]!, 'tpl:headVary:2')).toBe(true); // three names, three texts
    expect(has(f[3]!, 'tpl:headConst')).toBe(false);
    expect(has(f[4]!, 'tpl:off:0')).toBe(true); // one line under the head
    expect(has(f[6]!, 'tpl:toEnd:0')).toBe(true); // the record's last line
  });
  it('tells the constant footer from the varying age line at the same place in every record', () => {
    expect(has(f[6]!, 'tpl:frameEnd')).toBe(true);
    expect(has(f[6]!, 'tpl:constEnd')).toBe(true);
    expect(has(f[4]!, 'tpl:frameHead')).toBe(true);
    expect(has(f[4]!, 'tpl:varyHead')).toBe(true);
    expect(has(f[4]!, 'tpl:constHead')).toBe(false);
  });
  it('is empty on a page with no recurring record', () => {
    expect(templateFeatures(['Just one line of text.', '', 'And another one, unrelated.']).every((x) => x.length === 0)).toBe(true);
  });
  it('never throws, is deterministic, and gives one list per line, empty for blank lines (any text)', () => {
    const line = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', 'Reply', '3 hours ago', 'Ana B', '@x', '12'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const trimmed = lines.map((l) => l.trim());
        const a = templateFeatures(trimmed);
        expect(a).toEqual(templateFeatures(trimmed));
        expect(a.length).toBe(trimmed.length);
        trimmed.forEach((t, i) => {
          if (t === '') expect(a[i]).toEqual([]);
        });
      }),
      { seed: 3900, numRuns: 300 },
    );
  });
});
