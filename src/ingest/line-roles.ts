/**
 * The parser's fallback on layouts its rules do not know: a learned model of what each line of a dump is (article,
 * author, meta, start of a post's text, body, chrome), by shape only (src/ingest/line-features.ts), fit on the
 * project's own fixtures by scripts/train/train-line-roles.ts. Used only when the rules read no post at all (and the
 * model has at least three start lines): then each predicted start opens a post, its text runs to
 * the next post's head, the author is read from the nearest predicted author line above it. Parents are left to the
 * usual resolution (@name, quotes, "in reply to"). Decided in advance (docs/dump-styles.md, session 18), not tuned.
 */
import { predict, isLinearModel, type LinearModel } from '../learn/model.js';
import type { Span } from '../schema/common.js';
import type { BlockKind } from '../schema/document.js';
import { isBlank, type Line } from './lines.js';
import { LINE_ROLES, lineFeatures, type LineRole } from './line-features.js';
import { readCommaHeader, readFooter, readNameLine, readReplyLine, readTimeLine, readWidgetHeader, timeKind } from './styles/header-cues.js';
import type { RawPost, SectionParse } from './types.js';
import { newPost } from './styles/counted.js';
import modelData from './line-roles.model.json' with { type: 'json' };

/**
 * The fallback fires only when the rules read no post at all (removed ones included) and the model has at least this
 * many start lines. (Until the round-eight refit it also fired when the rules' posts were fewer than half the model's
 * start lines; refit on 84 fixtures, that overrode the rules on generated two-post dumps in layouts they read right.)
 */
const MIN_STARTS = 3;

let model: LinearModel | null = null;

function lineModel(): LinearModel {
  if (model === null) {
    if (!isLinearModel(modelData)) throw new Error('threadlens: src/ingest/line-roles.model.json is not a threadlens-model/2 file');
    model = modelData;
  }
  return model;
}

/** Each line's most likely role (null for a blank line). Linear in the lines. */
export function predictLineRoles(lines: readonly Line[]): Array<LineRole | null> {
  const m = lineModel();
  return lineFeatures(lines.map((l) => l.text)).map((f) => {
    if (f === null) return null;
    const p = predict(m, f);
    let best = 0;
    for (let l = 1; l < p.length; l++) if (p[l]! > p[best]!) best = l;
    return LINE_ROLES[best]!;
  });
}

/** The posts the model reads, with the line where its section starts. */
export interface ModelSection {
  start: number;
  parse: SectionParse;
  /** How many start lines the model found. */
  starts: number;
}

/**
 * The model's reading of the dump when the rules' `rulePosts` (all their posts, removed ones included) are none and
 * it has at least three start lines; else null. Never throws (a failure gives null: the rules' reading stands).
 */
export function modelSection(lines: readonly Line[], rulePosts: number): ModelSection | null {
  try {
    // The model cannot find more start lines than there are non-blank lines: most dumps stop here, unread.
    let nonBlank = 0;
    for (const l of lines) if (!isBlank(l)) nonBlank++;
    if (rulePosts > 0 || nonBlank < MIN_STARTS) return null;
    const roles = predictLineRoles(lines);
    const starts: number[] = [];
    roles.forEach((r, i) => {
      if (r === 'start') starts.push(i);
    });
    if (starts.length < MIN_STARTS) return null;
    return readPosts(lines, roles, starts);
  } catch {
    return null;
  }
}

