import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { isRemovedPlaceholder, readCountLine } from '../src/ingest/section-cues.js';
import { isUiLine } from '../src/ingest/ui-lines.js';
import { readWidgetHeader } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 12: reply signals and header shapes that new layouts share. The dumps below are made up for
// these tests (a video site, a comment plugin, a topic board, an archive export, a list digest).
const ARTICLE = 'Title: Library hours cut\n\nThe town library will close on Mondays from April, the council said on Tuesday, to save 80,000 pounds a year.\n\n';

describe('reply counts under a post', () => {
  const post = (name: string, text: string, count = '') => `${name}\n2 days ago\n${text}\n12\nReply\n${count}`;

  it('gives a removed reply inside a counted, open group of replies the group post as parent', () => {
    const text = `${ARTICLE}4 Comments\n${post('@ivy_k', 'Mondays are when the job club meets.', '3 replies\n')}${post('@tom_b', '@ivy_k the job club moved to Thursdays last year.')}${post('@ivy_k', '@tom_b not at our branch, it is still Mondays.')}This comment has been removed.\n${post('@wes_p', 'Eighty thousand is one librarian, roughly.')}`;
    expect(rows(text)).toEqual([
      ['@ivy_k', null, false, 'Mondays are when the job club meets.'],
      ['@tom_b', 0, false, '@ivy_k the job club moved to Thursdays last year.'],
      ['@ivy_k', 1, false, '@tom_b not at our branch, it is still Mondays.'],
      [null, 0, true, ''],
      ['@wes_p', null, false, 'Eighty thousand is one librarian, roughly.'],
    ]);
  });

  it('leaves a removed post top level when no reply of the counted group is shown above it', () => {
    const text = `${ARTICLE}3 Comments\n${post('@ivy_k', 'Mondays are when the job club meets.', '2 replies\n')}This comment has been removed.\n${post('@wes_p', 'Eighty thousand is one librarian, roughly.')}`;
    expect(rows(text).map((r) => r[1])).toEqual([null, null, null]);
  });

  it('takes an unmarked post under a removed post with replies, in a section that marks replies by name, for its reply (a guess, said)', () => {
    const entry = (name: string, reply: string | null, text: string, count = '') => `${name}\n${reply ? `↩ ${reply}\n` : ''}Mar 3\n${text}\n\n♥ 2\nReply\n${count}`;
    const text = `${ARTICLE}${entry('olga_r', null, 'The Monday closure hits students hardest.', '1 Reply\n')}${entry('pavel_s', 'olga_r', 'Students can use the college library on Mondays.')}Mar 3\n(post withdrawn by author)\n\n1 Reply\n${entry('quinn_m', null, 'Whatever was said there, the savings figure looks low to me.')}${entry('rosa_t', null, 'Good that the Saturday hours stay.')}`;
    const doc = parse(text);
    expect(rows(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['olga_r', null, false],
      ['pavel_s', 0, false],
      [null, null, true],
      ['quinn_m', 2, false],
      ['rosa_t', null, false],
    ]);
    expect(doc.messages.some((m) => m.ruleId === 'thread/guessed-parent')).toBe(true);
  });
});

describe('replies naming an author whose own follow-up answers their first post', () => {
  it('answer the first post of that run', () => {
    const text = `${ARTICLE}5 comments\nMost relevant\nJune Hale\nThe Monday closure will empty the reading room for good.\nLike · Reply · 5 · 2d\nJune Hale\nTypo, I meant the study room, not the reading room.\nLike · Reply · 1 · 2d\nKarl Osei\nJune Hale is that the room upstairs?\nLike · Reply · 2 · 2d\nLena Brandt\nSaving money on books is the wrong place to start.\nLike · Reply · 3 · 1d\n`;
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ['June Hale', null],
      ['June Hale', 0],
      ['Karl Osei', 0],
      ['Lena Brandt', null],
    ]);
  });
});

