import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { parents } from './lib/parse-rows.js';
import { isRemovalNote } from '../src/ingest/section-cues.js';

// Session 25 (gold25): shapes met on the fifth set of blind threads (fixtures/blind-threads 23-28), each tested on a
// made-up dump of the same shape, not on those dumps.

const PARAGRAPHS = [
  'The town library will open on Sundays from January for the first time since 2011, the council said on Tuesday, paying for the extra hours from its parking income.',
  'The branch on Elm Street will open from 11am to 4pm, staffed by two librarians and a volunteer, at a cost of about 48,000 pounds a year.',
  'Opposition councillors said the money would be better spent on the mobile library van, which was withdrawn from three villages last spring.',
];

describe('session 25 line shapes', () => {
  it('reads an unstamped "Replying to @x: first words…" line over a stamped chat-replay message as the reply\'s preview', () => {
    const text = [
      'Library to open on Sundays',
      ...PARAGRAPHS,
      '',
      'Chat Replay',
      '0:01:10 elm_reader: about time, the kids have nowhere to go on a Sunday',
      'Replying to @elm_reader: about time, the kids have nowhere to go on a…',
      '0:01:40 van_fan: the van villages get nothing though',
      '0:02:05 quiet_carrel: will the cafe be open too?',
      'Replying to @van_fan: the van villages get nothing though',
      '0:02:30 elm_reader: the van was the county\'s, not the town\'s',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.thread.posts.map((p) => p.text)).toEqual([
      'about time, the kids have nowhere to go on a Sunday',
      'the van villages get nothing though',
      'will the cafe be open too?',
      "the van was the county's, not the town's",
    ]);
    expect(parents(text)).toEqual([['elm_reader', null], ['van_fan', 0], ['quiet_carrel', null], ['elm_reader', 1]]);
  });

  it('leaves a comment box\'s rules and a chat\'s greeting out of the article', () => {
    const text = [
      'Library to open on Sundays',
      'By Ann Example',
      '',
      ...PARAGRAPHS,
      'Comments policy: be civil, use your own name, stay on topic. We remove personal attacks.',
      'Welcome to the chat room!',
      '',
      '3 Comments',
      '',
      'Jo Reed • 2 hours ago',
      'Good news for families.',
      'Reply',
      '',
      'Sam Hill • 1 hour ago',
      'Jo, the van villages lose out again.',
      'Reply',
      '',
      'Ben Ortiz • 40 minutes ago',
      'Who is paying for the volunteer?',
      'Reply',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.text).toContain('The branch on Elm Street will open');
    expect(doc.article.text).not.toContain('Comments policy');
    expect(doc.article.text).not.toContain('Welcome to the chat room');
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['Jo Reed', 'Sam Hill', 'Ben Ortiz']);
  });

  it('reads vBulletin-era posts: number, post-icon word and time, name with its status, member card, quote boxes, a removed post, the signature', () => {
    const card = (n: number, time: string, name: string, rank: string, posts: string): string[] => [
      `  #${n}  `,
      `Old 03-11-2026, ${time}`,
      `${name} ${name} is offline`,
      rank,
      ' ',
      'Join Date: Feb 2014',
      'Location: Elm Street',
      `Posts: ${posts}`,
    ];
    const text = [
      'Town Forums > Local News',
      'Thread Tools',
      ...card(1, '08:02 AM', 'bookworm_55', 'Senior Member', '2,310'),
      'Default Library to open on Sundays',
      'From the Gazette this morning.',
      '',
      'Library to open on Sundays from January',
      'By Ann Example, Staff Writer',
      '',
      PARAGRAPHS.join('\n\n'),
      '__________________',
      'Reading is a right, not a privilege.',
      'Reply With Quote',
      ...card(2, '08:30 AM', 'van_fan', 'Member', '412'),
      'Sundays are nice but the van villages still have nothing at all.',
      'Reply With Quote',
      ...card(3, '08:41 AM', 'elm_reader', 'Junior Member', '38'),
      'Quote:',
      'Originally Posted by van_fan View Post',
      'Sundays are nice but the van villages still have nothing at all.',
      'The van was withdrawn by the county, not by the town council.',
      'Reply With Quote',
      '  #4  ',
      'Old 03-11-2026, 08:50 AM',
      'grumpy_gus',
      'This message has been deleted by ModTeam. Reason: personal attack',
      ...card(5, '09:15 AM', 'bookworm_55', 'Senior Member', '2,311'),
      'Does anyone know if the cafe opens on Sundays too?',
      '__________________',
      'Reading is a right, not a privilege.',
      'Reply With Quote',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.text).toContain('The branch on Elm Street will open');
    expect(doc.article.text).not.toContain('Reading is a right');
    expect(parents(text)).toEqual([['van_fan', null], ['elm_reader', 0], [null, null], ['bookworm_55', null]]);
    expect(doc.thread.posts[1]!.text).toBe('The van was withdrawn by the county, not by the town council.');
    expect(doc.thread.posts[2]!.removed).toBe(true);
  });

  it('reads a Slack channel: a same-sender message under reactions, thread replies answering whom they address, the compose box\'s notice', () => {
    const text = [
      '# library',
      'Friday, December 4th',
      'Gazette Desk  APP  9:00 AM',
      'Library to open on Sundays',
      'By Ann Example, library reporter | Friday 4 December 2026',
      ...PARAGRAPHS,
      'Ana Ruiz  9:10 AM',
      'Finally. My two will live in that place on Sundays.',
      '👏 4',
      '9:12',
      'And the Elm Street branch has the only decent study tables in town.',
      'Tom Vale  9:20 AM',
      'The van villages lose their only service and the town gets Sundays.',
      '2 replies',
      'Last reply today at 9:40 AM',
      'Bea Lund  9:31 AM',
      'replied to a thread: The van villages lose their only service and the town gets Sundays.',
      'Tom, the van was withdrawn by the county, not the town.',
      'Tom Vale  9:40 AM',
      'replied to a thread: The van villages lose their only service and the town gets Sundays.',
      'Bea, the county pulled it because the town stopped paying its share.',
      'Message #library',
      'Aa',
      'Gazette Members is on a free plan. Messages older than 90 days are hidden.',
      '',
    ].join('\n');
    expect(parents(text)).toEqual([['Ana Ruiz', null], ['Ana Ruiz', null], ['Tom Vale', null], ['Bea Lund', 2], ['Tom Vale', 3]]);
  });

  it('reads a name over a badge over a place-and-time line (Nextdoor) as one header', () => {
    const text = [
      'Gazette',
      'Local news · Elm Park · 5 hr ago',
      'Library to open on Sundays',
      ...PARAGRAPHS,
      '6 comments',
      '',
      'Rosa Diaz',
      'Elm Park · 4 hr ago',
      'Lovely news for the kids.',
      'Like',
      'Reply',
      '',
      'Gazette',
      'Author',
      'Elm Park · 3 hr ago',
      'Thanks Rosa, the hours start on January 11.',
      'Like',
      'Reply',
      '',
      'Marco Ruiz',
      'Old Town · 2 hr ago',
      'And the van villages?',
      'Like',
      'Reply',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.thread.posts.map((p) => [p.author, p.isOP])).toEqual([['Rosa Diaz', false], ['Gazette', true], ['Marco Ruiz', false]]);
  });

  it('reads a Quora answer\'s "Name · Follow" byline and credential line, and leaves its related questions out of the comments', () => {
    const text = [
      'Quora',
      'Home',
      '',
      'Will the town library really open on Sundays?',
      'Ann Example',
      'Ann Example · Follow',
      'Librarian at Elm Street Library (2009–present) · Updated Dec 3',
      PARAGRAPHS.join('\n\n'),
      '',
      'Comments · 2',
      '',
      'Jo Reed',
      '·',
      '3h',
      'Good news for families.',
      'Upvote',
      '4',
      'Reply',
      '',
      'Sam Hill',
      '·',
      '2h',
      'And the van villages?',
      'Upvote',
      'Reply',
      '',
      'View more comments',
      '',
      'Related questions',
      'Why do libraries close on Sundays?',
      'How are library hours decided?',
      'More answers below',
      '',
      'About · Careers · Terms · Privacy · Acceptable Use · Businesses · Press · Your Ad Choices · Grievance Officer',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.title).toBe('Will the town library really open on Sundays?');
    expect(doc.article.byline).toBe('Ann Example');
    expect(doc.article.text).not.toContain('Librarian at Elm Street');
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['Jo Reed', 'Sam Hill']);
  });

  it('reads an earlier poster\'s first name set off by commas inside a flat post\'s first sentence as the post it answers', () => {
    const text = [
      'Library to open on Sundays',
      ...PARAGRAPHS,
      '',
      '3 Comments',
      '',
      'Sam Hill • 3 hours ago',
      'The van villages lose out again, as always.',
      'Reply',
      '',
      'Jo Reed • 2 hours ago',
      'Lovely news for families with young children.',
      'Reply',
      '',
      'Ben Ortiz • 1 hour ago',
      'It was the county that withdrew the van, Sam, not the town council.',
      'Reply',
      '',
    ].join('\n');
    expect(parents(text)).toEqual([['Sam Hill', null], ['Jo Reed', null], ['Ben Ortiz', 0]]);
  });

  it('takes a two-sentence line for a removal note only when its first sentence says the removal', () => {
    expect(isRemovalNote('This message has been deleted by ModTeam. Reason: personal attack')).toBe(true);
    expect(isRemovalNote('Removed. The comment broke the rules.')).toBe(true);
    expect(isRemovalNote('Gazette Members is on a free plan. Messages older than 90 days are hidden.')).toBe(false);
  });
});
