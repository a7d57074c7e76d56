import type { ClaimValue } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';
import { extractValues } from '../../text/values.js';
import type { Token } from '../../text/tokenize.js';
import { wordTokens } from '../../text/word-tokens.js';
import { lemma } from '../../text/lemma.js';
import { isCapitalised, isContent, isNegator, STOPWORDS } from '../../text/word-lists.js';
import { SPEECH_VERBS } from '../claims/lexicon.js';
import { CURRENCY_WORDS, MONTHS, SCALES } from '../../text/value-words.js';
import { BUILTIN_PARAPHRASES, type Paraphrases } from './paraphrase.js';
import { FREQUENCY_UNIT, frameValues } from './value-frames.js';

/** A sentence prepared for matching: tokens, content lemmas, values and negation scopes. */
export interface Unit {
  /** Offsets of `text` in the source it was cut from (post text or absolute input). */
  span: Span;
  text: string;
  words: Token[];
  /** Matching key per word: light lemma, or its paraphrase group ("TVs" -> "television"); speech verbs become "say". */
  lemmas: string[];
  /** Content lemmas of the sentence. */
  content: Set<string>;
  /** Content lemmas written with a capital (names) in this sentence. */
  capital: ReadonlySet<string>;
  values: ClaimValue[];
  /** Indices of words inside a negation scope (the four content words after a negator). */
  negated: ReadonlySet<number>;
  /** The first two content words of each negation scope: the negated predicate ("help" in "doesn't have to help"). */
  negHead: ReadonlySet<number>;
  /** The first content word of each negation scope: the predicate itself ("watch" in "Nobody watches Sony TVs"). */
  negPred: ReadonlySet<number>;
  /**
   * Indices of words in a negation scope opened inside a relative clause about people ("people who have never
   * done a day's work"): still negated (not asserted), but they describe someone and deny no statement.
   */
  described: ReadonlySet<number>;
  /** Comparison keys of each value (see `valueKeys`), parallel to `values`. */
  keys: string[][];
  /** Indices of values that describe the writer's own life ("my rent went up 40%"): never compared. */
  personal: Set<number>;
  question: boolean;
  future: boolean;
  quoted: boolean;
  speech: boolean;
  /** The paraphrase groups the unit's keys were made with (built-in plus the caller's). */
  paraphrases: Paraphrases;
  /**
   * Whether the sentence states something (see `isStatement` in ./index.ts), computed on first ask: a candidate
   * is asked once per later post that shares a word with it. Undefined until then.
   */
  statement: boolean | undefined;
  /**
   * Whether the sentence is page chrome (see `isChrome` in ./index.ts), computed on first ask: the walk asks for every
   * sentence of a post, and `isStatement` again when the sentence is a candidate. Undefined until then.
   */
  chrome: boolean | undefined;
}

const FUTURE = new Set(['will', "won't", 'wont', 'gonna', 'shall']);
const OPINION_NEG = new Set(['think', 'believe', 'know', 'like', 'care', 'mind', 'agree', 'see', 'understand']);
const STOP_PART = new Set(['the', 'and', 'for', 'non', 'pre', 'post', 'anti', 'pro', 'per']);
const EXTRA_STOP = new Set(['since', 'back', 'even', 'already', 'yet', 'instead', 'rather', 'ago', 'today', 'tho', 'though', 'way', 'any', 'anything', 'everyone', 'everything', 'nobody', 'nothing']);

/**
 * A sentence's words (its tokens but punctuation), their lemmas (speech verbs as "say", paraphrase groups as their
 * key), its content lemmas (what the thread index and the candidate ranking match on) and the capitalised ones
 * after the first word: the part of `makeUnit` a quote lookup needs (`content`), without its values and scopes.
 */
export function unitWords(toks: readonly Token[], paraphrases: Paraphrases = BUILTIN_PARAPHRASES): { words: Token[]; lemmas: string[]; content: Set<string>; capital: Set<string> } {
  const words = toks.filter((t) => t.kind !== 'punct');
  const lemmas = words.map((t) => (SPEECH_VERBS.has(t.lower) ? 'say' : paraphrases.key(t.lower.replace(/\./g, ''))));
  const content = new Set<string>();
  const capital = new Set<string>();
  words.forEach((t, i) => {
    if (!isContent(t) || EXTRA_STOP.has(t.lower) || t.kind === 'number' || isNegator(t)) return;
    content.add(lemmas[i]!);
    if (i > 0 && isCapitalised(t)) capital.add(lemmas[i]!);
    // "highest-turnout" also matches "highest turnout".
    if (t.lower.includes('-')) for (const part of t.lower.split('-')) if (part.length >= 3 && !STOP_PART.has(part) && !STOPWORDS.has(part) && !STOPWORDS.has(lemma(part))) content.add(paraphrases.key(part));
  });
  return { words, lemmas, content, capital };
}

