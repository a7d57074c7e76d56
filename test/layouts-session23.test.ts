import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { matchChrome } from '../src/ingest/chrome-patterns.js';
import { readTimeReplyLine, readVoteTally } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 23 (gold23): shapes met on the third set of blind threads (fixtures/blind-threads 11-16), each tested on a
// made-up dump of the same shape, not on those dumps.

const ARTICLE = [
  'Town to rebuild the old lido by 2028',
  'By Sam Example',
  '3 Dec 2026',
  '',
  'The town council agreed on Wednesday to rebuild the outdoor pool on Park Road, closed since a boiler failure in 2021, at a cost of £6.5 million.',
  '',
  'Work starts next autumn and the pool should reopen in the summer of 2028, the leisure committee chair said.',
  '',
];

describe('session 23 line shapes', () => {
  it('reads a time line that also names the post answered ("2 HOURS AGO · replying to NAME")', () => {
    expect(readTimeReplyLine(line('2 HOURS AGO · replying to Nell Ash'))).toEqual({ time: '2 HOURS AGO', reply: { name: 'Nell Ash', span: [26, 34] } });
    expect(readTimeReplyLine(line('In reply to Nell Ash | 3h'))?.time).toBe('3h');
    expect(readTimeReplyLine(line('2 HOURS AGO · Edited'))).toBeNull();
    expect(readTimeReplyLine(line('Replying to the council · it says nothing'))).toBeNull();
    const text = [
      ...ARTICLE,
      'Comments (5)',
      'Sort by',
      'Newest',
      'Oldest',
      '',
      'Nell Ash',
      '5 HOURS AGO',
      'Good news at last. My kids learned to swim there before it shut.',
      'Recommend',
      '9',
      'Report',
      'Reply',
      '',
      'Ravi Okon',
      '4 HOURS AGO · replying to Nell Ash',
      'Same here, though £6.5 million for a pool used four months a year is a lot.',
      'Recommend',
      '3',
      'Report',
      'Reply',
      '',
      'Bea Lund',
      '3 HOURS AGO',
      'Will it be heated this time?',
      'Recommend',
      '1',
      'Report',
      'Reply',
      '',
      'This comment has been removed for breaching our community guidelines.',
      '',
      'Nell Ash',
      '1 HOUR AGO · replying to Bea Lund',
      'The plans say heated, yes, with solar panels on the changing rooms.',
      'Recommend',
      '2',
      'Report',
      'Reply',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Nell Ash', null, false, 'Good news at last. My kids learned to swim there before it shut.'],
      ['Ravi Okon', 0, false, 'Same here, though £6.5 million for a pool used four months a year is a lot.'],
      ['Bea Lund', null, false, 'Will it be heated this time?'],
      [null, null, true, expect.any(String)],
      ['Nell Ash', 2, false, 'The plans say heated, yes, with solar panels on the changing rooms.'],
    ]);
  });

  it('reads a Kinja-like reply header, "NAME  ▸  PARENT" over the time (a badge line may sit between), and a "dismissed" note', () => {
    const text = [
      ...ARTICLE,
      'DISCUSSION',
      'All replies',
      '',
      'swim_mum_22',
      'Today 9:12am',
      'Finally. The kids have been driving to the next town for lessons for five years.',
      '☆ 14',
      'Reply',
      '',
      'lane_four  ▸  swim_mum_22',
      'Today 9:30am',
      'Five years and two councils. I will believe it when the water is in.',
      '☆ 3',
      'Reply',
      '',
      'This comment has been dismissed.',
      '',
      'Sam Example  ▸  lane_four',
      'Staff',
      'Today 10:02am',
      'The contract was signed on Wednesday, so the date is firmer than last time.',
      '☆ 8',
      'Reply',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['swim_mum_22', null, false, 'Finally. The kids have been driving to the next town for lessons for five years.'],
      ['lane_four', 0, false, 'Five years and two councils. I will believe it when the water is in.'],
      [null, null, true, expect.any(String)],
      ['Sam Example', 1, false, 'The contract was signed on Wednesday, so the date is firmer than last time.'],
    ]);
  });

  it('reads a lone "Parent" link among a post\'s footer lines (Tildes-like) as a reply to the post above', () => {
    const text = [
      ...ARTICLE,
      '4 comments',
      'Sort by:',
      'Votes',
      'Newest',
      '',
      'reedwarbler',
      '5 hours ago',
      'Good. The indoor pool is booked solid every summer weekend.',
      'Vote (7)',
      'Reply',
      'Bookmark',
      'Link',
      '',
      'tarmac_tom',
      '4 hours ago',
      'Booked solid by swimming clubs, mostly. Open sessions are half empty.',
      'Vote (2)',
      'Reply',
      'Bookmark',
      'Link',
      'Parent',
      '',
      'reedwarbler',
      '3 hours ago',
      'Not on Saturdays they are not.',
      'Vote (3)',
      'Reply',
      'Bookmark',
      'Link',
      'Parent',
      '',
      'fen_cyclist',
      '2 hours ago',
      'Will there be bike parking?',
      'Vote (1)',
      'Reply',
      'Bookmark',
      'Link',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['reedwarbler', null, false, 'Good. The indoor pool is booked solid every summer weekend.'],
      ['tarmac_tom', 0, false, 'Booked solid by swimming clubs, mostly. Open sessions are half empty.'],
      ['reedwarbler', 1, false, 'Not on Saturdays they are not.'],
      ['fen_cyclist', null, false, 'Will there be bike parking?'],
    ]);
  });

  it('reads a forum member card over the post (rank, membership age, post count, a blank, the date) and "+N (up / -down)"', () => {
    expect(readVoteTally('+29 (31 / -2)')).toBe(29);
    expect(readVoteTally('29 (31 / 2)')).toBeUndefined();
    const card = (name: string, rank: string, age: string, count: string, time: string) => [name, rank, age, count, '', time];
    const text = [
      ...ARTICLE,
      '3 Comments',
      '',
      ...card('moth_orchid', 'Ars Legatus Legionis', '12y', '8,114', 'Dec 3, 2026 at 9:14 AM'),
      'Six and a half million for a pool that opens four months a year. Heat it and open it in May.',
      '+14 (15 / -1)',
      'Reply Quote',
      '',
      ...card('Tarn', 'Smack-Fu Master, in training', '1y', '12', 'Dec 3, 2026 at 9:40 AM'),
      'moth_orchid said:',
      'Six and a half million for a pool that opens four months a year.',
      'The plans say May to September, so five.',
      '+6 (6 / -0)',
      'Reply Quote',
      '',
      ...card('oxbow', 'Wise, Aged Ars Veteran', '20y', '1,002', 'Dec 3, 2026 at 10:02 AM'),
      'Will the old diving board come back?',
      '+2 (2 / -0)',
      'Reply Quote',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['moth_orchid', null, false, 'Six and a half million for a pool that opens four months a year. Heat it and open it in May.'],
      ['Tarn', 0, false, 'The plans say May to September, so five.'],
      ['oxbow', null, false, 'Will the old diving board come back?'],
    ]);
    expect(parse(text).thread.posts.map((p) => p.meta.likes)).toEqual([14, 6, 2]);
  });

  it('nests a flat Bluesky-like thread by the speech-balloon reply counts under each post, and only when they add up', () => {
    const post = (name: string, handle: string, body: string, replies: number) => [name, `@${handle}`, '· 2h', body, `💬 ${replies}  🔁 0  ❤️ 3`, ''];
    const thread = (counts: number[]) =>
      [
        ...ARTICLE,
        'Comments',
        'Reply on Bluesky here to join the conversation.',
        '',
        ...post('Ada Penn', 'adapenn.bsky.social', 'Great news for the swim club.', counts[0]!),
        ...post('Lou Marsh', 'lou-marsh.bsky.social', 'Lovely until the heating bill arrives.', counts[1]!),
        ...post('Ada Penn', 'adapenn.bsky.social', 'Solar panels on the roof should cover most of that.', counts[2]!),
        ...post('Kit Oduya', 'kitoduya.bsky.social', 'When does the consultation close?', counts[3]!),
        ...post('Sam Example', 'samexample.bsky.social', 'On January 15, according to the council.', counts[4]!),
      ].join('\n');
    expect(rows(thread([1, 1, 0, 1, 0])).map((r) => [r[0], r[1]])).toEqual([
      ['Ada Penn', null],
      ['Lou Marsh', 0],
      ['Ada Penn', 1],
      ['Kit Oduya', null],
      ['Sam Example', 3],
    ]);
    // Other counts, another tree: two replies to the first post, the second with one of its own.
    expect(rows(thread([2, 1, 0, 1, 0])).map((r) => r[1])).toEqual([null, 0, 1, 0, 3]);
    // Three replies counted under the first post but not all shown: the counts do not add up, so they build nothing.
    expect(rows(thread([3, 1, 0, 1, 0])).map((r) => r[1])).toEqual([null, null, null, null, null]);
  });

  it('reads "NAME (authored)" in a Lobsters-like comment byline as the story\'s author, an OP mark', () => {
    const post = (byline: string, body: string) => ['▲', '4', '▼', `[-] ${byline} | link | flag | reply`, body, ''];
    const text = [
      'Town to rebuild the old lido by 2028 example.com',
      'local',
      'authored by sam_x 5 hours ago | flag | hide | save | 2 comments',
      '',
      ...ARTICLE,
      ...post('reedwarbler 4 hours ago', 'Finally, and heated this time I hope.'),
      ...post('sam_x (authored) 3 hours ago', 'Heated, yes: the plans put solar panels on the changing rooms.'),
    ].join('\n');
    const doc = parse(text);
    expect(doc.thread.posts.map((p) => [p.author, p.isOP])).toEqual([
      ['reedwarbler', false],
      ['sam_x', true],
    ]);
  });

  it('keeps a slash photo credit, a submission line of links and a republishing box out of the article text', () => {
    expect(matchChrome('The Park Road pool in 2019. (Jo Lane/Valley Herald)')?.kind).toBe('caption');
    expect(matchChrome('Turnout was 41 percent, the highest since 2010 (Reuters).')).toBeUndefined();
    expect(matchChrome('authored by sam_x 5 hours ago | edit | flag | hide | save | 2 comments')?.kind).toBe('boilerplate');
    expect(matchChrome('By Sam Example 5 hours ago')).toBeUndefined();
    expect(matchChrome('Republish this story')?.kind).toBe('boilerplate');
    expect(matchChrome('Our stories may be republished online or in print under a Creative Commons licence.')?.kind).toBe('boilerplate');
    const text = [
      'Town to rebuild the old lido by 2028',
      'By Sam Example',
      '3 Dec 2026',
      '',
      'The old lido on Park Road, closed since 2021. (Jo Lane/Valley Herald)',
      '',
      ...ARTICLE.slice(4),
      'Republish this story',
      'Our stories may be republished online or in print under a Creative Commons licence.',
      '',
    ].join('\n');
    const body = parse(text).article.text;
    expect(body).toContain('at a cost of £6.5 million.');
    expect(body).not.toContain('Jo Lane/Valley Herald');
    expect(body).not.toContain('Republish');
  });

  it('keeps an author box after the body (name, role line, a paragraph opening with the first name) out of the article text', () => {
    const text = [
      ...ARTICLE,
      'The pool will have a 50-metre main basin and a separate learner pool, the chair added.',
      '',
      'Sam Example',
      'Leisure Correspondent',
      'Sam covers sport, parks and the town hall. He lives by the river.',
      '',
    ].join('\n');
    const body = parse(text).article.text;
    expect(body).toContain('a separate learner pool, the chair added.');
    expect(body).not.toContain('Leisure Correspondent');
    expect(body).not.toContain('Sam covers sport');
  });
});
