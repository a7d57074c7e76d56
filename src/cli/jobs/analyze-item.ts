import { analyze, ThreadlensInputError, type AnalyzeOptions } from '../../index.js';
import type { FileClassifyOptions } from './options.js';

/** One input of `analyze --format ndjson`: a file, standard input, or one NDJSON record of it. */
export interface AnalyzeItem {
  name: string;
  bytes: Uint8Array;
  /** Set instead of reading the bytes when the input is known to be over `maxInputBytes`: its size. */
  oversize?: number;
}

/** Options of `analyze --format ndjson`, as the CLI passes them to the main thread or a worker. */
export interface AnalyzeItemOptions {
  /** Stance targets from `--target`; empty: derived from each article. */
  targets: string[];
  /** Largest input, in UTF-8 bytes. */
  maxInputBytes: number;
  /** Classifier options from `--options <file.json>` (`--target` wins over its `targets`). */
  classify?: FileClassifyOptions;
}

/**
 * The `analyze` options for one input named `name`, the one place the CLI builds them (every output format):
 * the `--options` file's classifier options, with `--target` winning over its `targets`.
 */
export function analyzeOptionsFor(name: string, options: AnalyzeItemOptions): AnalyzeOptions {
  const targets = options.targets.length > 0 ? options.targets : options.classify?.targets;
  return { ...options.classify, name, targets, maxInputBytes: options.maxInputBytes };
}

/**
 * Analyses one input into one JSON line (no trailing newline). Input over `maxInputBytes` gives an
 * error record `{"name", "error": {"ruleId", "reason"}}` so a run over many inputs goes on.
 */
export function analyzeItem(item: AnalyzeItem, options: AnalyzeItemOptions): string {
  if (item.oversize !== undefined) {
    const reason = `input is ${item.oversize} bytes, over maxInputBytes (${options.maxInputBytes}); raise --max-input-bytes to accept it`;
    return JSON.stringify({ name: item.name, error: { ruleId: 'input/too-large', reason } });
  }
  try {
    const doc = analyze(item.bytes, analyzeOptionsFor(item.name, options));
    return JSON.stringify(doc);
  } catch (err) {
    if (err instanceof ThreadlensInputError) return JSON.stringify({ name: item.name, error: { ruleId: err.ruleId, reason: err.message.replace(/^threadlens: /, '') } });
    throw err;
  }
}
