/**
 * Runs the resolved steps of a config: the thread steps a post step needs, then every post step on each post
 * in dump order, then what the post steps add to the article, then the other thread steps. `classifyDocument`
 * (a parsed thread) and `classifyRecord` (one comment alone) both run through it.
 */
import type { Config } from '../compile.js';
import type { Claim } from '../schema/classify.js';
import type { Sentence } from '../schema/common.js';
import type { ThreadDocument } from '../schema/document.js';
import { maskHandles, mentionNames } from '../text/mask-handles.js';
import { lineOffsetMapper, remapCache, remapSpans, type RemapCache } from '../text/remap.js';
import type { SharedAnalysis } from './moderation/index.js';
import { analyzeSentiment } from './sentiment/analyze.js';
import { DEFAULT_LEXICON } from './sentiment/lexicon.js';
import { SENTIMENT_MODEL } from './sentiment/model.js';
import { analyzeText } from '../text/analysis.js';
import { STEP_REGISTRY, type PostAnalysis, type PostStep, type StepPost, type ThreadAnalysis, type ThreadStep } from './steps/index.js';

/** A config's steps split by when they run. */
export interface StepPlan {
  /** Thread steps some post step needs (the targets before stance). */
  readonly before: readonly ThreadStep[];
  readonly posts: readonly PostStep[];
  /** Thread steps that read the labelled posts (the summary). */
  readonly after: readonly ThreadStep[];
}

const plans = new WeakMap<Config, StepPlan>();
const recordPlans = new WeakMap<Config, StepPlan>();

// Steps a lone comment runs only when asked: corrections compare a post with the article and the earlier posts,
// which a record has not (it can still correct itself, "*Edit: ..."), and they cost a quarter of its time.
const THREAD_BOUND: ReadonlySet<string> = new Set(['corrections']);

/** The plan of a config, worked out once per config; `record`: for `classifyRecord`. */
export function planOf(config: Config, record = false): StepPlan {
  const cache = record ? recordPlans : plans;
  let plan = cache.get(config);
  if (plan) return plan;
  const names = record && !config.stepsGiven ? config.steps.filter((n) => !THREAD_BOUND.has(n)) : config.steps;
  const steps = names.map((n) => STEP_REGISTRY[n]);
  const posts = steps.filter((s): s is PostStep => s.scope === 'post');
  const thread = steps.filter((s): s is ThreadStep => s.scope === 'thread');
  const needed = new Set(posts.flatMap((s) => s.needs));
  plan = { before: thread.filter((s) => needed.has(s.name)), posts, after: thread.filter((s) => !needed.has(s.name)) };
  cache.set(config, plan);
  return plan;
}

/** A thread to label: `doc` is null for a lone record; `articleClaims` is called at most once. */
export function threadAnalysis(doc: ThreadDocument | null, articleSentences: readonly Sentence[], articleClaims: () => Claim[]): ThreadAnalysis {
  let claims: Claim[] | undefined;
  return {
    doc,
    articleSentences,
    articleClaims: () => (claims ??= articleClaims()),
    posts: [],
    byId: new Map(),
    corrections: new Map(),
  };
}

/**
 * Runs the post steps on `post` (changed in place) and adds it to the thread. `offsetsAreInput`: the post's text
 * is the analysed text itself (a lone record), so spans need no mapping.
 */
export function labelPost(post: StepPost, thread: ThreadAnalysis, config: Config, steps: readonly PostStep[], offsetsAreInput = false): void {
  const parent = post.parentId !== null ? thread.byId.get(post.parentId) : undefined;
  const analysis = postAnalysis(post, parent, parentTextOf(parent), thread, offsetsAreInput, true);
  // Links run after every step's run: a link may read what later steps found on the post itself (the stance link
  // reads the corrections), and no step's run reads what a link changes.
  for (const step of steps) step.run(analysis, config);
  for (const step of steps) step.link?.(analysis, config);
  thread.byId.set(post.id, post);
  thread.posts.push(post);
}

/**
 * What a post step is handed for `post`. `kept`: the labels stay in this thread's memory (false for a batch labelled
 * apart, whose labels are posted back by structured clone: see `remapCache`).
 */
function postAnalysis(post: StepPost, parent: StepPost | undefined, parentText: string | null, thread: ThreadAnalysis, offsetsAreInput: boolean, kept: boolean): PostAnalysis {
  const text = maskHandles(post.text, mentionNames(post.mentions));
  let map: ((offset: number) => number) | undefined;
  // One cache for all the post's steps: an evidence span the sentiment, moderation and stance steps all point at
  // is one array, and an evidence object listed by several moderation signals one object.
  let cache: RemapCache | undefined;
  let shared: SharedAnalysis | undefined;
  const read = analyzeText(text);
  return {
    post,
    text,
    read,
    written: text === post.text ? read : analyzeText(post.text),
    parent,
    parentText,
    thread,
    toInput: offsetsAreInput ? (value) => value : (value) => remapSpans(value, (map ??= lineOffsetMapper(post)), (cache ??= remapCache(kept))),
    sentenceScores: new Map(),
    shared() {
      if (shared) return shared;
      shared = { tokens: read.tokens, sentiment: analyzeSentiment(read, DEFAULT_LEXICON, SENTIMENT_MODEL, undefined) };
      return shared;
    },
  };
}

// --- Labelling a thread's posts apart from it (worker threads) ---------------------------------------------------

