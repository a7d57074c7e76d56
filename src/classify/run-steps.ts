/**
 * Runs the resolved steps of a config: the thread steps a post step needs, then every post step on each post
 * in dump order, then what the post steps add to the article, then the other thread steps. `classifyDocument`
 * (a parsed thread) and `classifyRecord` (one comment alone) both run through it.
 */
import type { Config } from '../compile.js';
import type { Claim } from '../schema/classify.js';
import type { Sentence } from '../schema/common.js';
import type { ThreadDocument } from '../schema/document.js';
import { maskHandles } from '../text/mask-handles.js';
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
  const text = maskHandles(post.text);
  let map: ((offset: number) => number) | undefined;
  // One cache for all the post's steps: an evidence span the sentiment, moderation and stance steps all point at
  // is one array, and an evidence object listed by several moderation signals one object.
  let cache: RemapCache | undefined;
  let shared: SharedAnalysis | undefined;
  const read = analyzeText(text);
  const analysis: PostAnalysis = {
    post,
    text,
    read,
    written: text === post.text ? read : analyzeText(post.text),
    parent,
    parentText: parent && !parent.removed ? maskHandles(parent.text) : null,
    thread,
    toInput: offsetsAreInput ? (value) => value : (value) => remapSpans(value, (map ??= lineOffsetMapper(post)), (cache ??= remapCache())),
    sentenceScores: new Map(),
    shared() {
      if (shared) return shared;
      shared = { tokens: read.tokens, sentiment: analyzeSentiment(read, DEFAULT_LEXICON, SENTIMENT_MODEL, undefined) };
      return shared;
    },
  };
  for (const step of steps) step.run(analysis, config);
  thread.byId.set(post.id, post);
  thread.posts.push(post);
}
