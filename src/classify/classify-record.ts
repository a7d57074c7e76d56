import { checkTargets, compile, type Config } from '../compile.js';
import type { ClassifyOptions } from '../options.js';
import type { Act, Claim, Concession, Correction, ModerationResult, SentimentResult, StanceResult } from '../schema/classify.js';
import { labelPost, planOf, threadAnalysis } from './run-steps.js';
import type { StepPost } from './steps/index.js';

/** One record of `threadlens classify`: a comment on its own. */
export interface ClassifyRecord {
  /** Echoed back as given. */
  id?: unknown;
  text: string;
  /** Stance target(s) for this record, added to `options.targets`. */
  target?: string | string[];
}

/** What `classifyRecord` returns for one record; a field is left out when its step did not run. */
export interface ClassifyRecordResult {
  id: unknown;
  sentiment?: SentimentResult;
  acts?: Act[];
  moderation?: ModerationResult;
  claims?: Claim[];
  /** Present when a target was given (in the record or the options). */
  stances?: StanceResult[];
  /** Corrections a comment alone can show: of itself ("*edit", "I mean X, not Y"). */
  corrections?: Correction[];
  concessions?: Concession[];
}

/**
 * Classifies one comment on its own (no thread), with the same steps and options as `analyze`: sentiment, acts,
 * moderation, claims, and stance toward the record's targets; `corrections` (of itself, with `paraphrases`) when
 * `steps` lists it. The thread-only `summary` is skipped.
 * Spans are offsets into `record.text`. Throws `ThreadlensOptionError` on bad options; takes a `compile`d config too.
 */
export function classifyRecord(record: ClassifyRecord, options: ClassifyOptions | Config = {}): ClassifyRecordResult {
  const config = compile(options);
  const { before, posts: postSteps } = planOf(config, true);
  const text = typeof record?.text === 'string' ? record.text : '';
  const thread = threadAnalysis(null, [], () => []);
  for (const step of before) step.run(thread, config);
  const own = record?.target === undefined ? [] : Array.isArray(record.target) ? record.target : [record.target];
  const ownTargets = checkTargets(own.filter((t) => typeof t === 'string' && t.trim()), 'target') ?? [];
  if (thread.targets) {
    thread.targets = [...thread.targets, ...ownTargets];
    // A record's own targets are given targets like `options.targets`: each gets a stance, named or not.
    thread.subjects = new Set([...(thread.subjects ?? []), ...ownTargets.map((t) => t.name)]);
  }
  // A self-correction names the record it is in: its id when that is a string.
  const post: StepPost = { id: typeof record?.id === 'string' ? record.id : '', text, span: [0, text.length], lines: [{ span: [0, text.length], text }], parentId: null, author: null, removed: false };
  labelPost(post, thread, config, postSteps, true);
  const result: ClassifyRecordResult = { id: record?.id ?? null };
  if (post.sentiment) result.sentiment = post.sentiment;
  if (post.acts) result.acts = post.acts;
  if (post.moderation) result.moderation = post.moderation;
  if (post.claims) result.claims = post.claims;
  if (post.stances && (thread.targets?.length ?? 0) > 0) result.stances = post.stances;
  if (post.corrections) result.corrections = post.corrections;
  if (post.concessions) result.concessions = post.concessions;
  return result;
}