/** The fields of a post the steps read: what crosses to a worker thread. */
export type DetachedPostFields = Pick<StepPost, 'id' | 'text' | 'span' | 'lines' | 'parentId' | 'author' | 'removed' | 'mentions'>;

/** A post to label apart from its thread. */
export interface DetachedPost {
  readonly post: DetachedPostFields;
  /** The parent's text (as written) when the parent came earlier in the dump and was not removed, else null. */
  readonly parentText: string | null;
  /** The names after "@" in the parent's text (`mentionNames` of its mentions), to blank as `labelPost` does. */
  readonly parentNames?: readonly string[];
}

/**
 * A batch of posts to label apart from their thread, with what the thread steps before the posts found: plain
 * data (it crosses to a worker thread by structured clone).
 */
export interface PostBatch {
  readonly posts: readonly DetachedPost[];
  /** The thread's stance targets and subjects (the `targets` step), when it ran. */
  readonly targets?: ThreadAnalysis['targets'];
  readonly subjects?: readonly string[];
}

/** What the detachable steps gave one post: its new fields, in the order the steps set them, and its sentence scores. */
export interface PostLabels {
  readonly fields: Partial<StepPost>;
  readonly sentenceScores: ReadonlyArray<readonly [string, number]>;
}

// Per plan (plans are cached per config): its detachable steps and the rest, split once rather than for every post.
const splits = new WeakMap<StepPlan, { detached: readonly PostStep[]; rest: readonly PostStep[] }>();

/**
 * The steps of a plan that can run apart from the thread (`detached`: the leading post steps that read only their
 * post, `reads: 'post'`) and the rest, which run on the thread in dump order (`attachPost`).
 */
function splitOf(plan: StepPlan): { detached: readonly PostStep[]; rest: readonly PostStep[] } {
  let split = splits.get(plan);
  if (split === undefined) {
    const at = plan.posts.findIndex((s) => s.reads !== 'post');
    split = at < 0 ? { detached: plan.posts, rest: [] } : { detached: plan.posts.slice(0, at), rest: plan.posts.slice(at) };
    splits.set(plan, split);
  }
  return split;
}

/** The parent's text as the steps read it (handles masked), or null for no parent or a removed one. */
function parentTextOf(parent: StepPost | undefined): string | null {
  return parent && !parent.removed ? maskHandles(parent.text, mentionNames(parent.mentions)) : null;
}

const DETACHED_KEYS: ReadonlySet<string> = new Set(['id', 'text', 'span', 'lines', 'parentId', 'author', 'removed', 'mentions']);

/**
 * Runs the detachable steps (`run` only; `link` needs the parent's labels) on each post of `batch`, apart from the
 * thread: what a worker thread does for `analyzeAsync`. The same code and data as `labelPost`, so the same labels.
 */
export function labelBatch(batch: PostBatch, config: Config): PostLabels[] {
  const steps = splitOf(planOf(config)).detached;
  const thread = threadAnalysis(null, [], () => []);
  if (batch.targets) thread.targets = batch.targets;
  if (batch.subjects) thread.subjects = new Set(batch.subjects);
  return batch.posts.map(({ post: fields, parentText, parentNames }) => {
    const post: StepPost = { ...fields };
    const analysis = postAnalysis(post, undefined, parentText === null ? null : maskHandles(parentText, parentNames), thread, false, false);
    for (const step of steps) step.run(analysis, config);
    const added: Partial<StepPost> = {};
    for (const key of Object.keys(post) as (keyof StepPost)[]) if (!DETACHED_KEYS.has(key)) (added as Record<string, unknown>)[key] = post[key];
    return { fields: added, sentenceScores: [...analysis.sentenceScores] };
  });
}

/**
 * `post` as a worker thread needs it: its fields the steps read, and its parent's text if the parent came earlier
 * (`earlier`: the posts before it in dump order, by id, the last of an id winning, as `thread.byId` has them).
 */
export function detachPost(post: StepPost, earlier: ReadonlyMap<string, Pick<StepPost, 'text' | 'removed' | 'mentions'>>): DetachedPost {
  const parent = post.parentId !== null ? earlier.get(post.parentId) : undefined;
  const fields: DetachedPostFields = { id: post.id, text: post.text, span: post.span, lines: post.lines, parentId: post.parentId, author: post.author, removed: post.removed };
  if (post.mentions) fields.mentions = post.mentions;
  const live = parent && !parent.removed ? parent : undefined;
  return {
    post: fields,
    parentText: live ? live.text : null,
    ...(live?.mentions?.length ? { parentNames: mentionNames(live.mentions) } : {}),
  };
}

/**
 * Adds to the thread a post whose detachable steps ran apart (`labelBatch`): takes their fields, then runs their
 * `link`s and the steps that read the thread, in order, as `labelPost` would have.
 */
export function attachPost(post: StepPost, labels: PostLabels, thread: ThreadAnalysis, config: Config, plan: StepPlan): void {
  Object.assign(post, labels.fields);
  const { detached, rest } = splitOf(plan);
  const parent = post.parentId !== null ? thread.byId.get(post.parentId) : undefined;
  const analysis = postAnalysis(post, parent, parentTextOf(parent), thread, false, true);
  for (const [sentence, score] of labels.sentenceScores) analysis.sentenceScores.set(sentence, score);
  for (const step of rest) step.run(analysis, config);
  for (const step of plan.posts) step.link?.(analysis, config);
  thread.byId.set(post.id, post);
  thread.posts.push(post);
}
