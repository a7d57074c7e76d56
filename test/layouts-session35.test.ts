import { describe, expect, it } from 'vitest';
import { rows } from './lib/parse-rows.js';
import { parse } from '../src/index.js';

// Session 35 (gold35): shapes left on the fifteenth set of blind threads (fixtures/blind-threads 83-88), each tested on a
// made-up dump of the same shape, not on those dumps.

describe('session 35: a newsletter archive page with a `Powered by …` footer, whose comments open under a gate line and end with `♡ N   Reply`', () => {
  const text = [
    'The Harbour Letter',
    'Archive',
    'Subscribe',
    '',
    'The lifeboat station gets its new boat',
    '',
    'The station at Kelmouth will take delivery of a Shannon-class lifeboat in March, replacing the 1996 boat that has served since the slipway was rebuilt.',
    '',
    'The boat cost £2.4 million, of which £310,000 was raised locally over four years.',
    '',
    '— Ros',
    '',
    'Powered by Harbourmail, the simple way to send a newsletter.',
    '',
    '4 comments',
    'Leave a comment',
    'Only paid members can post comments. Sign in',
    '',
    'Mags Pellow',
    'Paid subscriber',
    'Four years of cake sales and a sponsored swim. Worth every crumb.',
    '♡ 12   Reply',
    '',
    'Dan Treloar',
    'Was the old boat sold or scrapped?',
    '♡   Reply',
    '',
    'Ros Kitto',
    'Author',
    'Sold to a station in Chile, Dan, as most of them are.',
    '♡ 3   Reply',
    '',
    'Bill Penrose',
    'Good to see it done.',
    '♡ 1   Reply',
  ].join('\n');

  it('leaves the gate line out of the posts and reads the heart row as the footer', () => {
    const doc = parse(text);
    expect(doc.thread.declaredCount).toBe(4);
    expect(doc.article.text).toContain('The boat cost £2.4 million');
    expect(doc.article.text).not.toContain('Powered by');
    expect(rows(text).map((r) => [r[0], r[3]])).toEqual([
      ['Mags Pellow', 'Four years of cake sales and a sponsored swim. Worth every crumb.'],
      ['Dan Treloar', 'Was the old boat sold or scrapped?'],
      ['Ros Kitto', 'Sold to a station in Chile, Dan, as most of them are.'],
      ['Bill Penrose', 'Good to see it done.'],
    ]);
    expect(doc.thread.posts.map((p) => p.text)).not.toContainEqual(expect.stringContaining('♡'));
    expect(doc.thread.posts[0]!.meta.likes).toBe(12);
  });
});

describe('session 35: a journal community whose comments end with a row of links, `| Parent` on replies', () => {
  const text = [
    'kelmouth_chat',
    'Kelmouth town community',
    '',
    'harbourwatch (harbourwatch) wrote in kelmouth_chat',
    '2026-03-02 10:15:00',
    'Harbour dues going up',
    'From the Packet: the harbour board will raise mooring fees by 9% from April, the first rise since 2021. The board said dredging costs had doubled.',
    '',
    'Tags: harbour',
    '4 comments',
    'Reply',
    '',
    'gullwing',
    'March 2 2026, 10:40:12 UTC',
    'Nine per cent after five years is not outrageous, to be fair.',
    'Link | Reply | Thread',
    '',
    'pilchard_pete',
    'March 2 2026, 10:52:40 UTC',
    'It is when the pontoons still leak.',
    'Link | Reply | Thread | Parent',
    '',
    'Anonymous',
    'March 2 2026, 11:05:03 UTC',
    'Who sets the dredging contract?',
    'Link | Reply | Thread',
    '',
    'harbourwatch',
    'March 2 2026, 11:20:55 UTC',
    'The county does, the board only pays its share.',
    'Link | Reply | Thread | Parent',
  ].join('\n');

  it('links a reply whose links include `Parent` to the comment above, the others stay top level', () => {
    expect(rows(text).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['gullwing', null, 'Nine per cent after five years is not outrageous, to be fair.'],
      ['pilchard_pete', 0, 'It is when the pontoons still leak.'],
      ['Anonymous', null, 'Who sets the dredging contract?'],
      ['harbourwatch', 2, 'The county does, the board only pays its share.'],
    ]);
  });
});

