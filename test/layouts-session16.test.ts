import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { isRemovedPlaceholder, isSectionChrome, readCountLine } from '../src/ingest/section-cues.js';
import { readBoardHeader, readFooter, readReplyLine, timeKind } from '../src/ingest/styles/header-cues.js';
import { parseCalendarDate } from '../src/text/dates.js';
import { line, rows } from './lib/parse-rows.js';

// Session 16: line shapes of a Spanish and a Polish news widget, a Korean portal's comment module, an imageboard and a
// question-and-answer page, and session 15's leftovers. The dumps below are made up for these tests; the fixtures hold
// the blind-labelled ones.
const ARTICLE = 'Title: Harbour parking fees rise\n\nParking at the harbour will cost 2.40 an hour from May, up from 1.80, the council said on Monday.\n\n';
const fixture = (name: string) => parse(readFileSync(join(__dirname, '..', 'fixtures', name, 'input.txt'), 'utf8'));

describe('session 16 line shapes', () => {
  it('never counts a dislike button as the likes, in any language: a negation before a like word', () => {
    expect(readFooter(line('Non mi piace 4'))?.likes).toBeNull();
    expect(readFooter(line('No me gusta 6'))?.likes).toBeNull();
    expect(readFooter(line('Me gusta 24'))?.likes).toBe(24);
    expect(readFooter(line('Rispondi  Segnala  Mi piace 31  Non mi piace 4'))?.likes).toBe(31);
    expect(readFooter(line('Rispondi  Non mi piace 4  Mi piace 31'))?.likes).toBe(31);
    expect(readFooter(line('Not helpful 2'))?.likes).toBeNull();
    // A count glued to its button word: likes, dislikes, replies.
    expect(readFooter(line('공감312'))?.likes).toBe(312);
    expect(readFooter(line('비공감41'))?.likes).toBeNull();
    expect(readFooter(line('답글3'))?.likes).toBeNull();
  });

  it('reads dates written year first, a day with a month word and a year, an imageboard date, and ages by their shape', () => {
    for (const t of ['2026.12.04. 09:48', '2026/12/04 10:12', '04 dic 2026 - 10:02', '4 grudnia 2026, 08:45', '12/04/26(Fri)09:15:02']) expect(timeKind(t), t).toBe('absolute');
    for (const t of ['2 godz. temu', '58 min. temu']) expect(timeKind(t), t).toBe('relative');
    for (const t of ['2 apples and pears', 'zł. temu', '7 zł. Radni zdecydowali']) expect(timeKind(t), t).toBeNull();
    expect(parseCalendarDate('04.12.2026, 08:45')).toBe('2026-12-04');
    expect(parseCalendarDate('4 dicembre 2026 (modifica il 4 dicembre 2026 | 11:05)')).toBe('2026-12-04');
    expect(parseCalendarDate('Aktualisiert am 4. Dezember 2026, 12:15 Uhr')).toBe('2026-12-04');
    expect(parseCalendarDate('Sevilla - 04 dic 2026 - 09:30 CET')).toBe('2026-12-04');
    expect(parseCalendarDate('Build 12.34.2026')).toBe(null);
    expect(parseCalendarDate('v3.04.12.2026')).toBe(null);
  });

  it('reads Spanish, Polish and Korean interface lines', () => {
    for (const t of ['Ocultar 2 respuestas', 'Ukryj odpowiedzi (2)', 'Dodaj komentarz', 'Sortuj: Najnowsze  Najstarsze', '답글 접기', '댓글 더보기', '순공감순  최신순  공감비율순']) expect(isSectionChrome(t), t).toBe(true);
    expect(readCountLine('Komentarze (56)')).toBe(56);
    expect(readCountLine('댓글128')).toBe(128);
    expect(isRemovedPlaceholder('Komentarz został usunięty przez moderatora z powodu naruszenia regulaminu.')).toBe(true);
    expect(isRemovedPlaceholder('작성자에 의해 삭제된 댓글입니다.')).toBe(true);
    expect(isRemovedPlaceholder('Este comentario ha sido eliminado por incumplir las normas de participación.')).toBe(true);
    expect(readReplyLine(line('Odpowiedź dla Marek Zieliński'))?.name).toBe('Marek Zieliński');
  });

  it('reads an imageboard header, the opening post with its subject', () => {
    expect(readBoardHeader(line('TramFan !!kq7Vx3Lp 12/04/26(Fri)09:21:11 No.4821356 >>4821371'))).toMatchObject({ author: 'TramFan', number: '4821356', subject: null });
    expect(readBoardHeader(line('Trams to Granton Anonymous 12/04/26(Fri)09:12:33 No.4821345 [Reply]'))?.subject?.text).toBe('Trams to Granton');
    expect(readBoardHeader(line('Anonymous 12/04/26(Fri)09:12:33 No.4821345 and then some words'))).toBeNull();
  });
});

