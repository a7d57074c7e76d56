import { describe, expect, it } from 'vitest';
import { readTimeLine } from '../src/ingest/styles/header-cues.js';
import { isRemovalNote } from '../src/ingest/section-cues.js';
import { parse } from '../src/index.js';
import { line, rows } from './lib/parse-rows.js';

// Session 41 (gold41): shapes left on the twenty-first set of blind threads (fixtures/blind-threads 119-124), each tested
// on a made-up dump of the same shape, not on those dumps.

describe('session 41: a document draft with its comment pane pasted under it (tabs, anchor words, `NAME` / `9:14 AM Today`)', () => {
  const comment = (name: string, time: string, text: string) => [name, time, text];
  const text = [
    'Bus depot draft - for web',
    'File',
    'Edit',
    'View',
    'Last edit was 2 minutes ago',
    'Share',
    'HED: Depot move delayed to spring',
    'By Rory Blake',
    '',
    'The county says the bus depot will move to Hale Road in April, not January, after the site failed a drainage survey.',
    '',
    'About 60 drivers will transfer with the depot, the operator said.',
    '',
    'Comments',
    'All comments',
    'For you',
    'Open',
    'move to Hale Road in April',
    ...comment('Maya Green', '8:02 AM Today', 'The survey report says May, not April. Page 3.'),
    ...comment('Rory Blake', '8:10 AM Today', 'It says work starts in April and buses move in May. I will say May.'),
    'Reply or add others with @',
    'About 60 drivers',
    ...comment('Tariq Noor', '8:15 AM Today', 'The union says 64 drivers, not about 60.'),
    ...comment('Maya Green', '8:21 AM Today', 'Use the operator figure and give the union one after it.'),
    ...comment('Rory Blake', '8:30 AM Today', 'Done, both figures in now.'),
    'Reply or add others with @',
  ].join('\n');

  it('reads a clock time followed by its day word as a time', () => {
    expect(readTimeLine(line('8:02 AM Today'))).toBe('8:02 AM Today');
    expect(readTimeLine(line('18:40 yesterday'))).toBe('18:40 yesterday');
    expect(readTimeLine(line('8:02 AM Tomorrow is fine'))).toBeNull();
  });

  it("takes each name over its time for the head and leaves the pane's tabs to the page", () => {
    expect(rows(text).map(([author, , , first]) => [author, first])).toEqual([
      ['Maya Green', 'The survey report says May, not April. Page 3.'],
      ['Rory Blake', 'It says work starts in April and buses move in May. I will say May.'],
      ['Tariq Noor', 'The union says 64 drivers, not about 60.'],
      ['Maya Green', 'Use the operator figure and give the union one after it.'],
      ['Rory Blake', 'Done, both figures in now.'],
    ]);
    expect(parse(text).thread.posts.map((p) => p.meta.timestamp)).toEqual(['8:02 AM Today', '8:10 AM Today', '8:15 AM Today', '8:21 AM Today', '8:30 AM Today']);
  });
});

describe('session 41: a merge request discussion (`NAME @handle · 3 hours ago`, a role line, system notes, a comment box)', () => {
  const note = (name: string, handle: string, role: string, text: string) => [`${name} @${handle} · 3 hours ago`, role, text];
  const text = [
    'Merge requests',
    '!88',
    'Story: harbour wall repairs',
    'Open',
    'Ana Ruiz requested to merge ar/harbour-wall  into  main  5 hours ago',
    'Overview',
    'Commits 2',
    '',
    'The harbour wall will be repaired over the winter at a cost of £3.4m, the port authority said on Monday.',
    'Fishing boats will use the north quay while the work goes on, from November to March.',
    '',
    'Activity',
    ...note('Ben Cole', 'bcole', 'Developer', 'The authority said £3.2m in its statement, not £3.4m.'),
    'Collapse replies',
    ...note('Ana Ruiz', 'aruiz', 'Author', 'The statement was corrected on Tuesday, £3.4m is the new figure.'),
    ...note('Ben Cole', 'bcole', 'Developer', 'Fair, I missed the update.'),
    'Reply…',
    'Resolve thread',
    'Ana Ruiz added 1 commit 2 hours ago',
    '',
    '9f2c1ab0 - Add quay dates',
    'Compare with previous version',
    ...note('Cara Lowe', 'clowe', 'Developer', 'North quay from November? The notice says December.'),
    ...note('Dev Patel', 'dpatel', 'Developer', 'ok, both are right'),
    ...note('Ana Ruiz', 'aruiz', 'Author', 'December for the boats, November for the site fencing.'),
    'Reply…',
    'Resolve thread',
    'Write a comment or drag your files here…',
    'Supports Markdown. For quick actions, type /.',
  ].join('\n');

  it('cuts the handle from the name, keeps the role line out of the text and the system note and comment box out of the posts', () => {
    expect(rows(text).map(([author, , , first]) => [author, first])).toEqual([
      ['Ben Cole', 'The authority said £3.2m in its statement, not £3.4m.'],
      ['Ana Ruiz', 'The statement was corrected on Tuesday, £3.4m is the new figure.'],
      ['Ben Cole', 'Fair, I missed the update.'],
      ['Cara Lowe', 'North quay from November? The notice says December.'],
      ['Dev Patel', 'ok, both are right'],
      ['Ana Ruiz', 'December for the boats, November for the site fencing.'],
    ]);
  });

  it('keeps the handle as the post handle', () => {
    const doc = parse(text);
    expect(doc.thread.posts[0]!.author).toBe('Ben Cole');
    expect(doc.thread.posts.some((p) => p.author?.includes('@'))).toBe(false);
  });
});

