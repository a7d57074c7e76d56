/**
 * The line roles a blind thread's gold gives the line-role model (scripts/train/lib/line-roles-data.ts,
 * `deriveThreadGold`, session 25): the gold says each post's author and where its text starts, a reading of the posts
 * says where the text ends. The dump and gold below were written for this test, in no layout of the fixtures.
 */
import { describe, expect, it } from 'vitest';
import { deriveThreadGold, generatedFixtures, lineRoleRows, roleTransitions, ROLES, weightGenerated, type ThreadGold } from '../scripts/train/lib/line-roles-data.js';
import { viterbiDecoder } from '../scripts/study/lib/role-decoding.js';

const DUMP = [
  'Library opening hours to grow', // 0
  '', // 1
  'The town library will open on Sundays from March, the council said.', // 2
  '', // 3
  'Reader notes (3)', // 4
  '', // 5
  'Ruth Okafor', // 6
  'posted 2 days ago', // 7
  'Sundays are the only day I can take the kids, so this is welcome.', // 8
  'It should have happened years ago.', // 9
  'Helpful? Yes (4) · No (1)', // 10
  '', // 11
  '[note withdrawn by the editors]', // 12
  '', // 13
  'Colm Byrne', // 14
  'posted yesterday', // 15
  'Who staffs it on Sundays, though? The budget line says nothing.', // 16
  'Helpful? Yes (2) · No (0)', // 17
  '', // 18
  'Mei Tanaka: The volunteers from the reading club offered to help.', // 19
  'Helpful? Yes (1) · No (0)', // 20
  '',
].join('\n');

const GOLD: ThreadGold = {
  title: 'Library opening hours to grow',
  posts: [
    { author: 'Ruth Okafor', starts: 'Sundays are the only day I c', parent: null },
    { author: null, starts: '', parent: null, removed: true },
    { author: 'Colm Byrne', starts: 'Who staffs it on Sundays, th', parent: null },
    { author: 'Mei Tanaka', starts: 'The volunteers from the readi', parent: 2 },
  ],
};

// The posts' texts as a reading of the dump has them (the rules' parse in scripts/train/train-line-roles.ts).
const TEXTS = [
  'Sundays are the only day I can take the kids, so this is welcome.\nIt should have happened years ago.',
  'Who staffs it on Sundays, though? The budget line says nothing.',
  'The volunteers from the reading club offered to help.',
];

describe('deriveThreadGold: line roles from a blind thread gold', () => {
  const fx = deriveThreadGold('made-up', DUMP, GOLD, TEXTS);

  it('places each post with text at its start line and its author line above it', () => {
    expect(fx.posts.map((p) => [p.startLine, p.authorLine])).toEqual([
      [8, 6],
      [16, 14],
      [19, 19],
    ]);
    expect(fx.unfound).toBe(0);
  });

  it('gives article, author, meta, start, body and chrome roles', () => {
    expect(fx.gold.slice(0, 5)).toEqual(['article', 'blank', 'article', 'blank', 'article']);
    expect(fx.gold.slice(6, 10)).toEqual(['author', 'meta', 'start', 'body']);
    expect(fx.gold.slice(14, 18)).toEqual(['author', 'meta', 'start', 'chrome']);
    // a head on the text line (`Name: text`): the line is the post's start, not an author line
    expect(fx.gold[19]).toBe('start');
    expect(fx.gold[20]).toBe('chrome');
  });

  it('skips the lines about a removed post instead of calling them chrome', () => {
    // the placeholder, and the footer before it (which post's it is cannot be told from the labels)
    expect(fx.gold[12]).toBe('skip');
    expect(fx.gold[10]).toBe('skip');
    expect(fx.skipped['near a removed post']).toBe(2);
  });

  it('without a reading of the posts, skips the lines after a start rather than guessing body or chrome', () => {
    const bare = deriveThreadGold('made-up', DUMP, GOLD);
    expect(bare.gold.slice(6, 9)).toEqual(['author', 'meta', 'start']);
    expect(bare.gold[9]).toBe('skip');
    expect(bare.gold[10]).toBe('skip');
    expect(bare.gold[19]).toBe('start');
  });

  it('counts a start the dump does not hold as unfound', () => {
    const wrong = deriveThreadGold('made-up', DUMP, { posts: [...GOLD.posts, { author: 'Nobody', starts: 'words that are not in the dump', parent: null }] }, TEXTS);
    expect(wrong.unfound).toBe(1);
    expect(wrong.posts).toHaveLength(3);
  });
});

