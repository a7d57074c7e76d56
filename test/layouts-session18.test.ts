import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { isRemovedPlaceholder } from '../src/ingest/section-cues.js';
import { readLetterSignature, readNameLine, readReplyLine, readWidgetHeader } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 18, round eight: line shapes of a team chat pasted from the browser, a chat replay, a magazine's numbered
// forum and a review site's comments. The dumps below are made up for these tests; the fixtures (widget-52..56) hold
// the blind-labelled ones.
const ARTICLE = 'Title: Harbour parking fees rise\n\nParking at the harbour will cost 2.40 an hour from May, up from 1.80, the council said on Monday.\n\n';

describe('session 18 round eight line shapes', () => {
  it('reads a team chat: "Name  9:02 AM" headers, a message under its clock alone, an unnamed thread preview, a hidden thread', () => {
    const text = [
      '# harbour',
      '',
      'Monday, May 4th',
      '',
      'Ann Lee  9:02 AM',
      'Parking goes up to 2.40 an hour in May, says the council letter.',
      '2 replies',
      'Last reply 3 days ago',
      '',
      'Tom Reyes  9:10 AM',
      'replied to a thread: Parking goes up to 2.40 an hour in May, says…',
      'Is that for residents too?',
      'Also sent to the channel',
      '',
      'Mo Khan  9:12 AM',
      'The permit price is in the same letter.',
      '9:14',
      'Separately: the pay machine on Quay Street is broken again.',
      '',
      'Harbour Bot',
      'APP  9:20 AM',
      'Reminder: the consultation closes on Friday.',
      '',
      'Sue Park  9:31 AM',
      '@Mo Khan the machine was fixed this morning.',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Ann Lee', null, false, 'Parking goes up to 2.40 an hour in May, says the council letter.'],
      ['Tom Reyes', 0, false, 'Is that for residents too?'],
      ['Mo Khan', null, false, 'The permit price is in the same letter.'],
      ['Mo Khan', null, false, 'Separately: the pay machine on Quay Street is broken again.'],
      ['Harbour Bot', null, false, 'Reminder: the consultation closes on Friday.'],
      ['Sue Park', 3, false, '@Mo Khan the machine was fixed this morning.'],
    ]);
    // A clock alone is a header's time only after a column gap.
    expect(readWidgetHeader(line('Ann Lee  9:02 AM'))?.author).toBe('Ann Lee');
    expect(readWidgetHeader(line('Ann Lee 9:02 AM'))).toBeNull();
    expect(readReplyLine(line('replied to a thread: Parking goes up…'))).toEqual({ name: '', span: [0, 19], snippet: 'Parking goes up…' });
  });

  it('reads a chat replay: the offset since the start as the stamp, the "Replying to @x: …" preview line above a reply', () => {
    const text = [
      'Harbour council live – parking fees',
      'Chat Replay',
      '0:01:10 ann_lee: hello all',
      '0:02:05 tom_r: are residents exempt?',
      '0:02:40 mo_khan: 👋',
      '0:03:12 Replying to @tom_r: are residents exempt?',
      '0:03:12 ann_lee: no, they pay the permit price',
      '0:03:30 sue_p subscribed with Prime.',
      '0:04:00 sue_p: <message deleted>',
      '0:05:00 tom_r: 2',
    ].join('\n');
    expect(parse(text).article.title).toBe('Harbour council live – parking fees');
    expect(rows(text)).toEqual([
      ['ann_lee', null, false, 'hello all'],
      ['tom_r', null, false, 'are residents exempt?'],
      ['mo_khan', null, false, '👋'],
      ['ann_lee', 1, false, 'no, they pay the permit price'],
      ['sue_p', null, true, ''],
      ['tom_r', null, false, '2'],
    ]);
  });

  it('reads a numbered forum: "#4" over the name, a role line, two placeholder lines, "Zitat von X" without a blank line', () => {
    const foot = 'Empfehlen 3\nAntworten\nMelden\n\n';
    const text = `${ARTICLE}Diskussion (40 Beiträge)\nSortieren nach\nNeueste\n\n#1\nHafenkind\nHeute, 09:02 Uhr\nZu teuer für alle, die am Hafen arbeiten und keinen Platz im Parkhaus finden.\n${foot}#2\nBeitrag entfernt\nDieser Beitrag wurde von der Redaktion entfernt.\n\n#3\nAnna Weber\nRedaktion\nHeute, 09:30 Uhr\n@Hafenkind Für Beschäftigte gibt es eine Monatskarte.\n${foot}#4\nKai P.\nHeute, 09:41 Uhr\nZitat von Hafenkind\nZu teuer für alle, die am Hafen arbeiten und keinen Platz im Parkhaus finden.\nDas Parkhaus hat nachts leere Plätze.\n${foot}`;
    expect(rows(text)).toEqual([
      ['Hafenkind', null, false, 'Zu teuer für alle, die am Hafen arbeiten und keinen Platz im Parkhaus finden.'],
      [null, null, true, ''],
      ['Anna Weber', 0, false, '@Hafenkind Für Beschäftigte gibt es eine Monatskarte.'],
      ['Kai P.', 0, false, 'Das Parkhaus hat nachts leere Plätze.'],
    ]);
    expect(isRemovedPlaceholder('Beitrag entfernt')).toBe(true);
  });

  it('reads a review site\'s comments: "message N: by X", "[deleted user]", an inline "X wrote: \\"…\\"" quote by first name', () => {
    const foot = 'reply | flag *\n\n';
    const text = `${ARTICLE}Comments Showing 1-4 of 4\n\nmessage 1: by Ann Lee\nMay 04, 2026 09:12AM\nThe night rate is the real problem for shift workers.\n${foot}message 2: by [deleted user]\nMay 04, 2026 10:00AM\nThis message has been deleted.\n\nmessage 3: by Tom Reyes\nMay 04, 2026 10:40AM\nAnn wrote: "The night rate is the real problem"\n\nThey could make nights free after ten.\n${foot}`;
    expect(rows(text)).toEqual([
      ['Ann Lee', null, false, 'The night rate is the real problem for shift workers.'],
      [null, null, true, ''],
      ['Tom Reyes', 0, false, 'They could make nights free after ten.'],
    ]);
    // A possessive phrase is not a name; a capitalised "Bot" ends a display name.
    expect(readNameLine(line("Ann Lee's review"))).toBeNull();
    expect(readNameLine(line('Harbour Bot'))?.author).toBe('Harbour Bot');
    expect(readNameLine(line('Réponse à Paulo'))).toBeNull();
  });

  it('reads printed letters above the comments: each signed "Name, Town" at its end, a civility naming a writer', () => {
    const foot = 'Répondre\nSignaler\n3\n\n';
    const text = `${ARTICLE}Trop cher pour les riverains
Le stationnement à 2,40 l'heure ruine ceux qui travaillent au port.
Luc Martin, Port-Vendres

Une mesure juste
M. Martin oublie que les riverains ont un abonnement. Les touristes doivent payer.
Inès Roche, Collioure

Réactions (3)
Trier par : Plus récents

Paul_66
Il y a 2 heures
Mme Roche a raison, l'abonnement coûte 15 euros par mois.
${foot}Zoé
Il y a 1 heure
« ruine ceux qui travaillent au port » : c'est exagéré.
${foot}`;
    expect(rows(text)).toEqual([
      ['Luc Martin', null, false, 'Trop cher pour les riverains'],
      ['Inès Roche', 0, false, 'Une mesure juste'],
      ['Paul_66', 1, false, "Mme Roche a raison, l'abonnement coûte 15 euros par mois."],
      ['Zoé', 0, false, "« ruine ceux qui travaillent au port » : c'est exagéré."],
    ]);
    // A signature needs capitalised name and place words: "Nadia, abonnée depuis 1998" is a comment's own line.
    expect(readLetterSignature(line('Luc Martin, Port-Vendres'))?.author).toBe('Luc Martin');
    expect(readLetterSignature(line('Nadia, abonnée depuis 1998'))).toBeNull();
  });
});
