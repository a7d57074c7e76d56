import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { readBylineFooter } from '../src/ingest/styles/footer-byline.js';
import { line, rows } from './lib/parse-rows.js';

// Session 24 (gold24): shapes met on the fourth set of blind threads (fixtures/blind-threads 17-22), each tested on a
// made-up dump of the same shape, not on those dumps.

const STORY = [
  'By Sam Example, Health Reporter',
  'Thursday 3 December 2026',
  '',
  'The county will close the walk-in clinic on Mill Lane at the end of February and move its appointments to the hospital outpatients wing, the health board said on Wednesday.',
  '',
  'The clinic saw about 9,000 patients last year, most of them without an appointment, and its lease runs out in March.',
  '',
  'The board said patients would be able to book same-day slots by phone from 8am, and that a shuttle bus would run from the town centre twice an hour.',
  '',
];

describe('session 24 line shapes', () => {
  it('reads a chat export whose app marks its own words (U+200E): notices are not posts, a deleted message is removed, an edit mark is not text', () => {
    const text = [
      '[03/12/2026, 09:00] Clinic Watch: \u200eMessages and calls are end-to-end encrypted. Only people in this chat can read them.',
      '[03/12/2026, 09:01] Clinic Watch: \u200eAna Ruiz added you',
      '[03/12/2026, 09:05] Ana Ruiz: Has anyone heard when the Mill Lane clinic closes?',
      '[03/12/2026, 09:07] Tom Vale: End of February, it was in the paper. \u200e<This message was edited>',
      '[03/12/2026, 09:08] Clinic Watch: \u200e+44 7700 900123 joined using this group\'s invite link',
      '[03/12/2026, 09:09] Bea Lund: \u200eThis message was deleted by admin Ana Ruiz.',
      '[03/12/2026, 09:10] Bea Lund: \u200eimage omitted',
      '[03/12/2026, 09:12] +44 7700 900123: That is going to be hard for my dad, he has no car.',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.thread.posts.map((p) => [p.author, p.removed, p.text])).toEqual([
      ['Ana Ruiz', false, 'Has anyone heard when the Mill Lane clinic closes?'],
      ['Tom Vale', false, 'End of February, it was in the paper.'],
      ['Bea Lund', true, ''],
      ['+44 7700 900123', false, 'That is going to be hard for my dad, he has no car.'],
    ]);
  });

  it('takes a chat\'s first message that carries the story (headline, byline, paragraphs) for the article, up to its link line', () => {
    const text = [
      '[03/12/2026, 08:55] Clinic Watch: \u200eMessages and calls are end-to-end encrypted. Only people in this chat can read them.',
      '[03/12/2026, 09:00] Courier Desk: *Walk-in clinic on Mill Lane to close in February*',
      ...STORY,
      'Full story: https://courier.example/news/mill-lane-clinic',
      'Tell us below how this affects you.',
      '[03/12/2026, 09:05] Ana Ruiz: Nine thousand patients and they are closing it. Brilliant.',
      '[03/12/2026, 09:07] Tom Vale: @Ana the shuttle is something at least.',
      '[03/12/2026, 09:12] Bea Lund: Same-day slots by phone means ringing at 8am on the dot like the GP.',
      '[03/12/2026, 09:15] Ana Ruiz: Twice an hour is fine if it runs on time.',
      '[03/12/2026, 09:18] Tom Vale: The old 14 bus never did.',
      '[03/12/2026, 09:20] Bea Lund: Does the shuttle stop at the station?',
      '[03/12/2026, 09:26] Ana Ruiz: The paper says the town centre, so probably.',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.title).toBe('Walk-in clinic on Mill Lane to close in February');
    expect(doc.article.text).toContain('The clinic saw about 9,000 patients last year');
    expect(doc.article.text).not.toContain('Full story');
    expect(doc.article.text).not.toContain('Tell us below');
    expect(doc.article.text).not.toContain('Courier Desk');
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['Ana Ruiz', 'Tom Vale', 'Bea Lund', 'Ana Ruiz', 'Tom Vale', 'Bea Lund', 'Ana Ruiz']);
  });

  it('takes a group thread\'s first message that pastes the story under a note of the poster\'s for the article, without the note', () => {
    const text = [
      'Town Readers discussion',
      '',
      'Walk-in clinic on Mill Lane to close in February',
      '',
      'message 1: by Rhea, group mod (new)',
      'Dec 03, 2026 09:00AM',
      '',
      'From this morning\'s Courier, shared with permission.',
      '',
      'Walk-in clinic on Mill Lane to close in February',
      'By Sam Example, Town Courier | December 3, 2026',
      ...STORY.slice(2),
      'reply | flag',
      '',
      'message 2: by Ana Ruiz (new)',
      'Dec 03, 2026 09:05AM',
      '',
      'Nine thousand patients and they are closing it.',
      '',
      'reply | flag',
      '',
      'message 3: by Tom Vale (new)',
      'Dec 03, 2026 09:07AM',
      '',
      'The shuttle is something at least.',
      '',
      'reply | flag',
      '',
      'message 4: by Bea Lund (new)',
      'Dec 03, 2026 09:12AM',
      '',
      'Same-day slots by phone means ringing at 8am on the dot.',
      '',
      'reply | flag',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.title).toBe('Walk-in clinic on Mill Lane to close in February');
    expect(doc.article.text).toContain('The clinic saw about 9,000 patients last year');
    expect(doc.article.text).not.toContain('shared with permission');
    expect(doc.thread.posts.map((p) => [p.author, p.text])).toEqual([
      ['Ana Ruiz', 'Nine thousand patients and they are closing it.'],
      ['Tom Vale', 'The shuttle is something at least.'],
      ['Bea Lund', 'Same-day slots by phone means ringing at 8am on the dot.'],
    ]);
  });

  it('reads a footer line signing the comment above it ("by NAME on DATE | TIME  up  reply  rec (N)  flag")', () => {
    expect(readBylineFooter(line('by gull_wing on Dec 3, 2026 | 9:12 AM  up  reply  rec (4)  flag  actions'))).toEqual({
      author: 'gull_wing',
      authorSpan: [3, 12],
      timestamp: 'Dec 3, 2026 | 9:12 AM',
      up: [39, 41],
      recs: 4,
    });
    expect(readBylineFooter(line('on Dec 3, 2026 | 9:15 AM  reply  flag'))?.author).toBeNull();
    // A Slashdot byline (over its text) and an article's byline are no footers.
    expect(readBylineFooter(line('by sjames ( 1099 ) on Friday November 20, 2026 @09:24PM (#64921011)'))).toBeNull();
    expect(readBylineFooter(line('by Sam Example on Dec 3, 2026'))).toBeNull();
    const text = [
      'Walk-in clinic on Mill Lane to close in February',
      ...STORY,
      'Comments',
      '5 comments',
      'Newest',
      'Oldest',
      '',
      'Sign in to comment.',
      '',
      'Bad call',
      'Nine thousand patients a year and no replacement in town.',
      'by gull_wing on Dec 3, 2026 | 9:12 AM  reply  rec (4)  flag  actions',
      '',
      'The shuttle runs twice an hour, that is a replacement of sorts.',
      'by tern88 on Dec 3, 2026 | 9:20 AM  up  reply  rec (1)  flag  actions',
      '',
      'This comment was deleted.',
      'on Dec 3, 2026 | 9:25 AM  up  reply  flag',
      '',
      'Will the pharmacy stay?',
      'by mill_lane_mo on Dec 3, 2026 | 9:40 AM  reply  rec (0)  flag  actions',
      '',
      'It moves with the clinic, the board said.',
      'by tern88 on Dec 3, 2026 | 9:44 AM  up  reply  rec (2)  flag  actions',
      '',
      'Sign up for the newsletter',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['gull_wing', null, false, 'Bad call'],
      ['tern88', 0, false, 'The shuttle runs twice an hour, that is a replacement of sorts.'],
      [null, 1, true, expect.any(String)],
      ['mill_lane_mo', null, false, 'Will the pharmacy stay?'],
      ['tern88', 3, false, 'It moves with the clinic, the board said.'],
    ]);
    expect(parse(text).article.text).not.toContain('Sign in to comment');
  });

  it('reads a portal\'s "Reply 2" count over replies listed open and closed by "Fold replies", and ends the article at the count line over a notice', () => {
    const text = [
      'Walk-in clinic on Mill Lane to close in February',
      ...STORY,
      'How did you feel about this article?',
      'Useful 12',
      'Angry 40',
      '',
      'Comments 5',
      '',
      'Comments with offensive language are hidden automatically by the filter.',
      '',
      'Popular',
      'Newest',
      '',
      'mill****',
      '2026.12.03. 09:12',
      'Nine thousand patients a year and no replacement in town.',
      'Reply 2',
      '31',
      '2',
      '',
      'tern****',
      '2026.12.03. 09:20',
      'The shuttle runs twice an hour, that is a replacement of sorts.',
      '4',
      '9',
      '',
      'gull****',
      '2026.12.03. 09:31',
      'Twice an hour from the centre, not from the villages.',
      '12',
      '0',
      '',
      'Fold replies',
      '',
      'pier****',
      '2026.12.03. 09:40',
      'Will the pharmacy stay open?',
      'Reply',
      '3',
      '0',
      '',
      'dock****',
      '2026.12.03. 09:52',
      'The board has not said anything about parking at the hospital.',
      'Reply',
      '5',
      '1',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['mill****', null, false, 'Nine thousand patients a year and no replacement in town.'],
      ['tern****', 0, false, 'The shuttle runs twice an hour, that is a replacement of sorts.'],
      ['gull****', 0, false, 'Twice an hour from the centre, not from the villages.'],
      ['pier****', null, false, 'Will the pharmacy stay open?'],
      ['dock****', null, false, 'The board has not said anything about parking at the hospital.'],
    ]);
    const doc = parse(text);
    expect(doc.article.text).not.toContain('How did you feel');
    expect(doc.article.text).not.toContain('hidden automatically');
    expect(doc.thread.declaredCount).toBe(5);
  });

  it('keeps a newsletter box with a long promise ("…, delivered to your inbox twice a week.") and a share label that repeats the headline out of the article', () => {
    const text = [
      'Skip to content',
      'Town Courier',
      'News',
      'Opinion',
      '',
      'Walk-in clinic on Mill Lane to close in February',
      'By Sam Example@samexample  Dec 3, 2026, 9:00am GMT',
      '',
      'Share this story',
      'Share this on Facebook',
      'Share All sharing options for: Walk-in clinic on Mill Lane to close in February',
      '',
      ...STORY.slice(3),
      'Subscribe to Town Courier',
      'Independent local news for the valley and its villages, delivered to your inbox twice a week.',
      'reader@example.com',
      'Subscribe',
      '',
      '3 comments',
      '',
      'Ana Ruiz',
      '2 hours ago',
      'Nine thousand patients and they are closing it.',
      'Reply',
      '',
      'Tom Vale',
      '1 hour ago',
      'The shuttle is something at least.',
      'Reply',
      '',
      'Bea Lund',
      '30 minutes ago',
      'Same-day slots by phone means ringing at 8am on the dot.',
      'Reply',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.title).toBe('Walk-in clinic on Mill Lane to close in February');
    expect(doc.article.text).toContain('The clinic saw about 9,000 patients last year');
    expect(doc.article.text).not.toContain('delivered to your inbox');
    expect(doc.article.text).not.toContain('Subscribe to Town Courier');
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['Ana Ruiz', 'Tom Vale', 'Bea Lund']);
  });
});
