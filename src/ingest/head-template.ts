import type { BlockKind } from '../schema/document.js';
import { isBlank, type Line } from './lines.js';
import { isRemovalNote } from './section-cues.js';
import { isDateLike, readArrowNameLine, readTimeLine, timeKind } from './styles/header-cues.js';
import type { RawPost, SectionParse } from './types.js';

/**
 * (Session 39) Page-level readings of a section's records after a style has read them, by what the page's own records
 * share, not by any layout's words:
 * - a head line's constant part is the page's template and its varying part the name: where most named posts' authors
 *   end with the same lower-case word(s) after the name ("riverwarden_j commented", "tansy_w curator commented"), those
 *   words are the template, not the name;
 * - a record with no text that no other record resembles is page furniture between posts (an activity feed's
 *   "Supporting" / "6d" under an identification): a post with no line of text, not marked removed, whose "name" never
 *   writes a post with text and is never mentioned, on a page where the other posts have text;
 * - a removal note closing a post's text as a paragraph of its own (maybe over its time) is the next record, a removed
 *   post, that the page prints without a head ("Content hidden by a site curator" / "7d" under a comment); so is one
 *   opening the text of a post signed under it (the signature is the text's, not the note's);
 * - a short head line with a varying figure that most posts show ("Level 4") is the head's where a post's text opens
 *   with it;
 * - a name read with an arrow and another name in it ("Lily_SZ → Author"), where the name after the arrow is a poster
 *   on the page, is the poster and the name answered, whichever reader took the line for a name;
 * - (session 41) an `@handle` after the name on most named posts' head lines ("Priya Natt @pnatt · 2 days ago") is the
 *   account handle the page prints beside every name, not part of the name;
 * - (session 41) a short line the page prints in three heads or more under the name ("Developer", a role) is the head's,
 *   not the text's, where a post's text opens with it; so is a short line opening three posts' text, or two posts' by
 *   one name (a badge over the text, a poster's bio);
 * - (session 41) where most posts' heads print the name the same number of lines over their time line (0: on it), a
 *   post whose name was read higher in its head block (a pane's tabs over the first comment), a name no other post is
 *   by, is by the line at the page's place when that line is the name of another post's writer; the lines over it are
 *   the page's;
 * - (session 41) a head with no text over a record that repeats an earlier post, its name and its text line for line,
 *   then goes on, is one reply quoting that post (a course forum's quote block, pasted): the repeat is the quote, the
 *   post answered, and the lines under it are the reply's own text;
 * - (session 43) a second name-like token beside the name on most named posts' heads (an account name in a column of
 *   its own, "Priya Natt  pnatt  6h", in brackets, or on the line under the name), one per poster and a different one
 *   for each, is the poster's account handle: kept as the post's `handle`, the author left as read (and not the name
 *   the post answers, where a reader took it for one).
 */
export function readPageTemplate(parsed: SectionParse): SectionParse {
  return withoutTextlessRecords(withQuotedCopies(withAccountColumns(withNamesAtHeadPlace(withHandleTails(withoutTemplateSuffix(withArrowedNames(withRepeatedHeadLines(withTemplateHeadLines(withTrailingRemovals(parsed))))))))));
}

/** A head line's skeleton: its figures as "#" ("Level 5" → "Level #"). */
export const skeleton = (t: string): string => t.replace(/\p{N}+/gu, '#');

/**
 * A post's first line of text when more text follows it (the line a page-level reading may give the post's head), with
 * its index in the body; else null.
 */
export function openingLine(p: RawPost): { line: Line; k: number } | null {
  const k = p.body.findIndex((l) => !isBlank(l));
  const line = p.body[k];
  return line && p.body.slice(k + 1).some((l) => !isBlank(l)) ? { line, k } : null;
}

/** Post `index`'s body line `k` and the lines above it leave the text; that line joins the head as the post's header. */
export function openingIntoHead(parsed: SectionParse, index: number, k: number): void {
  const p = parsed.posts[index]!;
  const line = p.body[k]!;
  p.raw.push(line);
  p.body = p.body.slice(k + 1);
  parsed.lineKinds.set(line.index, 'post-header');
  parsed.linePost.set(line.index, index);
}

/**
 * A head line the page prints in most posts' heads with a varying figure ("Level 4" under each name) is the head's,
 * not the text's, where a post's text opens with one (a badge between the name and it made the reader stop early).
 */
