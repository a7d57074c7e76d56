import { parseArgs } from 'node:util';
import { ANALYZE_HELP } from '../help.js';
import type { AnalyzeFormat } from '../jobs/analyze-item.js';
import { analyzeRun, type RunSummary } from '../jobs/analyze-stream.js';
import { parseJobs, parseMaxInputBytes, readOptionsFile, withSpanMode } from '../jobs/options.js';
import { boundHeapGrowth } from '../heap.js';
import { CliError } from '../read-inputs.js';

const FORMATS: readonly AnalyzeFormat[] = ['json', 'ndjson', 'text', 'html'];

/**
 * `threadlens analyze <file|dir|->... [--format json|ndjson|text|html] [--target t]... [--options file.json] [--spans mode]
 * [--jobs N] [--max-input-bytes N] [--strict] [--debug]`. Returns how many inputs failed (exit code 3 when any).
 */
export async function runAnalyze(argv: string[]): Promise<RunSummary> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f', default: 'json' },
      target: { type: 'string', short: 't', multiple: true },
      name: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      'max-input-bytes': { type: 'string' },
      options: { type: 'string' },
      spans: { type: 'string' },
      strict: { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(ANALYZE_HELP);
    return { inputs: 0, failed: 0 };
  }
  boundHeapGrowth();
  const jobs = parseJobs(values.jobs);
  const classify = withSpanMode(readOptionsFile(values.options), values.spans);
  const maxInputBytes = parseMaxInputBytes(values['max-input-bytes']);
  const format = values.format as AnalyzeFormat;
  if (!FORMATS.includes(format)) throw new CliError(`unknown --format ${JSON.stringify(format)} (use json, ndjson, text or html)`, 2);
  if (positionals.length === 0) throw new CliError('analyze needs a file, a folder or - (standard input); see threadlens analyze --help', 2);
  return analyzeRun(positionals, { name: values.name, targets: values.target ?? [], maxInputBytes, jobs, classify, format, strict: values.strict, debug: values.debug });
}
