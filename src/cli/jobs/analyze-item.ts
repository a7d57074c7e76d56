import { isMainThread } from 'node:worker_threads';
import { analyze, analyzeAsync, formatText, renderHtml, ThreadlensInputError, type AnalyzeOptions, type BatchLabeler, type ThreadDocument } from '../../index.js';
import { jsonChunks, jsonPieces } from '../json-out.js';
import type { FileClassifyOptions } from './options.js';

/** One input of `analyze`: a file, standard input, or one NDJSON record of it. */
export interface AnalyzeItem {
  name: string;
  bytes: Uint8Array;
  /** Set instead of reading the bytes when the input is known to be over `maxInputBytes`: its size. */
  oversize?: number;
  /** Set instead of the bytes when the input could not be read or is not a record: the error to report. */
  error?: ItemError;
}

/** Output formats of `analyze`. */
export type AnalyzeFormat = 'json' | 'ndjson' | 'text' | 'html';

/** Options of `analyze`, as the CLI passes them to the main thread or a worker. */
export interface AnalyzeItemOptions {
  /** Stance targets from `--target`; empty: derived from each article. */
  targets: string[];
  /** Largest input, in UTF-8 bytes. */
  maxInputBytes: number;
  /** Classifier options from `--options <file.json>` (`--target` wins over its `targets`). */
  classify?: FileClassifyOptions;
  /** Output format; default `ndjson`. */
  format?: AnalyzeFormat;
  /** `--strict`: an input that is not a dump (`NOT_A_DUMP_RULES`) fails instead of giving a warning. */
  strict?: boolean;
}

/** `{ruleId, reason}` of an input that gave no document. */
export interface ItemError {
  ruleId: string;
  reason: string;
}

/** A line for standard error about one input: a failure, or a warning that it is not a dump. */
export interface ItemNotice {
  source: string;
  ruleId: string;
  reason: string;
  /** The stack of an internal error, shown with `--debug` only. */
  stack?: string;
}

/** What one input gave: its output pieces, and what to say about it on standard error. */
export interface ItemResult {
  /**
   * The output (a document, or the error record), in pieces; for `ndjson` one line with its `\n`. Written
   * lazily on the main thread (the document is serialised as it is written); an array from a worker.
   */
  pieces: Iterable<string>;
  /** Set when the input gave an error record instead of a document. */
  failure?: ItemNotice;
  /** Messages of the document that say the input is not a dump (printed as warnings). */
  warnings: ItemNotice[];
}

/**
 * Messages saying the input is not a comment-thread dump at all. By default they are warnings (on the
 * document and on standard error); with `--strict` the input fails with that message as its error.
 */
export const NOT_A_DUMP_RULES: readonly string[] = ['input/empty', 'input/binary', 'input/invalid-json', 'thread/not-found'];
/** Of those, the ones also printed on standard error by default (`thread/not-found` stays on the document). */
const WARN_RULES = new Set(['input/empty', 'input/binary', 'input/invalid-json']);

/**
 * The `analyze` options for one input named `name`, the one place the CLI builds them (every output format):
 * the `--options` file's classifier options, with `--target` winning over its `targets`.
 */
export function analyzeOptionsFor(name: string, options: AnalyzeItemOptions): AnalyzeOptions {
  const targets = options.targets.length > 0 ? options.targets : options.classify?.targets;
  return { ...options.classify, name, targets, maxInputBytes: options.maxInputBytes };
}

/**
 * Testing hook, never set in normal use: an input whose name contains `THREADLENS_TEST_FAIL` throws an
 * internal error, and one whose name contains `THREADLENS_TEST_EXIT` ends the worker thread running it, so
 * tests can check that a failing input costs only its own record.
 */
export function injectedFailure(name: string): void {
  const fail = process.env.THREADLENS_TEST_FAIL;
  if (fail && name.includes(fail)) throw new Error(`injected failure (THREADLENS_TEST_FAIL=${fail})`);
  const exit = process.env.THREADLENS_TEST_EXIT;
  if (exit && name.includes(exit) && !isMainThread) process.exit(70);
}

/** The error record of an input: `{"source", "error": {"ruleId", "reason"}}`. */
export function errorRecord(source: string, error: ItemError): { source: string; error: ItemError } {
  return { source, error: { ruleId: error.ruleId, reason: error.reason } };
}

/** The output pieces of an error record in `format`. */
export function errorPieces(source: string, error: ItemError, format: AnalyzeFormat): string[] {
  if (format === 'text') return [`${source}: not analysed (${error.ruleId}): ${error.reason}\n`];
  if (format === 'html') return [];
  return format === 'json' ? jsonPieces(errorRecord(source, error), 2) : [`${JSON.stringify(errorRecord(source, error))}\n`];
}

