import { describe, expect, it } from 'vitest';
import { rows } from './lib/parse-rows.js';
import { parse } from '../src/index.js';

// Session 34 (gold34): shapes left on the fourteenth set of blind threads (fixtures/blind-threads 77-82), each tested on a
// made-up dump of the same shape, not on those dumps.

describe('session 34: a community weblog whose comments are signed under their text (`posted by NAME at TIME on DATE`)', () => {
  const text = [
    'Weblog',
    'Log In',
    'Sign Up',
    '« Older A post about kites   |   A post about trains Newer »',
    'Ferry fares up again',
    'March 3, 2026 8:02 PM   Subscribe',
    '',
    'The island ferry company will raise fares by 12 per cent from April, the local paper reports. From the story:',
    '',
    'Return fares for foot passengers will rise from £9.40 to £10.50, and the price of taking a car across will go up by £6.',
    'The company said fuel costs had risen by a third since 2024 and that the last rise was in 2022.',
    'posted by gannetry (5 comments total) 9 users marked this as a favorite',
    '',
    'Twelve per cent is steep when the boats are late half the time.',
    'posted by kittiwake at 8:20 PM on March 3, 2026 [4 favorites]',
    '',
    'kittiwake, the punctuality figures were 91% last year, it is in the annual report.',
    'posted by Harbour Master Jo at 8:31 PM on March 3, 2026 [2 favorites]',
    '',
    'Huh, fair enough.',
    'Still steep.',
    'posted by kittiwake at 8:40 PM on March 3, 2026',
    '',
    '[One comment deleted. Keep it civil, please.]',
    'posted by tern (staff) at 8:55 PM on March 3, 2026 [11 favorites]',
    '',
    'Does the car price include the driver?',
    'posted by puffin at 9:02 PM on March 3, 2026',
    '',
    '« Older A post about kites   |   A post about trains Newer »',
    'You are not currently logged in. Log in or create a new account to post comments.',
  ].join('\n');

  it('reads each signature as its comment\'s author (without the `(staff)` qualifier), the text above it as the comment', () => {
    const doc = parse(text);
    expect(doc.thread.declaredCount).toBe(5);
    expect(doc.article.text).toContain('The company said fuel costs had risen by a third since 2024 and that the last rise was in 2022.');
    expect(doc.article.text).not.toContain('users marked this as a favorite');
    expect(rows(text).map((r) => [r[0], r[3]])).toEqual([
      ['kittiwake', 'Twelve per cent is steep when the boats are late half the time.'],
      ['Harbour Master Jo', 'kittiwake, the punctuality figures were 91% last year, it is in the annual report.'],
      ['kittiwake', 'Huh, fair enough.'],
      ['tern', '[One comment deleted. Keep it civil, please.]'],
      ['puffin', 'Does the car price include the driver?'],
    ]);
    // Nesting is not shown: an addressed name links a reply, the rest stay top level.
    expect(rows(text)[1]![1]).toBe(0);
    expect(rows(text)[4]![1]).toBe(null);
  });
});

