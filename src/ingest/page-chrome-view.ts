import { matchChrome } from './chrome-patterns.js';
import { isBlank, type Line } from './lines.js';
import { isSectionChrome, isThreadStructureLine } from './section-cues.js';
import type { CommentStyle, RawPost, SectionParse } from './types.js';
import { isAccountBlurb, isLegalLine, isSeeMoreGate } from './ui-lines.js';

/**
 * Session 37 (chrome37): page chrome between posts ("Advertisement", "Share this article", "Load more comments", "Sort
 * by Newest", a login gate, a legal line) is neither a post's text nor its author, whatever the layout. Instead of
 * teaching every reader (widget, counted, forum, walk-section, mail…) to step over it, the comment section is read
 * through a view of its lines without them: the readers see the page as if the chrome were not there, and the lines
 * left out become `comment-chrome`. Only lines the shared recognisers call page chrome are left out, never a line a
 * layout builds posts from (a lone number, a dash rule, a vote or reply button, a submitter line, a breadcrumb or a
 * link bar, which a header can look like, a count of views under a post; nor a line of the thread's own structure,
 * `isThreadStructureLine`).
 */

// Patterns of `CHROME_PATTERNS` a post's own header or footer can be: a vote count ("12"), a rule ("---"), the
// buttons under a post ("Reply", "Report"), a forum's submission lines, a "A / B" or "A | B | C | D" row (a header's
// fields look the same).
const STRUCTURAL = new Set(['vote-count', 'menu-dash', 'forum-buttons', 'forum-community', 'forum-posted-by', 'forum-submission', 'forum-submission-links', 'breadcrumb', 'menu-bar', 'video-views']);

/** Whether a trimmed line is page chrome a reader never builds a post from (shared recognisers of chrome-patterns.ts, section-cues.ts, ui-lines.ts). */
export function isPageChromeLine(trimmed: string): boolean {
  if (trimmed.length === 0 || isThreadStructureLine(trimmed)) return false;
  const p = matchChrome(trimmed);
  if (p !== undefined && p.kind === 'boilerplate' && !STRUCTURAL.has(p.id)) return true;
  return isSectionChrome(trimmed) || isSeeMoreGate(trimmed) || isAccountBlurb(trimmed) || isLegalLine(trimmed);
}

// A line a reading left out of its posts.
const outsidePosts = (kind: string | undefined): boolean => kind === undefined || kind === 'comment-chrome' || kind === 'boilerplate';

/**
 * The page-chrome lines between posts of a first reading: after the first line a post owns, told by the shared
 * recognisers (`isPageChromeLine`) and above the last post's first line (chrome under the last post is the page's
 * footer, where a reader ends the section), that the reading left out of its posts, or put in a post's text after its first
 * line ("Advertisement" read as the end of the post above it), or read as a post's author. A post's footer or header
 * line that is not its author ("Share" under a post) is the layout's, and stays; so does a post's first line of text
 * ("Sort by Best / is what the old forum used to say": a poster's words, however they look).
 */
function chromeBetweenPosts(lines: readonly Line[], parsed: SectionParse): Set<number> {
  const out = new Set<number>();
  let first = Infinity;
  let last = -Infinity;
  for (const p of parsed.posts) {
    let k = Infinity;
    for (const l of p.raw) k = Math.min(k, l.index);
    for (const l of p.body) k = Math.min(k, l.index);
    if (k === Infinity) continue;
    first = Math.min(first, k);
    last = Math.max(last, k);
  }
  if (last <= first) return out;
  const firstBody = new Set<number>();
  const authorLine = new Set<number>();
  for (const p of parsed.posts) {
    // (A "post" whose text is page chrome alone, "Log in to see more replies." read as a post of its own, is none.)
    if (p.body[0] !== undefined && p.body.some((l) => !isBlank(l) && !isPageChromeLine(l.trimmed))) firstBody.add(p.body[0].index);
    if (p.authorSpan !== null) {
      const at = p.authorSpan[0];
      const line = [...p.raw, ...p.body].find((l) => l.start <= at && at < l.next);
      if (line !== undefined) authorLine.add(line.index);
    }
  }
  for (let k = first + 1; k < last; k++) {
    if (!isPageChromeLine(lines[k]!.trimmed)) continue;
    const kind = parsed.lineKinds.get(k);
    if ((outsidePosts(kind) && k + 1 < lines.length && !isBlank(lines[k + 1]!) && betweenPosts(lines, parsed, k)) || (kind === 'post-body' && !firstBody.has(k)) || authorLine.has(k)) out.add(k);
  }
  return out;
}

/**
 * Line `k`, left out of the posts by the reading, stands between two posts of it: the nearest line above or under it
 * that is neither blank nor page chrome is a post's. A label inside a block the reading left out whole (an advertiser's
 * promoted post under its "Ad" label, blind dump 60) is the block's, not chrome between posts.
 */
function betweenPosts(lines: readonly Line[], parsed: SectionParse, k: number): boolean {
  const owner = (step: number): number | undefined => {
    for (let j = k + step; j >= 0 && j < lines.length; j += step) {
      if (!isBlank(lines[j]!) && !isPageChromeLine(lines[j]!.trimmed)) return parsed.linePost.get(j);
    }
    return undefined;
  };
  const above = owner(-1);
  const under = owner(1);
  return above !== undefined || under !== undefined;
}

/** A view of `lines` without the lines of `hidden`: the kept lines renumbered, and each one's old index. */
function viewWithout(lines: readonly Line[], hidden: ReadonlySet<number>): { view: Line[]; old: number[] } {
  const view: Line[] = [];
  const old: number[] = [];
  for (const line of lines) {
    if (hidden.has(line.index)) continue;
    old.push(line.index);
    view.push(view.length === line.index ? line : { ...line, index: view.length });
  }
  return { view, old };
}

/**
 * `style.parse(lines, start, text)`, read again without the page chrome between its posts (`chromeBetweenPosts`) when
 * it has some: the second reading sees a view of the lines without them, its line numbers mapped back to `lines`; the
 * lines left out are the section's chrome (`comment-chrome`).
 */
export function parseWithoutPageChrome(style: CommentStyle, lines: readonly Line[], start: number, text: string): SectionParse {
  const first = style.parse(lines, start, text);
  const hidden = chromeBetweenPosts(lines, first);
  if (hidden.size === 0) return first;
  const v = viewWithout(lines, hidden);
  const parsed = style.parse(v.view, start, text);
  const back = (l: Line): Line => {
    const i = v.old[l.index];
    if (i === undefined) return l;
    return l === v.view[l.index] ? lines[i]! : { ...l, index: i };
  };
  const posts: RawPost[] = parsed.posts.map((p) => {
    const q: RawPost = { ...p, body: p.body.map(back), raw: p.raw.map(back) };
    if (p.quoted !== undefined) q.quoted = p.quoted.map(back);
    return q;
  });
  const lineKinds = new Map([...parsed.lineKinds].map(([k, kind]) => [v.old[k] ?? k, kind] as const));
  const linePost = new Map([...parsed.linePost].map(([k, post]) => [v.old[k] ?? k, post] as const));
  for (const k of hidden) lineKinds.set(k, 'comment-chrome');
  return { ...parsed, posts, lineKinds, linePost };
}
