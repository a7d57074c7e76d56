import type { BlockKind } from '../../schema/document.js';
import type { Span } from '../../schema/common.js';
import { endsWithTerminal, countWords } from '../../text/words.js';
import { isBlank, type Line } from '../lines.js';
import { isRemovalNote } from '../section-cues.js';
import type { CommentStyle, RawPost, SectionParse } from '../types.js';
import { newPost } from './counted.js';

/**
 * (Session 33) Comments signed at the END of their last line, the name and the time after the text on the same line:
 * a wiki talk page as it renders (`… Can someone fix? Kestrel (talk) 08:12, 4 December 2026 (UTC)Reply`, `—Name (talk ·
 * contribs) …`, `— Preceding unsigned comment added by 86.12.44.201 (talk) …` for an unsigned one; the indentation that
 * showed the nesting is lost on copy) and a Q&A site's comments (`… the text. – Name Commented Dec 5 at 8:34`). The
 * signature is a closed form: the user's talk link and a UTC time, or a dash, the name and a `Commented` / calendar time.
 * A comment's text is its signed line and the lines right over it that read as its paragraphs (each ending in a
 * sentence's stop or long), up to a blank line, another signed line or a line that reads as the page's (a heading, a
 * discussion's summary, a score); a signed text that is a removal note (`(Personal attack removed)`) is a removed
 * comment. A Q&A site's answers among the comments are signed by a card under them (`readCard`): an answer is a post of
 * depth 0 and the comments under it answer it (depth 1). Everything else in the section is the page's. Reported as
 * `widget`.
 */

// The wiki form: an optional dash, the name, the talk link, the time in UTC, the reply button glued on. A wiki's user
// name opens with a capital or a digit (an IP address) and has at most four words, none ending in a stop or a comma:
// the text's last sentence does not run into it.
const TOKEN = String.raw`[^\s()–—!?,:;]{0,40}[^\s()–—.!?,:;]`;
const WIKI_NAME = String.raw`[\p{Lu}\d](?:[^\s()–—!?,:;]{0,30}[^\s()–—.!?,:;])?(?:\s${TOKEN}){0,3}`;
const NAME = String.raw`${TOKEN}(?:\s${TOKEN}){0,3}`;
const WIKI_SIGNATURE = new RegExp(
  String.raw`(?:^|\s)(?:[—–-]\s?)?(?:Preceding unsigned comment added by\s)?(${WIKI_NAME}|(?<=[—–-]\s?)${NAME})\s\((?:talk|talk · contribs|contribs)\)\s(\d{1,2}:\d{2},\s\d{1,2}\s\p{L}{3,9}\s\d{4})\s\(UTC\)(?:\s?\[?reply\]?)?$`,
  'iu',
);
// The Q&A form: a dash, the name, `Commented` (newer pages) and the time.
const TIME = String.raw`(?:\p{L}{3}\s\d{1,2}(?:,\s\d{4})?\s(?:at\s)?\d{1,2}:\d{2}|\d{1,2}\s(?:secs?|mins?|hours?|days?)\sago|yesterday|today)`;
const QA_SIGNATURE = new RegExp(String.raw`\s[–—]\s(${TOKEN}(?:\s${TOKEN}){0,3}?)\s(?:Commented\s)?(${TIME})(?:\s?Edited)?$`, 'u');

// A symbol or pictograph (or the joiners and variation selectors of one).
const DECORATION_CHAR = /^[\p{Extended_Pictographic}\p{So}\p{Sk}\p{Sm}\u{FE0F}\u{200D}\u{20E3}\p{Regional_Indicator}]$/u;

/**
 * `name` without the symbols and pictographs closing it that a space sets apart from it (`Brambling 🐦`); a mark glued
 * to the name (a moderator's `Dale M♦`) is the site's and stays. A loop: an unanchored `\s[…]+$` is quadratic.
 */
function withoutDecoration(name: string): string {
  const chars = Array.from(name);
  let k = chars.length;
  while (k > 0 && (DECORATION_CHAR.test(chars[k - 1]!) || /\s/u.test(chars[k - 1]!))) k--;
  while (k < chars.length && !/\s/u.test(chars[k]!)) k++;
  return k < chars.length ? chars.slice(0, k).join('') : name;
}

