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
