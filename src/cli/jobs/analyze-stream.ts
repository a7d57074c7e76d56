import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { CliError, describeFsError, dumpFilesIn } from '../read-inputs.js';
import { analyzeItemInBatches, analyzeOptionsFor, type AnalyzeFormat, type AnalyzeItem, type AnalyzeItemOptions, type ItemNotice, type ItemResult } from './analyze-item.js';
import { concatBytes, readLines } from './read-lines.js';
import { inlineRunner, runOrdered, streamWriter, workerRunner, type TaskRunner } from './run-ordered.js';
import type { Task, TaskResult } from './run-task.js';
import { WORKER_URL } from './options.js';
import type { PostBatch, PostLabels } from '../../index.js';

const BATCH_ITEMS = 8;
const BATCH_BYTES = 1 << 20;
/**
 * With `--jobs N > 1`, an input of at least this many bytes (about 800 forum posts) is analysed on the main thread
 * with its posts' own steps handed out to the worker threads in batches (`analyzeAsync`), rather than whole to one
 * worker: one large dump uses every thread. Smaller inputs go whole, several to a task.
 */
const SPLIT_BYTES = 256 * 1024;

/**
 * Testing hook, never set in normal use: `THREADLENS_TEST_BATCH=n` splits every input (with `--jobs` > 1) into
 * batches of n posts, so the tests can compare small fixtures split across workers with `--jobs 1`.
 */
function splitPlan(): { minBytes: number; size?: number } {
  const n = Number(process.env.THREADLENS_TEST_BATCH);
  return Number.isInteger(n) && n > 0 ? { minBytes: 0, size: n } : { minBytes: SPLIT_BYTES };
}

/** Options of `analyze`. */
export interface AnalyzeStreamOptions extends AnalyzeItemOptions {
  /** Name reported for standard input read as one dump. */
  name: string | undefined;
  /** Worker threads; 1 runs on the main thread. */
  jobs: number;
  /** `--debug`: print the stack of internal errors. */
  debug?: boolean;
}

/** What a run did: how many inputs gave an error record instead of a document. */
export interface RunSummary {
  inputs: number;
  failed: number;
}

/** An input to read when its turn comes: a file (with the name to report) or standard input. */
type Source = { kind: 'file'; path: string; name: string } | { kind: 'stdin' };

/**
 * Every input the paths name, checked before any output: a path that does not exist, or a folder without
 * dump files, is an error of the whole run (exit 1). Files are read later, one at a time.
 */
export function listSources(paths: readonly string[]): Source[] {
  const out: Source[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ kind: 'stdin' });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      throw new CliError(`cannot read ${JSON.stringify(p)}: ${describeFsError(err)}`);
    }
    if (!isDir) out.push({ kind: 'file', path: p, name: p });
    else for (const f of dumpFilesIn(p)) out.push({ kind: 'file', path: f, name: relative(process.cwd(), f) || f });
  }
  return out;
}

/** One file, read only when its turn comes; a file over the limit is not read at all; one that cannot be read is that input's error. */
function fileItem(path: string, name: string, maxInputBytes: number): AnalyzeItem {
  try {
    const size = statSync(path).size;
    if (size > maxInputBytes) return { name, bytes: new Uint8Array(0), oversize: size };
    return { name, bytes: readFileSync(path) };
  } catch (err) {
    return { name, bytes: new Uint8Array(0), error: { ruleId: 'input/unreadable', reason: `cannot read ${JSON.stringify(path)}: ${describeFsError(err)}` } };
  }
}

async function* replay(head: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/**
 * The record of one stdin NDJSON line: its `text` when it is a `{ "text" }` record, else the line (a JSON
 * dump); a line that is not JSON is that record's error.
 */
function recordItem(line: string, index: number): AnalyzeItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const reason = `line ${index} of the NDJSON input is not valid JSON (${(err as Error).message})`;
    return { name: `-:${index}`, bytes: new Uint8Array(0), error: { ruleId: 'input/bad-record', reason } };
  }
  const rec = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const text = rec && Object.hasOwn(rec, 'text') ? rec.text : undefined;
  const id = rec && Object.hasOwn(rec, 'id') ? rec.id : undefined;
  const body = typeof text === 'string' && !Object.hasOwn(rec!, 'comments') ? text : line;
  const name = typeof id === 'string' || typeof id === 'number' ? String(id) : `-:${index}`;
  return { name, bytes: new TextEncoder().encode(body) };
}

/**
 * Standard input: NDJSON (its first two non-blank lines are JSON objects) is streamed record by record;
 * anything else is one dump, read whole (up to `maxInputBytes`). Only the head of the stream is held
 * while deciding.
 */
