import { describe, expect, it } from 'vitest';
import { parents, rows } from './lib/parse-rows.js';
import { parse } from '../src/index.js';

// Session 36 (gold36): shapes left on the sixteenth set of blind threads (fixtures/blind-threads 89-94), each tested on a
// made-up dump of the same shape, not on those dumps.

describe('session 36: a network post page whose reply lines list the story account first, then the poster answered', () => {
  const reply = (name: string, handle: string, age: string, to: string, text: string, counts: [number, number, number]) =>
    [name, `@${handle}`, '·', age, `Replying to ${to}`, text, ...counts.map(String), ''];
  const text = [
    'Home',
    'Sign in',
    '',
    'Post Details',
    '',
    'Kelmouth Packet',
    '@KelmouthPacket',
    '',
    'Harbour board raises mooring fees by nine per cent',
    '',
    'The Kelmouth harbour board will raise mooring fees by nine per cent from April, the first rise since 2021, after dredging costs doubled to £180,000 a year.',
    '',
    'Berth holders were told at the board meeting on Tuesday that the rise would add about £140 a year to a typical eight-metre berth.',
    '',
    'The board chair, Alan Treloar, said the alternative was to dredge only every other winter, which would close the inner harbour at low tide.',
    '',
    'Dec 3, 2026, 8:10 AM',
    '12 replies',
    '',
    ...reply('Mags Pellow', 'magspellow', '5h', '@KelmouthPacket', 'Nine per cent after five years of nothing is fair enough if the dredging bill really doubled.', [2, 0, 8]),
    ...reply('Dan Treloar', 'dantreloar', '5h', '@KelmouthPacket @magspellow', 'It did double, the accounts are on the board website, page six.', [1, 0, 3]),
    ...reply('Mags Pellow', 'magspellow', '4h', '@KelmouthPacket @dantreloar', 'Thanks Dan, I will have a look tonight.', [0, 0, 1]),
    ...reply('Ros Kitto', 'roskitto', '4h', '@KelmouthPacket', 'Will the visitor moorings go up by the same amount or is it only the berth holders?', [1, 0, 2]),
    ...reply('Kelmouth Packet', 'KelmouthPacket', '3h', '@KelmouthPacket @roskitto', 'Visitor moorings rise by twelve per cent, Ros: we have added it to the story.', [0, 0, 5]),
    'This Chirp is unavailable.',
    '',
    ...reply('Bill Penrose', 'billpenrose', '2h', '@KelmouthPacket', 'Another rise for the people who can least afford it, while the board meets in a hotel.', [1, 1, 4]),
    ...reply('Jen Hocking', 'jenhocking', '2h', '@KelmouthPacket @billpenrose', 'The board meets in the sailing club, Bill, and pays nothing for the room.', [0, 0, 6]),
    ...reply('Tom Carne', 'tomcarne', '1h', '@KelmouthPacket', 'Good to see the Packet covering the harbour properly again.', [0, 0, 2]),
    'Trending',
    'Terms of Service',
  ].join('\n');

  it('reads the reply after the story account as the poster answered, the story account alone as the story', () => {
    expect(parents(text)).toEqual([
      ['Mags Pellow', null],
      ['Dan Treloar', 0],
      ['Mags Pellow', 1],
      ['Ros Kitto', null],
      ['Kelmouth Packet', 3],
      [null, null],
      ['Bill Penrose', null],
      ['Jen Hocking', 6],
      ['Tom Carne', null],
    ]);
    expect(parse(text).thread.posts[5]!.removed).toBe(true);
  });
});

