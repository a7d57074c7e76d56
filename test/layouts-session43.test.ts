import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { rows } from './lib/parse-rows.js';

// Session 43 (gold43): shapes left on the twenty-third set of blind threads (fixtures/blind-threads 131-136), each tested
// on a made-up dump of the same shape, not on those dumps.

const story = [
  'The county has shut the Weir Road footbridge after divers found cracks in two of its three river piers during a routine inspection last week.',
  'Engineers said the bridge, which carries about 1,500 walkers and cyclists a day, could stay closed until the summer while a repair is designed.',
  'A free shuttle bus will link both banks every twenty minutes from Monday, and the riverside path on the north bank stays open throughout.',
];

describe('session 43: a course forum note with followups (a toggle row over each head, replies printed head and text on one line)', () => {
  const followup = (name: string, time: string, text: string, replies: Array<[string, string, string]>) => [
    'Open  Closed',
    `${name} ${time}`,
    text,
    'helpful! 2',
    ...replies.flatMap(([n, t, x]) => [`${n} ${t} ${x}`, 'helpful! 0']),
    'Reply to this thread',
    '',
  ];
  const text = [
    'classboard',
    'CIVE 301',
    'Questions',
    'Files',
    'Search posts...',
    '',
    'note',
    '@12',
    'views 40',
    '',
    'Weir Road footbridge (for Friday)',
    '',
    'From the Valley Gazette:',
    '',
    ...story.flatMap((s) => [s, '']),
    'week6',
    'edit',
    'Updated 2 days ago by Prof. Lena Marsh',
    '',
    'followup threads',
    '',
    ...followup('Prof. Lena Marsh', '2 days ago', 'For Friday: which pier would you inspect first, and with what?', [
      ['Omar Diallo', '2 days ago', 'The middle one, it takes the most scour at high water.'],
      ['Kim Sato', '1 day ago', 'Would a drone survey show cracks under the waterline though?'],
    ]),
    ...followup('Ravi Patel', '1 day ago', 'The Gazette says 1,500 a day but the county count was 1,150 in May.', [
      ['Prof. Lena Marsh', '1 day ago', 'Ravi is right, the May count is the latest one.'],
    ]),
    'Open  Closed',
    'This followup is no longer available.',
    '',
    ...followup('Ella Brook', '20 hours ago', 'Is the shuttle free for bikes too or only for walkers?', []),
    ...followup('Sam Wood', '9 hours ago', 'Summer is optimistic for a pier repair in a river that floods in March.', [
      ['Ella Brook', '8 hours ago', 'They did the Mill Lane pier in four months two years ago.'],
    ]),
    'Start a new followup thread',
  ].join('\n');

  it('reads each head line under the toggle row as the poster, and each one-line reply as a post under its followup', () => {
    expect(rows(text).map(([author, parent, removed, first]) => [author, parent, removed ? '' : first])).toEqual([
      ['Prof. Lena Marsh', null, 'For Friday: which pier would you inspect first, and with what?'],
      ['Omar Diallo', 0, 'The middle one, it takes the most scour at high water.'],
      ['Kim Sato', 0, 'Would a drone survey show cracks under the waterline though?'],
      ['Ravi Patel', null, 'The Gazette says 1,500 a day but the county count was 1,150 in May.'],
      ['Prof. Lena Marsh', 3, 'Ravi is right, the May count is the latest one.'],
      [null, null, ''],
      ['Ella Brook', null, 'Is the shuttle free for bikes too or only for walkers?'],
      ['Sam Wood', null, 'Summer is optimistic for a pier repair in a river that floods in March.'],
      ['Ella Brook', 7, 'They did the Mill Lane pier in four months two years ago.'],
    ]);
  });

  it('reads the note over the followups as the article', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('A free shuttle bus will link both banks every twenty minutes from Monday');
    expect(doc.thread.posts.map((p) => p.text).join('\n')).not.toContain('helpful! 0');
  });
});