async function* stdinItems(options: AnalyzeStreamOptions): AsyncGenerator<AnalyzeItem> {
  const it = process.stdin[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ndjson: boolean | null = null;
  let eof = false;
  while (ndjson === null) {
    const r = await it.next();
    if (r.done) eof = true;
    else {
      head.push(r.value);
      headBytes += r.value.byteLength;
      // Look again only when a line has ended: a huge first line is not re-decoded chunk after chunk.
      if (!r.value.includes(0x0a)) {
        if (headBytes > options.maxInputBytes) ndjson = false;
        continue;
      }
    }
    const text = new TextDecoder().decode(concatBytes(head, headBytes));
    const lines = text.split('\n');
    if (!eof) lines.pop(); // the last line may be incomplete
    const filled = lines.filter((l) => l.trim().length > 0);
    if (filled.length > 0 && !filled[0]!.trimStart().startsWith('{')) ndjson = false;
    else if (filled.length >= 2) ndjson = filled[0]!.trimStart().startsWith('{') && filled[1]!.trimStart().startsWith('{') && (!eof || filled.every((l) => l.trimStart().startsWith('{')));
    else if (eof || headBytes > options.maxInputBytes) ndjson = false;
  }
  if (ndjson) {
    let index = 0;
    for await (const batch of readLines(replay(head, it), options.maxInputBytes * 2 + 4096)) {
      for (const line of batch) {
        index++;
        if (line.text === null) yield { name: `-:${index}`, bytes: new Uint8Array(0), oversize: line.bytes };
        else yield recordItem(line.text, index);
      }
    }
    return;
  }
  // One dump: keep at most maxInputBytes + 1 bytes; past that, only count.
  let total = headBytes;
  for (let r = eof ? null : await it.next(); r && !r.done; r = await it.next()) {
    total += r.value.byteLength;
    if (total <= options.maxInputBytes + 1) head.push(r.value);
  }
  const name = options.name ?? '-';
  yield total > options.maxInputBytes ? { name, bytes: new Uint8Array(0), oversize: total } : { name, bytes: concatBytes(head, total) };
}

async function* allItems(sources: readonly Source[], options: AnalyzeStreamOptions): AsyncGenerator<AnalyzeItem> {
  if (sources.length === 1 && sources[0]!.kind === 'stdin') return yield* stdinItems(options);
  for (const s of sources) {
    if (s.kind === 'stdin') {
      const chunks: Uint8Array[] = [];
      for await (const c of process.stdin) chunks.push(c as Uint8Array);
      const total = chunks.reduce((n, c) => n + c.byteLength, 0);
      const name = options.name ?? '-';
      yield total > options.maxInputBytes ? { name, bytes: new Uint8Array(0), oversize: total } : { name, bytes: concatBytes(chunks, total) };
    } else yield fileItem(s.path, s.name, options.maxInputBytes);
  }
}

/** Groups inputs into tasks of at most `maxItems` inputs or about `BATCH_BYTES` bytes; an input of `alone` bytes or more is a task of its own. */
async function* batchItems(items: AsyncIterable<AnalyzeItem>, options: AnalyzeItemOptions, maxItems: number, alone = Infinity): AsyncGenerator<Task> {
  let batch: AnalyzeItem[] = [];
  let bytes = 0;
  for await (const item of items) {
    if (item.bytes.byteLength >= alone && !item.error && item.oversize === undefined) {
      if (batch.length > 0) yield { kind: 'analyze', items: batch, options };
      yield { kind: 'analyze', items: [item], options };
      batch = [];
      bytes = 0;
      continue;
    }
    batch.push(item);
    bytes += item.bytes.byteLength;
    if (batch.length >= maxItems || bytes >= BATCH_BYTES) {
      yield { kind: 'analyze', items: batch, options };
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield { kind: 'analyze', items: batch, options };
}

/**
 * The worker pool, with a large input (a task of one input of `minBytes` or more) analysed on the main thread and
 * its posts labelled by the pool in batches: the main thread runs what reads the thread (corrections, the
 * summary) as the batches come back, in dump order.
 */
function splittingRunner(pool: TaskRunner, split: { minBytes: number; size?: number }): TaskRunner {
  // One large input at a time on the main thread: each holds its whole document until it is written.
  let previous: Promise<unknown> = Promise.resolve();
  return {
    run: async (task) => {
      const item = task.kind === 'analyze' && task.items.length === 1 ? task.items[0]! : undefined;
      if (task.kind !== 'analyze' || !item || item.bytes.byteLength < split.minBytes || item.error || item.oversize !== undefined) return pool.run(task);
      const options = analyzeOptionsFor(item.name, task.options);
      const label = async (batch: PostBatch): Promise<PostLabels[]> => (await pool.run({ kind: 'posts', batch, options })).labels ?? [];
      const turn = previous.then(() => analyzeItemInBatches(item, task.options, label, split.size));
      previous = turn;
      return { items: [await turn] };
    },
    close: () => pool.close(),
  };
}

/** One line on standard error for an input that failed or is not a dump; its stack too with `--debug`. */
export function reportNotice(notice: ItemNotice, kind: 'error' | 'warning', debug: boolean): void {
  const line = `threadlens: ${kind === 'warning' ? 'warning: ' : ''}${notice.source}: ${notice.reason} (${notice.ruleId})\n`;
  process.stderr.write(debug && notice.stack ? `${line}${notice.stack}\n` : line);
}

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY || total < 2) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
}

/**
 * Writes the results in `format`: NDJSON lines as they come; `json` one document, or an array when there is
 * more than one input (the first is held until the second shows which), in the bytes of
 * `JSON.stringify(x, null, 2)` but written piece by piece; `text` summaries one after the other; `html` one
 * page for exactly one input.
 */
function formatWriter(format: AnalyzeFormat, write: (s: string) => Promise<void>) {
  let count = 0;
  let held: ItemResult | null = null;
  const writePieces = async (pieces: Iterable<string>, indent: boolean): Promise<void> => {
    for (const p of pieces) await write(indent ? p.replaceAll('\n', '\n  ') : p);
  };
  return {
    async item(r: ItemResult): Promise<void> {
      count++;
      if (format === 'ndjson') return writePieces(r.pieces, false);
      if (format === 'text') {
        if (count > 1) await write('\n');
        return writePieces(r.pieces, false);
      }
      if (format === 'html') {
        if (count > 1) throw new CliError('--format html writes one page for one input; got several inputs', 2);
        held = r;
        return;
      }
      if (count === 1) {
        held = r;
        return;
      }
      if (held) {
        await write('[\n  ');
        await writePieces(held.pieces, true);
        held = null;
      }
      await write(',\n  ');
      await writePieces(r.pieces, true);
    },
    async end(): Promise<void> {
      if (format === 'html' && held) await writePieces(held.pieces, false);
      if (format !== 'json') return;
      if (count === 1 && held) {
        await writePieces(held.pieces, false);
        await write('\n');
      } else if (count > 1) await write('\n]\n');
      else await write('[]\n');
    },
  };
}

/**
 * `analyze`: one result per input, in input order, written as soon as it (and every input before it) is
 * done; with `jobs > 1` inputs are analysed on worker threads, output unchanged. An input that fails gives
 * its error record in its place and one line on standard error; the run goes on.
 */
export async function analyzeRun(paths: readonly string[], options: AnalyzeStreamOptions): Promise<RunSummary> {
  const sources = listSources(paths);
  const format = options.format ?? 'ndjson';
  if (format === 'html' && sources.length !== 1) {
    throw new CliError(`--format html writes one page for one input; got ${sources.length} inputs`, 2);
  }
  const itemOptions: AnalyzeItemOptions = { targets: options.targets, maxInputBytes: options.maxInputBytes, classify: options.classify, format, strict: options.strict };
  const split = splitPlan();
  const runner = options.jobs > 1 ? splittingRunner(workerRunner(options.jobs, WORKER_URL), split) : inlineRunner();
  const out = formatWriter(format, streamWriter(process.stdout));
  const total = sources.some((s) => s.kind === 'stdin') ? 0 : sources.length;
  const summary: RunSummary = { inputs: 0, failed: 0 };
  const write = async (result: TaskResult): Promise<void> => {
    for (const r of result.items) {
      summary.inputs++;
      if (r.failure) {
        summary.failed++;
        reportNotice(r.failure, 'error', options.debug ?? false);
      }
      for (const w of r.warnings) reportNotice(w, 'warning', false);
      await out.item(r);
      progress(summary.inputs, total);
    }
  };
  // Workers get batches (fewer messages); the main thread takes one input at a time, and each document is
  // serialised while it is written, then dropped.
  const inline = options.jobs <= 1;
  await runOrdered(batchItems(allItems(sources, options), itemOptions, inline ? 1 : BATCH_ITEMS, split.minBytes), runner, inline ? 1 : options.jobs * 2, write);
  await out.end();
  return summary;
}