describe('session 41: a launch page (name / badge / bio over the text, the time under the footer, a comment box placeholder)', () => {
  const comment = (name: string, lines: string[], text: string, votes: number) => [name, ...lines, text, `Upvote (${votes})`, 'Reply', 'Share', 'Report', '1d ago'];
  const text = [
    'Launches',
    'Products',
    'Sign in',
    'Kettlewise',
    'A smart plug that tells you when the kettle is wasting power',
    'Visit website',
    'Upvote 201',
    'Kettlewise measures how much water you boil and how much you use, and sends a weekly report to your phone.',
    'It was built by two engineers in Leeds and costs £29.',
    'Discussion',
    '14',
    'What do you think? …',
    'Login to comment',
    'Best',
    ...comment('Lena Park', ['Maker', 'Co-founder, Kettlewise'], 'Hi all! Lena here. We built this after our office kettle cost us £80 in a year.', 20),
    ...comment('Will Hart', ['Energy consultant'], 'How does it know how much water is in the kettle?', 3),
    ...comment('Lena Park', ['Maker', 'Co-founder, Kettlewise'], 'It weighs the kettle on its base before and after each boil.', 5),
    ...comment('Jules Fox', [], 'A kettle boils in two minutes. This is a solution looking for a problem.', 2),
    ...comment('Sam Reid', ['Maker', 'CTO, Kettlewise'], 'Two minutes, twenty times a day, adds up. The average office boils 9 litres a day.', 4),
    ...comment('Priti Rao', ['Student'], 'The page says £29 but the shop says £34 with delivery.', 1),
    ...comment('Sam Reid', ['Maker', 'CTO, Kettlewise'], 'Delivery is £5, the plug is £29. We will make that clearer.', 2),
  ].join('\n');

  it('keeps the placeholder out, reads the name over a bio, and keeps badge and bio lines out of the text', () => {
    expect(rows(text).map(([author, , , first]) => [author, first])).toEqual([
      ['Lena Park', 'Hi all! Lena here. We built this after our office kettle cost us £80 in a year.'],
      ['Will Hart', 'How does it know how much water is in the kettle?'],
      ['Lena Park', 'It weighs the kettle on its base before and after each boil.'],
      ['Jules Fox', 'A kettle boils in two minutes. This is a solution looking for a problem.'],
      ['Sam Reid', 'Two minutes, twenty times a day, adds up. The average office boils 9 litres a day.'],
      ['Priti Rao', 'The page says £29 but the shop says £34 with delivery.'],
      ['Sam Reid', 'Delivery is £5, the plug is £29. We will make that clearer.'],
    ]);
  });
});

describe('session 41: a line naming a poster over the text stays the text, however often it opens posts', () => {
  const comment = (name: string, text: string[]) => [name, '2 hours ago', ...text, 'Like · Reply', ''];
  const text = [
    'Pier reopens after storm repairs',
    '',
    'The pier reopens on Friday after £400,000 of repairs to the deck damaged in the January storm, the council said.',
    '',
    '6 comments',
    '',
    ...comment('Jo Baines', ['Friday is too late for the half-term crowds.']),
    ...comment('Sid Moor', ['@Jo Baines', 'The half term starts the week after, so it is in time.']),
    ...comment('Jo Baines', ['@Sid Moor', 'Our half term starts this Friday, the county one is later.']),
    ...comment('Sid Moor', ['@Jo Baines', 'Fair, the academies broke up early.']),
    ...comment('Ann Pike', ['@Jo Baines', 'Same here, ours is out on Thursday.']),
  ].join('\n');

  it('keeps the `@Name` line in the text, where it says whom the post answers', () => {
    expect(rows(text).map(([author, , , first]) => [author, first])).toEqual([
      ['Jo Baines', 'Friday is too late for the half-term crowds.'],
      ['Sid Moor', '@Jo Baines'],
      ['Jo Baines', '@Sid Moor'],
      ['Sid Moor', '@Jo Baines'],
      ['Ann Pike', '@Jo Baines'],
    ]);
  });
});

