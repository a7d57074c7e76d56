import { describe, expect, it } from 'vitest';
import { readFooter } from '../src/ingest/styles/header-cues.js';
import { parse } from '../src/index.js';
import { line, rows } from './lib/parse-rows.js';

// Session 40 (gold40): shapes left on the twentieth set of blind threads (fixtures/blind-threads 113-118), each tested on
// a made-up dump of the same shape, not on those dumps.

describe('session 40: a video page with column heads (`name  LV3`), time-first footer rows and reply totals between threads', () => {
  const comment = (head: string, text: string, time: string, likes: number) => [head, text, `${time}  ${likes}  Reply`, ''];
  const text = [
    'Town pool to reopen in March after roof repairs',
    '2,412  18  2026-12-04 18:00:05  All rights reserved',
    'Lakeside Daily',
    'UP',
    'Follow 12.3K',
    'The Lakeside pool will reopen on 2 March after a £2.1m roof repair, the council said on Tuesday. The pool closed in June after tiles fell into the shallow end.',
    '',
    'Swimming clubs have been training in Northby since then, a 40-minute drive away, the clubs said.',
    '',
    'Comments 7',
    'Hot',
    'Newest',
    'Post a friendly comment',
    'Send',
    '',
    ...comment('pond_frog  LV4', 'I swam there for 20 years, glad it is coming back. March is later than they promised though.', '2026-12-05 09:10', 31),
    ...comment('Lakeside Daily  UP', 'The council said February in July, then March after the tiles were tested.', '2026-12-05 09:40', 12),
    ...comment('mike_runs  LV2', 'Reply @Lakeside Daily :they said January in the summer, I have the leaflet', '2026-12-05 10:02', 3),
    'Total 2 replies  Collapse',
    '',
    ...comment('kayak_jen  LV5', '£2.1m for a roof is a lot of money for a pool that loses money every year.', '2026-12-05 09:20', 44),
    ...comment('old_swimmer  LV3', 'Northby is 30 minutes, not 40. I drive it every Tuesday.', '2026-12-05 09:31', 8),
    'Total 1 replies  Collapse',
    '',
    ...comment('swim_coach_bo  LV6', 'Our juniors lost a whole season to that drive. Good news at last.', '2026-12-05 11:15', 19),
    'No more comments',
    'Up next',
    'Autoplay',
    'Lakeside bypass: what happens next',
  ].join('\n');

  it('reads a time, a bare count and a button after column gaps as a footer row', () => {
    expect(readFooter(line('2026-12-05 09:14  214  Reply'))).toEqual({ likes: 214, timestamp: '2026-12-05 09:14' });
    expect(readFooter(line('2026-12-05 09:14  214  1,024'))).toBeUndefined();
  });

  it('takes the column gap for the head template, keeps the tabs, the box and `Up next` out, and splits the records a reply total hid', () => {
    expect(rows(text).map(([author, , removed, first]) => [author, removed, first])).toEqual([
      ['pond_frog', false, 'I swam there for 20 years, glad it is coming back. March is later than they promised though.'],
      ['Lakeside Daily', false, 'The council said February in July, then March after the tiles were tested.'],
      ['mike_runs', false, 'Reply @Lakeside Daily :they said January in the summer, I have the leaflet'],
      ['kayak_jen', false, '£2.1m for a roof is a lot of money for a pool that loses money every year.'],
      ['old_swimmer', false, 'Northby is 30 minutes, not 40. I drive it every Tuesday.'],
      ['swim_coach_bo', false, 'Our juniors lost a whole season to that drive. Good news at last.'],
    ]);
  });
});

describe('session 40: a reply to a reply printed as `Reply @NAME :text`', () => {
  const comment = (head: string, text: string) => [head, text, '2026-12-05 09:10  3  Reply', ''];
  const text = [
    'Harbour swim reopens',
    '',
    'The harbour swimming area reopens on Saturday after the water passed four tests in a row, the council said.',
    '',
    'Comments 5',
    '',
    ...comment('sea_dog  LV4', 'Four tests in a row is good but they only tested in dry weather.'),
    ...comment('Harbour News  UP', 'The council says two of the four were taken after rain.'),
    ...comment('wave_rider  LV2', 'Reply @Harbour News :which two? the report does not say'),
    ...comment('sea_dog  LV4', 'Reply @wave_rider :the 2nd and the 4th, it is in the appendix'),
    ...comment('kelp_fan  LV3', 'Reply me @sea_dog if they test again in January please'),
  ].join('\n');

  it('links it to the named poster, not to the post above', () => {
    expect(rows(text).map(([author, parent]) => [author, parent])).toEqual([
      ['sea_dog', null],
      ['Harbour News', null],
      ['wave_rider', 1],
      ['sea_dog', 2],
      ['kelp_fan', null],
    ]);
  });
});

