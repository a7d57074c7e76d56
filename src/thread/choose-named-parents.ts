import { sharedWordWeight } from '../text/words.js';
import type { ThreadPost } from './build-posts.js';

// Session 43 (idf43, docs/dump-styles.md "Session 43 (idf43)"): session 39's name-cue chooser `idfA:4`, as
// scripts/study/named-parent-choice.ts defines it. A name cue ("@Priya", "Priya, …", "Replying to Priya") links a post to
// the named writer's latest earlier post; a writer with several earlier posts is often answered on an earlier one, which
// the reply shares rare words with. Nothing here was chosen on a dump's words: the weight is the page's own IDF.

/** The cue kinds that name a writer (the cue gives the writer, not the post). */
const NAMED_CUES: ReadonlySet<string> = new Set(['mention', 'address', 'replying-to']);

/** How much more an earlier post's shared-word weight must be than the latest's (session 39's `idfA:4`, fixed). */
const MARGIN = 4;

// Whether the library runs the chooser: on (session 43, the lead). Its registered dev checks held (fixtures
// byte-identical, blind 01-130 parents 0.784 -> 0.791, eval threads unchanged). test/generator.test.ts's Coral-like
// property failed with it on: its made-up replies ("In reply to Name") answered the named writer's latest post by
// construction while their recombined phrases overlapped an earlier post of that writer; the generator now draws a
// Coral-like reply only where the named writer has one earlier post (src/testing/generate.ts, `recoverable`).
const SHIPPED_ON = true;

// The study switch: the library never changes it.
let chooserOn = SHIPPED_ON;

/** For scripts/study/* and tests only (never the library): run the name-cue chooser (true) or leave it out (false, the library's). */
export function setNamedChooserForStudy(on: boolean = SHIPPED_ON): void {
  chooserOn = on;
}

/**
 * Moves each name-cue link that took the named writer's latest earlier post (not removed), when the writer has two or
 * more such posts, to the writer's earlier post whose shared words with the reply outweigh the latest's by more than
 * `MARGIN` (log(N/df) per word over the page's posts); else the link stays. Depths are set again below a moved post.
 * `byId`: post id -> index.
 */
export function chooseNamedParents(posts: ThreadPost[], byId: ReadonlyMap<string, number>): void {
  if (!chooserOn) return;
  // The page's words and document frequencies, read only when a link can move.
  const shared = sharedWordWeight(posts.map((q) => q.text));
  const moved = new Set<number>();
  for (let i = 0; i < posts.length; i++) {
    const post = posts[i]!;
    if (post.parentId === null || post.replyCue === null || !NAMED_CUES.has(post.replyCue.kind)) continue;
    const p = byId.get(post.parentId);
    if (p === undefined) continue;
    const writer = posts[p]!.author;
    if (writer === null) continue;
    // The writer's earlier posts not removed, latest first; the link must be to the latest.
    const cands: number[] = [];
    for (let k = i - 1; k >= 0; k--) if (posts[k]!.author === writer && !posts[k]!.removed) cands.push(k);
    if (cands.length < 2 || cands[0] !== p) continue;
    const score = (k: number): number => shared(i, k);
    const latest = score(p);
    let best = p;
    let top = latest;
    for (const k of cands) {
      const s = score(k);
      if (s > latest + MARGIN && s > top) {
        best = k;
        top = s;
      }
    }
    if (best === p) continue;
    post.parentId = posts[best]!.id;
    moved.add(i);
  }
  if (moved.size === 0) return;
  // Parents come before their replies: one pass in order sets the depth of each moved post and of every post below one.
  for (let i = 0; i < posts.length; i++) {
    const q = posts[i]!;
    const k = q.parentId === null ? undefined : byId.get(q.parentId);
    if (k === undefined || !(moved.has(i) || moved.has(k))) continue;
    q.depth = posts[k]!.depth + 1;
    moved.add(i);
  }
}