describe('session 16 layouts', () => {
  it('reads a fold toggle under open replies: the post whose reply count equals the posts above the toggle is their parent', () => {
    const c = (name: string, body: string, foot: string) => `${name}\n2026.12.04. 10:0${body.length % 10}\n${body}\n${foot}\n\n`;
    const text = `${ARTICLE}댓글 9\n\n${c('lena****', 'Too expensive.', '답글2\n공감5\n비공감1')}${c('omar****', 'It is 2.60 in the centre.', '공감3\n비공감0')}${c('cleo****', 'Agreed.', '공감1\n비공감0')}답글 접기\n\n${c('benn****', 'Nobody asked the residents.', '답글0\n공감2\n비공감0')}`;
    expect(rows(text)).toEqual([
      ['lena****', null, false, 'Too expensive.'],
      ['omar****', 0, false, 'It is 2.60 in the centre.'],
      ['cleo****', 0, false, 'Agreed.'],
      ['benn****', null, false, 'Nobody asked the residents.'],
    ]);
  });

  it('reads an imageboard thread: the opening post is the article, >>N answers post N', () => {
    const text = `Trams to Granton by 2031 Anonymous 12/04/26(Fri)09:12:33 No.100 [Reply]\nThe council voted to build the line to Granton by 2031, at a cost of 535 million pounds.\n\nAnonymous 12/04/26(Fri)09:15:02 No.101 >>103\n>>100 (OP)\nit will be a billion\n\nBob !!abcd1234 12/04/26(Fri)09:16:02 No.102\nfine by me\n\nAnonymous 12/04/26(Fri)09:17:02 No.103\n>>101\nit was on budget last time\n`;
    const doc = parse(text);
    expect(doc.article.title).toBe('Trams to Granton by 2031');
    expect(rows(text)).toEqual([
      // (Session 39: the ">>N" line is the reply cue, kept out of the post's text.)
      ['Anonymous', null, false, 'it will be a billion'],
      ['Bob', null, false, 'fine by me'],
      ['Anonymous', 0, false, 'it was on budget last time'],
    ]);
  });

  it('reads a question-and-answer page: authors after the answers, comments signed at their end', () => {
    const text = `How do I renew a harbour parking permit?\n\nMine runs out in May and the council site only lists new permits.\n\nparking permits\nShare\nFollow\nasked Dec 2 at 19:40\nAnn Lee\n120 ●3\nDid you try the phone line? – Tom Hughes Dec 2 at 20:01\n@TomHughes nobody answers it. – Ann Lee Dec 2 at 20:15\nAdd a comment\n1 Answer\n4\n\nRenewals are done at the harbour office, with last year's permit and a bill.\nShare\nFollow\nanswered Dec 3 at 09:00\nrail_and_sail\n15.3k ●4 ●41\nThanks, that worked. – Ann Lee Dec 4 at 09:20\nAdd a comment\n`;
    expect(rows(text)).toEqual([
      ['Tom Hughes', null, false, 'Did you try the phone line? – Tom Hughes Dec 2 at 20:01'],
      ['Ann Lee', 0, false, '@TomHughes nobody answers it. – Ann Lee Dec 2 at 20:15'],
      ['rail_and_sail', null, false, "Renewals are done at the harbour office, with last year's permit and a bill."],
      ['Ann Lee', 2, false, 'Thanks, that worked. – Ann Lee Dec 4 at 09:20'],
    ]);
  });

  it("reads session 15's leftovers: the BBC-like byline, Italian and Polish dates, no Dutch share line in the article", () => {
    expect(fixture('widget-35-pier-repairs-bbc').article.byline).toBe('Gareth Pryce');
    expect(fixture('widget-37-funivia-corriere-it').article.date).toBe('2026-12-04');
    expect(fixture('widget-32-hallenbad-zeit-de').article.date).toBe('2026-12-04');
    expect(fixture('widget-42-tram-fares-polish-portal').article).toMatchObject({ date: '2026-12-04', byline: 'Tomasz Wrona', title: 'Bilet jednorazowy w Krakowie zdrożeje do 7 zł. Radni zdecydowali' });
    expect(fixture('widget-39-parking-permits-nujij-nl').article.text).not.toContain('Deel dit artikel');
    expect(fixture('widget-41-night-subway-naver-ko').article.title).toBe('Seoul to cut late-night subway service on three lines from March');
    // The asker signs the question after its text: the byline, and her comments are the OP's.
    const qa = fixture('forum-09-ferry-rebooking-stackexchange');
    expect(qa.article.byline).toBe('Maeve K');
    expect(qa.thread.posts.filter((p) => p.isOP).map((p) => p.author)).toEqual(['Maeve K', 'Maeve K', 'Maeve K']);
  });
});
