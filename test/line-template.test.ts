/**
 * The page's record template as line features (src/ingest/line-template.ts, session 39): on a made-up page, which shape
 * is the head, where each line lies in its record, which lines are the record's frame; and, on any text, the features
 * are deterministic and never throw.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundaryShift, findRecordTemplate, templateFeatures } from '../scripts/study/lib/line-template.js';
import { shapeSignature } from '../src/ingest/line-recurrence.js';
// A made-up layout: a name line, an age line, the text, a footer of button words; an article above it.
import { PAGE } from './record-page.js';

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
        for (const opts of [{}, { boundary: true, firstRun: true }]) {
          const a = templateFeatures(trimmed, opts);
          expect(a).toEqual(templateFeatures(trimmed, opts));
          expect(a.length).toBe(trimmed.length);
          trimmed.forEach((t, i) => {
            if (t === '') expect(a[i]).toEqual([]);
          });
        }
      }),
      { seed: 3900, numRuns: 300 },
    );
  });
});

// tmpl39b (v3): a layout whose repeated line is a like count at each post's end, the article carrying one too.
const LIKES = [
  'Ferry timetable cut for the winter',
  'By Ana Ruiz, staff writer',
  '12 likes',
  'The operator said on Friday that the crossing will run four times a day instead of six from November.',
  '',
  'Ines Varga',
  'Four crossings is not enough for anyone who works on the mainland.',
  '3 likes',
  '',
  'tomas_h',
  'It was six crossings last winter and the boats were half empty.',
  'They run at a loss in winter, everyone knows that.',
  '5 likes',
  '',
  'B. Okoro',
  'Will the school run still be covered in the mornings?',
  '1 likes',
  '',
  '@danmoss',
  'Not in my experience.',
  '2 likes',
];

describe('boundaryShift', () => {
  it('moves the records past a repeated line that ends each post, before one under the name, not when none is blank-bound', () => {
    // non-blank ranks 0..9: records of three lines, a blank before ranks 0, 3, 6 (the line after each repeated line)
    const blank = [false, false, false, true, false, false, true, false, false, true];
    expect(boundaryShift([2, 5, 8], blank)).toBe(1);
    // the repeated line second in each record: the record begins one line above it
    expect(boundaryShift([4, 7, 10], [false, false, false, true, false, false, true, false, false, true, false])).toBe(-1);
    // already at the blank: no shift; no blank lines at all: no shift
    expect(boundaryShift([3, 6, 9], blank)).toBe(0);
    expect(boundaryShift([2, 5, 8], blank.map(() => false))).toBe(0);
  });
});

describe('templateFeatures, v3 options', () => {
  const name = (f: Array<Array<[string, number]>>, n: string): string[] => LIKES.filter((_, i) => has(f[i]!, n));
  it('starts each record at its boundary, keeping the like count as the anchor, and the article outside', () => {
    const v1 = templateFeatures(LIKES);
    // v1: the like count is the head, so each post's name and text close the record before it
    expect(name(v1, 'tpl:head')).toEqual(['12 likes', '3 likes', '5 likes', '1 likes', '2 likes']);
    const v3 = templateFeatures(LIKES, { boundary: true });
    expect(name(v3, 'tpl:head')).toEqual(['Ines Varga', 'tomas_h', 'B. Okoro', '@danmoss']);
    expect(name(v3, 'tpl:anchor')).toEqual(['3 likes', '5 likes', '1 likes', '2 likes']);
    // the article's count is a repeated line too, but its record begins at the next blank-separated block
    expect(name(v3, 'tpl:before')).toEqual(LIKES.slice(0, 4));
  });
  it('starts the section at the first run of two records fitting the frame', () => {
    // a page whose byline has a name's shape: v1 reads the article's tail as a first record
    const page = LIKES.map((l, i) => (i === 1 ? 'Ana Ruiz' : l === 'B. Okoro' ? 'Bea Okoro' : l === '@danmoss' ? 'Dan Moss' : l));
    expect(has(templateFeatures(page)[1]!, 'tpl:head')).toBe(true);
    const run = templateFeatures(page, { firstRun: true });
    expect(page.slice(0, 4).every((_, i) => has(run[i]!, 'tpl:before'))).toBe(true);
    expect(has(run[5]!, 'tpl:head')).toBe(true);
  });
});