// An empty set every unit without such words shares: most sentences have no name, negation or personal value,
// and a unit's sets are read, never changed, after `makeUnit` (but `personal`, see there). A unit of the window
// lives for 200 posts, so its empty sets were about a fifth of its heap.
const NONE: ReadonlySet<never> = new Set<never>();

function orNone<T>(set: Set<T>): ReadonlySet<T> {
  return set.size === 0 ? NONE : set;
}

/** `toks`: `wordTokens(text)` when the caller has them already (see `sentenceWords`). */
export function makeUnit(text: string, span: Span, paraphrases: Paraphrases = BUILTIN_PARAPHRASES, toks: readonly Token[] = wordTokens(text)): Unit {
  const { words, lemmas, content, capital } = unitWords(toks, paraphrases);
  // Negation scopes: up to four content words after a negator, stopping at clause punctuation.
  const negated = new Set<number>();
  const negHead = new Set<number>();
  const negPred = new Set<number>();
  let quoted = false;
  for (const t of toks) if (t.text === '"' || t.text === '\u201c' || t.text === '\u201d') quoted = true;
  const described = new Set<number>();
  let scopes: NegationScopes | undefined;
  // Each scope is added from past the end of the scopes before it: scope ends never move back, so every word is
  // added once ("not not not ..." with no content word walked to the sentence's end once per negator: quadratic).
  let negatedEnd = -1;
  let describedEnd = -1;
  for (let i = 0; i < words.length; i++) {
    if (!isNegator(words[i]!)) continue;
    if (OPINION_NEG.has(words[i + 1]?.lower ?? '')) continue; // "don't think": an opinion frame
    // "Without this merger there's no ...": a condition, not a denial of anything.
    if (words[i]!.lower === 'without') continue;
    const relative = inRelativeClause(text, words, i);
    scopes ??= negationScopes(text, words);
    const end = scopes.end(i);
    for (let k = Math.max(i + 1, negatedEnd + 1); k <= end; k++) negated.add(k);
    negatedEnd = Math.max(negatedEnd, end);
    if (relative) {
      for (let k = Math.max(i + 1, describedEnd + 1); k <= end; k++) described.add(k);
      describedEnd = Math.max(describedEnd, end);
      continue;
    }
    const first = scopes.nextContent[i + 1]!;
    if (first <= end) {
      negPred.add(first);
      negHead.add(first);
      const second = scopes.nextContent[first + 1]!;
      if (second <= end) negHead.add(second);
    }
  }
  const lowerSet = new Set(words.map((w) => w.lower));
  const values = withFrames(text, toks, moreValues(text, toks, extractValues(text, toks, { entities: false })));
  // Values with "my" / "our" up to eight words before them (one pass: values and words are both in order).
  const personal = new Set<number>();
  let wi = 0;
  let lastMine = -99;
  values.forEach((v, vi) => {
    while (wi < words.length && words[wi]!.start < v.span[0]) {
      if (words[wi]!.lower === 'my' || words[wi]!.lower === 'our') lastMine = wi;
      wi++;
    }
    if (wi - lastMine <= 8) personal.add(vi);
  });
  return {
    span,
    text,
    words,
    lemmas,
    content,
    capital: orNone(capital),
    values,
    negated: orNone(negated),
    negHead: orNone(negHead),
    negPred: orNone(negPred),
    described: orNone(described),
    keys: values.map(valueKeys),
    // `markExperience` adds to it, but only indices of values: a unit without values never changes it.
    personal: values.length === 0 ? (NONE as unknown as Set<number>) : personal,
    question: text.trimEnd().endsWith('?'),
    future: [...FUTURE].some((f) => lowerSet.has(f)) || words.some((w, i) => w.lower.endsWith("'ll") || (w.lower === 'going' && words[i + 1]?.lower === 'to' && words[i + 2]?.kind === 'word')),
    quoted,
    speech: lemmas.includes('say'),
    paraphrases,
    statement: undefined,
    chrome: undefined,
  };
}

