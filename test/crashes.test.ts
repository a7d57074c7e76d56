/**
 * Regressions of the crashes of issue 18, each fixed at its mechanism: the article-reference evidence uses
 * the vocabulary of the check; the letter-run squeeze is a linear scan, not a backreference regex.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { squeezeLetterRuns } from '../src/text/squeeze.js';

describe('a comment that sets itself against the headline', () => {
  it('is a correction of the article with the word "headline" as evidence, not a crash', () => {
    const input = 'The council will build 300 parking spaces.\n1 Comments\nAnn\nThe headline says 300 spaces, but the plan has 250.\n';
    const doc = analyze(input);
    const fixes = doc.thread.posts[0]!.corrections ?? [];
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes.every((c) => c.kind === 'article')).toBe(true);
    const marker = fixes.flatMap((c) => c.evidence).find((e) => e.cue === 'explicit-marker');
    expect(marker).toBeDefined();
    expect(input.slice(marker!.span[0], marker!.span[1])).toBe('headline');
  });
  it('"the article" still points at the word article', () => {
    const input = 'The council will build 300 parking spaces.\n1 Comments\nAnn\nThe article says 300 spaces, but the plan has 250.\n';
    const marker = (analyze(input).thread.posts[0]!.corrections ?? []).flatMap((c) => c.evidence).find((e) => e.cue === 'explicit-marker');
    expect(input.slice(marker!.span[0], marker!.span[1])).toBe('article');
  });
});

describe('squeezeLetterRuns', () => {
  it('squeezes runs of three or more of one letter, and nothing else', () => {
    expect(squeezeLetterRuns('soooo goood', 2)).toBe('soo good');
    expect(squeezeLetterRuns('soooo goood', 1)).toBe('so god');
    expect(squeezeLetterRuns('!!!! 1111 aa', 1)).toBe('!!!! 1111 aa');
    expect(squeezeLetterRuns('ééé 𝒜𝒜𝒜𝒜', 1)).toBe('é 𝒜');
  });
  it('does what /(\\p{L})\\1{2,}/gu did, on any short string (fast-check)', () => {
    const unit = fc.constantFrom('a', 'b', 'o', 'é', '𝒜', '1', '!', ' ', '\ud800');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((xs) => xs.join('')), (s) => {
        expect(squeezeLetterRuns(s, 2)).toBe(s.replace(/(\p{L})\1{2,}/gu, '$1$1'));
        expect(squeezeLetterRuns(s, 1)).toBe(s.replace(/(\p{L})\1{2,}/gu, '$1'));
      }),
      { numRuns: 300, seed: 18 },
    );
  });
  it('takes a post of three million repeated letters (the regex overflowed the stack)', () => {
    expect(squeezeLetterRuns('o'.repeat(3_000_000), 2)).toBe('oo');
    const doc = analyze(`Title: T\n\nThe council spent 4 million.\n\n2 Comments\nAnn\nso${'o'.repeat(3_000_000)} good\nBob\nAnn, no it was 5 million.\n`);
    expect(doc.thread.posts).toHaveLength(2);
  });
});
