/**
 * The one set of word lists: stop words and negators, keyed by `Token.lower` (lower-cased, apostrophes
 * straight), with the predicates the classifiers share.
 */
import type { Token } from './tokenize.js';

export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here it its it\'s itself i me my mine ' +
    'myself we us our ours you your yours he him his she her hers they them their theirs what which who whom whose ' +
    'when where why how all any both each few more most other some such no not only own same too very can will ' +
    'just should would could might must may shall do does did doing done be is am are was were been being have has ' +
    'had having of at by for with about against between into through during before after above below to from up ' +
    'down in out on off over under again further once as until while because also even still ever never now well ' +
    'get got gets one ones thing things lot way much many really like don\'t doesn\'t didn\'t isn\'t aren\'t wasn\'t ' +
    'weren\'t won\'t can\'t cannot im i\'m you\'re they\'re we\'re he\'s she\'s that\'s what\'s there\'s let let\'s ' +
    'said say says saying'
  ).split(' '),
);

/** True for a token that carries content (not a stop word, not punctuation, at least 2 characters). */
export function isContent(t: Token): boolean {
  return t.kind !== 'punct' && t.text.length >= 2 && !STOPWORDS.has(t.lower);
}


const NEGATORS = new Set([
  'not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'nowhere', 'cannot', 'without', 'zero',
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "couldn't", "shouldn't",
  "wouldn't", "hasn't", "haven't", "hadn't", 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'cant', 'wont',
  'no-one', "ain't",
]);

/** True for a negating token ("not", "never", "doesn't", "nobody"). */
export function isNegator(t: Token): boolean {
  return NEGATORS.has(t.lower.replace('\u2019', "'"));
}

/**
 * True when the token is written in title case: a first letter with a lower-case form, and not the rest in capitals
 * ("Smith", not "NASA", "I" or "smith"). Sentiment reads such a word inside a sentence as a word of a name.
 */
export function isTitleCase(t: Token): boolean {
  const w = t.text;
  const c = w.charCodeAt(0);
  // a-z has no other lower-case form: skip the string calls for the common case.
  if (c >= 97 && c <= 122) return false;
  const first = w[0] ?? '';
  return first !== first.toLowerCase() && w.slice(1) !== w.slice(1).toUpperCase();
}

/** True when the token is written with a capital first letter. */
export function isCapitalised(t: Token): boolean {
  const c = t.text[0] ?? '';
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/**
 * The stop words of `contentWords` (./words.ts), which decides whether an earlier post has enough substance
 * (six content words) to be quoted by a reply. Kept apart from `STOPWORDS`: it is keyed by letters and digits
 * only ("dont", "thats"), skips words under three letters, and its words differ ("old", "see", "two", "via"
 * here; "said", "never", "still" there), so one list for both would change which replies find their parent.
 */
export const SUBSTANCE_STOPWORDS: ReadonlySet<string> = new Set(
  ('the and for are but not you all any can had her was one our out has him his how its may new now old see two way who did get let put say she too use that with have this will your from they been more when what were than them into only some such then also just like over very after most must much even back well made many here there which would could should their about other being where these those while because whose does done doing isnt dont didnt cant wont thats its yes yet nor per via onto upon').split(' '),
);