// How sure a reading of wiki-signed comments is: under the widget reader's (which reads the talk pages it knows).
const WIKI_CONFIDENCE = 0.5;

interface Signature {
  name: string;
  nameSpan: Span;
  timestamp: string;
  /** Offset where the signature starts on the line (the text ends before it). */
  at: number;
}

/** The signature ending a line, or null. */
export function readTrailingSignature(line: Line): Signature | null {
  const t = line.trimmed;
  if (t.length > 4000) return null;
  const m = WIKI_SIGNATURE.exec(t) ?? QA_SIGNATURE.exec(t);
  if (!m) return null;
  // A decoration the user put after the name in a custom signature (an emoji, a symbol: `Name 🐦`) is no part of it.
  const name = withoutDecoration(m[1]!).trim();
  if (!/\p{L}|\d/u.test(name) || name.split(/\s+/u).length > 5) return null;
  const nameAt = line.contentStart + m.index + m[0].indexOf(m[1]!);
  return { name, nameSpan: [nameAt, nameAt + name.length], timestamp: m[2]!, at: line.contentStart + m.index };
}

/** A line over a signed line that reads as a paragraph of the same comment (it ends in a sentence's stop, or is long). */
function isParagraph(line: Line): boolean {
  const t = line.trimmed;
  return endsWithTerminal(t) || countWords(t, 16) >= 16;
}

// (Session 33) A Q&A site's answer is signed by a card UNDER it instead: its buttons (a few short lines), then a
// lower-case activity verb and the date (`answered Dec 5, 2026 at 9:01`), then the name (under the avatar's text, which
// repeats it: `NAME's user avatar` / `NAME`) and the user's figures.
const CARD_TIME = /^[a-z]{4,12}\s(\p{L}{3}\s\d{1,2},\s\d{4}\s(?:at\s)?\d{1,2}:\d{2})$/u;
const BUTTONS_OVER_CARD = 4;

/** A card's time line at `i` with the name under it: the name, its span and the time, else null. */
function readCard(lines: readonly Line[], i: number): Signature | null {
  const m = CARD_TIME.exec(lines[i]!.trimmed);
  const a = lines[i + 1];
  if (!m || !a || isBlank(a)) return null;
  const b = lines[i + 2];
  // The avatar's text starts with the name on the line under it: the name is that line.
  const named = b && !isBlank(b) && b.trimmed.length < a.trimmed.length && a.trimmed.startsWith(b.trimmed) ? b : a;
  const name = named.trimmed;
  if (name.length > 40 || endsWithTerminal(name) || name.split(/\s+/u).length > 4) return null;
  return { name, nameSpan: [named.contentStart, named.contentEnd], timestamp: m[1]!, at: lines[i]!.contentStart };
}

/** The first line of the text a card at `at` signs: over its buttons, the paragraphs (blank lines between them too). */
function textOverCard(lines: readonly Line[], at: number, floor: number): { first: number; end: number } {
  let end = at;
  for (let k = 0; k < BUTTONS_OVER_CARD && end - 1 >= floor && !isBlank(lines[end - 1]!) && !isParagraph(lines[end - 1]!) && countWords(lines[end - 1]!.trimmed, 4) <= 3; k++) end--;
  let a = end;
  while (a - 1 >= floor && !readTrailingSignature(lines[a - 1]!) && (isParagraph(lines[a - 1]!) || isBlank(lines[a - 1]!) && a - 2 >= floor && isParagraph(lines[a - 2]!))) a--;
  while (a < end && isBlank(lines[a]!)) a++;
  return { first: a, end };
}

function signedLines(lines: readonly Line[], from = 0): number[] {
  const out: number[] = [];
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i]!) && readTrailingSignature(lines[i]!)) out.push(i);
  return out;
}

/** The first line of the comment signed at `at`: the paragraphs right over it (`isParagraph`), no blank line between. */
function firstLineOf(lines: readonly Line[], at: number, floor: number): number {
  let a = at;
  while (a - 1 >= floor && !isBlank(lines[a - 1]!) && isParagraph(lines[a - 1]!) && !readTrailingSignature(lines[a - 1]!)) a--;
  return a;
}

