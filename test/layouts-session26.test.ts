import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { parents } from './lib/parse-rows.js';

// Session 26 (gold26): shapes met on the sixth set of blind threads (fixtures/blind-threads 29-34), each tested on a
// made-up dump of the same shape, not on those dumps.

const PARAGRAPHS = [
  'The county will close the Mill Lane recycling centre on weekdays from February, keeping it open on Saturdays and Sundays only, to save about 180,000 pounds a year.',
  'Residents living north of the river will be directed to the Fenby site, a twenty-minute drive away, on weekdays.',
  'The cabinet member for waste said fly-tipping had not risen at the two other centres whose hours were cut last year.',
];

describe('session 26 line shapes', () => {
  it('reads comments numbered by their place in the tree ("2.1 - Name" over a dated line) under a masthead and a timed byline', () => {
    const text = [
      'Northfield Gazette',
      'English | Deutsch',
      'Tuesday, 8 December 2026',
      '',
      'Home',
      'Local',
      'Politics',
      '',
      'Recycling centre to close on weekdays',
      '',
      'Ann Example',
      'Tuesday 8 December 2026 - 09:10',
      '',
      ...PARAGRAPHS,
      '',
      'Comments (6)',
      '',
      'Add a comment',
      'Your name',
      'Your email (will not be published)',
      'Your comment',
      'Send',
      'All comments are checked before they appear. The Gazette may decline to publish comments that are abusive or off-topic.',
      '',
      '1 - Peter Lowe',
      'Tuesday 8 December 2026 - 10:02',
      'Twenty minutes each way to drop off a bag of glass. People will just bin it.',
      '👍 4   👎 1   Reply',
      '',
      '1.1 - Maya Ortiz',
      'Tuesday 8 December 2026 - 10:15',
      'The Fenby site is open until 8pm, so it works after work at least.',
      '👍 2   👎 0   Reply',
      '',
      '1.1.1 - Peter Lowe',
      'Tuesday 8 December 2026 - 10:31',
      'Not if you finish at 7 in town.',
      '👍 1   👎 0   Reply',
      '',
      '2 -',
      'Tuesday 8 December 2026 - 10:40',
      'This comment has been removed by the moderation team.',
      '',
      '3 - Gus Barnes',
      'Tuesday 8 December 2026 - 11:05',
      'Saturdays were the busy days anyway. Sensible saving.',
      '👍 3   👎 2   Reply',
      '',
      '3.1 - Lena Ford',
      'Tuesday 8 December 2026 - 11:20',
      'Busy because people work in the week.',
      '👍 5   👎 0   Reply',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.title).toBe('Recycling centre to close on weekdays');
    expect(doc.article.text).toContain(PARAGRAPHS[2]);
    expect(doc.article.text).not.toContain('Your email');
    expect(doc.thread.posts.map((p) => p.removed)).toEqual([false, false, false, true, false, false]);
    expect(parents(text)).toEqual([['Peter Lowe', null], ['Maya Ortiz', 0], ['Peter Lowe', 1], [null, null], ['Gus Barnes', null], ['Lena Ford', 4]]);
    expect(doc.thread.posts[2]!.text).toBe('Not if you finish at 7 in town.');
  });

  it('reads "Comment from NAME" and "↳ NAME [Tag] replied to NAME" heads over a time line, and drops a footer row with the owner\'s address', () => {
    const text = [
      'Valley FM',
      'Listen live',
      '',
      'The Drive Debate',
      '',
      'Your views: weekday hours at the recycling centre',
      '',
      'Presented by Owen Price',
      'Tuesday 8 December 2026, 4:00pm to 6:00pm',
      '',
      '▶ Listen again',
      '1:57:02',
      'Available for 29 days',
      '',
      ...PARAGRAPHS,
      '',
      'Valley FM is free to listen to and paid for by listeners. Support us from £2 a month.',
      'Get the Drive Debate newsletter in your inbox every Friday. Sign up',
      '',
      'Your comments (4)',
      'Comments are moderated and may take a few minutes to appear.',
      '',
      'Comment from Peter Lowe',
      '8 December 2026, 4:12pm',
      'Twenty minutes each way to drop off a bag of glass.',
      'Reply · Report · 3 likes',
      '',
      '↳ Drive team [Station] replied to Peter Lowe',
      '8 December 2026, 4:20pm',
      'Thanks Peter, we read your comment out after the news.',
      'Reply · Report · 1 like',
      '',
      '↳ Maya Ortiz replied to Drive team',
      '8 December 2026, 4:31pm',
      'Will the Fenby site stay open until 8pm?',
      'Reply · Report · 0 likes',
      '',
      'Comment from Gus Barnes',
      '8 December 2026, 4:40pm',
      'Saturdays were the busy days anyway.',
      'Reply · Report · 2 likes',
      '',
      'Now playing: Evenings with Sara Jones',
      'Travel: A470 northbound, queues at Nantgarw',
      'Valley FM, PO Box 12, Pontypridd CF37 1AB · Ofcom licence · Privacy · Cookies · Complaints',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(parents(text)).toEqual([['Peter Lowe', null], ['Drive team', 0], ['Maya Ortiz', 1], ['Gus Barnes', null]]);
    expect(doc.article.byline).toBe('Owen Price');
    expect(doc.article.text).toContain(PARAGRAPHS[0]);
    for (const chrome of ['Available for 29 days', 'Listen again', 'Support us from', 'newsletter in your inbox']) expect(doc.article.text).not.toContain(chrome);
  });

  it('keeps a quoted offer and a story sentence about a price in the article', () => {
    const story = [
      'The new gym on Mill Lane opened on Monday with 400 members signed up in its first week, the owners said.',
      '"Join us from £20 a month and bring a friend for free," said co-owner Dana Reeve at the opening.',
      'Members can sign up for the gym\'s newsletter at the front desk, the owners said.',
    ];
    const text = ['Gym opens on Mill Lane', 'By Ann Example', '', ...story, ''].join('\n');
    const doc = parse(text);
    for (const line of story) expect(doc.article.text).toContain(line);
  });

  it('reads a newsroom account "The Name" over a "Creator" badge and its age as a header, the creator as the OP', () => {
    const text = [
      'The Valley Note',
      'Home',
      'Posts',
      'About',
      '',
      'Recycling centre to close on weekdays',
      'Dec 8, 2026 at 9:02 AM',
      'Public post',
      '',
      ...PARAGRAPHS,
      '',
      'Write a comment…',
      '',
      'Peter Lowe',
      '3h',
      'The article says Mill Lane, but the centre is on Mill Road.',
      '♡ 4',
      'Reply',
      '',
      'The Valley Note',
      'Creator',
      '2h',
      '@Peter Lowe thank you, it is Mill Road. Corrected.',
      '♡ 6',
      'Reply',
      '',
      'Gus Barnes',
      '1h',
      'Saturdays were the busy days anyway.',
      '♡ 1',
      'Reply',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(parents(text)).toEqual([['Peter Lowe', null], ['The Valley Note', 0], ['Gus Barnes', null]]);
    expect(doc.thread.posts.map((p) => p.isOP)).toEqual([false, true, false]);
  });
});
