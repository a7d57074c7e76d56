import { beforeAll, describe, expect, it } from 'vitest';
import { commentClaimFeaturesAndCap, detectClaims, scoreCheckworthiness, type ClaimModel } from '../src/classify/claims/index.js';
import { ThreadlensOptionError } from '../src/errors.js';
import { COMMENT_CLAIM_SETTINGS, fitCommentClaimRows, readCommentClaims, sentenceRows } from '../scripts/train/lib/comment-claims-fit.js';

// The comment-register claim model of session 24 (not shipped: it rose on the project's comment-claims corpus but
// fell on the blind threads, docs/claims.md): fit here on the corpus's fit file, scored on made-up sentences.
let model: ClaimModel;
beforeAll(() => {
  model = fitCommentClaimRows(sentenceRows(readCommentClaims('comments.jsonl')), COMMENT_CLAIM_SETTINGS);
});
const withModel = (): { register: 'comment'; commentModel: ClaimModel } => ({ register: 'comment', commentModel: model });

describe('the comment-register claim model (measuring only)', () => {
  it('reads a first-hand factual report without a figure as a claim', () => {
    const report = 'Our choir moved its rehearsals to the church hall in the spring.';
    expect(scoreCheckworthiness(report, withModel())).toBeGreaterThanOrEqual(0.5);
    expect(detectClaims(report, withModel())).toHaveLength(1);
  });

  it('reads a put-down that names a year as no claim, where the hand-set register reads one', () => {
    const putDown = 'Hendricks hasn\'t had an original idea since 2009.';
    expect(scoreCheckworthiness(putDown, withModel())).toBeLessThan(0.5);
    expect(scoreCheckworthiness(putDown, { register: 'comment' })).toBeGreaterThanOrEqual(0.5);
  });

  it('is deterministic: the same rows give the same weights, the same text the same claims', () => {
    const again = fitCommentClaimRows(sentenceRows(readCommentClaims('comments.jsonl')), COMMENT_CLAIM_SETTINGS);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    const text = 'We put solar panels on the garage roof three summers ago. Honestly, best decision we ever made.';
    expect(detectClaims(text, withModel())).toEqual(detectClaims(text, withModel()));
  });

  it('is not the default: without commentModel the comment register is the hand-set one', () => {
    for (const s of ['The bakery on Pine Street closes at 3 on weekdays.', 'Hendricks hasn\'t had an original idea since 2009.']) {
      expect(scoreCheckworthiness(s, { register: 'comment' })).toBe(scoreCheckworthiness(s, { register: 'comment', cuesOnly: true }));
    }
  });

  it('rejects a malformed commentModel and its combination with cuesOnly', () => {
    expect(() => scoreCheckworthiness('x', { register: 'comment', commentModel: { weights: {} } as unknown as ClaimModel })).toThrow(ThreadlensOptionError);
    expect(() => scoreCheckworthiness('x', { register: 'comment', cuesOnly: true, commentModel: model })).toThrow(ThreadlensOptionError);
  });

  it('reads statement shape, person and evaluation as features, not the words of the corpus', () => {
    const f = commentClaimFeaturesAndCap('The ferry left at noon on Sunday.').features;
    expect(f).toContain('st:statement');
    expect(f).toContain('st:time-place');
    expect(f).toContain('ev:none');
    const g = commentClaimFeaturesAndCap('You clearly have no idea what a terrible mess this is.').features;
    expect(g).toContain('per:2');
    expect(g.some((x) => x.startsWith('ev:neg'))).toBe(true);
  });
});
