import { classifyRecord, compile, type Config } from '../../index.js';
import { utf8Length } from '../../text/utf8.js';
import type { LineItem } from './read-lines.js';
import type { FileClassifyOptions } from './options.js';

/** Options of one `threadlens classify` line, as the CLI passes them to the main thread or a worker. */
export interface ClassifyLineOptions {
  /** Stance targets from `--target`, added to each record's own `target`. */
  targets: string[];
  /** Largest record text, in UTF-8 bytes. */
  maxInputBytes: number;
  /** Classifier options from `--options <file.json>`; its `targets` are added like `--target`. */
  classify?: FileClassifyOptions;
}

// One compiled config per options object (per run, or per batch in a worker): options are checked and lexicons built once.
const configs = new WeakMap<ClassifyLineOptions, Config>();
function configOf(options: ClassifyLineOptions): Config {
  let config = configs.get(options);
  if (!config) configs.set(options, (config = compile({ ...options.classify, targets: options.targets })));
  return config;
}

/** The error record written in place of a record that could not be classified. */
export function errorRecord(id: unknown, line: number, ruleId: string, reason: string): string {
  return JSON.stringify({ id: id ?? null, line, error: { ruleId, reason } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTarget(value: unknown): value is string | string[] | undefined {
  return value === undefined || typeof value === 'string' || (Array.isArray(value) && value.every((t) => typeof t === 'string'));
}

/**
 * Classifies one NDJSON line `{"id", "text", "target"?}` into one JSON line (no trailing newline):
 * the `classifyRecord` result, or an error record `{"id", "line", "error": {"ruleId", "reason"}}`.
 * Never throws, so one bad record never stops a run and the count of lines out equals the count in;
 * `onInternalError` hears of records that failed inside the classifiers (the run then exits 3).
 */
export function classifyLine(item: LineItem, options: ClassifyLineOptions, onInternalError?: (reason: string, stack?: string) => void): string {
  if (item.text === null) {
    return errorRecord(null, item.line, 'input/too-large', `the line is ${item.bytes} bytes, over the limit (${options.maxInputBytes} bytes of text); it was skipped`);
  }
  let value: unknown;
  try {
    value = JSON.parse(item.text);
  } catch (err) {
    return errorRecord(null, item.line, 'input/bad-record', `not valid JSON (${(err as Error).message})`);
  }
  if (!isRecord(value)) return errorRecord(null, item.line, 'input/bad-record', 'a record must be a JSON object {"id", "text", "target"?}');
  // `Object.hasOwn`, not `value.id`: a record is data, its keys never reach a prototype.
  const id = Object.hasOwn(value, 'id') ? value.id : null;
  const text = Object.hasOwn(value, 'text') ? value.text : undefined;
  const target = Object.hasOwn(value, 'target') && value.target !== null ? value.target : undefined;
  if (typeof text !== 'string') return errorRecord(id, item.line, 'input/bad-record', 'the record has no "text" string');
  if (!isTarget(target)) return errorRecord(id, item.line, 'input/bad-record', '"target" must be a string or an array of strings');
  const size = utf8Length(text);
  if (size > options.maxInputBytes) {
    return errorRecord(id, item.line, 'input/too-large', `the text is ${size} bytes, over the limit (${options.maxInputBytes}); raise --max-input-bytes to accept it`);
  }
  let result: Record<string, unknown>;
  try {
    result = { ...classifyRecord({ id, text, target }, configOf(options)), id };
  } catch (err) {
    const reason = String((err as Error)?.message ?? err).replace(/\s+/g, ' ');
    onInternalError?.(reason, (err as Error)?.stack);
    return errorRecord(id, item.line, 'internal/classify-failed', reason);
  }
  if (item.invalidUtf8) {
    result.messages = [{ ruleId: 'input/invalid-utf8', severity: 'warning', place: null, reason: 'The line is not valid UTF-8; invalid bytes were replaced with U+FFFD.' }];
  }
  return JSON.stringify(result);
}
