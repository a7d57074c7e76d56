/**
 * The learned line-role fallback (src/ingest/line-roles.ts): on a layout the rules do not know it reads the posts; on
 * the layouts they know (every fixture) it never fires. The dump below was written for this test, in a shape no style
 * reads (a name line, a "#n · time" line, the text, a tick count), not copied from any fixture.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { modelSection } from '../src/ingest/line-roles.js';
import { splitLines } from '../src/ingest/lines.js';

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

describe('line-role fallback', () => {
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

  it('stays out when the rules read the posts, and on an article alone', () => {
    expect(modelSection(splitLines(MADE_UP), 4)).toBeNull();
    const plain = parse('Bridge to close\n\nThe council voted to close the bridge on Monday. It will reopen in May.\n');
    expect(plain.thread.posts).toEqual([]);
    expect(plain.messages.map((m) => m.ruleId)).toContain('thread/not-found');
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
    expect(fired).toEqual([]);
  });
});
