import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/lines.js';
import { readFooter, readReplyLine, readWidgetHeader } from '../src/ingest/styles/header-cues.js';
import { widgetStyle } from '../src/ingest/styles/widget.js';

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
