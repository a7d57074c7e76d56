import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/lines.js';
import { readCommaHeader, readFooter, readReplyLine, readWidgetHeader } from '../src/ingest/styles/header-cues.js';
import { widgetStyle } from '../src/ingest/styles/widget.js';
import { parse } from '../src/index.js';

const line = (t: string) => splitLines(t)[0]!;

describe('widget headers', () => {
  it('reads name and time with a separator, a column gap or an absolute date', () => {
    expect(readWidgetHeader(line('Maria Keller • 3 hours ago'))).toMatchObject({ author: 'Maria Keller', timestamp: '3 hours ago', authorSpan: [0, 12] });
    expect(readWidgetHeader(line('jdoe_77 · 2 days ago'))?.author).toBe('jdoe_77');
    expect(readWidgetHeader(line('Nicolò Rossi  Nov 25, 2024 10:14 AM'))).toMatchObject({ author: 'Nicolò Rossi', timestamp: 'Nov 25, 2024 10:14 AM' });
    expect(readWidgetHeader(line('  Sofía Díaz  Nov 6, 2024 11:30 AM edited'))).toMatchObject({ author: 'Sofía Díaz', authorSpan: [2, 12] });
    expect(readWidgetHeader(line('fan_since_1998 ▸ Ray_Donovan_79  Nov 6, 2024 9:40 AM'))).toMatchObject({ author: 'fan_since_1998', replyTo: { name: 'Ray_Donovan_79' } });
    expect(readWidgetHeader(line('Lena Vogt (Author) • 1h'))).toMatchObject({ author: 'Lena Vogt', isOP: true });
  });
  it('does not read sentences, bylines or forum handles as headers', () => {
    for (const t of ['We left 3 days ago', 'I said this yesterday', 'By Ellen Marsh • 5 hours ago', 'u/some_user · 5h', 'Great article - yesterday', 'The council voted 7-4 on Tuesday night.']) {
      expect(readWidgetHeader(line(t)), t).toBeNull();
    }
  });
});

describe('widget footers and reply lines', () => {
  it('reads like counts off footer lines', () => {
    expect(readFooter(line('12 Reply'))).toEqual({ likes: 12 });
    expect(readFooter(line('Reply · 3 likes'))).toEqual({ likes: 3 });
    expect(readFooter(line('▲ 5 ▼ Reply Share ›'))).toEqual({ likes: 5 });
    expect(readFooter(line('Like (4) Reply'))).toEqual({ likes: 4 });
    expect(readFooter(line('Reply Share Report Save Follow'))).toEqual({ likes: null });
    expect(readFooter(line('42'))).toBeUndefined();
    expect(readFooter(line('Reply to the minister, please.'))).toBeUndefined();
  });
  it('reads "Replying to X" lines with the span of the name', () => {
    const l = line('Replying to Emma-Louise Carter');
    expect(readReplyLine(l)).toEqual({ name: 'Emma-Louise Carter', span: [12, 30] });
    expect(readReplyLine(line('In reply to @jdoe_77'))?.name).toBe('jdoe_77');
    expect(readReplyLine(line('jdoe_77 replied to Maria Keller'))?.name).toBe('Maria Keller');
    expect(readReplyLine(line('Replying to a long thread like this one is pointless, I know, but the figures are wrong.'))).toBeNull();
  });
});

