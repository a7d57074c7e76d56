import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { splitLines } from '../src/ingest/lines.js';
import { findEdgeStory } from '../src/ingest/opening-post.js';
import { newPost } from '../src/ingest/styles/counted.js';
import type { RawPost, SectionParse } from '../src/ingest/types.js';
import { readWidgetHeader } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 42 (gold42): shapes left on the twenty-second set of blind threads (fixtures/blind-threads 125-130), each tested
// on a made-up dump of the same shape, not on those dumps.

const story = [
  'Allotment waiting list closes as demand passes 600 names for the borough\'s plots',
  '',
  'The borough council has closed its allotment waiting list after the number of people queuing for a plot passed 600 this autumn.',
  '',
  'Officers told the community committee on Tuesday that the average wait at the busiest sites is now more than seven years.',
  '',
  'The council says it will look at splitting full plots into halves when tenants give them up, which could free about 80 plots.',
  '',
  'The Allotment Society said the closure would put young families off growing their own food for good.',
];

/** A wiki page pasted whole: its head lines, its discussions (`NAME  TIME` / text), each closed by `Reply...`, the
 * comment box, then the story under them (as a wiki shows page comments under the title). */
const wikiPage = (head: string[], discussions: Array<Array<[string, string, string]>>, foot: string[] = []): string =>
  [
    ...head,
    '',
    ...discussions.flatMap((d) => [...d.flatMap(([name, time, text]) => [`${name}  ${time}`, text, '']), 'Reply...', '']),
    'Add a comment...',
    '',
    ...story,
    ...foot,
  ].join('\n');

describe('session 42: a byline and date over the story read as the first comment head (a small widget, its form over the comments)', () => {
  const comment = (name: string, time: string, text: string) => [name, time, text, 'Reply', ''];
  const text = [
    'THE WESTLEY NEWS',
    'Home | Council | Sport | Contact',
    '',
    'COUNCIL',
    '',
    story[0]!,
    'Council desk',
    '3 March 2026',
    '',
    ...story.slice(2),
    '',
    'Photo: the Mill Lane allotments in the snow.',
    '',
    'More council news',
    'Bin rounds change in April',
    'Library hours cut',
    '',
    'Comments',
    'Nickname',
    'Email (optional)',
    'Reply...',
    'Comment',
    '',
    ...comment('Jan Pryce', '2026-03-03 09:10', 'Seven years? My neighbour got one in two.'),
    ...comment('Westley News', '2026-03-03 09:40', 'Jan, that is the average at the three busiest sites.'),
    ...comment('Omar Haddad', '2026-03-03 10:02', 'Half plots make sense, most people cannot keep up a full one anyway.'),
    ...comment('Rita Obi', '2026-03-03 10:30', 'The society asked for half plots in 2021 and was told no.'),
    ...comment('Jan Pryce', '2026-03-03 11:05', 'Fair enough, the quieter sites are quicker.'),
    ...comment('Pat Moody', '2026-03-03 11:30', 'Seven years is nothing, in Hollin it was ten when I joined.'),
    ...comment('Dev Shah', '2026-03-03 11:45', 'Hollin is a different council though, it has its own list.'),
    ...comment('Gwen Hart', '2026-03-03 12:30', 'Could the council not just buy another field? There is one for sale on Mill Lane.'),
    ...comment('Lee Carter', '2026-03-03 13:10', 'Is the list closed for people already on it too?'),
    'powered by a comment widget',
  ].join('\n');

  it('reads the story as the article and the comments from the first name under the form', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('Officers told the community committee on Tuesday');
    expect(doc.article.text).not.toContain('Nickname');
    expect(rows(text).map(([author, , , first]) => [author, first])).toEqual([
      ['Jan Pryce', 'Seven years? My neighbour got one in two.'],
      ['Westley News', 'Jan, that is the average at the three busiest sites.'],
      ['Omar Haddad', 'Half plots make sense, most people cannot keep up a full one anyway.'],
      ['Rita Obi', 'The society asked for half plots in 2021 and was told no.'],
      ['Jan Pryce', 'Fair enough, the quieter sites are quicker.'],
      ['Pat Moody', 'Seven years is nothing, in Hollin it was ten when I joined.'],
      ['Dev Shah', 'Hollin is a different council though, it has its own list.'],
      ['Gwen Hart', 'Could the council not just buy another field? There is one for sale on Mill Lane.'],
      ['Lee Carter', 'Is the list closed for people already on it too?'],
    ]);
  });
});

