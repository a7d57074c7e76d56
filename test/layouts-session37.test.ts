import { describe, expect, it } from 'vitest';
import { parents } from './lib/parse-rows.js';
import { parse } from '../src/index.js';

// Session 37 (gold37): shapes left on the seventeenth set of blind threads (fixtures/blind-threads 95-100), each tested on
// a made-up dump of the same shape, not on those dumps.

describe('session 37: a CMS comment list with a permalink under each head, subject lines and "In reply to SUBJECT by NAME"', () => {
  const cut = (t: string) => `${t.slice(0, 28).trimEnd()}…`;
  const post = (name: string, time: string, text: string, opts: { subject?: string; reply?: [string, string] } = {}) => [
    name,
    time,
    'Permalink',
    ...(opts.reply ? [`In reply to ${opts.reply[0]} by ${opts.reply[1]}`] : []),
    opts.subject ?? cut(text),
    text,
    'Log in or register to post comments',
    '',
  ];
  const t0 = 'The footbridge has been shut since August and nobody from the council has said a word about when it reopens.';
  const t1 = 'It reopens in March according to the cabinet papers, the steel has to be replaced first.';
  const t2 = 'Forty thousand pounds for a bridge that was repainted in 2019, somebody should be asking questions.';
  const t3 = 'Which cabinet papers? I looked and could only find the ones from October.';
  const t4 = 'The December ones, item nine. They were published on Friday.';
  const t5 = 'The repainting was 2018, not 2019. I remember because the scaffolding was up for my wedding.';
  const text = [
    'Skip to main content',
    'Aldwick Gazette',
    'Home » News » Council',
    '',
    'Footbridge repairs to cost £40,000',
    '',
    'The Mill Lane footbridge will cost £40,000 to repair after inspectors found corroded steel in its deck, the council said on Thursday.',
    '',
    'The bridge has been closed since August. A council spokesperson said the work would be finished by the spring.',
    '',
    'Log in or register to post comments',
    '6 comments',
    '',
    'Comments',
    '',
    ...post('Mary Holt (not verified)', 'Thu, 12/03/2026 - 18:10', t0, { subject: 'Shut since August' }),
    ...post('bridgewatcher', 'Thu, 12/03/2026 - 18:40', t1, { reply: ['Shut since August', 'Mary Holt (not verified)'] }),
    ...post('Ken Ashdown', 'Thu, 12/03/2026 - 19:02', t2),
    ...post('Mary Holt (not verified)', 'Thu, 12/03/2026 - 19:30', t3, { reply: [cut(t1), 'bridgewatcher'] }),
    ...post('bridgewatcher', 'Thu, 12/03/2026 - 20:05', t4, { reply: [cut(t3), 'Mary Holt (not verified)'] }),
    ...post('Sue Penhale', 'Fri, 12/04/2026 - 08:15', t5, { reply: [cut(t2), 'Ken Ashdown'] }),
    'Add new comment',
    'About us',
    'Powered by Drupal',
  ].join('\n');

  it('reads each head, leaves the subject out of the text and links each reply to the post its subject names', () => {
    expect(parents(text)).toEqual([
      ['Mary Holt', null],
      ['bridgewatcher', 0],
      ['Ken Ashdown', null],
      ['Mary Holt', 1],
      ['bridgewatcher', 3],
      ['Sue Penhale', 2],
    ]);
    expect(parse(text).thread.posts.map((p) => p.text)).toEqual([t0, t1, t2, t3, t4, t5]);
  });
});

