import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withAccountColumns } from '../src/ingest/head-template.js';
import { splitLines } from '../src/ingest/lines.js';
import { newPost } from '../src/ingest/styles/counted.js';
import type { RawPost, SectionParse } from '../src/ingest/types.js';
import { parse } from '../src/index.js';
import { rows } from './lib/parse-rows.js';

// Session 43 (at43): a page that prints, beside each display name, the poster's account name ("Nora Quill  harbourgirl
// 5h", "Nora Quill (harbourgirl) · 5h", or the account on the line under the name); a reply addressed "@account" answers
// that poster's post. Made-up dumps, not copied from a blind dump.

type Head = (name: string, account: string, time: string) => string[];
const SHAPES: Record<string, Head> = {
  'a column': (n, a, t) => [`${n}  ${a}  ${t}`],
  brackets: (n, a, t) => [`${n} (${a}) · ${t}`],
  'the line under the name': (n, a, t) => [n, a, t],
};

function ferryPage(head: Head): string {
  const post = (n: string, a: string, t: string, text: string) => [...head(n, a, t), text, 'Reply', ''];
  return [
    'Harbour Gazette',
    '',
    'Ferry timetable cut to two sailings a day in winter',
    '',
    'The island ferry will run twice a day from January, the operator said on Monday, citing crew shortages.',
    '',
    'Islanders say the change will make it hard to reach the mainland hospital for morning appointments.',
    '',
    'Comments',
    '',
    ...post('Nora Quill', 'harbourgirl', '5h', 'Two sailings is not enough for anyone who works on the mainland.'),
    ...post('Baz Ferreira', 'gullwing', '4h', 'The crew shortage has been known about for two years.'),
    ...post('Nora Quill', 'harbourgirl', '4h', 'Then why was nothing done about it?'),
    ...post('Idris Vale', 'ferrywatch', '3h', 'The hospital runs a minibus on Tuesdays, for what it is worth.'),
    ...post('Carmen Stroud', 'kelp_7', '2h', '@gullwing it was raised at the council in spring and voted down.'),
    ...post('Idris Vale', 'ferrywatch', '1h', 'Good to know, thanks.'),
  ].join('\n');
}

describe('session 43: an account name beside the display name is the poster\'s handle', () => {
  for (const [shape, head] of Object.entries(SHAPES)) {
    it(`links "@account" to that poster's post (${shape})`, () => {
      const text = ferryPage(head);
      const doc = parse(text);
      const carmen = doc.thread.posts[4]!;
      expect(carmen.parentId).toBe(doc.thread.posts[1]!.id);
      expect(carmen.mentions.map((m) => [m.name, m.postId])).toEqual([['gullwing', doc.thread.posts[1]!.id]]);
    });
  }

  it('keeps the display name as the author in a column layout', () => {
    expect(rows(ferryPage(SHAPES['a column']!)).map(([author, parent]) => [author, parent])).toEqual([
      ['Nora Quill', null],
      ['Baz Ferreira', null],
      ['Nora Quill', null],
      ['Idris Vale', null],
      ['Carmen Stroud', 1],
      ['Idris Vale', null],
    ]);
  });

  it('does not read the account column as the name a post answers', () => {
    // "Baz Ferreira  gullwing  4h" once read as Baz answering "gullwing": a post never answers its own account.
    const doc = parse(ferryPage(SHAPES['a column']!));
    expect(doc.messages.filter((m) => m.ruleId === 'thread/missing-parent').map((m) => m.actual)).toEqual([]);
    expect(doc.thread.posts.map((p) => p.replyCue?.kind ?? null)).toEqual([null, null, null, null, 'mention', null]);
  });

  it('reads no handle where the token beside the name changes from post to post or is shared by posters', () => {
    // A score beside the name: "Nora Quill  top  5h" on posts by different posters is a badge, not an account.
    const badge = ferryPage((n, _a, t) => [`${n}  top  ${t}`]).replace('@gullwing', '@top');
    const doc = parse(badge);
    expect(doc.thread.posts[4]!.mentions.map((m) => m.postId)).toEqual([null]);
  });
});

// Posts as a reader hands them over: one head line (the name, then whatever the page prints beside it) over one text line.
function section(heads: ReadonlyArray<{ name: string; beside: string; time: string }>): SectionParse {
  const text = heads.flatMap((h) => [`${h.name}${h.beside}  ${h.time}`, 'Some words of the post.']).join('\n');
  const lines = splitLines(text);
  const posts: RawPost[] = heads.map((h, k) => {
    const head = lines[2 * k]!;
    return { ...newPost(h.name, [head.start, head.start + h.name.length]), body: [lines[2 * k + 1]!], timestamp: h.time, raw: [head] };
  });
  return { posts, lineKinds: new Map(), linePost: new Map(), declaredCount: null, messages: [] };
}

describe('session 43: withAccountColumns never changes an author', () => {
  const word = fc.stringMatching(/^[A-Z][a-z]{2,7}$/);
  const token = fc.stringMatching(/^[a-z][a-z0-9_]{1,9}$/);
  const beside = fc.oneof(token.map((t) => `  ${t}`), token.map((t) => ` (${t})`), fc.constantFrom('', '  top', ' · Edited', '  12'));
  const head = fc.record({ name: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`), beside, time: fc.constantFrom('5h', '2d', '1 hour ago') });

  it('keeps every author and author span, and sets a handle only where none was read', () => {
    fc.assert(
      fc.property(fc.array(head, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 5 }), fc.array(fc.boolean(), { maxLength: 17 }), (heads, repeat, preset) => {
        // Some posters post twice with the same head, as on a page; some posts carry a handle a reader read already.
        const page = [...heads, ...heads.slice(0, repeat)];
        const parsed = section(page);
        parsed.posts.forEach((p, k) => {
          if (preset[k]) p.handle = `read_${k}`;
        });
        const before = parsed.posts.map((p) => [p.author, p.authorSpan, p.handle ?? null] as const);
        const after = withAccountColumns(parsed).posts;
        expect(after.map((p) => [p.author, p.authorSpan])).toEqual(before.map(([a, s]) => [a, s]));
        after.forEach((p, k) => {
          if (before[k]![2] !== null) expect(p.handle).toBe(before[k]![2]);
          else if (p.handle) expect(p.handle.toLowerCase()).not.toBe(p.author!.toLowerCase());
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps one account per poster, as the head prints it', () => {
    const heads = [
      { name: 'Nora Quill', beside: '  harbourgirl', time: '5h' },
      { name: 'Baz Ferreira', beside: '  gullwing', time: '4h' },
      { name: 'Nora Quill', beside: '  harbourgirl', time: '4h' },
      { name: 'Idris Vale', beside: ' (ferrywatch)', time: '3h' },
    ];
    expect(withAccountColumns(section(heads)).posts.map((p) => p.handle)).toEqual(['harbourgirl', 'gullwing', 'harbourgirl', 'ferrywatch']);
    // One poster, two accounts: not a column of accounts.
    const two = [...heads, { name: 'Baz Ferreira', beside: '  seaspray', time: '1h' }];
    expect(withAccountColumns(section(two)).posts.map((p) => p.handle ?? null)).toEqual([null, null, null, null, null]);
  });
});