describe('session 42: a page that prints its comments above its body (a wiki page: properties, discussions, the box, then the story)', () => {
  const text = wikiPage(
    ['Westley News', '/', 'Council explainers', 'Share', 'Duplicate', '', 'Allotment waiting list', 'Published', 'March 3, 2026'],
    [
      [
        ['Jan Pryce', 'Mar 3', 'Seven years? My neighbour got one in two.'],
        ['Sana Iqbal', 'Mar 3', '@Jan Pryce that is the average at the three busiest sites.'],
      ],
      [
        ['Omar Haddad', 'Mar 3', 'Half plots make sense, most people cannot keep up a full one anyway.'],
        ['Rita Obi', 'Mar 4', '@Omar Haddad the society asked for half plots in 2021 and was told no.'],
      ],
      [
        ['Lee Carter', 'Mar 4', 'Is the list closed for people already on it too?'],
        ['Sana Iqbal', 'Mar 4', '@Lee Carter no, everyone already on the list keeps their place.'],
      ],
      [
        ['Pat Moody', 'Mar 4', 'Seven years is nothing, in Hollin it was ten when I joined.'],
        ['Dev Shah', 'Mar 4', '@Pat Moody Hollin is a different council though, it has its own list.'],
      ],
    ],
    ['', 'Made with a wiki app'],
  );

  it('reads the body under the comment box as the article', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('Officers told the community committee on Tuesday');
    expect(doc.article.text).toContain('The Allotment Society said the closure would put young families off');
    expect(doc.article.text).not.toContain('Made with a wiki app');
    expect(doc.article.text).not.toContain('Seven years?');
    expect(doc.thread.posts.some((p) => p.text.includes('Officers told'))).toBe(false);
  });
});

describe('session 42: a story read as the last post, under its headline as the name (findEdgeStory)', () => {
  const post = (author: string | null, text: string, at: number): RawPost => ({
    ...newPost(author, null),
    body: splitLines(text).map((l) => ({ ...l, index: l.index + at })),
  });
  const noArticle = { kinds: new Map(), title: null, titleSpan: null, date: null, dateSpan: null, byline: null, source: null, blocks: [] };
  const comments = [
    post('Jan Pryce', 'Seven years? My neighbour got one in two.', 0),
    post('Sana Iqbal', '@Jan Pryce that is the average at the three busiest sites.', 2),
    post('Omar Haddad', 'Half plots make sense, most people cannot keep up a full one anyway.', 4),
    post('Rita Obi', 'The society asked for half plots in 2021 and was told no.', 6),
  ];
  const section = (posts: RawPost[]): SectionParse => ({
    posts,
    lineKinds: new Map(),
    linePost: new Map(posts.flatMap((p, k) => p.body.map((l) => [l.index, k] as [number, number]))),
    declaredCount: null,
    messages: [],
  });

  it('takes the last post for the story when it is by no other name and runs three times the longest comment', () => {
    const parsed = section([...comments, post(story[0]!, story.slice(2).join('\n'), 10)]);
    expect(findEdgeStory(noArticle, parsed)?.post).toBe(4);
  });

  it('leaves a long last comment by a poster of the page, and a short one, as comments', () => {
    expect(findEdgeStory(noArticle, section([...comments, post('Jan Pryce', story.slice(2).join('\n'), 10)]))).toBeNull();
    expect(findEdgeStory(noArticle, section([...comments, post('Lee Carter', story.slice(2, 5).join('\n'), 10)]))).toBeNull();
  });

  it('needs three live posts besides it: a long comment under two removal notes stays a comment', () => {
    const gone = (at: number): RawPost => ({ ...post(null, 'This comment was removed.', at), removed: true });
    expect(findEdgeStory(noArticle, section([gone(0), gone(2), post('Lee Carter', story.slice(2).join('\n'), 4)]))).toBeNull();
    expect(findEdgeStory(noArticle, section([gone(0), comments[1]!, comments[2]!, comments[3]!, post('Lee Carter', story.slice(2).join('\n'), 10)]))?.post).toBe(4);
  });
});