const FIRST_PERSON = new Set(['i', 'we', "i've", "we've", "i'd", "we'd", "i'm", "we're"]);
/** Auxiliaries and adverbs between a first-person subject and its verb ("we have just switched"). */
const FRAME_AUX = new Set(['have', 'has', 'had', 'was', 'were', 'am', 'are', 'did', 'do', 'just', 'only', 'also', 'then', 'already', 'finally', 'both', 'all', 'recently', 'eventually', 'still', 'since']);
/** Verbs by which writers report what they learnt, not what happened to them ("I checked and ...", "we were told"). */
const REPORT_VERBS = new Set([
  'think', 'thought', 'believe', 'believed', 'know', 'knew', 'read', 'hear', 'heard', 'see', 'saw', 'seen', 'check', 'checked',
  'look', 'looked', 'find', 'found', 'remember', 'recall', 'guess', 'reckon', 'suppose', 'mean', 'meant', 'agree', 'doubt',
  'wonder', 'assume', 'assumed', 'say', 'said', 'write', 'wrote', 'told', 'notice', 'noticed', 'count', 'counted', 'measured',
  'calculated', 'worked', 'understand', 'understood', 'expect', 'expected', 'hope', 'feel', 'felt', 'bet', 'suspect', 'imagine',
  'asked', 'ask',
]);
/** Past forms that do not end in -ed, for a sentence whose subject is left out ("Paid £19 in January."). */
const IRREGULAR_PAST = new Set(['paid', 'spent', 'got', 'had', 'made', 'took', 'lost', 'kept', 'bought', 'sold', 'won', 'put', 'went', 'came', 'left', 'ended']);
/** Words that close the writer's clause: a contrast, a cause, or another subject. */
const FRAME_BREAK = new Set([
  'but', 'whereas', 'although', 'though', 'while', 'however', 'because', 'unless', 'he', 'she', 'it', 'they', 'you', 'there',
  "he's", "she's", "it's", "they're", "you're", "there's", "that's",
]);

/** True when the word is a past form that can open a sentence whose subject is left out ("Saved", "Paid"). */
function pastForm(w: Token | undefined): boolean {
  if (!w || w.kind !== 'word') return false;
  return IRREGULAR_PAST.has(w.lower) || (w.lower.length >= 5 && w.lower.endsWith('ed'));
}

/**
 * Where the writer's own experience is told in sentence `u`: the word indices first-person clauses start at
 * ("We switched ...", "I paid ...", "we were charged ..."). A first-person subject whose verb reports what the
 * writer learnt ("I checked", "we were told", "I think") frames no experience.
 */
function firstPersonClauses(u: Unit): number[] {
  const w = u.words;
  const out: number[] = [];
  for (let i = 0; i < w.length; i++) {
    if (!FIRST_PERSON.has(w[i]!.lower)) continue;
    let v = i + 1;
    while (v < w.length && FRAME_AUX.has(w[v]!.lower)) v++;
    const verb = w[v];
    if (verb && verb.kind === 'word' && !REPORT_VERBS.has(verb.lower) && !FIRST_PERSON.has(verb.lower)) out.push(i);
  }
  return out;
}

/** The end of the writer's clause opening at word `from`: the index of the break word or of the word after clause punctuation. */
function clauseEnd(u: Unit, from: number): number {
  const w = u.words;
  for (let k = from + 1; k < w.length; k++) {
    if (FRAME_BREAK.has(w[k]!.lower) || /[;:\u2014]/.test(u.text.slice(w[k - 1]!.end, w[k]!.start))) return k;
  }
  return w.length;
}

/**
 * First-person experience frames of a post's sentences, in order: amounts in a clause whose subject is the
 * writer ("We saved £19 a month", "I paid £740") describe the writer's own case, like those after "my", and
 * are marked personal (never compared). A sentence that opens with a past form and leaves its subject out
 * ("Saved about £19 a month") right after such a clause continues it. Dates stay compared: a year the writer
 * lived through ("We had a puddle in 2007") still dates the event. Explicit corrections ("we paid £740, not
 * £600", "Actually ...") do not rest on these values and are still found.
 */
export function markExperience(units: readonly Unit[]): void {
  let previous = false;
  for (const u of units) {
    const w = u.words;
    // "Saved about £19": an opening past form, not itself a subject ("United lost 3-1").
    const elided: boolean = previous && pastForm(w[0]) && !REPORT_VERBS.has(w[0]!.lower) && !pastForm(w[1]);
    const frames = firstPersonClauses(u);
    // Clauses as [first word, end) ranges, in order; a frame inside the clause before it is already covered.
    const ranges: Array<[number, number]> = [];
    for (const at of elided ? [0, ...frames] : frames) {
      if (ranges.length > 0 && at < ranges[ranges.length - 1]![1]) continue;
      ranges.push([at, clauseEnd(u, at)]);
    }
    let r = 0;
    u.values.forEach((v, vi) => {
      while (r < ranges.length && (ranges[r]![1] < w.length ? w[ranges[r]![1]]!.start : u.text.length) <= v.span[0]) r++;
      const range = ranges[r];
      if (range && w[range[0]]!.start <= v.span[0] && !isDateValue(v)) u.personal.add(vi);
    });
    previous = frames.length > 0 || elided;
  }
}

