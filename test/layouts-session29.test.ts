import { describe, expect, it } from 'vitest';
import { rows } from './lib/parse-rows.js';

// Session 29 (gold29): shapes met on the ninth set of blind threads (fixtures/blind-threads 47-52), each tested on a
// made-up dump of the same shape, not on those dumps.

const PARAGRAPHS = [
  'The county will close the Fenwick Lane recycling centre on Sundays from March, saving an estimated 84,000 pounds a year.',
  'Residents will be able to use the Harlow Cross site, six miles away, which stays open seven days a week.',
  'Councillor Dee Marsh said the Sunday opening was used by fewer than 200 cars a week on average last year.',
];

describe('session 29 line shapes', () => {
  it('strips a badge phrase set off from the name in a one-line header ("Name · Top Commenter · 5h")', () => {
    const text = [
      'Fenwick Lane tip to close on Sundays',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
      'Conversation',
      '4 Comments',
      'Sort by Best',
      'Alan Pike · 4h',
      'Two hundred cars a week is a lot of fly-tipping waiting to happen.',
      'Reply · Share · 👍 31 · 👎 2',
      'Ruth Lomas · Top Commenter · 3h',
      'The Harlow Cross site already has queues on Saturdays.',
      'Reply · Share · 👍 12 · 👎 0',
      'Ben Crane · Community Moderator · 2h',
      'Please keep the discussion about the decision, not about each other.',
      'Reply · Share · 👍 5 · 👎 1',
      'Tessa Ward · 1h',
      'Saving 84,000 pounds and spending it on clearing lay-bys.',
      'Reply · Share · 👍 8 · 👎 0',
    ].join('\n');
    expect(rows(text).map((r) => r[0])).toEqual(['Alan Pike', 'Ruth Lomas', 'Ben Crane', 'Tessa Ward']);
  });

  it('reads "Hide N replies" under a counted list\'s footer as the replies listed under the post, and a short site footer ending in "©" as the page\'s', () => {
    const text = [
      'News Portal',
      'Sign in',
      'Fenwick Lane tip to close on Sundays',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
      'Comments (5)',
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
      '@Sam Idris not everyone has a car, Sam.',
      '2h · Reply · 👍 15 👎 1',
      'Mick Dow',
      'Fewer than 200 cars is about 28 a day. Hardly a queue.',
      '2h · Reply · 👍 11 👎 0',
      'Hide 1 reply',
      'Ann Tull',
      'It is open three hours on a Sunday, so that is nine an hour.',
      '1h · Reply · 👍 4 👎 0',
      'See more comments',
      'More for You',
      'Privacy & Cookies',
      'Terms of use',
      'Advertise',
      '© Portal 2026',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Joan Birch', null, false, 'Six miles there and six back to drop off a bag of glass. Brilliant.'],
      ['Sam Idris', 0, false, 'Most people combine it with a supermarket run at Harlow anyway.'],
      ['Joan Birch', 1, false, '@Sam Idris not everyone has a car, Sam.'],
      ['Mick Dow', null, false, 'Fewer than 200 cars is about 28 a day. Hardly a queue.'],
      ['Ann Tull', 3, false, 'It is open three hours on a Sunday, so that is nine an hour.'],
    ]);
  });

  it('finds a Mastodon reply by the handle under the display name, and reads the handle every reply opened with before its owner spoke as the story\'s poster', () => {
    const text = [
      'Skip to main content',
      'Log in',
      'Sign up',
      'Fenwick Gazette',
      '@gazette@news.example',
      'Follow',
      'Fenwick Lane tip to close on Sundays',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
      'Dec 4, 2026, 08:10',
      '12 boosts',
      '20 favourites',
      '',
      '5h',
      'Alan Pike',
      '@alanp@social.example',
      '@gazette Two hundred cars a week is a lot of fly-tipping waiting to happen.',
      '↩ 1   ⇄ 2   ★ 9',
      '',
      '5h',
      'Ruth Lomas',
      '@rlomas@toot.example',
      '@alanp @gazette The lay-bys on the Harlow road are already full of mattresses.',
      '↩ 1   ⇄   ★ 4',
      '',
      '4h',
      'Ben Crane',
      '@benc@social.example',
      '@gazette Is the Harlow Cross site taking garden waste on Sundays as well?',
      '↩ 1   ⇄   ★ 1',
      '',
      '4h',
      'Fenwick Gazette',
      '@gazette@news.example',
      '@benc Yes, garden waste and wood, the council told us this morning.',
      '↩   ⇄   ★ 3',
      '',
      '3h',
      'Tessa Ward',
      '@tessaw@toot.example',
      '@gazette Saving 84,000 pounds and then paying contractors to clear the verges.',
      '↩   ⇄ 1   ★ 6',
      '',
      '2h',
      'Alan Pike',
      '@alanp@social.example',
      '@rlomas the one by the garage has had a sofa in it since October.',
      '↩   ⇄   ★ 2',
      '',
      'news.example is one of the many independent Mastodon servers you can use to participate in the fediverse.',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['Alan Pike', null],
      ['Ruth Lomas', 0],
      ['Ben Crane', null],
      ['Fenwick Gazette', 2],
      ['Tessa Ward', null],
      ['Alan Pike', 1],
    ]);
  });

  it('reads a chat copy\'s reply preview without its arrow ("@Name first words…" over the header), a grouped message under "[08:31]", and a link card\'s "site.co.uk • time" as no poster', () => {
    const text = [
      'Fenwick Residents',
      'TEXT CHANNELS',
      '# general',
      '# local-news',
      'local-news',
      'Council and county news. Be kind.',
      'December 4, 2026',
      'Gazette Bot',
      'APP',
      ' — Today at 07:10',
      'Fenwick Gazette',
      'Fenwick Lane tip to close on Sundays',
      ...PARAGRAPHS,
      'fenwickgazette.co.uk • Today at 07:10',
      'Alan Pike — Today at 08:02',
      'two hundred cars a week is a lot of fly-tipping waiting to happen',
      '👍 6',
      '@Alan Pike two hundred cars a week is a lot of…',
      'Ruth Lomas — Today at 08:09',
      'the lay-bys on the Harlow road are already full of mattresses',
      'Ben Crane — Today at 08:15',
      'is Harlow Cross taking garden waste on Sundays?',
      '[08:16]',
      'asking for my dad, he only gets lifts at weekends',
      '@Ben Crane is Harlow Cross taking garden waste…',
      'Tessa Ward — Today at 08:20',
      'yes, garden waste and wood, it says so on the county site',
      'Original message was deleted',
      'Joe Marr — Today at 08:31',
      'whoever that was, the saving is 84k not 84 million',
      'Message #local-news',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Alan Pike', null, 'two hundred cars a week is a lot of fly-tipping waiting to happen'],
      ['Ruth Lomas', 0, 'the lay-bys on the Harlow road are already full of mattresses'],
      ['Ben Crane', null, 'is Harlow Cross taking garden waste on Sundays?'],
      ['Ben Crane', null, 'asking for my dad, he only gets lifts at weekends'],
      ['Tessa Ward', 2, 'yes, garden waste and wood, it says so on the county site'],
      ['Joe Marr', null, 'whoever that was, the saving is 84k not 84 million'],
    ]);
  });
});

