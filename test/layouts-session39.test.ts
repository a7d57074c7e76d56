import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { parents, rows } from './lib/parse-rows.js';

// Session 39 (gold39): shapes left on the nineteenth set of blind threads (fixtures/blind-threads 107-112), each tested on
// a made-up dump of the same shape, not on those dumps.

describe('session 39: an observation page (`NAME commented` heads, identifications between comments, a hidden comment)', () => {
  const comment = (name: string, age: string, text: string) => [`${name} commented`, age, text, ''];
  const ident = (name: string, verdict: string, age: string) => [`${name} suggested an ID`, 'Grey Heron', 'Ardea cinerea', verdict, age, ''];
  const text = [
    'NatureWatch',
    'Explore   Community   Log In',
    '',
    'Grey Heron',
    '(Ardea cinerea)',
    'Research Grade',
    'Description',
    'Nesting again on the island in Hollin Park lake. The Courier says it is the first heronry in the park since 1990.',
    '',
    'Activity',
    '',
    ...ident('pondlife_k', 'Improving', '9d'),
    ...comment('marsh_tom', '9d', 'Brilliant. How many nests this year?'),
    ...comment('pondlife_k', '8d', '@marsh_tom four that I could count from the bridge.'),
    ...ident('egret_annie', 'Supporting', '8d'),
    ...comment('egret_annie', '8d', 'There were herons there in 2004 as well, the Courier has that wrong.'),
    'Content hidden by a site curator',
    '7d',
    'Show hidden content',
    '',
    ...comment('reedbed_sal', '7d', 'Please do not post the nest positions, the island is closed to the public.'),
    ...ident('marsh_tom', 'Supporting', '6d'),
    ...comment('marsh_tom', '6d', '@egret_annie 2004 was a single bird, not a nest, the park log says so.'),
    ...comment('wader_jo', '5d', 'Great to see them back either way.'),
    'Add a Comment   Suggest an ID',
  ].join('\n');

  it('cuts the constant `commented` off the names, keeps the identifications out of the thread and reads the hidden comment', () => {
    expect(rows(text).map(([author, , removed, first]) => [author, removed, first])).toEqual([
      ['marsh_tom', false, 'Brilliant. How many nests this year?'],
      ['pondlife_k', false, '@marsh_tom four that I could count from the bridge.'],
      ['egret_annie', false, 'There were herons there in 2004 as well, the Courier has that wrong.'],
      [null, true, ''],
      ['reedbed_sal', false, 'Please do not post the nest positions, the island is closed to the public.'],
      ['marsh_tom', false, '@egret_annie 2004 was a single bird, not a nest, the park log says so.'],
      ['wader_jo', false, 'Great to see them back either way.'],
    ]);
  });
});

describe('session 39: a club feed whose heads carry a badge between the name and the age (`NAME  Admin  11h`)', () => {
  const comment = (head: string, text: string) => [head, text, 'Like', ''];
  const text = [
    'Harbour Rowing Club',
    'Club · Rowing · 412 Members',
    'Overview   Posts   Events   Members',
    '',
    'Recent Posts',
    'Jo Penrose',
    'Admin',
    '2 March 2026 at 08:10',
    '',
    'Bad news from the Gazette this morning, story below.',
    '',
    'Council to sell quay boathouse used by rowing club',
    'Porthlew Gazette, 1 March 2026',
    '',
    'The council will sell the old boathouse on the quay for £350,000, its property committee decided on Friday.',
    '',
    'Harbour Rowing Club, which has used the building since 1952, must leave by the end of June.',
    '',
    'A survey last year found the roof and the slipway needed repairs costing £180,000, which the council said it could not fund.',
    '',
    'The club, which has about 140 members and a junior squad of 35, had asked for a 25-year lease and offered to raise £40,000.',
    '',
    'Councillor Amy Trelawny said: "We looked hard at every option, but the building is a liability we cannot carry."',
    '',
    '22 Kudos   5 Comments',
    'Give Kudos   Comment   Share',
    '',
    ...comment('Ravi Shah  9h', 'Where are the boats supposed to go? There is nothing else on the river.'),
    ...comment('Tess Morgan  8h', 'The sale price is a joke, the building alone is worth more than that.'),
    ...comment('Jo Penrose  Admin  7h', '@Ravi Shah the council offered the old lifeboat shed for a year, we are looking at it on Thursday.'),
    ...comment('Ravi Shah  6h', '@Jo Penrose thanks, a year is better than nothing.'),
    ...comment('Kit Ellery  5h', 'Fight it, we have rowed from that quay since 1952.'),
    'Add a comment, @ to mention',
  ].join('\n');

  it('reads the badge as no name answered and links the reply by its opening @NAME', () => {
    expect(parents(text)).toEqual([
      ['Ravi Shah', null],
      ['Tess Morgan', null],
      ['Jo Penrose', 0],
      ['Ravi Shah', 2],
      ['Kit Ellery', null],
    ]);
  });
});

