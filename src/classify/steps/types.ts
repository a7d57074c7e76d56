/**
 * What a classification step is and what it is handed. A step is one plain object (compromise's plugins,
 * wink-nlp's pipeline names): `{ name, scope, needs, run }`. Post steps run once per post, in registry order,
 * and add their fields to `analysis.post`; thread steps run once per thread, before the posts when a post step
 * needs them (targets), else after (summary).
 */
import type { Config } from '../../compile.js';
import type { StepName } from '../../options.js';
import type { Claim, Correction, Target } from '../../schema/classify.js';
import type { Sentence } from '../../schema/common.js';
import type { Post, ThreadDocument } from '../../schema/document.js';
import type { TextAnalysis } from '../../text/analysis.js';
import type { SharedAnalysis } from '../moderation/index.js';

/** A post as the steps see it: the thread model's post, or a lone record dressed as one (`classifyRecord`). */
export type StepPost = Pick<Post, 'id' | 'text' | 'span' | 'lines' | 'parentId' | 'author' | 'removed'> & Partial<Pick<Post, 'meta'>> &
  Pick<Post, 'sentiment' | 'acts' | 'replyStance' | 'moderation' | 'stances' | 'claims' | 'corrections' | 'concessions'>;

/** The thread a post belongs to, and what the thread steps found. */
export interface ThreadAnalysis {
  /** The parsed document, or null for a lone record. */
  readonly doc: ThreadDocument | null;
  /** The article's sentences (spans into the analysed text); empty for a lone record. */
  readonly articleSentences: readonly Sentence[];
  /** The article's claims, computed on first use (claims and corrections both read them). */
  articleClaims(): Claim[];
  /** The posts labelled so far, in dump order. */
  readonly posts: StepPost[];
  readonly byId: Map<string, StepPost>;
  /** Corrections found so far, per post id (a correction of a correction is marked as such). */
  readonly corrections: Map<string, Correction[]>;
  /** Stance targets: set by the `targets` step. */
  targets?: Target[];
  /**
   * Names of the targets every post takes a stance toward, named or not: all given targets, else the
   * article's subject (the first derived target, never a bare place). Set by the `targets` step.
   */
  subjects?: ReadonlySet<string>;
  /** The thread summary: set by the `summary` step. */
  summary?: Record<string, unknown>;
  /** The article's claims as output: set by the `claims` step. */
  claims?: Claim[];
  /** The article's inconsistencies: set by the `corrections` step. */
  inconsistencies?: Correction[];
}

/** One post, handed to every post step. */
export interface PostAnalysis {
  /** The post being labelled: each step adds its fields, with spans into the analysed text. */
  readonly post: StepPost;
  /** The post's text with `@handles` blanked (same offsets): what every step but `acts` reads. */
  readonly text: string;
  /** `text` read once: its tokens, word view and sentences, each computed on first use (src/text/analysis.ts). */
  readonly read: TextAnalysis;
  /**
   * `post.text` as written, read once (acts and corrections read it, handles and all): `read` itself when the post
   * has no handle to blank, so its sentences are split once for every step.
   */
  readonly written: TextAnalysis;
  /** The parent post (already labelled), if any. */
  readonly parent: StepPost | undefined;
  /** The parent's text with handles blanked, or null (no parent, or a removed one). */
  readonly parentText: string | null;
  readonly thread: ThreadAnalysis;
  /** Moves spans relative to `post.text` to spans into the analysed text. */
  toInput<T>(value: T): T;
  /** The tokens and the built-in-lexicon sentiment analysis of `text`, computed once (sentiment and moderation share them). */
  shared(): SharedAnalysis;
  /**
   * Check-worthiness of the post's sentences by their text, with the default claim options: filled by the
   * `claims` step, read by `corrections` (which scores the sentences it does not find here itself).
   */
  readonly sentenceScores: Map<string, number>;
}

/** A step run once per post. */
export interface PostStep {
  readonly name: StepName;
  readonly scope: 'post';
  /** Steps whose results this one reads: they run too, and before it. */
  readonly needs: readonly StepName[];
  /**
   * What `run` reads besides the post's own text and the fields earlier steps gave it: `'post'`, only the parent's
   * text and what the thread steps before the posts found (so it can run apart from the thread, on a worker
   * thread: `analyzeAsync`); `'thread'`, the labels of earlier posts (corrections).
   */
  readonly reads: 'post' | 'thread';
  run(analysis: PostAnalysis, config: Config): void;
  /**
   * The part of the step that reads the parent's labels, run right after `run` in dump order (stance: what a
   * reply takes over from the parent it agrees or disagrees with). It may read only its own post's fields and
   * the parent's, so it can run after every `'post'` step of the post.
   */
  link?(analysis: PostAnalysis, config: Config): void;
  /** What the step adds to the article once every post is done (the article's claims, its inconsistencies). */
  finish?(thread: ThreadAnalysis, config: Config): void;
}

/** A step run once per thread. */
export interface ThreadStep {
  readonly name: StepName;
  readonly scope: 'thread';
  readonly needs: readonly StepName[];
  run(thread: ThreadAnalysis, config: Config): void;
}

/** A classification step. */
export type Step = PostStep | ThreadStep;