describe('session 34: a community forum whose member card ends in a shortened count and `Posted DATE`, quotes dated', () => {
  const card = (name: string, group: string, count: string, date: string, body: string[]) =>
    [name, name, group, ` ${count}`, `Posted ${date}`, ...body, 'Quote', 'Link to comment', 'Share on other sites', 'More sharing options...', ''];
  const text = [
    'Jump to content',
    'Riverside Supporters Forum',
    'Existing user? Sign In',
    'Home',
    'Club Forums',
    'Kellbridge Town fined over pitch',
    'By tollgate_tom, March 3 in Kellbridge Town',
    'Recommended Posts',
    ...card('tollgate_tom', 'Members', '2.2k', 'March 3', [
      'From the Evening Star:',
      '',
      'Kellbridge Town fined £6,000 over waterlogged pitch',
      '',
      'Kellbridge Town have been fined £6,000 by the league after two home matches were called off within an hour of kick-off because of a waterlogged pitch.',
      '',
      'The league said the club had failed to tell visiting teams about the pitch in good time, and that its drainage had been a concern since 2024.',
      '',
      'The club said it would appeal and that new drainage would be laid in the summer.',
    ]),
    ...card('Marsh End', 'Members', '641', 'March 3', ['Six grand for some rain. The league is having a laugh.', 'Like 9']),
    ...card('Keeper_Kath', 'Members', '1.1k', 'March 3', ['On 03/03/2026 at 18:02, Marsh End said:', 'Six grand for some rain.', "It's for not telling the away side, not for the rain.", 'Like 4']),
    ...card('Kellbridge_Sec', 'Club Official', '87', 'March 4', ['We will be appealing. Drainage work is booked for June.']),
  ].join('\n');

  it('reads the card (doubled name, group, ` 2.2k`, `Posted …`) as the head, the dated quote as a quote, the buttons as chrome', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('The club said it would appeal and that new drainage would be laid in the summer.');
    expect(rows(text)).toEqual([
      ['Marsh End', null, false, 'Six grand for some rain. The league is having a laugh.'],
      ['Keeper_Kath', 0, false, "It's for not telling the away side, not for the rain."],
      ['Kellbridge_Sec', null, false, 'We will be appealing. Drainage work is booked for June.'],
    ]);
  });
});

describe('session 34: a hyperlocal site whose like button is `Thank (N)`, with a rules box under `Load more comments`', () => {
  const comment = (name: string, badge: string, reply: string | null, text: string, thanks: number) =>
    [name, badge, ...(reply ? [`Replying to ${reply}`] : []), 'Mar 3', text, `Thank (${thanks})`, 'Reply', ''];
  const text = [
    'Patchwork',
    'Elmford, OH',
    'Local News',
    'Elmford Library Will Close On Mondays From April',
    '',
    // The byline reads as a head too (name, badge, time): no opener stands right over the first head.
    'By Dana Reyes, Patchwork Staff',
    'Verified Staff Badge',
    'Mar 3, 2026 4:10 pm ET',
    '|',
    'Updated Mar 4, 2026 9:00 am ET',
    '',
    'ELMFORD, OH — The Elmford Public Library will close on Mondays from April 6, the library board decided on Tuesday, to save about $40,000 a year.',
    '',
    'The board voted 4-1. Opening hours on the other six days will not change.',
    '',
    'Comments',
    '9 comments',
    'Sort by: Oldest',
    'Log in to comment',
    '',
    ...comment('Rita Gomez', 'Neighbor', null, 'Mondays were the only day I could go. Sad.', 12),
    'Hide replies',
    '',
    ...comment('Sam Ortiz', 'Neighbor', 'Rita Gomez', 'Rita, the branch on Oak St stays open Mondays.', 5),
    ...comment('Rita Gomez', 'Neighbor', 'Sam Ortiz', 'Oh good to know, thanks.', 2),
    // Five comments below this one: its button count equals them.
    ...comment('Lee Park', 'Neighbor', null, 'Forty grand is one salary. Cut somewhere else.', 5),
    ...comment('June Bell', 'Neighbor', null, 'Fine by me, I go on Saturdays anyway.', 3),
    ...comment('Omar Diaz', 'Neighbor', null, 'Who were the 4 who voted for it?', 1),
    ...comment('Ann Cho', 'Neighbor', null, 'Libraries are worth every cent.', 6),
    ...comment('Ben Ruiz', 'Neighbor', null, 'Will the book drop stay open on Mondays?', 2),
    ...comment('Cal Nash', 'Neighbor', 'Ben Ruiz', 'Ben, yes, the drop box is outside.', 1),
    'Load more comments',
    '',
    'The rules of the road:',
    'Be kind. This is a place for neighbours to talk, and insults or threats will not be tolerated here.',
    'Be honest. Use your real name, and back up what you say with a source where you can.',
    '',
    'More from Elmford',
    'Elmford Spring Fair Returns To Main Street April 12',
    'Police Blotter: Bicycle Stolen On Mill Road',
    'About Patchwork',
    'Terms of Use',
  ].join('\n');

  it('reads every comment (the last button count does not open the section) and leaves the rules box out', () => {
    const r = rows(text);
    expect(r.map((x) => x[0])).toEqual(['Rita Gomez', 'Sam Ortiz', 'Rita Gomez', 'Lee Park', 'June Bell', 'Omar Diaz', 'Ann Cho', 'Ben Ruiz', 'Cal Nash']);
    expect(r.map((x) => x[1])).toEqual([null, 0, 1, null, null, null, null, null, 7]);
  });
});