/** One line of reason from anything thrown. */
function reasonOf(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return text.replace(/^threadlens: /, '').replace(/\s+/g, ' ').trim() || 'unknown error';
}

/**
 * Analyses one input into its output pieces. Never throws: an input over the size limit, one that cannot
 * be read, and any internal error while analysing it become that input's error record, so one input never
 * costs another its output. `materialise`: serialise now, into an array (a worker thread posts it back).
 */
export function analyzeItem(item: AnalyzeItem, options: AnalyzeItemOptions, materialise = false): ItemResult {
  const early = unreadable(item, options);
  if (early) return early;
  let doc: ThreadDocument;
  try {
    injectedFailure(item.name);
    doc = analyze(item.bytes, analyzeOptionsFor(item.name, options));
  } catch (err) {
    return analyzeFailure(item, options, err);
  }
  return render(item, options, doc, materialise);
}

/**
 * `analyzeItem` on the main thread with the posts' own steps labelled by `label` (batches of posts on the worker
 * threads: `analyzeAsync`): the same output. Never rejects.
 */
export async function analyzeItemInBatches(item: AnalyzeItem, options: AnalyzeItemOptions, label: BatchLabeler, batchSize?: number): Promise<ItemResult> {
  const early = unreadable(item, options);
  if (early) return early;
  let doc: ThreadDocument;
  try {
    injectedFailure(item.name);
    doc = await analyzeAsync(item.bytes, analyzeOptionsFor(item.name, options), label, batchSize ? { size: batchSize } : {});
  } catch (err) {
    return analyzeFailure(item, options, err);
  }
  return render(item, options, doc, false);
}

function failed(item: AnalyzeItem, options: AnalyzeItemOptions, error: ItemError, stack?: string): ItemResult {
  return {
    pieces: errorPieces(item.name, error, options.format ?? 'ndjson'),
    failure: { source: item.name, ruleId: error.ruleId, reason: error.reason, ...(stack ? { stack } : {}) },
    warnings: [],
  };
}

/** The error record of an input that could not be read or is over the size limit; null when it can be analysed. */
function unreadable(item: AnalyzeItem, options: AnalyzeItemOptions): ItemResult | null {
  if (item.error) return failed(item, options, item.error);
  if (item.oversize !== undefined) {
    return failed(item, options, { ruleId: 'input/too-large', reason: `input is ${item.oversize} bytes, over maxInputBytes (${options.maxInputBytes}); raise --max-input-bytes to accept it` });
  }
  return null;
}

/** The error record of an input whose analysis threw. */
function analyzeFailure(item: AnalyzeItem, options: AnalyzeItemOptions, err: unknown): ItemResult {
  if (err instanceof ThreadlensInputError) {
    const reason = reasonOf(err).replace(/raise the option to accept it/, 'raise --max-input-bytes to accept it');
    return failed(item, options, { ruleId: err.ruleId, reason: reason.replace(/^ThreadlensInputError: /, '') });
  }
  return failed(item, options, { ruleId: 'internal/analyze-failed', reason: reasonOf(err) }, err instanceof Error ? err.stack : undefined);
}

/** A document's output pieces in the item's format (or its error record, under `--strict` or when rendering fails). */
function render(item: AnalyzeItem, options: AnalyzeItemOptions, doc: ThreadDocument, materialise: boolean): ItemResult {
  const format = options.format ?? 'ndjson';
  const notDump = doc.messages.filter((m) => NOT_A_DUMP_RULES.includes(m.ruleId));
  if (options.strict && notDump.length > 0) return failed(item, options, { ruleId: notDump[0]!.ruleId, reason: `${notDump[0]!.reason} (--strict)` });
  const warnings = notDump.filter((m) => WARN_RULES.has(m.ruleId)).map((m) => ({ source: item.name, ruleId: m.ruleId, reason: m.reason }));
  try {
    if (format === 'text') return { pieces: [formatText(doc)], warnings };
    if (format === 'html') return { pieces: [renderHtml(doc)], warnings };
    const pieces = documentPieces(doc, format);
    return { pieces: materialise ? [...pieces] : pieces, warnings };
  } catch (err) {
    return failed(item, options, { ruleId: 'internal/render-failed', reason: reasonOf(err) }, err instanceof Error ? err.stack : undefined);
  }
}

/** A document as JSON (`json`: pretty) or one NDJSON line, in pieces. */
function* documentPieces(doc: ThreadDocument, format: 'json' | 'ndjson'): Generator<string> {
  yield* jsonChunks(doc, format === 'json' ? 2 : 0);
  if (format === 'ndjson') yield '\n';
}
