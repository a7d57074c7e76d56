import type { Evidence } from '../../schema/common.js';
import { isNegator, isTitleCase } from '../../text/word-lists.js';
import { CONCESSIVE, CONTRAST, DOWNTONERS, INTENSIFIERS, type Lexicon } from './lexicon.js';
import type { Token } from '../../text/tokenize.js';
import { squeezeLetterRuns } from '../../text/squeeze.js';

/** Raw sentiment of one sentence: signed sum plus the positive and negative mass, with the cues. */
export interface RawSentiment {
  sum: number;
  positive: number;
  negative: number;
  /** Number of tokens that carried sentiment. */
  hits: number;
  evidence: Evidence[];
  /**
   * Where each sentiment word's final value stood, by clause scope: negated, before / after a contrast (or a
   * leading concession), hedged by a downtoner, inside a clause that ends in "?". The learned model reads their
   * sums (clauses.ts), so how much each scope counts is fit on data rather than fixed here.
   */
  scopes: ScopeSums;
}

/** Sums of sentiment word values by clause scope (see {@link RawSentiment.scopes}). */
export interface ScopeSums {
  negated: number;
  beforeContrast: number;
  afterContrast: number;
  hedged: number;
  intensified: number;
  question: number;
  /** Capitalised inside the sentence ("the Order of Hope", "Pleasant Street"): likely a word of a name, not a feeling. */
  named: number;
}

// Factor applied to a negated sentiment word: "not good" is weaker than "bad" (VADER uses -0.74).
const NEGATION_FACTOR = -0.6;
// Words a negation reaches past its negator before it stops (VADER looks three words back).
const NEGATION_REACH = 3;
// Clause weights around a contrast: "great, but awful" counts the part after "but" more.
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const CAPS_FACTOR = 1.4;
// Added per "!" (up to 3) in the direction of the sentence, on the lexicon's -5..5 scale.
const EXCLAMATION_BOOST = 0.4;

// "kind of" / "sort of" before a sentiment word (VADER's hedges).
const KIND_OF = 0.7;
// "never so good": VADER reads the negator as an intensifier here.
const NEVER_SO = 1.25;
// Added per "?" when there are two or more (VADER adds 0.18 on its -4..4 scale).
const QUESTION_BOOST = 0.22;

/** "least" right before (or one word before) the sentiment word, unless it is "at least" / "very least". */
function leastBefore(tokens: readonly Token[], i: number): Token | null {
  for (let back = 1; back <= 2; back++) {
    const t = tokens[i - back];
    if (!t || t.kind !== 'word') return null;
    if (t.norm !== 'least') continue;
    const before = tokens[i - back - 1];
    if (before?.kind === 'word' && (before.norm === 'at' || before.norm === 'very')) return null;
    return t;
  }
  return null;
}

// Punctuation that closes a negation scope or a concessive clause.
const CLAUSE_BREAK = /[.,;:!?\u2026\u2014\u2013()]/;

/** Words whose negation does not flip: "not only good" stays good, "no doubt great" stays great. */
const NEGATION_BLOCKERS = new Set(['only', 'just', 'doubt', 'wonder', 'question', 'matter']);

