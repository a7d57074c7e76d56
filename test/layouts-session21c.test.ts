import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { splitLines } from '../src/ingest/lines.js';
import { isSignOff, readBadgeLine, splitFields } from '../src/ingest/styles/header-cues.js';
import { rows } from './lib/parse-rows.js';
import { setThreadRepliesForStudy } from '../src/thread/choose-thread-replies.js';

// Session 21c, round thirteen (English news sites): shapes read without knowing the page. A reader app's thread-guide
// bars as nesting, a link aggregator's "(domain)" and a video page's " | Channel" after the headline, a forum quote
// box's "Click to expand...", a role line over "In reply to", a first-name sign-off over the footer, a work chat's
// "N replies from …" thread, the page's login blurb and promotion box after the last post. The dumps are made up for
// these tests; the fixtures (forum-14, forum-15, widget-74..76) hold the blind-labelled ones.

describe('session 21c round thirteen line shapes', () => {
  it('reads thread-guide bars as indentation and keeps them out of the content and the fields', () => {
    const [a, b, c] = splitLines('│ │ ana · 2h\n│\nplain │ text');
    expect(a!.indent).toBe(8);
    expect(a!.trimmed).toBe('ana · 2h');
    expect(splitFields(a!).map((f) => f.text)).toEqual(['ana', '·', '2h']);
    expect(b!.contentStart).toBe(b!.contentEnd);
    // A bar inside the text is text.
    expect(c!.trimmed).toBe('plain │ text');
    expect(c!.indent).toBe(0);
  });

  it('reads a first name alone as the sign-off of a two-word name, not the name alone again', () => {
    expect(isSignOff('Marta', 'Marta Quist')).toBe(true);
    expect(isSignOff('— Marta Quist', 'Marta Quist')).toBe(true);
    expect(isSignOff('Marta Quist', 'Marta Quist')).toBe(false);
    expect(isSignOff('Regional', 'Regional')).toBe(false);
    expect(isSignOff('Olaf', 'Marta Quist')).toBe(false);
  });

  it('reads a channel mark and a login provider as badges', () => {
    expect(readBadgeLine('Creator ♥')).not.toBeNull();
    expect(readBadgeLine('Pinned by Harbour Radio')).not.toBeNull();
    expect(readBadgeLine('logged in via email @example.net')).not.toBeNull();
    expect(readBadgeLine('Creators should be paid more')).toBeNull();
  });

  it('nests a reader app thread drawn with bars and drops the domain after the story title', () => {
    const text = [
      'Ferry operator adds a night crossing to the islands (harbourpost.example)',
      '88 points · gull · 3h · 5 comments',
      '',
      'mira_k · 3h',
      'About time, the last boat at 21:10 made evening events impossible.',
      '',
      '│ tomh · 2h',
      '│ Only on Fridays and Saturdays though, according to the timetable.',
      '│',
      '│ │ mira_k · 2h',
      '│ │ Still better than nothing.',
      '',
      'pelle · 1h',
      'Who pays for the extra crew?',
    ].join('\n');
    expect(parse(text).article.title).toBe('Ferry operator adds a night crossing to the islands');
    expect(rows(text)).toEqual([
      ['mira_k', null, false, 'About time, the last boat at 21:10 made evening events impossible.'],
      ['tomh', 0, false, 'Only on Fridays and Saturdays though, according to the timetable.'],
      ['mira_k', 1, false, 'Still better than nothing.'],
      ['pelle', null, false, 'Who pays for the extra crew?'],
    ]);
  });

  it('keeps a headline of four words or more and drops a short site name after a bar, not a bar in the headline', () => {
    const title = (head: string) =>
      parse([head, 'Harbour Radio', '2.1K views  1 day ago', '', 'Comments 2', '', '@ola_b', '1 day ago', 'Great report, thanks.', '👍 3', 'Reply', '', '@kim.s', '20 hours ago', 'The pier looks worse than I thought.', '👍 1', 'Reply'].join('\n')).article.title;
    expect(title('Pier repairs to start in spring after storm damage | Harbour Radio')).toBe('Pier repairs to start in spring after storm damage');
    expect(title('Opinion | Why the pier repairs took so long')).toBe('Opinion | Why the pier repairs took so long');
  });

  it('closes a forum quote box at its expand control and answers the quoted poster', () => {
    const text = [
      'Council votes to light the coastal path',
      'Reader comments',
      '',
      'Ines Lowe',
      'Member',
      'Dec 2, 2026',
      '#1',
      'Lights every 40 metres will ruin the night sky over the bay.',
      'Upvote',
      '5 (6 / -1)',
      '',
      'pathwalker',
      'Member',
      'Dec 2, 2026',
      '#2',
      'Ines Lowe said:',
      'Lights every 40 metres will ruin the night sky over the bay.',
      'Click to expand...',
      'They are shielded downward lamps, the plan shows the light cone.',
      'Upvote',
      '9 (9 / 0)',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Ines Lowe', null, false, 'Lights every 40 metres will ruin the night sky over the bay.'],
      ['pathwalker', 0, false, 'They are shielded downward lamps, the plan shows the light cone.'],
    ]);
  });

  it('reads a role line over "In reply to", a repeated role line and a first-name sign-off over the footer', () => {
    const text = [
      'Why tide gauges disagree. Here is what the data from six harbours shows',
      'Published: December 2, 2026 7:10am GMT',
      '',
      'Tide gauges in six harbours disagreed by up to 9 cm during the November surge, our analysis of the public records shows.',
      '',
      'Comments',
      'Sort by: Oldest',
      '',
      'Marta Quist',
      'Harbour pilot',
      'We see the same offsets on the pilot boats every winter, the gauges drift with silt.',
      'December 2, 2026',
      'Report',
      'Like',
      '',
      'Dev Anand',
      'In reply to Marta Quist',
      'Is the drift corrected when they are recalibrated in spring?',
      'December 2, 2026',
      'Report',
      'Like',
      '',
      'Marta Quist',
      'Harbour pilot',
      'In reply to Dev Anand',
      'Only partly, the silt comes back within weeks.',
      '',
      'Marta',
      'December 3, 2026',
      'Report',
      'Like',
      '',
      'Want to contribute?',
      'Pitch an article to our editors and reach two million readers every month.',
      'Register now',
    ].join('\n');
    expect(parse(text).article.title).toBe('Why tide gauges disagree. Here is what the data from six harbours shows');
    expect(rows(text)).toEqual([
      ['Marta Quist', null, false, 'We see the same offsets on the pilot boats every winter, the gauges drift with silt.'],
      ['Dev Anand', 0, false, 'Is the drift corrected when they are recalibrated in spring?'],
      ['Marta Quist', 1, false, 'Only partly, the silt comes back within weeks.'],
    ]);
  });

  it('reads "N replies from …" over the replies listed right under it as a one-level thread', () => {
    const text = [
      'Ops Team',
      'General',
      'Posts',
      '',
      'Lena Park',
      'Yesterday 3:10 PM',
      'The harbour authority moved the ferry slot consultation to next week, see their page.',
      '👍 2',
      '3 replies from Omar, Rita, and Lena',
      'Omar Haddad',
      'Yesterday 3:20 PM',
      'Do we still need the slides by Friday then?',
      'Rita Moss',
      'Yesterday 3:25 PM',
      'I would keep Friday, the board meets Monday.',
      'Lena Park',
      'Yesterday 3:40 PM',
      'Keeping Friday.',
      'Reply',
      '',
      'Sam Ortiz',
      'Today 9:00 AM',
      'New thread: the rota for December is in Files.',
      'Reply',
    ].join('\n');
    // The layout alone (session 44's within-thread choice off): every listed reply under the thread's post.
    setThreadRepliesForStudy(null);
    try {
      expect(rows(text)).toEqual([
        ['Lena Park', null, false, 'The harbour authority moved the ferry slot consultation to next week, see their page.'],
        ['Omar Haddad', 0, false, 'Do we still need the slides by Friday then?'],
        ['Rita Moss', 0, false, 'I would keep Friday, the board meets Monday.'],
        ['Lena Park', 0, false, 'Keeping Friday.'],
        ['Sam Ortiz', null, false, 'New thread: the rota for December is in Files.'],
      ]);
    } finally {
      setThreadRepliesForStudy(undefined);
    }
    // (Session 44, link44) With the choice on, as the library runs: the thread's own writer answering in it, in the
    // words of the reply above ("I would keep Friday" -> "Keeping Friday."), answers that reply, not her own post.
    expect(rows(text)[3]).toEqual(['Lena Park', 2, false, 'Keeping Friday.']);
  });

  it('takes a line repeated under the same date (a quote opener) for no role line', () => {
    const text = [
      'Museum to return four bronzes',
      '',
      'Reply',
      'ana_r',
      'Mar 3',
      'The bronzes left the country in 1971, the museum bought them in 1985.',
      '',
      'Reply',
      'kb_lund',
      'Mar 3',
      '[quote="ana_r, post:1, topic:88"]',
      'The bronzes left the country in 1971',
      '[/quote]',
      'The export ban dates from 1970, so they left illegally.',
      '',
      'Reply',
      'tsuki',
      'Mar 3',
      '[quote="ana_r, post:1, topic:88"]',
      'the museum bought them in 1985',
      '[/quote]',
      'With a dealer invoice and nothing else.',
      '',
      'Reply',
    ].join('\n');
    expect(rows(text).map((r) => r[3])).toEqual([
      'The bronzes left the country in 1971, the museum bought them in 1985.',
      'The export ban dates from 1970, so they left illegally.',
      'With a dealer invoice and nothing else.',
    ]);
  });

  it('drops a login blurb with a button after the last post', () => {
    const text = [
      'Harbour wall survey finds cracks in two sections',
      'Reader comments',
      '',
      'Ines Lowe',
      'Member',
      'Dec 2, 2026',
      '#1',
      'Two sections out of forty is better than I feared.',
      'Upvote',
      '4 (4 / 0)',
      '',
      'pathwalker',
      'Member',
      'Dec 2, 2026',
      '#2',
      'The report says the other thirty-eight were not inspected underwater.',
      'Upvote',
      '7 (7 / 0)',
      '',
      'You must log in or register to reply here.',
      'Share',
    ].join('\n');
    expect(rows(text).map((r) => r[0])).toEqual(['Ines Lowe', 'pathwalker']);
  });
});