describe('session 42: one-line heads `NAME  Yesterday` under a page\'s property rows (a wiki page\'s discussions)', () => {
  const text = wikiPage(
    ['Westley News', '/', 'Council explainers', 'Share', '', 'Allotment waiting list', 'Published', 'March 3, 2026', 'Reporter', 'Sana Iqbal', 'Last edited', 'March 5, 2026 8:40 AM'],
    [
      [
        ['Jan Pryce', 'Mar 3', 'Seven years? My neighbour got one in two.'],
        ['Sana Iqbal', 'Mar 3', '@Jan Pryce that is the average at the three busiest sites.'],
      ],
      [
        ['Omar Haddad', 'Yesterday', 'Half plots make sense, most people cannot keep up a full one anyway.'],
        ['Rita Obi', 'Yesterday', '@Omar Haddad the society asked for half plots in 2021 and was told no.'],
        ['Omar Haddad', 'Yesterday', '@Rita Obi then ask again, the list is twice as long now.'],
      ],
      [
        ['Lee Carter', '5h', 'Is the list closed for people already on it too?'],
        ['Sana Iqbal', '2h', '@Lee Carter no, everyone already on the list keeps their place.'],
      ],
    ],
  );

  it('reads a worded day after a column gap as the head\'s time, not part of the name', () => {
    expect(readWidgetHeader(line('Omar Haddad  Yesterday'))).toMatchObject({ author: 'Omar Haddad', timestamp: 'Yesterday' });
    // one space: the day may be the name's own word
    expect(readWidgetHeader(line('Omar Haddad Yesterday'))).toBeNull();
  });

  it('leaves the property rows over the first comment to the page', () => {
    expect(rows(text).map(([author, parent]) => [author, parent])).toEqual([
      ['Jan Pryce', null],
      ['Sana Iqbal', 0],
      ['Omar Haddad', null],
      ['Rita Obi', 2],
      ['Omar Haddad', 3],
      ['Lee Carter', null],
      ['Sana Iqbal', 5],
    ]);
  });
});

describe('session 42: a badge word after a column gap on the name line (`NAME  Newsroom` / `3 hours ago`, threaded, indentation lost)', () => {
  const comment = (name: string, time: string, text: string) => [name, time, text, '▲ 4 ▼  Reply  Share', ''];
  const text = [
    'Westley News',
    'News  Business  Sport',
    '',
    'Mill Lane bakery to close with the loss of 60 jobs',
    'By Dan Roe',
    '',
    'The Mill Lane bakery will close in May with the loss of 60 jobs, its owners said on Friday, after 40 years in the town.',
    '',
    'Production will move to the group\'s larger site in Hull, and staff will be offered jobs there or redundancy.',
    '',
    '9 Comments',
    'Write a comment...',
    '',
    ...comment('Ann Lowe', '5 hours ago', 'It is 64 jobs with the drivers, not 60.'),
    'Hide 2 replies',
    '',
    ...comment('Westley Desk  Editor', '4 hours ago', 'Ann, the company says 60 staff and four agency drivers.'),
    ...comment('Ken Ibbs', '4 hours ago', 'The drivers always get the worst of it.'),
    ...comment('Rose Ng', '3 hours ago', 'Forty years? It opened in 1979, so nearly fifty.'),
    ...comment('Westley Desk  Editor', '2 hours ago', 'Rose, thanks, we will fix the year.'),
    ...comment('Phil Barr', '2 hours ago', 'Hull is 40 miles away. Nobody on a bakery wage is moving for that.'),
    ...comment('Ken Ibbs', '1 hour ago', 'Agreed, Phil.'),
    ...comment('Mo Farah', '1 hour ago', 'Sad day for the town.'),
    ...comment('Dee Hart', '40 minutes ago', 'My mum worked there for twenty years.'),
    'See more comments',
  ].join('\n');

  it('reads the word after the gap as a badge, not as part of the name', () => {
    expect(parse(text).thread.posts.map((p) => p.author)).toEqual(['Ann Lowe', 'Westley Desk', 'Ken Ibbs', 'Rose Ng', 'Westley Desk', 'Phil Barr', 'Ken Ibbs', 'Mo Farah', 'Dee Hart']);
  });
});