describe('session 40: a video page whose heads carry a plan or owner badge after the name (`NAME  PLUS  ·  2 days ago`)', () => {
  const comment = (head: string, text: string) => [`${head}  ·  2 days ago`, text, 'Reply', ''];
  const text = [
    'Ferry fares to rise by a fifth in April',
    'Bay News TV',
    'Follow',
    '1,204 plays',
    'Island ferry fares will rise by 20% in April, the operator said. Residents keep their discount card.',
    '',
    '5 comments',
    'Add a new comment',
    '',
    ...comment('Greta Lund', 'The discount card only covers foot passengers, the report skips that.'),
    ...comment('Bay News TV  Owner', 'Thanks Greta. You are right, cars are not covered. We will add it.'),
    ...comment('Owen Price  PLUS', 'A fifth on top of last year is a lot for people who have to commute.'),
    ...comment('Bay News TV  Owner', 'Fair point Owen, the operator says it is the first rise since 2019.'),
    ...comment('Ivy Marsh  PLUS', 'Good to see the discount card kept at least.'),
  ].join('\n');

  it('takes the repeated badge for the head, not for the name answered, so the text names the post answered', () => {
    expect(rows(text).map(([author, parent]) => [author, parent])).toEqual([
      ['Greta Lund', null],
      ['Bay News TV', 0],
      ['Owen Price', null],
      ['Bay News TV', 2],
      ['Ivy Marsh', null],
    ]);
  });
});

describe('session 40: a market-news page with a block of links between threads (no name, no footer)', () => {
  const comment = (name: string, text: string, likes: number) => [name, 'Comments (212) | + Follow', 'Today, 9:14 AM', text, 'Reply', `Like (${likes})`, ''];
  const text = [
    'Harbour Foods to shut canning plant, 220 jobs go',
    'Dec. 04, 2026 7:40 AM ET | Harbour Foods (HBF) Stock | By: Sam Reid, News Editor | 6 Comments',
    '',
    'Harbour Foods said Thursday it will close its Eastport canning plant by June 2027, cutting 220 jobs.',
    'The company expects a charge of $14M and savings of $9M a year from 2028.',
    '',
    'Comments (6)',
    'Sort by',
    'Newest',
    '',
    ...comment('CannedValue', 'Payback in under two years. About time they shut the oldest plant.', 12),
    ...comment('Eastport Mike', 'Easy to say when it is not your town. 220 families.', 30),
    ...comment('Tin Tina', 'It is 226 with the warehouse staff, not 220.', 4),
    'Recommended For You',
    'Food stocks: three names with room to run',
    'Why canned goods may have bottomed',
    '',
    ...comment('DivHunter', 'The $14M charge is mostly non-cash, so the dividend is safe.', 9),
    ...comment('Eastport Mike', 'The dividend. Of course that is what matters.', 21),
    ...comment('Lena Q', 'The plant opened in 1961, not the 1950s as people keep saying.', 2),
    'Load More Comments',
  ].join('\n');

  it('keeps the link block out of the thread', () => {
    expect(rows(text).map(([author, , removed, first]) => [author, removed, first])).toEqual([
      ['CannedValue', false, 'Payback in under two years. About time they shut the oldest plant.'],
      ['Eastport Mike', false, 'Easy to say when it is not your town. 220 families.'],
      ['Tin Tina', false, 'It is 226 with the warehouse staff, not 220.'],
      ['DivHunter', false, 'The $14M charge is mostly non-cash, so the dividend is safe.'],
      ['Eastport Mike', false, 'The dividend. Of course that is what matters.'],
      ['Lena Q', false, 'The plant opened in 1961, not the 1950s as people keep saying.'],
    ]);
  });
});