// A word with a clitic after its apostrophe ("I'll", "he'll", "we'll", "who're", "it's"): the lexicon key drops the
// apostrophe, so without this the pronoun and its clitic would read as another word ("ill", "hell", "well", "whore").
// Linear: one letter run, one apostrophe, a literal alternation. "n't" forms are not clitics here ("don't" stays a
// negator, looked up as "dont").
const CLITIC = /^(\p{L}+)['\u2019](?:ll|re|ve|d|m|s)$/iu;

/** The key a word is looked up by: the word before a clitic ("he'll" -> "he"), else its normal form. */
export function lexiconWord(t: Token): string {
  // Most words have no apostrophe: skip the regex for them (same result, it needs one).
  if (!t.text.includes("'") && !t.text.includes('\u2019')) return t.norm;
  const m = CLITIC.exec(t.text);
  return m ? m[1]!.toLowerCase() : t.norm;
}

function isAllCaps(t: Token): boolean {
  return t.kind === 'word' && t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
}

/**
 * Scores one sentence's tokens. `text` is the text the token offsets point into (evidence slices it).
 * `shouting` is true when the whole text is upper case (then CAPS is no emphasis).
 */
export function scoreTokens(tokens: readonly Token[], text: string, lexicon: Lexicon, shouting: boolean): RawSentiment {
  const contributions: Contribution[] = [];
  const first = firstWordIndex(tokens);
  let negatedUntil = -1; // token index through which a negation applies
  let negator: Token | null = null;
  let negatorAt = -1;
  let contrastAt = -1; // index of the last contrast word
  let concessiveEnd = -1; // index where a leading concessive clause ends
  let concessiveOpen = false;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct') {
      if (CLAUSE_BREAK.test(t.text)) {
        negatedUntil = -1;
        // Tested for every break, not only inside a concession (rare), so the optimised scan has met it.
        const comma = t.text.includes(',');
        if (concessiveOpen && comma) {
          concessiveEnd = i;
          concessiveOpen = false;
        }
      }
      continue;
    }
    if (t.kind !== 'word' && t.kind !== 'emoji' && t.kind !== 'emoticon' && t.kind !== 'hashtag') continue;

    // Contrast and concession markers.
    if (t.kind === 'word' && CONTRAST.has(t.norm)) {
      contrastAt = i;
      negatedUntil = -1;
      continue;
    }
    if (t.kind === 'word' && i === first && CONCESSIVE.has(t.norm)) {
      concessiveOpen = true;
      continue;
    }

    // Phrase lookup first (longest match), then the single word.
    let value = 0;
    let consumed = 0;
    let phrase: Phrase | null = null;
    if (t.kind === 'word') {
      const word = lexiconWord(t);
      const phrases = lexicon.phrases(word);
      if (phrases) phrase = matchPhrase(tokens, i, phrases);
      if (phrase) {
        value = phrase.score;
        consumed = phrase.rest.length;
      }
      if (consumed === 0) {
        if (isNegator(t)) {
          negator = t;
          negatorAt = i;
          negatedUntil = i + NEGATION_REACH;
          continue;
        }
        value = lexicon.word(word) ?? (word.length > 3 ? lookupSqueezed(lexicon, word) : 0);
      }
    } else if (t.kind === 'hashtag') {
      value = lexicon.word(t.norm) ?? 0;
    } else {
      value = lexicon.emoji(t.norm.replace(/\uFE0F/g, '')) ?? 0;
    }
    if (value === 0) {
      // A word after a negation blocker ends the negation ("not only").
      if (i <= negatedUntil && NEGATION_BLOCKERS.has(t.norm)) negatedUntil = -1;
      // Modifiers keep the negation going ("not very good"): extend by one.
      if (i <= negatedUntil && (INTENSIFIERS.has(t.norm) || DOWNTONERS.has(t.norm))) negatedUntil++;
      i += consumed;
      continue;
    }
    const span: [number, number] = phrase ? [t.start, tokens[i + consumed]!.end] : [t.start, t.end];
    const key = phrase ? phrase.key : t.norm;
    contributions.push(modified(tokens, text, i, value, span, key, consumed, i <= negatedUntil ? negator : null, negatorAt, shouting, first));
    i += consumed;
  }
  return sumContributions(tokens, contributions, contrastAt, concessiveEnd);
}

/** A phrase of the lexicon: the words after its first, its score and its key. */
type Phrase = { rest: readonly string[]; score: number; key: string };

/** The first of `phrases` (longest first) whose other words follow token `i`, or null. */
function matchPhrase(tokens: readonly Token[], i: number, phrases: readonly Phrase[]): Phrase | null {
  for (let k = 0; k < phrases.length; k++) {
    const p = phrases[k]!;
    if (matchRest(tokens, i + 1, p.rest)) return p;
  }
  return null;
}

/** One sentiment word or phrase with its value after the rules around it, and the scopes it stands in. */
interface Contribution {
  value: number;
  ev: Evidence;
  idx: number;
  negated: boolean;
  hedged: boolean;
  intensified: boolean;
  named: boolean;
}

// The rules around one sentiment word live apart from the scan that finds them (and the sum below): most of their
// branches are rare ("kind of", "least", "never so", "at all"), and a branch first reached in optimised code sends
// V8 back to recompile the function it sits in, so each is kept in a small function of its own.

/**
 * A sentiment word at token `i` (`value` from the lexicon, `span` and `key` of the word or phrase, `consumed` tokens
 * of a phrase after it) with the modifiers before it, capitals and the negation in force (`negator`, at `negatorAt`,
 * null when none reaches it) applied.
 */
