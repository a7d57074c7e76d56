import { analyzeItem, errorPieces, injectedFailure, type AnalyzeItem, type AnalyzeItemOptions, type ItemNotice, type ItemResult } from './analyze-item.js';
import { classifyLine, errorRecord as classifyErrorRecord, type ClassifyLineOptions } from './classify-line.js';
import type { LineItem } from './read-lines.js';
import { compile, labelPosts, type AnalyzeOptions, type Config, type PostBatch, type PostLabels } from '../../index.js';

/** A batch of work: the unit handed to a worker thread (or run in place with `--jobs 1`). */
export type Task =
  | { kind: 'classify'; lines: LineItem[]; options: ClassifyLineOptions }
  | { kind: 'analyze'; items: AnalyzeItem[]; options: AnalyzeItemOptions }
  /** A batch of one large dump's posts, labelled apart from the thread (`analyzeAsync`), with the dump's options. */
  | { kind: 'posts'; batch: PostBatch; options: AnalyzeOptions };

/** What a batch gave: one result per item, in order; for `posts`, the labels of each post. */
export interface TaskResult {
  items: ItemResult[];
  labels?: PostLabels[];
}

// The last options a `posts` task came with, compiled once: every batch of a dump carries the same options.
let compiled: { key: string; config: Config } | undefined;

function configOf(options: AnalyzeOptions): Config {
  const key = JSON.stringify(options);
  if (compiled?.key !== key) compiled = { key, config: compile(options) };
  return compiled.config;
}

/**
 * Runs one batch. Never throws: every item gives its output or its error record. The same code runs in
 * every worker, with `materialise` (output serialised before it is posted back).
 */
export function runTask(task: Task, materialise = false): TaskResult {
  if (task.kind === 'posts') {
    injectedFailure(task.options.name ?? '');
    return { items: [], labels: labelPosts(task.batch, configOf(task.options)) };
  }
  if (task.kind === 'classify') {
    return {
      items: task.lines.map((line) => {
        let failure: ItemNotice | undefined;
        const out = classifyLine(line, task.options, (reason, stack) => {
          failure = { source: `line ${line.line}`, ruleId: 'internal/classify-failed', reason, ...(stack ? { stack } : {}) };
        });
        return failure ? { ...classifyResult(out), failure } : classifyResult(out);
      }),
    };
  }
  return { items: task.items.map((item) => analyzeItem(item, task.options, materialise)) };
}

function classifyResult(line: string): ItemResult {
  return { pieces: [`${line}\n`], warnings: [] };
}

/**
 * The results of a batch whose worker thread died (out of memory, or ended) before answering: an error record
 * per item, so the inputs of that batch are reported rather than lost.
 */
export function failedTask(task: Task, err: Error): TaskResult {
  if (task.kind === 'posts') throw err;
  const reason = `the worker thread analysing it stopped (${err.message})`;
  if (task.kind === 'classify') {
    return { items: task.lines.map((l) => ({ ...classifyResult(classifyErrorRecord(null, l.line, 'internal/classify-failed', reason)), failure: { source: `line ${l.line}`, ruleId: 'internal/classify-failed', reason } })) };
  }
  const format = task.options.format ?? 'ndjson';
  return {
    items: task.items.map((item) => {
      const failure: ItemNotice = { source: item.name, ruleId: 'internal/analyze-failed', reason };
      return { pieces: errorPieces(item.name, failure, format), failure, warnings: [] };
    }),
  };
}

/** A batch as batches of one item each. */
export function splitTask(task: Task): Task[] {
  if (task.kind === 'posts') return [task];
  if (task.kind === 'classify') return task.lines.map((line) => ({ ...task, lines: [line] }));
  return task.items.map((item) => ({ ...task, items: [item] }));
}