describe('session 40: a blog-platform post whose comment heads may end with an edit date (`• Edited on Dec 6`)', () => {
  const comment = (name: string, date: string, text: string, edited = false) => [name, name, '•', date, ...(edited ? [`• Edited on ${date}`] : []), text, 'Like', 'Reply', ''];
  const text = [
    'Skip to content',
    'Dev Forum',
    'Log in',
    'Ruth Amsel',
    'Posted on Dec 4',
    'We mapped every bus stop without a shelter in Eastfold',
    '#opendata #maps',
    '',
    'With readers we walked all 412 stops in Eastfold over four weekends. 161 of them have no shelter and 58 have no seat.',
    '',
    'The council says 30 new shelters are funded for 2027. The data and the notebook are on our repository.',
    '',
    'Top comments (5)',
    '',
    ...comment('Omar Haddad', 'Dec 4', 'Great work. Did you count the stops on the ring road too?'),
    ...comment('Ruth Amsel', 'Dec 4', 'Yes, all 19 of them. Only two have shelters.', true),
    ...comment('Lin Park', 'Dec 5', 'The council said 40 shelters in the budget, not 30.'),
    ...comment('Ruth Amsel', 'Dec 5', '30 are funded, 10 more depend on a grant. I should have said so.', true),
    ...comment('Omar Haddad', 'Dec 5', 'Thanks, that clears it up.'),
    'Code of Conduct • Report abuse',
  ].join('\n');

  it('keeps the edit date in the head', () => {
    expect(rows(text).map(([author, , removed, first]) => [author, removed, first])).toEqual([
      ['Omar Haddad', false, 'Great work. Did you count the stops on the ring road too?'],
      ['Ruth Amsel', false, 'Yes, all 19 of them. Only two have shelters.'],
      ['Lin Park', false, 'The council said 40 shelters in the budget, not 30.'],
      ['Ruth Amsel', false, '30 are funded, 10 more depend on a grant. I should have said so.'],
      ['Omar Haddad', false, 'Thanks, that clears it up.'],
    ]);
  });
});

