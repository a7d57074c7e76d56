import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/lines.js';
import { forumStyle, readForumCount, readForumHeader } from '../src/ingest/styles/forum.js';

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
