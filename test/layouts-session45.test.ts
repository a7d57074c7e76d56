import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { parents, rows } from './lib/parse-rows.js';

// Session 45 (gold45): shapes left on the twenty-fifth set of blind threads (fixtures/blind-threads 143-148), each
// tested on a made-up dump of the same shape, not on those dumps.

const story = [
  'Eastmoor library will close on Saturdays from February, the district council decided on Tuesday, saving about £38,000 a year.',
  'Councillors said the branch lends fewer than 300 books on a typical Saturday, against more than 900 on weekdays.',
  'Campaigners say the branch is the only quiet place for students to revise in the village and plan a petition.',
];

describe('session 45: a chat channel whose heads print the name, the poster\'s own handle and the time', () => {
  const message = (name: string, handle: string, time: string, text: string, quote?: [string, string, string]) => [
    `${name}  @${handle}  ${time}`,
    ...(quote ? [`${quote[0]}  ${quote[1]}`, quote[2]] : []),
    text,
    '',
  ];
  const text = [
    'Home',
    'Directory',
    '# eastmoor-news',
    'News for Eastmoor from the Moor Herald newsroom',
    'Members',
    '',
    'November 3, 2026',
    '',
    'Herald Bot',
    '@herald.bot',
    'Bot',
    '7:40 AM',
    'Eastmoor library to close on Saturdays',
    ...story,
    '',
    ...message('Ann Kerr', 'ann.k', '8:02 AM', 'Saturday is the only day I can take the kids. This is a real shame.'),
    ...message('Owen Pugh', 'opugh', '8:15 AM', 'The saving is £38,000 on a budget of millions, it is pennies.'),
    ...message('Tess Nolan', 'tess.n', '8:31 AM', 'Hallow branch stays open on Saturdays, it is ten minutes on the bus.'),
    ...message('Ann Kerr', 'ann.k', '8:40 AM', 'Ten minutes if the bus turns up at all on a Saturday.', ['Tess Nolan', '8:31 AM', 'Hallow branch stays open on Saturdays, it is ten minutes on the bus.']),
    ...message('Owen Pugh', 'opugh', '9:05 AM', 'Has anyone got the petition link yet?'),
    ...message('Tess Nolan', 'tess.n', '9:12 AM', 'Does the mobile library still come round on Saturdays?'),
    ...message('Ravi Shah', 'ravi.s', '9:20 AM', 'The buses on Saturdays run every two hours, I checked the timetable.', ['Ann Kerr', '8:40 AM', 'Ten minutes if the bus turns up at all on a Saturday.']),
    'Message #eastmoor-news',
  ].join('\n');

  it('keeps the handle out of the reply cues, so a quote names the message answered', () => {
    expect(parents(text)).toEqual([
      ['Ann Kerr', null],
      ['Owen Pugh', null],
      ['Tess Nolan', null],
      ['Ann Kerr', 2],
      ['Owen Pugh', null],
      ['Tess Nolan', null],
      ['Ravi Shah', 3],
    ]);
  });
});

describe('session 45: a forum whose replies print the post they quote in their head (`Quote:` / `NAME said:` / its words)', () => {
  const post = (name: string, count: string, date: string, text: string, quote?: [string, string]) => [
    name,
    count,
    '',
    date,
    '',
    ...(quote ? ['Quote:', `${quote[0]} said:`, quote[1], ''] : []),
    text,
    '',
    'Reply',
    'Quote',
    '',
  ];
  const text = [
    'Moor Forums',
    'Home',
    'Forums',
    'Local news',
    'Eastmoor library Saturday closure',
    'Reply to topic',
    'Page 1 of 1',
    '',
    ...post('moorlander', '1,204 posts', 'Tuesday 3rd November 2026', `Bad news for the village. From the Herald:\n\n${story.join('\n')}`),
    ...post('Ken_B', '88 posts', 'Tuesday 3rd November 2026', 'Saturday is the only day the kids can go. Daft decision.'),
    ...post('fenwalker', '3,010 posts', 'Tuesday 3rd November 2026', 'The 300 books figure is from before the refit, when it was shut for a month.'),
    ...post('Lottie99', '412 posts', 'Tuesday 3rd November 2026', 'Sign the petition, it is on the council site.'),
    ...post('Ken_B', '88 posts', 'Wednesday 4th November 2026', 'That is not right, the refit was in 2024 and the figure is for this year.', ['fenwalker', 'The 300 books figure is from before the refit, when it was shut for a month.']),
    ...post('gritstone', '2,560 posts', 'Wednesday 4th November 2026', 'Pennies saved and a room full of students with nowhere to go.'),
    ...post('Lottie99', '412 posts', 'Wednesday 4th November 2026', 'My lot are the same, they only have Saturdays free.', ['Ken_B', 'Saturday is the only day the kids can go. Daft decision.']),
    'Reply to topic',
    'Top of Page',
  ].join('\n');

  it('links a reply to the post whose words its head quotes', () => {
    expect(parents(text).slice(-6)).toEqual([
      ['Ken_B', null],
      ['fenwalker', null],
      ['Lottie99', null],
      ['Ken_B', 1],
      ['gritstone', null],
      ['Lottie99', 0],
    ]);
  });
});

