import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { compile, DEFAULT_MAX_INPUT_BYTES, ThreadlensOptionError, type ClassifyOptions } from '../../index.js';
import { CliError, describeFsError } from '../read-inputs.js';

/** Parses `--jobs`: a positive integer, or 0 for one per CPU. Default: 1. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^\d{1,4}$/.test(value)) throw new CliError(`--jobs must be a whole number (0: one per CPU); received ${JSON.stringify(value)}`, 2);
  const n = Number(value);
  return n === 0 ? Math.max(1, availableParallelism()) : n;
}

/** Parses `--max-input-bytes`: a positive integer. Default: `DEFAULT_MAX_INPUT_BYTES` (16 MiB). */
export function parseMaxInputBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_INPUT_BYTES;
  if (!/^\d{1,15}$/.test(value) || Number(value) === 0) throw new CliError(`--max-input-bytes must be a positive whole number of bytes; received ${JSON.stringify(value)}`, 2);
  return Number(value);
}

/** The built worker entry, next to the built CLI (dist/worker.js). */
export const WORKER_URL = new URL('./worker.js', import.meta.url);

/** The classifier options `--options <file.json>` may set (the library's `ClassifyOptions`, as JSON). */
export interface FileClassifyOptions {
  steps?: ClassifyOptions['steps'];
  targets?: string[];
  sentimentLexicon?: ClassifyOptions['sentimentLexicon'];
  moderationTerms?: ClassifyOptions['moderationTerms'];
  moderationSpans?: ClassifyOptions['moderationSpans'];
  paraphrases?: string[][];
}

const FILE_OPTION_KEYS = ['steps', 'targets', 'sentimentLexicon', 'moderationTerms', 'moderationSpans', 'paraphrases'] as const;

/** The moderation span modes `--spans` takes (`moderationSpans` of `analyze`). */
const SPAN_MODES = ['learned', 'flagged'] as const;

/**
 * Applies `--spans <mode>` to the classifier options (it wins over the file's `moderationSpans`). A mode that is not
 * `learned` or `flagged` is a usage error (exit 2).
 */
export function withSpanMode(options: FileClassifyOptions, mode: string | undefined): FileClassifyOptions {
  if (mode === undefined) return options;
  if (!(SPAN_MODES as readonly string[]).includes(mode)) throw new CliError(`--spans must be ${SPAN_MODES.join(' or ')}; received ${JSON.stringify(mode)}`, 2);
  return { ...options, moderationSpans: mode as (typeof SPAN_MODES)[number] };
}

/**
 * Reads `--options <file.json>`: a JSON object with any of `steps`, `targets`, `sentimentLexicon`,
 * `moderationTerms`, `moderationSpans` and `paraphrases`, as `analyze` takes them. An unreadable file, bad JSON, an unknown key or a
 * value the library rejects is a usage error (exit 2), found before any input is read.
 */
export function readOptionsFile(path: string | undefined): FileClassifyOptions {
  if (path === undefined) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`--options: cannot read ${JSON.stringify(path)}: ${describeFsError(err)}`, 2);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new CliError(`--options: ${JSON.stringify(path)} is not JSON: ${(err as Error).message}`, 2);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CliError(`--options: ${JSON.stringify(path)} must hold a JSON object`, 2);
  const unknown = Object.keys(value).filter((k) => !(FILE_OPTION_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new CliError(`--options: unknown key ${JSON.stringify(unknown[0])} (known: ${FILE_OPTION_KEYS.join(', ')})`, 2);
  const options = value as FileClassifyOptions;
  // Let the library check every value now, so a bad option fails before the run starts.
  try {
    compile(options);
  } catch (err) {
    // Any value the library cannot work with is a usage error, whatever it throws.
    const message = err instanceof ThreadlensOptionError ? err.message : `a value is not usable (${(err as Error)?.message ?? String(err)})`;
    throw new CliError(`--options: ${message.replace(/^threadlens: /, '')}`, 2);
  }
  return options;
}