describe('session 39: an official-account article whose featured comments head replies to replies `NAME → PARENT`', () => {
  const comment = (head: string, place: string | null, text: string, likes: string) => [head, ...(place ? [place] : []), text, 'Mar 3', likes, ''];
  const text = [
    'Night buses return to the river district from 1 April: routes and times',
    '',
    'Original  Zhang Yi  Riverside Transit Weekly  2026-03-03 08:00  Zhejiang',
    '',
    'From 1 April, three night bus routes, N1, N4 and N7, will run again through the river district, the city transport bureau said.',
    '',
    'The buses will run every 30 minutes from 23:00 to 5:00. The fare is 2 yuan, the same as the day routes.',
    '',
    'The routes were suspended in 2023 because too few passengers used them. The bureau says night trips on the metro have since risen by 40%.',
    '',
    'Editor: Zhang Yi',
    '',
    'Read 12,904',
    'Like 233   Wow 41   Share',
    '',
    'Featured comments',
    'Write a comment',
    '',
    ...comment('Old Fang', 'Zhejiang', 'Finally. I finish work at the hospital at 1 a.m. and a taxi costs me 40 yuan.', '120'),
    ...comment('Author', null, 'Thank you. N4 stops right outside the People\'s Hospital.', '52'),
    ...comment('mei_cycles → Author', 'Zhejiang', 'The bureau notice says N4 stops at the east gate, not outside the main entrance.', '18'),
    ...comment('Author → mei_cycles', null, 'Correct, it is the east gate stop. Thank you.', '9'),
    ...comment('Li Qiang', 'Jiangsu', 'Every 30 minutes is too slow, nobody waits half an hour at 2 a.m.', '64'),
    ...comment('Old Fang → Li Qiang', 'Zhejiang', 'Better than no bus at all.', '31'),
    'Reached the bottom',
  ].join('\n');

  it('reads the name before the arrow as the poster and the name after it as the post answered', () => {
    expect(parents(text).slice(2)).toEqual([
      ['mei_cycles', 1],
      ['Author', 2],
      ['Li Qiang', null],
      ['Old Fang', 4],
    ]);
  });
});

describe('session 39: a community blog signing each comment under its text (`by NAME on DATE`, no buttons) with `[ Parent ]`', () => {
  const comment = (subject: string, body: string, name: string, time: string, reply: boolean) => [
    subject,
    ...(body ? [body] : []),
    `by ${name} on Tue Mar 03, 2026 at ${time} PM EST`,
    ...(reply ? ['[ Parent ]'] : []),
    '',
  ];
  const text = [
    'Lakeview schools to cut late buses for after-school clubs',
    'by ridgeline_mom',
    'Tue Mar 03, 2026 at 12:10 PM EST',
    '',
    'The Lakeview school board voted 5-2 on Monday to end the 5:15 p.m. late buses from April, saving $84,000 a year, the Courier reports.',
    '',
    'About 600 students ride them after clubs and sports. Parents were told by letter on Friday.',
    '',
    'Tags',
    'Education  Lakeview',
    '',
    '6 Comments',
    '',
    ...comment('Tip Jar', '', 'ridgeline_mom', '12:11:04', false),
    ...comment('600 students is a lot of kids to strand', 'Half of them live more than two miles out.', 'grangeroad', '12:40:19', false),
    ...comment('It was 4-3, not 5-2', 'Molloy switched on the second vote.', 'civics_dad', '12:52:47', false),
    ...comment('No, 5-2 on the final vote', 'The 4-3 was the amendment, it is in the minutes.', 'ridgeline_mom', '1:05:33', true),
    'This comment has been hidden by community members.',
    '',
    ...comment('grangeroad, the district has a van', 'It only seats twelve though.', 'lakeview_sam', '1:31:08', true),
    ...comment('See everyone at the board meeting', 'March 16, 7 pm, high school library.', 'ridgeline_mom', '2:02:51', false),
    'Subscribe or donate to support this site.',
  ].join('\n');

  it('reads each signature as the author of the text over it and the hidden note as a removed comment', () => {
    expect(rows(text).map(([author, , removed, first]) => [author, removed, first])).toEqual([
      ['ridgeline_mom', false, 'Tip Jar'],
      ['grangeroad', false, '600 students is a lot of kids to strand'],
      ['civics_dad', false, 'It was 4-3, not 5-2'],
      ['ridgeline_mom', false, 'No, 5-2 on the final vote'],
      [null, true, ''],
      ['lakeview_sam', false, 'grangeroad, the district has a van'],
      ['ridgeline_mom', false, 'See everyone at the board meeting'],
    ]);
  });
});