describe('session 36: numbered comments whose replies say "Reply to #N by NAME", a removed one replaced by the editors\' note', () => {
  const comment = (n: number, name: string, to: string | null, time: string, text: string, votes: number) =>
    [`#${n}`, name, ...(to ? [`Reply to ${to}`] : []), time, text, 'Reply', 'Recommend', String(votes), ''];
  const text = [
    'WESERKURIER English',
    'Politics',
    'Bremen',
    'Log in',
    '',
    'Bremen tram fares to rise by 7 per cent in January',
    'The transport board says diesel and wages forced the rise. Monthly passes are spared.',
    'By Jana Holt',
    '4 December 2026, 7:30 am',
    '',
    'Single tram and bus fares in Bremen will rise by 7 per cent on 1 January, the city transport board decided on Wednesday, taking a single ticket to €3.40.',
    '',
    'Monthly passes stay at €58, and the social ticket at €29. The board said higher wages and energy prices had added €11 million to its costs this year.',
    '',
    'Comments',
    '8 comments',
    'Please log in to write a comment.',
    '',
    ...comment(1, 'Werftarbeiter', null, '4 December 2026, 08:02', 'Seven per cent on singles and nothing on passes: fine by me, I ride every day.', 12),
    ...comment(2, 'Deichgraf_7', '#1 by Werftarbeiter', '4 December 2026, 08:20', 'Fine for you. Occasional riders pay for the commuters, as usual.', 4),
    ...comment(3, 'Werftarbeiter', '#2 by Deichgraf_7', '4 December 2026, 08:31', 'Occasional riders can buy a ten-trip card, which is still cheaper.', 6),
    '#4',
    'Schnoorkind',
    '4 December 2026, 08:40',
    'Removed. Please keep to the topic and to our netiquette. Thank you, the editors/ak',
    'Recommend',
    '',
    ...comment(5, 'Hafenblick', '#4 by Schnoorkind', '4 December 2026, 08:52', 'What did it say? It was there a minute ago.', 1),
    ...comment(6, 'Viertel_Anna', null, '4 December 2026, 09:10', 'Does the social ticket need a new application in January or does it carry on?', 2),
    ...comment(7, 'Tarifkenner', '#6 by Viertel_Anna', '4 December 2026, 09:25', 'It carries on until the card expires; only new applicants use the new form.', 9),
    ...comment(8, 'Marktfrau', null, '4 December 2026, 09:40', 'Eleven million in a year is a lot of diesel for a tram network.', 3),
    'Load more comments',
  ].join('\n');

  it('reads the poster after "by" as the one answered and the editors\' note as a removed comment', () => {
    expect(parents(text)).toEqual([
      ['Werftarbeiter', null],
      ['Deichgraf_7', 0],
      ['Werftarbeiter', 1],
      [null, null],
      ['Hafenblick', 3],
      ['Viertel_Anna', null],
      ['Tarifkenner', 5],
      ['Marktfrau', null],
    ]);
  });
});

describe('session 36: a comment plugin whose leftover buttons under "Load More Comments" read as a footer', () => {
  const comment = (name: string, to: string | null, age: string, text: string, votes: number) =>
    [name, 'Guest', ...(to ? [`Reply to  ${to}`] : []), age, text, String(votes), 'Reply', ''];
  const text = [
    'Skip to content',
    'Fenmoor Times',
    'News',
    '',
    'Swimming pool to open on Sundays from January',
    '',
    'Fenmoor leisure centre will open its pool on Sunday mornings from January after the council found £42,000 to pay for lifeguards, ending a four-year closure on Sundays.',
    '',
    'The pool will open from 8am to 1pm, with a family session from 11am. Swimming club members said they had campaigned for the change since 2022.',
    '',
    'Please login to comment',
    '7 Comments',
    'Oldest',
    'Newest',
    '',
    ...comment('Pat Orme', null, '5 hours ago', 'Brilliant news, the kids have been asking for Sunday swims for ages.', 14),
    ...comment('Les Dyer', 'Pat Orme', '5 hours ago', 'Same here, though 8am is early for a Sunday.', 3),
    ...comment('Pat Orme', 'Les Dyer', '4 hours ago', 'Early is the only time the club can have the lanes, to be fair.', 2),
    ...comment('Gina Rowe', null, '4 hours ago', 'Where did the £42,000 come from? They were closing the library last year.', 9),
    ...comment('Ken Bligh', 'Gina Rowe', '3 hours ago', 'It came from the leisure reserve, it says so in the budget papers.', 5),
    ...comment('Amy Sutton', null, '2 hours ago', 'Will the family session need booking or can we just turn up?', 1),
    ...comment('Rob Finch', null, '1 hour ago', 'Four years to open a pool for five hours a week. Well done everyone.', 7),
    'Load More Comments',
    'wpDiscuz',
    '',
    'Would love your thoughts, please comment.x',
    '()',
    'x',
    '| Reply',
    '',
    '© 2026 Fenmoor Times',
  ].join('\n');

  it('leaves the plugin\'s leftovers out of the posts', () => {
    const doc = parse(text);
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['Pat Orme', 'Les Dyer', 'Pat Orme', 'Gina Rowe', 'Ken Bligh', 'Amy Sutton', 'Rob Finch']);
    expect(doc.thread.posts.map((p) => p.text)).not.toContainEqual(expect.stringContaining('Would love your thoughts'));
  });
});

