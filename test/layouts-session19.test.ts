import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { isRemovedPlaceholder } from '../src/ingest/section-cues.js';
import { readNumberedBoardHeader, readWidgetHeader, timeKind } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 19, round nine: line shapes of a game store's review comments, a social group's post with multi-line
// footers, a numbered text board, a reblog chain and a dictionary-like topic signed after each entry. The dumps below
// are made up for these tests; the fixtures (widget-57..61) hold the blind-labelled ones.
const ARTICLE = 'Title: Harbour parking fees rise\n\nParking at the harbour will cost 2.40 an hour from May, up from 1.80, the council said on Monday.\n\n';

describe('session 19 round nine line shapes', () => {
  it('reads one-line "Name  2 Dec @ 9:14pm" headers: a bracketed tag before the name, a role after it, a hidden note, a pager', () => {
    const text = [
      ARTICLE,
      '5 Comments',
      '‹ 1 2 ›',
      '',
      'quay_rat  4 May @ 8:02am',
      'The machines only take cards now, too.',
      '',
      '[HB] Marla  4 May @ 8:15am',
      '👋',
      '',
      'This comment is awaiting review by our content system. It will stay hidden until it has been checked by a person.',
      '',
      'Harbour Office [staffer]  4 May @ 9:40am',
      'Cash machines return in June.',
      '',
      'Tom R  4 May @ 10:02am',
      '@quay_rat and coins from June, says the sign',
      '',
      '‹ 1 2 ›',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['quay_rat', null, false, 'The machines only take cards now, too.'],
      ['[HB] Marla', null, false, '👋'],
      [null, null, true, ''],
      ['Harbour Office', null, false, 'Cash machines return in June.'],
      ['Tom R', 0, false, '@quay_rat and coins from June, says the sign'],
    ]);
    expect(timeKind('4 May @ 8:02am')).toBe('absolute');
    expect(readWidgetHeader(line('Harbour Office [staffer]  4 May @ 9:40am'))?.author).toBe('Harbour Office');
    expect(isRemovedPlaceholder('This comment is awaiting approval.')).toBe(true);
  });

  it('reads names over text whose time heads a footer of buttons and a count, and a signature under the text', () => {
    const text = [
      ARTICLE,
      'Most relevant',
      '',
      'Grace Obi',
      'Top fan',
      'Two forty an hour is more than the bus fare into town.',
      '5 h',
      'Like',
      'Reply',
      '14',
      '',
      'Ken Ito',
      'Grace Obi and the bus stops at eight.',
      'Ken',
      'Harbour Traders',
      '4 h',
      'Edited',
      'Like',
      'Reply',
      '',
      'Lea Roth',
      '😬',
      '3 h',
      'Like',
      'Reply',
      '2',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Grace Obi', null, false, 'Two forty an hour is more than the bus fare into town.'],
      ['Ken Ito', 0, false, 'Grace Obi and the bus stops at eight.'],
      ['Lea Roth', null, false, '😬'],
    ]);
  });

  it('reads a numbered text board: post 1 is the opening post under the thread title, ">>N" cites a post', () => {
    const text = [
      'Harbour board',
      '',
      '[Parking] Harbour fees up to 2.40 an hour',
      '1 Name: reporter ★ Posted: 2026/05/04(Mon) 08:00:01.10 ID:aaaa1111',
      'Parking at the harbour will cost 2.40 an hour from May, up from 1.80.',
      '',
      '2 Name: Anonymous Posted: 2026/05/04(Mon) 08:03:12.55 ID:bbbb2222',
      'cheaper than the city car park still',
      '',
      '3 Name: Anonymous[sage] Posted: 2026/05/04(Mon) 08:05:40.02 ID:cccc3333',
      '>>2',
      'not after six it is not',
      '',
      '4 Name: Anonymous Posted: 2026/05/04(Mon) 08:07:00.00 ID:dddd4444',
      '>>1',
      'residents pay nothing anyway',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.title).toBe('[Parking] Harbour fees up to 2.40 an hour');
    expect(rows(text)).toEqual([
      ['Anonymous', null, false, 'cheaper than the city car park still'],
      // (Session 39: the ">>N" line is the reply cue, kept out of the post's text.)
      ['Anonymous', 0, false, 'not after six it is not'],
      ['Anonymous', null, false, 'residents pay nothing anyway'],
    ]);
    expect(readNumberedBoardHeader(line('3 Name: Anonymous[sage] Posted: 2026/05/04(Mon) 08:05:40.02 ID:cccc3333'))).toMatchObject({ author: 'Anonymous', number: '3', opening: false });
  });

  it('reads a reblog chain: "X reblogged this from Y and added:" is a post answering Y, a quote of the story answers the article', () => {
    const text = [
      'harbournews',
      '',
      'Harbour parking fees rise to 2.40 an hour',
      '',
      'Parking at the harbour will cost 2.40 an hour from May, up from 1.80, the council said on Monday.',
      '',
      'Reblogs',
      '',
      'quay-rat reblogged this from harbournews and added:',
      'harbournews:',
      'Harbour parking fees rise to 2.40 an hour',
      'and the machines still only take cards',
      '',
      'gull-watch reblogged this from quay-rat',
      '',
      'tide-tables reblogged this from quay-rat and added:',
      'they took coins last week',
      '',
      'Load more notes',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['quay-rat', null, false, 'and the machines still only take cards'],
      ['tide-tables', 0, false, 'they took coins last week'],
    ]);
  });

  it('reads entries signed after their text: a count, the time (with an edit time after "~") and the name last', () => {
    const text = [
      'harbour parking fees',
      '',
      'two forty an hour for the harbour, more than the bus into town.',
      '12',
      '04.05.2026 08:02 ~ 08:10',
      'quay rat',
      '',
      '(this entry was deleted)',
      '04.05.2026 08:20',
      '',
      '@quay rat the bus stops at eight though.',
      '3',
      '04.05.2026 09:00',
      'gull watch',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['quay rat', null, false, 'two forty an hour for the harbour, more than the bus into town.'],
      [null, null, true, ''],
      ['gull watch', 0, false, '@quay rat the bus stops at eight though.'],
    ]);
  });
});
