import { describe, expect, it } from 'vitest';
import { rows } from './lib/parse-rows.js';
import { parse } from '../src/index.js';
import { isRemovalNote, isRemovedPlaceholder } from '../src/ingest/section-cues.js';

// Session 33 (gold33): shapes left on the thirteenth set of blind threads (fixtures/blind-threads 71-76), each tested on a
// made-up dump of the same shape, not on those dumps.

describe('session 33: an IRC channel log whose op pastes the story line by line', () => {
  const text = [
    'logs.example.org',
    '#hollin on a network',
    'Times are UTC.',
    '[07:10] -!- Topic for #hollin: Hollin Vale chat | be kind',
    '[07:12] -!- wren [~wren@user/wren] has joined #hollin',
    '[07:30] <@rook> the Gazette has it this morning, pasting the lot:',
    '[07:30] <@rook> Hollin Vale pool to close for two years',
    '[07:30] <@rook> Hollin Vale leisure centre will close its swimming pool on 1 March for repairs expected to take two years, the council said on Monday.',
    '[07:30] <@rook> The roof over the main pool was found to contain crumbling concrete panels during a survey in October, according to a report to councillors.',
    '[07:30] <@rook> Repairs are estimated at £4.8m, of which the council hopes a national sport fund will pay about half.',
    '[07:30] <@rook> Swimming clubs have been offered lane time at Kellbridge, nine miles away, at the same price as now.',
    '[07:41] <wren> nine miles each way for a 6am club session, brilliant',
    '[07:43] <jay> wren: 9 is by road, it is less as the crow flies',
    '[07:44]  * wren rolls eyes at jay',
    '[07:45] <jay> ok',
    '[07:46] -!- jay is now known as jay_away',
    '[07:50] <moth> [message redacted by rook]',
    '[07:52] <finch> wait, is the gym closing too or only the pool?',
  ].join('\n');

  it('reads the pasted lines as the article, `<nick>` and `* nick` lines as messages and client notices as chrome', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('Repairs are estimated at £4.8m, of which the council hopes a national sport fund will pay about half.');
    expect(doc.article.text).not.toContain('<@rook>');
    expect(rows(text).map((r) => [r[0], r[2], String(r[3]).slice(0, 20)])).toEqual([
      ['wren', false, 'nine miles each way '],
      ['jay', false, 'wren: 9 is by road, '],
      ['wren', false, 'rolls eyes at jay'],
      ['jay', false, 'ok'],
      [expect.anything(), true, ''],
      ['finch', false, 'wait, is the gym clo'],
    ]);
  });
});

describe('session 33: a messenger\'s tab-separated export with a story pasted as one quoted message', () => {
  const text = [
    '[LINE] Chat history in Hollin Parents',
    'Saved on: 11/03/2026 21:00',
    '',
    'Mon, 11/02/2026',
    '08:01\tAsha Rao joined the group.',
    '08:05\tAsha Rao\t"From the Vale Gazette today, pasting because of the paywall:',
    '',
    'Hollin Vale pool to close for two years',
    '',
    'Hollin Vale leisure centre will close its swimming pool on 1 March for repairs expected to take two years, the council said on Monday.',
    '',
    'The roof over the main pool was found to contain crumbling concrete panels during a survey in October, according to a report to councillors.',
    '',
    'Repairs are estimated at £4.8m, of which the council hopes a national sport fund will pay about half.',
    '',
    'Swimming clubs have been offered lane time at Kellbridge, nine miles away, at the same price as now."',
    '08:09\tBen Holt\tNine miles at 6am, lovely',
    '08:11\tCara Lund\t"@Ben Holt the club bus goes from the school.',
    'Ask at the gate"',
    '08:12\tBen Holt unsent a message.',
    '08:14\tDev Shah\tIs the gym shut too?',
  ].join('\n');

  it('reads the story as the article, each tab line as a message without the export\'s quotes, and an unsent note as removed', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('Repairs are estimated at £4.8m, of which the council hopes a national sport fund will pay about half.');
    expect(doc.article.text).not.toContain('joined the group');
    expect(rows(text).map((r) => [r[0], r[2], String(r[3]).slice(0, 20)])).toEqual([
      ['Ben Holt', false, 'Nine miles at 6am, l'],
      ['Cara Lund', false, '@Ben Holt the club b'],
      [null, true, ''],
      ['Dev Shah', false, 'Is the gym shut too?'],
    ]);
    expect(doc.thread.posts[1]!.text.endsWith('Ask at the gate')).toBe(true);
  });
});

describe('session 33: removal notes of chat clients', () => {
  it('reads a redacted message and an unsent one as removed', () => {
    expect(isRemovedPlaceholder('[message redacted by rook]')).toBe(true);
    expect(isRemovalNote('Ben Holt unsent a message.')).toBe(true);
    expect(isRemovalNote('I unsent that, sorry')).toBe(false);
  });
});
