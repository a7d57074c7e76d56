/**
 * Structured JSON dumps, as a moderation pipeline holds them:
 * `{ "article": {"title", "text", "date"?, "byline"?, "source"?}, "comments": [{"id", "author", "text",
 * "parentId", "timestamp", "likes"?, "removed"?}] }`.
 *
 * The JSON is rendered deterministically into text, and every span of the result points into that
 * rendering (`doc.source.text`):
 *
 *     Title: <title>
 *     Date: <date>
 *     By: <byline>
 *     Source: <source>
 *
 *     <article text, line breaks kept>
 *
 *     <declared> Comments            ("Comments" when the dump declares no count)
 *
 *     [<id>] <author> · <timestamp> · in reply to [<parentId>] · <likes> likes · removed
 *     <comment text, line breaks kept>
 *
 * Parts the dump lacks are left out. Keys are read as plain data: untrusted keys are never assigned
 * onto objects (`__proto__`, `constructor` are ordinary strings here).
 */
import type { Message, Span } from '../schema/common.js';
import type { BlockKind } from '../schema/document.js';
import { type ArticleSegmentation, segmentArticle } from './article.js';
import type { ChromePattern } from './chrome-patterns.js';
import { type Line, splitLines } from './lines.js';
import type { RawPost, SectionParse } from './types.js';
import { pushAll } from '../arrays.js';

/** A JSON dump rendered to text, with its article and posts located in that text. */
export interface JsonDump {
  /** The rendering; spans of `article`, `section` and `messages` point into it. */
  text: string;
  lines: Line[];
  article: ArticleSegmentation;
  /** The comment section: posts with explicit `parentRef`s, line kinds, the declared count. */
  section: SectionParse;
  /** Same array as `section.posts`. */
  posts: RawPost[];
  /** Problems with the JSON itself (skipped entries, coerced values). */
  messages: Message[];
}

type Dict = Record<string, unknown>;