function withTemplateHeadLines(parsed: SectionParse): SectionParse {
  const live = parsed.posts.filter((p) => !p.removed && p.body.length > 0);
  if (live.length < 4) return parsed;
  // Each short line with a figure in a post's head or opening its text, by skeleton: how many posts show one, and how
  // many of them in the head (a reader took it for the head's at least once).
  const shown = new Map<string, { posts: number; inHead: number }>();
  for (const p of live) {
    const first = p.body[0]!.index;
    const inHead = new Set<string>();
    for (const l of p.raw) if (l.index < first && /\p{N}/u.test(l.trimmed) && l.trimmed.length <= 40) inHead.add(skeleton(l.trimmed));
    const opening = p.body.find((l) => !isBlank(l));
    const seen = new Set(inHead);
    if (opening && opening.trimmed.length <= 40 && /\p{N}/u.test(opening.trimmed)) seen.add(skeleton(opening.trimmed));
    for (const k of seen) {
      const n = shown.get(k) ?? { posts: 0, inHead: 0 };
      n.posts++;
      if (inHead.has(k)) n.inHead++;
      shown.set(k, n);
    }
  }
  const template = new Set([...shown].filter(([, n]) => n.inHead >= 1 && n.posts >= Math.max(4, 0.8 * live.length)).map(([k]) => k));
  if (template.size === 0) return parsed;
  parsed.posts.forEach((p, index) => {
    const opening = openingLine(p);
    const t = opening?.line.trimmed;
    if (!opening || t!.length > 40 || !/\p{N}/u.test(t!) || !template.has(skeleton(t!))) return;
    openingIntoHead(parsed, index, opening.k);
  });
  return parsed;
}

function withArrowedNames(parsed: SectionParse): SectionParse {
  const split = parsed.posts.map((p) => {
    if (p.removed || p.author === null || p.authorSpan === null || p.replyTo !== null) return null;
    const [a, b] = p.authorSpan;
    const line = p.raw.find((l) => l.contentStart <= a && b <= l.contentEnd);
    return line ? readArrowNameLine(line) : null;
  });
  if (split.every((x) => x === null)) return parsed;
  const posters = new Set(parsed.posts.map((p, k) => split[k]?.author ?? p.author).filter((a): a is string => a !== null));
  parsed.posts.forEach((p, k) => {
    const named = split[k];
    if (!named || !posters.has(named.replyTo.name)) return;
    p.author = named.author;
    p.authorSpan = named.authorSpan;
    p.isOP ||= named.isOP;
    p.replyTo = named.replyTo;
  });
  return parsed;
}

/** The body index where a trailing removal note starts (after a blank line, maybe a time line under it), else -1. */
function trailingRemoval(post: RawPost): number {
  if (post.removed) return -1;
  const body = post.body;
  let end = body.length;
  while (end > 0 && isBlank(body[end - 1]!)) end--;
  let note = end - 1;
  if (note >= 1 && readTimeLine(body[note]!) !== null && !isRemovalNote(body[note]!.trimmed)) note--;
  if (note < 2 || !isBlank(body[note - 1]!) || !isRemovalNote(body[note]!.trimmed)) return -1;
  // The post keeps text of its own above the note.
  return body.slice(0, note - 1).some((l) => !isBlank(l)) ? note : -1;
}

/**
 * Where a post signed under its text opens with a removal note as a paragraph of its own (the page's placeholder for an
 * unsigned removed comment, run into the text over the next signature): the body index where the post's own text
 * starts, else -1. Only for a name read under the text: over a head, the first paragraph is the poster's own words.
 */
function leadingRemoval(post: RawPost): number {
  if (post.removed || post.authorSpan === null) return -1;
  const body = post.body;
  let k = 0;
  while (k < body.length && isBlank(body[k]!)) k++;
  if (k >= body.length || post.authorSpan[0] < body[k]!.contentStart || !isRemovalNote(body[k]!.trimmed)) return -1;
  let own = k + 1;
  if (own < body.length && !isBlank(body[own]!) && readTimeLine(body[own]!) !== null) own++;
  if (own >= body.length || !isBlank(body[own]!)) return -1;
  while (own < body.length && isBlank(body[own]!)) own++;
  return own < body.length ? own : -1;
}

function withTrailingRemovals(parsed: SectionParse): SectionParse {
  return withRemovalsSplit(withRemovalsSplit(parsed, trailingRemoval, 'after'), leadingRemoval, 'before');
}