describe('generatedFixtures: line roles of src/testing dumps from their truth (session 36, aug36)', () => {
  it('draws the same dumps every run (fixed seeds) and keeps only dumps whose truth places every start and author line', () => {
    const a = generatedFixtures(2);
    const b = generatedFixtures(2);
    expect(a.fixtures.map((f) => f.text)).toEqual(b.fixtures.map((f) => f.text));
    expect(a.fixtures.length + Object.values(a.dropped).reduce((x, y) => x + y, 0)).toBe(18);
    for (const fx of a.fixtures) {
      expect(fx.unfound).toBe(0);
      expect(fx.gold.filter((g) => g === 'start').length).toBe(fx.labels.posts.filter((p) => p.startsWith.trim() !== '').length);
      expect(fx.name.includes('json')).toBe(false);
    }
  });

  it('weights generated rows one each, or together a given share of the real rows', () => {
    const rows = lineRoleRows(generatedFixtures(1).fixtures);
    expect(weightGenerated(rows, 100, 'one').every((r) => r.weight === 1)).toBe(true);
    const total = weightGenerated(rows, 1000, 0.1).reduce((s, r) => s + r.weight!, 0);
    expect(total).toBeCloseTo(100, 6);
  });
});

// Session 36 (lines36, study only): the structured decoding's constants and its Viterbi decoder.
describe('roleTransitions and viterbiDecoder (structured decoding study)', () => {
  const fx = deriveThreadGold('made-up', DUMP, GOLD, TEXTS);

  it('gives each role a row of add-one smoothed transition shares summing to 1, and priors on request', () => {
    const t = roleTransitions([fx], true);
    for (const a of ROLES) {
      const row = ROLES.map((b) => t[`transition:${a}>${b}`]!);
      expect(row.every((x) => x > 0)).toBe(true);
      expect(row.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 4);
    }
    // the author line is followed by its meta line in the dump (Ruth Okafor, then "posted 2 days ago")
    expect(t['transition:author>meta']!).toBeGreaterThan(t['transition:author>body']!);
    expect(ROLES.map((r) => t[`prior:${r}`]!).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 4);
    expect(roleTransitions([fx])['prior:article']).toBeUndefined();
  });

  it('decodes the non-blank lines jointly, skips blank ones, and with flat transitions is the argmax', () => {
    const flat = Object.fromEntries(ROLES.flatMap((a) => ROLES.map((b) => [`transition:${a}>${b}`, 1 / ROLES.length])));
    const probs = [[0.1, 0.5, 0.1, 0.1, 0.1, 0.1], null, [0.05, 0.05, 0.05, 0.7, 0.1, 0.05]];
    expect(viterbiDecoder(flat)(probs)).toEqual([1, null, 3]);
    // a transition that forbids author -> start (all but author -> meta) turns the weaker line's role
    const strict = { ...flat, ...Object.fromEntries(ROLES.map((b) => [`transition:author>${b}`, b === 'meta' ? 0.999 : 0.0002])) };
    expect(viterbiDecoder(strict)([[0.1, 0.5, 0.1, 0.1, 0.1, 0.1], [0.05, 0.05, 0.4, 0.45, 0.03, 0.02]])).toEqual([1, 2]);
    expect(viterbiDecoder(strict)([])).toEqual([]);
  });
});
