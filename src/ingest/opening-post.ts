/**
 * A forum topic or a thread whose first post carries the article as a quotation ("Posting this for
 * discussion…" over "> Museum to return 17 sculptures…" / "> By … | …"): when the page above the section
 * has no article of its own, the quoted story is the article and the first post is not a comment.
 */
import { isProse, readBylineLine, type ArticleSegmentation } from './article.js';
import { isBlank, type Line } from './lines.js';
import type { RawPost, SectionParse } from './types.js';
import { countWords, endsWithTerminal } from '../text/words.js';

/** A line of twelve words or more: a line of a long paragraph. */
const isLongLine = (l: Line): boolean => countWords(l.trimmed, 12) >= 12;

/** The words of a post's text. */
const postWords = (p: RawPost): number => p.body.reduce((n, l) => n + countWords(l.trimmed), 0);

/** How many long paragraphs (`isLongLine`) a post's text holds. */
const longParagraphsOf = (p: RawPost): number => p.body.filter(isLongLine).length;

/** The words of the longest of `posts` (1 at least, so a ratio over it is defined). */
const mostWords = (posts: readonly RawPost[]): number => posts.reduce((m, p) => Math.max(m, postWords(p)), 1);

/** The first and the last line a post of the section holds, or null when the posts hold none. */
export function postLineBounds(parsed: SectionParse): { first: number; last: number } | null {
  let first = Number.POSITIVE_INFINITY;
  let last = -1;
  for (const k of parsed.linePost.keys()) {
    first = Math.min(first, k);
    last = Math.max(last, k);
  }
  return last < 0 ? null : { first, last };
}
import { parseCalendarDate } from '../text/dates.js';

/** Where the opening post's quoted article stands, and the first line of the comments after it; null when none. */
export function findQuotedArticle(
  lines: readonly Line[],
  article: ArticleSegmentation,
  parsed: SectionParse,
): { quoted: Set<number>; next: number } | null {
  if (!storyMayBeInPosts(article, parsed)) return null;
  let first = -1;
  let last = -1;
  let next = -1;
  for (const [line, post] of parsed.linePost) {
    if (post === 0) {
      if (first < 0 || line < first) first = line;
      if (line > last) last = line;
    } else if (post === 1 && (next < 0 || line < next)) next = line;
  }
  if (first < 0 || next <= last) return null;
  const quoted = new Set<number>();
  let long = 0;
  for (let k = first; k <= last; k++) {
    const t = lines[k]!.trimmed;
    if (!t.startsWith('>')) continue;
    quoted.add(k);
    if (countWords(t, 12) >= 12) long++;
  }
  return long >= 3 ? { quoted, next } : null;
}

/** The lines with the quote marks of `quoted` lines taken off ("> The museum…" → "The museum…"), offsets kept. */
export function unquoteLines(lines: readonly Line[], quoted: ReadonlySet<number>): Line[] {
  return lines.map((l) => {
    if (!quoted.has(l.index)) return l;
    let j = l.contentStart - l.start;
    while (j < l.text.length && (l.text[j] === '>' || l.text[j] === ' ')) j++;
    const contentStart = Math.min(l.start + j, l.contentEnd);
    const copy: Line = { index: l.index, start: l.start, end: l.end, next: l.next, text: l.text, contentStart, contentEnd: l.contentEnd, trimmed: l.text.slice(contentStart - l.start, l.contentEnd - l.start), indent: l.indent };
    return isBlank(copy) ? { ...copy, contentStart: l.contentEnd } : copy;
  });
}

/**
 * (Session 24) A thread whose first post IS the story, pasted whole by the newsroom or a moderator (a reader group's
 * chat export: `[04/12/2026, 18:02] Newsdesk: *Headline*` / `By Name, Role` / paragraphs; a book group's `message 1:
 * by Dana` carrying `Headline` / `By Name, Paper | Date` / paragraphs under a line of her own): when the page above the
 * section has no article of its own, a byline line among the first post's opening lines with three long paragraphs
 * after it makes the post the article, from the headline over the byline (the poster's note above it is not the
 * story) down to a line ending in a link (`Read the full story: https://…`, the poster's again); the comments start
 * at the second post. The lines returned are the page's with the first post's own body
 * lines put in (a chat line's text starts after its stamp and sender) and a headline's bold marks (`*…*`) taken off.
 */
