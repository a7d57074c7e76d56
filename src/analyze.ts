import { classifyDocument, classifyDocumentAsync, type BatchLabeler, type BatchPlan } from './classify/classify-document.js';
import { labelBatch, type PostBatch, type PostLabels } from './classify/run-steps.js';
import { compile, type Config } from './compile.js';
import type { AnalyzeOptions } from './options.js';
import { parse } from './parse.js';
import { type SafeResult, safely } from './safe.js';
import type { ThreadDocument } from './schema/document.js';

export type { BatchLabeler, BatchPlan, PostBatch, PostLabels };

/**
 * Parses a dump and fills every post with sentiment, discourse acts, moderation signals, stance, claims
 * and corrections, each with evidence spans. Throws only on misuse (bad options, input too large).
 * Takes options or a `compile`d config (to analyze many dumps with one, see `createAnalyzer`).
 */
export function analyze(input: string | Uint8Array, options: AnalyzeOptions | Config = {}): ThreadDocument {
  const config = compile(options);
  return classifyDocument(parse(input, config), config);
}

/** The safe form of `analyze`: `{ success: true, data }` or `{ success: false, error }`, never throws. */
export function safeAnalyze(input: string | Uint8Array, options: AnalyzeOptions | Config = {}): SafeResult<ThreadDocument> {
  return safely(() => analyze(input, options));
}

/** Posts per batch and batches in flight of `analyzeAsync`, by default. */
const DEFAULT_BATCHES: BatchPlan = { size: 256, window: 4 };

/**
 * `analyze` for worker threads: the post steps that read only their own post (sentiment, acts, moderation, stance,
 * claims: most of the work) are handed out in batches of plain data to `label`, which runs
 * `labelPosts(batch, options)` where it likes (on a worker thread, with the same options) and gives the labels
 * back; the rest (what a reply takes over from its parent, corrections, the summary) runs here, in dump order, as
 * the batches come back. Same options, same document as `analyze`, byte for byte. Rejects when `label` does.
 * `batches`: posts per batch (default 256) and batches in flight at once (default 4).
 */
export async function analyzeAsync(input: string | Uint8Array, options: AnalyzeOptions | Config, label: BatchLabeler, batches: Partial<BatchPlan> = {}): Promise<ThreadDocument> {
  const config = compile(options);
  return classifyDocumentAsync(parse(input, config), config, label, { ...DEFAULT_BATCHES, ...batches });
}

/** The worker's half of `analyzeAsync`: labels one batch of posts with the same options. */
export function labelPosts(batch: PostBatch, options: AnalyzeOptions | Config = {}): PostLabels[] {
  return labelBatch(batch, compile(options));
}