describe('session 40: a task card with its activity (card events between comments, the story in the description)', () => {
  const comment = (name: string, time: string, text: string, reaction?: string) => [name, time, text, ...(reaction ? [reaction] : []), 'Reply', ''];
  const event = (what: string, time: string) => [what, time];
  // The activity as the card lists it; `spaced`: a blank line around each event.
  const card = (spaced: boolean) => {
    const ev = (what: string, time: string) => (spaced ? ['', ...event(what, time), ''] : event(what, time));
    return [
      ...['Boardly', 'Workspaces', 'Recent', 'Starred', 'Create', 'Search', 'Save Millbrook Library', 'Board', 'Table', 'Filters', 'Share'],
      'Council to cut Millbrook library to two days a week',
      ...['in list News', 'Members', 'AB', 'JT', '+2', 'Labels', 'Council', 'Notifications', 'Watch', 'Due date', 'Jan 8, 2027, 5:00 PM', 'Description', 'Edit'],
      'Story from the Echo this morning. Objections by 8 January please. - Alice',
      '',
      'Millbrook library to open two days a week from April',
      '',
      'By Tom Reyes, Local Democracy Reporter',
      '',
      "Millbrook's library will open only on Tuesdays and Saturdays from April under council plans to save £84,000 a year, the cabinet decided on Wednesday.",
      '',
      'The library now opens five days a week and had 31,000 visits last year. The council says visits have fallen by a third since 2019.',
      '',
      'Cabinet member Joan Pike said: "We would rather keep every library open two days than close three of them."',
      '',
      'A public meeting will be held at the library on 12 December. Objections can be sent until 8 January.',
      '',
      ...['Attachments', 'echo-library-story.pdf', 'Added Dec 5, 2026, 8:10 AM', 'Comment', 'Delete', 'Edit', 'Checklist', 'Objection letter', '0%', 'Draft letter', 'Add an item'],
      ...['Activity', 'Show details', 'Write a comment…'],
      ...event('Alice Brandt added this card to Ideas', 'Dec 4, 2026, 9:40 PM'),
      ...event('Alice Brandt moved this card from Ideas to News', 'Dec 5, 2026, 8:11 AM'),
      ...comment('Jon Tate', 'Dec 5, 2026, 9:02 AM', '@alicebrandt the meeting is on the 12th at 7pm, the Echo left the time out.'),
      ...ev('Alice Brandt changed the due date of this card to Jan 8, 2027, 5:00 PM', 'Dec 5, 2026, 9:10 AM'),
      ...comment('Alice Brandt', 'Dec 5, 2026, 9:15 AM', '@jontate thanks, I will add it to the letter.'),
      ...comment('Mo Farid', 'Dec 5, 2026, 9:40 AM', '31,000 visits and they call it falling. It was 28,000 in 2019, I checked the annual report.', '👍 4'),
      ...ev('Priya Lal joined this card', 'Dec 5, 2026, 9:55 AM'),
      ...comment('Priya Lal', 'Dec 5, 2026, 10:02 AM', 'Two days a week means the homework club goes. That is the real loss here.', '❤️ 6'),
      ...ev('Mo Farid joined this card', 'Dec 5, 2026, 10:20 AM'),
      ...comment('Jon Tate', 'Dec 5, 2026, 10:30 AM', '@mofarid the 28,000 was the year the roof was being fixed, it was shut for two months.'),
      ...ev('Jon Tate attached roof-closure-2019.jpg to this card', 'Dec 5, 2026, 10:35 AM'),
      ...comment('Mo Farid', 'Dec 5, 2026, 10:41 AM', 'Fair point, forgot about the roof.'),
      ...ev('Alice Brandt added Urgent to this card', 'Dec 5, 2026, 11:00 AM'),
      ...comment('Alice Brandt', 'Dec 5, 2026, 11:05 AM', 'Draft letter is in the checklist, please add your names by Friday.', '👍 3'),
      ...(spaced
        ? [
            ...comment('Nia Owen', 'Dec 5, 2026, 11:30 AM', 'The homework club could move to the community centre on Thursdays, I asked them last week.'),
            ...ev('Jon Tate joined this card', 'Dec 5, 2026, 11:40 AM'),
            ...comment('Jon Tate', 'Dec 5, 2026, 11:42 AM', '@niaowen the centre shuts at 5 on Thursdays, that is no use for a club that starts at 4.'),
            ...comment('Nia Owen', 'Dec 5, 2026, 11:50 AM', 'It shuts at 6, not 5. They changed it in September.'),
            ...ev('Ravi Kapoor joined this card', 'Dec 5, 2026, 12:10 PM'),
            ...comment('Ravi Kapoor', 'Dec 5, 2026, 12:15 PM', '£84,000 is less than the council spent on the new signs for the high street. Priorities.'),
            ...comment('Mo Farid', 'Dec 5, 2026, 12:30 PM', '@ravikapoor the signs were £60k and came out of a different budget, but point taken.'),
            ...comment('Alice Brandt', 'Dec 5, 2026, 1:05 PM', 'Thanks all, 14 names on the letter so far.'),
          ]
        : []),
      ...['Add to card', 'Members', 'Labels', 'Actions', 'Move', 'Copy', 'Archive'],
    ].join('\n');
  };

  it('keeps the events (no name, no footer row) out of the thread', () => {
    expect(rows(card(false)).map(([author, , removed, first]) => [author, removed, first])).toEqual([
      ['Jon Tate', false, '@alicebrandt the meeting is on the 12th at 7pm, the Echo left the time out.'],
      ['Alice Brandt', false, '@jontate thanks, I will add it to the letter.'],
      ['Mo Farid', false, '31,000 visits and they call it falling. It was 28,000 in 2019, I checked the annual report.'],
      ['Priya Lal', false, 'Two days a week means the homework club goes. That is the real loss here.'],
      ['Jon Tate', false, '@mofarid the 28,000 was the year the roof was being fixed, it was shut for two months.'],
      ['Mo Farid', false, 'Fair point, forgot about the roof.'],
      ['Alice Brandt', false, 'Draft letter is in the checklist, please add your names by Friday.'],
    ]);
  });

  it('reads the story in the description as the article where the line model reads the comments', () => {
    const doc = parse(card(true));
    const article = doc.article.blocks.map((b) => b.text).join('\n');
    expect(article).toContain('The library now opens five days a week and had 31,000 visits last year.');
    expect(article).not.toContain('Add an item');
    expect(doc.thread.posts.map((p) => p.text.split('\n')[0]).slice(1, 3)).toEqual([
      '@jontate thanks, I will add it to the letter.',
      '31,000 visits and they call it falling. It was 28,000 in 2019, I checked the annual report.',
    ]);
  });
});
