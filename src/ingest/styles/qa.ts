import type { BlockKind } from '../../schema/document.js';
import { isBlank, type Line } from '../lines.js';
import { isRemovedPlaceholder } from '../section-cues.js';
import type { CommentStyle, RawPost, SectionParse } from '../types.js';
import { countWords, endsWithTerminal } from '../../text/words.js';
import { newPost } from './counted.js';
import { readNameLine, readWidgetHeader, timeKind } from './header-cues.js';

/**
 * Question-and-answer pages (Stack Exchange and the like), where a post's author is printed AFTER its text: the
 * question (the article) and each answer end in a sign-off block, "asked Dec 2 at 19:40" / "Maeve K" / "1,204 ●3
 * ●15" (the verb and the time, the name, the reputation), above the text its score alone ("9"); comments are one
 * line each, the text first and then "– Name Dec 2 at 20:01", maybe under their own score. A comment answers the
 * answer (or the question: top level) it stands under, or the comment whose author it addresses ("@MaeveK", the
 * name without its spaces). The style reports itself as `forum`.
 */

// "asked Dec 2 at 19:40", "answered yesterday", "edited 2 hours ago": the verb of a sign-off block and the time.
const SIGN_OFF = /^(asked|answered|edited|modified|posted)\s+(\S.{0,47})$/i;
// "1,204 ●3 ●15", "15.3k ●4 ●41 ●88", "611": the poster's reputation and badge counts under the name.
const REPUTATION = /^\d{1,3}(?:[,.]\d{3})*(?:\.\d)?k?(?: ?[●•] ?\d{1,5}){0,3}$/;
// A score alone on its line, over an answer or a comment.
const SCORE = /^[+-]?\d{1,6}$/;
// "This post is hidden. It was deleted 2 days ago by the post author.": an answer deleted, as the page shows it.
const HIDDEN = /^this (?:post|answer) (?:is hidden|has been deleted|was deleted)\b.{0,120}$/i;
const DASH_SIGNATURE = / [–—-] (\S.{0,80})$/;

/** A sign-off line ("answered Dec 2 at 21:10"): the verb (lower case) and the time, else null. */
function readSignOff(trimmed: string): { verb: string; time: string } | null {
  const m = SIGN_OFF.exec(trimmed);
  if (!m || timeKind(m[2]!) === null) return null;
  return { verb: m[1]!.toLowerCase(), time: m[2]! };
}

/** A sign-off block at `i`: the verb line, the name line under it, maybe the reputation line; else null. */
function readBlock(lines: readonly Line[], i: number): { verb: string; time: string; author: string; authorSpan: [number, number]; end: number } | null {
  const sign = readSignOff(lines[i]!.trimmed);
  const nameLine = lines[i + 1];
  if (!sign || sign.verb === 'edited' || sign.verb === 'modified' || !nameLine) return null;
  // "Asked 2 days ago" / "Modified today": the page's summary of the question, not a sign-off over a name.
  const under = /^\p{L}+\s+(\S.{0,47})$/u.exec(nameLine.trimmed);
  if (under && timeKind(under[1]!) !== null) return null;
  const name = readNameLine(nameLine);
  if (!name) return null;
  const rep = lines[i + 2] && REPUTATION.test(lines[i + 2]!.trimmed) ? i + 2 : i + 1;
  return { verb: sign.verb, time: sign.time, author: name.author, authorSpan: name.authorSpan, end: rep };
}

/** A comment line, "text – Name Dec 2 at 20:01": the author (with its span) and the time, else null. */
function readComment(line: Line): { author: string; authorSpan: [number, number]; timestamp: string | null } | null {
  const t = line.trimmed;
  if (t.length > 2000) return null;
  const m = DASH_SIGNATURE.exec(t.length > 200 ? t.slice(-200) : t);
  if (!m) return null;
  const sigText = m[1]!;
  const at = line.contentEnd - sigText.length;
  const sigLine: Line = { ...line, text: sigText, trimmed: sigText, start: at, contentStart: at, contentEnd: line.contentEnd, indent: 0, fields: undefined };
  const h = readWidgetHeader(sigLine);
  if (!h || h.replyTo) return null;
  return { author: h.author, authorSpan: h.authorSpan, timestamp: h.timestamp };
}

function detectQa(lines: readonly Line[]): { start: number; confidence: number } | null {
  let asked = -1;
  let answers = 0;
  for (let i = 0; i < lines.length; i++) {
    const b = readBlock(lines, i);
    if (!b) continue;
    if (b.verb === 'asked' && asked < 0) asked = b.end + 1;
    else if (b.verb === 'answered') answers++;
  }
  if (asked < 0 || answers === 0) return null;
  return { start: asked, confidence: 0.95 };
}

