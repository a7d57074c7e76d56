import { describe, expect, it } from 'vitest';
import { isRemovedPlaceholder } from '../src/ingest/section-cues.js';
import { readFooter, readReactionRow, readReplyLine, readSignature, timeKind } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 14: line shapes of wiki talk pages, chat channels, German and French comment widgets and photo-app
// comments. The dumps below are made up for these tests; the fixtures hold the blind-labelled ones.
const ARTICLE = 'Title: Harbour parking fees rise\n\nParking at the harbour will cost 2.40 an hour from May, up from 1.80, the council said on Monday.\n\n';

describe('session 14 line shapes', () => {
  it('reads relative ages in German, French and Spanish, and a chat day with a clock', () => {
    for (const t of ['vor 3 Stunden', 'vor 58 Min.', 'vor einer Stunde', 'il y a 3 h', 'il y a 45 min', 'hace 2 horas', 'Today at 3:04 PM', 'Yesterday at 21:10']) expect(timeKind(t), t).not.toBeNull();
    for (const t of ['vor Ort', 'il y a', 'hace frío', 'today at noon']) expect(timeKind(t), t).toBeNull();
  });

  it('reads localised footers, reaction rows and a footer that opens with the age', () => {
    expect(readFooter(line('Empfehlen 12'))?.likes).toBe(12);
    expect(readFooter(line("J'aime (7)"))?.likes).toBe(7);
    expect(readFooter(line('3h  41 likes  Reply'))).toEqual({ likes: 41, timestamp: '3h' });
    expect(readFooter(line('3h'))).toBeUndefined();
    expect(readReactionRow('😂 9  👍 2')).toBe(9);
    expect(readReactionRow('❤️ 8')).toBe(8);
    expect(readReactionRow('👎 3  😂 5')).toBe(5);
    expect(readFooter(line('👎 7'))).toEqual({ likes: null });
    expect(readReactionRow('🚢🔥')).toBeUndefined();
    expect(readReactionRow('I counted 9')).toBeUndefined();
  });

  it('reads localised reply lines and a chat preview with the first words answered', () => {
    expect(readReplyLine(line('Antwort auf #2.1 von Hafenkind'))?.name).toBe('Hafenkind');
    expect(readReplyLine(line('En réponse à Marc D.'))?.name).toBe('Marc D.');
    const preview = readReplyLine(line('↳ replying to @Lena Ortiz: Two forty an hour is more than the city centre…'));
    expect(preview?.name).toBe('Lena Ortiz');
    expect(preview?.snippet).toBe('Two forty an hour is more than the city centre…');
    expect(readReplyLine(line('↳ Original message was deleted'))).toBeNull();
  });

  it('reads wiki signatures at the end of a line, and removal notes', () => {
    const sig = readSignature(line('Fine by me. — Ana Petrova (talk · contribs) 14:02, 3 May 2026 (UTC)'));
    expect(sig).toMatchObject({ author: 'Ana Petrova', timestamp: '14:02, 3 May 2026' });
    expect(readSignature(line('— Preceding unsigned comment added by 198.51.100.7 (talk) 09:00, 3 May 2026 (UTC)'))?.author).toBe('198.51.100.7');
    expect(readSignature(line('We talked about it (talk) at noon.'))).toBeNull();
    expect(isRemovedPlaceholder('(Personal attack removed)')).toBe(true);
    expect(isRemovedPlaceholder('Entfernt. Bitte bleiben Sie beim Thema. Danke, die Redaktion/mk')).toBe(true);
    // Every alternative of the localised removal pattern is anchored: a sentence that mentions one is text.
    expect(isRemovedPlaceholder('Ich finde, der Kommentar gelöscht zu haben war falsch')).toBe(false);
  });
});