describe('session 36: a mailing list archive whose heads print the date twice and the clock on a line of its own', () => {
  const subject = 'Re: [Birders] Osprey nest platform approved';
  const message = (name: string, clock: string, quote: string[], text: string, sig: string[]) =>
    [subject, name, '4 Dec', "4 Dec '26", clock, ...quote, ...(quote.length ? [''] : []), text, ...(sig.length ? ['', ...sig] : []), 'Reply', ''];
  const text = [
    'Skip to main content',
    'Mailman 3',
    'Fenmoor Birders',
    'Sign In',
    '',
    '[Birders] Osprey nest platform approved',
    'Jill Cowan',
    '4 Dec',
    "4 Dec '26",
    '8:12 a.m.',
    'Morning all, the Times has the platform story today, pasted below for those without a subscription.',
    '',
    'The Fenmoor Trust has been given permission to put up an osprey nest platform on a 12-metre pole at Cole Mere, the first in the county.',
    '',
    'The platform will cost £6,500, paid for by members, and will go up in February before the birds return from West Africa in late March.',
    '',
    'Ospreys were seen fishing at the mere on 31 days last summer, the trust said, but have not nested in the county since 1840.',
    '',
    '-- ',
    'Jill',
    '',
    'Reply',
    '6 comments',
    '5 participants',
    '',
    ...message('Owen Price', '9:02 a.m.', ['On Fri, 4 Dec 2026 at 08:12, Jill Cowan <j.cowan@...> wrote:', '> Morning all, the Times has the platform story today'], 'Great news. I counted the 31 days myself, so nice to see them used.', ['-- ', 'Owen']),
    ...message('Sue Amos', '9:40 a.m.', [], 'Does anyone know which side of the mere the pole goes? The hide faces north.', []),
    ...message('Jill Cowan', '10:05 a.m.', ['On Fri, 4 Dec 2026 at 09:40, Sue Amos <s.amos@...> wrote:', '> Does anyone know which side of the mere the pole goes?'], 'The east bank, about 200 metres from the hide, so you will see it side on.', []),
    ...message('Ray Dunn', '11:15 a.m.', [], 'Six and a half thousand for a pole. I hope the birds read the planning notice.', ['Sent from my phone']),
    ...message('Owen Price', '12:30 p.m.', ['On Fri, 4 Dec 2026 at 11:15, Ray Dunn <r.dunn@...> wrote:', '> I hope the birds read the planning notice.'], 'They usually take to a platform within two seasons where they have been seen fishing.', []),
    ...message('Kath Lowe', '1:10 p.m.', [], 'Count me in for the February work party.', []),
    'Back to the thread',
    'Powered by HyperKitty',
  ].join('\n');

  it('keeps the repeated date and the clock in the heads, and the quotes name whom a message answers', () => {
    expect(rows(text).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Owen Price', null, 'Great news. I counted the 31 days myself, so nice to see them used.'],
      ['Sue Amos', null, 'Does anyone know which side of the mere the pole goes? The hide faces north.'],
      ['Jill Cowan', 1, 'The east bank, about 200 metres from the hide, so you will see it side on.'],
      ['Ray Dunn', null, 'Six and a half thousand for a pole. I hope the birds read the planning notice.'],
      ['Owen Price', 3, 'They usually take to a platform within two seasons where they have been seen fishing.'],
      ['Kath Lowe', null, 'Count me in for the February work party.'],
    ]);
  });
});