describe('session 39: a community board post (board, title and meta over a member\'s note and the pasted story; `Level N` under names; replies tag a handle)', () => {
  const comment = (name: string, badge: string | null, level: string, text: string, time: string) => [name, ...(badge ? [badge] : []), level, text, `2026.03.03. ${time}  Reply`, ''];
  const text = [
    'NAVER  Cafe',
    'Seoha Riverside Parents Cafe',
    'Cafe home   Members 8,214',
    '',
    'Board menu',
    'Notice | Free board | Local news | Market',
    '',
    'Local news',
    '[Parks] Riverside pool to stay shut this summer (Seoha Daily)',
    'minjun_papa (minj****)   Level 4  Family member',
    '2026.03.03. 07:12   Views 1,402',
    'Comments 6   URL copy',
    '',
    'Posting this because a lot of our kids learned to swim there. Article below.',
    '',
    'Riverside outdoor pool will stay closed this summer, district says',
    'Seoha Daily | Reporter Kim Ha-eun | Input 2026.03.02. 15:40',
    '',
    'Seoha District will keep the Riverside outdoor pool closed for the whole of the 2026 summer season, its facilities office said on Monday.',
    '',
    'An inspection in January found leaks in the main tank and cracks in two of the changing rooms, which the district says will cost 1.9 billion won to repair.',
    '',
    'The pool had about 64,000 visitors last summer. The district says residents can use the indoor pool at the sports centre, which adds 40 evening places.',
    '',
    'Like 21   Comments 6   Share',
    '',
    ...comment('jisoo_mom22', null, 'Level 3', 'Forty places for the whole district? That is nothing in August.', '08:01'),
    ...comment('minjun_papa', 'Author', 'Level 4', 'Agreed, and the indoor pool is a bus ride away for most of us.', '08:06'),
    ...comment('riverrunner_7', null, 'Level 2', 'The repair bill is huge though, I would rather they fixed the library first.', '08:15'),
    ...comment('jisoo_mom22', null, 'Level 3', 'riverrunner_7 the library was fixed last year, it reopened in October.', '08:22'),
    ...comment('minjun_papa', 'Author', 'Level 4', 'jisoo_mom22 it reopened in November, I was at the opening. But yes, it is done.', '08:30'),
    ...comment('seoha_grandma', null, 'Level 5', 'My grandchildren will miss it. It was the only free place to swim.', '09:02'),
  ].join('\n');

  it('reads the pasted story as the article, the level lines as heads and a tagged handle as the post answered', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('Seoha District will keep the Riverside outdoor pool closed');
    expect(rows(text).map(([author, parent, , first]) => [author, parent, first])).toEqual([
      ['jisoo_mom22', null, 'Forty places for the whole district? That is nothing in August.'],
      ['minjun_papa', 0, 'Agreed, and the indoor pool is a bus ride away for most of us.'],
      ['riverrunner_7', null, 'The repair bill is huge though, I would rather they fixed the library first.'],
      ['jisoo_mom22', 2, 'riverrunner_7 the library was fixed last year, it reopened in October.'],
      ['minjun_papa', 3, 'jisoo_mom22 it reopened in November, I was at the opening. But yes, it is done.'],
      ['seoha_grandma', null, 'My grandchildren will miss it. It was the only free place to swim.'],
    ]);
  });
});