/**
 * Splits each post at the body index `cut` gives (-1: no split) into the post and a removed post made of the note's
 * lines, the note standing `before` the post's own text or `after` it; the section's line maps follow.
 */
function withRemovalsSplit(parsed: SectionParse, cut: (post: RawPost) => number, side: 'before' | 'after'): SectionParse {
  const cuts = parsed.posts.map(cut);
  if (cuts.every((c) => c < 0)) return parsed;
  const posts: RawPost[] = [];
  const newIndex = new Map<number, number>();
  const lineKinds = new Map(parsed.lineKinds);
  const noteOf = new Map<number, number>();
  const pushNote = (p: RawPost, noteLines: Line[]): void => {
    noteLines.forEach((l, j) => {
      noteOf.set(l.index, posts.length);
      lineKinds.set(l.index, j === 0 ? 'post-removed' : 'post-footer');
    });
    const time = noteLines.length === 2 ? noteLines[1]!.trimmed : null;
    posts.push({ id: null, author: null, authorSpan: null, body: [], removed: true, isOP: false, depth: p.depth, depthCue: p.depthCue, replyTo: null, parentRef: null, timestamp: time, likes: null, raw: noteLines });
  };
  parsed.posts.forEach((p, k) => {
    const at = cuts[k]!;
    const note = at < 0 ? [] : (side === 'before' ? p.body.slice(0, at) : p.body.slice(at)).filter((l) => !isBlank(l));
    if (at >= 0) p.body = side === 'before' ? p.body.slice(at) : p.body.slice(0, at);
    if (at >= 0 && side === 'before') pushNote(p, note);
    newIndex.set(k, posts.length);
    posts.push(p);
    if (at >= 0 && side === 'after') pushNote(p, note);
  });
  return withPostsRelaid(parsed, posts, newIndex, lineKinds, noteOf);
}

/**
 * The section with its posts laid out anew: `posts` in their new order, `newIndex` an old post's new index, `moved` the
 * lines given to a post of their own (a line to its new post's index); the line map renumbered, and a line the reading
 * gave to an old post left out where `freed` says so (unless moved).
 */
export function withPostsRelaid(
  parsed: SectionParse,
  posts: RawPost[],
  newIndex: ReadonlyMap<number, number>,
  lineKinds: SectionParse['lineKinds'],
  moved: ReadonlyMap<number, number>,
  freed: (line: number) => boolean = () => false,
): SectionParse {
  const linePost = new Map<number, number>();
  for (const [line, k] of parsed.linePost) {
    if (!moved.has(line) && freed(line)) continue;
    linePost.set(line, moved.get(line) ?? newIndex.get(k)!);
  }
  for (const [line, k] of moved) linePost.set(line, k);
  return { ...parsed, posts, lineKinds, linePost };
}

const hasText = (p: RawPost): boolean => p.body.some((l) => !isBlank(l));

// The constant tail: one or two lower-case words (letters only) after a space.
const LOWER_WORDS = /^\p{Ll}{2,20}(?: \p{Ll}{2,20})?$/u;

