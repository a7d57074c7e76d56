import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_INPUT_BYTES } from '../../index.js';
import { CliError } from '../read-inputs.js';

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