function modified(
  tokens: readonly Token[],
  text: string,
  i: number,
  value: number,
  span: [number, number],
  key: string,
  consumed: number,
  negator: Token | null,
  negatorAt: number,
  shouting: boolean,
  first: number,
): Contribution {
  const t = tokens[i]!;
  const cues: string[] = [`lexicon:${key}`];
  let hedged = false;
  let intensified = false;
  let negated = false;
  // Intensifiers and downtoners right before (two words back at most).
  for (let back = 1; back <= 2; back++) {
    const prev = tokens[i - back];
    if (!prev || prev.kind !== 'word') break;
    // "kind of boring", "sort of funny": a hedge, like "kinda".
    if (prev.norm === 'of' && back === 1) {
      const hedge = tokens[i - 2];
      if (hedge?.kind === 'word' && (hedge.norm === 'kind' || hedge.norm === 'sort')) {
        value *= KIND_OF;
        hedged = true;
        span = [hedge.start, span[1]];
        cues.push(`downtoner:${hedge.norm} of`);
        break;
      }
    }
    const f = INTENSIFIERS.get(prev.norm) ?? DOWNTONERS.get(prev.norm);
    if (f === undefined) continue;
    value *= back === 1 ? f : 1 + (f - 1) * 0.7;
    if (f > 1) intensified = true;
    else hedged = true;
    span = [prev.start, span[1]];
    cues.push(f > 1 ? `intensifier:${prev.norm}` : `downtoner:${prev.norm}`);
    break;
  }
  if (!shouting && isAllCaps(t)) {
    value *= CAPS_FACTOR;
    cues.push('caps');
  }
  // "the least interesting": "least" turns the word over, "at least" does not.
  const least = leastBefore(tokens, i);
  if (least && !negator) {
    value *= NEGATION_FACTOR;
    negated = true;
    span = [least.start, span[1]];
    cues.push('negation:least');
  }
  if (negator) {
    const n = negation(tokens, i, consumed, negator, negatorAt, span);
    value *= n.factor;
    negated ||= n.negated;
    cues.push(n.cue);
    // "not bad at all": "at all" strengthens the negated reading (x 1 is exact, and keeps the branch out of V8's way).
    value *= n.atAll ? 1.3 : 1;
    span = n.span;
  }
  const named = !shouting && t.kind === 'word' && i !== first && isNameLike(tokens, i);
  return { value, ev: { span, text: text.slice(span[0], span[1]), cue: cues.join(' ') }, idx: i, negated, hedged, intensified, named };
}

/** What the negator at `negatorAt` does to the sentiment word at `i`: its factor, whether it turns it, its span and cue. */
function negation(
  tokens: readonly Token[],
  i: number,
  consumed: number,
  negator: Token,
  negatorAt: number,
  span: [number, number],
): { factor: number; negated: boolean; atAll: boolean; span: [number, number]; cue: string } {
  // "never so good", "never this happy": the negator intensifies instead.
  const after = tokens[negatorAt + 1];
  const intensifies = negator.norm === 'never' && negatorAt + 1 < i && (after?.norm === 'so' || after?.norm === 'this');
  const cue = intensifies ? `intensifier:never ${after!.norm}` : `negation:${negator.norm}`;
  const a = tokens[i + consumed + 1];
  const b = tokens[i + consumed + 2];
  const atAll = a?.norm === 'at' && b?.norm === 'all';
  return { factor: intensifies ? NEVER_SO : NEGATION_FACTOR, negated: !intensifies, atAll, span: atAll ? [negator.start, b!.end] : [negator.start, span[1]], cue };
}