describe('session 34: a learning platform\'s forum discussion (`Picture of NAME` / subject / `by NAME - DATE`), nesting lost', () => {
  const post = (name: string, subject: string, time: string, body: string) =>
    [`Picture of ${name}`, subject, `by ${name} - Monday, 2 March 2026, ${time}`, body, 'Permalink', 'Show parent', 'Reply', ''];
  const topic = 'Gazette story: swimming lessons cut';
  const text = [
    'Skip to main content',
    'Parents Hub',
    'Home',
    'Parents Forum',
    topic,
    'Display replies in nested form',
    `Picture of Ann Lee`,
    topic,
    'by Ann Lee - Monday, 2 March 2026, 6:02 PM',
    'From the Gazette today, for anyone who missed it.',
    '',
    'Year 3 swimming lessons to end in Hollin',
    '',
    'By Sam Webb, Education reporter',
    '',
    'Primary schools in Hollin will stop swimming lessons for Year 3 from September, the council said, to save £60,000 a year on pool hire and coaches.',
    '',
    'Pupils in Years 4 and 5 will keep one term of lessons each. The council said 71 per cent of Year 6 pupils could swim 25 metres last summer.',
    '',
    'Parents said the change would leave the youngest without lessons for a year, and that private lessons at the leisure centre cost £8 a session.',
    '',
    'The council said schools could pay for Year 3 lessons from their own budgets if they wished, and that two schools had already said they would.',
    '',
    'A spokesperson for the swimming club said it would offer free taster sessions on Saturday mornings for children who had missed out on lessons at school.',
    '',
    'The change will be reviewed in a year, when the council will look again at how many pupils leave primary school able to swim 25 metres.',
    'Permalink',
    'Reply',
    '',
    ...post('Bob Hart', 'Pool costs?', '6:10 PM', 'Sixty grand for pool hire seems a lot for one year group.'),
    ...post('Cy Dunn', 'Re: Pool costs?', '6:15 PM', 'Coaches are most of that, the hire is cheap.'),
    ...post('Bob Hart', 'Re: Pool costs?', '6:20 PM', 'Fair, I did not know that.'),
    ...post('Di Marsh', `Re: ${topic}`, '6:31 PM', 'My two learned at the Kellbridge pool in the holidays anyway.'),
    ...post('Ed Cole', `Re: ${topic}`, '6:40 PM', 'The content of this post has been removed and can no longer be accessed.'),
    ...post('Fay Ito', `Re: ${topic}`, '6:52 PM', 'Seventy one per cent is not good enough to cut anything.'),
    'You are logged in as Ann Lee (Log out)',
    'Powered by a learning platform',
  ].join('\n');

  it('reads the dashed byline under the subject, the removed post, and "Re:" subjects that thread replies', () => {
    expect(rows(text)).toEqual([
      ['Bob Hart', null, false, 'Sixty grand for pool hire seems a lot for one year group.'],
      ['Cy Dunn', 0, false, 'Coaches are most of that, the hire is cheap.'],
      ['Bob Hart', 1, false, 'Fair, I did not know that.'],
      // Answers to the opening post (the article) share its subject: the "Re:" does not say whom they answer.
      ['Di Marsh', null, false, 'My two learned at the Kellbridge pool in the holidays anyway.'],
      [expect.anything(), null, true, ''],
      ['Fay Ito', null, false, 'Seventy one per cent is not good enough to cut anything.'],
    ]);
  });
});

