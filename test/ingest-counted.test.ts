import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';

const thread = (lines: string[]) =>
  parse(['Title: Budget passes', 'The budget passed the senate on Friday by a vote of 51 to 49 after a long night of debate.', ...lines, ''].join('\n')).thread.posts.map((p) => [p.author, p.text]);

describe('counted comment sections', () => {
  it('reads a short evaluative line as post text, not as a new author', () => {
    expect(thread(['3 Comments', 'Sam Ortiz', 'Finally some action.', 'Great job Schumer', 'Mia K', 'It passed 52 to 48.'])).toEqual([
      ['Sam Ortiz', 'Finally some action.\nGreat job Schumer'],
      ['Mia K', 'It passed 52 to 48.'],
    ]);
  });
  it('reads names ending in an initial, and names followed by a time stamp', () => {
    const doc = parse(['Title: T', '', 'The council met on Monday and voted to close the old bridge for good.', 'Comments (2)', '', 'Dave R.', 'Feb 14, 2025 9:12 AM', 'It was Tuesday.', '', 'mariaK', '3 hours ago', 'Dave R., no, Monday.', ''].join('\n'));
    const posts = doc.thread.posts;
    expect(posts.map((p) => [p.author, p.meta.timestamp, p.text])).toEqual([
      ['Dave R.', 'Feb 14, 2025 9:12 AM', 'It was Tuesday.'],
      ['mariaK', '3 hours ago', 'Dave R., no, Monday.'],
    ]);
    expect(posts[1]!.parentId).toBe(posts[0]!.id);
  });
  it('keeps a removed post so that a reply to it keeps its parent', () => {
    const posts = parse(['Title: T', 'The council met on Monday and voted to close the old bridge for good.', '3 Comments', 'Ann', 'First!', 'Bob', '[deleted]', 'Cara', '@Bob what did you say?', ''].join('\n')).thread.posts;
    expect(posts.map((p) => [p.author, p.removed])).toEqual([['Ann', false], ['Bob', true], ['Cara', false]]);
    expect(posts[2]!.parentId).toBe(posts[1]!.id);
  });
});

describe('user handles in classification', () => {
  it('a handle with digits is not a figure, and offsets are kept', async () => {
    const { classifyRecord } = await import('../src/index.js');
    const text = '@TrainSpotter_42 fair point, my mistake.';
    const r = classifyRecord({ text });
    expect(r.claims).toEqual([]);
    expect(r.acts!.map((a) => a.act)).toContain('concession');
    for (const a of r.acts!) expect(text.slice(...a.evidence.span)).toBe(a.evidence.text);
  });
});

describe('counted sections with footers (Facebook comments plugin)', () => {
  it('reads footers, badges and full-name tags, and keeps plugin chrome out of posts', () => {
    const doc = parse(
      ['Title: Flood barrier approved', 'Westbrook Gazette', 'The district council has approved a flood barrier along Mill Lane, where 37 homes flooded.', '3 Comments', 'Sort by', 'Top', 'Add a comment...',
        'Brenda Hollis', 'I have lived on Mill Lane for 30 years.', 'Like · Reply · 3y',
        'Kevin O\'Hara', 'Brenda Hollis the 2007 flood was worse.', 'Like · Reply · 2 · 3y', 'View 2 more replies',
        'Westbrook Gazette', 'Author', 'Finally!!', 'Like · Reply · 4 · 3y', 'Facebook Comments Plugin', ''].join('\n'),
    );
    expect(doc.thread.posts.map((p) => [p.author, p.text, p.meta.timestamp, p.meta.likes, p.isOP, p.parentId])).toEqual([
      ['Brenda Hollis', 'I have lived on Mill Lane for 30 years.', '3y', null, false, null],
      ["Kevin O'Hara", 'Brenda Hollis the 2007 flood was worse.', '3y', 2, false, 'p1'],
      ['Westbrook Gazette', 'Finally!!', '3y', 4, true, null],
    ]);
  });
});
