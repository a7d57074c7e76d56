import { describe, expect, it } from 'vitest';
import { analyze, parse } from '../src/index.js';

// Flat dumps keep no nesting: a post right after one that addresses its author by name answers it.
const dump = (third: string, answer = 'Number 112, last time I asked. So no.'): string =>
  [
    'Allotment waiting list reaches 600 names',
    '',
    'The council says the waiting list for allotments has reached 600 names, up from 240 in 2016.',
    '',
    '4 thoughts on “Allotment waiting list reaches 600 names”',
    'Margaret Dunne says:',
    'April 8, 2024 at 7:41 pm',
    "Seven years! I put my name down in 2016 and I'm still waiting.",
    'Reply',
    'Ian Pollard says:',
    'April 8, 2024 at 9:02 pm',
    'Margaret, if you put your name down in 2016 you must be near the top by now.',
    'Reply',
    third,
    'April 9, 2024 at 8:15 am',
    answer,
    'Reply',
    'Priya says:',
    'April 10, 2024 at 6:05 pm',
    'Could plots be split in half?',
    'Reply',
    '',
  ].join('\n');

describe('answers to a post that addressed the author', () => {
  it('the addressed author speaking next answers the post that addressed her, with cue "answer"', () => {
    const input = dump('Margaret Dunne says:');
    const doc = parse(input);
    const [p1, p2, p3, p4] = doc.thread.posts;
    expect(p2!.parentId).toBe(p1!.id);
    expect(p2!.replyCue!.kind).toBe('address');
    expect(p3!.author).toBe('Margaret Dunne');
    expect(p3!.parentId).toBe(p2!.id);
    expect(p3!.replyCue!.kind).toBe('answer');
    expect(input.slice(...p3!.replyCue!.span!)).toBe('Margaret');
    // The post after that is by someone else and addresses no one: top level.
    expect(p4!.parentId).toBeNull();
  });

  it('someone else speaking next does not answer it', () => {
    const doc = parse(dump('Tom Reyes says:'));
    expect(doc.thread.posts[2]!.author).toBe('Tom Reyes');
    expect(doc.thread.posts[2]!.parentId).toBeNull();
  });
});

describe('"So no." after a fact answers what the parent said about the replier', () => {
  it('is a correction of the parent, aimed at its "you ..." sentence', () => {
    const input = dump('Margaret Dunne says:');
    const p3 = analyze(input).thread.posts[2]!;
    const c = p3.corrections!.find((x) => x.kind === 'post')!;
    expect(c.target.kind === 'post' && c.target.postId).toBe('p2');
    expect(c.target.text).toContain('you must be near the top');
    expect(input.slice(...c.evidence[0]!.span)).toBe(c.evidence[0]!.text);
  });
  it('without a fact in the post it is no correction', () => {
    const p3 = analyze(dump('Margaret Dunne says:', 'Ha, I wish. So no.')).thread.posts[2]!;
    expect(p3.corrections ?? []).toEqual([]);
  });
});

// "@JohnSmith" or "@john_smith" answering "John Smith": a handle that runs the display name together.
describe('a mention written as a compacted name', () => {
  const flat = (authors: string[], reply: string): string =>
    [
      'Harbour Road bike lanes approved',
      '',
      'The council approved 14 km of protected bike lanes on Harbour Road on Tuesday.',
      '',
      '12 comments',
      'Sort by Best',
      '',
      ...authors.flatMap((a, k) => [`${a} • ${5 - k} hours ago`, `Comment number ${k + 1} about the lanes and the shops.`, 'Reply', '']),
      'kerb_watcher • 1 hour ago',
      reply,
      'Reply',
      '',
    ].join('\n');

  it('finds the one author whose letters and digits match, for the parent and the mention', () => {
    for (const handle of ['@JohnSmith', '@john_smith', '@john.smith']) {
      const doc = parse(flat(['John Smith', 'Maria Keller'], `${handle} the shops were asked in 2023.`));
      const last = doc.thread.posts[doc.thread.posts.length - 1]!;
      expect(last.parentId, handle).toBe('p1');
      expect(last.mentions[0]?.postId, handle).toBe('p1');
    }
  });

  it('does not resolve when two authors compact alike, or the handle is shorter than 4 characters', () => {
    const twice = parse(flat(['John Smith', 'John_Smith', 'Maria Keller'], '@johnsmith the shops were asked in 2023.'));
    expect(twice.thread.posts[3]!.parentId).toBeNull();
    const short = parse(flat(['Al B', 'Maria Keller'], '@alb the shops were asked in 2023.'));
    expect(short.thread.posts[2]!.parentId).toBeNull();
  });

  it('finds a Mastodon-like account by the handle shown under its display name', () => {
    const doc = parse(
      [
        'Ferry crossings cut',
        '',
        'The operator will run 14 sailings a day from 1 December, down from 21.',
        '',
        'Séan Ó Flaithearta',
        '@seanof@mastodon.ie',
        'Nov 21',
        'The early boat is gone and my daughter now boards in Galway.',
        '2',
        '8',
        'Kev',
        '@kevcycles@fosstodon.org',
        'Nov 21',
        '@seanof that is outrageous, who decided this?',
        '0',
        '1',
        '',
      ].join('\n'),
    );
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['Séan Ó Flaithearta', 'Kev']);
    expect(doc.thread.posts[1]!.parentId).toBe('p1');
    expect(doc.thread.posts[0]!.text).toBe('The early boat is gone and my daughter now boards in Galway.');
  });
});
