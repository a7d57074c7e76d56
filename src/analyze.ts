import { parse, type ParseOptions } from './parse.js';
import type { ThreadDocument } from './schema/document.js';
import { classifyDocument, type ClassifyOptions } from './classify/classify-document.js';
import { type SafeResult, safely } from './safe.js';

/** Options of `analyze`: parsing plus classification. */
export interface AnalyzeOptions extends ParseOptions, ClassifyOptions {}

/**
 * Parses a dump and fills every post with sentiment, discourse acts, moderation signals, stance, claims
 * and corrections, each with evidence spans. Throws only on misuse (bad options, input too large).
 */
export function analyze(input: string | Uint8Array, options: AnalyzeOptions = {}): ThreadDocument {
  return classifyDocument(parse(input, options), options);
}

/** The safe form of `analyze`: `{ success: true, data }` or `{ success: false, error }`, never throws. */
export function safeAnalyze(
  input: string | Uint8Array,
  options: AnalyzeOptions = {},
): SafeResult<ThreadDocument> {
  return safely(() => analyze(input, options));
}
