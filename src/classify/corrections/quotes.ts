/**
 * Quoted passages: a post repeats someone else's words so that it can answer them, as a `> ...` line, a
 * `[quote]...[/quote]` block, or a short first line that repeats words of the parent post or the article (no
 * quote mark at all: "the 2024 figure" on its own line, then the answer). Such a sentence is not the writer's
 * own statement, so no correction is read from it; and it names what the sentences after it answer: the
 * sentence it repeats is the first candidate they are compared with, and a date or figure there that differs
 * from the quote's is about the same thing (the quote sets the topic, even when the answer words it otherwise).
 */
import { splitSentences } from '../../text/sentences.js';
import type { Paraphrases } from './paraphrase.js';
import type { PostSentence } from './detector.js';
import type { Candidate, CorrectionPost, IndexWindow, ThreadIndex } from './thread-index.js';
import { unitWords } from './units.js';
import { wordTokens } from '../../text/word-tokens.js';

/** Quote sentences of a post, and for each one the sentence it repeats (a candidate id), when found. */
export interface PostQuotes {
  /** `isQuote[k]`: sentence k repeats someone else's words (including a `[quote]` tag line itself). */
  isQuote: boolean[];
  /** Candidate id of the article or earlier-post sentence that quote sentence k repeats. */
  source: Array<number | undefined>;
  /**
   * Candidate id of the sentence repeated by the quote the parser took out of the post's text (lines above it,
   * kept in `meta.raw`): what the post's first sentences answer. Undefined when there is none or it repeats nothing.
   */
  above: number | undefined;
}

/** Raw lines above the text read for a quote, at most (a long excerpt is answered by its last sentences). */
const MAX_ABOVE_LINES = 40;

/** Candidates looked up per quote sentence: enough for a thread's sentences sharing its rarest word. */
const MAX_LOOKUPS = 400;
/** A quoted line with no quote mark: at most this many words, and at least three. */
const MAX_BARE_QUOTE_WORDS = 25;

/** Openers of an answer that concede the echoed sentence instead of challenging it. */
const CONCEDING = new Set(['maybe', 'perhaps', 'possibly', 'probably', 'yes', 'yeah', 'yep', 'sure', 'true', 'fair', 'right', 'correct', 'exactly', 'indeed']);

/** An echo question ("Three days?") has at most this many words. */
const MAX_ECHO_WORDS = 6;

