/**
 * The comment register of check-worthiness: a reader's first-hand factual statement ("The car park is free", "Those
 * benches are taken from 8am on Saturdays", "We already wait in the corridor", "The spokesman is Tom Reyes") is a claim a moderator or fact-checker can check even without a figure, while the same shape with an
 * evaluative predicate ("The deal is terrible") is an opinion. The cue scorer of debate sentences reads figures,
 * records of action and reported speech; this module reads the shape of the statement:
 *
 * - declarative: not a question, no exclamation, no first-person opinion frame, no imperative, no modal of wish or
 *   possibility (should, would, could, might, must, may, can), not a prediction (the caller caps those);
 * - a finite predicate: a copula (is, was, 's ...), an auxiliary, a past form, or a verb right after a personal
 *   subject ("We already board ...");
 * - no evaluative word: no word whose sentiment-lexicon valence (src/classify/sentiment/lexicon.ts, the default
 *   lexicon the sentiment step reads) is 2 or more either way;
 * - an anchor that makes it checkable: a named entity, a time or place phrase (a preposition before a name, a
 *   figure or a calendar or time-of-day word: "from 9am", "on Sundays", "at Lakeside"; "every morning"), or a copula
 *   whose subject is a definite noun phrase or a name and whose complement carries no evaluation ("The lot is free").
 *
 * No word here comes from a thread: the classes are closed grammatical ones (copulas, modals, prepositions,
 * determiners, pronouns) and calendar words.
 */
import type { Token } from '../../text/tokenize.js';
import { MONTHS, WEEKDAYS } from '../../text/value-words.js';
import { DEFAULT_LEXICON, INTENSIFIERS } from '../sentiment/lexicon.js';

const COPULAS = new Set(['is', 'are', 'was', 'were', 'isnt', 'arent', 'wasnt', 'werent', 'been', 'being']);
// A pronoun and a copula in one token ("it's", "that's"): matched on the written form, since "its" is also a possessive.
const CONTRACTED_COPULAS = new Set(["it's", "that's", "there's", "here's", "what's", "he's", "she's", "they're", "we're"]);
const AUXILIARIES = new Set(['has', 'have', 'had', 'hasnt', 'havent', 'hadnt', 'does', 'do', 'did', 'doesnt', 'dont', 'didnt', 'cant', 'couldnt', 'wont', 'weve', 'theyve', 'ive', 'im', 'youre']);
// Modals of wish, duty and possibility: what follows them is not a statement of record.
const MODALS = new Set(['should', 'would', 'could', 'might', 'must', 'may', 'can', 'ought', 'shouldnt', 'wouldnt', 'mustnt', 'shall', 'will', 'gonna']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'they', 'he', 'she', 'it', 'you']);
// Adverbs that may stand between a subject and its verb ("We already board ...").
const PRE_VERB_ADVERBS = new Set(['already', 'still', 'never', 'always', 'usually', 'often', 'just', 'only', 'also', 'all', 'both', 'actually', 'literally', 'even', 'now', 'then', 'sometimes', 'rarely']);
const IRREGULAR_PAST = new Set([
  'was', 'were', 'had', 'did', 'got', 'went', 'came', 'ran', 'made', 'said', 'took', 'gave', 'left', 'began', 'paid',
  'sold', 'built', 'bought', 'held', 'kept', 'met', 'told', 'saw', 'knew', 'found', 'brought', 'sent', 'spent', 'won',
  'lost', 'wrote', 'stood', 'fell', 'rose', 'grew', 'drove', 'rode', 'flew', 'broke', 'chose', 'became', 'shut', 'led',
]);
const DETERMINERS = new Set(['the', 'this', 'that', 'these', 'those', 'our', 'their', 'my', 'his', 'her', 'its', 'your', 'every', 'each', 'a', 'an']);
const INDEFINITE = new Set(['anyone', 'anybody', 'anything', 'everyone', 'everybody', 'everything', 'nobody', 'nothing', 'no', 'someone', 'somebody', 'something', 'any', 'some', 'most', 'many', 'few', 'all', 'a', 'an', 'whoever', 'whatever']);
// Prepositions of place and time.
const PLACE_TIME_PREPOSITIONS = new Set(['at', 'in', 'on', 'from', 'since', 'until', 'till', 'near', 'via', 'by', 'during', 'after', 'before', 'between', 'through', 'into', 'outside', 'inside', 'across', 'behind']);
const TIME_WORDS = new Set([
  ...WEEKDAYS, ...WEEKDAYS.map((d) => `${d}s`), ...[...MONTHS.keys()].filter((m) => m.length > 3),
  'morning', 'mornings', 'afternoon', 'afternoons', 'evening', 'evenings', 'night', 'nights', 'weekend', 'weekends',
  'weekday', 'weekdays', 'noon', 'midnight', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years',
  'spring', 'summer', 'autumn', 'fall', 'winter', 'decade', 'hour', 'hours', 'am', 'pm', 'today', 'yesterday', 'tonight',
]);
const TIME_QUANTIFIERS = new Set(['every', 'each', 'most', 'some', 'last', 'next', 'this', 'that', 'all']);
// A sentence opening with a bare auxiliary ("Have your stroke before 11", "Do the math", "Be there by 9") is an
// imperative, or a question without its mark; "Have been since 2022" (a dropped subject) is a statement.
const BARE_OPENERS = new Set(['have', 'do', 'be', 'dont', 'let']);
/** A word is evaluative at or beyond this sentiment-lexicon valence either way (the AFINN scale, -5..5). */
export const EVALUATIVE_VALENCE = 2;
/**
 * An intensifier of the sentiment lexicon with at least this factor ("very", "really", "so", "totally") grades what
 * follows it; the weaker ones are as often quantifiers ("most nights", "much of it", "all voted").
 */
