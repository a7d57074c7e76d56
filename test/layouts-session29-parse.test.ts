import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { rows } from './lib/parse-rows.js';

// Session 29 (parse29): shapes still misread on blind threads 41-46, each tested on a made-up dump of the same shape,
// not on those dumps.

const PARAGRAPHS = [
  'The river authority will raise the flood wall along Quay Street by 60 centimetres before next winter.',
  'Work starts in February and the footpath beside the wall will be shut for four months while it lasts.',
  'The authority said the wall was overtopped twice last year and the cost of the works is 2.4 million.',
];

/** A made-up story page whose comments are `name` / `age` / `text` blocks under a count line. */
function board(count: string, comments: ReadonlyArray<readonly [string, string, string]>): string {
  return [
    'Eastbrook Evening Echo',
    '',
    'Flood wall on Quay Street to be raised by 60 cm',
    '',
    ...PARAGRAPHS.flatMap((p) => [p, '']),
    count,
    '',
    ...comments.flatMap(([name, age, text], k) => [...(k > 0 ? [''] : []), name, age, text]),
  ].join('\n');
}

describe('session 29 line shapes', () => {
  it('reads `Name: text` messages whose time line stands under the text, with the reply blocks a count opens', () => {
    const text = [
      'Eastbrook Evening Echo',
      'Home | Local | Sport',
      '',
      'Flood wall on Quay Street to be raised by 60 cm',
      'Eastbrook Evening Echo   2026-12-01 08:00',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
      'Replies (9)',
      'Top | New',
      '',
      'Heron by the Weir: Long overdue. My cellar took on water both times last year.',
      '11-30 18:02 via app   Reply   ♥ 220',
      '',
      'Mrs Pike of Mill Row: Four months without the footpath means a long way round for everyone with a pram.',
      '11-30 18:10 via web   Reply   ♥ 97',
      'See all 2 replies ▾',
      'Quay Street Traders Group: The authority says a temporary path will run on the other bank.',
      '11-30 18:30 via web   Reply   ♥ 41',
      'Mrs Pike of Mill Row: Reply @Quay Street Traders Group: the other bank has no crossing for a mile.',
      '11-30 18:44 via app   Reply   ♥ 18',
      'Hide ▴',
      '',
      'This reply was removed.',
      '',
      'Old Ferryman Tom: Sixty centimetres will not be enough if the barrage upstream fails again.',
      '11-30 19:05 via app   Reply   ♥ 64',
      'See all 1 replies ▾',
      'Eastbrook Evening Echo [Author]: The authority\'s report models the barrage failing; the link is in the story.',
      '11-30 19:40 via web   Reply   ♥ 12',
      'Hide ▴',
      '',
      'Heron by the Weir: Good to see it in writing at last.',
      '11-30 20:01 via app   Reply   ♥ 5',
      '',
      'Show more',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Heron by the Weir', null, false, 'Long overdue. My cellar took on water both times last year.'],
      ['Mrs Pike of Mill Row', null, false, 'Four months without the footpath means a long way round for everyone with a pram.'],
      ['Quay Street Traders Group', 1, false, 'The authority says a temporary path will run on the other bank.'],
      ['Mrs Pike of Mill Row', 2, false, 'Reply @Quay Street Traders Group: the other bank has no crossing for a mile.'],
      [null, null, true, ''],
      ['Old Ferryman Tom', null, false, 'Sixty centimetres will not be enough if the barrage upstream fails again.'],
      ['Eastbrook Evening Echo', 5, false, "The authority's report models the barrage failing; the link is in the story."],
      ['Heron by the Weir', null, false, 'Good to see it in writing at last.'],
    ]);
  });

  it('takes an "@handle" that spells an earlier name cut short (`@hanwe`, `@tquinn`, `@profmirasol`, `@joseb`) for a reply to that poster', () => {
    const text = board('6 comments', [
      ['Hannah Wexley', '3 hours ago', 'The wall was overtopped at the old slipway both times, not on Quay Street itself.'],
      ['Theo Quinn', '3 hours ago', '@hanwe both times the water came over by the slipway and ran down Quay Street, so it is the same thing.'],
      ['Prof Ana Mirasol', '2 hours ago', 'The authority\'s model assumes the barrage holds. Sixty centimetres is the figure for that case only.'],
      ['José Bárcena', '2 hours ago', '@profmirasol and if it does not hold, what then? Nobody at the meeting could say.'],
      ['Hannah Wexley', '1 hour ago', '@tquinn fair, the water ends up in the same cellars either way.'],
      ['Prof Ana Mirasol', '1 hour ago', '@joseb then the old town floods whatever the wall is, which is why the barrage work matters more.'],
    ]);
    expect(rows(text).map((r) => r.slice(0, 2))).toEqual([
      ['Hannah Wexley', null],
      ['Theo Quinn', 0],
      ['Prof Ana Mirasol', null],
      ['José Bárcena', 2],
      ['Hannah Wexley', 1],
      ['Prof Ana Mirasol', 3],
    ]);
  });

  it('takes a one-word screen name opening a post without a comma for a reply to that poster, not a name that is also a word', () => {
    const text = board('5 comments', [
      ['Marshfrog77', '3 hours ago', 'The footpath will be shut four months, the story says, not the two the council leaflet claimed.'],
      ['Will', '3 hours ago', 'Four months of detours for a wall that should have gone up years ago.'],
      ['Tidewatcher', '2 hours ago', 'Marshfrog77 the leaflet was for the first stage only, the second stage is another two months.'],
      ['Ellie_R', '2 hours ago', 'Will the ferry still run while the works are on? Nobody has said.'],
      ['Kestrelmum', '1 hour ago', 'Tidewatcher so four months in all, which is what the story says.'],
    ]);
    expect(rows(text).map((r) => r.slice(0, 2))).toEqual([
      ['Marshfrog77', null],
      ['Will', null],
      ['Tidewatcher', 0],
      ['Ellie_R', null],
      ['Kestrelmum', 2],
    ]);
  });

  it('takes one word before an earlier poster\'s whole name and a comma (`Cheers Tidewatcher, …`) for a reply to that poster', () => {
    const text = board('4 comments', [
      ['Tidewatcher', '3 hours ago', 'There is a drop-in session about the works at the library on Saturday from 10 till 2.'],
      ['Marshfrog77', '3 hours ago', 'Four months of detours for a wall that should have gone up years ago.'],
      ['Kestrelmum', '2 hours ago', 'Cheers Tidewatcher, I had no idea there was one.'],
    ]);
    expect(rows(text).map((r) => r.slice(0, 2))).toEqual([
      ['Tidewatcher', null],
      ['Marshfrog77', null],
      ['Kestrelmum', 0],
    ]);
  });

  it('does not take a newsletter\'s masthead over its date (`THE EVENING LETTER · NO. 48`) for the headline under it', () => {
    const text = [
      'Eastbrook Letters',
      'Archive',
      'Sign in',
      '',
      'THE EVENING LETTER · NO. 48',
      'Monday 30 November 2026',
      '',
      'Flood wall on Quay Street to be raised by 60 cm before next winter',
      '',
      'By Ann Example, environment reporter',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
    ].join('\n');
    expect(parse(text).article.title).toBe('Flood wall on Quay Street to be raised by 60 cm before next winter');
  });
});