describe("session 35: a local paper's own comments, `NAME (qualifier) says:` over the text and a time-first footer row", () => {
  const text = [
    'Kelmouth Packet',
    'News  Sport  Jobs',
    '',
    'Harbour board raises mooring fees by 9%',
    '',
    'Mooring fees in Kelmouth harbour will rise by 9% from April, the first increase since 2021.',
    '',
    'The harbour board said the cost of dredging the channel had doubled in three years.',
    '',
    'Your comments',
    'Comments (4)',
    'Sort by: Oldest | Newest',
    '',
    'Gull Rock (Kelmouth) says:',
    'Nine per cent after five years is fair enough if the dredging gets done.',
    '9:14am Tue 3 Mar 26 · 6 likes · Reply · Report abuse',
    '',
    'pilchard_pete says:',
    'The pontoons still leak, so no.',
    '9:30am Tue 3 Mar 26 · Reply · Report abuse',
    '',
    'This comment has been removed by a moderator.',
    '9:41am Tue 3 Mar 26 · Report abuse',
    '',
    'Harbour Desk (Staff) says:',
    'Please keep it civil. One comment has been removed.',
    '10:02am Tue 3 Mar 26 · 2 likes · Reply · Report abuse',
    '',
    'Load more comments',
    '',
    'Contact us  Advertise  Privacy notice',
    '© 2026 Kelmouth Packet. All rights reserved.',
  ].join('\n');

  it('reads the name before `says:` as the author, the row under the text as the footer with the time, the removed one alone', () => {
    const doc = parse(text);
    expect(doc.thread.declaredCount).toBe(4);
    expect(rows(text).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Gull Rock (Kelmouth)', false, 'Nine per cent after five years is fair enough if the dredging gets done.'],
      ['pilchard_pete', false, 'The pontoons still leak, so no.'],
      [null, true, ''],
      ['Harbour Desk (Staff)', false, 'Please keep it civil. One comment has been removed.'],
    ]);
    expect(doc.thread.posts.map((p) => p.meta.timestamp)).toEqual(['9:14am Tue 3 Mar 26', '9:30am Tue 3 Mar 26', '9:41am Tue 3 Mar 26', '10:02am Tue 3 Mar 26']);
    expect(doc.thread.posts[0]!.meta.likes).toBe(6);
    expect(doc.thread.posts[3]!.text).not.toContain('©');
  });
});

describe('session 35: a money forum whose posts open with a one-line panel `NAME Posts: N Rank` and may show an edit time', () => {
  const text = [
    'Savers Forum',
    'Home › Bills › Water',
    'Water bills up 8% in April',
    '',
    'tealeaf Posts: 2,301 Forumite',
    '✭✭✭',
    '2 March 2026 at 8:10AM in Water',
    'From the news this morning:',
    '',
    'Water bills in the region will rise by 8% from April, adding about £44 to the average annual bill.',
    '',
    'The company said the money would pay for new storm overflows and leak repairs.',
    '0',
    'Share',
    '',
    'frugal_fern Posts: 515 Forumite',
    '✭✭',
    '2 March 2026 at 8:31AM',
    'Another £44 on top of the £38 last year. Meters are worth a look for small households.',
    '0',
    'Share',
    '',
    'Bob_the_saver Posts: 12,044 Forumite',
    '✭✭✭✭✭',
    '2 March 2026 at 8:52AM edited 2 March 2026 at 8:55AM',
    'frugal_fern said:',
    'Meters are worth a look for small households.',
    'Agreed, we saved about £150 a year when we switched.',
    '0',
    'Share',
    '',
    'Forum_Kate Posts: 402 Forum Team',
    '2 March 2026 at 9:20AM',
    'Thread moved to Water from Energy. Thanks all.',
    '0',
    'Share',
  ].join('\n');

  it('reads the name before `Posts:` as the author and the time before `edited` as the time', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('Water bills in the region will rise by 8% from April');
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['frugal_fern', null],
      ['Bob_the_saver', 0],
      ['Forum_Kate', null],
    ]);
    expect(doc.thread.posts[1]!.meta.timestamp).toBe('2 March 2026 at 8:52AM');
    expect(doc.thread.posts[1]!.text).toContain('Agreed, we saved about £150 a year when we switched.');
  });
});