function withoutTemplateSuffix(parsed: SectionParse): SectionParse {
  const named = parsed.posts.filter((p) => !p.removed && p.author !== null && p.authorSpan !== null);
  if (named.length < 4) return parsed;
  const tally = new Map<string, number>();
  for (const p of named) {
    const words = p.author!.split(' ');
    // Every tail of one or two words that leaves a name before it.
    for (let n = 1; n <= 2 && n < words.length; n++) {
      const tail = words.slice(-n).join(' ');
      if (LOWER_WORDS.test(tail)) tally.set(tail, (tally.get(tail) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [tail, count] of tally) {
    if (count >= Math.max(4, Math.ceil(0.6 * named.length)) && (best === null || tail.length > best.length)) best = tail;
  }
  if (best === null) return parsed;
  const cut = ` ${best}`;
  for (const p of named) {
    if (!p.author!.endsWith(cut)) continue;
    p.author = p.author!.slice(0, -cut.length);
    p.authorSpan = [p.authorSpan![0], p.authorSpan![0] + p.author.length];
  }
  return parsed;
}

const MENTION = /@([\p{L}\p{N}_.-]{2,40})/gu;

function withoutTextlessRecords(parsed: SectionParse): SectionParse {
  const posts = parsed.posts;
  const withText = posts.filter((p) => !p.removed && hasText(p));
  // Furniture is the exception on the page: at least five posts with text and twice as many as the textless ones.
  if (withText.length < 5 || withText.length < 2 * (posts.filter((p) => !p.removed).length - withText.length)) return parsed;
  const writers = new Set(withText.map((p) => p.author).filter((a): a is string => a !== null));
  const mentioned = new Set<string>();
  for (const p of withText) for (const l of p.body) for (const m of l.trimmed.matchAll(MENTION)) mentioned.add(m[1]!);
  const drop = new Set<number>();
  posts.forEach((p, k) => {
    if (p.removed || hasText(p) || p.author === null || writers.has(p.author) || mentioned.has(p.author)) return;
    drop.add(k);
  });
  if (drop.size === 0) return parsed;
  // The dropped records' lines become section chrome; every later post's index moves up.
  return withoutPosts(parsed, drop, () => 'comment-chrome');
}

/**
 * The section without the posts in `drop`: the later posts renumbered in the line map, and each line freed (one the
 * reading gave a dropped post, or one of `alsoFreed` that no kept post holds) given the kind `freedKind` says.
 */
export function withoutPosts(parsed: SectionParse, drop: ReadonlySet<number>, freedKind: (line: number) => BlockKind, alsoFreed: Iterable<number> = []): SectionParse {
  const newIndex = new Map<number, number>();
  parsed.posts.forEach((_, k) => {
    if (!drop.has(k)) newIndex.set(k, newIndex.size);
  });
  const linePost = new Map<number, number>();
  const freed = new Set(alsoFreed);
  for (const [line, k] of parsed.linePost) {
    const moved = newIndex.get(k);
    if (moved === undefined) freed.add(line);
    else linePost.set(line, moved);
  }
  const lineKinds = new Map(parsed.lineKinds);
  for (const line of freed) if (!linePost.has(line)) lineKinds.set(line, freedKind(line));
  return { ...parsed, posts: parsed.posts.filter((_, k) => !drop.has(k)), lineKinds, linePost };
}

// "Priya Natt @pnatt": a name, a space and an account handle after it.
const HANDLE_TAIL = /^(\S.*?) @([\p{L}\p{N}_.-]{2,40})$/u;

function withHandleTails(parsed: SectionParse): SectionParse {
  const named = parsed.posts.filter((p) => !p.removed && p.author !== null && p.authorSpan !== null);
  if (named.length < 4) return parsed;
  const split = named.filter((p) => HANDLE_TAIL.test(p.author!));
  if (split.length < Math.max(4, 0.6 * named.length)) return parsed;
  for (const p of split) {
    const m = HANDLE_TAIL.exec(p.author!)!;
    p.author = m[1]!;
    p.authorSpan = [p.authorSpan![0], p.authorSpan![0] + m[1]!.length];
    p.handle ??= m[2]!;
  }
  return parsed;
}

// One name-like token, as an account name is printed beside a display name: "pnatt", "@pnatt", "(pnatt)", "[pnatt]".
const ACCOUNT_TOKEN = /^[([]?@?([\p{L}\p{N}](?:[\p{L}\p{N}_.-]{0,38}[\p{L}\p{N}_])?)[)\]]?$/u;

/** `text` without the separators at both ends. */
const withoutEndSeparators = (text: string): string => {
  let start = 0;
  while (start < text.length && HEAD_SEPARATORS.has(text[start]!)) start++;
  return withoutTrailingSeparators(text.slice(start));
};

/**
 * The one name-like token a post's head prints beside its name: the rest of the name's line (the time cut off), else
 * the line right under it (the time cut off) when that is all it holds; a time, a date, a bare figure or the name
 * itself is none. Null when there is none.
 */
function accountToken(p: RawPost): string | null {
  if (p.removed || p.author === null || p.authorSpan === null) return null;
  const head = headLines(p);
  const at = nameHeadIndex(p, head);
  if (at < 0) return null;
  const nameLine = head[at]!;
  // The text beside the name: `text` with the post's time cut off and the separators around it.
  const beside = (text: string): string => {
    const cut = p.timestamp === null ? -1 : text.indexOf(p.timestamp);
    return withoutEndSeparators((cut >= 0 ? text.slice(0, cut) : text).trim());
  };
  const token = (text: string): string | null => {
    const m = ACCOUNT_TOKEN.exec(text);
    if (!m || isDateLike(text) || timeKind(text) !== null || !/\p{L}/u.test(m[1]!)) return null;
    return m[1]!.toLowerCase() === p.author!.toLowerCase() ? null : m[1]!;
  };
  const rest = beside(nameLine.text.slice(p.authorSpan[1] - nameLine.start));
  if (rest.length > 0) return token(rest);
  const under = head[at + 1];
  return under ? token(beside(under.trimmed)) : null;
}

/**
 * (Session 43) The account name a page prints beside each display name (`accountToken`), kept as the post's `handle`
 * where most named posts show one, one per poster and a different one for each; authors and spans are left as read, and
 * a reply name that is the post's own account (a reader took the column for the name answered) is dropped.
 */
export function withAccountColumns(parsed: SectionParse): SectionParse {
  const named = parsed.posts.filter((p) => !p.removed && p.author !== null && p.authorSpan !== null);
  if (named.length < 4) return parsed;
  const tokens = parsed.posts.map(accountToken);
  const shown = tokens.filter((t) => t !== null).length;
  if (shown < Math.max(4, 0.6 * named.length)) return parsed;
  // The token goes with the poster: one token per poster, a different one for each, and a poster who shows it twice
  // or more (else a token that changes from post to post, a score or a place, would pass), never another poster's name.
  const byPoster = new Map<string, string>();
  const byToken = new Map<string, string>();
  const authors = new Set(named.map((p) => p.author!.toLowerCase()));
  let repeated = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t === null || t === undefined) continue;
    const who = parsed.posts[k]!.author!.toLowerCase();
    const key = t.toLowerCase();
    if (authors.has(key)) return parsed;
    if ((byPoster.get(who) ?? key) !== key || (byToken.get(key) ?? who) !== who) return parsed;
    if (byPoster.has(who)) repeated = true;
    byPoster.set(who, key);
    byToken.set(key, who);
  }
  if (!repeated || byToken.size < 3) return parsed;
  parsed.posts.forEach((p, k) => {
    const t = tokens[k];
    if (t === null || t === undefined) return;
    p.handle ??= t;
    // A reader that took the column for the name answered ("Chloe Bennett  chloeb  4h" as Chloe answering chloeb): a
    // post never answers its own account.
    if (p.replyTo !== null && p.replyTo.name.toLowerCase() === t.toLowerCase()) p.replyTo = null;
  });
  return parsed;
}

/** Non-blank head lines over the post's first line of text, in page order. */
export const headLines = (p: RawPost): Line[] => {
  const first = p.body.find((l) => !isBlank(l))?.index ?? Infinity;
  return p.raw.filter((l) => l.index < first && !isBlank(l)).sort((a, b) => a.index - b.index);
};

/** The head line holding the post's time (the one its reader kept, or a line that reads as a time alone), at or under `from`. */
function timeLineAt(p: RawPost, head: readonly Line[], from: number): number {
  return head.findIndex((l, j) => j >= from && ((p.timestamp !== null && l.trimmed.includes(p.timestamp)) || readTimeLine(l) !== null));
}

/** Which of the post's head lines `head` holds its name (its author span), or -1. */
function nameHeadIndex(p: RawPost, head: readonly Line[]): number {
  const span = p.authorSpan;
  return span === null ? -1 : head.findIndex((l) => l.start <= span[0] && span[1] <= l.end);
}

/** How many head lines the name stands over the head's time line (0: on it, 1: right over it), or null. */
function nameOverTime(p: RawPost): number | null {
  if (p.removed || p.author === null || p.authorSpan === null) return null;
  const head = headLines(p);
  const name = nameHeadIndex(p, head);
  const time = name < 0 ? -1 : timeLineAt(p, head, name);
  return name < 0 || time < 0 ? null : time - name;
}

// A name as a head line prints it: one to four words, no sentence punctuation.
export const NAME_LINE = /^[\p{L}][\p{L}\p{M}\p{N}'’._-]*(?: [\p{L}][\p{L}\p{M}\p{N}'’._-]*){0,3}$/u;
// Separators between a name and the time on one head line.
const HEAD_SEPARATORS = new Set([' ', '\t', '·', '•', '|', '—', '–', '-']);

