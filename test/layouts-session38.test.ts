import { describe, expect, it } from 'vitest';
import { parents } from './lib/parse-rows.js';
import { parse } from '../src/index.js';

// Session 38 (gold38): shapes left on the eighteenth set of blind threads (fixtures/blind-threads 101-106), each tested on
// a made-up dump of the same shape, not on those dumps.

describe('session 38: a Hacker News item whose copy lost the indentation (`root` only on deeper replies)', () => {
  const head = (name: string, age: string, nav: string) => `${name} ${age} ${nav} [–]`;
  const post = (h: string, text: string) => [h, '', text, '', 'reply', ''];
  const text = [
    'Hacker News new | past | comments | ask | show | jobs | submit\tlogin',
    '▲\tCity trial of heated bus shelters ends early (northgazette.example)',
    '88 points by tramline 4 hours ago | flag | hide | past | favorite | 6 comments',
    'Pasting the text:',
    '',
    'The trial of heated bus shelters in Northgate will end in January, two months early, after the heaters used £31,000 of power in eight weeks.',
    '',
    'add comment',
    '',
    ...post(head('quayside', '3 hours ago', '| next'), '£31,000 in eight weeks is about £550 a day, which is a lot of shelters.'),
    ...post(head('ohmslaw', '3 hours ago', '| parent | next'), 'There are 40 of them, so under £14 a shelter a day.'),
    ...post(head('quayside', '2 hours ago', '| root | parent | next'), 'Still more than the bus fare for most people waiting in them.'),
    ...post(head('lintel', '2 hours ago', '| parent | prev'), 'The heaters ran all night too, which nobody needed.'),
    ...post(head('bramwell', '3 hours ago', '| prev | next'), 'Did anyone ask the riders what they thought?'),
    ...post(head('tramline', '1 hour ago', '| parent | prev'), 'The council says a survey is coming in the spring.'),
    '',
    'Guidelines | FAQ | Lists | API | Security | Legal | Contact',
    'Search: ',
  ].join('\n');

  it('links a reply without `root` to the top-level post above it and a deeper one to the post above', () => {
    expect(parents(text)).toEqual([
      ['quayside', null],
      ['ohmslaw', 0],
      ['quayside', 1],
      ['lintel', 0],
      ['bramwell', null],
      ['tramline', 4],
    ]);
  });
});

describe('session 38: a news board whose posts are signed under the text (`N posted on DATE by NAME`) and cite `To N`', () => {
  const post = (n: number, to: string, cite: number | null, name: string, text: string) => [
    `To: ${to}`,
    text,
    '',
    `${n} posted on 12/04/2026 ${n}:1${n}:05 PM PST by ${name}`,
    cite === null ? '[ Post Reply | Private Reply | View Replies]' : `[ Post Reply | Private Reply | To ${cite} | View Replies]`,
    '',
    '',
  ];
  const text = [
    'Skip to comments.',
    '',
    'County to sell the old library building',
    'Valley Herald ^ | December 4, 2026 | Staff',
    'Posted on 12/04/2026 1:02:11 PM PST by riverfolk',
    '',
    'The county board voted 4-1 on Tuesday to sell the former Main Street library, empty since 2021, for $1.2 million.',
    '',
    'The buyer plans 18 apartments on the upper floors and a cafe on the ground floor.',
    '',
    'KEYWORDS: library; county; housing',
    'Navigation: use the links below to view more comments.',
    'first 1-7 last',
    '',
    ...post(2, 'riverfolk', 1, 'hillbilly_hal', 'About time. It has been rotting for five years.'),
    ...post(3, 'hillbilly_hal', 2, 'Marge_in_Troy', 'Rotting because the county never fixed the roof it owned.'),
    ...post(4, 'riverfolk', 1, 'oldtimer88', 'Was it 4-1? I heard 3-2 on the radio.'),
    'To: Marge_in_Troy',
    'Removed by Moderator',
    '',
    '5 posted on 12/04/2026 5:15:05 PM PST by grumpus',
    '[ Post Reply | Private Reply | To 3 | View Replies]',
    '',
    '',
    ...post(6, 'oldtimer88', 4, 'deskclerk', 'It was 4-1, the minutes are on the county site.'),
    ...post(7, 'All', null, 'riverfolk', 'Sale closes in March if nobody appeals.'),
    'Disclaimer: Opinions posted on this board are those of the individual posters.',
  ].join('\n');

  it('reads the signature under each text as its author, links `To N` by number and keeps the removed post', () => {
    expect(parents(text)).toEqual([
      ['hillbilly_hal', null],
      ['Marge_in_Troy', 0],
      ['oldtimer88', null],
      [null, 1],
      ['deskclerk', 2],
      ['riverfolk', null],
    ]);
    const doc = parse(text);
    expect(doc.thread.posts[0]!.text).toBe('About time. It has been rotting for five years.');
    expect(doc.article.text).not.toContain('Posted on 12/04/2026');
    expect(doc.article.text).not.toContain('KEYWORDS:');
    expect(doc.article.text).not.toContain('Navigation: use the links below');
  });
});

