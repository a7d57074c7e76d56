/**
 * The edge pass (session 39, edge39; registered by edge38 in docs/dump-styles.md, "Session 38 (edge38)"): a comment box,
 * a pager or a page footer that the reading took for the first or the last post shifts every later post by one, or
 * adds one too many. Such a fragment has no author on a page whose posts have one. Decided on the post shapes alone:
 * no words, no layout names.
 */
import type { Message, Span } from '../schema/common.js';
import { withoutPosts } from '../ingest/head-template.js';
import type { SectionParse } from '../ingest/types.js';
import { isBlank, type Line } from '../ingest/lines.js';

/** Posts a page needs before an edge post is weighed against the rest. */
const MIN_POSTS = 5;
/** Live (not removed) posts the others must count. */
const MIN_OTHERS_LIVE = 4;
/** Share of the other live posts that must have an author. */
const NAMED_SHARE = 0.8;

// The study switch (like line-roles.ts's `setLineRoleStudy`): OFF in the library, which never changes it. The pass met
// its dev checks but failed its registered held-out bar on session 39's nineteenth set (107-112: a real first comment
// whose name the reading lost, 110 WeChat, was dropped and every later post shifted; authors 0.947 -> 0.807 after
// gold39's readers, 0.526 -> 0.430 on the first try's src), so the registration switched it off (docs/blind-threads.md,
// "Held-out reading of session 39's branches"). A study turns it on to read dumps with and without it.
let passOn = false;

/** For scripts/study/* and tests only (never the library): run the edge pass (true) or leave it out (false, the default). */
export function setEdgePassForStudy(on: boolean): void {
  passOn = on;
}

/**
 * The first and/or the last post of the section when it is not removed, has no author, and at least 80% of the other
 * posts (at least four of them live) have one, on a page of at least five posts: their indexes (ascending).
 * `articleHasText`: the reading found article text above the section; without it a nameless first post is where the
 * page's own story was read (an account's post over its comments, as a social page shows it), so it stays.
 */
export function findEdgePosts(posts: ReadonlyArray<{ author: string | null; removed: boolean }>, articleHasText: boolean): number[] {
  if (posts.length < MIN_POSTS) return [];
  const edges = articleHasText ? [0, posts.length - 1] : [posts.length - 1];
  return edges.filter((k) => {
    const p = posts[k]!;
    if (p.removed || p.author !== null) return false;
    const live = posts.filter((o, j) => j !== k && !o.removed);
    return live.length >= MIN_OTHERS_LIVE && live.filter((o) => o.author !== null).length >= NAMED_SHARE * live.length;
  });
}

/**
 * The section without its nameless edge posts (`findEdgePosts`): their lines become comment chrome (blank lines stay
 * blank), so the blocks still tile the input and the text is kept, outside every post and outside the article (a
 * comment box or footer is neither); one `thread/edge-post-dropped` message each says where. The posts after a dropped
 * first post are read without it, so none can answer it (a reply to it is top level). Unchanged when nothing is dropped
 * or the study switched the pass off.
 */
export function dropEdgePosts(parsed: SectionParse, lines: readonly Line[], articleHasText: boolean): SectionParse {
  if (!passOn) return parsed;
  const drop = findEdgePosts(parsed.posts, articleHasText);
  if (drop.length === 0) return parsed;
  // A dropped post's lines: those the reading gave it, and its header, body and quoted lines.
  const owned = new Map<number, Set<number>>(drop.map((k) => [k, new Set([...parsed.posts[k]!.raw, ...parsed.posts[k]!.body, ...(parsed.posts[k]!.quoted ?? [])].map((l) => l.index))]));
  for (const [line, post] of parsed.linePost) owned.get(post)?.add(line);
  const without = withoutPosts(parsed, new Set(drop), (line) => (isBlank(lines[line]!) ? 'blank' : 'comment-chrome'), [...owned.values()].flatMap((s) => [...s]));
  // The style's note that the fragment was read as a post with no header (walk-section.ts) no longer holds: this pass's
  // message takes its place (as nameStaffNotes does when it names such a post).
  const firstLines = new Set(drop.map((k) => parsed.posts[k]!.body[0]?.contentStart));
  const messages: Message[] = parsed.messages.filter((m) => m.ruleId !== 'ingest/post-without-header' || !firstLines.has(m.place?.[0]));
  for (const k of drop) {
    const own = [...owned.get(k)!].map((i) => lines[i]!).filter((l) => !isBlank(l));
    const place: Span | null = own.length > 0 ? own.reduce<Span>((at, l) => [Math.min(at[0], l.contentStart), Math.max(at[1], l.contentEnd)], [own[0]!.contentStart, own[0]!.contentEnd]) : null;
    messages.push({
      ruleId: 'thread/edge-post-dropped',
      severity: 'info',
      place,
      reason: `The ${k === 0 ? 'first' : 'last'} of the ${parsed.posts.length} posts read had no author while at least ${Math.round(100 * NAMED_SHARE)}% of the others have one, so it was taken for a fragment of the page at the edge of the comment section (a comment box, a pager or a footer), not a post; its lines are kept as comment chrome.`,
      actual: `${parsed.posts.length - drop.length} posts`,
    });
  }
  return { ...without, messages };
}
