/**
 * The targets step counts a thread's words piece by piece (the article and each post) instead of tokenizing
 * the whole thread joined into one string: the subject it picks must be the same either way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickSubject, subjectFromTitle } from '../src/classify/targets/index.js';

const words = ['rent', 'cap', 'Rent', 'caps', 'city', 'U.S.', '10th', 'council', "it's", '#rentcap', '@cap', 'e.g.', 'rates', '5%', 'the', 'extends'];
const piece = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', '.', ', ', '-', "'", '\n', '')), { maxLength: 30 }).map((p) => p.join(''));

describe('a thread counted piece by piece', () => {
  it('picks the same subject as the pieces joined by line breaks', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.constantFrom('City extends rent cap', 'Council rates', 'U.S. caps'), (pieces, title) => {
        const targets = [{ name: 'rent cap', aliases: [] }, { name: 'council', aliases: [] }, { name: 'rates', aliases: [] }];
        expect(subjectFromTitle(title, pieces)).toEqual(subjectFromTitle(title, pieces.join('\n')));
        expect(pickSubject(targets, title, pieces)).toBe(pickSubject(targets, title, pieces.join('\n')));
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('finds the subject a thread keeps repeating across posts', () => {
    const pieces = ['The rent cap stays.', 'The rent cap helps.', 'Rent cap again.'];
    expect(subjectFromTitle('City extends rent cap for three more years', pieces)?.name).toBe('rent cap');
  });
});
