import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { fenwickStory } from './lib/fenwick-story.js';
import { rows } from './lib/parse-rows.js';

// Session 30 (parsegen30): one small made-up dump per family the layout generator varies (src/testing/layouts.ts,
// `families30Arbitrary`), each failing on main before session 30's fixes. Words and names are made up for these tests.

const dump = (...comments: string[]): string => [...fenwickStory(), '6 comments', '', ...comments, ''].join('\n');
const authors = (text: string) => rows(text).map((r) => r[0]);

describe('session 30 generator families, by hand', () => {
  it('reads avatar initials over a name as part of the head, not as an author', () => {
    const text = dump(
      'RP', 'Rhoda Pim', 'Two hundred cars a week is not nothing for the lanes round here.', 'Reply', '',
      'TB', 'Tam Birke', 'Harlow Cross is six miles away and the bus does not take a sofa.', 'Reply', '',
      'W', 'wendle_9', 'The saving is smaller than the clearing bill for one bad month.', 'Reply',
    );
    expect(authors(text)).toEqual(['Rhoda Pim', 'Tam Birke', 'wendle_9']);
  });

  it('reads a made-up suffix after a separator or in brackets as no part of the name', () => {
    const text = dump(
      'Rhoda Pim · Quellbrand', 'Two hundred cars a week is not nothing for the lanes round here.', 'Reply', '',
      'Tam Birke (Vostrel Ka)', 'Harlow Cross is six miles away and the bus does not take a sofa.', 'Reply', '',
      'Ines Caro [Drumwick]', 'The saving is smaller than the clearing bill for one bad month.', 'Reply',
    );
    expect(authors(text)).toEqual(['Rhoda Pim', 'Tam Birke', 'Ines Caro']);
  });

  it("reads a page's badge mark after two names as no part of them, and a poster's own mark as theirs", () => {
    const text = dump(
      'Rhoda Pim ◆ · 3h', 'Two hundred cars a week is not nothing for the lanes round here.', '',
      'Tam Birke ◆ · 2h', 'Harlow Cross is six miles away and the bus does not take a sofa.', '',
      'Ines Caro 🚲 · 1h', 'The saving is smaller than the clearing bill for one bad month.',
    );
    expect(authors(text)).toEqual(['Rhoda Pim', 'Tam Birke', 'Ines Caro 🚲']);
  });

  it("keeps a text-style symbol two posters end their text with (a smiley is the writer's, not a badge)", () => {
    const text = dump(
      'Rhoda Pim', '3 hours ago', 'Thanks for the update ☺', '',
      'Tam Birke', '2 hours ago', 'Good news for the lanes ☺', '',
      'Ines Caro', '1 hour ago', 'Finally, about time ♥',
    );
    const r = rows(text);
    expect(r.map((x) => x[0])).toEqual(['Rhoda Pim', 'Tam Birke', 'Ines Caro']);
    expect(r.map((x) => x[3])).toEqual(['Thanks for the update ☺', 'Good news for the lanes ☺', 'Finally, about time ♥']);
  });

  it('reads fold toggles in wordings no list holds as chrome, not posts', () => {
    const text = dump(
      'Rhoda Pim', 'Two hundred cars a week is not nothing for the lanes round here.', 'Reply', 'Expand 2 earlier answers', '',
      '[deleted]', 'Collapse 2 other comments', '',
      'Tam Birke', 'Harlow Cross is six miles away and the bus does not take a sofa.', 'Reply', '',
      'Ines Caro', 'The saving is smaller than the clearing bill for one bad month.', 'Reply', 'Load all 3 responses',
    );
    expect(rows(text).map((r) => [r[0], r[2]])).toEqual([['Rhoda Pim', false], [null, true], ['Tam Birke', false], ['Ines Caro', false]]);
  });

  it('reads footer reply counts as the footer, not as the next post', () => {
    const text = dump(
      'Rhoda Pim', 'Two hundred cars a week is not nothing for the lanes round here.', 'Reply', '↳ 1',
      'Tam Birke', 'Harlow Cross is six miles away and the bus does not take a sofa.', 'Reply', '2 responses',
      'Ines Caro', 'The saving is smaller than the clearing bill for one bad month.', 'Reply', 'Answer · 1 answers',
      'Odo Fenn', 'Sundays are when people with jobs get to the tip at all.', 'Reply',
    );
    expect(authors(text)).toEqual(['Rhoda Pim', 'Tam Birke', 'Ines Caro', 'Odo Fenn']);
  });

  it('reads a reply preview over the head as the post answered, out of the text', () => {
    const text = dump(
      'Rhoda Pim', 'Two hundred cars a week is not nothing for the lanes round here.', 'Reply', '',
      'Tam Birke', 'Harlow Cross is six miles away and the bus does not take a sofa.', 'Reply', '',
      'Rhoda Pim', 'And the lay-bys are full already, ask anyone on Mill Road.', 'Reply', '',
      '@Rhoda Pim Two hundred cars a week is…', 'Ines Caro', 'It is about thirty an hour, which is a quiet Tuesday at any shop.', 'Reply',
    );
    const read = rows(text);
    expect(read.map((r) => [r[0], r[1]])).toEqual([['Rhoda Pim', null], ['Tam Birke', null], ['Rhoda Pim', null], ['Ines Caro', 0]]);
    expect(read[3]![3]).toBe('It is about thirty an hour, which is a quiet Tuesday at any shop.');
  });

  it('reads a quoted "Replying to NAME: …" preview as the post answered, whichever post of that name it quotes', () => {
    const text = dump(
      'Rhoda Pim · 4h', 'Two hundred cars a week is not nothing for the lanes round here.', '',
      'Rhoda Pim · 3h', 'And the lay-bys are full already, ask anyone on Mill Road.', '',
      'Ines Caro · 1h', 'Replying to Rhoda Pim: "Two hundred cars a week…"', 'It is about thirty an hour, which is a quiet Tuesday at any shop.',
    );
    const read = rows(text);
    expect(read.map((r) => [r[0], r[1]])).toEqual([['Rhoda Pim', null], ['Rhoda Pim', null], ['Ines Caro', 0]]);
  });

  it('reads a chat copied tight (no blank lines) with its initials and previews', () => {
    const text = dump(
      'RP', 'Rhoda Pim · 3h', 'Two hundred cars a week is not nothing for the lanes round here.',
      'TB', 'Tam Birke · 2h', 'Harlow Cross is six miles away and the bus does not take a sofa.',
      '@Rhoda Pim Two hundred cars…', 'IC', 'Ines Caro · 1h', 'It is about thirty an hour, which is a quiet Tuesday at any shop.',
    );
    const doc = parse(text);
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['Rhoda Pim', 'Tam Birke', 'Ines Caro']);
    expect(doc.thread.posts[2]!.parentId).toBe(doc.thread.posts[0]!.id);
  });
});