describe('session 14 layouts', () => {
  it('reads a talk page: posts signed at their end, colons as indentation, an outdented ping', () => {
    const sig = (name: string, t: string) => ` — ${name} (talk) ${t}, 3 May 2026 (UTC)\nReply\n`;
    const text = `${ARTICLE}Fee figure\nReply\nSubscribe\n\nThe 2.40 figure is the peak rate only.${sig('Ana Petrova', '09:00')}:Off-peak stays at 1.80.${sig('Ben Okafor', '09:20')}::(Personal attack removed)\nReply\n::Thanks, I will add that.${sig('Ana Petrova', '09:40')}@Ben Okafor: source?${sig('Cleo Marsh', '10:00')}`;
    expect(rows(text)).toEqual([
      ['Ana Petrova', null, false, 'The 2.40 figure is the peak rate only. — Ana Petrova (talk) 09:00, 3 May 2026 (UTC)'],
      ['Ben Okafor', 0, false, 'Off-peak stays at 1.80. — Ben Okafor (talk) 09:20, 3 May 2026 (UTC)'],
      [null, 1, true, ''],
      ['Ana Petrova', 1, false, 'Thanks, I will add that. — Ana Petrova (talk) 09:40, 3 May 2026 (UTC)'],
      ['Cleo Marsh', 1, false, '@Ben Okafor: source? — Cleo Marsh (talk) 10:00, 3 May 2026 (UTC)'],
    ]);
  });

  it('reads a chat channel: a reply preview over the header picks the post whose words it shows', () => {
    const msg = (name: string, time: string, body: string, reply = '') => `${reply}${name} — Today at ${time}\n${body}\n👍 2\n\n`;
    const text = `${ARTICLE}${msg('Lena Ortiz', '9:01 AM', 'Two forty an hour is more than the city centre charges.')}${msg('Lena Ortiz', '9:03 AM', 'Also the machines take no cards.')}${msg('Omar Said', '9:10 AM', 'The centre is 2.60 since January.', '↳ replying to @Lena Ortiz: Two forty an hour is more than the city centre…\n')}`;
    expect(rows(text)).toEqual([
      ['Lena Ortiz', null, false, 'Two forty an hour is more than the city centre charges.'],
      ['Lena Ortiz', null, false, 'Also the machines take no cards.'],
      ['Omar Said', 0, false, 'The centre is 2.60 since January.'],
    ]);
  });

  it('reads a German widget: numbered headers, "vor N Stunden", "Antwort auf … von X", and a role line under the last name', () => {
    const post = (head: string, time: string, body: string, reply = '') => `${head}\n${time}\n${reply}${body}\nAntworten\nMelden\nEmpfehlen 4\n\n`;
    const text = `${ARTICLE}12 Kommentare\n\n${post('#1  —  Hafenkind', 'vor 2 Stunden', 'Schon wieder teurer.')}${post('#1.1  —  Möwe', 'vor 1 Stunde', 'Im Zentrum kostet es 2,60.', 'Antwort auf #1 von Hafenkind\n')}${post('#2  —  Jana Kurz\nRedaktion', 'vor 30 Minuten', 'Danke für die Hinweise.')}`;
    expect(rows(text)).toEqual([
      ['Hafenkind', null, false, 'Schon wieder teurer.'],
      ['Möwe', 0, false, 'Im Zentrum kostet es 2,60.'],
      ['Jana Kurz', null, false, 'Danke für die Hinweise.'],
    ]);
  });

  it('reads photo-app comments: a name alone over the text, the age in the footer, a reply tag under the name', () => {
    const c = (name: string, body: string, foot: string) => `${name}\n${body}\n${foot}  3 likes  Reply\n\n`;
    const text = `${ARTICLE}${c('lena.ortiz', 'two forty is a lot', '4h')}${c('omar_s', '@lena.ortiz\n2.60\nin the centre', '3h')}${c('cleo.m', 'same as last year then', '2h')}`;
    expect(rows(text)).toEqual([
      ['lena.ortiz', null, false, 'two forty is a lot'],
      ['omar_s', 0, false, '@lena.ortiz'],
      ['cleo.m', null, false, 'same as last year then'],
    ]);
  });
});