describe('session 36: a chat space copied from the web client, in-line threads closed by "Reply in thread", clocks under badges', () => {
  const text = [
    'Chat',
    'Search in chat',
    'Home',
    'Spaces',
    'Cole Mere Birders',
    '',
    'Fenmoor Wildlife Watch',
    '87 members',
    'Chat',
    'Files',
    'Search in space',
    'Yesterday',
    '',
    'Fenmoor Times',
    'App',
    'Yesterday 17:05',
    'Osprey nest platform approved for Cole Mere',
    'By Nia Gould, Wildlife reporter',
    '',
    'The Fenmoor Trust has been given permission to put up an osprey nest platform on a 12-metre pole at Cole Mere, the first in the county.',
    '',
    'The platform will cost £6,500, paid for by members, and will go up in February before the birds return from West Africa in late March.',
    '',
    'Ospreys were seen fishing at the mere on 31 days last summer, the trust said, but have not nested in the county since 1840.',
    '',
    'View on fenmoortimes.co.uk',
    '',
    'Jill Cowan',
    'Space manager',
    '17:20',
    'Brilliant. Work party sign-up is pinned at the top of the space.',
    '👍 9',
    '',
    '2 replies',
    '',
    'Owen Price',
    '17:31',
    'Signed up. Is it the first or second weekend of February?',
    '',
    'Jill Cowan',
    'Space manager',
    '17:40',
    'Second weekend, Owen, the 13th and 14th.',
    '',
    'Reply in thread',
    'Follow',
    '',
    'Ray Dunn',
    '18:02',
    'Six and a half thousand for a pole seems a lot to me.',
    '',
    'Sue Amos',
    '18:10',
    'Message deleted by a space manager',
    '',
    'Jill Cowan',
    'Space manager',
    '18:15',
    'Please keep it friendly in here. I have removed a message that went after Ray personally.',
    '',
    'Nia Gould',
    'External',
    '18:30',
    'Thanks all, I will pass the work party dates to the trust for a follow-up piece.',
    '',
    'Kath Lowe',
    '18:44',
    'Count me in for the 14th, I can bring the flask.',
    '👍 3',
    '',
    'History is on',
    'Message Fenmoor Wildlife Watch',
  ].join('\n');

  it('reads the app\'s story as the article and the thread\'s replies as answering its first message', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('The platform will cost £6,500');
    expect(doc.article.text).not.toContain('Search in space');
    expect(parents(text)).toEqual([
      ['Jill Cowan', null],
      ['Owen Price', 0],
      ['Jill Cowan', 1],
      ['Ray Dunn', null],
      [null, null],
      ['Jill Cowan', 4],
      ['Nia Gould', null],
      ['Kath Lowe', null],
    ]);
  });
});

describe('session 36: a comment widget with like summaries under the buttons and a moderator named for the role', () => {
  const comment = (name: string, badge: string | null, age: string, text: string, likes: string | null) =>
    [name, ...(badge ? [badge] : []), age, text, 'Like', 'Reply', 'Share', ...(likes ? [likes] : []), ''];
  const text = [
    'Fenmoor Echo',
    'News',
    'Health',
    'Sign in',
    '',
    'Health',
    'Minor injuries unit to close overnight from March',
    '',
    'The minor injuries unit at Fenmoor Community Hospital will close between 10pm and 8am from 1 March, the health trust has confirmed.',
    '',
    'The trust said fewer than six patients a night used the unit and that the change would save £390,000 a year, which would pay for two more daytime nurses.',
    '',
    'Comments',
    '8 Comments',
    'Sign in',
    'Join the conversation',
    '',
    ...comment('Ann Blake', null, '7 hours ago', 'Six a night is still six people who now drive 25 miles to the city.', '11 people like this.'),
    ...comment('Tom Hale', null, '6 hours ago', '@Ann Blake the nearest is 19 miles, but your point stands.', 'Ann Blake likes this.'),
    ...comment('Jo Marsh', null, '6 hours ago', 'Two more daytime nurses is a good trade if the figures are right.', '4 people like this.'),
    'This comment has been removed.',
    '6 hours ago',
    '',
    ...comment('Echo Moderator', 'Moderator', '5 hours ago', 'Please keep it civil. The comment above has been removed.', '3 people like this.'),
    ...comment('Pete Lane', null, '4 hours ago', 'Will the ambulance service be told, or do they find out on the night?', null),
    ...comment('Sue Amos', null, '3 hours ago', 'The trust says ambulance crews were briefed last week.', '2 people like this.'),
    ...comment('Ray Dunn', null, '2 hours ago', 'Closing at 10pm, just when the pubs empty out. Lovely planning.', '9 people like this.'),
    'Load more comments',
    'Powered by Livefyre',
  ].join('\n');

  it('reads the like summaries as footers and keeps the role word in the moderator\'s name', () => {
    const doc = parse(text);
    expect(doc.thread.posts.map((p) => (p.removed ? null : p.author))).toEqual(['Ann Blake', 'Tom Hale', 'Jo Marsh', null, 'Echo Moderator', 'Pete Lane', 'Sue Amos', 'Ray Dunn']);
    expect(doc.thread.posts.map((p) => p.text)).not.toContainEqual(expect.stringContaining('like this'));
    expect(doc.thread.posts[0]!.meta.likes).toBe(11);
  });
});