function isDict(v: unknown): v is Dict {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An own property, never one inherited from a prototype. */
function own(o: Dict, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** The first of `keys` that the object holds (own properties only). */
function pick(o: Dict, keys: readonly string[]): unknown {
  for (const k of keys) {
    const v = own(o, k);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** A one-line field: strings as they are, numbers and booleans as written, line breaks made spaces. */
function oneLine(v: unknown, coerced: () => void): string | null {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
  else if (typeof v === 'boolean') s = String(v);
  else if (isDict(v) && typeof own(v, 'name') === 'string') s = own(v, 'name') as string;
  else {
    if (v !== undefined && v !== null) coerced();
    return null;
  }
  s = s.replace(LINE_BREAK, ' ').trim();
  return s.length > 0 ? s : null;
}

/** A text field: strings, numbers; an array of strings is paragraphs. Returns lines without terminators. */
function textLines(v: unknown, coerced: () => void): string[] {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
  else if (Array.isArray(v)) s = v.filter((p): p is string => typeof p === 'string').join('\n\n');
  else {
    if (v !== undefined && v !== null) coerced();
    return [];
  }
  const lines = s.split(LINE_BREAK);
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}

function readNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d{1,12}$/.test(v.trim())) return Number(v.trim());
  return null;
}

function readFlag(o: Dict): boolean {
  for (const k of ['removed', 'deleted', 'isDeleted', 'is_deleted', 'isRemoved', 'is_removed', 'hidden']) {
    if (own(o, k) === true) return true;
  }
  const status = own(o, 'status');
  return typeof status === 'string' && /^(?:removed|deleted|hidden|rejected|spam)$/i.test(status);
}

const DELETED_AUTHOR = /^\[(?:deleted|removed)\]$/i;
const REPLY_KEYS = ['replies', 'children'];

interface FlatComment {
  value: Dict;
  /** Parent id from nesting (`replies` arrays), when the comment sits inside another. */
  nestedParent: string | null;
}

/** Deepest reply nesting read from a JSON dump; replies below it are left out with a `json/max-depth` message. */
export const MAX_REPLY_DEPTH = 10_000;

/** Comments in reading order, nested `replies`/`children` right after their parent. Iterative. */
function flattenComments(list: readonly unknown[], skipped: (why: string) => void, tooDeep: (replies: readonly unknown[]) => void): FlatComment[] {
  const out: FlatComment[] = [];
  const stack: Array<{ items: readonly unknown[]; at: number; parent: string | null }> = [{ items: list, at: 0, parent: null }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.at >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.at++];
    if (!isDict(item)) {
      skipped(`a comment entry is ${item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item}, not an object`);
      continue;
    }
    out.push({ value: item, nestedParent: top.parent });
    const replies = pick(item, REPLY_KEYS);
    if (Array.isArray(replies) && replies.length > 0) {
      if (stack.length >= MAX_REPLY_DEPTH) {
        tooDeep(replies);
        continue;
      }
      const id = oneLine(pick(item, ['id', '_id', 'commentId', 'comment_id']), () => {});
      stack.push({ items: replies, at: 0, parent: id ?? `p${out.length}` });
    }
  }
  return out;
}

/** Comments in `replies` and everything nested under them (iterative). */
function countComments(replies: readonly unknown[]): number {
  let n = 0;
  const stack: Array<readonly unknown[]> = [replies];
  while (stack.length > 0) {
    for (const item of stack.pop()!) {
      if (!isDict(item)) continue;
      n++;
      const more = pick(item, REPLY_KEYS);
      if (Array.isArray(more) && more.length > 0) stack.push(more);
    }
  }
  return n;
}

/**
 * Renders a JSON dump (already parsed) to text and locates its article and posts in the rendering.
 * Returns null when the value is not a dump (no `comments` array and no `article` object). Never throws.
 * Call it when the input parses as JSON; pass the same `chrome` patterns as `parse`.
 */
export function renderJsonDump(value: unknown, chrome: readonly ChromePattern[] = []): JsonDump | null {
  try {
    return render(value, chrome);
  } catch {
    // Only a hostile object (a throwing getter, a Proxy) gets here; JSON.parse output never does.
    return null;
  }
}

function render(value: unknown, chrome: readonly ChromePattern[]): JsonDump | null {
  let root: Dict;
  if (Array.isArray(value)) root = { comments: value };
  else if (isDict(value)) root = value;
  else return null;
  const articleValue = own(root, 'article');
  const commentsValue = pick(root, ['comments', 'posts']);
  const article: Dict | null = isDict(articleValue) ? articleValue : null;
  if (!article && !Array.isArray(commentsValue)) return null;

  const messages: Message[] = [];
  const coercedFields = new Set<string>();
  const coerced = (field: string) => () => coercedFields.add(field);
  const out: string[] = [];
  const kinds = new Map<number, BlockKind>();

  // Article header and text.
  const a = article ?? {};
  const title = oneLine(pick(a, ['title', 'headline']), coerced('article.title'));
  const date = oneLine(pick(a, ['date', 'published', 'publishedAt', 'published_at', 'datePublished']), coerced('article.date'));
  const byline = oneLine(pick(a, ['byline', 'author', 'authors']), coerced('article.byline'));
  const source = oneLine(pick(a, ['source', 'site', 'publication', 'url']), coerced('article.source'));
  if (title !== null) out.push(`Title: ${title}`);
  if (date !== null) out.push(`Date: ${date}`);
  if (byline !== null) out.push(`By: ${byline}`);
  if (source !== null) out.push(`Source: ${source}`);
  const body = textLines(pick(a, ['text', 'body', 'content']), coerced('article.text'));
  if (body.length > 0) {
    if (out.length > 0) out.push('');
    pushAll(out, body);
  }
  const articleEnd = out.length;

  // Comments.
  const list = Array.isArray(commentsValue) ? commentsValue : [];
  const skippedReasons: string[] = [];
  let droppedDeep = 0;
  const flat = flattenComments(list, (why) => skippedReasons.push(why), (replies) => (droppedDeep += countComments(replies)));
  const declared = readNumber(pick(a, ['commentCount', 'comment_count', 'commentsCount', 'comments_count', 'numComments'])) ??
    readNumber(pick(root, ['commentCount', 'comment_count', 'commentsCount', 'comments_count', 'numComments', 'totalComments', 'total']));
  let sectionStart = out.length;
  if (flat.length > 0 || declared !== null || Array.isArray(commentsValue)) {
    if (out.length > 0) out.push('');
    sectionStart = out.length;
    kinds.set(out.length, 'comment-section-header');
    out.push(declared !== null ? `${declared} Comments` : 'Comments');
  }
  interface Pending {
    id: string | null;
    author: string | null;
    authorAt: number;
    header: number;
    body: number[];
    removedLine: number | null;
    parentRef: string | null;
    timestamp: string | null;
    likes: number | null;
    removed: boolean;
    isOP: boolean;
  }
  const pending: Pending[] = [];
  flat.forEach((c, index) => {
    const o = c.value;
    const id = oneLine(pick(o, ['id', '_id', 'commentId', 'comment_id']), coerced('comments[].id'));
    let author = oneLine(pick(o, ['author', 'user', 'username', 'userName', 'name', 'authorName', 'author_name']), coerced('comments[].author'));
    const authorDeleted = author !== null && DELETED_AUTHOR.test(author);
    if (authorDeleted) author = null;
    const parentRef = oneLine(pick(o, ['parentId', 'parent_id', 'parent', 'inReplyTo', 'in_reply_to', 'replyTo', 'reply_to']), coerced('comments[].parentId')) ?? c.nestedParent;
    const timestamp = oneLine(pick(o, ['timestamp', 'time', 'createdAt', 'created_at', 'created', 'date', 'postedAt']), coerced('comments[].timestamp'));
    const likes = readNumber(pick(o, ['likes', 'score', 'upvotes', 'points', 'votes']));
    const removed = readFlag(o);
    const op = own(o, 'isOP') ?? own(o, 'op') ?? own(o, 'is_op') ?? own(o, 'isAuthor');
    const isOP = op === true || (author !== null && byline !== null && author === byline);
    const text = textLines(pick(o, ['text', 'body', 'content', 'message']), coerced('comments[].text'));

    out.push('');
    const shownId = id ?? `p${index + 1}`;
    const prefix = `[${shownId}] `;
    const parts = [`${prefix}${author ?? '(unknown)'}`];
    if (timestamp !== null) parts.push(timestamp);
    if (parentRef !== null) parts.push(`in reply to [${parentRef}]`);
    if (likes !== null) parts.push(`${likes} ${likes === 1 ? 'like' : 'likes'}`);
    if (removed) parts.push('removed');
    const header = out.length;
    out.push(parts.join(' · '));
    kinds.set(header, 'post-header');
    const p: Pending = { id, author, authorAt: prefix.length, header, body: [], removedLine: null, parentRef, timestamp, likes, removed, isOP };
    if (text.length === 0 && removed) {
      p.removedLine = out.length;
      kinds.set(out.length, 'post-removed');
      out.push('[removed]');
    }
    for (const line of text) {
      p.body.push(out.length);
      kinds.set(out.length, 'post-body');
      out.push(line);
    }
    pending.push(p);
  });

  const text = out.join('\n');
  const lines = splitLines(text);
  const seg = segmentArticle(lines, 0, Math.min(articleEnd, lines.length), chrome);
  // The JSON's own fields win over what the segmenter read from the rendered header lines.
  if (title !== null) seg.title = title;
  if (byline !== null) seg.byline = byline;
  if (source !== null) seg.source = source;

  const linePost = new Map<number, number>();
  const lineKinds = new Map<number, BlockKind>();
  for (let i = sectionStart; i < lines.length; i++) {
    lineKinds.set(i, kinds.get(i) ?? 'blank');
  }
  const posts: RawPost[] = pending.map((p, index) => {
    const headerLine = lines[p.header]!;
    const authorSpan: Span | null = p.author !== null ? [headerLine.start + p.authorAt, headerLine.start + p.authorAt + p.author.length] : null;
    linePost.set(p.header, index);
    if (p.removedLine !== null) linePost.set(p.removedLine, index);
    for (const b of p.body) linePost.set(b, index);
    return {
      id: p.id,
      author: p.author,
      authorSpan,
      body: p.body.map((b) => lines[b]!),
      removed: p.removed,
      isOP: p.isOP,
      // The dump's structure is explicit: a comment without a parent is top level, not one to guess from cues.
      depth: p.parentRef === null ? 0 : null,
      depthCue: null,
      replyTo: null,
      parentRef: p.parentRef,
      // A field of the input, not words of a page: no span (the rendered "in reply to [id]" is this reader's own text).
      parentRefSpan: null,
      timestamp: p.timestamp,
      likes: p.likes,
      raw: [headerLine, ...(p.removedLine !== null ? [lines[p.removedLine]!] : [])],
    };
  });

  if (droppedDeep > 0) {
    messages.push({
      ruleId: 'json/max-depth',
      severity: 'warning',
      place: null,
      reason: `Replies nested deeper than ${MAX_REPLY_DEPTH.toLocaleString('en-US')} levels were left out (${droppedDeep} comments); the ${flat.length} comments of the first ${MAX_REPLY_DEPTH.toLocaleString('en-US')} levels were kept.`,
      actual: `${droppedDeep} comments below level ${MAX_REPLY_DEPTH}`,
      expected: `at most ${MAX_REPLY_DEPTH} levels of replies`,
    });
  }
  for (const why of skippedReasons) {
    messages.push({ ruleId: 'json/skipped-comment', severity: 'warning', place: null, reason: `A comment was skipped: ${why}.`, actual: null, expected: 'an object' });
  }
  for (const field of [...coercedFields].sort()) {
    messages.push({
      ruleId: 'json/unreadable-field',
      severity: 'info',
      place: null,
      reason: `The field ${field} holds a value that is not text; it was left out.`,
      actual: null,
      expected: 'a string or a number',
    });
  }
  const section: SectionParse = { posts, lineKinds, linePost, declaredCount: declared, messages: [] };
  return { text, lines, article: seg, section, posts, messages };
}

/**
 * How JSON opens: `{` then a key or `}`, or `[` then a value or `]` (not "[removed]" or "[–]name" in a text dump, nor
 * a chat log's stamp, "[04/12/26, 09:14] Name: …" or "[09:14] …": a date or a clock is no JSON number; nor a text-mode
 * browser's link mark glued to the link's text, "[1]Home [2]News": a closed array is never followed by a letter).
 */
const JSON_OPENING = /^[\s\uFEFF]*(?:\{\s*["}]|\[\s*(?:[[{"\-\]]|\d(?!\d{0,3}(?:[./-]\d{1,2}[./-]\d|:\d{2}|\][^\s,\]}]))))/;

/**
 * The input as a JSON dump, when it is one: text opening with "{" or "[" that parses as JSON and holds a
 * `comments` array or an `article` object. Null otherwise (the text is then parsed as a text dump); when
 * the text opens like JSON but does not parse (a truncated file), an `input/invalid-json` warning is added
 * to `messages`.
 */
export function readJsonDump(text: string, chrome: readonly ChromePattern[] = [], messages?: Message[]): JsonDump | null {
  let i = 0;
  while (i < text.length && /\s|\uFEFF/.test(text[i]!)) i++;
  if (text[i] !== '{' && text[i] !== '[') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (messages && JSON_OPENING.test(text.slice(0, i + 64))) {
      const detail = String((err as Error)?.message ?? err).replace(/\s+/g, ' ');
      messages.push({
        ruleId: 'input/invalid-json',
        severity: 'warning',
        place: [i, i + 1],
        reason: `The input opens like JSON but is not valid JSON (${detail}): a truncated or broken file? It was read as a text dump.`,
        actual: 'invalid JSON',
        expected: 'a JSON dump',
      });
    }
    return null;
  }
  return renderJsonDump(value, chrome);
}