describe('session 37: a blog network page whose one-line heads carry a reputation score, and a muted comment', () => {
  const head = (name: string, rep: number, age: string, mod = false) => `${name} (${rep})${mod ? ' MOD' : ''} · ${age}`;
  const post = (name: string, rep: number, age: string, text: string, mod = false) => [head(name, rep, age, mod), text, '$0.00', '2', 'Reply', ''];
  const text = [
    'PeakD',
    'Explore',
    'Communities',
    '',
    'Harbour Town Hive',
    'quaywriter (58)in Harbour Town Hive • 7 hours ago',
    '',
    'Boatyard to shut after 90 years',
    '',
    'The Penhallow boatyard will close at the end of January with the loss of 26 jobs, its owners told staff on Monday.',
    '',
    'The yard built its first lifeboat in 1936 and has repaired the harbour ferries since the 1970s. The owners blamed insurance costs, which they said had tripled in four years.',
    '',
    '#news #harbour #jobs',
    '',
    '$3.20',
    '41',
    '6',
    'Reblog',
    '',
    'Sort: Trending',
    'Log in to reply',
    '',
    ...post('netmender', 44, '6 hours ago', 'Twenty-six jobs in a town this size is a disaster, the chandlery will go next.'),
    ...post('quaywriter', 58, '6 hours ago', '@netmender the chandlery owner told me she has two years on her lease, so not straight away.'),
    ...post('saltpan', 37, '5 hours ago', 'Insurance tripling is the story every yard on this coast is telling.'),
    head('grumbler', 21, '5 hours ago'),
    'This comment has been muted by a community moderator.',
    'Reveal comment',
    '',
    ...post('harbourmod', 66, '4 hours ago', 'Muted the comment above. Keep it about the yard, not about each other.', true),
    ...post('ferryfan', 29, '3 hours ago', 'Good write-up, better than the paper managed.'),
    'About PeakD',
    'Terms of Service',
  ].join('\n');

  it('reads the name without the score or the badge, and the muted comment as removed', () => {
    const got = parents(text);
    expect(got.map((r) => r[0])).toEqual(['netmender', 'quaywriter', 'saltpan', null, 'harbourmod', 'ferryfan']);
    expect(got[1]![1]).toBe(0);
    expect(parse(text).thread.posts[3]!.removed).toBe(true);
  });
});

describe('session 37: a project board copied flat, with boost lines and a trashed comment', () => {
  const text = [
    'Basecamp',
    'Home',
    'Lineup',
    '',
    'Kelby Allotments Committee',
    'Message Board',
    'Water charges going up',
    'Posted by Iris Vane • Dec 2',
    'Notified 31 people',
    '',
    'Hi all, the council letter came today: the water charge per plot goes from £18 to £26 from April. We will talk about it on Thursday. Iris',
    '',
    'Subscribers',
    '31 people will be notified when someone comments on this message.',
    '',
    'Ron Petts',
    'Dec 2 at 6:14pm',
    'Eight pounds a plot is a lot for the pensioners on the top field.',
    '👍 Iris Vane',
    '',
    'This comment was trashed.',
    'Dec 2 at 6:40pm',
    '',
    'Iris Vane',
    'Dec 2 at 7:02pm',
    'I have taken one comment down. Please keep this board civil.',
    '',
    'Maya Lund',
    'Dec 2 at 8:30pm',
    'Could we share a water meter between the plots on the top field and split the bill?',
    '🙌 Ron Petts',
    '',
    'Add a comment here…',
  ].join('\n');

  it('reads the trashed comment as a removed post between its neighbours', () => {
    const got = parents(text);
    expect(got.map((r) => r[0])).toEqual(['Ron Petts', null, 'Iris Vane', 'Maya Lund']);
    expect(parse(text).thread.posts[1]!.removed).toBe(true);
  });
});

describe('session 37: a work network thread, "NAME in reply to NAME" heads over badge and job-title lines', () => {
  const reply = (head: string, lines: string[], time: string, text: string, likes: number) => [head, ...lines, time, text, 'Like', 'Reply', String(likes), ''];
  const text = [
    'Viva Engage',
    'Home',
    'Communities',
    '',
    'All Staff',
    'Community · 3,204 members',
    '',
    'Estates Team',
    'Admin',
    'Nov 30, 2026 9:00 AM',
    'Announcement',
    'Car park B closes for resurfacing',
    '',
    'Car park B will close from 5 January for six weeks while it is resurfaced. Staff permits will be honoured at the park-and-ride on Mill Road, where a shuttle will run every 15 minutes.',
    '',
    'The resurfacing will cost £410,000 and was approved by the Estates Board on 26 November. The car park has 640 spaces, and 212 of them will reopen after three weeks.',
    '',
    'Blue Badge holders can still park in car park A, which is not affected. Questions can be posted below or sent to the Estates helpdesk.',
    '',
    'Seen by 1,102',
    '5 replies',
    'Sort: Oldest first',
    '',
    ...reply('Hannah Oduya', ['Midwife, Delivery Suite'], 'Nov 30, 2026 9:40 AM', 'The shuttle starts at 7am. Night shift finishes at 8 and starts at 8, so how do we get in?', 14),
    ...reply('Colin Dray', ['Porter, Facilities'], 'Nov 30, 2026 10:02 AM', 'Six weeks in January, when half of us are already off sick. Great timing.', 6),
    ...reply('Estates Team in reply to Hannah Oduya', ['Admin', 'Estates and Facilities'], 'Nov 30, 2026 10:15 AM', 'Thanks Hannah, we will add a 7.30pm shuttle for night staff and update the post.', 3),
    ...reply('Hannah Oduya in reply to Estates Team', ['Midwife, Delivery Suite'], 'Nov 30, 2026 10:31 AM', 'Thank you, that would sort it for most of us.', 2),
    ...reply('Priya Nand', ['Pharmacist, Outpatients'], 'Nov 30, 2026 11:05 AM', 'Is the Mill Road park-and-ride covered by our permits at weekends too?', 1),
    'Write a reply…',
  ].join('\n');

  it('takes the first name of the head for the author, the second for the post answered, the lines under it for the header', () => {
    expect(parents(text)).toEqual([
      ['Hannah Oduya', null],
      ['Colin Dray', null],
      ['Estates Team', 0],
      ['Hannah Oduya', 2],
      ['Priya Nand', null],
    ]);
  });
});