/** The text without the separators at its end (a loop: a regex anchored at the end backtracks on long runs). */
function withoutTrailingSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && HEAD_SEPARATORS.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * The name the page's head template puts on `line`, `place` lines over the time line (0: before the time on it): the
 * whole line, or the part before the time; null where that is not name-shaped.
 */
function nameAtPlace(p: RawPost, line: Line, place: number): { name: string; start: number } | null {
  let text = line.trimmed;
  if (place === 0) {
    const at = p.timestamp === null ? -1 : text.indexOf(p.timestamp);
    if (at <= 0) return null;
    text = withoutTrailingSeparators(text.slice(0, at));
  } else if (readTimeLine(line) !== null) return null;
  return NAME_LINE.test(text) ? { name: text, start: line.contentStart } : null;
}

function withNamesAtHeadPlace(parsed: SectionParse): SectionParse {
  const offsets = parsed.posts.map(nameOverTime);
  const known = offsets.filter((d): d is number => d !== null);
  if (known.length < 5) return parsed;
  const tally = new Map<number, number>();
  for (const d of known) tally.set(d, (tally.get(d) ?? 0) + 1);
  const [place, count] = [...tally].sort((a, b) => b[1] - a[1])[0]!;
  if (count < 0.8 * known.length) return parsed;
  const byName = new Map<string, number>();
  for (const p of parsed.posts) if (p.author !== null) byName.set(p.author, (byName.get(p.author) ?? 0) + 1);
  parsed.posts.forEach((p, index) => {
    const d = offsets[index];
    if (d === null || d === undefined || d <= place || (byName.get(p.author!) ?? 0) > 1) return;
    const head = headLines(p);
    const nameAt = nameHeadIndex(p, head);
    const line = head[nameAt + d - place];
    const named = line ? nameAtPlace(p, line, place) : null;
    // The name at the page's place writes other posts on the page (a badge or role line there does not).
    if (!line || !named || (byName.get(named.name) ?? 0) === 0) return;
    for (const l of p.raw.filter((x) => x.index < line.index)) {
      parsed.lineKinds.set(l.index, isBlank(l) ? 'blank' : 'comment-chrome');
      parsed.linePost.delete(l.index);
    }
    p.raw = p.raw.filter((x) => x.index >= line.index);
    p.author = named.name;
    p.authorSpan = [named.start, named.start + named.name.length];
  });
  return parsed;
}

