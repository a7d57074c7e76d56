import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { isRemovedPlaceholder } from '../src/ingest/section-cues.js';
import { readFooter, readReplyLine, readTimeLine, timeKind } from '../src/ingest/styles/header-cues.js';
import { line, rows } from './lib/parse-rows.js';

// Session 17, round seven: line shapes of a chat-log export, a Q&A answers page, a Brazilian portal and a Hindi news
// site. The dumps below are made up for these tests; the fixtures (widget-47..51) hold the blind-labelled ones.
const ARTICLE = 'Title: Harbour parking fees rise\n\nParking at the harbour will cost 2.40 an hour from May, up from 1.80, the council said on Monday.\n\n';

describe('session 17 round seven line shapes', () => {
  it('reads a chat-log export: stamped "Name: text" lines, continuation lines, the app\'s notices kept out', () => {
    const text = [
      '[03/05/26, 18:01] Quay Street Residents: Messages and calls are end-to-end encrypted.',
      '[03/05/26, 18:01] Quay Street Residents: Ann Lee created group "Quay Street Residents"',
      '[03/05/26, 18:02] Ann Lee: Parking goes up to 2.40 an hour in May.',
      'The council letter is on the noticeboard.',
      '[03/05/26, 18:05] Tom Reyes: @Ann Lee is that for residents too?',
      '[03/05/26, 18:06] Mo Khan: This message was deleted',
      '[03/05/26, 18:07] Ann Lee: Tom, residents keep the permit price.',
      '[03/05/26, 18:09] +44 7700 900123: "goes up to 2.40 an hour in May" is that every bay?',
      '[03/05/26, 18:10] Ann Lee pinned a message',
      '04/05/26, 09:00 - Tom Reyes: Thanks 👍',
    ].join('\n');
    const doc = parse(text);
    expect(doc.source.style).toBe('widget');
    expect(rows(text)).toEqual([
      ['Ann Lee', null, false, 'Parking goes up to 2.40 an hour in May.'],
      ['Tom Reyes', 0, false, '@Ann Lee is that for residents too?'],
      ['Mo Khan', null, true, ''],
      ['Ann Lee', 1, false, 'Tom, residents keep the permit price.'],
      ['+44 7700 900123', 0, false, '"goes up to 2.40 an hour in May" is that every bay?'],
      ['Tom Reyes', null, false, 'Thanks 👍'],
    ]);
    expect(doc.thread.posts[0]!.text).toBe('Parking goes up to 2.40 an hour in May.\nThe council letter is on the noticeboard.');
    // A chat log opens with "[": no "opens like JSON" warning for a date or a clock in the brackets.
    expect(doc.messages.some((m) => m.ruleId === 'input/invalid-json')).toBe(false);
  });

  it('reads a Q&A answers page: the avatar\'s alt text, a credential line, an advertisement, an answer\'s comments', () => {
    const text = `Should the harbour car park charge at night?\nAll related (3)\n\nProfile photo for Ann Lee\nAnn Lee\nHarbourmaster since 2019\n · \nUpdated 2mo\nYes. The night boats fill it and nobody pays.\nUpvote · 40\n\nSponsored by Acme Parking\nPark smarter with Acme.\nLearn More\n\nProfile photo for Tom Reyes\nTom Reyes\nLives in Harbourtown\n · \n1y\nNo, the night shift workers would pay for the tourists.\nUpvote · 12\n\nComments\nAdd a comment\n\nProfile photo for Mo Khan\nMo Khan\n · \n11mo\nThe shift workers have permits already.\nReply\nUpvote · 3\n\nProfile photo for Tom Reyes\nTom Reyes\n · \n11mo\nReply to Mo Khan\nNot the agency staff.\nReply\nUpvote · 1\n\nView more comments\n\nProfile photo for Sue Park\nSue Park\nTaxi driver\n · \n5mo\nCharge only after midnight.\nUpvote · 2\n`;
    const doc = parse(text);
    expect(doc.article.title).toBe('Should the harbour car park charge at night?');
    expect(rows(text)).toEqual([
      ['Ann Lee', null, false, 'Yes. The night boats fill it and nobody pays.'],
      ['Tom Reyes', null, false, 'No, the night shift workers would pay for the tourists.'],
      ['Mo Khan', 1, false, 'The shift workers have permits already.'],
      ['Tom Reyes', 2, false, 'Not the agency staff.'],
      ['Sue Park', null, false, 'Charge only after midnight.'],
    ]);
    // A capitalised verb heads an age, never an article's date.
    expect(readTimeLine(line('Updated 2mo'))).toBe('2mo');
    expect(readTimeLine(line('Answered 2y'))).toBe('2y');
    expect(readTimeLine(line('Updated Fri, 04 Dec 2026 10:20 AM IST'))).toBeNull();
  });

  it('reads a Brazilian portal: "Em resposta a X", the likes and dislikes as two bare counts, a reporter answering by first name', () => {
    const foot = 'Responder\nDenunciar\n\n';
    const text = `${ARTICLE}Comentários (4)\n\nAna Souza\nhá 3 horas\nCaro demais.\n12 3\n${foot}  Rui Lima\n  há 2 horas\n  Em resposta a Ana Souza\n  Mais barato que em Lisboa.\n  4 9\n  Responder\n  Denunciar\n\nComentário removido pela moderação.\n\nPedro Alves\nhá 1 hora\nE os moradores?\n7 0\n${foot}Carla Mendes\nhá 30 minutos\nPedro, moradores pagam o mesmo.\n2 0\n${foot}`;
    expect(rows(text)).toEqual([
      ['Ana Souza', null, false, 'Caro demais.'],
      ['Rui Lima', 0, false, 'Mais barato que em Lisboa.'],
      [null, null, true, ''],
      ['Pedro Alves', null, false, 'E os moradores?'],
      ['Carla Mendes', 3, false, 'Pedro, moradores pagam o mesmo.'],
    ]);
    expect(parse(text).thread.posts[0]!.meta.likes).toBe(12);
    expect(readReplyLine(line('Em resposta a Ana Souza'))?.name).toBe('Ana Souza');
  });

  it('reads Hindi ages, removal notes and a first name addressed with an honorific after it', () => {
    for (const t of ['2 घंटे पहले', '1 घंटा पहले', '58 मिनट पहले']) expect(timeKind(t), t).toBe('relative');
    for (const t of ['यह टिप्पणी हटा दी गई है।', 'Se eliminó este mensaje.', 'Comentário removido pela moderação.', 'Mensagem apagada']) expect(isRemovedPlaceholder(t), t).toBe(true);
    const foot = 'जवाब दें\nपसंद 3\nरिपोर्ट करें\n\n';
    const text = `${ARTICLE}कमेंट्स (3)\n\nराहुल वर्मा\n2 घंटे पहले\nपार्किंग बहुत महंगी है।\n${foot}सुनीता यादव\n1 घंटा पहले\nमुझे ठीक लगता है।\n${foot}अमित\n10 मिनट पहले\nराहुल जी, रात में तो मुफ्त है।\n${foot}`;
    expect(rows(text)).toEqual([
      ['राहुल वर्मा', null, false, 'पार्किंग बहुत महंगी है।'],
      ['सुनीता यादव', null, false, 'मुझे ठीक लगता है।'],
      ['अमित', 0, false, 'राहुल जी, रात में तो मुफ्त है।'],
    ]);
    // Two bare counts are a vote row only right over the buttons.
    expect(readFooter(line('145 12'))).toBeUndefined();
  });
});
