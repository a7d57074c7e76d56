import { describe, expect, it } from 'vitest';
import type { Correction } from '../src/schema/classify.js';
import { runCase, type CorrectionCase } from './corrections-helpers.js';

/** Each post's corrections by id, over a made-up thread laid out as a dump (`runCase`). */
const run = (c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> => runCase(c).found;

const negated = (cs: readonly Correction[] | undefined): Correction[] => (cs ?? []).filter((c) => c.detector === 'negated-claim');

describe('negated-claim: the negation must scope over the predicate the two sentences share', () => {
  it('still reads a denial of the same predicate with the same object', () => {
    const found = run({
      article: ['The regional board approved the new landfill on Thursday.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: 'The regional board never approved the landfill, it only sent it to a hearing.' }],
    });
    expect(negated(found.get('a'))).toHaveLength(1);
  });

  it('reads an active denial of a passive statement (the object is the passive subject)', () => {
    const found = run({
      article: ['The landfill was approved by the regional board on Thursday.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: "The regional board didn't approve the landfill, the planning office did." }],
    });
    expect(negated(found.get('a'))).toHaveLength(1);
  });

  it('does not read a shared word in another role as a denial ("can\'t carry ferries" vs "ferries carry lorries")', () => {
    const found = run({
      article: ['From May, two ferries will carry lorries to the island every morning.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: "The old pier is too short and can't carry ferries anyway." }],
    });
    expect(negated(found.get('a'))).toEqual([]);
  });

  it('does not read "wouldn\'t X" as denying a sentence that only asked for X', () => {
    const found = run({
      article: ['The school governors asked the county to extend the bus route to the new estate.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: "Shame the county wouldn't extend the bus route to the estate." }],
    });
    expect(negated(found.get('a'))).toEqual([]);
  });

  it('does not take a number word as the shared argument ("three weeks" vs "three pools")', () => {
    const found = run({
      article: ['The leisure trust will shut the pools at its three centres for repairs.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: 'Nobody from the trust has replied to my letter in three weeks.' }],
    });
    expect(negated(found.get('a'))).toEqual([]);
  });

  it('does not read "don\'t do X" as denying a sentence that merely names X', () => {
    const found = run({
      article: ['Pensioners are advised to use the library or telephone banking.'],
      posts: [{ id: 'a', author: 'Mo', parentId: null, text: "I'm 79 and I don't do telephone banking." }],
    });
    expect(negated(found.get('a'))).toEqual([]);
  });
});

describe('a concession that restates the corrected figure is a self correction', () => {
  const article = ['The county will replace the footbridge over the canal next summer.'];

  it('reads "fair enough ... N it is" under a reply that corrected the writer\'s figure', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Ivy', parentId: null, text: 'The old footbridge is 14 metres long, hardly worth a year of work.' },
        { id: 'b', author: 'Raj', parentId: 'a', text: "It's 19 metres, not 14. I measured it for the survey." },
        { id: 'c', author: 'Ivy', parentId: 'b', text: 'Fair enough, I paced it from the towpath. 19 it is.' },
      ],
    });
    expect(found.get('b')!.length).toBeGreaterThan(0);
    const self = found.get('c')!.find((x) => x.kind === 'self');
    expect(self).toMatchObject({ kind: 'self', cue: 'self-correction', target: { kind: 'post', postId: 'a' } });
    expect(self!.target.text).toContain('14 metres');
    expect(self!.evidence.map((e) => e.text)).toEqual(['Fair enough', '19']);
  });

  it('finds it when the reply that answered the writer was not found as a correction (the thread structure is enough)', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Ivy', parentId: null, text: 'Works start in June according to the notice at the lock.' },
        { id: 'b', author: 'Raj', parentId: 'a', text: 'The notice by the lock is old, the county site has the updated plan for 12 August.' },
        { id: 'c', author: 'Ivy', parentId: 'b', text: 'Ah, my bad. 12 August then.' },
      ],
    });
    expect(found.get('c')!.find((x) => x.kind === 'self')).toMatchObject({ target: { kind: 'post', postId: 'a' } });
  });

  it('is no correction without a figure ("Fair enough, I stand corrected")', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Ivy', parentId: null, text: 'The old footbridge is 14 metres long, hardly worth a year of work.' },
        { id: 'b', author: 'Raj', parentId: 'a', text: "It's 19 metres, I measured it for the survey." },
        { id: 'c', author: 'Ivy', parentId: 'b', text: 'Fair enough, I stand corrected.' },
      ],
    });
    expect(found.get('c')).toEqual([]);
  });

  it('is no correction when the figure is not the one the reply gave, nor without a concession, nor under someone else\'s post', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Ivy', parentId: null, text: 'The old footbridge is 14 metres long, hardly worth a year of work.' },
        { id: 'b', author: 'Raj', parentId: 'a', text: "It's 19 metres, I measured it for the survey." },
        { id: 'c', author: 'Ivy', parentId: 'b', text: 'Fair enough. Still, 2 million for a footbridge is a lot.' },
        // Since session 32 "I paced it from the towpath. 19 it is." takes up the reply's figure (taken-up-term.ts);
        // the writer keeping their own figure restates nothing of the reply's.
        { id: 'd', author: 'Ivy', parentId: 'b', text: 'I paced it from the towpath. 14 it is.' },
        { id: 'e', author: 'Lou', parentId: 'b', text: 'Fair enough, 19 it is then.' },
      ],
    });
    expect(found.get('c')!.filter((x) => x.kind === 'self')).toEqual([]);
    expect(found.get('d')!.filter((x) => x.kind === 'self')).toEqual([]);
    expect(found.get('e')!.filter((x) => x.kind === 'self')).toEqual([]);
  });
});

describe('"the article says N" with another amount of the same unit two sentences later', () => {
  const article = ['Patients will be taken to Brookfield General, 18 miles away, while the unit is closed.'];

  it('reads the later amount as correcting the article sentence the report repeats', () => {
    const found = run({
      article,
      posts: [{ id: 'a', author: 'Nell', parentId: null, text: 'The article says Brookfield is 18 miles away. That is from the edge of the county. From the town centre it is 27 miles.' }],
    });
    expect(found.get('a')!.some((c) => c.kind === 'article' && c.target.text.includes('18 miles'))).toBe(true);
  });

  it('is no correction when the later amount is of another unit, or the same amount', () => {
    const found = run({
      article,
      posts: [
        { id: 'a', author: 'Nell', parentId: null, text: 'The article says Brookfield is 18 miles away. That is a long way at night. The ambulance takes 40 minutes.' },
        { id: 'b', author: 'Olu', parentId: null, text: 'The article says Brookfield is 18 miles away. I drove it last week. It really is 18 miles.' },
      ],
    });
    expect(found.get('a')).toEqual([]);
    expect(found.get('b')).toEqual([]);
  });
});
