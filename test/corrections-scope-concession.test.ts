import { describe, expect, it } from 'vitest';
import { findCorrections } from '../src/classify/corrections/index.js';
import type { Correction } from '../src/schema/classify.js';
import { buildCase, type CorrectionCase } from './corrections-helpers.js';

/** Runs the finder over a made-up thread laid out as a dump; returns each post's corrections by id. */
function run(c: Omit<CorrectionCase, 'expected' | 'name'>): Map<string, Correction[]> {
  const { articleSentences, posts } = buildCase({ ...c, name: 'inline', expected: [] });
  const found = new Map<string, Correction[]>();
  posts.forEach((post, i) => found.set(post.id, findCorrections({ post, earlier: posts.slice(0, i), articleSentences, earlierCorrections: found })));
  return found;
}

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
