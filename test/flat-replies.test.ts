import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { linkCandidates, relativeAge } from '../src/thread/link-features.js';

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

// (Session 31, links31) The learned reply link: on a page that shows no nesting, a post every cue leaves top level
// answers the earlier post the pairwise model (src/thread/reply-link.model.json) scores above its cut, with cue `answer`
// and the first word it shares with that post as its span; a post the model does not score high enough stays top level.
describe('the learned reply link on a flat page (session 31)', () => {
  it('a reply answering the post two above by the words it shares with it links to that post, the first shared word its span', () => {
    const input = flat([
      ['Fenella Rowe', 'Campervans have filled the slipway every weekend since the ferry timetable changed, and the lifeboat crew cannot launch.'],
      ['Moira Tait', 'The pier shops will lose trade either way.'],
      ['Duncan Ure', 'The lifeboat crew launch from the slipway twice a month, campervans or not, and the ferry timetable changed in May.'],
    ]);
    const posts = parse(input).thread.posts;
    const c = posts[2]!;
    expect(c.parentId).toBe(posts[0]!.id);
    expect(c.depth).toBe(1);
    expect(c.replyCue!.kind).toBe('answer');
    expect(input.slice(...c.replyCue!.span!)).toBe('lifeboat');
  });

  it('a top-level post in the second person sharing no word with the posts above stays top level', () => {
    const input = flat([
      ['Fenella Rowe', 'Campervans have filled the slipway every weekend since the ferry timetable changed.'],
      ['Duncan Ure', 'You have to wonder why nobody asked the residents first.'],
    ]);
    const [, b] = parse(input).thread.posts;
    expect(b!.parentId).toBeNull();
    expect(b!.depth).toBe(0);
  });

  it('candidates: earlier posts by someone else, nearest first, at most six; the writer\'s own posts are skipped', () => {
    const post = (author: string, text: string, id: string) => ({ id, text, author, removed: false, parentId: null, sentences: [{ text }], meta: { timestamp: null } });
    const posts = [post('A', 'one', 'a'), post('B', 'two', 'b'), post('C', 'three', 'c'), post('B', 'four', 'd')];
    expect(linkCandidates(3, posts, new Set()).map((c) => c.index)).toEqual([2, 0]);
    expect(linkCandidates(3, posts, new Set())[0]!.features).toContainEqual(['rank:1', 1]);
  });

  it('reads relative ages and leaves dates alone', () => {
    expect(relativeAge('7h')).toBe(420);
    expect(relativeAge('6 hours ago')).toBe(360);
    expect(relativeAge('2 days ago')).toBe(2880);
    expect(relativeAge('5 mins ago')).toBe(5);
    expect(relativeAge('3 months ago')).toBe(129600);
    expect(relativeAge('December 5, 2026 at 8:47 am')).toBeNull();
    expect(relativeAge(null)).toBeNull();
  });
});
