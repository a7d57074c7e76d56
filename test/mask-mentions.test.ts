/**
 * A reply that opens with "@First Last" is read by the classifiers with the whole name blanked, not only "@First":
 * the surname must not open the sentence a claim, a correction or the sentiment evidence is read from. Offsets stay
 * the input's, and the worker path (`analyzeAsync`, posts detached from their thread) blanks the same names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeAsync, labelPosts, type AnalyzeOptions, type PostBatch } from '../src/index.js';
import { maskHandles } from '../src/text/mask-handles.js';

const dump = [
  'Council approves new parking fees for the harbour district',
  'By Staff Reporter',
  'March 3, 2026',
  '',
  'The council voted 5-2 on Tuesday to introduce parking fees of $3 an hour in the harbour district from April.',
  'The fees will fund repairs to the sea wall, the council said.',
  '',
  '3 Comments',
  '',
  'Dana Greene',
  '2 hours ago',
  'The vote was 6-1, not 5-2. I was at the meeting.',
  'Reply',
  '',
  'Paul Okafor',
  '1 hour ago',
  '@Dana Greene Greene is right, the minutes say 6-1.',
  'Reply',
  '',
  'Rita Moss',
  '1 hour ago',
  '@Paul Okafor The meters go in on Quay Street, by the way.',
  'Reply',
  '',
].join('\n');

describe('maskHandles with resolved names', () => {
  it('blanks the whole name after "@", keeping every offset', () => {
    const text = '@Dana Greene The fee is $3 an hour.';
    const out = maskHandles(text, ['Dana Greene']);
    expect(out.length).toBe(text.length);
    expect(out.slice(0, 12).trim()).toBe('');
    expect(out.slice(12)).toBe(text.slice(12));
    // Without the name only the first word goes, as before.
    expect(maskHandles(text).slice(5, 12)).toBe(' Greene');
  });

  it('leaves a longer word and an e-mail address alone', () => {
    expect(maskHandles('@Dana Greeneville is a town.', ['Dana Greene'])).toBe('      Greeneville is a town.');
    expect(maskHandles('write to me@Dana Greene today', ['Dana Greene'])).toBe('write to me@Dana Greene today');
  });

  it('never changes the length or a character outside an "@" name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }), (text, names) => {
        const out = maskHandles(text, names);
        expect(out.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) if (out[i] !== text[i]) expect(out[i]).toBe(' ');
      }),
    );
  });
});

describe('a reply opening with "@First Last"', () => {
  const options: AnalyzeOptions = { name: 'mentions.txt' };
  const doc = analyze(dump, options);
  const posts = doc.thread.posts;

  it('is parsed with its mention (the premise of the test)', () => {
    expect(posts.map((p) => p.author)).toEqual(['Dana Greene', 'Paul Okafor', 'Rita Moss']);
    expect(posts[1]!.mentions.map((m) => m.name)).toEqual(['Dana Greene']);
  });

  it('gives no claim, correction or evidence span inside the mention', () => {
    for (const post of posts) {
      for (const mention of post.mentions) {
        const inside = ([s, e]: readonly [number, number]) => s < mention.span[1] && e > mention.span[0];
        for (const c of post.claims ?? []) expect(inside(c.span), c.text).toBe(false);
        for (const c of post.corrections ?? []) for (const ev of c.evidence) expect(inside(ev.span), ev.text).toBe(false);
        for (const ev of post.sentiment?.evidence ?? []) expect(inside(ev.span), ev.text).toBe(false);
      }
    }
    const claim = posts[1]!.claims?.[0];
    expect(claim?.text.startsWith('Greene is right')).toBe(true);
    expect(dump.slice(claim!.span[0], claim!.span[1])).toBe(claim!.text);
  });

  it('is read the same on the worker path', async () => {
    const cloned = (batch: PostBatch) => structuredClone(labelPosts(structuredClone(batch), structuredClone(options)));
    const want = JSON.stringify(doc);
    for (const size of [1, 2]) expect(JSON.stringify(await analyzeAsync(dump, options, cloned, { size, window: 2 }))).toBe(want);
  });
});
