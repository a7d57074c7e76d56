/**
 * A pointer to the written record (session 30): the writer says where the fact they state is written down, tells the
 * other to read it, or appeals to getting the figure right. Under someone else's post it marks the post's statement
 * as a correction of that post, as a closing rebuke does ("... Please get your facts right."):
 * - the record holds it: "it's in the article", "it's right there in the second paragraph", "it's on their website",
 *   "the press release says so", "the owner says right in the story";
 * - read it: a sentence opening with the imperative "Read it again", "Read your own article", "Read it before ...";
 * - the figure matters: "let's use the right numbers", "just getting the number right", "the number matters".
 * Closed classes only: pronoun subjects, locative prepositions, determiners and the nouns of written records
 * (`RECORD_NOUNS`: the article words, the parts of a text, the places a body publishes); no topic word.
 * Since session 33 (corr34, `reportAt`), the record reported as saying something: a record noun phrase as the subject
 * of a reporting verb with what it says after the verb ("The Gazette piece in October said most of the cancellations
 * were ...", "Durham's press release says ...", "The referee's report has the penalty at 87:40").
 */
import { ARTICLE_WORDS } from './clauses.js';

/** Nouns of a written record a fact can be looked up in: the article words, parts of a text, and where bodies publish. */
export const RECORD_NOUNS: ReadonlySet<string> = new Set([
  ...ARTICLE_WORDS,
  'paragraph', 'section', 'report', 'minutes', 'agenda', 'website', 'site', 'page', 'release', 'post', 'thread', 'link',
  'document', 'filing', 'notice', 'letter', 'paper', 'study',
]);

const NOUN = `(?:${[...RECORD_NOUNS].map((w) => w.replace(/-/g, '\\-')).join('|')})s?`;
const DET = "(?:the|their|its|your|his|her|our|this|that|a|an)";
// The words between the determiner and the noun: at most three ("the airport's own", "the October 2022").
const FILL = "(?:[\\w'-]+ ){0,3}?";
const ADVERBS = '(?: (?:all|right|literally|clearly|also|even|actually|plainly|there)){0,2}';

const POINTERS: readonly RegExp[] = [
  // The record holds it: "it's (right there) in the article", "that's on their site".
  new RegExp(`\\b(?:it|that|this|which|all)(?:'s|'re| is| was| are)${ADVERBS} (?:in|on) ${DET} ${FILL}${NOUN}\\b`),
  // The record says it: "the press release says so", "it says so", "says right in the story".
  new RegExp(`\\b(?:it|${NOUN}) (?:says|say|said|states|state|stated) so\\b`),
  new RegExp(`\\b(?:says|said|states|stated)${ADVERBS} (?:in|on) ${DET} ${FILL}${NOUN}\\b`),
  // The imperative to read it, opening the sentence (after "please", "just", "maybe", "go" or "try").
  /^(?:(?:please|just|maybe|go|try) )?(?:re-?)?read (?:it|this|that|the \w+|your own \w+)\b/,
  // The figure matters: "use the right numbers", "getting the number right", "the number matters".
  /\b(?:use|using|get|getting|got|have|having) the (?:right|correct|actual|real) (?:numbers?|figures?|facts)\b/,
  /\b(?:get|getting|got) the (?:numbers?|figures?|facts) (?:right|straight)\b/,
  /\bthe (?:numbers?|figures?|facts) matters?\b/,
];

// The record as the subject of a reporting verb, what it says after the verb (not "so": the pointers above read that).
// "has" / "had" only before a determiner or a figure ("the report has the penalty at ..."), never as an auxiliary
// ("the report has been withdrawn"). The subject: a determiner or a possessive ("durham's"), at most three words, the
// record noun, then at most a two-word prepositional phrase ("the gazette piece in october").
const SAY_VERBS = '(?:says?|said|states?|stated|shows?|showed|lists?|listed|puts?)';
const SAYS = `${SAY_VERBS}(?= (?!so\\b)[\\w"'\u201c])`;
const HAS_OBJECT = '(?:has|had)(?= (?:(?:the|a|an|its|their|this|that|these|those|only)\\b|\\d))';
// A possessive opening the subject, not a contraction ("it's", "that's": no record's owner).
const POSSESSIVE = "(?!(?:it|that|what|there|here|he|she|who|where|let)'s )[\\w-]+'s";
const REPORT = new RegExp(`\\b(?:${DET}|${POSSESSIVE}) ${FILL}${NOUN}(?: (?:in|from|of|on|for) (?:[\\w'-]+ )?[\\w'-]+)? (?:${SAYS}|${HAS_OBJECT})`);

/** `text` in lower case, each UTF-16 unit alone, those whose lower case is longer kept as they are (offsets carry over). */
function sameLengthLower(text: string): string {
  // ASCII text (nearly every sentence) in one call: an ASCII letter's lower case is one unit.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.replace(/[^]/g, (c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c));
}

/**
 * Where a pointer to the written record stands in `text` (one sentence): `[start, end, phrase]`, or null. A question
 * ("Is it in the article?") asks rather than points: the caller passes statements only.
 */
export function pointerAt(text: string): [number, number, string] | null {
  return firstOf(text, POINTERS);
}

/**
 * Where `text` (one sentence) reports what a written record says, the record as the subject of a reporting verb
 * ("the press release says 'the cold spell of 8-14 January'"): `[start, end, phrase]` from the record's determiner to
 * the verb, or null. Read apart from `pointerAt`: the scorer weighs a report (`link:report`) apart from a pointer.
 */
export function reportAt(text: string): [number, number, string] | null {
  return firstOf(text, [REPORT]);
}

/** The earliest match of `patterns` in `text`, in offsets of `text`, its phrase lower-cased. */
function firstOf(text: string, patterns: readonly RegExp[]): [number, number, string] | null {
  // Same length as `text`: curly apostrophes straightened, lower case, so offsets carry over.
  const lower = sameLengthLower(text.replace(/[\u2018\u2019]/g, "'"));
  const lead = /^[\s"'(]*/.exec(lower)![0].length;
  let best: [number, number, string] | null = null;
  for (const re of patterns) {
    const opening = re.source.startsWith('^');
    const m = re.exec(opening ? lower.slice(lead) : lower);
    if (!m) continue;
    const start = m.index + (opening ? lead : 0);
    if (!best || start < best[0]) best = [start, start + m[0].length, m[0]];
  }
  return best;
}
