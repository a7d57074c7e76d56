/**
 * A thread walked post by post, as the `corrections` step walks it: which earlier posts each post is compared
 * with (the latest `CORRECTION_WINDOW`, plus its parent when older), each indexed once. Calling
 * `findCorrections` with `earlier` alone gives the same result, but indexes the window's posts (a map lookup
 * each) and counts its sentences again for every post; here the window comes from running sums, and a post's
 * sentences, made when it is the post being looked at, are indexed as they are when it becomes an earlier one.
 */
import { ThreadlensOptionError } from '../../errors.js';
import type { Paraphrases } from './paraphrase.js';
import { postUnits, ThreadIndex, type CorrectionPost, type IndexWindow } from './thread-index.js';
import type { Unit } from './units.js';
import type { Span } from '../../schema/common.js';
import type { TextAnalysis } from '../../text/analysis.js';
import { isPost } from './validate.js';

/** How many earlier posts a post is compared with: keeps a long thread linear. */
export const CORRECTION_WINDOW = 200;

/** What the walk prepares for one post: the index, the window over its earlier posts, and its own sentences. */
export interface PreparedPost {
  index: ThreadIndex;
  window: IndexWindow;
  sentences: Array<{ unit: Unit; abs: Span }>;
  /** The post's text read already (`next`'s `read`), when the caller had it: its word tokens serve the concessions. */
  read?: TextAnalysis;
}

export class ThreadWalk<P extends CorrectionPost = CorrectionPost> {
  readonly index: ThreadIndex;
  private readonly posts: P[] = [];
  private readonly positions = new Map<P, number>();
  /** Sentences of posts looked at but not yet indexed (a post is indexed when a later post first sees it). */
  private readonly pending = new Map<P, Array<{ unit: Unit; abs: Span }>>();
  /** Every post before this position that is in some later window has been indexed. */
  private indexedTo = 0;
  /** Running sum of sentence counts by index order (`sentencesBefore[seq]`: sentences of the posts indexed before seq). */
  private readonly sentencesBefore: number[] = [0];
  /** False once a post is indexed out of thread order (an old parent no window held): windows are then found the slow way. */
  private inOrder = true;
  private lastIndexed = -1;
  /** Posts before this position have been released from the index (see `ThreadIndex.release`). */
  private releasedTo = 0;

  /** `windowSize`: how many of the latest earlier posts each post is compared with (default `CORRECTION_WINDOW`). */
  constructor(
    articleSentences: ReadonlyArray<{ span: Span; text: string }>,
    paraphrases: Paraphrases,
    private readonly windowSize = CORRECTION_WINDOW,
  ) {
    this.index = new ThreadIndex(articleSentences, paraphrases);
  }

  /**
   * The earlier posts of the next post (the latest `windowSize`, plus `parent` when older) and what
   * `findCorrections` needs for it. Indexes the posts it has not yet, in the order `ThreadIndex.window` would.
   * `read`: `post.text` read already (the post step's `written`): its sentences and word tokens are used.
   */
  next(post: P, parent: P | undefined, read?: TextAnalysis): { earlier: P[]; prepared: PreparedPost } {
    const k = this.posts.length;
    const from = Math.max(0, k - this.windowSize);
    const earlier = this.posts.slice(from);
    const parentAt = parent === undefined ? undefined : this.positions.get(parent);
    const older = parent !== undefined && (parentAt === undefined || parentAt < from) ? parent : undefined;
    // Posts no later window holds give their units back (memory); an old parent is made again when asked for.
    for (let j = this.releasedTo; j < from; j++) this.index.release(this.posts[j]!);
    this.releasedTo = Math.max(this.releasedTo, from);
    this.index.releaseAgain((p) => p === older || (this.positions.get(p as P) ?? -1) >= from);
    if (older) {
      earlier.unshift(older);
      this.register(older);
    }
    for (let j = Math.max(this.indexedTo, from); j < k; j++) this.register(this.posts[j]!);
    this.indexedTo = k;
    const units = postUnits(post, this.index.paraphrases, read);
    this.pending.set(post, units);
    const prepared: PreparedPost = { index: this.index, window: this.inOrder ? this.windowOf(from, older) : this.index.window(earlier), sentences: units };
    if (read) prepared.read = read;
    return { earlier, prepared };
  }

  /** Adds a post (looked at or not) to the thread: later posts may compare with it. */
  push(post: P): void {
    if (!isPost(post)) throw new ThreadlensOptionError('earlier', post, 'must be an array of posts');
    this.positions.set(post, this.posts.length);
    this.posts.push(post);
  }

  private register(p: P): void {
    if (this.index.entryOf(p)) {
      this.index.register(p); // makes a released post's units again
      return;
    }
    const expected = this.sentencesBefore.length - 1;
    const entry = this.index.register(p, this.pending.get(p));
    this.pending.delete(p);
    const at = this.positions.get(p) ?? -1;
    if (entry.seq !== expected || at < this.lastIndexed) this.inOrder = false;
    this.lastIndexed = at;
    this.sentencesBefore.push(this.sentencesBefore[expected]! + entry.ids.length);
  }

  /**
   * The window `ThreadIndex.window` would describe for posts `from..` (indexed in order, so their index
   * orders are consecutive) and an older parent: a parent indexed just before them joins the run, any
   * other is an outlier.
   */
  private windowOf(from: number, older: P | undefined): IndexWindow {
    const k = this.posts.length;
    let size = this.index.articleCount;
    if (k === 0) return { lo: -1, hi: -1, outliers: [], size };
    const first = this.index.entryOf(this.posts[from]!)!.seq;
    const last = this.index.entryOf(this.posts[k - 1]!)!.seq;
    if (last - first !== k - 1 - from) return this.index.window(older ? [older, ...this.posts.slice(from)] : this.posts.slice(from));
    let lo = first;
    const outliers: number[][] = [];
    size += this.sentencesBefore[last + 1]! - this.sentencesBefore[first]!;
    if (older) {
      const parent = this.index.entryOf(older)!;
      size += parent.ids.length;
      if (parent.seq === first - 1) lo = parent.seq;
      else outliers.push(parent.ids);
    }
    return { lo, hi: last, outliers, size };
  }
}
