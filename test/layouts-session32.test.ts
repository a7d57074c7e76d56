import { describe, expect, it } from 'vitest';
import { line, rows } from './lib/parse-rows.js';
import { parse } from '../src/index.js';
import { isRemovedPlaceholder } from '../src/ingest/section-cues.js';
import { readFooter, readReplyLine, readTimeLine, readWidgetHeader } from '../src/ingest/styles/header-cues.js';

// Session 32 (gold32): shapes left on the twelfth set of blind threads (fixtures/blind-threads 65-70), each tested on a
// made-up dump of the same shape, not on those dumps.

describe('session 32: a chat topic whose first message pastes the story under a credit line with its day', () => {
  const text = [
    'Birders of Hollin Vale',
    'Inbox',
    'Recent conversations',
    '',
    '#reserve > Gazette: heron count',
    '',
    'Nov 12',
    '',
    'Sam Ortega  9:02 AM',
    'Posting the Gazette piece since a few of us did the counts for it:',
    '',
    'Heron nests at Hollin Mere fall by a third in two years',
    'Vale Gazette, 11 November 2026',
    '',
    'The number of occupied grey heron nests at Hollin Mere fell from 42 in 2024 to 28 this spring, according to the county bird report.',
    '',
    'The survey was carried out by 14 volunteers from the Birders of Hollin Vale over six mornings between March and May.',
    '',
    'The reserve manager said fallen trees after the February storms had destroyed at least nine of the old nesting sites.',
    '',
    'Ana Petrov  9:20 AM',
    'Nine lost to the storms still leaves five unexplained, has anyone checked the east island?',
    '',
    'Leo Marsh  9:41 AM',
    '@Ana Petrov the east island had four new nests in April, they moved rather than vanished.',
    '',
  ].join('\n');

  it('reads the story as the article and the comments from the second message', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('The survey was carried out by 14 volunteers from the Birders of Hollin Vale over six mornings between March and May.');
    expect(doc.article.text).not.toContain('Posting the Gazette piece');
    expect(rows(text).map((r) => [r[0], String(r[3]).slice(0, 20)])).toEqual([
      ['Ana Petrov', 'Nine lost to the sto'],
      ['Leo Marsh', '@Ana Petrov the east'],
    ]);
  });
});

describe('session 32: an app\'s notice of a moderation act between chat messages', () => {
  const text = [
    '#reserve > Gazette: heron count',
    '',
    'Ana Petrov  9:20 AM',
    'Nine lost to the storms still leaves five unexplained, has anyone checked the east island?',
    '',
    'Leo Marsh  9:41 AM',
    '@Ana Petrov the east island had four new nests in April, they moved rather than vanished.',
    '',
    'Notification Bot  BOT  9:50 AM',
    'A message was moved from this topic to #reserve > parking by Sam Ortega.',
    '',
    'Priya Das  10:02 AM',
    'Does anyone know if the hide on the north bank is open again after the storm damage?',
    '',
    'Sam Ortega  10:06 AM',
    '@Priya Das yes, since Tuesday, the boardwalk was repaired last week.',
    '',
  ].join('\n');

  it('reads the notice and its head as chrome, not a post', () => {
    expect(rows(text).map((r) => r[0])).toEqual(['Ana Petrov', 'Leo Marsh', 'Priya Das', 'Sam Ortega']);
  });
});

describe('session 32: a chat room copied from its client, a name over a bare clock', () => {
  const text = [
    'Home',
    'Rooms',
    'Harbour Post readers',
    '96 members',
    '',
    'Mon, Nov 9, 2026',
    '',
    'Harbour Post Desk',
    '09:00',
    'Ferry fares to rise by 12% from January',
    'By Mei Tan, transport reporter',
    '',
    'Return fares on the Harbour to Kell Island ferry will rise by 12% from 1 January, the operator confirmed on Monday.',
    '',
    'A day return for an adult will go from £8.50 to £9.50, and the resident discount card will cost £15 a year instead of being free.',
    '',
    'The operator said fuel and crew costs had risen by a fifth since the last fare change in 2024.',
    '',
    'Omar Quist joined the room',
    'pip_k changed their display name to Pip K',
    '',
    'Pip K',
    '09:14',
    'The discount card costing £15 is the real sting for those of us who live on Kell.',
    '',
    'Omar Quist',
    '09:20',
    'In reply to',
    'Pip K',
    'The discount card costing £15 is the real sting for…',
    'It pays for itself after two crossings though, the discount is a pound a trip.',
    '',
    'Rhian Doe',
    '09:31',
    'Does the 12% include the winter timetable cut or is that separate?',
    '',
    'Harbour Post Desk',
    '09:40',
    'In reply to',
    'Rhian Doe',
    'Does the 12% include the winter timetable cut or is…',
    'Separate, the timetable decision is due at the council meeting on 20 November.',
    '',
    'Send a message…',
  ].join('\n');

  it('reads the first message as the story, the clock as each head\'s time, the quote as whom a reply answers, events as chrome', () => {
    expect(rows(text).map((r) => [r[0], r[1], String(r[3]).slice(0, 20)])).toEqual([
      ['Pip K', null, 'The discount card co'],
      ['Omar Quist', 0, 'It pays for itself a'],
      ['Rhian Doe', null, 'Does the 12% include'],
      ['Harbour Post Desk', 2, 'Separate, the timeta'],
    ]);
    expect(parse(text).article.text).toContain('The operator said fuel and crew costs had risen by a fifth since the last fare change in 2024.');
  });
});

