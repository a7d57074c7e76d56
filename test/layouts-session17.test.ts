import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { isRemovedPlaceholder, readCountLine } from '../src/ingest/section-cues.js';
import { isStandaloneTime, readFooter, readReplyLine, readTimeLine, timeKind } from '../src/ingest/styles/header-cues.js';
import { parseCalendarDate } from '../src/text/dates.js';
import { line, rows } from './lib/parse-rows.js';

// Session 17: line shapes of a Japanese portal's comments, a Russian wall, an issue tracker, a review site and an
// Arabic news site, and session 16's leftovers. The dumps below are made up for these tests; the fixtures hold the
// blind-labelled ones.
const ARTICLE = 'Title: Harbour parking fees rise\n\nParking at the harbour will cost 2.40 an hour from May, up from 1.80, the council said on Monday.\n\n';
const fixture = (name: string) => parse(readFileSync(join(__dirname, '..', 'fixtures', name, 'input.txt'), 'utf8'));

describe('session 17 line shapes', () => {
  it('reads a day word with a clock in any language as "Yesterday at 18:40" is read, and ages by their shape', () => {
    for (const t of ['Gisteren, 18:40', 'вчера в 21:40', 'сегодня в 7:12', 'hier à 18:40', 'ayer a las 9:12', 'gestern, 18:40 Uhr', '昨日 18:40', 'Yesterday 18:40']) {
      expect(timeKind(t), t).toBe('absolute');
      expect(isStandaloneTime(t), t).toBe(true);
    }
    for (const t of ['2時間前', '50分前', '3시간 전', 'منذ 3 ساعات', 'منذ ساعتين', 'منذ 50 دقيقة', '3 часа назад', 'час назад', '5 dni temu']) expect(timeKind(t), t).toBe('relative');
    expect(timeKind('12/4(金) 10:05')).toBe('absolute');
    // No figure, no age word, or an English age without a figure: not a time.
    for (const t of ['long ago', 'uur geleden', 'vor Ort', 'big sedan', 'Respect 88', 'Bijgewerkt vandaag, 08:15']) expect(timeKind(t), t).toBeNull();
    // The verb an activity line puts before the time ("commented 3 days ago").
    expect(readTimeLine(line('commented 3 days ago'))).toBe('3 days ago');
    expect(readTimeLine(line('opened yesterday'))).toBe('yesterday');
  });

  it('reads Russian, Arabic and CJK article dates', () => {
    expect(parseCalendarDate('4 декабря 2026, 10:01')).toBe('2026-12-04');
    expect(parseCalendarDate('4 ديسمبر 2026 - 10:20')).toBe('2026-12-04');
    expect(parseCalendarDate('2026年12月4日 9:30')).toBe('2026-12-04');
    expect(parseCalendarDate('2026년 12월 4일')).toBe('2026-12-04');
  });

  it('reads Japanese, Russian and Arabic interface lines', () => {
    expect(readCountLine('コメント87件')).toBe(87);
    expect(readCountLine('Комментарии 48')).toBe(48);
    expect(readCountLine('التعليقات (34)')).toBe(34);
    for (const t of ['このコメントは削除されました。', 'Комментарий удалён пользователем или руководителем страницы', 'تم حذف هذا التعليق من قبل المشرف لمخالفته شروط النشر.', 'This review has been removed for violating our guidelines.', 'This comment was marked as off-topic.']) {
      expect(isRemovedPlaceholder(t), t).toBe(true);
    }
    expect(readReplyLine(line('ردا على أبو خالد'))?.name).toBe('أبو خالد');
    // A time-first row of labels under the text (VK): a footer carrying the post's time, no likes.
    expect(readFooter(line('вчера в 21:52  ответил Ирине  Ответить'))).toEqual({ likes: null, timestamp: 'вчера в 21:52' });
    expect(readFooter(line('5h  212 likes  Reply'))?.likes).toBe(212);
  });

  it('reads buttons in a language no list knows by their repetition under the posts', () => {
    const foot = 'Ksatria 12\nLapor\n\n';
    const text = `${ARTICLE}Komentar (3)\n\nBudi Santoso\n2 jam lalu\nTarif parkir naik lagi, padahal jalannya masih rusak.\n${foot}Sari Dewi\n1 jam lalu\nBudi, tarif lama belum naik sejak 2019.\n${foot}Andi\n30 menit lalu\nSetuju dengan Sari.\n${foot}`;
    expect(rows(text)).toEqual([
      ['Budi Santoso', null, false, 'Tarif parkir naik lagi, padahal jalannya masih rusak.'],
      ['Sari Dewi', 0, false, 'Budi, tarif lama belum naik sejak 2019.'],
      ['Andi', null, false, 'Setuju dengan Sari.'],
    ]);
  });

  it('reads a badge over the name, a name with an honorific, and open replies closed by a Japanese toggle', () => {
    const foot = '共感した 5\nうーん 1\n\n';
    const text = `${ARTICLE}コメント4件\n\nエキスパート\n山田 花子\n交通ジャーナリスト\n12/4(金) 10:05\n駐車料金の値上げは予想通りです。\n${foot}みかん\n2時間前\n高すぎると思う。\n返信2\n${foot}taro_88\n1時間前\n観光客が減るかもしれない。\n${foot}みかん\n1時間前\ntaro_88さん そうですね。\n${foot}返信を閉じる\n`;
    expect(rows(text)).toEqual([
      ['山田 花子', null, false, '駐車料金の値上げは予想通りです。'],
      ['みかん', null, false, '高すぎると思う。'],
      ['taro_88', 1, false, '観光客が減るかもしれない。'],
      ['みかん', 2, false, 'taro_88さん そうですね。'],
    ]);
  });

  it('reads a review site: a reply from the company under the review, the page name over its tally as the title', () => {
    const text = `Harbour Parking Ltd\nReviews 212 • Poor\nWrite a review\n\nAll reviews\n\nAnn Lee\nGB • 3 reviews\nRated 1 out of 5 stars\n2 days ago\nMachine ate my card\nThe machine at gate 2 kept my card for an hour.\nUseful 4\nShare\n\nReply from Harbour Parking Ltd\n1 day ago\nSorry, Ann. The reader at gate 2 has been replaced.\n\nTom Reyes\nIE • 1 review\nRated 4 out of 5 stars\n3 days ago\nFine\nCheap enough at night.\nUseful\nShare\n\nMo Khan\nGB • 2 reviews\nRated 2 out of 5 stars\n4 days ago\nSlow exit\nThe exit barrier takes ages.\nUseful 1\nShare\n`;
    const doc = parse(text);
    expect(doc.article.title).toBe('Harbour Parking Ltd');
    expect(rows(text).map((r) => r.slice(0, 2))).toEqual([
      ['Ann Lee', null],
      ['Harbour Parking Ltd', 0],
      ['Tom Reyes', null],
      ['Mo Khan', null],
    ]);
  });

  it('reads an issue tracker: the opened post is the article, timeline events are chrome, a quote without its mark answers', () => {
    const text = `Parking meter rejects contactless cards #88\nOpen\n@ann-lee\nann-lee\nopened 3 days ago\nThe meter on Quay Street rejects every contactless card since the update.\n\n@tom-r\ntom-r\ncommented 3 days ago\nMember\nConfirmed on two meters. The firmware drops the card reader after a reboot.\n\ntom-r added the bug label 3 days ago\n@mo-k\nmo-k\ncommented 2 days ago\nThe firmware drops the card reader after a reboot\n\nOnly when the reboot happens at night, I think.\n\n@tom-r\ntom-r\ncommented yesterday\nMember\nGood catch, the nightly job reboots them.\n\nLoad more…\n`;
    const doc = parse(text);
    expect(doc.article.title).toBe('Parking meter rejects contactless cards');
    expect(rows(text)).toEqual([
      ['tom-r', null, false, 'Confirmed on two meters. The firmware drops the card reader after a reboot.'],
      ['mo-k', 0, false, 'The firmware drops the card reader after a reboot'],
      ['tom-r', 1, false, 'Good catch, the nightly job reboots them.'],
    ]);
  });

  it("reads session 16's leftovers: the Korean byline, the Telegram admin's 'post above', the Dutch relative date line", () => {
    expect(fixture('widget-41-night-subway-naver-ko').article.byline).toBe('Kim Ji-won');
    // "linked in the post above" under a section of comments: the channel's post, the article.
    const tg = fixture('widget-38-ferry-fares-telegram');
    expect(tg.thread.posts.find((p) => p.text.includes('linked in the post above'))?.parentId).toBeNull();
    // "Gisteren, 18:40" under the byline reads as "Yesterday at 18:40" does in English: a date line of the page, not a
    // post header, and no calendar date (the page does not print the day it is relative to).
    const nl = fixture('widget-39-parking-permits-nujij-nl');
    expect(nl.article.byline).toBe('Sanne Verbeek');
    expect(nl.article.date).toBeNull();
    expect(nl.thread.posts[0]!.author).toBe('Henk de Wit');
    const en = parse(`${ARTICLE.replace('\n\n', '\n\nBy Sanne Verbeek\nYesterday at 18:40\n\n')}2 comments\n\nLena Ortiz • 3 hours ago\nToo dear.\nReply\n`);
    const nlShort = parse(`${ARTICLE.replace('\n\n', '\n\nDoor Sanne Verbeek\nGisteren, 18:40\n\n')}2 reacties\n\nLena Ortiz · 3 uur geleden\nTe duur.\nReageren\n`);
    expect(nlShort.article.byline).toBe(en.article.byline);
    expect(nlShort.article.date).toBe(en.article.date);
    expect(nlShort.thread.posts.map((p) => p.author)).toEqual(['Lena Ortiz']);
  });
});
