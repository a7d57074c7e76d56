import { describe, expect, it } from 'vitest';
import { detectClaims, detectClaimsScored, IRONY_CAP, scoreCheckworthiness } from '../src/classify/claims/index.js';
import { classifyRecord } from '../src/classify/classify-record.js';
import { ThreadlensOptionError } from '../src/errors.js';

// Made-up sentences: a first-hand statement of record, and the same content said as an opinion, a wish, a
// question, an order or with an evaluative predicate.
const comment = { register: 'comment' } as const;
const PAIRS: Array<[claim: string, notClaim: string]> = [
  ['The library on Elm Street is closed on Mondays.', 'The library on Elm Street is awful on Mondays.'],
  ['The harbour master is Joan Pratt, not Joan Platt.', 'I think the harbour master is a disgrace.'],
  ['We already park behind the pharmacy every evening.', 'We should park behind the pharmacy every evening.'],
  ['The old ferry terminal was pulled down in the spring.', 'Was the old ferry terminal pulled down in the spring?'],
  ['The swimming pool was open until November.', 'Keep the swimming pool open until November.'],
  ['The north car park is free.', 'The north car park is a disaster.'],
];

describe('claims in the comment register', () => {
  it.each(PAIRS)('reads "%s" as a claim and "%s" as none', (claim, notClaim) => {
    expect(scoreCheckworthiness(claim, comment)).toBeGreaterThanOrEqual(0.5);
    expect(detectClaims(claim, comment)).toHaveLength(1);
    expect(scoreCheckworthiness(notClaim, comment)).toBeLessThan(0.5);
    expect(detectClaims(notClaim, comment)).toEqual([]);
  });

  it('leaves the general register (debate and news sentences) as it was: figure-free statements score low there', () => {
    for (const [claim] of PAIRS) expect(scoreCheckworthiness(claim)).toBeLessThan(0.5);
    // The comment register only adds: a statement of record with a figure scores at least as high as in the general one.
    const figure = 'The council voted 5-2 on the ordinance in 2019.';
    expect(scoreCheckworthiness(figure, comment)).toBeGreaterThan(scoreCheckworthiness(figure));
    expect(scoreCheckworthiness('Their plans are awful.', comment)).toBe(scoreCheckworthiness('Their plans are awful.'));
  });

  it('reports each sentence\'s score in both registers (the corrections step reads the general one)', () => {
    const text = PAIRS.map((p) => p[0]).join(' ');
    const { scores, generalScores } = detectClaimsScored(text, comment);
    expect(scores.size).toBe(PAIRS.length);
    for (const [sentence, score] of scores) {
      expect(score).toBe(scoreCheckworthiness(sentence, comment));
      expect(generalScores.get(sentence)).toBe(scoreCheckworthiness(sentence));
    }
  });

  it('needs a checkable anchor: a name, a time or place phrase, or a copula with a definite subject', () => {
    expect(scoreCheckworthiness('Nobody is ever happy with anything.', comment)).toBeLessThan(0.5);
    expect(scoreCheckworthiness('Some people just like to complain.', comment)).toBeLessThan(0.5);
    // More anchors, more check-worthy: a name and a time phrase beside the copula.
    expect(scoreCheckworthiness('The pharmacy on Dock Road is shut on Sundays.', comment)).toBeGreaterThan(scoreCheckworthiness('The pharmacy is shut.', comment));
  });

  it('holds a degree word before a judgement down ("very different") but not a quantifier ("most evenings")', () => {
    expect(scoreCheckworthiness('Their plans are different.', comment)).toBeGreaterThanOrEqual(0.5);
    expect(scoreCheckworthiness('Their plans are very different.', comment)).toBeLessThan(0.5);
    expect(scoreCheckworthiness('The ferry was late most evenings.', comment)).toBeGreaterThanOrEqual(0.5);
  });

  it('rejects an unknown register with a typed error', () => {
    expect(() => detectClaims('x', { register: 'forum' as never })).toThrow(ThreadlensOptionError);
    expect(() => scoreCheckworthiness('x', { register: 'forum' as never })).toThrow(ThreadlensOptionError);
  });
});

describe('ironic spans', () => {
  const text = 'Sure, because the council fixed the ferry in 2019 like they said. The ferry was fixed in 2021.';
  it('holds a sentence holding an ironic span under the threshold, and only that sentence', () => {
    expect(detectClaims(text)).toHaveLength(2);
    const claims = detectClaims(text, { ironicSpans: [[0, 4]] });
    expect(claims.map((c) => c.text)).toEqual(['The ferry was fixed in 2021.']);
    expect(detectClaims(text, { ironicSpans: [[0, 4]], threshold: 0.2 }).find((c) => c.span[0] === 0)?.checkworthiness).toBe(IRONY_CAP);
  });

  it('rejects malformed spans with a typed error', () => {
    expect(() => detectClaims(text, { ironicSpans: [[0]] as never })).toThrow(ThreadlensOptionError);
    expect(() => detectClaims(text, { ironicSpans: 'all' as never })).toThrow(ThreadlensOptionError);
  });

  it('are read from the sentiment analysis by the claims step: a sarcastic sentence with a figure is no claim', () => {
    const sarcastic = 'Sure, because the new bypass totally cut my commute like they promised in 2019.';
    expect(detectClaims(sarcastic, comment).length).toBe(1);
    const r = classifyRecord({ text: sarcastic });
    expect(r.sentiment?.sarcasm?.some((c) => c.cue === 'sarcasm:mock-opener' || c.cue === 'sarcasm:praise-opener')).toBe(true);
    expect(r.claims).toEqual([]);
    // A literal post keeps its claim through the same step.
    expect(classifyRecord({ text: 'The new bypass cut my commute by 9 minutes in 2019.' }).claims).toHaveLength(1);
  });
});
