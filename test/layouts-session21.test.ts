import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { isRemovalNote } from '../src/ingest/section-cues.js';
import { readReplyLine, timeKind } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 21, round eleven: shapes read without knowing the page (removal notes by closed multilingual word classes,
// mail headers and attributions in other languages, a newsletter as the article, a text-mode browser's link marks and
// indentation, numbered label lines with the poster signed under the text, a post's number under its time, compact
// ages of phone apps, reply lines with their preposition). The dumps below are made up for these tests, in languages
// and interface words no fixture has; the fixtures (widget-66..69, mail-03) hold the blind-labelled ones.
const ARTICLE = 'Title: Harbour parking fees rise\n\nParking at the harbour will cost 2.40 an hour from May, up from 1.80, the council said on Monday.\n\n';

describe('session 21 round eleven line shapes', () => {
  it('reads a removal note in languages no phrase list holds, and not a sentence about a removal', () => {
    for (const note of [
      'Kommentti on poistettu ylläpidon toimesta.',
      'Komentarz został ukryty przez moderatora.',
      'Коментар видалено модератором.',
      'Το μήνυμα διαγράφηκε.',
      'Kommentaren er slettet.',
      'Mesajul a fost șters.',
      'Bình luận đã bị xóa.',
      'ความคิดเห็นนี้ถูกลบ',
    ]) expect(isRemovalNote(note), note).toBe(true);
    for (const text of [
      'Was my comment deleted?',
      'The bus stop was removed last year.',
      'Die Haltestelle wurde entfernt.',
      'I think the mods were right to leave it up, and the comment about fares that someone deleted yesterday was fine.',
    ]) expect(isRemovalNote(text), text).toBe(false);
  });

  it('keeps a removal note where no header stands over it as a removed post, and a post saying so under its header as text', () => {
    const text = [
      ARTICLE,
      '4 kommenttia',
      '',
      'Mikko Laine',
      '2 tuntia sitten',
      'Kallista, mutta bussi on vielä kalliimpi.',
      '',
      'Kommentti on poistettu ylläpidon toimesta.',
      '',
      'Sari K.',
      '1 tunti sitten',
      'Minun kommenttini poistettiin eilen ylläpidon toimesta.',
      '',
      'Jari',
      '30 minuuttia sitten',
      'Hyvä päätös.',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Mikko Laine', null, false, 'Kallista, mutta bussi on vielä kalliimpi.'],
      [null, null, true, ''],
      ['Sari K.', null, false, 'Minun kommenttini poistettiin eilen ylläpidon toimesta.'],
      ['Jari', null, false, 'Hyvä päätös.'],
    ]);
  });

  it('reads a digest with German headers, an attribution wrapped over two lines and a newsletter that is the article', () => {
    const text = [
      'Themen des Tages:',
      '',
      '   1. [Rundbrief] Parkgebühren am Hafen steigen (Rundbrief)',
      '   2. Re: [Rundbrief] Parkgebühren am Hafen steigen (Jan Berg)',
      '',
      '----------------------------------------------------------------------',
      '',
      'Nachricht: 1',
      'Datum: Do, 5 Mär 2026 07:30:00 +0100',
      'Von: Rundbrief <rundbrief@hafen.example.de>',
      'Betreff: [Rundbrief] Parkgebühren am Hafen steigen',
      '',
      'Parkgebühren am Hafen steigen',
      '',
      'Parken am Hafen kostet ab Mai 2,40 Euro pro Stunde statt 1,80 Euro, teilte die Stadt am Montag mit.',
      '',
      '------------------------------',
      '',
      'Nachricht: 2',
      'Datum: Do, 5 Mär 2026 08:10:00 +0100',
      'Von: Jan Berg <jan.berg@example.de>',
      'Betreff: Re: [Rundbrief] Parkgebühren am Hafen steigen',
      '',
      'Das trifft vor allem die Pendler aus dem Umland.',
      '',
      '------------------------------',
      '',
      'Nachricht: 3',
      'Datum: Do, 5 Mär 2026 08:40:00 +0100',
      'Von: Ute Krämer <ute@example.de>',
      'Betreff: Re: [Rundbrief] Parkgebühren am Hafen steigen',
      '',
      'Die Pendler können den Bus nehmen, der hält direkt am Hafen.',
      '',
      'Am Do., 5. März 2026 um 08:10 Uhr schrieb Jan Berg',
      '<jan.berg@example.de>:',
      '> Das trifft vor allem die Pendler aus dem Umland.',
      '',
      '------------------------------',
    ].join('\n');
    const doc = parse(text);
    expect(doc.source.style).toBe('mail');
    expect(doc.article.title).toBe('Parkgebühren am Hafen steigen');
    expect(rows(text)).toEqual([
      ['Jan Berg', null, false, 'Das trifft vor allem die Pendler aus dem Umland.'],
      ['Ute Krämer', 0, false, 'Die Pendler können den Bus nehmen, der hält direkt am Hafen.'],
    ]);
  });

  it("reads a text-mode browser's dump: link numbers are not part of names, replies are nested by indentation, a row of links is no headline", () => {
    const text = [
      '   [1]Home [2]City [3]Sport [4]Log in',
      '',
      'Harbour parking fees rise',
      '',
      '   Parking at the harbour will cost 2.40 an hour from May, up from 1.80,',
      '   the council said on Monday.',
      '',
      'Comments (3)',
      '',
      '   [5]Maren Lind · 3 hours ago',
      '   The buses to the harbour stop at eight in the evening.',
      '   [6]Reply [7]Flag',
      '',
      '      [8]Ola Dahl · 2 hours ago',
      '      Then the council should run them later.',
      '      [9]Reply [10]Flag',
      '',
      '   [11]Per Holm · 1 hour ago',
      '   Fine by me.',
      '   [12]Reply [13]Flag',
      '',
      'References',
      '',
      '   1. https://news.example.org/',
      '   5. https://news.example.org/user/maren',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.title).toBe('Harbour parking fees rise');
    // "[1]Home" opens the dump: a link mark, not a broken JSON array.
    expect(doc.messages.map((m) => m.ruleId)).not.toContain('input/invalid-json');
    expect(rows(text)).toEqual([
      ['Maren Lind', null, false, 'The buses to the harbour stop at eight in the evening.'],
      ['Ola Dahl', 0, false, 'Then the council should run them later.'],
      ['Per Holm', null, false, 'Fine by me.'],
    ]);
  });

  it('reads numbered label lines with the poster signed under the text and buttons; "N-M" answers N; a number over a removal note', () => {
    const text = [
      ARTICLE,
      '',
      'Kommentti 1',
      'Liian kallista pendelöijille.',
      '12',
      'Tykkää',
      'Vastaa',
      'Liisa',
      '5 maaliskuuta 2026 klo 08:05',
      '',
      'Kommentti 1-1',
      'Bussi on halvempi vaihtoehto.',
      '3',
      'Tykkää',
      'Vastaa',
      'Pekka_77',
      '5 maaliskuuta 2026 klo 08:20',
      '',
      'Kommentti 2',
      'Kommentti on poistettu.',
      '',
      'Kommentti 3',
      'Hyvä päätös.',
      '1',
      'Tykkää',
      'Vastaa',
      'Aino',
      '5 maaliskuuta 2026 klo 09:00',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Liisa', null, false, 'Liian kallista pendelöijille.'],
      ['Pekka_77', 0, false, 'Bussi on halvempi vaihtoehto.'],
      [null, null, true, ''],
      ['Aino', null, false, 'Hyvä päätös.'],
    ]);
  });

  it("reads a phone app's compact ages and a reply line with its preposition, and a post's number under its time cited by an antecedent line", () => {
    expect(timeKind('3 t')).toBe('relative');
    expect(timeKind('2 ó')).toBe('relative');
    expect(timeKind('3 tables')).toBeNull();
    expect(readReplyLine(line('Svar til Kari Nordmann'))?.name).toBe('Kari Nordmann');
    expect(readReplyLine(line('Előzmény: halász_jóska (2)'))?.name).toBe('halász_jóska');
    // A bare reply button is no reply line.
    expect(readReplyLine(line('Svar'))).toBeNull();
    const text = [
      ARTICLE,
      '3 hozzászólás',
      '',
      'halász_jóska',
      '2026.03.05 08:02:11',
      '(1)',
      'Drága lesz a parkolás.',
      'Válasz | Link | Jelentés',
      'kikötői_béla',
      '2026.03.05 08:10:40',
      '(2)',
      'Jó, legalább kevesebb lesz az autó.',
      'Válasz | Link | Jelentés',
      'Ági',
      '2026.03.05 08:30:02',
      '(3)',
      'Előzmény: halász_jóska (1)',
      'Busszal is ki lehet jönni.',
      'Válasz | Link | Jelentés',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['halász_jóska', null, false, 'Drága lesz a parkolás.'],
      ['kikötői_béla', null, false, 'Jó, legalább kevesebb lesz az autó.'],
      ['Ági', 0, false, 'Busszal is ki lehet jönni.'],
    ]);
  });

  it("takes the name of a forum thread's post 1 (its opening post, the article) for the byline: the opener's later posts are the OP's", () => {
    const text = [
      'Hamnparkeringen blir dyrare i maj',
      '',
      '2026-03-05, 08:10',
      '#1',
      'hamnkaptenen',
      'Medlem',
      'Reg: Jan 2012',
      'Inlägg: 1 204',
      'Parkeringen vid hamnen kostar 24 kronor i timmen från maj, mot 18 i dag, säger kommunen.',
      '',
      '2026-03-05, 08:30',
      '#2',
      'cyklisten',
      'Medlem',
      'Reg: Maj 2019',
      'Inlägg: 88',
      'Bra. Det står alldeles för många bilar vid kajen på sommaren.',
      '',
      '2026-03-05, 08:45',
      '#3',
      'hamnkaptenen',
      'Medlem',
      'Reg: Jan 2012',
      'Inlägg: 1 205',
      'Bussen dit går bara varannan timme, så det är inte så enkelt.',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.byline).toBe('hamnkaptenen');
    expect(doc.thread.posts.map((p) => [p.author, p.isOP])).toEqual([
      ['cyklisten', false],
      ['hamnkaptenen', true],
    ]);
  });
});