describe.each([
  ['Replied to', 'post'],
  ['Commented on', 'message'],
])('session 43: a chat channel whose bot posts the story, replies previewing the message they answer (%s … %s)', (verb, noun) => {
  const msg = (name: string, time: string, text: string, preview?: [string, string]) => [
    `${name}  ${time}`,
    ...(preview ? [`${verb} ${preview[0]}'s ${noun}: ${preview[1]}…`] : []),
    text,
    '',
  ];
  const text = [
    'Valley Neighbours',
    'Channels',
    '# general',
    '# news',
    '',
    'news',
    '18 members',
    '',
    'Tuesday',
    '',
    'Valley Gazette  APP  8:00 AM',
    'Weir Road footbridge shut after divers find cracked piers',
    '',
    ...story.flatMap((s) => [s, '']),
    ...msg('Nora Quinn', '8:12 AM', 'Brilliant, that is my route to the station gone until summer.'),
    ...msg('Ian Fox', '8:20 AM', 'Better shut than in the river with people on it.'),
    ...msg('Paula Kerr', '8:31 AM', 'Same here Nora, the shuttle had better be on time.', ['Nora Quinn', 'Brilliant, that is my route']),
    ...msg('Valley Gazette', '8:40 AM', 'The council says the first shuttle leaves the north bank at 6:30.', ['Nora Quinn', 'Brilliant, that is my route']),
    ...msg('Joe Bell', '9:02 AM', 'It was inspected two years ago and passed, so what changed?'),
    ...msg('Ian Fox', '9:15 AM', 'The winter floods changed, the scour was bad this year.', ['Joe Bell', 'It was inspected two years']),
    'Message #news',
  ].join('\n');

  it("reads the bot's first message as the article, though the bot posts again under it", () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('Engineers said the bridge, which carries about 1,500 walkers');
    expect(doc.thread.posts[0]!.author).toBe('Nora Quinn');
  });

  it('keeps the preview line out of the text and links the reply to the message it previews', () => {
    expect(rows(text).map(([author, parent, , first]) => [author, parent, first])).toEqual([
      ['Nora Quinn', null, 'Brilliant, that is my route to the station gone until summer.'],
      ['Ian Fox', null, 'Better shut than in the river with people on it.'],
      ['Paula Kerr', 0, 'Same here Nora, the shuttle had better be on time.'],
      ['Valley Gazette', 0, 'The council says the first shuttle leaves the north bank at 6:30.'],
      ['Joe Bell', null, 'It was inspected two years ago and passed, so what changed?'],
      ['Ian Fox', 4, 'The winter floods changed, the scour was bad this year.'],
    ]);
  });
});

describe('session 43: an annotated page (the sidebar pasted under the story: highlighted words over each note, a hidden note)', () => {
  const note = (name: string, date: string, text: string, quote?: string) => [name, date, ...(quote ? [`“${quote}”`] : []), text, 'Reply  Share', ''];
  const text = [
    'The Valley Gazette',
    'News | Sport | Opinion',
    '',
    'Weir Road footbridge shut after divers find cracked piers',
    'By Tom Hale',
    '3 March 2026',
    '',
    ...story.flatMap((s) => [s, '']),
    'More news',
    '',
    'Annotations 5',
    'Public',
    '',
    ...note('kim_s', 'Mar 3, 2026', 'Two of three is the headline, the third pier was not dived at all.', 'found cracks in two of its three river piers'),
    ...note('ravi.p', 'Mar 3, 2026', 'The May count was 1,150, not 1,500.', 'about 1,500 walkers and cyclists a day'),
    ...note('omar_d', 'Mar 3, 2026', 'Every twenty minutes is fine at noon and useless at the school run.', 'every twenty minutes from Monday'),
    'Hidden by moderators',
    'Mar 4, 2026',
    'This note has been hidden by the group moderators.',
    '',
    ...note('ella_b', 'Mar 4, 2026', 'Does anyone know who designs the repair, the county or a contractor?'),
    'Annotations are public.',
  ].join('\n');

  it('keeps the highlighted words of the story out of each note (the page prints them over three notes)', () => {
    expect(rows(text).filter(([, , removed]) => !removed).map(([author, parent, , first]) => [author, parent, first])).toEqual([
      ['kim_s', null, 'Two of three is the headline, the third pier was not dived at all.'],
      ['ravi.p', null, 'The May count was 1,150, not 1,500.'],
      ['omar_d', null, 'Every twenty minutes is fine at noon and useless at the school run.'],
      ['ella_b', null, 'Does anyone know who designs the repair, the county or a contractor?'],
    ]);
  });

  it('reads the note under a name line that says it was hidden as a removed post', () => {
    expect(rows(text).map(([author, , removed]) => [author, removed])).toEqual([
      ['kim_s', false],
      ['ravi.p', false],
      ['omar_d', false],
      [null, true],
      ['ella_b', false],
    ]);
  });

  it('keeps a single reader quoting the story as text (one quote is a reader\'s, not the page\'s habit)', () => {
    const one = text.replace('“about 1,500 walkers and cyclists a day”\n', '').replace('“every twenty minutes from Monday”\n', '');
    expect(rows(one)[0]![3]).toBe('“found cracks in two of its three river piers”');
  });
});