const GRADING_FACTOR = 1.25;

/** What {@link readStatement} finds in one sentence. */
export interface StatementShape {
  /** Declarative, with a finite predicate, and no modal, opinion frame or imperative (the caller says which). */
  statement: boolean;
  /** A word of the sentiment lexicon with valence >= {@link EVALUATIVE_VALENCE} either way, or an exclamation. */
  evaluative: boolean;
  /** Distinct kinds of anchor: a name, a time or place phrase, a copula with a definite or named subject. */
  anchors: number;
  /** A finite predicate (copula, auxiliary, past form, or a verb after a personal subject). */
  finite: boolean;
  /** A modal of wish, duty or possibility. */
  modal: boolean;
  /** A time or place phrase ("from 9am", "on Sundays", "at Lakeside", "most nights"). */
  timePlace: boolean;
  /** A copula whose subject is not indefinite ("The lot is free"). */
  definiteCopula: boolean;
  /** Words of the sentiment lexicon with valence >= {@link EVALUATIVE_VALENCE}, below 0 and above 0. */
  negativeWords: number;
  positiveWords: number;
}

function isCapital(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/**
 * Reads the statement shape of one sentence from its word tokens (`words`: no punctuation) and its last character.
 * `entities`: how many named entities the value reader found in it.
 */
export function readStatement(words: readonly Token[], lastChar: string, entities: number): StatementShape {
  let finite = false;
  let modal = false;
  let evaluative = lastChar === '!';
  let copulaAt = -1;
  let timePlace = false;
  let negativeWords = 0;
  let positiveWords = 0;
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    const w = t.norm;
    const v = DEFAULT_LEXICON.word(w);
    if (v !== undefined && Math.abs(v) >= EVALUATIVE_VALENCE) {
      evaluative = true;
      if (v < 0) negativeWords++;
      else positiveWords++;
    }
    // A degree word before a content word ("very different", "so wrong", "such a mess"): a graded judgement.
    const next = words[i + 1];
    if ((INTENSIFIERS.get(w) ?? 0) >= GRADING_FACTOR && next !== undefined && !PLACE_TIME_PREPOSITIONS.has(next.norm) && !SUBJECT_PRONOUNS.has(next.norm) && !DETERMINERS.has(next.norm)) evaluative = true;
    if (MODALS.has(w)) modal = true;
    if (COPULAS.has(w) || CONTRACTED_COPULAS.has(t.lower)) {
      finite = true;
      if (copulaAt < 0) copulaAt = i;
    }
    if (AUXILIARIES.has(w) || IRREGULAR_PAST.has(w) || (i > 0 && w.length > 4 && w.endsWith('ed'))) finite = true;
    if (SUBJECT_PRONOUNS.has(w) && i + 1 < words.length) {
      let k = i + 1;
      while (k < words.length - 1 && PRE_VERB_ADVERBS.has(words[k]!.norm)) k++;
      const next = words[k]!;
      if (!DETERMINERS.has(next.norm) && !PLACE_TIME_PREPOSITIONS.has(next.norm) && !isCapital(next)) finite = true;
    }
    // A frequency or time phrase: "every morning", "most nights", "last month", "this spring".
    if (TIME_QUANTIFIERS.has(w) && words[i + 1] !== undefined && TIME_WORDS.has(words[i + 1]!.norm)) timePlace = true;
    if (PLACE_TIME_PREPOSITIONS.has(w)) {
      let k = i + 1;
      if (k < words.length && DETERMINERS.has(words[k]!.norm)) k++;
      const n = words[k];
      if (n && (isCapital(n) || /\d/.test(n.text) || TIME_WORDS.has(n.norm))) timePlace = true;
    }
  }
  if (words.length > 0 && BARE_OPENERS.has(words[0]!.norm) && words[1]?.norm !== 'been') finite = false;
  let definiteCopula = false;
  if (copulaAt >= 0) {
    // "The lot is free", "Those spaces are full", "Falcon 1 was ...", "It's the lawns": a definite subject, a name or
    // a pronoun; "Anyone who ... is", "Nobody ... is", "Some ... are" speak of no one in particular.
    definiteCopula = !INDEFINITE.has(words[0]!.norm);
  }
  const anchors = (entities > 0 ? 1 : 0) + (timePlace ? 1 : 0) + (definiteCopula ? 1 : 0);
  return { statement: finite && !modal, evaluative, anchors, finite, modal, timePlace, definiteCopula, negativeWords, positiveWords };
}
