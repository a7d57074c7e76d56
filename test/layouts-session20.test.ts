import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { readFooter, readVoteTally, timeKind } from '../src/ingest/styles/header-cues.js';
import { readAnyCountLine } from '../src/ingest/styles/section-shape.js';
import { openReplyToggle } from '../src/ingest/styles/walk-section.js';
import { line, rows } from './lib/parse-rows.js';

// Session 20, round ten: shapes read without knowing the page's language (recurring button lines, a reply toggle with
// a figure, a count line, "Re:" subjects over a header, numbered posts with titles, a forum header with profile fields,
// a quote under an attribution that ends with a poster's name). The dumps below are made up for these tests, in
// languages and interface words no fixture has; the fixtures (widget-62..65, forum-12) hold the blind-labelled ones.
const ARTICLE = 'Title: Harbour parking fees rise\n\nParking at the harbour will cost 2.40 an hour from May, up from 1.80, the council said on Monday.\n\n';

describe('session 20 round ten line shapes', () => {
  it('reads the cues: spaced and bracketed dates, a compact age before its word, dotted footers with counted labels, tallies with a minus sign', () => {
    expect(timeKind('5. 3. 2026 14:20')).toBe('absolute');
    expect(timeKind('(05.03.26)')).toBe('absolute');
    expect(timeKind('3h sitten')).toBe('relative');
    expect(timeKind('(edited)')).toBeNull();
    expect(readFooter(line('Tykkää 7  ·  Vastaa  ·  3h sitten'))).toEqual({ likes: 7, timestamp: '3h sitten' });
    expect(readFooter(line('Tykkää 7 · Vastaa'))).toBeUndefined();
    expect(readVoteTally('+9 / −2')).toBe(9);
    expect(readVoteTally('+4 / 0')).toBe(4);
    expect(readAnyCountLine('7 kommenttia')).toBe(7);
    expect(readAnyCountLine('Hozzászólások (7)')).toBe(7);
    expect(readAnyCountLine('Sida 1 av 3')).toBeNull();
    expect(openReplyToggle('Piilota 2 vastausta')).toBe(2);
    expect(openReplyToggle('2 vastausta')).toBeNull();
    expect(openReplyToggle('Maksaa 2.40 euroa.')).toBeNull();
  });

  it('reads avatar initials, buttons that recur under every post and an open reply toggle in a language no list knows', () => {
    const text = [
      ARTICLE,
      'Kommentit',
      '6 kommenttia',
      '',
      'M',
      'Mikko Laine',
      '2 tuntia sitten',
      'Kaksi euroa neljäkymmentä tunnilta on liikaa satamassa.',
      'Vastaa',
      'Tykkää 12',
      'Piilota 2 vastausta',
      'S',
      'Sanna K',
      '1 tunti sitten',
      'Bussilla pääsee satamaan kolmella eurolla.',
      'Vastaa',
      'Tykkää 3',
      'J',
      'Juha Virtanen',
      '50 minuuttia sitten',
      'Ei iltaisin, viimeinen bussi lähtee yhdeksältä.',
      'Vastaa',
      'Tykkää 1',
      '',
      'A',
      'Anni',
      '40 minuuttia sitten',
      'Hyvä, vähemmän autoja rannassa.',
      'Vastaa',
      'Tykkää 5',
      '',
      'P',
      'Pekka',
      '30 minuuttia sitten',
      'Kiitos',
      'Vastaa',
      'Tykkää 0',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Mikko Laine', null, false, 'Kaksi euroa neljäkymmentä tunnilta on liikaa satamassa.'],
      ['Sanna K', 0, false, 'Bussilla pääsee satamaan kolmella eurolla.'],
      ['Juha Virtanen', 0, false, 'Ei iltaisin, viimeinen bussi lähtee yhdeksältä.'],
      ['Anni', null, false, 'Hyvä, vähemmän autoja rannassa.'],
      ['Pekka', null, false, 'Kiitos'],
    ]);
    // The buttons are the posts' footers, not their text.
    expect(parse(text).thread.posts.every((p) => !/Vastaa|Tykkää/.test(p.text))).toBe(true);
  });

  it('reads "Re:" subjects over a name and a time: a reply answers the latest post with the subject it repeats', () => {
    const text = [
      ARTICLE,
      'Hozzászólások (5)',
      '',
      'Drága',
      'Kovács Anna',
      '5. 3. 2026 9:02',
      'Két negyven egy órára túl sok.',
      '',
      'Buszok',
      'Tóth Béla',
      '5. 3. 2026 9:10',
      'Este nincs busz a kikötőbe.',
      '',
      'Re: Drága',
      'Nagy Péter',
      '5. 3. 2026 9:20',
      'Londonban ennek a háromszorosa.',
      '',
      'Re: Buszok',
      'Kovács Anna',
      '5. 3. 2026 9:31',
      'Szombaton sincs.',
      '',
      'Re: Re: Drága',
      'Kovács Anna',
      '5. 3. 2026 9:40',
      'Ez nem London.',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Kovács Anna', null, false, 'Két negyven egy órára túl sok.'],
      ['Tóth Béla', null, false, 'Este nincs busz a kikötőbe.'],
      ['Nagy Péter', 0, false, 'Londonban ennek a háromszorosa.'],
      ['Kovács Anna', 1, false, 'Szombaton sincs.'],
      ['Kovács Anna', 2, false, 'Ez nem London.'],
    ]);
  });

  it('reads numbered posts whose title stands over the header, a numbered post with no header, and a citation of a number', () => {
    const text = [
      ARTICLE,
      '5 σχόλια',
      '',
      '1.',
      'Πολύ ακριβό',
      'Νίκος, Πειραιάς',
      '(05.03.26)',
      'Δύο σαράντα την ώρα για το λιμάνι είναι πολλά.',
      '2.',
      'Σωστά',
      'Ελένη',
      '(05.03.26)',
      '3.',
      'Το σχόλιο αφαιρέθηκε',
      '4.',
      'Στο 1, δεν είναι',
      'Γιώργος',
      '(05.03.26)',
      'Στην Αθήνα κοστίζει τρία ευρώ.',
      '5.',
      'Λεωφορεία',
      'Μαρία, Πάτρα',
      '(05.03.26)',
      'Χρειάζονται περισσότερα λεωφορεία το βράδυ.',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Νίκος', null, false, 'Πολύ ακριβό'],
      ['Ελένη', null, false, 'Σωστά'],
      // (a removal note in any language is a removed post since session 21: it was read as text before)
      [null, null, true, ''],
      ['Γιώργος', 0, false, 'Στο 1, δεν είναι'],
      ['Μαρία', null, false, 'Λεωφορεία'],
    ]);
  });

  it('reads a forum thread of time, number and name over profile fields; post 1 is the article; a quote under its attribution', () => {
    const text = [
      'Havneparkering ved kajen bliver dyrere fra maj',
      '',
      '2026-03-05, 08:10',
      '#1',
      'havnefogeden',
      'Medlem',
      'Tilmeldt: Jan 2012',
      'Indlæg: 1 204',
      'Parkering ved havnen koster 2,40 i timen fra maj, mod 1,80 i dag, siger kommunen.',
      'Hvad synes I?',
      '',
      '2026-03-05, 08:30',
      '#2',
      'cyklisten',
      'Medlem',
      'Tilmeldt: Maj 2019',
      'Indlæg: 88',
      'Godt. Der er alt for mange biler ved kajen om sommeren.',
      '',
      '2026-03-05, 08:45',
      '#3',
      'Slettet af en moderator.',
      '',
      '2026-03-05, 09:02',
      '#4',
      'bilisten_77',
      'Tilmeldt: Feb 2010',
      'Indlæg: 3 310',
      'Citat:',
      'Oprindeligt skrevet af cyklisten',
      'Der er alt for mange biler ved kajen om sommeren.',
      'Og hvor skal folk fra landet så parkere?',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.title).toBe('Havneparkering ved kajen bliver dyrere fra maj');
    expect(rows(text)).toEqual([
      ['cyklisten', null, false, 'Godt. Der er alt for mange biler ved kajen om sommeren.'],
      // (a removal note in any language is a removed post since session 21)
      [null, null, true, ''],
      ['bilisten_77', 0, false, 'Og hvor skal folk fra landet så parkere?'],
    ]);
  });

  it('reads "(… @name)" at the end of a post as the earlier poster it answers (round nine\'s known miss)', () => {
    const text = [
      ARTICLE,
      '3 comments',
      '',
      'Anna Berg • 3 hours ago',
      'The pay machines at the pier never work anyway.',
      '',
      'Tom Hale • 2 hours ago',
      'They fixed the one by the ferry last week.',
      '',
      'Ola Dahl • 1 hour ago',
      'Mine ate two coins this morning. (cc @Anna Berg)',
    ].join('\n');
    expect(rows(text).map((r) => r.slice(0, 2))).toEqual([
      ['Anna Berg', null],
      ['Tom Hale', null],
      ['Ola Dahl', 0],
    ]);
  });

  it('never takes a breadcrumb, a menu item or a date line for the headline', () => {
    const text = [
      'Forside',
      'Nyheder',
      'Lokalt og regionalt',
      'Sport',
      'Forside › Nyheder › Lokalt',
      'Torsdag, 5/3/2026, 07:30',
      'Havneparkering bliver dyrere fra maj',
      'Parkering ved havnen koster 2,40 i timen fra maj, mod 1,80 i dag, siger kommunen i en pressemeddelelse mandag. Pengene skal gå til nye cykelstativer ved færgen.',
    ].join('\n');
    expect(parse(text).article.title).toBe('Havneparkering bliver dyrere fra maj');
  });
});