function parseQa(lines: readonly Line[], start: number): SectionParse {
  const posts: RawPost[] = [];
  const lineKinds = new Map<number, BlockKind>();
  const linePost = new Map<number, number>();
  // Where each answer's sign-off block stands.
  const blocks: Array<NonNullable<ReturnType<typeof readBlock>> & { at: number }> = [];
  for (let i = start; i < lines.length; i++) {
    const b = readBlock(lines, i);
    if (b && b.verb !== 'asked') {
      blocks.push({ ...b, at: i });
      i = b.end;
    }
  }
  const own = (k: number, post: number, kind: BlockKind): void => {
    lineKinds.set(k, kind);
    linePost.set(k, post);
  };
  /** Reads the comment lines from `i` under the post `owner` (null: the question); returns the first line after them. */
  const readComments = (i: number, owner: number | null, until: number): number => {
    const thread: number[] = [];
    for (; i < until; i++) {
      const line = lines[i]!;
      if (isBlank(line)) continue;
      if (SCORE.test(line.trimmed) && lines[i + 1] && readComment(lines[i + 1]!)) {
        lineKinds.set(i, 'comment-chrome');
        continue;
      }
      const c = readComment(line);
      if (!c) break;
      const post = newPost(c.author, c.authorSpan);
      post.timestamp = c.timestamp;
      post.body = [line];
      post.raw = [line];
      // "@MaeveK yes, …": the comment whose author it names (spaces dropped), else the post it stands under.
      const handle = /^@([\p{L}\p{N}_.-]{2,40})/u.exec(line.trimmed)?.[1];
      const addressed = handle?.toLowerCase();
      const named = addressed ? [...thread].reverse().find((k) => posts[k]!.author?.replace(/\s+/g, '').toLowerCase() === addressed) : undefined;
      const parent = named ?? owner;
      if (parent === null) post.rootMark = true;
      else post.parentRef = `p${parent + 1}`;
      // The "@MaeveK" that names the comment answered is the cue; a comment under its post has none in the text.
      if (named !== undefined) post.parentRefSpan = [line.contentStart, line.contentStart + 1 + handle!.length];
      const index = posts.push(post) - 1;
      thread.push(index);
      own(i, index, 'post-body');
    }
    return i;
  };
  let i = readComments(start, null, blocks[0]?.at ?? lines.length);
  for (const b of blocks) {
    // The answer's text: after the last score line followed by a blank line (the answer's score), or after a
    // deleted answer's note; up to the buttons right above its sign-off block.
    let from = i;
    for (let k = i; k < b.at; k++) {
      const t = lines[k]!.trimmed;
      if (HIDDEN.test(t) || isRemovedPlaceholder(t)) {
        const removed = newPost(null, null);
        removed.removed = true;
        removed.rootMark = true;
        removed.raw = [lines[k]!];
        own(k, posts.push(removed) - 1, 'post-removed');
        from = k + 1;
      } else if (SCORE.test(t) && lines[k + 1] && isBlank(lines[k + 1]!)) from = k + 1;
    }
    let to = b.at;
    while (to > from && (isBlank(lines[to - 1]!) || readSignOff(lines[to - 1]!.trimmed) || isButton(lines[to - 1]!.trimmed))) to--;
    const post = newPost(b.author, b.authorSpan);
    post.timestamp = b.time;
    post.rootMark = true;
    for (let k = from; k < to; k++) if (!isBlank(lines[k]!) || post.body.length > 0) post.body.push(lines[k]!);
    for (let k = b.at; k <= b.end; k++) post.raw.push(lines[k]!);
    const index = posts.push(post) - 1;
    for (let k = from; k < to; k++) own(k, index, isBlank(lines[k]!) ? 'blank' : 'post-body');
    for (let k = b.at; k <= b.end; k++) own(k, index, 'post-header');
    const next = blocks[blocks.indexOf(b) + 1]?.at ?? lines.length;
    i = readComments(b.end + 1, index, next);
  }
  for (let k = start; k < lines.length; k++) if (!lineKinds.has(k)) lineKinds.set(k, isBlank(lines[k]!) ? 'blank' : 'comment-chrome');
  return { posts, lineKinds, linePost, declaredCount: null, messages: [] };
}

/** A button under an answer ("Share", "Improve this answer", "Follow"): three words or fewer, no sentence. */
function isButton(trimmed: string): boolean {
  return countWords(trimmed, 4) <= 3 && !endsWithTerminal(trimmed) && !/\d/.test(trimmed);
}

/** Stack Exchange-like question pages: answers signed after their text, one-line comments signed at their end. */
export const qaStyle: CommentStyle = {
  name: 'forum',
  detect: detectQa,
  parse: (lines, start) => parseQa(lines, start),
};