describe('session 34: a work chat channel (weekday and clock times, `N replies from …` / `Collapse all` over the replies)', () => {
  const msg = (name: string, time: string, text: string) => [name, time, text, ''];
  const text = [
    'Activity',
    'Chat',
    'Teams',
    'Hollin Residents',
    'General',
    'Posts',
    'Files',
    '+',
    'Ann Lee',
    'Monday 18:02',
    'Gazette story today, for anyone who missed it:',
    '',
    'Hollin swimming pool to close for two years',
    'By Sam Webb, Local democracy reporter',
    '',
    'Hollin leisure centre will close its swimming pool on 1 April for repairs expected to take two years, the council said on Monday.',
    '',
    'The roof over the main pool was found to contain crumbling concrete panels during a survey in October, according to a report to councillors.',
    '',
    'Repairs are estimated at £4.8m, of which the council hopes a national sport fund will pay about half.',
    '',
    'Swimming clubs have been offered lane time at Kellbridge, nine miles away, at the same price as now.',
    '👍 4',
    '',
    '2 replies from Bob and Cy',
    'Collapse all',
    '',
    ...msg('Bob Hart', 'Monday 18:20', 'Two years is a long time for the clubs.'),
    ...msg('Cy Dunn (Guest)', 'Monday 18:31', 'Nine miles each way for a 6am session, great.'),
    'Reply',
    '',
    ...msg('Di Marsh', 'Tuesday 09:10', 'Is anyone going to the council meeting on the 14th?'),
    '3 replies from Ed, Fay and Bob',
    'Collapse all',
    '',
    ...msg('Ed Cole', 'Tuesday 09:30', 'I will, I can drive two people.'),
    ...msg('Fay Ito (External)', 'Tuesday 09:41', 'Count me in.'),
    ...msg('Bob Hart', 'Tuesday 10:02', 'Me too if there is space in the car.'),
    'Reply',
    '',
    'Start a post',
  ].join('\n');

  it('reads each message under its name and weekday time, the summary over the replies as their head\'s footer', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('Repairs are estimated at £4.8m, of which the council hopes a national sport fund will pay about half.');
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['Bob Hart', null],
      ['Cy Dunn', null],
      ['Di Marsh', null],
      ['Ed Cole', 2],
      ['Fay Ito', 2],
      ['Bob Hart', 2],
    ]);
  });
});

describe('session 34: a moderator\'s note right under a removed post answers it', () => {
  const msg = (name: string, time: string, text: string) => [name, time, text, ''];
  const text = [
    'Hollin swimming pool to close for two years',
    '',
    'Hollin leisure centre will close its swimming pool on 1 April for repairs expected to take two years, the council said on Monday.',
    '',
    'Repairs are estimated at £4.8m, of which the council hopes a national sport fund will pay about half.',
    '',
    'Comments',
    '',
    ...msg('Bob Hart', 'Monday 18:20', 'Two years is a long time for the swimming clubs to travel.'),
    ...msg('Cy Dunn', 'Monday 18:31', 'This message has been deleted.'),
    ...msg('Ann Lee', 'Monday 18:40', 'Keep it civil please. Name-calling the councillors is not on and I have deleted it.'),
    ...msg('Di Marsh', 'Monday 18:52', 'Will the gym stay open while the pool is shut?'),
    ...msg('Ed Cole', 'Monday 19:05', 'Di, it will, the gym is in the other building.'),
  ].join('\n');

  it('links the note to the removed post, and nothing else to it', () => {
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Bob Hart', null, false],
      [expect.anything(), null, true],
      ['Ann Lee', 1, false],
      ['Di Marsh', null, false],
      ['Ed Cole', 3, false],
    ]);
  });
});