function withRepeatedHeadLines(parsed: SectionParse): SectionParse {
  const live = parsed.posts.filter((p) => !p.removed && p.body.length > 0);
  if (live.length < 4) return parsed;
  // Each short head line under the name, by its text: how many posts print it.
  const shown = new Map<string, number>();
  for (const p of live) {
    const span = p.authorSpan;
    if (span === null) continue;
    const seen = new Set(headLines(p).filter((l) => l.start > span[1] && l.trimmed.length <= 30).map((l) => l.trimmed));
    for (const t of seen) shown.set(t, (shown.get(t) ?? 0) + 1);
  }
  parsed.posts.forEach((p, index) => {
    const opening = p.removed ? null : openingLine(p);
    if (!opening || (shown.get(opening.line.trimmed) ?? 0) < 3) return;
    openingIntoHead(parsed, index, opening.k);
  });
  return withRepeatedOpenings(withRepeatedOpenings(parsed));
}

// A short line a head prints: at most four words and 40 characters, no sentence end.
const isShortHeadLine = (t: string): boolean => t.length <= 40 && t.split(' ').length <= 4 && !/[.!?…:]$/u.test(t);

/**
 * A short line opening the text of three posts or more, or of two posts or more by one name, where more text follows
 * each time, is the head's: a badge the page prints over the text ("Maker"), a poster's bio under their name ("CTO,
 * Tidewatch"); the poster's own words do not open their posts with the same line.
 */
