import { predict, type LinearModel } from '../learn/model.js';
import { sharedWordWeight } from '../text/words.js';
import { namedAt, SECOND_PERSON, type LinkPost } from './left-over-links.js';

// Session 44 (link44, docs/dump-styles.md "Session 44 (link44)"): the candidates and features of the within-thread
// choice (the model's feature code: thread-reply.model.json records its hash; choose-thread-replies.ts applies it). A page that shows one level of nesting (a wiki's or a
// course forum's replies, each indented once under its top post) prints a reply to a reply flat in the thread, so the
// nesting links it to the top post though its words may answer an earlier reply there (name its writer, take up its
// question or figures, go on a conversation). Each reply the nesting links to a top post gets as candidates that post
// and the thread's earlier replies by others; shape features (no word of any dump) go to a linear model in the one
// format (thread-reply.model.json, fit by scripts/train/train-thread-replies.ts on the blind rounds and the fixtures'
// labels), and an earlier reply is taken where its probability reaches the model's cut and beats the top post's.

/** One candidate parent of a reply in a one-level thread, with its features. */
export interface ThreadReplyCandidate {
  /** The reply's index. */
  post: number;
  /** The candidate's index (the thread's top post or an earlier reply in it). */
  index: number;
  root: boolean;
  features: Array<[string, number]>;
}

/** The cue kinds by which a page's nesting links a reply. */
const NESTING_CUES: ReadonlySet<string> = new Set(['depth', 'indent']);

/**
 * Whether the page's nesting shows one level: some reply is linked by nesting, and none so linked sits under a post that
 * is itself a reply.
 */
export function showsOneLevel(posts: readonly LinkPost[]): boolean {
  let nested = false;
  for (const p of posts) {
    if (p.parent === null || p.cue === null || !NESTING_CUES.has(p.cue)) continue;
    if (posts[p.parent]!.parent !== null) return false;
    nested = true;
  }
  return nested;
}

/**
 * The candidates of every reply the nesting links to a top post on a one-level page: the top post and each earlier post
 * of its thread (linked under it, directly or below a reply) not removed and not by the reply's writer; a reply with no
 * such earlier post has none. The features read the cues' parse only, so one reply's move cannot change another's.
 */
export function threadReplyCandidates(posts: readonly LinkPost[]): ThreadReplyCandidate[] {
  const out: ThreadReplyCandidate[] = [];
  if (!showsOneLevel(posts)) return out;
  const n = posts.length;
  // Each post's top post (itself when top level), through its parents (which come before it).
  const top = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const p = posts[i]!.parent;
    top[i] = p === null || p >= i ? i : top[p]!;
  }
  // The page's words and document frequencies, read only when a reply has candidates.
  const sharedWith = sharedWordWeight(posts.map((q) => q.text));
  for (let i = 1; i < n; i++) {
    const post = posts[i]!;
    const root = post.parent;
    if (root === null || post.removed || post.cue === null || !NESTING_CUES.has(post.cue) || posts[root]!.parent !== null) continue;
    const mine = (k: number): boolean => post.author !== null && posts[k]!.author === post.author;
    const members: number[] = [];
    for (let k = root + 1; k < i; k++) if (top[k] === root && !posts[k]!.removed && !mine(k)) members.push(k);
    if (members.length === 0) continue;
    // The reply's writer's own earlier posts in the thread (its top post included): a conversation under way.
    const own: number[] = [];
    for (let k = root; k < i; k++) if (top[k] === root && mine(k)) own.push(k);
    const shared = (k: number): number => sharedWith(i, k);
    const rootShared = shared(root);
    const first = post.text.split(/(?<=[.!?])\s/u)[0] ?? '';
    const you = SECOND_PERSON.test(first);
    // The latest candidate by each writer: a name in the reply points there.
    const latest = new Map<string, number>();
    for (const k of [root, ...members]) if (posts[k]!.author !== null) latest.set(posts[k]!.author!, k);
    for (const k of [root, ...members]) {
      const cand = posts[k]!;
      const isRoot = k === root;
      const named = cand.author !== null && latest.get(cand.author) === k ? namedAt(post.text, cand.author) : 0;
      const s = shared(k);
      const wroteBefore = own.length > 0 && own[0]! < k;
      const features: Array<[string, number]> = [
        ['cand.root', isRoot ? 1 : 0],
        ['cand.above', !isRoot && k === i - 1 ? 1 : 0],
        ['cand.namedOpening', named === 2 ? 1 : 0],
        ['cand.namedLater', named === 1 ? 1 : 0],
        ['cand.logShared', Math.log1p(s)],
        ['cand.overRoot', isRoot ? 0 : Math.log1p(Math.max(0, s - rootShared))],
        ['cand.asks', cand.text.includes('?') ? 1 : 0],
        ['cand.selfRoot', isRoot && mine(k) ? 1 : 0],
        ['cand.wroteBefore', !isRoot && wroteBefore ? 1 : 0],
        ['cand.answeredMe', !isRoot && cand.parent !== null && post.author !== null && posts[cand.parent]!.author === post.author ? 1 : 0],
        ['cand.logDistance', Math.log(i - k)],
        ['cand.aboveAndYou', !isRoot && k === i - 1 && you ? 1 : 0],
      ];
      out.push({ post: i, index: k, root: isRoot, features });
    }
  }
  return out;
}

/**
 * The earlier reply the model gives each reply (reply index -> candidate index): its best-scoring earlier reply where
 * that one's probability reaches the model's `cut` and beats the top post's; other replies keep the top post.
 */
export function chooseInThreads(posts: readonly LinkPost[], model: LinearModel): Map<number, number> {
  const cut = model.thresholds?.cut ?? 1;
  const rootP = new Map<number, number>();
  const best = new Map<number, { index: number; p: number }>();
  for (const c of threadReplyCandidates(posts)) {
    const p = predict(model, c.features)[0]!;
    if (c.root) {
      rootP.set(c.post, p);
      continue;
    }
    const b = best.get(c.post);
    if (b === undefined || p > b.p || (p === b.p && c.index > b.index)) best.set(c.post, { index: c.index, p });
  }
  const out = new Map<number, number>();
  for (const [post, b] of best) if (b.p >= cut && b.p > (rootP.get(post) ?? 0)) out.set(post, b.index);
  return out;
}

