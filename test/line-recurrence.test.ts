/**
 * The dump-level recurrence features of the line-role model (src/ingest/line-recurrence.ts, session 31) and the
 * reader's split of a head line into the name and its frame, on made-up dumps.
 */
import { describe, expect, it } from 'vitest';
import { recurrenceFeatures, shapeSignature, tokenShape, varyingName } from '../src/ingest/line-recurrence.js';
import { lineFeatures } from '../src/ingest/line-features.js';
import { oddAuthorShare, takeForAuthors } from '../src/ingest/line-roles.js';
import { newPost } from '../src/ingest/styles/counted.js';

const names = (f: Array<[string, number]>): string[] => f.map(([n]) => n);

// A made-up layout: a head of name, separator, age and a button, the text under it, a like counter under that.
const DUMP = [
  'Harbour fees to rise in spring',
  'The port authority said on Monday that mooring fees will rise by a tenth from April, the first rise in six years.',
  '',
  'Talk',
  '',
  'Odile Brant ~ 3h ~ answer',
  'Six years without a rise is generous, and the pontoons need work anyway.',
  'hearts 4',
  '',
  'kestrel_77 ~ 5h ~ answer',
  'The pontoons have needed work for a decade. Where did the last rise go?',
  'hearts 12',
  '',
  'Pim van Loon ~ 1d ~ answer',
  'We will take the boat to the next harbour, where the fees are lower.',
  'hearts 1',
];

describe('shapeSignature', () => {
  it('reads names of one word or three alike, and keeps the frame', () => {
    expect(shapeSignature('Odile Brant ~ 3h ~ answer')).toBe('a ~ 0a ~ a');
    expect(shapeSignature('kestrel_77 ~ 5h ~ answer')).toBe('a ~ 0a ~ a');
    expect(shapeSignature('Pim van Loon ~ 1d ~ answer')).toBe('a ~ 0a ~ a');
  });
  it('tells a short sentence from a name, and gives prose no shape', () => {
    expect(shapeSignature('We will take the boat today.')).toBe('a+ a.');
    expect(shapeSignature('one two three four five six seven eight nine ten eleven twelve thirteen')).toBeNull();
    expect(shapeSignature('')).toBeNull();
  });
  it('shapes tokens by letters and figures', () => {
    expect(tokenShape('12:04')).toBe('0:0');
    expect(tokenShape('(2)')).toBe('(0)');
    expect(tokenShape("O'Neil")).toBe('a');
    expect(tokenShape('J.R.')).toBe('a.a.');
  });
});

describe('recurrenceFeatures', () => {
  const f = recurrenceFeatures(DUMP);
  it('finds the record head: recurring, its names varying, the text right under it', () => {
    for (const i of [5, 9, 13]) expect(names(f[i]!)).toContain('recordHead');
    // the counters recur as often but vary only in their figures: not the head
    for (const i of [7, 11, 15]) {
      expect(names(f[i]!)).not.toContain('recordHead');
      expect(names(f[i]!)).toContain('shapeVary:0');
    }
    expect(names(f[5]!)).toContain('shapeThenProse:2');
  });
  it('places every line from the head above and below', () => {
    expect(names(f[6]!)).toContain('fromHead:0');
    expect(names(f[7]!)).toContain('fromHead:1');
    expect(names(f[11]!)).toContain('toHead:0');
    expect(names(f[1]!)).toContain('fromHead:none');
    expect(names(f[14]!)).toContain('toHead:none');
  });
  it('gives blank lines nothing and prose the prose shape', () => {
    expect(f[2]).toEqual([]);
    expect(names(f[1]!)).toContain('shapeN:prose');
  });
  it('gives no head when nothing recurs, and never throws on odd text', () => {
    const g = recurrenceFeatures(['one line', '', 'another line here.']);
    expect(g.flat().some(([n]) => n === 'recordHead' || n.startsWith('fromHead'))).toBe(false);
    for (const t of ['\u0000', '\ud800', '  \t ', '😀 😀 😀', 'a'.repeat(5000)]) expect(() => recurrenceFeatures([t, t, t, t])).not.toThrow();
    expect(recurrenceFeatures([])).toEqual([]);
  });
  it('is part of the line-role features, copied to the neighbours', () => {
    const lf = lineFeatures(DUMP);
    expect(names(lf[5]!)).toContain('recordHead');
    expect(names(lf[6]!)).toContain('p1:recordHead');
  });
});