describe('session 41: a course discussion (replies opening with a quote block of the post answered, `Deleted by NAME on DATE`)', () => {
  const entry = (name: string, time: string, text: string) => [name, time, text, 'Reply', 'Like'];
  const text = [
    'Dashboard',
    'Courses',
    'Inbox',
    'Week 9: the library opening hours cut',
    '',
    'Library hours cut to four days a week',
    'The town library will open four days a week from January instead of six, saving £85,000 a year, the council said.',
    '',
    'The council said visitor numbers had fallen by a third since 2019, and that the library would keep its Saturday opening.',
    '',
    'The friends of the library group said it would ask the council to publish visitor numbers for each day of the week.',
    '',
    '12 Replies, 12 Unread',
    'Reply',
    ...entry('Noah Kim', 'Dec 1, 2026 10:02am', 'Four days is fine if the days are the ones people use. Which two are going?'),
    'Collapse replies',
    ...entry('Ella Shaw', 'Dec 1, 2026 11:15am', 'Monday and Wednesday, it says so in the council papers.'),
    'Grace Hill',
    'Dec 1, 2026 1:30pm',
    'Noah Kim',
    'Dec 1, 2026 10:02am',
    'Four days is fine if the days are the ones people use. Which two are going?',
    'Good question, Noah. Where would you check the visitor numbers by day?',
    'Reply',
    'Like',
    'Deleted by Grace Hill on Dec 2, 2026 8:00am',
    ...entry('Liam Ortiz', 'Dec 2, 2026 9:40am', 'The saving is £58,000, not £85,000. The story swapped the digits.'),
    ...entry('Ella Shaw', 'Dec 2, 2026 10:05am', 'Checked, the papers say £58,000. Good catch.'),
  ].join('\n');

  it('reads a deleted entry note as a removed post', () => {
    expect(isRemovalNote('Deleted by Grace Hill on Dec 2, 2026 8:00am')).toBe(true);
    expect(isRemovalNote('Deleted by Grace Hill and replaced with a better one')).toBe(false);
  });

  it('reads a quote block as the reply it opens, answering the quoted post', () => {
    const read = rows(text);
    expect(read.map(([author, , removed, first]) => [author, removed, first])).toEqual([
      ['Noah Kim', false, 'Four days is fine if the days are the ones people use. Which two are going?'],
      ['Ella Shaw', false, 'Monday and Wednesday, it says so in the council papers.'],
      ['Grace Hill', false, 'Good question, Noah. Where would you check the visitor numbers by day?'],
      [null, true, ''],
      ['Liam Ortiz', false, 'The saving is £58,000, not £85,000. The story swapped the digits.'],
      ['Ella Shaw', false, 'Checked, the papers say £58,000. Good catch.'],
    ]);
    // The quote names the post answered: Noah's, not the one right above.
    expect(read[2]![1]).toBe(0);
  });
});

describe('session 41: a link board (one-line heads `NAME   2026-12-04 07:41:17 PM`, one-line quotes `NAME: words`)', () => {
  const post = (name: string, time: string, text: string[]) => [`${name}   2026-12-03 ${time}`, ...text, 'Funny  Smart', 'Reply'];
  const text = [
    'FARKLIKE',
    'Main',
    'Login',
    '(Local paper)   Obvious',
    'Town votes to keep its last public toilet open, hires one attendant for £19,000 a year',
    '812 clicks; posted to Main on 03 Dec 2026 at 6:02 PM',
    '9 Comments',
    'Newest | Oldest',
    'Light | Dark',
    ...post('canal_pete', '06:05:11 PM', ['£19,000 a year to guard a toilet. Peak local government.']),
    ...post('MrsBrightside', '06:09:40 PM', ['It is the only one between the station and the market, people need it.']),
    ...post('OldHarry', '06:12:02 PM', ['MrsBrightside: people need it.', 'Then charge 50p like every station does.']),
    ...post('canal_pete', '06:15:37 PM', ['Stations charge 20p now, not 50p.']),
    ...post('Ruth_Q', '06:21:55 PM', ['canal_pete: £19,000 a year to guard a toilet.', 'The attendant also cleans it, it said so in the story.']),
  ].join('\n');

  it('reads the first head of the page like the others, and a quote line as what the reply answers', () => {
    const read = rows(text);
    expect(read.map(([author, , , first]) => [author, first])).toEqual([
      ['canal_pete', '£19,000 a year to guard a toilet. Peak local government.'],
      ['MrsBrightside', 'It is the only one between the station and the market, people need it.'],
      ['OldHarry', 'Then charge 50p like every station does.'],
      ['canal_pete', 'Stations charge 20p now, not 50p.'],
      ['Ruth_Q', 'The attendant also cleans it, it said so in the story.'],
    ]);
    // A quote line answers the post whose words it quotes, not that poster's latest post.
    expect([read[2]![1], read[4]![1]]).toEqual([1, 0]);
  });
});
