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

describe('session 33: a wiki talk page under its article, each comment signed at the end of its last line', () => {
  const text = [
    'Main menu',
    'Create account',
    'Pool to close for two years',
    'Monday, November 2, 2026',
    '',
    'Hollin Vale leisure centre will close its swimming pool on 1 March for repairs expected to take two years, the council said on Monday.',
    '',
    'The roof over the main pool was found to contain crumbling concrete panels during a survey in October, according to a report to councillors.',
    '',
    'Comments:Pool to close for two years',
    'Add topic',
    '',
    'Cost',
    'Latest comment: 2 days ago4 comments3 people in discussion',
    'The report puts the repairs at £4.8m, not £4.2m as the article says. Heron (talk) 09:10, 3 November 2026 (UTC)Reply',
    '@Heron: Corrected, thanks. Marsh Tit (talk) 09:40, 3 November 2026 (UTC)Reply',
    'Half of that is meant to come from the sport fund anyway.',
    'So the council share is nearer £2.4m. —Teal (talk · contribs) 10:02, 3 November 2026 (UTC)Reply',
    '(Personal attack removed) — Preceding unsigned comment added by 81.2.69.160 (talk) 10:30, 3 November 2026 (UTC)Reply',
    '',
    'Clubs',
    'Latest comment: 1 day ago2 comments2 people in discussion',
    'Where will the swimming club train in the meantime? Heron (talk) 11:00, 3 November 2026 (UTC)Reply',
    'Kellbridge, on Tuesday and Thursday evenings. Teal (talk) 11:20, 3 November 2026 (UTC)Reply',
    '',
    'Categories: Opinions',
  ].join('\n');

  it('reads each signed comment, a comment of two paragraphs as one, and the removed one', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('The roof over the main pool was found to contain crumbling concrete panels');
    expect(rows(text).map((r) => [r[0], r[1], r[2], String(r[3]).slice(0, 20)])).toEqual([
      ['Heron', null, false, 'The report puts the '],
      ['Marsh Tit', 0, false, '@Heron: Corrected, t'],
      ['Teal', null, false, 'Half of that is mean'],
      [null, null, true, ''],
      ['Heron', null, false, 'Where will the swimm'],
      ['Teal', null, false, 'Kellbridge, on Tuesd'],
    ]);
    expect(doc.thread.posts[2]!.text).toContain('So the council share is nearer £2.4m.');
    expect(doc.thread.posts[2]!.text).not.toContain('Teal (talk');
  });
});

describe('session 33: a Q&A page, answers signed by a card under them and comments signed after their text', () => {
  const text = [
    'Questions',
    'Tags',
    'Can the council close a pool without consulting?',
    'Asked 3 hours ago',
    '4',
    'Our local paper says the pool will close on 1 March for two years. Is there a duty to consult before closing it?',
    'Share',
    'Follow',
    'asked Nov 2, 2026 at 8:00',
    "Rhea's user avatar",
    'Rhea',
    '1011 bronze badge',
    'It says "for repairs", so it is not a closure of the service. – moss_7 Commented Nov 2 at 8:10',
    '2',
    'A temporary closure for safety needs no consultation in general. – Ivo Grant Commented Nov 2 at 8:20',
    '2 Answers',
    'Sorted by:',
    '6',
    'Not for a temporary closure on safety grounds.',
    '',
    'The duty to consult applies to decisions to stop a service. Closing a building while it is repaired is not such a decision, although many councils still publish the survey.',
    'Share',
    'Improve this answer',
    'Follow',
    'answered Nov 2, 2026 at 8:30',
    "Ivo Grant's user avatar",
    'Ivo Grant',
    '4,21022 silver badges',
    'Thanks, this is clear. – Rhea Commented Nov 2 at 8:45',
    'The survey was published in October, fwiw. – moss_7 Commented Nov 2 at 8:50',
    '1',
    'The council has already said it will consult on the reopening date.',
    'Share',
    'Follow',
    'answered Nov 2, 2026 at 9:05',
    "sam_b's user avatar",
    'sam_b',
    '311 bronze badge',
    'Source? – Ivo Grant Commented Nov 2 at 9:10',
    'Hot Network Questions',
  ].join('\n');

  it('reads comments and answers in page order, each comment under an answer answering it', () => {
    const doc = parse(text);
    expect(doc.article.text).toContain('Is there a duty to consult before closing it?');
    expect(rows(text).map((r) => [r[0], r[1], String(r[3]).slice(0, 20)])).toEqual([
      ['moss_7', null, 'It says "for repairs'],
      ['Ivo Grant', null, 'A temporary closure '],
      ['Ivo Grant', null, 'Not for a temporary '],
      ['Rhea', 2, 'Thanks, this is clea'],
      ['moss_7', 2, 'The survey was publi'],
      ['sam_b', null, 'The council has alre'],
      ['Ivo Grant', 5, 'Source?'],
    ]);
  });
});
