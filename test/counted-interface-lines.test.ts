import { describe, expect, it } from 'vitest';
import { rows } from './lib/parse-rows.js';

// A social page's post pasted with its reactions block between the comment count and the first comment
// ("All reactions:" / "96" / "9 comments" / "12 shares" / "Like" / "Comment" / "Share"): the page's interface, read
// before any post, is no post of its own (session 21, lead; found on the Facebook-like blind thread). Made-up dump.

const ARTICLE = [
  'Harbour Town Gazette',
  'October 2 at 9:40 AM',
  '',
  'The ferry to the islands will run every forty minutes from Monday, the operator said in a statement tonight.',
  '',
  'The council will review the timetable again in the spring after a survey of passengers.',
  '',
];

function dump(block: readonly string[]): string {
  return [
    ...ARTICLE,
    ...block,
    'Priya Nair',
    'Forty minutes is fine for commuters, but the last boat still leaves too early.',
    '3d',
    'Like',
    'Reply',
    '12',
    'Tom Okafor',
    'The statement says the last boat moves to 23:10, so that part is fixed.',
    '3d',
    'Like',
    'Reply',
    '4',
    '',
  ].join('\n');
}

describe('counted style: interface lines before the first comment', () => {
  it('reads no post from a reactions block under the comment count', () => {
    const got = rows(dump(['All reactions:', '96', '2 comments', '12 shares', 'Like', 'Comment', 'Share']));
    expect(got.map((r) => r[0])).toEqual(['Priya Nair', 'Tom Okafor']);
    expect(got[0]![3]).toBe('Forty minutes is fine for commuters, but the last boat still leaves too early.');
  });

  it('still reads the first comment when no interface lines stand before it', () => {
    const got = rows(dump(['2 comments']));
    expect(got.map((r) => r[0])).toEqual(['Priya Nair', 'Tom Okafor']);
  });
});