describe('session 45: records numbered on the page (an outline number over each claim, a `#N` over each comment)', () => {
  const claim = (number: string, side: string, text: string, name: string, when: string) => [number, side, text, `— ${name} · ${when}`, 'Comments  ·  Votes', ''];
  const debate = [
    'Debates',
    'Explore',
    'Log in',
    '',
    'Thesis',
    'Eastmoor council should close the library on Saturdays.',
    '',
    'Background info',
    ...story,
    '',
    'Pros',
    'Cons',
    'Sort: Oldest',
    '',
    ...claim('1.1', 'Pro', 'It saves £38,000 a year, which pays for two more weekday opening hours.', 'Mark Tuttle', '3 days ago'),
    ...claim('1.1.1', 'Con', 'The £38,000 is the gross saving, the staff move to other branches so the real saving is much smaller.', 'Jane Orr', '3 days ago'),
    ...claim('1.1.1.1', 'Pro', 'The staff move is only for one year, then the posts go.', 'Mark Tuttle', '2 days ago'),
    ...claim('1.1.2', 'Con', 'Weekday hours are no use to people who work all week.', 'Sue Dale', '2 days ago'),
    ...claim('1.2', 'Con', 'Students have nowhere else quiet to revise at the weekend.', 'Priya Shah', '3 days ago'),
    ...claim('1.2.1', 'Pro', 'The village hall has opened a study room on Saturdays.', 'Ian Cole', '1 day ago'),
    '1.3',
    'Con',
    'This claim has been removed by a moderator.',
    '',
    ...claim('1.4', 'Pro', 'Fewer than 300 loans on a Saturday is not enough to justify the cost.', 'Owen Pugh', '1 day ago'),
    'Add a claim',
  ].join('\n');

  it('reads the name under each claim and the nesting from the numbers', () => {
    expect(rows(debate).map(([author, parent, removed]) => [removed ? null : author, parent, removed])).toEqual([
      ['Mark Tuttle', null, false],
      ['Jane Orr', 0, false],
      ['Mark Tuttle', 1, false],
      ['Sue Dale', 0, false],
      ['Priya Shah', null, false],
      ['Ian Cole', 4, false],
      [null, null, true],
      ['Owen Pugh', null, false],
    ]);
    expect(parse(debate).thread.posts[0]!.text).toBe('It saves £38,000 a year, which pays for two more weekday opening hours.');
  });

  const comment = (n: number, name: string, date: string, text: string) => [`#${n}`, name, `commented ${date}`, text, 'Reply', 'Show link', 'Flag', ''];
  const review = [
    'Reviews of publications',
    'Search publications',
    'Login',
    '',
    'Journal of Library Studies (2026)',
    'Saturday opening and library use in small towns',
    'A. Writer, B. Author',
    '',
    'Abstract',
    ...story,
    '',
    'Add a comment',
    '7 comments',
    '',
    ...comment(1, 'Quercus robur', 'November 3, 2026', 'The weekday figure includes school visits, which the abstract does not say.'),
    ...comment(2, 'Peer 2', 'November 3, 2026', 'Which year are the loan figures from? The table has no date.'),
    ...comment(3, 'B. Author (Author)', 'November 4, 2026', '#1: school visits are counted separately in the supplement, table S2.'),
    ...comment(4, 'Salix alba', 'November 4, 2026', 'The saving seems to leave out the cost of moving the staff.'),
    ...comment(5, 'B. Author (Author)', 'November 4, 2026', '#2 the figures are for the year to March 2026.'),
    ...comment(6, 'Quercus robur', 'November 5, 2026', '#3 thanks, I missed the supplement.'),
    ...comment(7, 'Peer 2', 'November 5, 2026', '#5 thank you, that should be in the table.'),
    '© 2026 The Review Foundation',
  ].join('\n');

  it('links a comment opening with `#N` to the comment numbered N', () => {
    expect(parents(review)).toEqual([
      ['Quercus robur', null],
      ['Peer 2', null],
      ['B. Author', 0],
      ['Salix alba', null],
      ['B. Author', 1],
      ['Quercus robur', 2],
      ['Peer 2', 4],
    ]);
  });
});

describe('session 45: outline numbers give the nesting of any tree laid out depth-first (property)', () => {
  const names = ['Mark Tuttle', 'Jane Orr', 'Sue Dale', 'Priya Shah', 'Ian Cole', 'Owen Pugh', 'Ali Reza', 'Ken Bright'];
  const sentences = [
    'The saving is smaller than the council says once the staff costs are counted.',
    'Students need a quiet room at the weekend and the village has no other one.',
    'Loans fell every year since the refit, so the branch was already quiet on Saturdays.',
    'The petition has more names than the branch lends books on a typical Saturday.',
    'A volunteer rota could keep it open, as the next village did two years ago.',
    'Weekday hours do not help people who work in town all week.',
    'The computers are busy all Saturday, which the loan figures do not show.',
    'The council spent more on the new signs than this closure saves in a year.',
    'Nobody asked the school, which sends classes there on weekday mornings.',
    'The mobile library could stop in the square on Saturday mornings instead.',
  ];
  it('links each claim to the claim its number extends', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3), { minLength: 5, maxLength: 10 }), (ups) => {
        // Depths: the first claim at 1, each next one at most one deeper than the one before.
        const depths: number[] = [];
        for (const up of ups) depths.push(depths.length === 0 ? 1 : Math.max(1, depths[depths.length - 1]! + 1 - up));
        const counters: number[] = [];
        const numbers = depths.map((d) => {
          counters.length = d;
          counters[d - 1] = (counters[d - 1] ?? 0) + 1;
          return ['1', ...counters.map((c) => String(c ?? 1))].join('.');
        });
        const text = [
          'Thesis',
          'Eastmoor council should close the library on Saturdays.',
          '',
          'Background info',
          ...story,
          '',
          ...numbers.flatMap((n, k) => [n, k % 2 ? 'Con' : 'Pro', sentences[k]!, `— ${names[k % names.length]} · ${k + 1} days ago`, 'Comments  ·  Votes', '']),
          'Add a claim',
        ].join('\n');
        const expected = depths.map((d, k) => {
          for (let j = k - 1; j >= 0; j--) if (depths[j] === d - 1) return j;
          return null;
        });
        expect(parents(text).map(([, parent]) => parent)).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});