function detectTrailingSignature(lines: readonly Line[]): { start: number; confidence: number } | null {
  const signed = signedLines(lines);
  // Four signed comments at least, by two names or more.
  if (signed.length < 4) return null;
  const names = new Set(signed.map((i) => readTrailingSignature(lines[i]!)!.name));
  if (names.size < 2) return null;
  // A page that signs its comments in the wiki's form is read by the widget reader when that knows its shape (the
  // signature alone on its line's end, `Reply` under it, colons for the nesting: `readSignature`): this reading is the
  // fallback there, less sure. The Q&A form is this reader's alone.
  const wiki = signed.every((i) => WIKI_SIGNATURE.test(lines[i]!.trimmed));
  return { start: firstLineOf(lines, signed[0]!, 0), confidence: wiki ? WIKI_CONFIDENCE : 0.9 };
}

function parseTrailingSignature(lines: readonly Line[], start: number): SectionParse {
  const posts: RawPost[] = [];
  const lineKinds = new Map<number, BlockKind>();
  const linePost = new Map<number, number>();
  let floor = start;
  const signed = new Set(signedLines(lines, start));
  // The lines from `from` up to `to` that no comment holds are the page's.
  const markChrome = (from: number, to: number): void => {
    for (let k = from; k < to; k++) lineKinds.set(k, isBlank(lines[k]!) ? 'blank' : 'comment-chrome');
  };
  for (let at = start; at < lines.length; at++) {
    const card = signed.has(at) ? null : readCard(lines, at);
    if (card) {
      // An answer signed by the card under it: its text, the buttons and the card's lines are the post's.
      const { first, end } = textOverCard(lines, at, floor);
      if (first >= end) continue;
      markChrome(floor, first);
      const index = posts.length;
      const post = newPost(card.name, card.nameSpan);
      post.timestamp = card.timestamp;
      post.depth = 0;
      post.depthCue = 'depth';
      post.raw = [lines[at]!];
      post.body = lines.slice(first, end);
      for (let k = first; k < end; k++) lineKinds.set(k, isBlank(lines[k]!) ? 'blank' : 'post-body');
      for (let k = end; k <= at; k++) lineKinds.set(k, 'post-header');
      for (let k = first; k <= at; k++) linePost.set(k, index);
      posts.push(post);
      floor = at + 1;
      continue;
    }
    if (!signed.has(at)) continue;
    const sig = readTrailingSignature(lines[at]!)!;
    const first = firstLineOf(lines, at, floor);
    markChrome(floor, first);
    const index = posts.length;
    const line = lines[at]!;
    const own = line.text.slice(line.contentStart - line.start, sig.at - line.start).trimEnd();
    const ownLine: Line = { ...line, contentEnd: line.contentStart + own.length, trimmed: own.trim(), fields: undefined };
    const body = [...lines.slice(first, at), ownLine].filter((l) => l.trimmed.length > 0);
    const post = newPost(sig.name, sig.nameSpan);
    post.timestamp = sig.timestamp;
    // Under an answer, the comments are the answer's (one level; a comment's `@name` may name another).
    if (posts.some((p) => p.depth === 0)) {
      post.depth = 1;
      post.depthCue = 'depth';
    }
    post.raw = [line];
    if (body.length === 1 && isRemovalNote(body[0]!.trimmed)) {
      post.removed = true;
      post.author = null;
      post.authorSpan = null;
      lineKinds.set(at, 'post-removed');
    } else {
      post.body = body;
      for (let k = first; k <= at; k++) lineKinds.set(k, 'post-body');
    }
    for (let k = first; k <= at; k++) linePost.set(k, index);
    posts.push(post);
    floor = at + 1;
  }
  markChrome(floor, lines.length);
  return { posts, lineKinds, linePost, declaredCount: null, messages: [] };
}

/** Comments signed at the end of their last line (a wiki talk page, a Q&A site's comments). */
export const trailingSignatureStyle: CommentStyle = {
  name: 'widget',
  detect: detectTrailingSignature,
  parse: (lines, start) => parseTrailingSignature(lines, start),
};
