import { describe, expect, it } from 'vitest';
import { rows } from './lib/parse-rows.js';
import { FENWICK_COMMENTS as C, FENWICK_PARAGRAPHS, fenwickStory } from './lib/fenwick-story.js';
import { parse } from '../src/index.js';

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

// Session 30 (gold30): shapes left on the tenth set of blind threads (fixtures/blind-threads 53-58), each tested on a
// made-up dump of the same shape, not on those dumps.

describe('session 30: a federated thread with collapse toggles', () => {
  it('reads "[-] user@instance badges · 6h" as the address alone, "Removed by mod" as a removed post, and keeps the submitter line out of the story', () => {
    const text = [
      'Fenwick Lane tip to close on Sundays',
      'countynews.example.uk',
      'submitted 5 hours ago by countybot@lemmy.example B to localnews@feddit.example',
      '',
      ...fenwickStory('').slice(2),
      '4 comments',
      '',
      '[-] joanb@feddit.example · 5h',
      C.joan,
      '▲ 12 ▼  reply  source  ⋯',
      '',
      '[-] binbaron@lemmy.example · 4h',
      'Removed by mod',
      '▲ 0 ▼  reply',
      '',
      '[-] countybot@lemmy.example B OP · 4h',
      'The Harlow Cross site is open until 8pm on Sundays, for anyone asking.',
      '▲ 9 ▼  reply  source  ⋯',
      '',
      '[-] mickdow@sh.example mod · 3h',
      C.mick,
      '▲ 4 ▼  reply  source  ⋯',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.text).not.toContain('submitted 5 hours ago');
    expect(rows(text).map((r) => [r[0], r[2]])).toEqual([
      ['joanb@feddit.example', false],
      ['binbaron@lemmy.example', true],
      ['countybot@lemmy.example', false],
      ['mickdow@sh.example', false],
    ]);
    expect(doc.thread.posts[2]!.isOP).toBe(true);
  });
});

describe('session 30: a story page with scored subjects', () => {
  it('keeps a byline\'s profile links on lines of their own out of the text, reads a collapsed one-line comment as removed, and the comments disclaimer as chrome', () => {
    const text = [
      ...fenwickStory(),
      '3 Comments',
      'The Fine Print: The following comments are owned by whoever posted them. We are not responsible for them in any way.',
      '',
      'Six miles each way (Score:4, Insightful)',
      'by joanb ( 55102 ) on Friday March 06, 2026 @09:14AM (#61110001)',
      'Homepage',
      'Journal',
      C.joan,
      'Reply to This',
      'Share',
      '',
      'Re:Six miles each way (Score:-1, Troll) by Anonymous Coward on Friday March 06, 2026 @09:30AM (#61110042)',
      '',
      'Re:Six miles each way (Score:3)',
      'by mickdow ( 88213 ) on Friday March 06, 2026 @09:41AM (#61110057)',
      C.mick,
      'Reply to This',
      'Parent',
      'Share',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.text).not.toContain('The Fine Print');
    expect(rows(text).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['joanb', false, C.joan],
      ['Anonymous Coward', true, ''],
      ['mickdow', false, C.mick],
    ]);
  });
});

describe('session 30: a blog\'s comment list with pingbacks', () => {
  it('reads "Name (qualifier) says:" as the whole name shown, and pingbacks and the comment form as no posts', () => {
    const text = [
      ...fenwickStory(),
      '5 thoughts on “Fenwick Lane tip to close on Sundays”',
      '',
      'Joan Birch says:',
      'March 6, 2026 at 9:14 am',
      C.joan,
      'Like',
      'Reply',
      '',
      'Cllr Dee Marsh (Labour, Fenwick ward) says:',
      'March 6, 2026 at 9:40 am',
      'Joan, there is a bus from the square on Sundays that stops by the Harlow Cross gate.',
      'Like',
      'Liked by 2 people',
      'Reply',
      '',
      'Pingback: Tip hours row rumbles on – Fenwick Voice',
      '',
      'Mick Dow says:',
      'March 6, 2026 at 10:02 am',
      C.mick,
      'Like',
      'Reply',
      '',
      'Pingback: Sunday closures across the county | County Post',
      '',
      'Leave a Reply Cancel reply',
      'Enter your comment here...',
      'Fill in your details below or click an icon to log in:',
      'Email (required) (Address never made public)',
      'Name (required)',
      'Website',
    ].join('\n');
    expect(rows(text).map((r) => r[0])).toEqual(['Joan Birch', 'Cllr Dee Marsh (Labour, Fenwick ward)', 'Mick Dow']);
  });
});

describe('session 30: a one-reply toggle worded without its figure', () => {
  it('reads "Hide reply" under a response as listing one reply under it, at any depth', () => {
    const text = [
      ...fenwickStory(),
      'Responses (4)',
      '',
      'Joan Birch',
      'Mar 6',
      C.joan,
      '31',
      'Hide reply',
      'Reply',
      '',
      'Sam Idris',
      'Mar 6',
      C.sam,
      '4',
      'Hide reply',
      'Reply',
      '',
      'Joan Birch',
      'Mar 6',
      C.joanAgain,
      '12',
      'Reply',
      '',
      'Mick Dow',
      'Mar 6',
      C.mick,
      '9',
      'Reply',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['Joan Birch', null],
      ['Sam Idris', 0],
      ['Joan Birch', 1],
      ['Mick Dow', null],
    ]);
  });
});

describe('session 30: a blog post\'s notes', () => {
  it('reads a bare account name over the text as a header where the page names accounts so, with its "Original Poster" badge and "Reblogged from" line', () => {
    const text = [
      'blogsite',
      'Explore',
      'Log in',
      '',
      'countynews',
      'Follow',
      '',
      ...fenwickStory(),
      '#recycling #fenwick',
      '',
      '312 notes',
      '',
      'joan-birch',
      'six miles there and six back to drop off a bag of glass. brilliant',
      '',
      'countynews',
      'Original Poster',
      '@joan-birch there is a Sunday bus from the square that stops by the Harlow Cross gate',
      '',
      'joan-birch',
      '@countynews not by the gate it does not, it stops at the roundabout',
      '',
      'tip-enjoyer99',
      'honestly the only place in the county where the staff say good morning',
      '',
      'mick-dow',
      'Reblogged from countynews',
      'fewer than 200 cars is about 28 a day. hardly a queue',
      '#bins',
      '',
      'sam-idris',
      'Reblogged from mick-dow',
      '28 a day on one day a week is still 28 people driving six miles',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['joan-birch', null],
      ['countynews', 0],
      ['joan-birch', 1],
      ['tip-enjoyer99', null],
      ['mick-dow', null],
      ['sam-idris', 4],
    ]);
    expect(parse(text).article.text).toContain(FENWICK_PARAGRAPHS[1]);
  });
});
