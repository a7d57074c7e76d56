import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { CliError, describeFsError, dumpFilesIn } from '../read-inputs.js';
import type { AnalyzeItem, AnalyzeItemOptions } from './analyze-item.js';
import { concatBytes, readLines } from './read-lines.js';
import { inlineRunner, runOrdered, streamWriter, workerRunner } from './run-ordered.js';
import type { Task } from './run-task.js';
import { WORKER_URL } from './options.js';

const BATCH_ITEMS = 8;
const BATCH_BYTES = 1 << 20;

/** Options of `analyze --format ndjson`. */
export interface AnalyzeStreamOptions extends AnalyzeItemOptions {
  /** Name reported for standard input read as one dump. */
  name: string | undefined;
  /** Worker threads; 1 runs on the main thread. */
  jobs: number;
}

/** One file, read only when its turn comes; a file over the limit is not read at all. */
function fileItem(path: string, name: string, maxInputBytes: number): AnalyzeItem {
  try {
    const size = statSync(path).size;
    if (size > maxInputBytes) return { name, bytes: new Uint8Array(0), oversize: size };
    return { name, bytes: readFileSync(path) };
  } catch (err) {
    throw new CliError(`cannot read ${JSON.stringify(path)}: ${describeFsError(err)}`);
  }
}

/** The same file list as `listInputs` (folders: their dump files, sorted, recursively), read lazily. */
function* fileItems(path: string, maxInputBytes: number): Generator<AnalyzeItem> {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    throw new CliError(`cannot read ${JSON.stringify(path)}: ${describeFsError(err)}`);
  }
  if (!isDir) return yield fileItem(path, path, maxInputBytes);
  for (const f of dumpFilesIn(path)) yield fileItem(f, relative(process.cwd(), f) || f, maxInputBytes);
}

async function* replay(head: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/** The record of one stdin NDJSON line: its `text` when it is a `{ "text" }` record, else the line (a JSON dump). */
function recordItem(line: string, index: number): AnalyzeItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = null;
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

async function* allItems(paths: readonly string[], options: AnalyzeStreamOptions): AsyncGenerator<AnalyzeItem> {
  if (paths.length === 1 && paths[0] === '-') return yield* stdinItems(options);
  for (const p of paths) {
    if (p === '-') {
      const chunks: Uint8Array[] = [];
      for await (const c of process.stdin) chunks.push(c as Uint8Array);
      const total = chunks.reduce((n, c) => n + c.byteLength, 0);
      yield total > options.maxInputBytes ? { name: '-', bytes: new Uint8Array(0), oversize: total } : { name: '-', bytes: concatBytes(chunks, total) };
    } else yield* fileItems(p, options.maxInputBytes);
  }
}

async function* batchItems(items: AsyncIterable<AnalyzeItem>, options: AnalyzeItemOptions): AsyncGenerator<Task> {
  let batch: AnalyzeItem[] = [];
  let bytes = 0;
  for await (const item of items) {
    batch.push(item);
    bytes += item.bytes.byteLength;
    if (batch.length >= BATCH_ITEMS || bytes >= BATCH_BYTES) {
      yield { kind: 'analyze', items: batch, options };
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield { kind: 'analyze', items: batch, options };
}

/**
 * `analyze --format ndjson`: one document per input, written as soon as it (and every input before it)
 * is done; with `jobs > 1` inputs are analysed on worker threads, output still in input order.
 */
export async function analyzeNdjson(paths: readonly string[], options: AnalyzeStreamOptions): Promise<void> {
  const itemOptions: AnalyzeItemOptions = { targets: options.targets, maxInputBytes: options.maxInputBytes, classify: options.classify };
  const runner = options.jobs > 1 ? workerRunner(options.jobs, WORKER_URL) : inlineRunner();
  await runOrdered(batchItems(allItems(paths, options), itemOptions), runner, options.jobs * 2, streamWriter(process.stdout));
}