/** The sentence's sums from its contributions: contrast and concession weights, scopes, then "!" and "??". */
function sumContributions(tokens: readonly Token[], contributions: readonly Contribution[], contrastAt: number, concessiveEnd: number): RawSentiment {
  let sum = 0;
  let positive = 0;
  let negative = 0;
  const evidence: Evidence[] = [];
  const scopes: ScopeSums = { negated: 0, beforeContrast: 0, afterContrast: 0, hedged: 0, intensified: 0, question: 0, named: 0 };
  const questionFrom = contributions.length > 0 ? questionClauses(tokens) : [];
  for (let k = 0; k < contributions.length; k++) {
    const c = contributions[k]!;
    let v = c.value;
    if (contrastAt >= 0) v *= c.idx < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
    // (c.idx >= 0, so this holds only after a concession: concessiveEnd is -1 without one.)
    else if (c.idx < concessiveEnd) v *= BEFORE_CONTRAST;
    if (contrastAt >= 0 && c.idx > contrastAt) c.ev.cue += ' contrast';
    if (c.negated) scopes.negated += v;
    if (c.hedged) scopes.hedged += v;
    if (c.intensified) scopes.intensified += v;
    if (c.named) scopes.named += v;
    if (contrastAt >= 0 || concessiveEnd >= 0) {
      if (c.idx < (contrastAt >= 0 ? contrastAt : concessiveEnd)) scopes.beforeContrast += v;
      else scopes.afterContrast += v;
    }
    if (inAny(questionFrom, c.idx)) scopes.question += v;
    sum += v;
    if (v > 0) positive += v;
    else negative -= v;
    evidence.push(c.ev);
  }
  // "!!!" strengthens whatever the sentence says; so do "??" and "???" (VADER), a single "?" does not.
  if (sum !== 0) {
    const bangs = countMarks(tokens, '!');
    if (bangs.count > 0) {
      sum += Math.sign(sum) * Math.min(bangs.count, 3) * EXCLAMATION_BOOST;
      evidence.push({ span: [bangs.last!.start, bangs.last!.end], text: bangs.last!.text, cue: 'exclamation' });
    }
    const marks = countMarks(tokens, '?');
    if (marks.count > 1) {
      sum += Math.sign(sum) * Math.min(marks.count, 4) * QUESTION_BOOST;
      evidence.push({ span: [marks.last!.start, marks.last!.end], text: marks.last!.text, cue: 'question-marks' });
    }
  }
  return { sum, positive, negative, hits: contributions.length, evidence, scopes };
}

/** True when `idx` lies in one of the ranges [from, to). */
function inAny(ranges: ReadonlyArray<readonly [number, number]>, idx: number): boolean {
  for (let k = 0; k < ranges.length; k++) if (idx >= ranges[k]![0] && idx < ranges[k]![1]) return true;
  return false;
}

// Punctuation that ends a clause for the question scope: a "?" closes a question clause.
const CLAUSE_END = /[.,;:!?\u2026]/;

/** Token ranges [from, to) of the clauses that end in "?" (a question scopes only its own clause). */
function questionClauses(tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct' || !CLAUSE_END.test(t.text)) continue;
    if (t.text.includes('?')) out.push([from, i]);
    from = i + 1;
  }
  return out;
}

/** How many `mark` characters the punctuation tokens hold, and the last token holding one. */
function countMarks(tokens: readonly Token[], mark: string): { count: number; last: Token | null } {
  let count = 0;
  let last: Token | null = null;
  for (const t of tokens) {
    if (t.kind !== 'punct' || !t.text.includes(mark)) continue;
    for (const ch of t.text) if (ch === mark) count++;
    last = t;
  }
  return { count, last };
}

// A capitalised word right after these starts a sentence, a clause after a colon, or a quotation: not a name.
const OPENERS = /[.!?:;"\u201c\u2026(\[]/;

/**
 * A word capitalised inside its sentence and not written in capitals ("Hope" in "the Order of Hope", "Pleasant"
 * in "Pleasant Street"; not "NASA", not the first word, not after a colon or an opening quote). No word is named:
 * how much such words count is learned from the scope sum (`#c.named`).
 */
function isNameLike(tokens: readonly Token[], i: number): boolean {
  if (!isTitleCase(tokens[i]!)) return false;
  const prev = tokens[i - 1];
  return prev !== undefined && !(prev.kind === 'punct' && OPENERS.test(prev.text));
}

function firstWordIndex(tokens: readonly Token[]): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.kind === 'word') return i;
  return -1;
}

function matchRest(tokens: readonly Token[], from: number, rest: readonly string[]): boolean {
  // The length is tested before reading (a phrase at the sentence end would read past it): the same answer, without
  // an out-of-bounds read for V8 to deoptimise on.
  if (from + rest.length > tokens.length) return false;
  for (let k = 0; k < rest.length; k++) {
    const t = tokens[from + k]!;
    if (t.kind !== 'word' || t.norm !== rest[k]) return false;
  }
  return true;
}

/** "gooood" -> "good", "baaad" -> "bad": squeezes runs of three or more letters to two, then to one. */
function lookupSqueezed(lexicon: Lexicon, word: string): number {
  let run = false;
  // Char codes, not one-letter strings: the same test, and one that does not depend on how the string is stored.
  for (let i = 2; i < word.length && !run; i++) run = word.charCodeAt(i) === word.charCodeAt(i - 1) && word.charCodeAt(i) === word.charCodeAt(i - 2);
  if (!run) return 0;
  const two = squeezeLetterRuns(word, 2);
  if (two === word) return 0;
  return lexicon.word(two) ?? lexicon.word(squeezeLetterRuns(word, 1)) ?? 0;
}
