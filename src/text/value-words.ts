/**
 * The words values are read with (src/text/values.ts): months, scales, spelled numbers, currencies, the words
 * that make a figure approximate, and the words after a number that are not its unit. Data only.
 */
import { NUMBER_WORDS as SHARED_NUMBER_WORDS, SCALE_WORDS } from './number-words.js';

/** The weekdays, lower case, Monday first (a closed class: corrections' slot classes, the claims' time words). */
export const WEEKDAYS: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export const MONTHS = new Map<string, number>([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sep', 9], ['sept', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

export const SCALES = new Map<string, number>([...SCALE_WORDS, ['mn', 1e6], ['bn', 1e9], ['m', 1e6], ['k', 1e3]]);

/**
 * Spelled cardinals. "a" and a lone "one" are never a quantity's count: they count before a scale ("a million",
 * "one hundred"), a percent or a currency word, and "one" in a compound ("twenty-one"). See `extractValues`.
 */
export const NUMBER_WORDS = new Map<string, number>([...SHARED_NUMBER_WORDS, ['a', 1]]);

/** Currency words and symbols to ISO codes. */
export const CURRENCY_WORDS = new Map<string, string>([
  ['$', 'USD'], ['dollars', 'USD'], ['dollar', 'USD'], ['usd', 'USD'], ['yen', 'JPY'], ['jpy', 'JPY'], ['¥', 'JPY'],
  ['€', 'EUR'], ['euros', 'EUR'], ['euro', 'EUR'], ['eur', 'EUR'], ['£', 'GBP'], ['pounds', 'GBP'], ['gbp', 'GBP'],
  ['yuan', 'CNY'], ['won', 'KRW'], ['rupees', 'INR'],
]);

/** Words before a number that make it approximate ("about 2 percent", "over 50,000"). */
export const APPROX_BEFORE = new Set([
  'about', 'around', 'roughly', 'nearly', 'almost', 'approximately', 'approx', 'some', 'over', 'under', 'circa',
  'ca', 'ca.', 'c.', 'estimated', 'up to', 'more than', 'less than', 'fewer than', 'at least', 'at most', 'close to',
  'upwards of', 'maybe', 'perhaps', 'probably', 'like',
]);
/** Words after a number that make it approximate ("2016 or so", "50-odd"). */
export const APPROX_AFTER = new Set(['or so', 'odd', 'ish', 'or thereabouts', 'plus', 'or more', 'or less']);

/** Words after a number that are not its unit. */
export const UNIT_STOP = new Set([
  'and', 'or', 'to', 'of', 'in', 'on', 'at', 'the', 'a', 'an', 'was', 'were', 'is', 'are', 'by', 'for', 'from',
  'with', 'when', 'that', 'which', 'who', 'as', 'than', 'but', 'so', 'if', 'it', 'this', 'years', 'year', 'ago',
  'times', 'have', 'has', 'had', 'will', 'would', 'not', 'more', 'less', 'per',
]);

/**
 * Words after a spelled number that are not its unit either, on top of `UNIT_STOP`: a spelled number often
 * stands alone as a noun phrase ("the two met", "where does twelve come from", "nine out of ten"), "two
 * thirds" is a fraction, and spoken time spans ("two weeks ago", "the next ten days") frame a claim rather
 * than count what it is about, like "years" in `UNIT_STOP`.
 */
export const SPELLED_UNIT_STOP = new Set([
  'out', 'up', 'down', 'off', 'back', 'away', 'apart', 'together', 'each', 'all', 'both', 'also', 'only', 'just',
  'still', 'even', 'too', 'again', 'then', 'there', 'here', 'now', 'later', 'before', 'after', 'into', 'onto',
  'about', 'over', 'under', 'between', 'among', 'through', 'against', 'without', 'since', 'until', 'because',
  'while', 'where', 'what', 'why', 'how', 'whose', 'whom', 'can', 'could', 'should', 'may', 'might', 'must',
  'shall', 'do', 'does', 'did', 'be', 'been', 'being', 'get', 'got', 'come', 'came', 'go', 'went', 'say', 'said',
  'met', 'agree', 'agreed', 'make', 'made', 'take', 'took', 'seem', 'seemed', 'remain', 'remained', 'he', 'she',
  'they', 'we', 'you', 'i', 'them', 'us', 'him', 'her', 'me', 'my', 'his', 'their', 'our', 'your', 'its', 'no',
  'nor', 'yet', 'fewer', 'most', 'least', 'else', 'such', 'other', 'others', 'another', 'some', 'any', 'many',
  'few', 'several', 'every', 'these', 'those', 'point', 'half', 'halves', 'third', 'thirds', 'quarter',
  'quarters', 'fifth', 'fifths', 'sixths', 'sevenths', 'eighths', 'ninths', 'tenths', 'hundredths', 'thousandths',
  'very', 'rather', 'quite', 'uh', 'um', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'decades',
  'centuries',
]);

/**
 * Units of time in days, singular and plural, for frequencies ("every 20 minutes", "twice a week"; session 27).
 * A month and a year are their mean lengths.
 */
export const TIME_UNIT_DAYS = new Map<string, number>([
  ['second', 1 / 86400], ['seconds', 1 / 86400], ['minute', 1 / 1440], ['minutes', 1 / 1440], ['min', 1 / 1440], ['mins', 1 / 1440],
  ['hour', 1 / 24], ['hours', 1 / 24], ['hr', 1 / 24], ['hrs', 1 / 24], ['day', 1], ['days', 1], ['night', 1], ['nights', 1],
  ['week', 7], ['weeks', 7], ['fortnight', 14], ['fortnights', 14], ['month', 30.44], ['months', 30.44], ['year', 365.25], ['years', 365.25],
]);

/** Counts of occasions written as one word ("once a week", "twice a day"). */
export const OCCASION_WORDS = new Map<string, number>([['once', 1], ['twice', 2], ['thrice', 3]]);

/** Fraction words and their share in percent ("half the customers", "two thirds of", "a quarter of"). */
export const FRACTION_WORDS = new Map<string, number>([
  ['half', 50], ['third', 100 / 3], ['thirds', 100 / 3], ['quarter', 25], ['quarters', 25], ['fifth', 20], ['fifths', 20], ['tenth', 10], ['tenths', 10],
]);
/** Words after a fraction that make it a share of something ("half the team", "a third of", "half their"). */
export const FRACTION_OF = new Set(['of', 'the', 'their', 'its', 'his', 'her', 'these', 'those', 'our', 'my', 'your']);
