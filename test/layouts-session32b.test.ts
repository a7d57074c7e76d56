import { describe, expect, it } from 'vitest';
import { rows } from './lib/parse-rows.js';
import { parse } from '../src/index.js';

// Session 32 (xf32): a forum whose posts are headed by a card closed by the post's number, the numbers running in
// sequence through the dump (#1, #2, #3 …), the story pasted in post 1. A made-up dump of that shape (names, words and
// the card's buttons are not those of any blind thread).

describe('session 32: a card closed by the post number, numbers in sequence, the story in post 1', () => {
  const card = (name: string, rank: string, time: string, n: number): string[] => [name, rank, '', time, 'Save post', `#${n}`, ''];
  const foot = (list?: string): string[] => ['Flag', 'Quote', ...(list ? [`Likes: ${list}`] : []), ''];
  const text = [
    'Moorbridge Locals Board',
    'Topics',
    'Sign in',
    '',
    'Boards',
    'Town Matters',
    '',
    'Library hours cut - Courier story',
    'Topic opener HarrowGate Opened Nov 9, 2026',
    '',
    ...card('HarrowGate', 'Regular', 'Nov 9, 2026', 1),
    'From the Courier this morning.',
    '',
    'Moorbridge library to close on Mondays and Tuesdays from January',
    'By Imogen Pratt, local democracy reporter',
    'Monday 9 November 2026',
    '',
    'The central library in Moorbridge will shut two days a week from January after the county council cut its opening budget by a fifth.',
    '',
    'The council said the change would save about 180,000 pounds a year and that no staff would lose their jobs this year.',
    '',
    'Visitor numbers have fallen by a quarter since 2019, according to figures given to the cabinet on Thursday.',
    '',
    ...foot('Wenna_P, fieldmouse and 4 others'),
    ...card('Wenna_P', 'Regular', 'Nov 9, 2026', 2),
    'Two days a week is a lot when the branch in Eastleigh already shut. Where are the kids meant to do homework now?',
    '',
    ...foot('HarrowGate and Osei Grant'),
    ...card('fieldmouse', 'Newcomer', 'Nov 9, 2026', 3),
    'Wenna_P said:',
    'Where are the kids meant to do homework now?',
    'The school library stays open until five, at least at the academy. Not ideal but it is something.',
    '',
    ...foot(),
    ...card('Osei Grant', 'Regular', 'Yesterday at 8:15 AM', 4),
    'A quarter fewer visitors still leaves thousands of people a month using the place. The savings are tiny next to the rest of the budget.',
    '',
    ...foot('Wenna_P'),
    ...card('Bryn Calloway', 'Newcomer', 'Yesterday at 9:40 AM', 5),
    'Osei Grant said:',
    'The savings are tiny next to the rest of the budget.',
    'Tiny is still a librarian salary or two. I would rather keep the staff and lose the Mondays.',
    '',
    ...foot(),
    'You need to sign in to answer here.',
    '',
    'Related topics',
    'Swimming pool prices up again',
    '',
  ].join('\n');

  it('reads post 1 as the story and each later post under the first line of its card, quotes as whom it answers', () => {
    expect(rows(text).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Wenna_P', null, 'Two days a week is a lot when the branch in Eastleigh already shut. Where are the kids meant to do homework now?'],
      ['fieldmouse', 0, 'The school library stays open until five, at least at the academy. Not ideal but it is something.'],
      ['Osei Grant', null, 'A quarter fewer visitors still leaves thousands of people a month using the place. The savings are tiny next to the rest of the budget.'],
      ['Bryn Calloway', 2, 'Tiny is still a librarian salary or two. I would rather keep the staff and lose the Mondays.'],
    ]);
    const doc = parse(text);
    expect(doc.article.text).toContain('The council said the change would save about 180,000 pounds a year');
    expect(doc.article.text).not.toContain('Save post');
    expect(doc.article.text).not.toContain('Topic opener');
  });

  it('does not take a number outside a run (an issue\'s "#1432") for a card\'s', () => {
    const issue = text.replace(/^#([1-5])$/gm, (_m, n: string) => `#14${n}${n}`);
    expect(rows(issue).map((r) => r[0])).not.toEqual(['Wenna_P', 'fieldmouse', 'Osei Grant', 'Bryn Calloway']);
  });
});
