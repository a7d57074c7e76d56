/**
 * Page chrome a text still holds, told sentence by sentence where corrections choose a target (session 29b). A dump's
 * article part and a post's text, when cut by a thread's structure rather than by the ingest step, keep lines the page
 * prints around what people wrote: a comment's footer ("5 Dec at 9:47 am  Reply"), a byline stamp ("Posted by NAME at
 * 8:30 AM", "Published DATE at TIME | Updated ..."), a notice of replies ("NAME replied to this."), a count of points
 * ("31 points · 9 hours ago"). The property they share: no lower-case word of their own. Such a line is names
 * (handles among them, and a bracketed label after a name: "Knot (talk)"), numbers, a date or time stamp and the
 * prepositions between them, names followed by one interface verb, or that verb by a count ("Liked by 4 people"); a
 * writer's sentence, however short, says something in a lower-case word ("Voting closes at 8 pm", "It is at 7 pm").
 * Closed classes only: prepositions and articles, function words (`STOPWORDS`), the ingest step's interface words
 * (`isUiWord`), the clock and "ago"; and the ingest step's readers of whole lines that go by form, not by words (a count, a legal notice, a
 * log-in request). Its word-based readers (`isUiLine`'s share, link, follow, flag ...) are not asked: on a person's
 * sentence those words are the sentence's own ("I'll share the link").
 */
import { isAccountBlurb, isCountLine, isLegalLine, isSeeMoreGate, isUiWord } from '../../ingest/ui-lines.js';
import type { Token } from '../../text/tokenize.js';
import { isCapitalised, STOPWORDS } from '../../text/word-lists.js';

// A time of day ("9:47 am", "4:15 PM", "8 p.m.") or an age ("9 hours ago"): the stamp a page prints by a name.
const CLOCK = /\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\b\.?)?|\b\d{1,2}\s?[ap]\.?m\b\.?/i;
const AGO = /\b\d{1,3}\s(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\sago\b/i;
// Words a stamp is written with: the meridiem and the units of an age.
const STAMP_WORDS = new Set(['am', 'pm', 'a.m', 'p.m', 'ago', 'second', 'seconds', 'sec', 'secs', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);
// The words that join a stamp's parts: prepositions, articles, "and". No verb, no pronoun: "It is at 7 pm." says something.
const STAMP_LINKS = new Set(['at', 'by', 'on', 'in', 'of', 'from', 'via', 'to', 'the', 'a', 'an', 'and']);
/** Longest sentence read as chrome, in words with letters: a footer or a byline is short. */
const MAX_WORDS = 16;

const isFunctionWord = (w: Token): boolean => STOPWORDS.has(w.lower);
const isStampWord = (w: Token): boolean => STAMP_WORDS.has(w.lower.replace(/\.$/, ''));

/** True when a sentence is page chrome that a text still holds (see the module comment). */
export function isPageChromeSentence(text: string, words: readonly Token[]): boolean {
  // `words` hold `[start, end)` offsets into `text` (as given, before trimming).
  const trimmed = text.trim();
  if (isCountLine(trimmed) || isAccountBlurb(trimmed) || isLegalLine(trimmed) || isSeeMoreGate(trimmed)) return true;
  const lettered = words.filter((w) => w.kind === 'word' && /\p{L}/u.test(w.text));
  if (lettered.length === 0 || lettered.length > MAX_WORDS) return false;
  const lower = lettered.filter((w) => !isCapitalised(w));
  // A sentence in capitals only is a headline or a shout, not a footer.
  if (lower.length === 0) return false;
  // "5 Dec at 9:47 am  Reply", "Posted by NAME at 8:30 AM": a stamp among names and function words. A handle
  // ("Post by sam_k » Sat Dec 05, 2026 7:58 am") and a bracketed label after a name ("Knot (talk) 16:12, 4 December
  // 2026") are the page's, not lower-case words of a writer (session 34).
  if ((CLOCK.test(trimmed) || AGO.test(trimmed)) && lower.every((w) => STAMP_LINKS.has(w.lower) || isStampWord(w) || isHandlePart(w, text) || isNameLabel(w, words, text))) return true;
  return isActivityNotice(lettered) || isCountedActivity(words);
}

/**
 * A word of a handle: joined to another by an underscore ("sam_k"; the tokenizer splits it), or letters followed by
 * digits ("reader42"). A writer's lower-case word is neither. Read on the text: a unit's words carry no punctuation.
 */
function isHandlePart(w: Token, text: string): boolean {
  return /\p{L}\p{N}/u.test(w.text) || (text[w.end] === '_' && /[\p{L}\p{N}]/u.test(text[w.end + 1] ?? '')) || (text[w.start - 1] === '_' && /[\p{L}\p{N}]/u.test(text[w.start - 2] ?? ''));
}

// What a page prints in brackets after a name: one or more lower-case labels, set apart by a dot, bar, slash or comma.
const LABELS = /^\p{Ll}+(?:\s?[·|/,]\s?\p{Ll}+)*$/u;

/**
 * A lower-case word of the labels in brackets right after a capitalised name ("Knot (talk)", "Tomasz W. (talk ·
 * contribs)", "Ann (edited)"): the page's, not the writer's.
 */
function isNameLabel(w: Token, words: readonly Token[], text: string): boolean {
  const open = text.lastIndexOf('(', w.start);
  const close = text.indexOf(')', w.end);
  if (open < 0 || close < 0 || text.lastIndexOf(')', w.start) > open || !LABELS.test(text.slice(open + 1, close))) return false;
  const name = words.filter((x) => x.end <= open).pop();
  return name !== undefined && name.kind === 'word' && isCapitalised(name) && /^\.?\s?$/.test(text.slice(name.end, open));
}

/**
 * "Liked by 4 people", "Viewed by 120 readers": a past-tense interface word, "by", a count and one word, nothing
 * else (session 34). A writer who says who liked something names them or says more.
 */
function isCountedActivity(words: readonly Token[]): boolean {
  const parts = words.filter((w) => w.kind !== 'punct');
  if (parts.length !== 4) return false;
  const [verb, by, count, what] = parts as [Token, Token, Token, Token];
  return verb.kind === 'word' && /ed$/.test(verb.lower) && isUiWord(verb.lower) && by.lower === 'by' && count.kind === 'number' && what.kind === 'word' && !isCapitalised(what);
}

/**
 * "NAME replied to this.", "NAME, NAME and 4 others liked this": names (with "and", "others"; a pronoun is no name:
 * "It opened in 1898"), one interface word in the past tense, then nothing or function words closed by "this", the
 * post the notice sits under. The present ("... like this") is left out: "Critics like this." is a writer's.
 */
function isActivityNotice(lettered: readonly Token[]): boolean {
  const verb = lettered.findIndex((w) => !isCapitalised(w) && w.lower !== 'and' && w.lower !== 'others');
  if (verb < 1) return false;
  const names = lettered.slice(0, verb);
  // A full name at least ("Rowan Pike"): "Critics liked this." is a writer's.
  if (names.length < 2 || !names.every((w) => w.lower === 'and' || w.lower === 'others' || !isFunctionWord(w))) return false;
  const v = lettered[verb]!.lower;
  if (!/ed$/.test(v) || !isUiWord(v)) return false;
  const after = lettered.slice(verb + 1);
  return after.length === 0 || (after.every((w) => !isCapitalised(w) && isFunctionWord(w)) && after[after.length - 1]!.lower === 'this');
}
