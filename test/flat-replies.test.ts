import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';

// (Session 30, flat30) A flat dump ("NAME says:" / date / text / "Reply"): no reply is marked. A post whose first
// sentence is in the second person and repeats a word of the latest post by someone else, a word the article does not
// have, answers that post; either cue alone stays top level (a comment to the article's writer, or on the story).
const flat = (posts: ReadonlyArray<readonly [string, string]>): string =>
  [
    'Harbour car park to charge overnight',
    '',
    'The council will charge for overnight parking at the harbour car park from March, at four pounds a night.',
    '',
    `${posts.length} thoughts on “Harbour car park to charge overnight”`,
    ...posts.flatMap(([author, text], i) => [`${author} says:`, `February ${i + 3}, 2026 at 8:1${i} pm`, text, 'Reply']),
    '',
  ].join('\n');

const opinion = ['Fenella Rowe', 'Campervans have filled the slipway overnight every weekend since the ferry timetable changed, so something had to give.'] as const;

describe('second-person replies in a flat dump (session 30)', () => {
  it('"Your sums ignore the campervans …" answers the post above it, the second-person word its span', () => {
    const input = flat([opinion, ['Duncan Ure', 'Your sums ignore that half the campervans leave before the warden starts at eight.']]);
    const [a, b] = parse(input).thread.posts;
    expect(b!.parentId).toBe(a!.id);
    expect(b!.replyCue!.kind).toBe('answer');
    expect(input.slice(...b!.replyCue!.span!)).toBe('Your');
  });

  it('skips the writer\'s own posts to the latest post by someone else', () => {
    const input = flat([opinion, ['Duncan Ure', 'Four pounds is nothing for a campervan.'], ['Duncan Ure', 'Mock the slipway all you like, it floods at spring tides.']]);
    const [a, , c] = parse(input).thread.posts;
    expect(c!.parentId).toBe(a!.id);
  });

  it('near misses stay top level: second person sharing only a word the article has (overnight), and shared words without "you"', () => {
    for (const text of [
      'You could have asked before charging overnight, four pounds is steep.',
      'Half the campervans leave before the warden starts at eight.',
    ]) {
      const [, b] = parse(flat([opinion, ['Duncan Ure', text]])).thread.posts;
      expect(b!.parentId, text).toBeNull();
    }
  });
});
