import { analyzeItem, type AnalyzeItem, type AnalyzeItemOptions } from './analyze-item.js';
import { classifyLine, type ClassifyLineOptions } from './classify-line.js';
import type { LineItem } from './read-lines.js';

/** A batch of work: the unit handed to a worker thread (or run in place with `--jobs 1`). */
export type Task =
  | { kind: 'classify'; lines: LineItem[]; options: ClassifyLineOptions }
  | { kind: 'analyze'; items: AnalyzeItem[]; options: AnalyzeItemOptions };

/** Runs one batch; returns its output lines, each ended by `\n`. The same code runs in every worker. */
export function runTask(task: Task): string {
  let out = '';
  if (task.kind === 'classify') for (const line of task.lines) out += `${classifyLine(line, task.options)}\n`;
  else for (const item of task.items) out += `${analyzeItem(item, task.options)}\n`;
  return out;
}
