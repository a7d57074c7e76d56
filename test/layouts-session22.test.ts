import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { readBadgeLine } from '../src/ingest/styles/header-cues.js';
import { rows } from './lib/parse-rows.js';

// Session 22 (gold22): shapes met on the second set of blind threads (fixtures/blind-threads 05-10), each tested on a
// made-up dump of the same shape, not on those dumps.

const ARTICLE = [
  'Council to extend library opening hours on Sundays',
  'By Jo Example',
  '4 Dec 2026',
  '',
  'The council will keep the central library open until 6pm on Sundays from February, the culture committee decided on Thursday after a public consultation.',
  '',
  'The change costs about £80,000 a year and will be paid for from the parking budget, the committee chair said.',
  '',
];

describe('session 22 line shapes', () => {
  it('reads a lone count under a Guardian-like header as the header, and a site pick as a badge', () => {
    expect(readBadgeLine('Courier Pick')).not.toBeNull();
    expect(readBadgeLine('Evening Post Picks')).not.toBeNull();
    expect(readBadgeLine('Good pick')).toBeNull();
    const text = [
      ...ARTICLE,
      'comments (3)',
      'Sort by',
      'Newest',
      'Oldest',
      '',
      'bookworm_88',
      '4 Dec 2026 18:11',
      '12',
      'Finally. Sunday is the only day I can take the kids.',
      'Reply',
      'Share',
      'Report',
      '',
      'quietreader',
      'bookworm_88',
      '4 Dec 2026 18:30',
      'Courier Pick',
      '5',
      'Same here, and the study rooms fill up on Saturdays.',
      'Reply',
      'Share',
      'Report',
      '',
      'late_shift',
      '4 Dec 2026 19:02',
      '0',
      'Who staffs it though?',
      'Reply',
      'Share',
      'Report',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['bookworm_88', null, false, 'Finally. Sunday is the only day I can take the kids.'],
      ['quietreader', 0, false, 'Same here, and the study rooms fill up on Saturdays.'],
      ['late_shift', null, false, 'Who staffs it though?'],
    ]);
    expect(parse(text).thread.posts.map((p) => p.meta.likes)).toEqual([12, 5, 0]);
  });

  it('reads a promotion and the site footer under the closing "Load more" pager as the page, not a post', () => {
    const text = [
      ...ARTICLE,
      'Comments',
      'Sort by',
      'Newest',
      'Oldest',
      '',
      'paula_r',
      '3 hours ago',
      'Good. The Saturday queue for the study rooms is out of the door.',
      'Reply',
      'Share',
      '',
      'mk_dev',
      '2 hours ago',
      'Eighty thousand a year for four extra hours seems a lot.',
      'Reply',
      'Share',
      '',
      'Load more',
      '',
      'Never miss a story from your town again: download our free app today and get breaking news alerts on your phone.',
      '',
      'About us',
      'Contact us',
      'Cookie settings',
      'Terms of use',
      '© 2026 The Example Gazette',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['paula_r', null, false, 'Good. The Saturday queue for the study rooms is out of the door.'],
      ['mk_dev', null, false, 'Eighty thousand a year for four extra hours seems a lot.'],
    ]);
  });

  it('lists the replies a "N replies by NAME" summary counts under the post, and its writer among them answers a reply', () => {
    expect(readBadgeLine('Liked by Jo Example')).not.toBeNull();
    const text = [
      ...ARTICLE,
      'Discussion about this post',
      'Comments',
      'Restacks',
      'Write a comment...',
      '',
      'Hana Ruiz',
      'Dec 4',
      'Liked by Jo Example',
      'Sundays matter most for people who work Saturdays.',
      'Like (8)',
      'Reply',
      'Share',
      '',
      '3 replies by Jo Example and others',
      '',
      'Jo Example',
      'Dec 4',
      'Author',
      'Agreed. Would you be up for a short interview about it?',
      'Like (2)',
      'Reply',
      'Share',
      '',
      'Hana Ruiz',
      'Dec 4',
      'Happy to, send me a message.',
      'Like (1)',
      'Reply',
      'Share',
      '',
      'Piet V',
      'Dec 4',
      'Same for shift workers at the hospital.',
      'Like',
      'Reply',
      'Share',
      '',
      'Omar T',
      'Dec 5',
      'Will the cafe stay open too?',
      'Like (3)',
      'Reply',
      'Share',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Hana Ruiz', null, false, 'Sundays matter most for people who work Saturdays.'],
      ['Jo Example', 0, false, 'Agreed. Would you be up for a short interview about it?'],
      ['Hana Ruiz', 1, false, 'Happy to, send me a message.'],
      ['Piet V', 0, false, 'Same for shift workers at the hospital.'],
      ['Omar T', null, false, 'Will the cafe stay open too?'],
    ]);
  });

  it('takes a count of comments over the sort buttons as the declared count, and then lists the replies each "N replies" counts', () => {
    const text = [
      ...ARTICLE,
      'Comments 5',
      'Share what you think',
      'Newest',
      'Oldest',
      'Best rated',
      'View all',
      'The comments below have not been moderated.',
      '',
      'Mags, Leeds, United Kingdom, 2 hours ago',
      'Eighty grand for a few extra hours? Madness.',
      'Click to rate',
      '12',
      '3',
      'Reply',
      'Report',
      '',
      '2 replies',
      '',
      'Tony R, York, United Kingdom, 1 hour ago',
      'It is four hours every Sunday for a year, which works out cheaper than it sounds.',
      'Click to rate',
      '8',
      '1',
      'Reply',
      'Report',
      '',
      'Bea, Hull, United Kingdom, 1 hour ago',
      'Libraries are one of the few warm places left that cost nothing to sit in.',
      'Click to rate',
      '20',
      '0',
      'Reply',
      'Report',
      '',
      'Sam P, Leeds, United Kingdom, 40 mins ago',
      'Will the cafe open on Sundays as well?',
      'Click to rate',
      '2',
      '0',
      'Reply',
      'Report',
      '',
      'Jo K, Selby, United Kingdom, 10 mins ago',
      'Good news for students before exams.',
      'Click to rate',
      '5',
      '0',
      'Reply',
      'Report',
    ].join('\n');
    expect(parse(text).thread.declaredCount).toBe(5);
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['Mags', null],
      ['Tony R', 0],
      ['Bea', 0],
      ['Sam P', null],
      ['Jo K', null],
    ]);
  });

  it('keeps the age under a Facebook-like "deleted" placeholder with the removed post, not as the next author', () => {
    const text = [
      'Example Gazette',
      'December 4 at 9:00 AM',
      '',
      'The central library will open until 6pm on Sundays from February, the culture committee decided on Thursday.',
      '',
      'The change costs about £80,000 a year and comes from the parking budget, the committee chair said.',
      '',
      'All reactions:',
      '88',
      '7 comments',
      '4 shares',
      'Like',
      'Comment',
      'Share',
      'Ann Berg',
      'Finally, somewhere warm to study at the weekend.',
      '2d',
      'Like',
      'Reply',
      '4',
      'Carl Ode',
      'Who is going to staff it though?',
      '2d',
      'Like',
      'Reply',
      '2',
      'Mia Stone',
      'About time. Half the town works Saturdays.',
      '2d',
      'Like',
      'Reply',
      '7',
      'Raj Patel',
      'Eighty thousand pounds is a lot for four hours a week.',
      '2d',
      'Like',
      'Reply',
      '1',
      'This comment has been deleted.',
      '1d',
      'Dina Park',
      'I work there, and we were asked first. Most of us are glad of the extra shifts.',
      '1d',
      'Like',
      'Reply',
      '9',
      'Eli Fox',
      'Great news for students before exams.',
      '1d',
      'Like',
      'Reply',
      '3',
    ].join('\n');
    expect(rows(text).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Ann Berg', false, 'Finally, somewhere warm to study at the weekend.'],
      ['Carl Ode', false, 'Who is going to staff it though?'],
      ['Mia Stone', false, 'About time. Half the town works Saturdays.'],
      ['Raj Patel', false, 'Eighty thousand pounds is a lot for four hours a week.'],
      [null, true, ''],
      ['Dina Park', false, 'I work there, and we were asked first. Most of us are glad of the extra shifts.'],
      ['Eli Fox', false, 'Great news for students before exams.'],
    ]);
  });

  it('drops a paragraph asking for the lone button under it, and a box promising a newsletter in your inbox', () => {
    const text = [
      ...ARTICLE.slice(0, 6),
      'Town Notes is a reader-funded newsletter. To get every issue and keep it going, become a free or paying subscriber.',
      'Subscribe',
      '',
      'Keep Up',
      'Get the Town Notes briefing in your inbox every Friday.',
      '',
      'The change costs about £80,000 a year and will be paid for from the parking budget, the committee chair said.',
      '',
      'Thanks for reading Town Notes! Subscribe for free to get new issues and support the work.',
      'Subscribe',
      '',
    ].join('\n');
    const body = parse(text).article.text;
    expect(body).toContain('The change costs about £80,000 a year');
    for (const chrome of ['reader-funded', 'Keep Up', 'in your inbox', 'Thanks for reading', 'Subscribe']) expect(body).not.toContain(chrome);
  });
});
