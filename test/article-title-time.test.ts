import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';

// Session 28 (lead): a community page prints its name, then the post's time stamp, then the story's headline. The time
// stamp has four words and no sentence end, so it looked like a headline; a line that is a time stamp as a whole
// never is one. Made-up dump of the same shape as blind thread 37 (not that dump).

const BODY = [
  'The town council has voted to close the Mill Lane car park to overnight parking from February, citing complaints about noise.',
  'Residents of the flats above the shops say they have nowhere else to leave their cars after work.',
  'The council said permits for the multi-storey on Station Road would be offered at a reduced rate to those affected.',
];

function dump(stamp: string): string {
  return [
    'Home',
    'News',
    'Messages',
    'Friends',
    'Groups',
    '',
    'Harfield Town Talk',
    'News and notices from around Harfield',
    'Public page · 3,104 followers',
    'Follow',
    'Message',
    '',
    'Harfield Town Talk',
    stamp,
    '',
    'Mill Lane car park to close overnight from February',
    '',
    ...BODY.flatMap((p) => [p, '']),
    'Text: Jo Example',
    '',
    '88',
    '9',
    '',
    'Most interesting',
    '',
    'Karen Pike',
    'Permits at a reduced rate still cost money we do not have.',
    '14 Mar at 9:02 am  Reply',
    '12',
    '',
    'Tom Rudd',
    'Karen, the permits are free for the first three months.',
    '14 Mar at 9:20 am  Reply',
    '4',
    '',
  ].join('\n');
}

describe('a time stamp over the headline', () => {
  for (const stamp of ['12 Mar at 8:02 pm', 'Yesterday at 6:40 pm', '3 Feb at 11:15']) {
    it(`reads the story's headline, not "${stamp}"`, () => {
      const doc = parse(dump(stamp));
      const title = doc.article.title;
      expect(title).toBe('Mill Lane car park to close overnight from February');
      const [start, end] = doc.article.titleSpan!;
      expect(dump(stamp).slice(start, end)).toBe(title);
    });
  }

  it('still reads a four-word headline that names a month but is no time stamp', () => {
    const text = dump('12 Mar at 8:02 pm').replace('Mill Lane car park to close overnight from February', 'Council delays March budget vote');
    expect(parse(text).article.title).toBe('Council delays March budget vote');
  });
});