describe('session 37: a consultation page whose discussion says who may comment above the comments', () => {
  const text = [
    'Skip to main content',
    'Kelby Engage',
    'Home',
    'Projects',
    '',
    'Riverside cycle path',
    '',
    'Kelby Borough Council proposes a two-way cycle path along Riverside between the station and the leisure centre, a distance of 1.4 kilometres.',
    '',
    'The path would take out 38 parking spaces on Riverside. The scheme would cost £960,000 from the Active Travel Fund.',
    '',
    'What do you think of the cycle path?',
    'You need to be signed in to add your comment.',
    '3 comments',
    '',
    'cyclekelby',
    '2 December 2026',
    'About time. The station end is lethal at rush hour.',
    'Reply',
    'Report',
    '',
    'riverside_res',
    '3 December 2026',
    'Thirty-eight spaces gone and nowhere for visitors to park. No thanks.',
    'Reply',
    'Report',
    '',
    'J.Amis',
    '3 December 2026',
    'Will the path be lit at night?',
    'Reply',
    'Report',
    '',
    'Key dates',
    'Privacy',
  ].join('\n');

  it('keeps the sign-in line out of the article', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('The scheme would cost £960,000 from the Active Travel Fund.');
    expect(doc.article.text).not.toContain('You need to be signed in');
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['cyclekelby', 'riverside_res', 'J.Amis']);
  });
});

describe('session 37: a flat list where a reply greets or thanks an earlier poster by the name as spelt', () => {
  const post = (name: string, date: string, text: string, team = false) => [name, ...(team ? ['Project team'] : []), date, text, 'Reply', 'Report', ''];
  const text = [
    'Skip to main content',
    'Kelby Engage',
    'Home',
    '',
    'Market Square trees',
    '',
    'Kelby Borough Council proposes to plant 24 trees in Market Square and to remove 11 parking spaces to make room for them.',
    '',
    'The planting would cost £86,000 from the Urban Tree Challenge Fund. The consultation closes on 30 January 2027.',
    '',
    'What do you think of the proposal?',
    'You need to be signed in to add your comment.',
    '5 comments',
    '',
    ...post('greenkelby', '1 December 2026', 'Twenty-four trees will make the square bearable in July. Fully support it.'),
    ...post('stallholder_dee', '1 December 2026', 'Eleven spaces gone is eleven fewer customers for the Thursday market.'),
    ...post('Kelby Parks Team', '2 December 2026', 'Thanks stallholder_dee. The market keeps its loading bays, and the Station Road car park is two minutes away.', true),
    ...post('m.okoro', '2 December 2026', 'What species are they planting? Some of them drop sap all over parked cars.'),
    ...post('Kelby Parks Team', '3 December 2026', 'Hi m.okoro - mostly field maple and rowan, neither of which drips sap.', true),
    'Key dates',
    'Privacy',
  ].join('\n');

  it('links the reply that greets a poster by name to that poster', () => {
    expect(parents(text)).toEqual([
      ['greenkelby', null],
      ['stallholder_dee', null],
      ['Kelby Parks Team', 1],
      ['m.okoro', null],
      ['Kelby Parks Team', 3],
    ]);
  });
});