/** Lower-case letters and digits, every other run one space: how a quote and its source are compared. */
export function quoteKey(text: string): string {
  return text
    .replace(/\[\/?quote(?:[=\s][^\][\n]{0,200})?\]/gi, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Character ranges of `text` inside a quote mark: lines opening with `>`, and `[quote...]...[/quote]` blocks (tags included). */
function markedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (/^\s*>/.test(line)) out.push([at, at + line.length]);
    at += line.length + 1;
  }
  if (!/\[quote/i.test(text)) return out;
  const lower = text.toLowerCase();
  const open = /\[quote(?:[=\s][^\][\n]{0,200})?\]/gi;
  for (let m = open.exec(text); m !== null; m = open.exec(text)) {
    const close = lower.indexOf('[/quote]', m.index + m[0].length);
    // No closing tag after this one: none after any later one either (and each search would walk to the end).
    if (close < 0) {
      out.push([m.index, m.index + m[0].length]);
      break;
    }
    out.push([m.index, close + '[/quote]'.length]);
    open.lastIndex = close + '[/quote]'.length;
  }
  return out;
}

/**
 * The quotes of `post` (its sentences as `postUnits` made them), each looked up among the article sentences and
 * the earlier posts of the window that someone else wrote (`foreign`).
 */
export function findPostQuotes(
  post: CorrectionPost,
  sentences: readonly PostSentence[],
  index: ThreadIndex,
  window: IndexWindow,
  foreign: (c: Candidate) => boolean,
  parent: CorrectionPost | undefined,
  paraphrases?: Paraphrases,
): PostQuotes {
  const isQuote = sentences.map(() => false);
  const source: Array<number | undefined> = sentences.map(() => undefined);
  const above = quoteAbove(post, index, window, foreign, paraphrases);
  if (sentences.length < 2) return { isQuote, source, above };
  const ranges = markedRanges(post.text);
  sentences.forEach(({ unit }, k) => {
    if (ranges.some(([a, b]) => unit.span[0] >= a && unit.span[0] < b)) isQuote[k] = true;
  });
  // A first line with no quote mark repeats words of the parent or the article and the post goes on after it:
  // a short line that ends no sentence, standing alone.
  const first = sentences[0]!.unit;
  const words = first.words.filter((w) => /[\p{L}\p{N}]/u.test(w.text)).length;
  const lineEnd = post.text.indexOf('\n');
  const alone = lineEnd >= 0 && post.text.slice(0, lineEnd).trim() === first.text.trim();
  if (!isQuote[0] && alone && words >= 3 && words <= MAX_BARE_QUOTE_WORDS && !/[.!?:]["'\u201d)]*\s*$/.test(first.text)) {
    const key = quoteKey(first.text);
    const inParent = parent !== undefined && quoteKey(parent.text).includes(key);
    const id = lookUp(first.content, key, index, window, foreign);
    if (inParent || id !== undefined) {
      isQuote[0] = true;
      source[0] = id;
    }
  }
  // An echo question: a short question that repeats words of the article or an earlier post word for word
  // ("Three days?", "First named storm?") and that the post goes on to answer. It quotes the sentence to
  // challenge it, so what follows answers that sentence.
  sentences.forEach(({ unit }, k) => {
    if (isQuote[k] || !unit.question || k === sentences.length - 1) return;
    const text = unit.text.trim();
    const n = unit.words.filter((w) => /[\p{L}\p{N}]/u.test(w.text)).length;
    if (n < 1 || n > MAX_ECHO_WORDS || !/^[^?]*\?+["'\u201d)]*$/.test(text) || !unit.words.some((w) => /[\p{L}\p{N}]{4}/u.test(w.text))) return;
    // The answer must take the echo up: one opening with a hedge or agreement ("Maybe, but ...", "Yes, ...")
    // concedes the sentence rather than challenging it.
    if (CONCEDING.has(sentences[k + 1]!.unit.words[0]?.lower ?? '')) return;
    // Words that do not stand together are an echo only without a figure of their own ("Strongest in a century?");
    // a figure asked about loosely ("Building starts in 2027?") may be a different plan, not the article's.
    const id = lookUp(unit.content, quoteKey(text), index, window, foreign) ?? (unit.values.length === 0 ? echoedWords(unit, index, parent, foreign) : undefined);
    if (id === undefined) return;
    isQuote[k] = true;
    source[k] = id;
  });
  sentences.forEach(({ unit }, k) => {
    if (!isQuote[k] || source[k] !== undefined) return;
    const key = quoteKey(unit.text);
    if (key.split(' ').length >= 3) source[k] = lookUp(unit.content, key, index, window, foreign);
  });
  return { isQuote, source, above };
}

/**
 * The quote the parser took out of the post's text: its raw lines above the first line of text (header lines
 * too, which repeat no sentence). Each sentence of three words or more is looked up; the last one found wins,
 * as the text right under a quote answers its end.
 */
function quoteAbove(post: CorrectionPost, index: ThreadIndex, window: IndexWindow, foreign: (c: Candidate) => boolean, paraphrases: Paraphrases | undefined): number | undefined {
  const raw = post.meta?.raw;
  if (!raw || raw.length === 0) return undefined;
  const lines = raw.filter((l) => l.span[1] <= post.span[0]).slice(-MAX_ABOVE_LINES);
  if (lines.length === 0) return undefined;
  const text = lines.map((l) => l.text.replace(/^(?:\s*>)+/, '')).join('\n');
  let found: number | undefined;
  for (const s of splitSentences(text)) {
    const key = quoteKey(s.text);
    if (key.split(' ').length < 3) continue;
    // Only the content lemmas are looked up: not the whole unit (values, negation scopes) of a header line.
    const id = lookUp(unitWords(wordTokens(s.text), paraphrases).content, key, index, window, foreign);
    if (id !== undefined) found = id;
  }
  return found;
}

/**
 * An echo question's words need not stand together ("Strongest in a century?" for "the strongest to hit the country
 * in more than a century"): the article sentence, else the parent's, holding every content word of it.
 */
function echoedWords(unit: PostSentence['unit'], index: ThreadIndex, parent: CorrectionPost | undefined, foreign: (c: Candidate) => boolean): number | undefined {
  if (unit.content.size === 0) return undefined;
  const holds = (id: number): boolean => foreign(index.cands[id]!) && !index.cands[id]!.unit.question && [...unit.content].every((l) => index.cands[id]!.unit.content.has(l));
  for (let id = 0; id < index.articleCount; id++) if (holds(id)) return id;
  return parent ? index.sentencesOf(parent).find(holds) : undefined;
}

/** The candidate (article sentences first, then the latest post) whose words contain `key`, if any. */
function lookUp(content: ReadonlySet<string>, key: string, index: ThreadIndex, window: IndexWindow, foreign: (c: Candidate) => boolean): number | undefined {
  // The rarest content word of the quote narrows the search; every candidate holding the quote has it.
  let ids: number[] | null = null;
  for (const l of content) {
    const found = index.withLemmaUpTo(l, window, MAX_LOOKUPS);
    if (found !== null && (ids === null || found.length < ids.length)) ids = found;
  }
  if (ids === null) return undefined;
  let best: number | undefined;
  for (const id of ids) {
    const c = index.cands[id]!;
    if (!foreign(c) || !quoteKey(c.unit.text).includes(key)) continue;
    // The article is where quoted words come from first; among posts, the latest one.
    if (best === undefined || (c.kind === 'post' && index.cands[best]!.kind === 'post' && id > best)) best = id;
    if (c.kind === 'article') return id;
  }
  return best;
}
