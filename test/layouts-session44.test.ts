import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { splitLines } from '../src/ingest/lines.js';
import { readTimeLine } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 44 (gold44): shapes left on the twenty-fourth set of blind threads (fixtures/blind-threads 137-142), each
// tested on a made-up dump of the same shape, not on those dumps.

const story = [
  'The district council has voted to close Eastmoor library on Saturdays from February, saving about £38,000 a year.',
  'Councillors said the branch lends fewer than 300 books on a typical Saturday, against more than 900 on weekdays.',
  'Campaigners say the branch is the only quiet place for students to revise in the village and plan a petition.',
];

describe('session 44: a direction mark at the edge of a line is blank', () => {
  it('leaves U+200E and U+200F out of the trimmed line and its indentation', () => {
    const [l] = splitLines('\u200e03-11-2026 09:15 AM\u200f');
    expect(l!.trimmed).toBe('03-11-2026 09:15 AM');
    expect(l!.indent).toBe(0);
    expect(readTimeLine(line('\u200e03-11-2026 09:15 AM'))).toBe('03-11-2026 09:15 AM');
  });
  it('keeps a mark inside the line', () => {
    expect(splitLines('Ana: \u200eimage omitted')[0]!.trimmed).toBe('Ana: \u200eimage omitted');
  });
});

describe('session 44: a community forum topic (block heads with a rank, a `Re:` subject and a marked date; like rows under each message)', () => {
  const subject = 'Eastmoor library to close on Saturdays';
  const message = (n: number, name: string, rank: string, time: string, text: string, answers?: string) => [
    name,
    rank,
    n === 1 ? subject : `Re: ${subject}`,
    'Options',
    `\u200e${time}`,
    ...(answers ? [`In response to ${answers}`] : []),
    text,
    `Message ${n} of 9`,
    `${(n * 3) % 7 + 1} Likes`,
    'Reply',
    '',
  ];
  const text = [
    'Eastmoor Community',
    'Sign In',
    'Forums',
    'Local news',
    subject,
    'Options',
    'Subscribe to RSS Feed',
    'Bookmark',
    '8 REPLIES',
    '',
    ...message(1, 'EastmoorTeam', 'Moderator', '03-11-2026 08:00 AM', story.join('\n')),
    ...message(2, 'reader_jo', 'Member', '03-11-2026 08:20 AM', 'Saturday is the only day I can take the kids. This is a shame.'),
    ...message(3, 'PeterK', 'Senior Member', '03-11-2026 08:41 AM', 'The saving is £38,000 on a budget of millions. Pennies.'),
    ...message(4, 'ChairLiz', 'Member', '03-11-2026 09:05 AM', 'Jo, the branch in Hallow stays open on Saturdays, ten minutes on the bus.', 'reader_jo'),
    ...message(5, 'reader_jo', 'Member', '03-11-2026 09:30 AM', 'Ten minutes if the bus turns up, which it does not on a Saturday.', 'ChairLiz'),
    ...message(6, 'StudentSam', 'Newcomer', '03-11-2026 10:02 AM', 'Where do we revise now? The café is not a library.'),
    ...message(7, 'EastmoorTeam', 'Moderator', '03-11-2026 10:30 AM', 'The petition link is on the council site, we will post it here too.', 'StudentSam'),
    ...message(8, 'PeterK', 'Senior Member', '03-11-2026 11:12 AM', 'Signed it. 300 books is still 300 people.', 'EastmoorTeam'),
    ...message(9, 'Mags_W', 'Member', '03-11-2026 12:40 PM', 'Could volunteers not run it on Saturdays like they do in Brill?'),
    '« Previous',
    'Next »',
    'Privacy',
  ].join('\n');

  it('starts the section at the page count, not at a like row that happens to count the posts under it', () => {
    expect(rows(text).map(([author, parent]) => [author, parent])).toEqual([
      ['reader_jo', null],
      ['PeterK', null],
      ['ChairLiz', 0],
      ['reader_jo', 2],
      ['StudentSam', null],
      ['EastmoorTeam', 4],
      ['PeterK', 5],
      ['Mags_W', null],
    ]);
  });

  it("reads the moderator's first message as the article", () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('Councillors said the branch lends fewer than 300 books');
    expect(doc.thread.posts.map((p) => p.text).join('\n')).not.toContain('Likes');
  });
});

describe('session 44: a paper that signs each comment under its text (`NAME, Place` / date / buttons)', () => {
  const comment = (text: string, name: string, place: string, time: string, votes: number) => [text, `${name}, ${place}`, time, `Reply | Flag | ${votes} votes`, ''];
  const text = [
    'The Moor Herald',
    'News',
    'Sport',
    'Eastmoor library to close on Saturdays',
    'By Ruth Kane, Local Democracy Reporter',
    '3 November 2026',
    '',
    ...story.flatMap((s) => [s, '']),
    'Comments (7)',
    'Please keep comments civil.',
    '',
    ...comment('A false economy. Close it on Saturdays and the footfall drops, then they close it for good.', 'Helen Marsh', 'Eastmoor', '3 November 2026, 09:10', 12),
    ...comment('The weekday figure includes the school visits, so it is not a fair comparison.', 'Tom Reeve', 'Hallow', '3 November 2026, 09:32', 4),
    ...comment('@Helen Marsh that is exactly what happened in Brill in 2019.', 'Ian Cole', 'Brill', '3 November 2026, 09:50', 7),
    'This comment has been removed by a moderator.',
    '',
    ...comment('Where are the students supposed to go? Not everyone has a quiet home.', 'Priya Shah', 'Upper Moor', '3 November 2026, 10:20', 9),
    ...comment('@Tom Reeve the school visits are on Tuesdays only, so most of the 900 are not them.', 'Dan Webb', 'Kingsley', '3 November 2026, 11:02', 3),
    ...comment('@Priya Shah the village hall has a study room on Saturdays now, for what it is worth.', 'Helen Marsh', 'Eastmoor', '3 November 2026, 11:40', 5),
    'Post a comment',
    'Most read',
  ].join('\n');

  it('reads the name under each text as its writer, the place left out', () => {
    expect(rows(text).map(([author, parent, removed]) => [removed ? null : author, parent])).toEqual([
      ['Helen Marsh', null],
      ['Tom Reeve', null],
      ['Ian Cole', 0],
      [null, null],
      ['Priya Shah', null],
      ['Dan Webb', 1],
      ['Helen Marsh', 4],
    ]);
  });

  it('keeps the signature lines out of the texts and the time in the post', () => {
    const doc = parse(text);
    expect(doc.thread.posts[0]!.text).toBe('A false economy. Close it on Saturdays and the footfall drops, then they close it for good.');
    expect(doc.thread.posts[1]!.meta.timestamp).toBe('3 November 2026, 09:32');
    expect(doc.thread.posts[1]!.meta.likes).toBe(4);
  });
});