function withRepeatedOpenings(parsed: SectionParse): SectionParse {
  // (A line that names a poster, "@Jo" or "Jo Baines" alone over the text, is whom the post answers: it stays.)
  const posters = new Set(parsed.posts.map((p) => p.author?.toLowerCase()).filter((a) => a !== undefined));
  const names = (t: string): boolean => t.startsWith('@') || posters.has(t.toLowerCase());
  const openings = parsed.posts.map((p) => (p.removed ? null : openingLine(p))).map((o) => (o && names(o.line.trimmed) ? null : o));
  const all = new Map<string, number>();
  const byName = new Map<string, number>();
  openings.forEach((o, k) => {
    if (!o || !isShortHeadLine(o.line.trimmed)) return;
    const t = o.line.trimmed;
    all.set(t, (all.get(t) ?? 0) + 1);
    const who = parsed.posts[k]!.author;
    if (who !== null) byName.set(`${who}\u0000${t}`, (byName.get(`${who}\u0000${t}`) ?? 0) + 1);
  });
  // (Session 43) A field of the head with a few values (`In favor` / `Against` over the text): two or three short lines,
  // each opening two posts or more or standing there in two heads or more (the last line of a head, under its time,
  // over the text), that together stand so four times or more; an opening of the field twice or more is the head's.
  const values = new Map(all);
  for (const p of parsed.posts) {
    const first = p.body.find((l) => !isBlank(l));
    const last = p.removed || !first || p.timestamp === null ? undefined : p.raw.filter((l) => l.index < first.index && !isBlank(l)).pop();
    if (!last || last.trimmed.includes(p.timestamp!) || !isShortHeadLine(last.trimmed) || names(last.trimmed)) continue;
    if (!p.raw.some((l) => l.index < last.index && l.trimmed.includes(p.timestamp!))) continue;
    values.set(last.trimmed, (values.get(last.trimmed) ?? 0) + 1);
  }
  const recurring = [...values].filter(([, n]) => n >= 2);
  const field = recurring.length >= 2 && recurring.length <= 3 && recurring.reduce((n, [, m]) => n + m, 0) >= 4 ? new Set(recurring.map(([t]) => t)) : new Set<string>();
  openings.forEach((o, k) => {
    if (!o || !isShortHeadLine(o.line.trimmed)) return;
    const t = o.line.trimmed;
    const who = parsed.posts[k]!.author;
    if ((all.get(t) ?? 0) >= 3 || (field.has(t) && (all.get(t) ?? 0) >= 2) || (who !== null && (byName.get(`${who}\u0000${t}`) ?? 0) >= 2)) openingIntoHead(parsed, k, o.k);
  });
  return parsed;
}

/** A post's non-blank text lines, trimmed. */
const textOf = (p: RawPost): string[] => p.body.filter((l) => !isBlank(l)).map((l) => l.trimmed);

function withQuotedCopies(parsed: SectionParse): SectionParse {
  const posts = parsed.posts;
  const drop = new Set<number>();
  const moved = new Map<number, number>();
  const lineKinds = new Map(parsed.lineKinds);
  for (let k = 0; k + 1 < posts.length; k++) {
    const head = posts[k]!;
    const copy = posts[k + 1]!;
    if (head.removed || head.author === null || textOf(head).length > 0 || copy.removed || copy.author === null || drop.has(k)) continue;
    const said = textOf(copy);
    const name = copy.author.toLowerCase();
    // The earlier post by the same name whose whole text the record opens with, the record going on under it.
    const repeats = (p: RawPost): boolean => {
      const own = textOf(p);
      return !p.removed && p.author?.toLowerCase() === name && own.length > 0 && own.length < said.length && own.every((t, j) => said[j] === t);
    };
    let at = k - 1;
    while (at >= 0 && !repeats(posts[at]!)) at--;
    const source = at >= 0 ? posts[at]! : undefined;
    if (!source) continue;
    const n = textOf(source).length;
    const lines = copy.body.filter((l) => !isBlank(l));
    const cut = lines[n - 1]!.index;
    const quoted = copy.body.filter((l) => l.index <= cut && !isBlank(l));
    head.body = copy.body.filter((l) => l.index > cut);
    head.quoted = quoted;
    head.quotedName = source.author;
    head.raw = [...head.raw, ...copy.raw, ...quoted].sort((a, b) => a.index - b.index);
    for (const l of [...copy.raw, ...copy.body]) moved.set(l.index, k);
    for (const l of [...copy.raw.filter((x) => x.index < cut), ...quoted]) lineKinds.set(l.index, isBlank(l) ? 'blank' : 'post-header');
    drop.add(k + 1);
  }
  if (drop.size === 0) return parsed;
  const kept: RawPost[] = [];
  const newIndex = new Map<number, number>();
  posts.forEach((p, k) => {
    if (drop.has(k)) return;
    newIndex.set(k, kept.length);
    kept.push(p);
  });
  const relaid = new Map([...moved].map(([line, k]) => [line, newIndex.get(k)!]));
  return withPostsRelaid(parsed, kept, newIndex, lineKinds, relaid);
}

