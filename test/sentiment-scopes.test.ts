import { describe, expect, it } from 'vitest';
import { scoreTokens } from '../src/classify/sentiment/score-tokens.js';
import { DEFAULT_LEXICON } from '../src/classify/sentiment/lexicon.js';
import { tokenize } from '../src/text/tokenize.js';

const scopes = (text: string) => scoreTokens(tokenize(text), text, DEFAULT_LEXICON, false).scopes;

describe('clause scopes of the lexicon rules', () => {
  it('sums feeling words capitalised inside a sentence as a name scope, not lower-case ones', () => {
    const named = scopes('The clinic was run by the Order of Hope until last year.');
    expect(named.named).toBeGreaterThan(0);
    expect(scopes('The judge showed hope until last year.').named).toBe(0);
  });

  it('does not read the first word, a word after a colon or a quote, or capitals as a name', () => {
    expect(scopes('Great work on the report.').named).toBe(0);
    expect(scopes('One word: Brilliant.').named).toBe(0);
    expect(scopes('He said "Terrible" twice.').named).toBe(0);
    expect(scopes('The plan is GREAT.').named).toBe(0);
  });
});