export function findStoryPost(
  lines: readonly Line[],
  article: ArticleSegmentation,
  parsed: SectionParse,
): { lines: Line[]; only: Set<number>; next: number } | null {
  // (Session 35) Above a topic whose opening post answers to the subject of every reply, only the page's prose counts:
  // a breadcrumb or a row of related topics (long, but no sentence) is no article of its own.
  const mayBe = storyMayBeInPosts(article, parsed);
  const bySubject = !mayBe && parsed.posts.length >= 3 && longParagraphs(article, true) < 2;
  if (!mayBe && !bySubject) return null;
  const first = parsed.posts[0]!;
  if (first.removed || first.body.length === 0) return null;
  let next = -1;
  for (const [line, post] of parsed.linePost) if (post === 1 && (next < 0 || line < next)) next = line;
  const body = first.body.filter((l) => !isBlank(l));
  if (next < 0 || body.some((l) => l.index >= next)) return null;
  // The byline among the post's first eight lines, a headline right over it or none. (Session 31: a list's first
  // message may greet the members and sign its note over the story, "Dear all," / … / "Margaret" / "From the
  // Gazette:" / headline / byline, six lines down.)
  // (Session 32: or a credit line naming the paper and the day, `Vale Gazette, 11 November 2026`, under the
  // headline, the story pasted into a chat under the member's note.)
  // (Session 35) The story under the topic's subject, which the replies answer ("Re: SUBJECT"): the whole body.
  if (subjectStoryHead(first, parsed) === 0) {
    const end = body.findIndex((l, k) => k > 0 && endsInLink(l.trimmed));
    return subjectStory(lines, first, body, end < 0 ? Number.POSITIVE_INFINITY : body[end]!.index, next);
  }
  if (bySubject) return null;
  let at = body.slice(0, 8).findIndex((l, k) => l.trimmed.length <= 120 && (readBylineLine(l.trimmed) !== null || k > 0 && isSourceDateline(l.trimmed)));
  if (at < 0) at = unsignedStoryHead(first, parsed);
  if (at < 0) return null;
  // A line ending in a link closes the story (`Read the full story: https://…`): it and the lines after it are the
  // poster's own.
  const link = body.findIndex((l, k) => k > at && endsInLink(l.trimmed));
  const storyEnd = link < 0 ? Number.POSITIVE_INFINITY : body[link]!.index;
  const long = body.slice(at + 1).filter((l) => l.index < storyEnd && isLongLine(l)).length;
  if (long < 3) return null;
  const head = at > 0 && countWords(body[at - 1]!.trimmed, 30) < 30 ? at - 1 : at;
  const own = new Map<number, Line>();
  for (const l of first.body) if (l.index >= body[head]!.index && l.index < storyEnd) own.set(l.index, l);
  const out = lines.map((l) => own.get(l.index) ?? l);
  const h = out[body[head]!.index]!;
  const t = h.trimmed;
  const mark = t[0];
  const bold = t.length > 2 && (mark === '*' || mark === '_') && t.endsWith(mark) && !/\s/u.test(t[1]!) && !/\s/u.test(t[t.length - 2]!);
  if (head < at && bold) {
    out[h.index] = { ...h, contentStart: h.contentStart + 1, contentEnd: h.contentEnd - 1, trimmed: t.slice(1, -1), fields: undefined };
  }
  return { lines: out, only: new Set(own.keys()), next };
}

/**
 * (Session 39) A record no other record resembles at the section's top edge: among the first three posts, one with no
 * head (no name, not removed) holding three long paragraphs (twelve words or more), where the page above has no
 * article of its own and no later post is as long, is the story pasted under the section's first lines (a community
 * board's post: board name, title and meta read as a first record, the member's note and the story as a headless
 * one). The story runs from that post's first line to the next post's; the records above it are the page's.
 */
export function findHeadlessStory(lines: readonly Line[], article: ArticleSegmentation, parsed: SectionParse): { lines: Line[]; only: Set<number>; next: number } | null {
  if (!storyMayBeInPosts(article, parsed)) return null;
  const at = parsed.posts.slice(0, 3).findIndex((p) => p.author === null && !p.removed && longParagraphsOf(p) >= 3);
  if (at < 0) return null;
  const story = parsed.posts[at]!;
  const long = longParagraphsOf(story);
  if (parsed.posts.some((p, k) => k !== at && longParagraphsOf(p) >= long)) return null;
  let next = -1;
  for (const [line, post] of parsed.linePost) if (post === at + 1 && (next < 0 || line < next)) next = line;
  if (next < 0) return null;
  const only = new Set<number>();
  for (const l of story.body) if (l.index < next) only.add(l.index);
  return { lines: [...lines], only, next };
}

/**
 * A paper's credit line with the story's day: one to five capitalised words, a comma, then a full calendar date and
 * nothing else (`Vale Gazette, 11 November 2026`, `The Herald, Nov 11, 2026`); no sentence.
 */
