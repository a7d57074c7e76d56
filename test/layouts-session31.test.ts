import { describe, expect, it } from 'vitest';
import { rows } from './lib/parse-rows.js';
import { parse } from '../src/index.js';

// Session 31 (gold31): shapes left on the eleventh set of blind threads (fixtures/blind-threads 59-64), each tested on a
// made-up dump of the same shape, not on those dumps.

describe('session 31: a photo post whose caption ends in its own age', () => {
  it('reads the first comment under "Edited · 3d" as a post, and "Hide replies" under its footer as no section opener', () => {
    const text = [
      'Photos',
      'Log in',
      'Sign up',
      'harlowherald',
      'Verified',
      '•',
      'Follow',
      'harlowherald',
      'Verified',
      'Fenwick Lane tip to close on Sundays from March',
      '',
      'The county council will shut the Fenwick Lane recycling centre on Sundays from 1 March to save 84,000 pounds a year.',
      '',
      'About 2,300 cars use the site on a typical Sunday, according to the council, which says the other six days will not change.',
      '',
      '#Harlow #recycling',
      'Edited · 3d',
      'binbag_barry',
      'Sunday is the only day most of us can get there. Great planning as usual',
      '3d  88 likes  Reply',
      'Hide replies',
      'tidy_tess',
      '@binbag_barry the Saturday hours go up by two, it is in the council notice',
      '3d  12 likes  Reply',
      'glassjar_gemma',
      'Will the bottle banks in the car park still be open?',
      '2d  4 likes  Reply',
      'View replies (2)',
      'harlow.runner',
      'Fine by me, the queue on a Sunday is half an hour anyway',
      '1d  Reply',
      '',
      '1,204 likes',
      'March 2, 2026',
      'Log in to like or comment.',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[1], String(r[3]).slice(0, 20)])).toEqual([
      ['binbag_barry', null, 'Sunday is the only d'],
      ['tidy_tess', 0, '@binbag_barry the Sa'],
      ['glassjar_gemma', null, 'Will the bottle bank'],
      ['harlow.runner', null, 'Fine by me, the queu'],
    ]);
    expect(parse(text).article.text).toContain('About 2,300 cars use the site on a typical Sunday');
  });
});

describe('session 31: a conversation page under a newsroom\'s numbered chain', () => {
  const text = [
    'Home',
    'Explore',
    'Notifications',
    'Post',
    'Conversation',
    'Harlow Herald',
    '@HarlowHerald',
    'The county council will shut the Fenwick Lane recycling centre on Sundays from 1 March to save £84,000 a year. 🧵 (1/3)',
    '9:12 AM · Mar 2, 2026',
    '·',
    '12.4K',
    ' Views',
    '31',
    '40',
    '210',
    'Post your reply',
    'Harlow Herald',
    '@HarlowHerald',
    '·',
    'Mar 2',
    'About 2,300 cars use the site on a typical Sunday, the council says, and the other six days of opening will not change. (2/3)',
    '3',
    '5',
    '41',
    '3.1K',
    'Harlow Herald',
    '@HarlowHerald',
    '·',
    'Mar 2',
    'Campaigners say fly-tipping in the lanes around Harlow rose by a third the last time a site cut its opening hours. (3/3)',
    '8',
    '9',
    '60',
    '2.9K',
    'Sam Okoye | Harlow Cycle Hire & Repairs',
    '@harlowcyclehire',
    '·',
    'Mar 2',
    'Eighty-four thousand pounds saved and twice that spent clearing the lay-bys by summer.',
    '2',
    '11',
    '97',
    '4K',
    'Pennyworth Savings',
    '@PennyworthBank',
    'Ad',
    'Open an easy-access saver today and earn 4.1% AER on balances from £1.',
    'From pennyworth.co.uk',
    '4',
    '2',
    '19',
    'Colin Ashby',
    '@colinashby',
    '·',
    'Mar 2',
    'Replying to @harlowcyclehire',
    'The lay-by clear-ups come out of a different budget, so it is not the same money.',
    '1',
    '14',
    '1.2K',
    'Show more replies',
    'Discover more',
    'Sourced from across X',
    'Harlow Town FC',
    '@HarlowTownFC',
    '·',
    'Mar 1',
    'Full time at the Rec: Harlow 2, Ware 1. Three points and a clean sweep of the weekend for the academy sides too.',
    '12',
    '30',
    '411',
    '9K',
  ].join('\n');

  it('takes chain parts marked at their end ("… (1/3)") as the article', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('About 2,300 cars use the site on a typical Sunday');
    expect(doc.article.text).toContain('Campaigners say fly-tipping');
    expect(doc.article.text).not.toContain('(2/3)');
  });

  it('reads a display name with a bar over its handle, keeps the promoted post and the recommended post out', () => {
    expect(rows(text).map((r) => [r[0], r[1], String(r[3]).slice(0, 20)])).toEqual([
      ['Sam Okoye | Harlow Cycle Hire & Repairs', null, 'Eighty-four thousand'],
      ['Colin Ashby', 0, 'The lay-by clear-ups'],
    ]);
  });
});