const RELATIVE_PEOPLE = new Set(['who', 'whom', 'whose']);

/**
 * True when the negator at word `i` stands in a restrictive relative clause about people: "who", "whom" or
 * "whose" at most three words before it, with no clause punctuation between ("people like you who have never
 * ...", "anyone who doesn't ..."). Such a clause picks out a kind of people; it states nothing to deny. A clause
 * set off by a comma or hung on a name ("The minister, who did not attend, ...", "Tull who never replied") states
 * a fact about someone and stays a negation.
 */
interface NegationScopes {
  /** The first content word at or after each index (`words.length` when none), one past the end included. */
  nextContent: Int32Array;
  /** The last word of the scope of the negator at `i`. */
  end(i: number): number;
}

/**
 * Where negation scopes end, precomputed in one backward pass: a scope runs from the word after its negator up to
 * its fourth content word, stopping before a word parted from the one before it by clause punctuation.
 */
function negationScopes(text: string, words: readonly Token[]): NegationScopes {
  const n = words.length;
  const nextContent = new Int32Array(n + 2).fill(n);
  const nextBreak = new Int32Array(n + 2).fill(n);
  for (let k = n - 1; k >= 0; k--) {
    nextContent[k] = isContent(words[k]!) ? k : nextContent[k + 1]!;
    nextBreak[k] = k > 0 && /[,;:.!?]/.test(text.slice(words[k - 1]!.end, words[k]!.start)) ? k : nextBreak[k + 1]!;
  }
  return {
    nextContent,
    end(i) {
      let fourth = i;
      for (let taken = 0; taken < 4 && fourth < n; taken++) fourth = nextContent[fourth + 1]!;
      return Math.min(nextBreak[i + 1]! - 1, fourth, n - 1);
    },
  };
}

function inRelativeClause(text: string, words: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (/[,;:.!?]/.test(text.slice(words[k]!.end, words[k + 1]!.start))) return false;
    if (!RELATIVE_PEOPLE.has(words[k]!.lower)) continue;
    const before = words[k - 1];
    // A capital opening the sentence ("Anyone who ...") is no name.
    return before !== undefined && (k === 1 || !isCapitalised(before)) && !/[,;:\u2014\u2013(]/.test(text.slice(before.end, words[k]!.start));
  }
  return false;
}

/**
 * Values the claim extractor leaves out but corrections compare: "£37m" / "$2bn" (scale glued to the
 * number), "June 1" without a year (a month-day date), "7-4" (a score, kept as text).
 */
function moreValues(text: string, toks: readonly Token[], values: ClaimValue[]): ClaimValue[] {
  // Values come sorted and do not overlap: one pointer tells which value, if any, covers a token.
  let vp = 0;
  const coveringAt = (t: Token): number => {
    while (vp < values.length && values[vp]!.span[1] <= t.start) vp++;
    const v = values[vp];
    return v && v.span[0] <= t.start && t.end <= v.span[1] ? vp : -1;
  };
  const dropped = new Set<number>();
  const out: ClaimValue[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (coveringAt(t) >= 0) continue;
    if (t.kind === 'number') {
      const glued = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]{1,2})$/.exec(t.lower);
      const scale = glued ? SCALES.get(glued[3]!) : undefined;
      if (glued && scale !== undefined) {
        const cur = toks[i - 1] && toks[i - 1]!.end === t.start ? CURRENCY_WORDS.get(toks[i - 1]!.text) : undefined;
        const from = cur ? toks[i - 1]!.start : t.start;
        const value = Number(`${glued[1]!.replace(/,/g, '')}.${glued[2] ?? '0'}`) * scale;
        out.push({ kind: cur ? 'money' : 'number', text: text.slice(from, t.end), span: [from, t.end], value, unit: cur ?? null, approximate: false });
        continue;
      }
      // "7-4": a score or vote count.
      const dash = toks[i + 1];
      const second = toks[i + 2];
      if (dash && second && dash.text === '-' && dash.start === t.end && second.start === dash.end && second.kind === 'number' && /^\d+$/.test(t.text) && /^\d+$/.test(second.text)) {
        out.push({ kind: 'number', text: text.slice(t.start, second.end), span: [t.start, second.end], value: `${t.text}-${second.text}`, unit: 'score', approximate: false });
        i += 2;
      }
      continue;
    }
    // "June 1" / "July 1st" without a year.
    const month = t.kind === 'word' && isCapitalised(t) ? MONTHS.get(t.lower) : undefined;
    const day = toks[i + 1];
    if (month !== undefined && t.lower.length > 3 && day && day.kind === 'number' && /^\d{1,2}(?:st|nd|rd|th)?$/.test(day.lower)) {
      const d = parseInt(day.lower, 10);
      // The claim extractor reads the day alone as a bare number: the date replaces it.
      const cover = coveringAt(day);
      const bare = cover >= 0 && values[cover]!.kind === 'number' && values[cover]!.span[0] === day.start && values[cover]!.span[1] === day.end;
      if (bare) dropped.add(cover);
      else if (cover >= 0) continue;
      if (d >= 1 && d <= 31) out.push({ kind: 'date', text: text.slice(t.start, day.end), span: [t.start, day.end], value: `--${pad2(month)}-${pad2(d)}`, unit: null, approximate: false });
    }
  }
  if (out.length === 0 && dropped.size === 0) return values;
  const all = values.filter((_, i) => !dropped.has(i)).concat(out);
  all.sort((a, b) => a.span[0] - b.span[0]);
  return all;
}

