import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/lines.js';
import { forumStyle, readForumCount, readForumHeader } from '../src/ingest/styles/forum.js';
import { parse } from '../src/index.js';

const line = (t: string) => splitLines(t)[0]!;

describe('forum headers', () => {
  it('reads handles with prefixes, points, ages and OP markers', () => {
    expect(readForumHeader(line('u/some_user · 5h'))).toMatchObject({ author: 'some_user', timestamp: '5h', strong: true, authorSpan: [2, 11] });
    expect(readForumHeader(line('[–] throwaway_99 12 points 3 hours ago'))).toMatchObject({ author: 'throwaway_99', points: 12, timestamp: '3 hours ago' });
    expect(readForumHeader(line('[–]throwaway_99 1 point 3 hours ago (edited 2 hours ago)'))).toMatchObject({ author: 'throwaway_99', points: 1 });
    expect(readForumHeader(line('civics_teacher_22 [S] 31 points 8 hours ago'))).toMatchObject({ isOP: true });
    expect(readForumHeader(line('u/eurowatcher_ OP · 5h'))).toMatchObject({ author: 'eurowatcher_', isOP: true });
    expect(readForumHeader(line('[deleted] · 6h'))).toMatchObject({ author: null, deletedAuthor: true });
    expect(readForumHeader(line('Sounds 5h'))).toBeNull();
    expect(readForumHeader(line('This is a sentence about 5 hours ago.'))).toBeNull();
  });
  it('reads declared counts', () => {
    expect(readForumCount('View all 1.2k comments')).toBe(1200);
    expect(readForumCount('all 57 comments')).toBe(57);
    expect(readForumCount('View entire discussion (842 comments)')).toBe(842);
    expect(readForumCount('Great comments here')).toBeUndefined();
  });
});

describe('forum sections', () => {
  const dump = [
    'r/europe',
    'Posted by u/op_user 7h',
    'Night trains to Warsaw by 2027',
    'The ministry announced new sleeper services on Monday.',
    '842 comments',
    'Sort by: Best',
    '',
    'level 1',
    'railfan_1987',
    '·',
    '6 hr. ago',
    'Great news, but 40 cars is nothing.',
    '134',
    'Reply',
    'Share',
    'level 2',
    'u/op_user · 5h',
    'It was pushed back to 2027.',
    'Reply Share Report Save Follow',
    'level 3',
    '[deleted] · 5h',
    '[removed]',
    'level 2',
    'u/Zoë-Brandt · 4h',
    '42',
    '7',
    'Reply Share Report Save Follow',
    'Continue this thread →',
    'View all 842 comments',
  ].join('\n');
  const lines = splitLines(dump);
  const found = forumStyle.detect(lines);
  const parsed = forumStyle.parse(lines, found!.start, dump);
  it('starts at the count line and reads the declared count', () => {
    expect(lines[found!.start]!.trimmed).toBe('842 comments');
    expect(parsed.declaredCount).toBe(842);
  });
  it('reads multi-line headers, levels, vote counts, OP by submitter and removed posts', () => {
    expect(parsed.posts.map((p) => [p.author, p.removed, p.isOP, p.depth, p.likes])).toEqual([
      ['railfan_1987', false, false, 0, 134],
      ['op_user', false, true, 1, null],
      [null, true, false, 2, null],
      ['Zoë-Brandt', false, false, 1, 7],
    ]);
    // A lone number is a vote count only next to a footer line; before another line it is the post's text.
    expect(parsed.posts[3]!.body.map((l) => l.trimmed)).toEqual(['42']);
  });
  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('level 2', 'u/a_b · 5h', '[–] x 1 point 1h', '[removed]', '·', '5 hr. ago', '134', 'Reply')), { maxLength: 30 }), (parts) => {
        const text = parts.join('\n');
        const ls = splitLines(text);
        forumStyle.parse(ls, forumStyle.detect(ls)?.start ?? 0, text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Hacker-News-like and new-Reddit sections', () => {
  it('reads "| parent | next [–]" headers: roots, reply marks and the submitter line', () => {
    expect(readForumHeader(splitLines('kvstore 5 hours ago | parent | next [–]')[0]!)).toMatchObject({ author: 'kvstore', timestamp: '5 hours ago', strong: true, replyMark: [22, 28] });
    expect(readForumHeader(splitLines('marta_dev 5 hours ago | next [–]')[0]!)).toMatchObject({ author: 'marta_dev', rootMark: true });
    const doc = parse(
      ['SQLite adds vector search', '412 points by kvstore 6 hours ago | hide | past | favorite | 187 comments', '', 'The SQLite team has released version 3.51 with a built-in vector index.', '', 'add comment', '',
        'marta_dev 5 hours ago | next [–]', 'Ten million rows is the benchmark, not a limit.', 'reply', '',
        'kvstore 5 hours ago | parent | next [–]', 'Right, I misread it.', 'reply', '',
        'ghost 4 hours ago | parent | next [–]', 'It is disk-backed.', 'reply', '',
        'pqrs 5 hours ago | prev [–]', 'Does this ship in Python?', 'reply', '', 'Guidelines | FAQ | Lists | API | Security | Legal | Contact', ''].join('\n'),
    );
    expect(doc.source.style).toBe('forum');
    expect(doc.thread.declaredCount).toBe(187);
    expect(doc.thread.posts.map((p) => [p.author, p.isOP, p.parentId])).toEqual([
      ['marta_dev', false, null],
      ['kvstore', true, 'p1'],
      ['ghost', false, 'p2'],
      ['pqrs', false, null],
    ]);
    // p2's parent is certain (the post before is top level); p3's is the likeliest and says so.
    expect(doc.messages.filter((m) => m.ruleId === 'thread/guessed-parent').map((m) => m.reason)).toHaveLength(1);
    expect(doc.article.text).not.toContain('points by');
  });

  it('reads new Reddit copies: avatar lines, badges, "Edited" lines and vote counts between buttons', () => {
    const doc = parse(
      ['r/AskEurope', '•', '8 hr. ago', 'lisbon_mo', 'Portugal raises minimum wage to €920 — how does your country compare?', 'The government raised the minimum wage to €920 a month.', 'Upvote', '1.1K', 'Downvote', 'Sort by:', 'Best', 'Search Comments', 'Comments Section',
        'u/Hallo_Zeit avatar', 'Hallo_Zeit', '•', '7h ago', 'Top 1% Commenter', 'Germany: €12.82 an hour.', 'Upvote', '212', 'Downvote', 'Reply', 'Share',
        'u/nordic_nils avatar', 'nordic_nils', '•', '5h ago', 'Edited 4h ago', 'Sweden has no minimum wage.', 'Upvote', '41', 'Downvote', 'Reply', 'Share', 'More replies', ''].join('\n'),
    );
    expect(doc.source.style).toBe('forum');
    expect(doc.article.title).toBe('Portugal raises minimum wage to €920 — how does your country compare?');
    expect(doc.thread.posts.map((p) => [p.author, p.text, p.meta.likes])).toEqual([
      ['Hallo_Zeit', 'Germany: €12.82 an hour.', 212],
      ['nordic_nils', 'Sweden has no minimum wage.', 41],
    ]);
  });
});
