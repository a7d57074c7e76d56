import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ClassifyLineOptions } from '../jobs/classify-line.js';
import { parseJobs, parseMaxInputBytes, readOptionsFile, withSpanMode, WORKER_URL } from '../jobs/options.js';
import { readLines, type LineItem } from '../jobs/read-lines.js';
import { inlineRunner, runOrdered, streamWriter, workerRunner } from '../jobs/run-ordered.js';
import type { Task } from '../jobs/run-task.js';
import { CliError } from '../read-inputs.js';
import { CLASSIFY_HELP } from '../help.js';
import { reportNotice, type RunSummary } from '../jobs/analyze-stream.js';
import { limitInlining, WARM_UP_BYTES } from '../jit.js';

/** Lines per batch handed to a worker: large enough to hide the messaging cost, small enough to keep order cheap. */
const BATCH_LINES = 256;
const BATCH_BYTES = 256 * 1024;

/** Groups lines into tasks of at most `BATCH_LINES` lines or about `BATCH_BYTES` bytes. */
async function* batchLines(batches: AsyncIterable<LineItem[]>, options: ClassifyLineOptions): AsyncGenerator<Task> {
  let lines: LineItem[] = [];
  let bytes = 0;
  for await (const batch of batches) {
    for (const line of batch) {
      lines.push(line);
      bytes += line.text === null ? 0 : line.bytes;
      if (lines.length >= BATCH_LINES || bytes >= BATCH_BYTES) {
        yield { kind: 'classify', lines, options };
        lines = [];
        bytes = 0;
      }
    }
  }
  if (lines.length > 0) yield { kind: 'classify', lines, options };
}

/** The size of the file at `path`, or Infinity when it cannot be read (openInput reports why). */
function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return Infinity;
  }
}

function openInput(path: string): AsyncIterable<Uint8Array> {
  if (path === '-') return process.stdin;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  return (async function* () {
    try {
      yield* stream;
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw new CliError(`cannot read ${JSON.stringify(path)}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}`);
    }
  })();
}

/**
 * `threadlens classify [file|-] [--target t]... [--options file.json] [--jobs N] [--max-input-bytes N]`: one NDJSON record
 * `{"id", "text", "target"?}` per line in, one result line per record out, in order. Blank lines are
 * skipped; every other line gives exactly one output line (a result or an error record). Returns how many
 * records failed inside the classifiers (exit code 3 when any).
 */
export async function runClassify(argv: string[]): Promise<RunSummary> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      target: { type: 'string', short: 't', multiple: true },
      jobs: { type: 'string', short: 'j' },
      'max-input-bytes': { type: 'string' },
      options: { type: 'string' },
      spans: { type: 'string' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(CLASSIFY_HELP);
    return { inputs: 0, failed: 0 };
  }
  const classify = withSpanMode(readOptionsFile(values.options), values.spans);
  if (positionals.length > 1) throw new CliError('classify reads one file or - (standard input); concatenate inputs first', 2);
  const jobs = parseJobs(values.jobs);
  const maxInputBytes = parseMaxInputBytes(values['max-input-bytes']);
  const targets = [...(values.target ?? []), ...(classify.targets ?? [])].map((t) => t.trim()).filter((t) => t.length > 0);
  const options: ClassifyLineOptions = { targets, maxInputBytes, classify };
  // A line holds JSON-escaped text: allow for escapes (\uXXXX is 6 bytes for 3) before calling it too long.
  const path = positionals[0] ?? '-';
  // A file small enough that the run is mostly warm-up is classified with inlining off (jit.ts); standard input,
  // whose length is not known, and larger files keep V8's default.
  if (path !== '-' && fileBytes(path) < WARM_UP_BYTES) limitInlining();
  const lines = readLines(openInput(path), maxInputBytes * 2 + 4096);
  const runner = jobs > 1 ? workerRunner(jobs, WORKER_URL) : inlineRunner();
  const write = streamWriter(process.stdout);
  const summary: RunSummary = { inputs: 0, failed: 0 };
  await runOrdered(batchLines(lines, options), runner, jobs * 4, async (result) => {
    for (const r of result.items) {
      summary.inputs++;
      if (r.failure) {
        summary.failed++;
        reportNotice(r.failure, 'error', values.debug);
      }
    }
    await write(result.items.map((r) => [...r.pieces].join('')).join(''));
  });
  return summary;
}
