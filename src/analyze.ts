import { classifyDocument } from './classify/classify-document.js';
import { compile, type Config } from './compile.js';
import type { AnalyzeOptions } from './options.js';
import { parse } from './parse.js';
import { type SafeResult, safely } from './safe.js';
import type { ThreadDocument } from './schema/document.js';

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
