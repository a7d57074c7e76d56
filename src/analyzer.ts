import { classifyDocument } from './classify/classify-document.js';
import { classifyRecord, type ClassifyRecord, type ClassifyRecordResult } from './classify/classify-record.js';
import { checkName, compile, type Config } from './compile.js';
import type { AnalyzeOptions } from './options.js';
import { parseWith } from './parse.js';
import { type SafeResult, safely } from './safe.js';
import type { ThreadDocument } from './schema/document.js';

/** What a single call may set on top of an analyzer's config. */
export interface CallOptions {
  /** `source.name` of this document. Default: the config's `name`. */
  name?: string | null;
}

/** `parse`, `analyze` and `classifyRecord` bound to one compiled config (options checked and lexicons built once). */
export interface Analyzer {
  /** The frozen config every call uses. */
  readonly config: Config;
  parse(input: string | Uint8Array, call?: CallOptions): ThreadDocument;
  safeParse(input: string | Uint8Array, call?: CallOptions): SafeResult<ThreadDocument>;
  analyze(input: string | Uint8Array, call?: CallOptions): ThreadDocument;
  safeAnalyze(input: string | Uint8Array, call?: CallOptions): SafeResult<ThreadDocument>;
  classifyRecord(record: ClassifyRecord): ClassifyRecordResult;
}

/**
 * Returns an analyzer for many inputs with the same options: `compile`s them once (or takes a config) and reuses
 * the config for every call. Throws `ThreadlensOptionError` on a bad option, here rather than at the first call.
 */
export function createAnalyzer(options: AnalyzeOptions | Config = {}): Analyzer {
  const config = compile(options);
  const nameOf = (call: CallOptions | undefined): string | null => (call?.name === undefined ? config.name : checkName(call.name));
  const parse = (input: string | Uint8Array, call?: CallOptions): ThreadDocument => parseWith(input, config, nameOf(call));
  const analyze = (input: string | Uint8Array, call?: CallOptions): ThreadDocument => classifyDocument(parse(input, call), config);
  return Object.freeze({
    config,
    parse,
    safeParse: (input: string | Uint8Array, call?: CallOptions) => safely(() => parse(input, call)),
    analyze,
    safeAnalyze: (input: string | Uint8Array, call?: CallOptions) => safely(() => analyze(input, call)),
    classifyRecord: (record: ClassifyRecord) => classifyRecord(record, config),
  });
}