describe('widget sections', () => {
  const dump = [
    'Council approves bike lanes',
    '',
    'The council voted 7-4 on Tuesday night to build the lanes.',
    '',
    '143 Comments',
    'Join the discussion…',
    'Sort by Best',
    '',
    'Maria Keller • 3 hours ago',
    'Finally.',
    '',
    'Second paragraph.',
    'Reply · 12 likes',
    '',
    '    jdoe_77 • 2 hours ago',
    '    The article says 300, the report says 340.',
    '    Reply · 3 likes',
    '',
    'This comment was deleted.',
    '',
    '    This comment was deleted.',
    '',
    '        Tom • 1 hour ago',
    '        Nobody is banning cars.',
    '        Reply',
    'Load more comments',
  ].join('\n');
  const lines = splitLines(dump);
  const found = widgetStyle.detect(lines);
  it('starts at the count line', () => {
    expect(found?.start).toBe(4);
  });
  const parsed = widgetStyle.parse(lines, found!.start, dump);
  it('reads posts, removed placeholders, depths from indentation and likes', () => {
    expect(parsed.declaredCount).toBe(143);
    expect(parsed.posts.map((p) => [p.author, p.removed, p.depth, p.likes])).toEqual([
      ['Maria Keller', false, 0, 12],
      ['jdoe_77', false, 1, 3],
      [null, true, 0, null],
      [null, true, 1, null],
      ['Tom', false, 2, null],
    ]);
    expect(parsed.posts[0]!.body.map((l) => l.trimmed)).toEqual(['Finally.', '', 'Second paragraph.']);
    expect(lines.filter((l) => parsed.lineKinds.get(l.index) === 'comment-chrome').map((l) => l.trimmed)).toEqual(['Join the discussion…', 'Sort by Best', 'Load more comments']);
  });
  it('gives author spans that slice back', () => {
    for (const p of parsed.posts) if (p.authorSpan) expect(dump.slice(...p.authorSpan)).toBe(p.author);
  });
  it('never throws and is deterministic on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('12 Comments', 'Ann • 2h', 'Reply', '    Bo · 1 day ago', '[deleted]', 'Replying to Ann', '\r', '\u0000', '\ud800')), { maxLength: 30 }), (parts) => {
        const text = parts.join('\n');
        const ls = splitLines(text);
        const d = widgetStyle.detect(ls);
        const a = widgetStyle.parse(ls, d?.start ?? 0, text);
        const b = widgetStyle.parse(ls, d?.start ?? 0, text);
        expect(JSON.stringify(a.posts)).toBe(JSON.stringify(b.posts));
      }),
      { numRuns: 200 },
    );
  });
});