describe('session 31: a forum topic with the member card over each post', () => {
  const card = (name: string, rank: string, posts: string, joined: string, place: string | null): string[] => [
    name,
    rank,
    `Posts: ${posts}`,
    `Joined: ${joined}`,
    ...(place ? [`Location: ${place}`] : []),
  ];
  const text = [
    'Quick links',
    'FAQ',
    'Login',
    'Register',
    'Board index ‹ Local ‹ Harlow',
    'Fenwick Lane tip to close on Sundays',
    'Post Reply',
    '4 posts • Page 1 of 1',
    '',
    ...card('binbag_barry', 'Established Member', '1,204', 'Mon Feb 02, 2015 6:10 pm', 'Harlow'),
    'Fenwick Lane tip to close on Sundays',
    'Quote',
    'Post by binbag_barry » Mon Mar 02, 2026 8:02 am',
    'From the Herald this morning:',
    '',
    'The county council will shut the Fenwick Lane recycling centre on Sundays from 1 March to save 84,000 pounds a year.',
    '',
    'About 2,300 cars use the site on a typical Sunday, according to the council, which says the other six days will not change.',
    'Top',
    '',
    ...card('tidy_tess', 'Member', '88', 'Thu Jun 11, 2020 9:41 pm', null),
    'Re: Fenwick Lane tip to close on Sundays',
    'Quote',
    'Post by tidy_tess » Mon Mar 02, 2026 8:40 am',
    'Saving 84,000 pounds and spending double on the lay-bys by the summer.',
    'Top',
    '',
    ...card('glassjar_gemma', 'Member', '412', 'Sat Jan 09, 2021 1:15 pm', 'Old Harlow'),
    'Re: Fenwick Lane tip to close on Sundays',
    'Quote',
    'Post by glassjar_gemma » Mon Mar 02, 2026 9:05 am',
    'tidy_tess wrote: ↑Mon Mar 02, 2026 8:40 am',
    'Saving 84,000 pounds and spending double on the lay-bys by the summer.',
    'The lay-bys come out of the highways budget, so that is a different pot of money altogether.',
    'Top',
    '',
    ...card('harlow_runner', 'Member', '9', 'Mon Mar 02, 2026 7:00 am', null),
    'Re: Fenwick Lane tip to close on Sundays',
    'Quote',
    'Post by harlow_runner » Mon Mar 02, 2026 9:30 am',
    '[Post removed by moderator – personal abuse.]',
    'Top',
    '',
    'Post Reply',
    'Who is online',
    'Powered by phpBB® Forum Software © phpBB Limited',
  ].join('\n');

  it('reads the card, subject and buttons over "Post by NAME » date" as the header, a "NAME wrote: ↑date" quote as no header, and a removal note after a dash', () => {
    expect(rows(text).map((r) => [r[0], r[1], r[2], String(r[3]).slice(0, 20)])).toEqual([
      ['tidy_tess', null, false, 'Saving 84,000 pounds'],
      ['glassjar_gemma', 0, false, 'The lay-bys come out'],
      ['harlow_runner', null, true, ''],
    ]);
    expect(parse(text).article.text).toContain('About 2,300 cars use the site on a typical Sunday');
  });
});

describe('session 31: a mailing list topic in its web view', () => {
  const message = (name: string, date: string, body: string[]): string[] => [
    `${name}'s profile photo`,
    name,
    'unread,',
    date,
    "to Harlow Residents' Forum",
    '',
    ...body,
    '',
    'Reply all',
    'Reply to author',
    'Forward',
    '',
  ];
  const text = [
    'Groups',
    'Conversations',
    'Sign in',
    "Harlow Residents' Forum",
    'Fenwick Lane tip – Herald story',
    'Skip to first unread message',
    '',
    ...message('Ruth Lomas', 'Mar 2, 2026, 8:02:11 AM', [
      'Hello everyone,',
      '',
      'The Herald ran this today. Please keep replies civil.',
      '',
      'Ruth',
      '',
      'From the Harlow Herald:',
      '',
      'Fenwick Lane tip to close on Sundays',
      '',
      'By Dan Okafor',
      '',
      'The county council will shut the Fenwick Lane recycling centre on Sundays from 1 March to save 84,000 pounds a year.',
      '',
      'About 2,300 cars use the site on a typical Sunday, according to the council, which says the other six days will not change.',
      '',
      'Campaigners say fly-tipping in the lanes around Harlow rose by a third the last time a site cut its opening hours.',
    ]),
    ...message('Alan Pike', 'Mar 2, 2026, 9:15:40 AM', [
      'Two thousand cars a week will go somewhere, and it will not be Harlow East on a Saturday.',
      '',
      'On Mon, 2 Mar 2026 at 08:02, Ruth Lomas <ru...@gmail.com> wrote:',
      '> The Herald ran this today.',
    ]),
    'Message has been deleted',
    '',
    ...message('Tessa Ward', 'Mar 2, 2026, 11:30:02 AM', [
      'On Mon, 2 Mar 2026 at 09:15, Alan Pike <al...@gmail.com> wrote:',
      '',
      '> Two thousand cars a week will go somewhere, and it will not be Harlow East on a Saturday.',
      '',
      'The Saturday hours go up by two, which the story leaves out.',
    ]),
  ].join('\n');

  it('reads the avatar, read state and recipients lines as the header, the chair\'s story post as the article, and a bottom-posted quote as the answer to its writer', () => {
    expect(rows(text).map((r) => [r[0], r[1], r[2], String(r[3]).slice(0, 20)])).toEqual([
      ['Alan Pike', null, false, 'Two thousand cars a '],
      [null, null, true, ''],
      ['Tessa Ward', 0, false, 'The Saturday hours g'],
    ]);
    expect(parse(text).article.text).toContain('About 2,300 cars use the site on a typical Sunday');
  });
});
