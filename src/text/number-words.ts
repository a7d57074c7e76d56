/**
 * The one list of English number words, shared by every classifier that reads counts (claims' values and
 * check-worthiness, the targets' phrase filter). Plain data: each user adds its own extras (claims counts
 * "a" before a scale; targets skip "several", "many").
 */

/** Spelled cardinals with their values: one to nineteen, the tens, hundred and dozen. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100], ['dozen', 12],
]);

/** Scale words with their values: "3 million", "two hundred". */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
]);

/** Plural counts that stand for a number without giving it: "hundreds of homes", "dozens". */
export const PLURAL_NUMBER_WORDS: ReadonlySet<string> = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'billions']);
