import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { assertDocument } from '../src/testing/assert.js';

// Session 39 (quote39): on an imageboard, the ">>N" link lines that open a post and the "> …" lines under them are
// the post's reply cue and its quotation, not its text (the convention of every other page). The dump below is made up
// for this test (a library's opening hours); the fixtures hold the blind-labelled ones.
const head = (name: string, clock: string, no: number, tail = '') => `${name} 03/11/26(Tue)${clock} No.${no}${tail}`;
const DUMP = [
  '[a / b / x] [Home]',
  '/lib/ - Libraries & Reading',
  '',
  'File: reading-room.png (88 KB, 900x600)',
  `Central library to close on Sundays from April ${head('Anonymous', '18:02:11', 7710001, ' [Reply]')}`,
  'The county says Sunday opening costs 140,000 a year and fewer than 90 people come in on an average Sunday.',
  'The reading room will stay open late on Thursdays instead.',
  '',
  head('Anonymous', '18:05:40', 7710004, ' >>7710009'),
  '>>7710001 (OP)',
  '>fewer than 90 people',
  '>on an average Sunday',
  'those 90 are the ones with nowhere else to go on a Sunday',
  '',
  head('Shelfmark !!Rw2pQ8nZ', '18:07:03', 7710006),
  'Thursdays late is more useful for anyone who works office hours.',
  '',
  head('Anonymous', '18:09:52', 7710009),
  '>>7710004',
  '>those 90 are the ones with nowhere else to go',
  '',
  'the day centre on Mill Road opens Sundays, it is not the only place',
  '',
  head('Anonymous', '18:12:20', 7710012),
  '>>7710006 >>7710009',
  'both of you are ignoring the students who revise there at weekends',
  '',
  head('Anonymous', '18:14:47', 7710015),
  '>>7710012',
  '>>7710006',
  'exam season is May and June, the cut starts in April',
  '',
  head('Anonymous', '18:16:05', 7710018),
  '>>7710015 this, the timing is deliberate',
  '',
  head('Anonymous', '18:19:31', 7710021),
  'I agree with >>7710006 about Thursdays',
  '',
  '[Post a Reply]',
  '6 replies / 0 images',
  '',
].join('\n');

describe('imageboard quote-link and quote lines (session 39)', () => {
  const doc = parse(DUMP);
  const posts = doc.thread.posts;
  const byId = (id: string) => posts.find((p) => p.id === id)!;

  it('reads the made-up board as its posts', () => {
    assertDocument(doc, DUMP);
    expect(posts.map((p) => p.id)).toEqual(['7710004', '7710006', '7710009', '7710012', '7710015', '7710018', '7710021']);
  });

  it("starts a post's text after its leading link lines and the quote lines under them", () => {
    expect(byId('7710004').text).toBe('those 90 are the ones with nowhere else to go on a Sunday');
    expect(byId('7710009').text).toBe('the day centre on Mill Road opens Sundays, it is not the only place');
    // Several links on one line, and one link a line over two lines.
    expect(byId('7710012').text).toBe('both of you are ignoring the students who revise there at weekends');
    expect(byId('7710015').text).toBe('exam season is May and June, the cut starts in April');
  });

  it('keeps the link lines and the quotation with the post (its raw lines, in page order), not in its text', () => {
    const raw = (id: string) => byId(id).meta.raw.map((l) => l.text);
    expect(raw('7710004').slice(1)).toEqual(['>>7710001 (OP)', '>fewer than 90 people', '>on an average Sunday']);
    expect(raw('7710009').slice(1)).toEqual(['>>7710004', '>those 90 are the ones with nowhere else to go']);
    expect(raw('7710015').slice(1)).toEqual(['>>7710012', '>>7710006']);
    // The quote names the post answered: its words are that post's own text.
    const quoted = raw('7710009')[2]!.slice(1);
    expect(byId('7710004').text.startsWith(quoted)).toBe(true);
  });

  it('keeps a link that shares its line with words, or stands inside a sentence, in the text', () => {
    expect(byId('7710018').text).toBe('>>7710015 this, the timing is deliberate');
    expect(byId('7710021').text).toBe('I agree with >>7710006 about Thursdays');
  });

  it('keeps the parents the links name (the opening post is the article: no parent)', () => {
    const parent = (id: string) => byId(id).parentId;
    expect(parent('7710004')).toBeNull();
    expect(parent('7710006')).toBeNull();
    expect(parent('7710009')).toBe('7710004');
    expect(parent('7710012')).toBe('7710006');
    expect(parent('7710015')).toBe('7710012');
    expect(parent('7710018')).toBe('7710015');
  });

  it('keeps a post that is nothing but a link as it was: no text of its own is taken away', () => {
    const input = DUMP.replace('>>7710015 this, the timing is deliberate', '>>7710015');
    const p = parse(input).thread.posts.find((x) => x.id === '7710018')!;
    expect(p.text).toBe('>>7710015');
  });

  it('property: whatever link and quote lines open the posts, spans slice back and no text opens with a link line', () => {
    const link = fc.constantFrom('>>7710001 (OP)', '>>7710004', '>>7710004 >>7710006', '>>7710006');
    const quote = fc.constantFrom('>fewer than 90 people', '>those 90', '>Thursdays late');
    const own = fc.constantFrom('the hours were cut once already', 'who decided this', 'fine by me');
    const body = fc.record({ links: fc.array(link, { maxLength: 2 }), quotes: fc.array(quote, { maxLength: 2 }), gap: fc.boolean(), text: fc.array(own, { minLength: 1, maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 4 }), (bodies) => {
        const extra = bodies.map((b, i) => [head('Anonymous', `19:0${i}:00`, 7710030 + i * 3), ...b.links, ...b.quotes, ...(b.gap ? [''] : []), ...b.text.map((t, j) => `${t}, post ${i} line ${j}`), ''].join('\n'));
        const input = DUMP.replace('[Post a Reply]', `${extra.join('\n')}\n[Post a Reply]`);
        const d = parse(input);
        assertDocument(d, input);
        for (const p of d.thread.posts) {
          for (const l of p.lines) expect(input.slice(l.span[0], l.span[1])).toBe(l.text);
          if (p.lines.length > 0) expect(input.slice(p.span[0], p.span[1]).startsWith(p.lines[0]!.text)).toBe(true);
          const k = bodies.findIndex((_, i) => p.id === String(7710030 + i * 3));
          if (k < 0) continue;
          // A generated post always has text of its own (each line its own words: a page's repeated lines are chrome)
          // under its links and quotes: that is where its text starts.
          expect(p.text.split('\n')[0]).toBe(`${bodies[k]!.text[0]}, post ${k} line 0`);
        }
      }),
      { numRuns: 40 },
    );
  });
});
