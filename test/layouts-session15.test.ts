import { describe, expect, it } from 'vitest';
import { readCountLine, isRemovedPlaceholder, isSectionChrome } from '../src/ingest/section-cues.js';
import { readFooter, readRepliedToHeader, readReplyLine, timeKind } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 15: line shapes of BBC-like, Yahoo-like, Italian and Dutch news comment widgets and of a chat app that
// prints the time at the end of a message (Telegram). The dumps below are made up for these tests; the fixtures
// hold the blind-labelled ones.
const ARTICLE = 'Title: Harbour parking fees rise\n\nParking at the harbour will cost 2.40 an hour from May, up from 1.80, the council said on Monday.\n\n';

describe('session 15 line shapes', () => {
  it('reads Italian and Dutch ages, which put the age word after the figure', () => {
    for (const t of ['2 ore fa', '45 minuti fa', '1 ora fa', '3 giorni fa', '5 uur geleden', '10 min. geleden', '2 dagen geleden']) expect(timeKind(t), t).toBe('relative');
    for (const t of ['fa', 'geleden', 'tre ore fa e più', 'uur geleden']) expect(timeKind(t), t).toBeNull();
  });

  it('reads Italian and Dutch footers, a two-word button among them', () => {
    expect(readFooter(line('Rispondi  Segnala  Mi piace 31'))?.likes).toBe(31);
    expect(readFooter(line('Reageren  Respect 88  Melden'))?.likes).toBe(88);
    // "Mi" alone is no button.
    expect(readFooter(line('Mi 4'))).toBeUndefined();
  });

  it('reads reply lines and a header that names both people', () => {
    expect(readReplyLine(line('Reactie op Henk de Wit'))?.name).toBe('Henk de Wit');
    expect(readReplyLine(line('In risposta a Marta R.'))?.name).toBe('Marta R.');
    expect(readReplyLine(line('Paola Ferrandi risponde a Marta R.'))?.name).toBe('Marta R.');
    const h = readRepliedToHeader(line('Elena Bianchi risponde a Giorgio_Como58'));
    expect(h).toMatchObject({ author: 'Elena Bianchi', replyTo: { name: 'Giorgio_Como58' } });
    expect(readRepliedToHeader(line('I think he replied to nobody in particular, frankly.'))).toBeNull();
  });

  it('reads the widgets chrome, count lines and removal notes in Italian and Dutch', () => {
    for (const t of ['Ordina per', 'Più recenti', 'Mostra 2 risposte', 'Carica altri commenti', 'Accedi per commentare', 'Sorteer op', 'Bekijk 1 reactie', 'Meer reacties laden', 'Log in om te reageren', 'Uitgelichte reactie']) expect(isSectionChrome(t), t).toBe(true);
    expect(readCountLine('Reacties (37)')).toBe(37);
    expect(readCountLine('23 commenti')).toBe(23);
    expect(isRemovedPlaceholder('Commento rimosso dalla redazione perché non conforme alle regole della community.')).toBe(true);
    expect(isRemovedPlaceholder('Deze reactie is verwijderd omdat deze niet voldoet aan de huisregels.')).toBe(true);
    expect(isRemovedPlaceholder('This comment was removed because it broke the house rules. Explain')).toBe(true);
    expect(isRemovedPlaceholder('Deze reactie is verwijderd, zei hij, maar dat klopt niet want ik zag hem gisteren nog staan')).toBe(false);
  });
});

describe('session 15 layouts', () => {
  it('reads a BBC-like section: an open "Hide N replies" toggle lists its replies under the post', () => {
    const c = (name: string, body: string, tail = '') => `${name}\n2 hours ago\n${body}\nReply\nRate this comment positively\n4\nRate this comment negatively\n1\nReport\n${tail}\n`;
    const text = `${ARTICLE}Comments\n88 comments\n\n${c('Lena Ortiz', 'Two forty is a lot.', 'Hide 2 replies\n')}${c('Omar Said', 'It is 2.60 in the centre.')}${c('Cleo Marsh', 'Agreed.')}${c('Ben Okafor', 'Nobody asked the residents.')}`;
    expect(rows(text)).toEqual([
      ['Lena Ortiz', null, false, 'Two forty is a lot.'],
      ['Omar Said', 0, false, 'It is 2.60 in the centre.'],
      ['Cleo Marsh', 0, false, 'Agreed.'],
      ['Ben Okafor', null, false, 'Nobody asked the residents.'],
    ]);
  });

  it('reads an Italian widget: the reply header names both people over the age', () => {
    const foot = 'Rispondi  Segnala  Mi piace 3\n\n';
    const text = `${ARTICLE}12 commenti\n\nLena_O\n2 ore fa\nTroppo caro.\n${foot}Omar Said risponde a Lena_O\n1 ora fa\nIn centro costa 2,60.\n${foot}Cleo M.\n30 minuti fa\nE le biciclette?\n${foot}`;
    expect(rows(text)).toEqual([
      ['Lena_O', null, false, 'Troppo caro.'],
      ['Omar Said', 0, false, 'In centro costa 2,60.'],
      ['Cleo M.', null, false, 'E le biciclette?'],
    ]);
  });

  it('reads a Dutch widget: name and age on one line, a newsroom role between them', () => {
    const foot = 'Reageren  Respect 5  Melden\n\n';
    const text = `${ARTICLE}Reacties (9)\n\nLena Ortiz · 3 uur geleden\nTe duur.\n${foot}Jan Smit · Redactie · 2 uur geleden\nReactie op Lena Ortiz\nHet tarief geldt alleen overdag.\n${foot}`;
    expect(rows(text)).toEqual([
      ['Lena Ortiz', null, false, 'Te duur.'],
      ['Jan Smit', 0, false, 'Het tarief geldt alleen overdag.'],
    ]);
  });

  it('reads a chat with the time at the end of each message and a preview of the message answered', () => {
    const text = `${ARTICLE}Comments\n\nLena Ortiz\nTwo forty an hour is more than the centre charges.\n👍 3\n10:14\n\nOmar Said\nAlso the machines take no cards.\n10:15\n\nCleo Marsh\nLena Ortiz\nTwo forty an hour is more…\nThe centre is 2.60 since January.\nedited 10:20\n\nBen Okafor\nDeleted message\nwhatever\n10:31\n`;
    expect(rows(text)).toEqual([
      ['Lena Ortiz', null, false, 'Two forty an hour is more than the centre charges.'],
      ['Omar Said', null, false, 'Also the machines take no cards.'],
      ['Cleo Marsh', 0, false, 'The centre is 2.60 since January.'],
      ['Ben Okafor', null, false, 'whatever'],
    ]);
  });

  it('keeps a name line over words that no earlier post of that name starts with as text', () => {
    const text = `${ARTICLE}Comments\n\nLena Ortiz\nTwo forty an hour is a lot.\n10:14\n\nOmar Said\nLena Ortiz\nsaid the same at the meeting.\n10:15\n`;
    expect(rows(text)[1]).toEqual(['Omar Said', null, false, 'Lena Ortiz']);
  });

  it('reads a chat header whose display name carries brackets, and drops the chat markers from the text', () => {
    const text = `${ARTICLE}Lena Ortiz — Today at 9:01 AM\nTwo forty an hour is a lot.\n(edited)\n\nNell (mod) — Today at 9:05 AM\nKeep it civil please.\n\nNEW\n`;
    expect(rows(text)).toEqual([
      ['Lena Ortiz', null, false, 'Two forty an hour is a lot.'],
      ['Nell (mod)', null, false, 'Keep it civil please.'],
    ]);
  });
});