/**
 * The values of `values` with the frequencies, shares and vague counts of `frameValues` (session 27) added;
 * a count inside a frequency ("20 minutes" of "every 20 minutes") is dropped: it is the frequency's period.
 */
function withFrames(text: string, toks: readonly Token[], values: ClaimValue[]): ClaimValue[] {
  const { values: frames, covered } = frameValues(text, toks, values);
  if (frames.length === 0) return values;
  const all = values.filter((_, i) => !covered.has(i)).concat(frames);
  all.sort((a, b) => a.span[0] - b.span[0]);
  return all;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Keys under which a value is compared: "y:2027" for a year (and for any dated value), "ym:2027-12",
 * "md:06-01" for a day of the year, "s:7-4" for a score, "f:48" for a frequency (occasions a day; session 27),
 * "n:70000000" for any other number. Two values
 * name the same thing when they share a key.
 */
export function valueKeys(v: ClaimValue): string[] {
  if (v.unit === 'decade') return [];
  if (v.unit === 'score') return [`s:${String(v.value)}`];
  if (v.kind === 'year') return [`y:${String(v.value)}`];
  if (v.kind === 'date') {
    const m = /^(\d{4}|-)-(\d{2})(?:-(\d{2}))?$/.exec(String(v.value));
    if (!m) return [];
    const keys: string[] = [];
    if (m[1] !== '-') keys.push(`y:${m[1]}`, `ym:${m[1]}-${m[2]}`);
    if (m[3]) keys.push(`md:${m[2]}-${m[3]}`);
    return keys;
  }
  if (v.kind === 'entity' || typeof v.value !== 'number' || !Number.isFinite(v.value)) return [];
  if (v.unit === FREQUENCY_UNIT) return [`f:${Math.round(v.value * 1000) / 1000}`];
  return [`n:${Math.round(v.value * 1000) / 1000}`];
}

/** True when both values are dates or years (compared by date) rather than amounts. */
export function isDateValue(v: ClaimValue): boolean {
  return (v.kind === 'year' || v.kind === 'date') && v.unit !== 'decade';
}

/** Lower-case content lemmas within `radius` words of a character span (the event a value belongs to). */
export function eventWords(u: Unit, span: Span, radius = 4): Set<string> {
  const out = new Set<string>();
  const at = u.words.findIndex((w) => w.start >= span[0]);
  if (at < 0) return out;
  let end = at;
  while (end < u.words.length && u.words[end]!.end <= span[1]) end++;
  for (let i = Math.max(0, at - radius); i < Math.min(u.words.length, end + radius); i++) {
    if (i >= at && i < end) continue;
    const w = u.words[i]!;
    const l = u.lemmas[i]!;
    if (l === 'say' || (isContent(w) && !isCapitalised(w) && w.kind === 'word' && !EXTRA_STOP.has(w.lower))) out.add(l);
  }
  return out;
}

/** Word indices whose lemma is `l`. */
export function indicesOf(u: Unit, l: string): number[] {
  const out: number[] = [];
  u.lemmas.forEach((x, i) => {
    if (x === l) out.push(i);
  });
  return out;
}