describe('session 32: a short-video page with arrow reply heads and a label over the first head', () => {
  const text = [
    'Search',
    'For You',
    'Log in',
    '',
    'rivertonnews',
    'Riverton News · 11-30',
    'Follow',
    '',
    'The county has approved a 20 mph limit on every road in Riverton village centre from 1 March, after 31 collisions in three years. #riverton #roads',
    '',
    'Comments (9)',
    'Related posts',
    '',
    'Jo Kemble',
    'about time, the school run on Mill Street is a nightmare',
    '3d ago   Reply',
    '1,204',
    '',
    'Pete Rowe',
    'It was 29 collisions not 31, the council report says so',
    '3d ago   Reply',
    '88',
    '',
    'Jo Kemble ▸ Pete Rowe',
    'the report counts Mill Lane too, 31 is right',
    '2d ago   Reply',
    '40',
    'Hide',
    '',
    'the man from the chip shop',
    'will the buses be slower now or what',
    '2d ago   Reply',
    '12',
    '',
    'Log in to comment',
    '',
    'You might like',
    'Village fete in the rain',
    'rivertonnews',
    '12.4K',
  ].join('\n');

  it('reads the arrow head as a reply, the label and the related list as chrome, a display name with small words as a name', () => {
    expect(rows(text).map((r) => [r[0], r[1], String(r[3]).slice(0, 20)])).toEqual([
      ['Jo Kemble', null, 'about time, the scho'],
      ['Pete Rowe', null, 'It was 29 collisions'],
      ['Jo Kemble', 1, 'the report counts Mi'],
      ['the man from the chip shop', null, 'will the buses be sl'],
    ]);
  });
});

describe('session 32: a forum topic with avatar letters, "wrote on" / "replied to X on" lines and reply-count rows', () => {
  const text = [
    'Marlow Talk',
    'Categories',
    'Recent',
    'Login',
    '',
    'Bakery owner fined for hygiene breaches',
    'Local News',
    '',
    'M',
    'MarlowPost',
    'Press',
    'wrote on 2 Nov 2026, 08:10',
    '',
    'Marlow bakery owner fined £6,400 over mice in flour store',
    'By Dana Hill, court reporter',
    '',
    'The owner of a Marlow bakery has been fined £6,400 after inspectors found mouse droppings in the flour store on two visits in March, magistrates heard on Friday.',
    '',
    'The court was told the bakery had been warned in writing after the first visit and had not hired a pest control firm until May.',
    '',
    'The owner, who pleaded guilty to four offences, said the shop had since been rated four stars by the council.',
    '',
    'Read more at marlowpost.co.uk',
    '',
    '2 Replies Last reply 2 Nov 2026, 10:05',
    'Reply',
    'Quote',
    '3',
    '',
    'D',
    'dough_boy',
    'wrote on 2 Nov 2026, 09:12',
    '',
    'Six grand for mice in the flour seems light to me, given the warnings.',
    '',
    '1 Reply Last reply 2 Nov 2026, 09:40',
    'Reply',
    'Quote',
    '5',
    '',
    'K',
    'kay_w',
    'Global Moderator',
    'replied to dough_boy on 2 Nov 2026, 09:40',
    '',
    'It was four offences, the fine is per offence, so about £1,600 each.',
    '',
    'Reply',
    'Quote',
    '2',
    '',
    'R',
    'rye_lover',
    'wrote on 2 Nov 2026, 10:05',
    '',
    'This post is deleted!',
    '',
    'Powered by NodeBB',
  ].join('\n');

  it('reads each post under its name, the reply line as its parent, and the deleted post as removed', () => {
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['dough_boy', null, false],
      ['kay_w', 0, false],
      ['rye_lover', null, true],
    ]);
    expect(parse(text).article.text).toContain('The court was told the bakery had been warned in writing after the first visit');
  });

  it('reads the lines one by one', () => {
    expect(readTimeLine(line('wrote on 2 Nov 2026, 09:12'))).toBe('2 Nov 2026, 09:12');
    expect(readReplyLine(line('replied to dough_boy on 2 Nov 2026, 09:40'))?.name).toBe('dough_boy');
    expect(readFooter(line('2 Replies Last reply 2 Nov 2026, 10:05'))).toBeDefined();
    expect(readWidgetHeader(line('2 Replies Last reply 2 Nov 2026, 10:05'))).toBeNull();
    expect(readWidgetHeader(line('replied to dough_boy on 2 Nov 2026, 09:40'))).toBeNull();
  });
});

describe('session 32: removal notes', () => {
  it('reads an exclamation mark and a moderator\'s reason as a removal note', () => {
    expect(isRemovedPlaceholder('This post is deleted!')).toBe(true);
    expect(isRemovedPlaceholder('Message deleted by Ruth Obi, reason: spam')).toBe(true);
    expect(isRemovedPlaceholder('The post deleted by Ruth Obi was rude')).toBe(false);
  });
});