function isSourceDateline(trimmed: string): boolean {
  if (trimmed.length > 80) return false;
  const comma = trimmed.indexOf(',');
  if (comma <= 0) return false;
  const words = trimmed.slice(0, comma).split(' ');
  if (words.length > 5 || !words.every((w) => /^\p{Lu}[\p{L}'’&.-]*$/u.test(w))) return false;
  const rest = trimmed.slice(comma + 1).trim();
  if (!/^(?:\d{1,2} \p{L}{3,9}\.? \d{4}|\p{L}{3,9}\.? \d{1,2},? \d{4})$/u.test(rest)) return false;
  return parseCalendarDate(rest) !== null;
}

/** The line's last word is a web address (`Read the full story: https://…`). */
function endsInLink(trimmed: string): boolean {
  const last = trimmed.slice(trimmed.lastIndexOf(' ') + 1);
  return /^https?:\/\/\S{1,2000}$/u.test(last);
}

// "1/5 Marlow Heath to end …", "2/5 The committee …": a post's place in a numbered chain of posts by one writer.
const CHAIN_MARK = /^(\d{1,2})\/(\d{1,2})(?=\s)/;
// "… from 1 April 2027. 🧵 (1/4)", "… in the minutes. 2/4": the same place written at the end of the post's last line.
const CHAIN_MARK_END = /(?:^|\s)\(?(\d{1,2})\/(\d{1,2})\)?$/;

/** A chain part's place (`k`, `n`) and the line its mark stands on with the mark's span in `trimmed`, from the post's first or last line. */
function chainMark(body: readonly Line[]): { k: number; n: number; line: Line; at: number; end: number } | null {
  const first = body[0];
  const m = first ? CHAIN_MARK.exec(first.trimmed) : null;
  if (m) return { k: Number(m[1]), n: Number(m[2]), line: first!, at: 0, end: m[0].length };
  const last = body[body.length - 1];
  const e = last ? CHAIN_MARK_END.exec(last.trimmed) : null;
  return e ? { k: Number(e[1]), n: Number(e[2]), line: last!, at: e.index, end: last!.trimmed.length } : null;
}

/**
 * (Session 28) A thread whose first posts ARE the story, told by the newsroom as a numbered chain of its own posts
 * (`1/5 Headline` / paragraph, `2/5 …`, … `5/5 …`, a social network's thread): when the page above the section has no
 * article of its own, the first posts, all by one writer and numbered 1/N to N/N in order (N of them, two at least),
 * with three long lines among them, are the article; the comments start at the post after the chain. Each part's
 * `k/N ` mark is taken off its first line; the parts' own body lines are the article's.
 */
export function findNumberedChain(
  lines: readonly Line[],
  article: ArticleSegmentation,
  parsed: SectionParse,
): { lines: Line[]; only: Set<number>; next: number } | null {
  if (!storyMayBeInPosts(article, parsed)) return null;
  const head = parsed.posts[0]!;
  const m = chainMark(head.body.filter((l) => !isBlank(l)));
  if (!m || m.k !== 1) return null;
  const n = m.n;
  if (n < 2 || n >= parsed.posts.length) return null;
  const out = [...lines];
  const only = new Set<number>();
  let long = 0;
  for (let k = 0; k < n; k++) {
    const post = parsed.posts[k]!;
    if (post.removed || post.author === null || post.author !== head.author) return null;
    const body = post.body.filter((l) => !isBlank(l));
    const mk = chainMark(body);
    if (!mk || mk.k !== k + 1 || mk.n !== n) return null;
    for (const l of post.body) only.add(l.index);
    long += body.filter((l) => isLongLine(l)).length;
    const l = mk.line;
    if (mk.at === 0) {
      let cut = mk.end;
      while (cut < l.trimmed.length && /\s/u.test(l.trimmed[cut]!)) cut++;
      out[l.index] = { ...l, contentStart: l.contentStart + cut, trimmed: l.trimmed.slice(cut), fields: undefined };
    } else {
      // (A mark at the end goes with the spaces before it: the line's text ends where the sentence does.)
      let cut = mk.at;
      while (cut > 0 && /\s/u.test(l.trimmed[cut - 1]!)) cut--;
      out[l.index] = { ...l, contentEnd: l.contentStart + cut, trimmed: l.trimmed.slice(0, cut), fields: undefined };
    }
  }
  if (long < 3) return null;
  let next = -1;
  for (const [line, post] of parsed.linePost) if (post === n && (next < 0 || line < next)) next = line;
  if (next < 0) return null;
  return { lines: out, only, next };
}

// (Session 33) An unsigned story: how many long paragraphs it needs, and how many times the longest other post it runs.
const UNSIGNED_LONG = 4;
const UNSIGNED_RATIO = 3;

/**
 * (Session 33) A story pasted into a chat with no byline and no credit line (a member's note, the headline, the
 * paragraphs): a short line among the first post's first four, no sentence, is its headline when the four lines under
 * it are long paragraphs (twelve words or more) and the post runs three times the words of the longest other post at
 * least. Returns the index, among the post's lines that are not blank, of the line under the headline (where a byline
 * would stand: the headline is taken as the line over it), else -1.
 */
function unsignedStoryHead(first: RawPost, parsed: SectionParse): number {
  const body = first.body.filter((l) => !isBlank(l));
  const h = body.slice(0, 4).findIndex((l, at) => {
    const under = body.slice(at + 1, at + 1 + UNSIGNED_LONG);
    return !isLongLine(l) && !endsWithTerminal(l.trimmed) && under.length === UNSIGNED_LONG && under.every(isLongLine);
  });
  if (h < 0) return -1;
  if (postWords(first) < UNSIGNED_RATIO * mostWords(parsed.posts.slice(1))) return -1;
  // The story starts at the headline: the line returned is the one a byline would stand on, right under it.
  return h + 1;
}

/**
 * (Session 35) A forum topic whose opening post carries the story under the topic's subject, which the other posts
 * answer as "Re: SUBJECT" (`Lagos Bakers Raise Bread Price by NewsFlash(m): 8:02am` / paragraphs / `Source: https://…`):
 * the subject is the headline, on the post's header line; the body's first line starts the story when half the other
 * posts' subjects answer that subject and the body opens with three long paragraphs (the post running twice the words
 * of the longest other post, `SUBJECT_RATIO`). Returns 0 (the story's first body line), else -1.
 */
function subjectStoryHead(first: RawPost, parsed: SectionParse): number {
  const subject = first.subject?.trim().toLowerCase();
  if (subject === undefined || subject === '' || /^re:/.test(subject)) return -1;
  const others = parsed.posts.slice(1);
  const answering = others.filter((p) => p.subject !== undefined && p.subject.trim().toLowerCase().replace(/^re: ?/, '') === subject && /^re:/i.test(p.subject.trim())).length;
  if (others.length === 0 || answering * 2 < others.length) return -1;
  const body = first.body.filter((l) => !isBlank(l));
  if (body.length < 3 || !body.slice(0, 3).every(isLongLine)) return -1;
  // (Only the replies count: a block under the last reply with no header is the page's, however long.)
  const most = mostWords(others.filter((p) => p.author !== null));
  return postWords(first) >= SUBJECT_RATIO * most ? 0 : -1;
}
// (The subject every reply answers is the stronger cue: twice the words of any other post suffice there.)
const SUBJECT_RATIO = 2;

/** The story of `subjectStoryHead`: the opening post's body lines from its first down to `storyEnd`. */
function subjectStory(lines: readonly Line[], first: RawPost, body: readonly Line[], storyEnd: number, next: number): { lines: Line[]; only: Set<number>; next: number } {
  const own = new Map<number, Line>();
  for (const l of first.body) if (l.index >= body[0]!.index && l.index < storyEnd) own.set(l.index, l);
  return { lines: lines.map((l) => own.get(l.index) ?? l), only: new Set(own.keys()), next };
}

/** Three posts or more under a page with fewer than two long paragraphs of its own: the story may be told in the posts. */
function storyMayBeInPosts(article: ArticleSegmentation, parsed: SectionParse): boolean {
  if (parsed.posts.length < 3) return false;
  return longParagraphs(article, false) < 2;
}

/** The page's own long paragraphs (twelve words or more); with `prose`, only those that end a sentence. */
function longParagraphs(article: ArticleSegmentation, prose: boolean): number {
  return article.blocks.filter((b) => b.kind === 'paragraph' && countWords(b.text, 12) >= 12 && (!prose || endsWithTerminal(b.text.trim()))).length;
}

/**
 * (Session 42) A record no other record resembles at either edge of the section, read as a post whatever its head: the
 * first or the last post, not removed, by a name no other post is by (or by none), holding three long paragraphs
 * (twelve words or more) and running three times the words of the longest other live post (three of them at least),
 * where the page above the section
 * has no article of its own (`storyMayBeInPosts`), is the story (a page that prints its comments above its body, the
 * body then read as the last post under its headline; a byline and date over the story read as the first post's head).
 * Returns the post's index and the lines of the story: the post's own lines, from its first down to its last line of
 * prose (`isProse`, so the page's rows under the story stay the section's); null when none.
 */
export function findEdgeStory(article: ArticleSegmentation, parsed: SectionParse): { post: number; lines: Set<number> } | null {
  if (!storyMayBeInPosts(article, parsed)) return null;
  const last = parsed.posts.length - 1;
  for (const at of [0, last]) {
    const story = parsed.posts[at]!;
    if (story.removed || longParagraphsOf(story) < EDGE_LONG) continue;
    const others = parsed.posts.filter((_, k) => k !== at);
    // (Session 43) The first post may be by a name that posts again under it (a newsroom's bot posts the story, then
    // answers a reader); the last, as the page's body under the comments, is by a name no other post is by.
    if (story.author !== null && at !== 0 && others.some((p) => p.author === story.author)) continue;
    // Records to tell it from: three live posts at least (removal notes are not a page's comments).
    const live = others.filter((p) => !p.removed);
    if (live.length < EDGE_OTHERS) continue;
    if (postWords(story) < UNSIGNED_RATIO * mostWords(live)) continue;
    const own = new Set<number>([...story.raw, ...story.body].map((l) => l.index));
    for (const [line, post] of parsed.linePost) if (post === at) own.add(line);
    const prose = story.body.filter((l) => !isBlank(l) && isProse(l.trimmed)).map((l) => l.index);
    if (prose.length === 0) continue;
    const end = prose.reduce((m, k) => Math.max(m, k), 0);
    return { post: at, lines: new Set([...own].filter((k) => k <= end)) };
  }
  return null;
}
// The long paragraphs an edge story holds at least.
const EDGE_LONG = 3;
// The live posts besides it a page needs before a record is judged unlike the others.
const EDGE_OTHERS = 3;

/**
 * (Session 42) The story under the section's last post, read as no post (a page that prints its comments above its
 * body, the comment box over the body): where the page above the section has no article of its own, the lines under
 * the last line a post holds that hold three long paragraphs (twelve words or more) and run three times the words of
 * the longest post are the story, from the line over the first long paragraph when it is a headline (short, no sentence
 * end) or from that paragraph, down to the last line of prose. Returns those lines (blank ones between included), else
 * null.
 */
export function findTrailingStory(lines: readonly Line[], article: ArticleSegmentation, parsed: SectionParse): Set<number> | null {
  if (!storyMayBeInPosts(article, parsed) || parsed.posts.filter((p) => !p.removed).length < EDGE_OTHERS) return null;
  const bounds = postLineBounds(parsed);
  if (bounds === null) return null;
  const tail = lines.slice(bounds.last + 1).filter((l) => !isBlank(l));
  const first = tail.findIndex(isLongLine);
  if (first < 0 || tail.filter(isLongLine).length < EDGE_LONG) return null;
  const prose = tail.filter((l) => isProse(l.trimmed));
  if (prose.length === 0) return null;
  const end = prose[prose.length - 1]!.index;
  const over = tail[first - 1];
  const start = over && countWords(over.trimmed, 30) < 30 && !endsWithTerminal(over.trimmed) ? over.index : tail[first]!.index;
  const words = tail.filter((l) => l.index >= start && l.index <= end).reduce((n, l) => n + countWords(l.trimmed), 0);
  if (words < UNSIGNED_RATIO * mostWords(parsed.posts)) return null;
  const out = new Set<number>();
  for (let k = start; k <= end; k++) out.add(k);
  return out;
}

/**
 * (Session 43) The story over the section's first post, read as no post (a course forum's note over its followups, the
 * note's head left to the page): where the page read as the article has no article of its own (`storyMayBeInPosts`),
 * the lines over the first line a post holds that hold three long paragraphs (twelve words or more) and run three times
 * the words of the longest post. True when so: the article is then read again over the lines above the first post.
 */
export function hasLeadingStory(lines: readonly Line[], article: ArticleSegmentation, parsed: SectionParse): boolean {
  if (!storyMayBeInPosts(article, parsed) || parsed.posts.filter((p) => !p.removed).length < EDGE_OTHERS) return false;
  const bounds = postLineBounds(parsed);
  if (bounds === null) return false;
  const head = lines.slice(0, bounds.first).filter((l) => !isBlank(l));
  const long = head.filter((l) => isLongLine(l) && isProse(l.trimmed));
  if (long.length < EDGE_LONG) return false;
  const words = long.reduce((n, l) => n + countWords(l.trimmed), 0);
  return words >= UNSIGNED_RATIO * mostWords(parsed.posts);
}