describe('session 38: a Simple Machines topic (member card, `« Reply #N on: … »`, `Quote from:`, `Logged` and a signature)', () => {
  const card = (name: string, rank: string, stars: string, posts: number) => [name, rank, stars, '', `Posts: ${posts}`, '', ''];
  const post = (name: string, rank: string, stars: string, posts: number, n: number, text: string, opts: { quote?: [string, string]; sig?: string } = {}) => [
    ...card(name, rank, stars, posts),
    'Re: Ferry timetable cut for winter',
    `« Reply #${n} on: December 04, 2026, 0${n}:15:00 PM »`,
    'Quote',
    ...(opts.quote ? [`Quote from: ${opts.quote[0]} on December 04, 2026, 01:15:00 PM`, opts.quote[1], ''] : []),
    text,
    'Logged',
    ...(opts.sig ? [opts.sig] : []),
    '',
  ];
  const text = [
    'Island Travel Forum',
    'Welcome, Guest. Please login or register.',
    'Home Help Search Login Register',
    '',
    'Island Travel Forum » Ferries » Ferry timetable cut for winter',
    'Pages: [1]   Go Down',
    'Author\tTopic: Ferry timetable cut for winter  (Read 812 times)',
    '',
    ...card('harbourmaster', 'Hero Member', '*****', 2210),
    'Ferry timetable cut for winter',
    '« on: December 04, 2026, 12:40:00 PM »',
    'Quote',
    'From the Chronicle:',
    '',
    'The operator will run four sailings a day instead of six from 5 January until the end of March, blaming crew shortages.',
    '',
    'Logged',
    'Sailing since 1988 | Homepage',
    '',
    ...post('deckhand_di', 'Full Member', '***', 301, 1, 'Four a day means the last boat back leaves at 5pm. Useless for anyone working late.'),
    ...post('portside', 'Jr. Member', '**', 44, 2, 'It was five a day last winter and nobody complained.', { quote: ['deckhand_di', 'Four a day means the last boat back leaves at 5pm.'], sig: 'Portside born and bred' }),
    ...post('harbourmaster', 'Hero Member', '*****', 2210, 3, 'Five last winter, yes, but the last boat was 7pm then.', { sig: 'Sailing since 1988 | Homepage' }),
    'Pages: [1]   Go Up',
    'Print',
    'Island Travel Forum » Ferries » Ferry timetable cut for winter',
    'SMF 2.1.4 © 2023, Simple Machines',
  ].join('\n');

  it('reads the card heads, keeps the quote, the footer and the signature out of the texts, and the opening post out of the thread', () => {
    expect(parents(text)).toEqual([
      ['deckhand_di', null],
      ['portside', 0],
      ['harbourmaster', null],
    ]);
    const doc = parse(text);
    expect(doc.thread.posts.map((p) => p.text)).toEqual([
      'Four a day means the last boat back leaves at 5pm. Useless for anyone working late.',
      'It was five a day last winter and nobody complained.',
      'Five last winter, yes, but the last boat was 7pm then.',
    ]);
    expect(doc.article.text).toContain('The operator will run four sailings a day instead of six');
  });
});

describe('session 38: an issue tracker page (the opening comment is the story; `@NAME` over `NAME commented yesterday`)', () => {
  const post = (name: string, age: string, text: string, extra: string[] = []) => [`@${name}`, `${name} commented ${age}`, '', text, '', ...extra];
  const text = [
    'Skip to content',
    'harbour-tools / tide-app',
    '',
    'Harbour board to close the north slipway #88',
    'Open',
    'pbrandt opened this issue 3 days ago · 5 comments',
    '',
    '@pbrandt',
    'pbrandt commented 3 days ago',
    'Member',
    '',
    'Story from the Gazette, for the record:',
    '',
    'The harbour board voted 5-3 on Tuesday to close the north slipway to trailers from 1 March. It says repairs would cost £420,000.',
    '',
    '👍 4',
    '',
    ...post('oyelowo', '3 days ago', 'That kills the launch-time feature for half our users.', ['👍 2', '']),
    ...post('kimsun', '2 days ago', 'Is the £420,000 the full repair or just the survey estimate?'),
    ...post('oyelowo', 'yesterday', 'Fair question, the board papers say full repair.'),
    '@deltajay deltajay mentioned this issue yesterday',
    'Add a slipway notice to the launch screen #91',
    'Open',
    '',
    ...post('deltajay', 'yesterday', 'We could add a note in the app until the meeting in January.', ['🎉 1', '']),
    ...post('kimsun', 'yesterday', '+1 to a note, short and factual.', ['👍 1', '']),
    'Sign up for free to join this conversation on GitHub. Already have an account? Sign in to comment',
  ].join('\n');

  it('reads the opening comment as the article and every head by its name, however the age is worded', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('The harbour board voted 5-3 on Tuesday');
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['oyelowo', 'kimsun', 'oyelowo', 'deltajay', 'kimsun']);
    expect(doc.thread.posts[3]!.text).toBe('We could add a note in the app until the meeting in January.');
  });
});

