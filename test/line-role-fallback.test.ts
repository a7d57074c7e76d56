/**
 * The learned line-role fallback (src/ingest/line-roles.ts): on a layout the rules do not know it reads the posts; on
 * the layouts they know (every fixture) it never fires. The dump below was written for this test, in a shape no style
 * reads (a name line, a "#n · time" line, the text, a tick count), not copied from any fixture.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { readInlineHead } from '../src/ingest/line-features.js';
import { countArm, modelSection, oddAuthorShare, takeModel, triggerFacts } from '../src/ingest/line-roles.js';
import { splitLines } from '../src/ingest/lines.js';
import { newPost } from '../src/ingest/styles/counted.js';
import { setEdgePassForStudy } from '../src/thread/drop-edge-posts.js';

const MADE_UP = `Harbour lights to stay on all winter

The port authority said on Tuesday that the harbour lights would stay on through the winter months, reversing a plan to switch them off at midnight to save money.

The decision follows a petition signed by more than two thousand residents, who said the dark quay was unsafe for people walking home from the late ferry.

A spokesperson said the extra cost would be met from the authority's maintenance budget.

Notes from readers

Gwen Tallis
#1 · 09:12
I walk the dog along the quay every night and the lights make all the difference.
14 ✓

Oskar Brandt
#2 · 09:40
Good news, but who pays for it in the end? The maintenance budget is our harbour dues.
3 ✓

Priya Nandakumar
#3 · 10:05
@Oskar Brandt the dues were raised last spring already, so this is covered.
7 ✓

Tomas Reyes
#4 · 11:30
Finally a decision that listens to the people who actually use the quay at night.
9 ✓
`;

// Written for the test (session 19): a live chat under an article, one message a line, a date and a clock before each
// name; no style reads it.
const CHAT = `Night buses return to the old town

From Monday the N4 and N7 night buses will run through the old town again, after the works on the bridge ended two weeks early.

The operator said the buses would keep their summer timetable until the end of the year.

Readers' live chat

12.04. 21:02 Ines Varga: Finally, the walk from the station at two in the morning was no fun at all.
12.04. 21:05 Marek Olsen: Does the N7 still stop at the hospital or only at the main square?
12.04. 21:07 Ines Varga: It stops at the hospital, the operator's map shows it on the new route.
12.04. 21:11 Dora Pfeil: Good to hear, my daughter works the night shift there.
12.04. 21:16 Marek Olsen: Thanks, then I can leave the car at home on Fridays.
12.04. 21:20 Jonas Frei: Two weeks early is a first for this city, somebody should get a medal.
`;

describe('line-role fallback', () => {
  it('reads a head on the text line: a bracketed or bare time or date before the name', () => {
    expect(readInlineHead('0:05:03 some_handle: the text')).toEqual({ prefix: '0:05:03 ', name: 'some_handle', textAt: 21 });
    expect(readInlineHead('09:14 Anna: hallo')?.name).toBe('Anna');
    expect(readInlineHead('12.04. 09:14 Name Surname: text')).toMatchObject({ prefix: '12.04. 09:14 ', name: 'Name Surname' });
    expect(readInlineHead('[04/12/26, 09:14] Name: text')).toMatchObject({ prefix: '[04/12/26, 09:14] ', name: 'Name' });
    expect(readInlineHead('12/04/2026, 9:14 pm - Carol: yes')).toMatchObject({ prefix: '12/04/2026, 9:14 pm - ', name: 'Carol' });
    expect(readInlineHead('Name: text')).toMatchObject({ prefix: '', name: 'Name' });
    // no letter in the name, a comma in it, more than four words: no head
    expect(readInlineHead('2023: the year')).toBeNull();
    expect(readInlineHead('One thing, though: no')).toBeNull();
    expect(readInlineHead('this is a whole sentence here: no')).toBeNull();
  });

  it('reads a chat of one message a line with a date and clock before each name', () => {
    const doc = parse(CHAT);
    expect(doc.messages.map((m) => m.ruleId)).toContain('thread/line-model');
    expect(doc.thread.posts.map((p) => [p.author, p.meta.timestamp, p.text])).toEqual([
      ['Ines Varga', '12.04. 21:02', 'Finally, the walk from the station at two in the morning was no fun at all.'],
      ['Marek Olsen', '12.04. 21:05', 'Does the N7 still stop at the hospital or only at the main square?'],
      ['Ines Varga', '12.04. 21:07', "It stops at the hospital, the operator's map shows it on the new route."],
      ['Dora Pfeil', '12.04. 21:11', 'Good to hear, my daughter works the night shift there.'],
      ['Marek Olsen', '12.04. 21:16', 'Thanks, then I can leave the car at home on Fridays.'],
      ['Jonas Frei', '12.04. 21:20', 'Two weeks early is a first for this city, somebody should get a medal.'],
    ]);
    // the author span points at the name in the input
    const p = doc.thread.posts[1]!;
    expect(CHAT.slice(p.authorSpan![0], p.authorSpan![1])).toBe('Marek Olsen');
  });

  it('reads the posts of a layout the rules do not know', () => {
    const doc = parse(MADE_UP);
    expect(doc.messages.map((m) => m.ruleId)).toContain('thread/line-model');
    expect(doc.messages.map((m) => m.ruleId)).not.toContain('thread/not-found');
    expect(doc.thread.posts.map((p) => [p.author, p.text])).toEqual([
      ['Gwen Tallis', 'I walk the dog along the quay every night and the lights make all the difference.'],
      ['Oskar Brandt', 'Good news, but who pays for it in the end? The maintenance budget is our harbour dues.'],
      ['Priya Nandakumar', '@Oskar Brandt the dues were raised last spring already, so this is covered.'],
      ['Tomas Reyes', 'Finally a decision that listens to the people who actually use the quay at night.'],
    ]);
    // parents come from the usual resolution: the @name answers that poster.
    expect(doc.thread.posts[2]!.parentId).toBe(doc.thread.posts[1]!.id);
    expect(doc.article.title).toBe('Harbour lights to stay on all winter');
    // the same input gives the same document
    expect(JSON.stringify(parse(MADE_UP))).toBe(JSON.stringify(doc));
  });

  it('reads a removal note among the posts as a removed post in its place (session 25)', () => {
    // the made-up dump with the second post's text replaced by a moderator's note, its head lines gone with it
    const gone = MADE_UP.replace('Oskar Brandt\n#2 · 09:40\nGood news, but who pays for it in the end? The maintenance budget is our harbour dues.\n3 ✓', 'This comment was removed by a moderator.');
    expect(gone).not.toBe(MADE_UP);
    const doc = parse(gone);
    expect(doc.messages.map((m) => m.ruleId)).toContain('thread/line-model');
    expect(doc.thread.posts.map((p) => [p.removed, p.author, p.text])).toEqual([
      [false, 'Gwen Tallis', 'I walk the dog along the quay every night and the lights make all the difference.'],
      [true, null, ''],
      [false, 'Priya Nandakumar', '@Oskar Brandt the dues were raised last spring already, so this is covered.'],
      [false, 'Tomas Reyes', 'Finally a decision that listens to the people who actually use the quay at night.'],
    ]);
    // the note is the removed post's block, not a line of the post above
    const note = gone.indexOf('This comment was removed');
    expect(doc.blocks.find((b) => b.span[0] <= note && note < b.span[1])?.kind).toBe('post-removed');
  });

  it('stays out when the rules read the posts, and on an article alone', () => {
    // the rules' four posts hold every line: the model's start lines are all in them, so it stays out.
    const lines = splitLines(MADE_UP);
    const rules = { posts: ['Ada Lund', 'Bo Marsh', 'Cy Okafor', 'Di Pryce'].map((a) => newPost(a, null)), lineKinds: new Map(), linePost: new Map(lines.map((l) => [l.index, 0])), declaredCount: null, messages: [] };
    expect(modelSection(lines, rules)).toBeNull();
    // stand-ins sharing a word ("Reader 0" .. "Reader 3") carry a frame (session 32): odd, and the model's reading is taken
    const framed = { ...rules, posts: [0, 1, 2, 3].map((k) => newPost(`Reader ${k}`, null)) };
    expect(modelSection(lines, framed)?.oddAuthors).toBe(1);
    // the same posts with no author read (session 31): the rules' authors are all odd, the model's reading is taken
    const nameless = { ...rules, posts: [0, 1, 2, 3].map(() => newPost(null, null)) };
    const taken = modelSection(lines, nameless);
    expect(taken?.oddAuthors).toBe(1);
    expect(taken!.parse.posts.filter((p) => p.author !== null).length).toBeGreaterThan(2);
    const plain = parse('Bridge to close\n\nThe council voted to close the bridge on Monday. It will reopen in May.\n');
    expect(plain.thread.posts).toEqual([]);
    expect(plain.messages.map((m) => m.ruleId)).toContain('thread/not-found');
  });

  it('takes over from the rules only when they read nothing', () => {
    const facts = { rulePosts: 0, starts: 3, orphanStarts: 3, agreed: 0, startsInText: 0, startsUnderHead: 0, textless: 0, startsInArticle: 0, sureLines: 0, sureDisagree: 0, sureStarts: 0, sureStartDisagree: 0, meanStartP: 0.5 };
    expect(takeModel(facts)).toBe(true);
    expect(takeModel({ ...facts, starts: 2, orphanStarts: 2 })).toBe(false);
    // the rules read 9 posts, even if most of the model's start lines lie inside their text: the rules stand
    expect(takeModel({ rulePosts: 9, starts: 12, orphanStarts: 0, agreed: 2, startsInText: 10, startsUnderHead: 0, textless: 0, startsInArticle: 0, sureLines: 0, sureDisagree: 0, sureStarts: 0, sureStartDisagree: 0, meanStartP: 0.8 })).toBe(false);
  });

  it('takes over from rules that ran posts together under heads they took for text', () => {
    const facts = { rulePosts: 2, starts: 4, orphanStarts: 0, agreed: 1, startsInText: 3, startsUnderHead: 3, textless: 0, startsInArticle: 0, sureLines: 0, sureDisagree: 0, sureStarts: 0, sureStartDisagree: 0, meanStartP: 0.9 };
    expect(takeModel(facts)).toBe(true);
    // two start lines under such a head are not enough, nor half of the start lines where the rules' posts start
    expect(takeModel({ ...facts, startsUnderHead: 2 })).toBe(false);
    expect(takeModel({ ...facts, agreed: 2, startsInText: 2, startsUnderHead: 2 })).toBe(false);
    expect(takeModel({ ...facts, starts: 6, agreed: 3 })).toBe(false);
    // made up for this test: the first post under a head the rules know, the four after it under a name line and a
    // "#n · time" line they do not know, with no blank line between posts: the rules run those four into one text.
    const ran = `${MADE_UP.slice(0, MADE_UP.indexOf('Notes from readers'))}5 comments

Gwen Tallis · 2 hours ago
I walk the dog along the quay every night and the lights make all the difference.
Reply

Oskar Brandt
#2 · 09:40
Good news, but who pays for it in the end? The maintenance budget is our harbour dues.
3 ✓
Priya Nandakumar
#3 · 10:05
@Oskar Brandt the dues were raised last spring already, so this is covered.
7 ✓
Tomas Reyes
#4 · 11:30
Finally a decision that listens to the people who actually use the quay at night.
9 ✓
Lena Ivarsson
#5 · 12:02
The ferry crews asked for this for years. Good to see it done before the storms.
2 ✓
`;
    const doc = parse(ran);
    expect(doc.messages.map((m) => m.ruleId)).toContain('thread/line-model');
    // the message says what happened: the rules read posts (two), not "no layout recognised"
    expect(doc.messages.find((m) => m.ruleId === 'thread/line-model')!.reason).toMatch(/^The rules read 2 posts but ran several together/);
    // the model's reading: the five posts apart, the four run-together ones each with its author (the first post's
    // head, its name and time on one line, is not an author line to the model: that author is lost; the session-31 refit
    // read the lone button under it, printed once in this dump, into its text; the session-35 refit on 01-82 gave it to
    // the page again; the session-40 refit on 01-112 read it into the text once more, the session-41 refit on 01-118
    // gives it to the page again: a one-line model reading that moves with the fit, kept here so a refit that changes
    // it is seen)
    expect(doc.thread.posts.map((p) => [p.author, p.text])).toEqual([
      [null, 'I walk the dog along the quay every night and the lights make all the difference.'],
      ['Oskar Brandt', 'Good news, but who pays for it in the end? The maintenance budget is our harbour dues.'],
      ['Priya Nandakumar', '@Oskar Brandt the dues were raised last spring already, so this is covered.'],
      ['Tomas Reyes', 'Finally a decision that listens to the people who actually use the quay at night.'],
      ['Lena Ivarsson', 'The ferry crews asked for this for years. Good to see it done before the storms.'],
    ]);
    expect(doc.thread.posts[2]!.parentId).toBe(doc.thread.posts[1]!.id);
    // every span still points at its text
    for (const p of doc.thread.posts) for (const l of p.lines) expect(ran.slice(l.span[0], l.span[1]).length).toBeGreaterThan(0);
    // (Session 39) The edge pass, a study switched off in the library, takes that nameless first post, under an article
    // with text, for a fragment of the page and drops it: a real post lost, the cost that failed its held-out bar.
    setEdgePassForStudy(true);
    let shipped;
    try {
      shipped = parse(ran);
    } finally {
      setEdgePassForStudy(false);
    }
    expect(shipped.thread.posts.map((p) => p.author)).toEqual(['Oskar Brandt', 'Priya Nandakumar', 'Tomas Reyes', 'Lena Ivarsson']);
    expect(shipped.thread.posts[1]!.parentId).toBe(shipped.thread.posts[0]!.id);
    expect(shipped.messages.map((m) => m.ruleId)).toContain('thread/edge-post-dropped');
  });

  it('counts the rules\' posts in whose text the model sees no post text (`textless`, session 33)', () => {
    const g = (role: 'author' | 'meta' | 'start' | 'body' | 'chrome') => ({ role, p: 0.9 });
    const guesses = [g('author'), g('meta'), g('start'), g('body'), g('chrome'), null];
    const none = (): boolean => false;
    // posts of a head (0-1), of a chrome line (4), of a start and its body (2-3), and one with no text line: one head, one chrome
    expect(triggerFacts(guesses, 4, none, new Set(), none, [[0, 1], [2, 3], [4], []]).textless).toBe(2);
    expect(triggerFacts(guesses, 4, none, new Set(), none).textless).toBe(0);
  });

  it('takes a sure model\'s count where the rules\' extra posts hold no text, or its starts lie under heads in their text (shape33b)', () => {
    const facts = { rulePosts: 20, starts: 14, orphanStarts: 0, agreed: 14, startsInText: 0, startsUnderHead: 0, textless: 4, startsInArticle: 0, sureLines: 0, sureDisagree: 0, sureStarts: 0, sureStartDisagree: 0, meanStartP: 0.9 };
    // 20 posts against 15 (a quarter of 14 starts or more), 4 of them textless: at least three and half the gap
    expect(countArm(facts, 15)).toBe(true);
    // a model unsure of its starts (one that has not seen the layout) is not weighed
    expect(countArm({ ...facts, meanStartP: 0.7 }, 15)).toBe(false);
    // a gap under a quarter of the start lines, or one the textless posts do not explain, is not the rules' doing
    expect(countArm(facts, 18)).toBe(false);
    expect(countArm({ ...facts, textless: 2 }, 15)).toBe(false);
    expect(countArm(facts, 10)).toBe(false);
    // fewer posts than the model's: explained by its start lines under heads in their text
    expect(countArm({ ...facts, rulePosts: 9, textless: 0, startsUnderHead: 3 }, 14)).toBe(true);
  });

  it('fires on no fixture', () => {
    const root = join(import.meta.dirname, '..', 'fixtures');
    const fired: string[] = [];
    let n = 0;
    for (const name of readdirSync(root).sort()) {
      const file = join(root, name, 'input.txt');
      if (!existsSync(file)) continue;
      n++;
      const doc = parse(readFileSync(file, 'utf8'), { name: `${name}/input` });
      if (doc.messages.some((m) => m.ruleId === 'thread/line-model')) fired.push(name);
    }
    expect(n).toBeGreaterThan(40);
    // widget-49 (a known miss: the rules read the Weibo-like page's `赞 N` buttons and colon lines as names) is taken
    // by the model since session 32: most of its authors carry the frame (`赞`), and the model's do not
    expect(fired).toEqual(['widget-49-metro-hours-weibo-zh']);
  });
});

describe('oddAuthorShare: a phone number is a name (session 31 review)', () => {
  const post = (author: string | null, removed = false) => ({ author, removed }) as unknown as Parameters<typeof oddAuthorShare>[0][number];
  it('counts a clock, no letter and a missing name as odd, and a chat sender shown by phone number as not', () => {
    expect(oddAuthorShare([post('Ana Ruiz'), post('+44 7700 900123'), post('(555) 010-4477')])).toBe(0);
    expect(oddAuthorShare([post('Ana Ruiz'), post('09:12'), post('12'), post(null)])).toBe(0.75);
    expect(oddAuthorShare([post('Ana Ruiz'), post('123'), post(null, true)])).toBe(0.5);
  });
});
