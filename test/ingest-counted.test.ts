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
    expect(r.acts.map((a) => a.act)).toContain('concession');
    for (const a of r.acts) expect(text.slice(...a.evidence.span)).toBe(a.evidence.text);
  });
});