describe('quoted words at the top of a post', () => {
  const entry = (name: string, time: string, text: string) => `Post by ${name} » ${time}\n${text}\n\n`;

  it('names its parent with "Quote from X:" and stays out of its text; "X said:" about someone who has not posted stays text', () => {
    const text = `${ARTICLE}${entry('hollyoak', 'Tue Mar 03, 2026 9:02 am', 'The Monday closure will hurt the homework club most.')}${entry('fenwick', 'Tue Mar 03, 2026 9:30 am', 'Quote from hollyoak:\nThe Monday closure will hurt the homework club most.\n\nThe homework club meets on Wednesdays.')}${entry('marsh_e', 'Tue Mar 03, 2026 9:45 am', 'My neighbour said:\nThey will close it altogether next year.\n\nI hope she is wrong.')}`;
    expect(rows(text)).toEqual([
      ['hollyoak', null, false, 'The Monday closure will hurt the homework club most.'],
      ['fenwick', 0, false, 'The homework club meets on Wednesdays.'],
      ['marsh_e', null, false, 'My neighbour said:'],
    ]);
  });
});

describe('header and section line shapes', () => {
  it('reads a forum label before the name, a weekday before the date, and a time in brackets', () => {
    const forum = readWidgetHeader(line('Post by hollyoak » Tue Mar 03, 2026 9:02 am'));
    expect([forum?.author, forum?.timestamp, forum?.replyTo]).toEqual(['hollyoak', 'Tue Mar 03, 2026 9:02 am', null]);
    const arrow = readWidgetHeader(line('fan_1998 ▸ Ray_79  Nov 6, 2024'));
    expect([arrow?.author, arrow?.replyTo?.name]).toEqual(['fan_1998', 'Ray_79']);
    const bracketed = readWidgetHeader(line('#4 carol_w (2026-03-11 09:14)'));
    expect([bracketed?.author, bracketed?.timestamp]).toEqual(['carol_w', '2026-03-11 09:14']);
    expect(readWidgetHeader(line('By the way (2026 was worse)'))).toBeNull();
  });

  it('reads framed count lines and numbered placeholders', () => {
    expect(readCountLine('=== Reader comments (6) ===')).toBe(6);
    expect(readCountLine('-- 12 comments --')).toBe(12);
    expect(readCountLine('=== End of comments ===')).toBeUndefined();
    expect(isRemovedPlaceholder('#5 [comment deleted]')).toBe(true);
    expect(isRemovedPlaceholder('#5 Deleted scenes were the best part')).toBe(false);
  });

  it('takes a row of menu items for interface, not a headline', () => {
    expect(isUiLine('News  Sport  Opinion  Events')).toBe(true);
    expect(isUiLine('Home | Local | Weather | Obituaries')).toBe(true);
    expect(isUiLine('Library to close on Mondays from April')).toBe(false);
    expect(isUiLine('Council votes  5-2')).toBe(false);
  });

  it('reads a row of sort links under the count line as chrome, so the count line opens the section', () => {
    const text = `${ARTICLE}3 Comments\nNewest | Oldest | Most liked\n\nAnn Lowe · 3 hours ago\nMondays suit nobody.\nLike (2) · Reply · Report\n\nBen Cole · 2 hours ago\nReply to @Ann Lowe\nThey suit the budget.\nLike (1) · Reply · Report\n\nCat Ruiz · 1 hour ago\nKeep Saturdays.\nLike (0) · Reply · Report\n`;
    const doc = parse(text);
    expect(doc.thread.declaredCount).toBe(3);
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([['Ann Lowe', null], ['Ben Cole', 0], ['Cat Ruiz', null]]);
  });

  it('reads a list digest whose messages are numbered "== 2 of 3 =="', () => {
    const msg = (n: number, from: string, body: string) => `== ${n} of 3 ==\nDate: Tue, Mar 3 2026 ${n}:00 pm\nFrom: ${from}\n\n${body}\n\n`;
    const text = `town-talk digest\n\n${msg(1, '"Ann Lowe" <ann@example.org>', 'Monday closures start in April, says the council.')}${msg(2, 'Ben Cole <ben@example.org>', 'On Tue, Mar 3, 2026 at 1:00 PM Ann Lowe <ann@example.org> wrote:\n> Monday closures start in April\n\nMay, surely? The budget runs from May.')}${msg(3, '"Cat Ruiz" <cat@example.org>', 'Either way the job club has to move.')}`;
    const doc = parse(text);
    expect(doc.source.style).toBe('mail');
    expect(rows(text).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Ann Lowe', null, 'Monday closures start in April, says the council.'],
      ['Ben Cole', 0, 'May, surely? The budget runs from May.'],
      ['Cat Ruiz', null, 'Either way the job club has to move.'],
    ]);
  });
});
