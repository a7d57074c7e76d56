/**
 * Quoted passages (quotes.ts): a post repeats someone else's words to answer them. The quote is not the
 * writer's statement, and it names the sentence the answer corrects even when the answer words the event
 * differently.
 */
import { describe, expect, it } from 'vitest';
import { findCorrections } from '../src/classify/corrections/index.js';
import { quoteKey } from '../src/classify/corrections/quotes.js';
import type { Correction } from '../src/schema/classify.js';
import { buildCase, runCase, type CorrectionCase } from './corrections-helpers.js';

const run = runCase;

const ARTICLE = ['The old pump house, designed by a railway engineer, first drew water from the river in 1958.', 'The council spent two years restoring it.'];

describe('a post that quotes what it answers', () => {
  it('reads a different date after a "> " quote of the article as a correction of the quoted sentence', () => {
    const { found, input } = run({
      article: ARTICLE,
      posts: [{ id: 'a', author: 'Ria', parentId: null, text: '> first drew water from the river in 1958\n\nIt was commissioned in 1961, after the dam was finished.' }],
    });
    const c = found.get('a')!;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ kind: 'article', cue: 'different-date', target: { kind: 'article', text: ARTICLE[0] } });
    // Evidence is the answer's date, in input offsets; the quote's own date is not evidence.
    expect(c[0]!.evidence.map((e) => e.text)).toEqual(['1961']);
    for (const e of c[0]!.evidence) expect(input.slice(e.span[0], e.span[1])).toBe(e.text);
  });

  it('reads a quote the parser took out of the text (raw lines above it, `meta.raw`) the same way', () => {
    const answer = 'It was commissioned in 1961, after the dam was finished.';
    const { articleSentences, posts } = buildCase({ name: 'above', expected: [], article: ARTICLE, posts: [{ id: 'a', author: 'Ria', parentId: null, text: answer }] });
    const post = posts[0]!;
    const at = post.span[0];
    const withQuote = { ...post, meta: { raw: [{ span: [at - 45, at - 4] as [number, number], text: '> first drew water from the river in 1958' }, ...post.lines] } };
    const c = findCorrections({ post: withQuote, earlier: [], articleSentences });
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ kind: 'article', cue: 'different-date', target: { kind: 'article', text: ARTICLE[0] } });
    // Lines below the text (a footer, a quote under the answer) are not what the post answers.
    const below = { ...post, meta: { raw: [...post.lines, { span: [post.span[1] + 1, post.span[1] + 42] as [number, number], text: '> first drew water from the river in 1958' }] } };
    expect(findCorrections({ post: below, earlier: [], articleSentences })).toEqual([]);
  });

  it('needs the quote: the same answer without it shares no event word and corrects nothing', () => {
    const { found } = run({ article: ARTICLE, posts: [{ id: 'a', author: 'Ria', parentId: null, text: 'It was commissioned in 1961, after the dam was finished.' }] });
    expect(found.get('a')).toEqual([]);
  });

  it('reads a [quote] block of an earlier post as the target of the answer after it', () => {
    const { found } = run({
      article: ARTICLE,
      posts: [
        { id: 'a', author: 'Ola', parentId: null, text: 'The footbridge beside it went up in 1987, I remember the opening.' },
        { id: 'b', author: 'Ben', parentId: 'a', text: '[quote="Ola"]\nThe footbridge beside it went up in 1987\n[/quote]\nThe ribbon was cut in 1991; 1987 was the planning vote.' },
      ],
    });
    const c = found.get('b')!;
    expect(c.length).toBeGreaterThan(0);
    expect(c[0]).toMatchObject({ kind: 'post', cue: 'different-date', target: { kind: 'post', postId: 'a' } });
  });

  it('reads a bare first line repeating the parent as a quote', () => {
    const { found } = run({
      article: ARTICLE,
      posts: [
        { id: 'a', author: 'Ola', parentId: null, text: 'Restoration was slow because of the 2019 flood, not the budget.' },
        { id: 'b', author: 'Ben', parentId: 'a', text: 'the 2019 flood\n\nThat was 2017. Repairs began in 2019.' },
      ],
    });
    expect(found.get('b')![0]).toMatchObject({ kind: 'post', target: { kind: 'post', postId: 'a' } });
  });

  it('does not read the quoted words as the writer\'s own statement', () => {
    // Ben quotes Ola's wrong year to thank her: the quote line states 1961 against the article's 1958, but it is
    // Ola's statement, not Ben's.
    const { found } = run({
      article: ARTICLE,
      posts: [
        { id: 'a', author: 'Ola', parentId: null, text: 'It first drew water from the river in 1961, not 1958.' },
        { id: 'b', author: 'Ben', parentId: 'a', text: '> It first drew water from the river in 1961\n\nThanks, I never knew the story behind it.' },
      ],
    });
    expect(found.get('a')!.length).toBeGreaterThan(0);
    expect(found.get('b')).toEqual([]);
  });

  it('does not take a first line of the writer\'s own for a quote', () => {
    const { found } = run({
      article: ARTICLE,
      posts: [{ id: 'a', author: 'Ria', parentId: null, text: 'Good to see it open again\n\nMy grandfather worked there for years.' }],
    });
    expect(found.get('a')).toEqual([]);
  });

  it('compares quotes and sources by letters and digits only', () => {
    expect(quoteKey('[quote="Ola"] The  Footbridge, beside it!')).toBe('the footbridge beside it');
  });
});
