import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonDump, renderJsonDump } from '../src/ingest/json.js';
import { parse } from '../src/index.js';

describe('renderJsonDump', () => {
  const dump = renderJsonDump({
    article: { title: 'Rent cap extended', date: '2025-05-20', text: 'First paragraph.\n\nSecond paragraph.', extra: { nested: true } },
    comments: [
      { id: 'c1', author: 'Ann Lee', text: 'One.\nTwo.', parentId: null, timestamp: '2025-05-20T08:00:00Z', likes: 3 },
      { id: 'c2', author: '[deleted]', text: '', parentId: 'c1', removed: true },
      { id: 'c3', author: 'bo_7', text: 'Three.', parentId: 'c2', replies: [{ id: 'c4', author: 'Ann Lee', text: 'Four.' }] },
    ],
  })!;
  it('renders a documented, deterministic text', () => {
    expect(dump.text).toBe(
      [
        'Title: Rent cap extended',
        'Date: 2025-05-20',
        '',
        'First paragraph.',
        '',
        'Second paragraph.',
        '',
        'Comments',
        '',
        '[c1] Ann Lee · 2025-05-20T08:00:00Z · 3 likes',
        'One.',
        'Two.',
        '',
        '[c2] (unknown) · in reply to [c1] · removed',
        '[removed]',
        '',
        '[c3] bo_7 · in reply to [c2]',
        'Three.',
        '',
        '[c4] Ann Lee · in reply to [c3]',
        'Four.',
      ].join('\n'),
    );
  });
  it('locates posts in the rendering, with explicit parents and nested replies', () => {
    expect(dump.posts.map((p) => [p.id, p.author, p.removed, p.parentRef])).toEqual([
      ['c1', 'Ann Lee', false, null],
      ['c2', null, true, 'c1'],
      ['c3', 'bo_7', false, 'c2'],
      ['c4', 'Ann Lee', false, 'c3'],
    ]);
    for (const p of dump.posts) {
      if (p.authorSpan) expect(dump.text.slice(...p.authorSpan)).toBe(p.author);
      for (const l of p.body) expect(dump.text.slice(l.start, l.end)).toBe(l.text);
    }
    expect(dump.article.title).toBe('Rent cap extended');
  });
  it('treats __proto__ and constructor as plain data and never pollutes prototypes', () => {
    const value = JSON.parse('{"article":{"title":"T","__proto__":{"polluted":1}},"comments":[{"id":"constructor","author":"__proto__","text":"Hi.","parentId":"__proto__"}],"__proto__":{"comments":5}}');
    const d = renderJsonDump(value)!;
    expect(d.posts.map((p) => [p.id, p.author, p.parentRef])).toEqual([['constructor', '__proto__', '__proto__']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('returns null for values that are not dumps, and for text that is not JSON', () => {
    for (const v of [null, 3, 'x', { title: 'no article' }, { comments: 'nope' }]) expect(renderJsonDump(v)).toBeNull();
    expect(readJsonDump('{ not json')).toBeNull();
    expect(readJsonDump('Title: x')).toBeNull();
  });
  it('reports skipped entries and unreadable fields', () => {
    const d = renderJsonDump({ comments: ['text', null, { id: 1, author: 'A', text: { html: '<p>' } }] })!;
    expect(d.messages.map((m) => m.ruleId)).toEqual(['json/skipped-comment', 'json/skipped-comment', 'json/unreadable-field']);
    expect(d.posts).toHaveLength(1);
  });
  it('is parsed by parse() with spans into doc.source.text', () => {
    const input = JSON.stringify({ article: { title: 'T', text: 'Body text here.' }, comments: [{ id: 'a', author: 'Ann', text: 'Hello there.' }, { id: 'b', author: 'Bo', text: 'Hi.', parentId: 'a' }] });
    const doc = parse(input);
    expect(doc.source.style).toBe('json');
    expect(doc.thread.posts.map((p) => [p.id, p.parentId])).toEqual([['a', null], ['b', 'a']]);
    for (const p of doc.thread.posts) expect(doc.source.text!.slice(...p.span)).toBe(p.text);
  });
  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (article, comments) => {
        const d = renderJsonDump({ article, comments: Array.isArray(comments) ? comments : [comments] });
        if (d) for (const p of d.posts) for (const l of p.body) expect(d.text.slice(l.start, l.end)).toBe(l.text);
      }),
      { numRuns: 300 },
    );
  });
});