describe('session 43: an open fold toggle with its count in brackets (`Hide replies (2)`) over replies listed with the indentation lost', () => {
  const head = (name: string, date: string, text: string) => [name, date, text, 'Reply  Share'];
  const text = [
    'The Valley Gazette',
    '',
    'Weir Road footbridge shut after divers find cracked piers',
    '',
    ...story.flatMap((s) => [s, '']),
    'Annotations 3',
    '',
    ...head('kim_s', 'Mar 3, 2026', 'Two of three is the headline, the third pier was not dived at all.'),
    'Hide replies (2)',
    '',
    ...head('ravi.p', 'Mar 3, 2026', 'The diving report says the third was dived on the Friday.'),
    '',
    ...head('omar_d', 'Mar 3, 2026', 'It was, the county posted the report on its site.'),
    '',
    ...head('ella_b', 'Mar 4, 2026', 'Does anyone know who designs the repair, the county or a contractor?'),
    'Hide replies (1)',
    '',
    ...head('sam_w', 'Mar 4, 2026', 'A contractor, the tender went out on Monday.'),
    '',
    ...head('lee_c', 'Mar 4, 2026', 'Every twenty minutes is fine at noon and useless at the school run.'),
    '',
  ].join('\n');

  it('lists the counted replies under the post the toggle stands under', () => {
    const got = rows(text).map(([author, parent]) => [author, parent]);
    expect(got.map(([author]) => author)).toEqual(['kim_s', 'ravi.p', 'omar_d', 'ella_b', 'sam_w', 'lee_c']);
    // The second listed reply answers the note or the reply above it (the page nests them without showing how).
    expect([got[1]![1], got[3]![1], got[4]![1], got[5]![1]]).toEqual([0, null, 3, null]);
    expect([0, 1]).toContain(got[2]![1]);
  });
});

describe('session 43: a head field with a few values over the text (a participation page: `In favor` / `Against` under the date)', () => {
  const comment = (name: string, nick: string, time: string, align: string | null, text: string) => [name, `@${nick}`, time, ...(align ? [align] : []), text, '▲ 2', '▼ 0', 'Reply', ''];
  const text = [
    'Valley Decides',
    'Processes',
    '',
    'Weir Road footbridge: reopen with a lighter deck',
    'Official proposal',
    'Valley County Council',
    '03/03/2026 10:00',
    '',
    ...story.flatMap((s) => [s, '']),
    '12 supports',
    '',
    '7 comments',
    'Order by',
    '',
    ...comment('Kim Sato', 'kims', '03/03/2026 11:00', 'In favor', 'A lighter deck is the quickest way to get walkers back across.'),
    ...comment('Ravi Patel', 'ravip', '03/03/2026 11:20', 'Against', 'A lighter deck does nothing for the cracked piers under it.'),
    ...comment('Omar Diallo', 'omard', '03/03/2026 11:40', null, 'The piers are being repaired anyway, the deck is a separate job.'),
    ...comment('Ella Brook', 'ellab', '03/03/2026 12:05', 'Against', 'Summer is fine, I would rather they did it properly once.'),
    ...comment('Sam Wood', 'samw', '03/03/2026 12:30', 'In favor', 'The shuttle is full every morning, anything faster helps.'),
    ...comment('Lee Carter', 'leec', '03/03/2026 13:00', 'Against', 'Who pays for a deck that lasts ten years instead of forty?'),
    ...comment('Ravi Patel', 'ravip', '03/03/2026 13:20', null, 'Fair point Omar, the contracts are separate.'),
    'Add your comment',
  ].join('\n');

  it("keeps the field's values out of the text", () => {
    expect(rows(text).map(([author, , , first]) => [author, first])).toEqual([
      ['Kim Sato', 'A lighter deck is the quickest way to get walkers back across.'],
      ['Ravi Patel', 'A lighter deck does nothing for the cracked piers under it.'],
      ['Omar Diallo', 'The piers are being repaired anyway, the deck is a separate job.'],
      ['Ella Brook', 'Summer is fine, I would rather they did it properly once.'],
      ['Sam Wood', 'The shuttle is full every morning, anything faster helps.'],
      ['Lee Carter', 'Who pays for a deck that lasts ten years instead of forty?'],
      ['Ravi Patel', 'Fair point Omar, the contracts are separate.'],
    ]);
  });
});
