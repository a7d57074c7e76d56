import { describe, expect, it } from 'vitest';
import { rows } from './lib/parse-rows.js';
import { fenwickStory } from './lib/fenwick-story.js';

// Session 30 (parse30): shapes left on the ninth set of blind threads (fixtures/blind-threads 47-52), each tested on a
// made-up dump of the same shape, not on those dumps.


describe('session 30: replies listed open under a toggle', () => {
  it('reads the post\'s own writer in a "Hide N replies" block as answering the reply above, and an @ to that writer as answering that reply', () => {
    const text = [
      ...fenwickStory(),
      'Conversation',
      '5 Comments',
      'Sort by Best',
      'Alan Pike · 4h',
      'Two hundred cars a week is a lot of fly-tipping waiting to happen.',
      'Reply · Share · 👍 31 · 👎 2',
      'Hide 3 replies',
      'Ruth Lomas · 3h',
      'Fly-tipping fell the last time a site cut its hours, according to the county.',
      'Reply · Share · 👍 12 · 👎 0',
      'Alan Pike · 3h',
      'Fell where, though? Lay-bys near Harlow are full of mattresses.',
      'Reply · Share · 👍 20 · 👎 1',
      'Tessa Ward · 2h',
      '@Alan Pike the county figures cover the whole district, lay-bys included.',
      'Reply · Share · 👍 8 · 👎 0',
      'Ben Crane · 1h',
      'Saving 84,000 pounds and spending it on clearing lay-bys.',
      'Reply · Share · 👍 5 · 👎 1',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['Alan Pike', null],
      ['Ruth Lomas', 0],
      ['Alan Pike', 1],
      ['Tessa Ward', 2],
      ['Ben Crane', null],
    ]);
  });

  it('does the same under a counted list\'s "Hide N replies" toggle below the footer', () => {
    const text = [
      'News Portal',
      'Sign in',
      ...fenwickStory(),
      'Comments (4)',
      'Sign in to join the conversation',
      'Top',
      'Joan Birch',
      'Six miles there and six back to drop off a bag of glass. Brilliant.',
      '3h · Reply · 👍 40 👎 3',
      'Hide 2 replies',
      'Sam Idris',
      'Most people combine it with a supermarket run at Harlow anyway.',
      '3h · Reply · 👍 7 👎 9',
      'Joan Birch',
      'Not everyone has a car, and the bus does not stop there.',
      '2h · Reply · 👍 15 👎 1',
      'Mick Dow',
      'Fewer than 200 cars is about 28 a day. Hardly a queue.',
      '2h · Reply · 👍 11 👎 0',
      'See more comments',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['Joan Birch', null],
      ['Sam Idris', 0],
      ['Joan Birch', 1],
      ['Mick Dow', null],
    ]);
  });
});

describe('session 30: the comment box under the last message', () => {
  it('reads a name over a line after "Leave a comment" under a chat whose every message shows its clock as the page\'s, not a comment', () => {
    const text = [
      'Harlow Bins Channel',
      ...fenwickStory(),
      '3 comments',
      'Joan Birch',
      'Six miles there and six back to drop off a bag of glass. Brilliant.',
      '👍 4',
      '09:12',
      'Sam Idris',
      'Most people combine it with a supermarket run at Harlow anyway.',
      '09:20',
      'Mick Dow',
      'Fewer than 200 cars is about 28 a day. Hardly a queue.',
      '10:02',
      'Leave a comment',
      'Harlow Bins Channel',
      'Collections, tips and recycling news for Harlow and the villages. Tips welcome.',
      'Preview channel',
    ].join('\n');
    expect(rows(text).map((r) => r[0])).toEqual(['Joan Birch', 'Sam Idris', 'Mick Dow']);
  });
});

describe('session 30: a reply to a removed post', () => {
  it('takes an @ handle that finds no poster, right under a removed post, to that post; a handle posts opened with before stays the story\'s', () => {
    const text = [
      ...fenwickStory(),
      'Comments',
      '',
      'Joan Birch',
      '@countynews Six miles there and six back to drop off a bag of glass. Brilliant.',
      '2h',
      '',
      'Sam Idris',
      '@joanb Most people combine it with a supermarket run at Harlow anyway.',
      '2h',
      '',
      'This comment has been removed.',
      '',
      'Joan Birch',
      '@binbaron Charming. Reported. Name-calling does not change the mileage.',
      '1h',
      '',
      'This comment has been removed.',
      '',
      'Mick Dow',
      '@countynews Fewer than 200 cars is about 28 a day. Hardly a queue.',
      '1h',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['Joan Birch', null],
      ['Sam Idris', 0],
      [null, null],
      ['Joan Birch', 2],
      [null, null],
      ['Mick Dow', null],
    ]);
  });
});