describe('session 38: a photo page (name / badge / text / age; a hidden comment; the photo facts over the comments)', () => {
  const post = (name: string, text: string, age: string, pro = false) => [name, ...(pro ? ['Pro'] : []), text, age, ''];
  const text = [
    'Back to photostream',
    'marta_lens',
    'Pro',
    'Follow',
    '',
    'Storm surge at Kelham Point, 3 December 2026',
    '',
    'The sea wall at Kelham Point was overtopped on Thursday night for the first time since 2013, flooding 22 homes on Shore Lane.',
    '',
    '2,410',
    'views',
    '6',
    'comments',
    'Taken on December 3, 2026',
    'All rights reserved',
    '',
    ...post('pebble_dash', 'My aunt is on Shore Lane, the water came up to the second step.', '2d'),
    ...post('Owen Marr', '@pebble_dash is she all right? The council said 22 homes.', '2d', true),
    ...post('pebble_dash', 'she is fine thank you, just the carpets', '2d'),
    'This comment has been hidden by the photo owner.',
    '1d',
    '',
    ...post('marta_lens', "I've hidden a comment that called the residents names. Please keep it kind here.", '1d', true),
    ...post('Owen Marr', 'Good shot though, the spray is incredible.', '20h', true),
    'Sign up to comment',
    'About',
    'Jobs',
  ].join('\n');

  it('keeps the photo facts out of the thread, a short lower-case reply as its text and links the owner\'s note to the hidden comment', () => {
    expect(parents(text)).toEqual([
      ['pebble_dash', null],
      ['Owen Marr', 0],
      ['pebble_dash', 1],
      [null, null],
      ['marta_lens', 3],
      ['Owen Marr', null],
    ]);
    expect(parse(text).thread.posts[2]!.text).toBe('she is fine thank you, just the carpets');
  });
});

describe('session 38: a site builder\'s comment box between the sort menu and the first comment', () => {
  const post = (name: string, time: string, text: string) => [name, `4 December 2026 at ${time}`, '', text, '', 'Like', 'Reply', ''];
  const text = [
    'Skip to Content',
    'Wexcombe Parish News',
    'Home',
    'News',
    'Open Menu Close Menu',
    '',
    'News',
    '',
    'Parish council buys the old forge for a village hub',
    '4 Dec',
    'Written By Alan Greaves',
    '',
    'The parish council has agreed to buy the old forge on Church Street for £185,000, using a £120,000 grant and £65,000 from its reserves.',
    '',
    'Councillors voted 7-2 on Monday 30 November after a public meeting attended by about 90 residents.',
    '',
    'The building, a smithy until 1961, will house a café, a parcel point and two rooms for clubs to hire.',
    '',
    'Parish chair Helen Moss said: "The forge was the heart of the village for two hundred years and it can be again."',
    '',
    'June Pardoe, who runs the village history group, said the forge\'s anvil would be put back on display.',
    '',
    'Work is due to start in April and the hub should open in the autumn.',
    '',
    'Alan Greaves',
    '',
    'Comments (3)',
    'Oldest First',
    'Newest First',
    'Oldest First',
    '',
    'Preview Post Comment…',
    '',
    ...post('June Pardoe', '09:10', 'Good news, the forge has been empty far too long.'),
    ...post('Rob Tilley', '10:22', 'How much will it cost to run each year? Nobody has said.'),
    ...post('Alan Greaves', '11:05', 'The clerk estimates £9,000 a year, I will add it to the piece.'),
    'Previous',
    'Next',
  ].join('\n');

  it('reads the comment box as the page\'s, not as a post without a head', () => {
    expect(parse(text).thread.posts.map((p) => p.author)).toEqual(['June Pardoe', 'Rob Tilley', 'Alan Greaves']);
  });
});