describe('session 35: a forum topic with one-line headers `SUBJECT by NAME(m): TIME On DATE`, the story in the opening post', () => {
  const title = 'Ferry Fares To Rise 12% From April';
  const text = [
    'Harbour Forum',
    `Harbour Forum / General / Travel / ${title} (812 Views)`,
    'Ferry Timetable Changes / Island Parking Charges Explained / Port Strike Called Off / Cheapest Way To The Mainland (2) (3)',
    '',
    `${title} by TideDesk(m): 7:58am On Mar 02`,
    'The island ferry company will raise fares by 12 per cent from April, the first rise since 2022, it said on Monday.',
    '',
    'A foot passenger return will go from £9.40 to £10.50, and taking a car across will cost £6 more each way.',
    '',
    'The company blamed fuel costs, which it said had risen by a third since 2024, and the cost of crew training.',
    '',
    'Source: https://www.example.com/ferry-fares',
    '',
    `Re: ${title} by gull_rock(m): 8:10am On Mar 02`,
    'Twelve per cent when the boats are late every other day. No thanks.',
    '3 Likes',
    '',
    `Re: ${title} by kelp_queen(f): 8:21am On Mar 02`,
    'gull_rock:',
    'Twelve per cent when the boats are late every other day. No thanks.',
    '',
    'They were on time 91% of last year, it is in the annual report.',
    '1 Like',
    '',
    `Re: ${title} by stormy_petrel(m): 8:30am On Mar 02`,
    '*** This post has been hidden by the moderators ***',
    '',
    `Re: ${title} by harbour_mod(m): 8:44am On Mar 02`,
    'Keep it civil please, one post hidden.',
    '',
    `Re: ${title} by puffin88(f): 9:02am On Mar 02`,
    'Does the car price include the driver?',
  ].join('\n');

  it('reads the header line, takes the opening post for the story and the hidden post for removed', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('A foot passenger return will go from £9.40 to £10.50, and taking a car across will cost £6 more each way.');
    expect(doc.article.text).not.toContain('TideDesk');
    expect(rows(text).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['gull_rock', null, false, 'Twelve per cent when the boats are late every other day. No thanks.'],
      ['kelp_queen', 0, false, 'They were on time 91% of last year, it is in the annual report.'],
      ['stormy_petrel', null, true, ''],
      ['harbour_mod', null, false, 'Keep it civil please, one post hidden.'],
      ['puffin88', null, false, 'Does the car price include the driver?'],
    ]);
    expect(doc.thread.posts[0]!.meta.timestamp).toBe('8:10am On Mar 02');
  });
});

describe('session 35: a travel forum whose posts open with a long member card and a numbered `Re:` subject over the date (a removed post and a staff post without one)', () => {
  const card = (name: string, place: string, posts: string, reviews: string, votes: string, expert?: string) =>
    [name, place, ...(expert ? ['Destination Expert', `for ${expert}`] : []), 'Level Contributor', posts, reviews, votes];
  const title = 'Ferry fares up 12% from April';
  const text = [
    'Travel Forum',
    'Kelmouth forums',
    title,
    'Watch this Topic',
    '',
    ...card('Tern_Ros', 'Kelmouth, United Kingdom', '3,104 posts', '22 reviews', '910 helpful votes', 'Kelmouth'),
    title,
    '2 Mar 2026, 07:58',
    'From the local paper: the island ferry will raise fares by 12 per cent from April, the first rise since 2022.',
    'Report inappropriate content',
    '',
    ...card('gull_rock', 'Leeds, United Kingdom', '88 posts', '19 reviews', '31 helpful votes'),
    `1. Re: ${title}`,
    '2 Mar 2026, 08:10',
    'Twelve per cent when the boats are late every other day. No thanks.',
    'Report inappropriate content',
    '',
    ...card('kelp_queen', 'Truro, United Kingdom', '1,390 posts', '12 reviews', '402 helpful votes'),
    `2. Re: ${title}`,
    '2 Mar 2026, 08:21',
    'They were on time 91% of last year, gull_rock, it is in the annual report.',
    'Report inappropriate content',
    '',
    ...card('Tern_Ros', 'Kelmouth, United Kingdom', '3,104 posts', '22 reviews', '910 helpful votes', 'Kelmouth'),
    `3. Re: ${title}`,
    '2 Mar 2026, 08:40',
    'Foot passengers can still buy the ten-trip card at the old price until the end of March.',
    'Report inappropriate content',
    '',
    `4. Re: ${title}`,
    '2 Mar 2026, 08:52',
    'This post was judged to break the forum rules by other members and has been removed.',
    '',
    `5. Re: ${title}`,
    '2 Mar 2026, 09:30',
    'Forum Team',
    'Message from the forum team',
    'Hello all, a post was removed above. Please keep to travel advice. Thank you.',
  ].join('\n');

  it('reads the name over the card as the author and the date under the subject as the time; a post without a card is read from its subject and date', () => {
    const doc = parse(text);
    expect(rows(text).map((r) => [r[0], r[3]])).toEqual([
      ['gull_rock', 'Twelve per cent when the boats are late every other day. No thanks.'],
      ['kelp_queen', 'They were on time 91% of last year, gull_rock, it is in the annual report.'],
      ['Tern_Ros', 'Foot passengers can still buy the ten-trip card at the old price until the end of March.'],
      [null, ''],
      ['Forum Team', 'Hello all, a post was removed above. Please keep to travel advice. Thank you.'],
    ]);
    expect(doc.thread.posts[3]!.removed).toBe(true);
    expect(doc.thread.posts.map((p) => p.meta.timestamp)).toEqual(['2 Mar 2026, 08:10', '2 Mar 2026, 08:21', '2 Mar 2026, 08:40', '2 Mar 2026, 08:52', '2 Mar 2026, 09:30']);
  });
});