describe('widget layouts beyond Disqus classic', () => {
  const posts = (text: string) => parse(text).thread.posts;
  const article = 'Title: Ferry cut\n\nThe island ferry will run six sailings a day instead of nine from June, the operator said.\n\n';

  it('reads ages, dislikes and reply counts in footers without taking them for likes', () => {
    expect(readFooter(line('Like · Reply · 2 · 3y'))).toEqual({ likes: 2, timestamp: '3y' });
    expect(readFooter(line('Like · Reply · 5 · 3y · Edited'))).toEqual({ likes: 5, timestamp: '3y' });
    expect(readFooter(line('^ 14 v'))).toEqual({ likes: 14 });
    expect(readFooter(line('👎 7'))).toEqual({ likes: null });
    expect(readFooter(line('6 replies'))).toEqual({ likes: null });
    expect(readFooter(line('Replies 2'))).toEqual({ likes: null });
    expect(readFooter(line('Recommend 1.2K'))).toEqual({ likes: 1200 });
    expect(readFooter(line('v'))).toBeUndefined();
    expect(readFooter(line('3y'))).toBeUndefined();
  });

  it('reads the name answered after a column gap (Disqus copies drop the arrow icon)', () => {
    expect(readWidgetHeader(line('Mira Sol  Gerald Finch • 3 years ago'))).toMatchObject({ author: 'Mira Sol', replyTo: { name: 'Gerald Finch' } });
    const ps = posts(`${article}9 Comments\nSort by Best\n\n−\nAvatar\nGerald Finch • 3 years ago\nNine was never the full timetable.\n^ 14 v\n• Reply • Share ›\n−\nAvatar\nAvatar\nMira Sol  Gerald Finch • 3 years ago\nIt was nine from 2016.\n^ 6 v\n• Reply • Share ›\n`);
    expect(ps.map((p) => [p.author, p.text, p.meta.likes, p.parentId])).toEqual([
      ['Gerald Finch', 'Nine was never the full timetable.', 14, null],
      ['Mira Sol', 'It was nine from 2016.', 6, 'p1'],
    ]);
  });

  it('reads a name over a place line and a time line, with picks and "Writer" badges (NYT-like)', () => {
    const doc = parse(`${article}By Carla Mendes\n\nComments 1,204\nAll\nReader Picks\nNewest\nHarold B.\nAnn Arbor, MI\nNov. 19\nTimes Pick\nOur library tried Sundays in 2019.\nRecommend 312\nShare\nFlag\nReplies 2\nCarla Mendes\nWriter\nNov. 19\n@Harold B. In our case it was 410.\nRecommend 88\nShare\nFlag\n`);
    expect(doc.thread.declaredCount).toBe(1204);
    expect(doc.thread.posts.map((p) => [p.author, p.text, p.meta.timestamp, p.meta.likes, p.isOP, p.parentId])).toEqual([
      ['Harold B.', 'Our library tried Sundays in 2019.', 'Nov. 19', 312, false, null],
      ['Carla Mendes', '@Harold B. In our case it was 410.', 'Nov. 19', 88, true, 'p1'],
    ]);
  });

  it('reads "Name says:" headers, "N thoughts on" counts and comment-form chrome (WordPress-like)', () => {
    const doc = parse(`${article}2 thoughts on “Ferry cut”\nMargaret Dunne says:\nApril 8, 2024 at 7:41 pm\nSeven years!\nReply\nIan Pollard says:\nApril 8, 2024 at 9:02 pm\nMargaret, you must be near the top by now.\nReply\nLeave a Reply Cancel reply\nYour email address will not be published. Required fields are marked *\nComment *\nPost Comment\n`);
    expect(doc.thread.declaredCount).toBe(2);
    expect(doc.thread.posts.map((p) => [p.author, p.text, p.parentId])).toEqual([
      ['Margaret Dunne', 'Seven years!', null],
      ['Ian Pollard', 'Margaret, you must be near the top by now.', 'p1'],
    ]);
  });

  it('keeps a name over a placeholder as the removed post\'s author and reply counts out of the opener', () => {
    const doc = parse(`${article}Comments (48)\nSort by Popular\nJim K\n3h\nNot in my town.\nReply\n6 replies\n👍 52\n👎 7\nAnonymous\nThis comment has been removed for violating our community guidelines.\nHank\n1h\nI paid less.\nReply\n👍 4\n`);
    expect(doc.thread.declaredCount).toBe(48);
    expect(doc.thread.posts.map((p) => [p.author, p.removed, p.meta.likes])).toEqual([
      ['Jim K', false, 52],
      ['Anonymous', true, null],
      ['Hank', false, 4],
    ]);
  });

  it('keeps emoji-only posts and chrome words inside a sentence as post text', () => {
    const ps = posts(`${article}3 Comments\n\nPriya N • 2 hours ago\nSort by Best\nis the default and it hides new comments.\nReply · 7 likes\n\nMarco • 1 hour ago\n👍\nReply\n`);
    expect(ps.map((p) => [p.author, p.text, p.meta.likes])).toEqual([
      ['Priya N', 'Sort by Best\nis the default and it hides new comments.', 7],
      ['Marco', '👍', null],
    ]);
  });
});

describe('comma headers and @handles', () => {
  it('reads "Name, Place, time" headers only with capitalised places and a figure or "ago" in the time', () => {
    expect(readCommaHeader(line('Dave, London, United Kingdom, 3 hours ago'))).toMatchObject({ author: 'Dave', authorSpan: [0, 4], timestamp: '3 hours ago' });
    expect(readCommaHeader(line('Bob Skeptic, Bristol, Nov 25, 2024'))).toMatchObject({ author: 'Bob Skeptic', timestamp: 'Nov 25, 2024' });
    for (const t of ['Honestly, 5 days ago', 'Well, then, yesterday', 'I went, and then, 3 hours ago', 'Dave, london, 3 hours ago']) expect(readCommaHeader(line(t)), t).toBeNull();
  });
  it('reads YouTube-like "@handle" over its time as the name shown, "@" kept, so that "@handle" mentions find it', () => {
    const posts = parse('Title: T\n\nA video about fast trains in Spain and why they run on time.\n\n12 Comments\n@rail_nerd_es\n3 years ago\nIt opened in 2008.\n1.2K\nReply\n15 replies\n@TransitExplained\n3 years ago\n@rail_nerd_es You are right.\n340\nReply\n').thread.posts;
    expect(posts.map((p) => [p.author, p.meta.likes, p.parentId])).toEqual([
      ['@rail_nerd_es', 1200, null],
      ['@TransitExplained', 340, 'p1'],
    ]);
  });
});