function readPosts(lines: readonly Line[], roles: ReadonlyArray<LineRole | null>, starts: readonly number[]): ModelSection {
  // Each post's head: the nearest predicted author line above its start, below the previous start.
  const heads = starts.map((s, k) => {
    const prev = k > 0 ? starts[k - 1]! : -1;
    for (let j = s - 1; j > prev; j--) if (roles[j] === 'author') return j;
    return s;
  });
  const posts: RawPost[] = [];
  const lineKinds = new Map<number, BlockKind>();
  const linePost = new Map<number, number>();
  starts.forEach((s, k) => {
    const head = heads[k]!;
    const end = k + 1 < starts.length ? heads[k + 1]! : lines.length;
    const post: RawPost = newPost(null, null);
    // The header: the author line and the meta lines down to the start.
    for (let j = head; j < s; j++) {
      const line = lines[j]!;
      if (isBlank(line)) continue;
      post.raw.push(line);
      lineKinds.set(j, 'post-header');
      linePost.set(j, k);
      if (j === head) readAuthor(post, line);
      else {
        post.timestamp ??= readTimeLine(line);
        post.replyTo ??= readReplyLine(line);
      }
    }
    // The text: from the start line to the next post's head, chrome lines left out.
    let first: Line = lines[s]!;
    if (head === s) first = splitInlineHeader(post, first);
    post.body.push(first);
    lineKinds.set(s, 'post-body');
    linePost.set(s, k);
    for (let j = s + 1; j < end; j++) {
      const line = lines[j]!;
      const r = roles[j];
      if (r === null) continue;
      if (r === 'chrome' || r === 'author' || r === 'meta') {
        // a footer under the text: its like count is the post's.
        const footer = r === 'chrome' ? readFooter(line) : undefined;
        if (footer !== undefined && post.likes === null && footer.likes !== null) post.likes = footer.likes;
        continue;
      }
      // blank lines between two lines of the text stay in it
      for (let b = post.body[post.body.length - 1]!.index + 1; b < j; b++) {
        if (isBlank(lines[b]!)) {
          post.body.push(lines[b]!);
          lineKinds.set(b, 'blank');
        }
      }
      post.body.push(line);
      lineKinds.set(j, 'post-body');
      linePost.set(j, k);
    }
    posts.push(post);
  });
  return { start: heads[0]!, starts: starts.length, parse: { posts, lineKinds, linePost, declaredCount: null, messages: [] } };
}

/** The author (and time) from a head line, read as the rules read headers; else the line itself, trimmed. */
function readAuthor(post: RawPost, line: Line): void {
  const header = readWidgetHeader(line) ?? readCommaHeader(line);
  if (header !== null) {
    post.author = header.author;
    post.authorSpan = header.authorSpan;
    post.timestamp = header.timestamp;
    post.isOP = header.isOP;
    post.replyTo = header.replyTo;
    return;
  }
  const name = readNameLine(line);
  if (name !== null) {
    post.author = name.author;
    post.authorSpan = name.authorSpan;
    post.isOP = name.isOP;
    if (name.handle !== undefined) post.handle = name.handle;
    return;
  }
  post.author = line.trimmed;
  post.authorSpan = [line.contentStart, line.contentEnd];
  post.timestamp = readTimeLine(line);
}

// "[04/12/26, 09:14] Name: text", "Name: text": a header on the text's own line (a chat export).
const INLINE_HEADER = /^(\[[^\]]{1,40}\]\s*)?([^\s:：][^:：]{0,38}?)\s?[:：]\s+(?=\S)/u;

/** Splits a name (and bracketed time) off the start of a post's first line when no author line stands above it. */
function splitInlineHeader(post: RawPost, line: Line): Line {
  const t = line.text.slice(line.contentStart - line.start);
  const m = INLINE_HEADER.exec(t);
  if (m === null) return line;
  const name = m[2]!.trim();
  // a name: at most four words, no sentence punctuation, no figure-only word, a letter in it.
  if (name.split(/\s+/u).length > 4 || /[.!?,;"]/u.test(name) || !/\p{L}/u.test(name)) return line;
  const nameAt = line.contentStart + (m[1]?.length ?? 0);
  post.author = name;
  post.authorSpan = [nameAt, nameAt + name.length] as Span;
  if (m[1] !== undefined) {
    const inside = m[1].trim().slice(1, -1);
    if (timeKind(inside) !== null) post.timestamp = inside;
  }
  const at = line.contentStart + m[0].length;
  post.raw.push(line);
  const text = line.text.slice(at - line.start);
  return { ...line, start: at, text, contentStart: at, trimmed: text.trim(), indent: 0, fields: undefined };
}