describe('varyingName', () => {
  const heads = [DUMP[5]!, DUMP[9]!, DUMP[13]!];
  it('takes the tokens that vary across the heads for the name', () => {
    expect(varyingName(heads[0]!, heads)).toEqual({ name: 'Odile Brant', at: 0 });
    expect(varyingName(heads[1]!, heads)).toEqual({ name: 'kestrel_77', at: 0 });
    expect(varyingName(heads[2]!, heads)).toEqual({ name: 'Pim van Loon', at: 0 });
  });
  it('finds the name after a recurring lead, its offset into the line', () => {
    const lead = ['[-] marsh_wren 6 hours ago | link', '[-] tomas 2 hours ago | link', '[-] marsh_wren 1 hour ago | link', '[-] ada.k 4 hours ago | link'];
    const got = varyingName(lead[3]!, lead)!;
    expect(got.name).toBe('ada.k');
    expect(lead[3]!.slice(got.at, got.at + got.name.length)).toBe('ada.k');
  });
  it('gives null with fewer than three heads, or a line that is all name', () => {
    expect(varyingName(heads[0]!, heads.slice(0, 2))).toBeNull();
    const plain = ['Odile Brant', 'kestrel_77', 'Pim van Loon'];
    expect(varyingName(plain[0]!, plain)).toBeNull();
  });
});

describe('the odd-author arm of the line-role arbitration', () => {
  const posts = (authors: Array<string | null>) => authors.map((a) => newPost(a, null));
  it('counts authors that cannot be names', () => {
    expect(oddAuthorShare(posts(['Odile Brant', 'kestrel_77', 'Pim van Loon', 'Ada']))).toBe(0);
    // missing, no letter, a clock, past four words
    expect(oddAuthorShare(posts([null, '12', 'at 09:14', 'one two three four five', 'Ada', 'Bo', 'Cy', 'Di']))).toBe(0.5);
    // one name on most posts is a board's default name, not odd
    expect(oddAuthorShare(posts(['Anonymous', 'Anonymous', 'Anonymous', 'Ada']))).toBe(0);
    // a removed post is not weighed; no post at all is all odd
    const gone = posts(['Ada', null]);
    gone[1]!.removed = true;
    expect(oddAuthorShare(gone)).toBe(0);
    expect(oddAuthorShare([])).toBe(1);
  });
  it("calls odd an author carrying the head's frame: a token on half the distinct authors (session 32)", () => {
    // the frame read into the name: marks and time shapes, button words, arrows
    expect(oddAuthorShare(posts(['[-] ada_k · 7h', '[-] bo_l · 5h', '[-] cy · 2h', '[-] di · 1h']))).toBe(1);
    expect(oddAuthorShare(posts(['ada commented', 'bo replied', 'cy commented', 'di replied']))).toBe(1);
    expect(oddAuthorShare(posts(['Ada Lee', '↳ Bo Park', '↳ Cy Moss', '↳ Di Ng']))).toBe(0.75);
    // a surname on two of five writers is not a frame; one writer's many posts count once
    expect(oddAuthorShare(posts(['Ann Lee', 'Bob Lee', 'Cy Park', 'Di Moss', 'Ed Ng']))).toBe(0);
    expect(oddAuthorShare(posts(['Ada Lee', 'Ada Lee', 'Ada Lee', 'Bo Park', 'Cy Moss']))).toBe(0);
    // under three distinct authors there is no frame to tell; phone numbers (figures all 0) are left out of it
    expect(oddAuthorShare(posts(['Ada Lee', 'Bo Lee', 'Ada Lee']))).toBe(0);
    expect(oddAuthorShare(posts(['+44 7700 900123', '+44 7700 900456', '+44 7700 900789', 'Ada', 'Bo']))).toBe(0);
  });
  it("takes the model only when a quarter of the rules' authors are odd and the model has under half their share", () => {
    expect(takeForAuthors(0.5, 0.2)).toBe(true);
    expect(takeForAuthors(0.25, 0.1)).toBe(true);
    expect(takeForAuthors(0.2, 0)).toBe(false);
    expect(takeForAuthors(0.5, 0.25)).toBe(false);
  });
});
