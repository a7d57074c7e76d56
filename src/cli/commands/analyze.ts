import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze, formatText, renderHtml, type ThreadDocument } from '../../index.js';
import { analyzeNdjson } from '../jobs/analyze-stream.js';
import { analyzeOptionsFor } from '../jobs/analyze-item.js';
import { parseJobs, parseMaxInputBytes, readOptionsFile } from '../jobs/options.js';
import { CliError, type CliInput, listInputs } from '../read-inputs.js';

function readStdin(): Uint8Array {
  try {
    return readFileSync(0);
  } catch {
    return new Uint8Array();
  }
}

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY || total < 2) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
}

/** NDJSON on stdin: every non-blank line a JSON object (a structured dump, or `{ "text": ... }`). */
function splitNdjson(input: CliInput): CliInput[] | null {
  const text = new TextDecoder().decode(input.bytes);
  const lines = text.split('\n').filter((l) => l.trim().length > 0);
  if (lines.length < 2 || !lines.every((l) => l.trimStart().startsWith('{'))) return null;
  return lines.map((l, i) => {
    let value: unknown;
    try {
      value = JSON.parse(l);
    } catch {
      value = null;
    }
    const rec = value as { text?: unknown; id?: unknown } | null;
    const body = rec && typeof rec.text === 'string' && !('comments' in rec) ? rec.text : l;
    const name = rec && (typeof rec.id === 'string' || typeof rec.id === 'number') ? String(rec.id) : `${input.name}:${i + 1}`;
    return { name, bytes: new TextEncoder().encode(body) };
  });
}

/** `threadlens analyze <file|dir|->... [--format json|ndjson|text|html] [--target t]... [--options file.json] [--jobs N] [--max-input-bytes N]` */
export function runAnalyze(argv: string[]): Promise<void> | void {
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
    },
  });
  const jobs = parseJobs(values.jobs);
  const classify = readOptionsFile(values.options);
  const maxInputBytes = parseMaxInputBytes(values['max-input-bytes']);
  const format = values.format!;
  const targets = values.target ?? [];
  if (!['json', 'ndjson', 'text', 'html'].includes(format)) throw new CliError(`unknown --format ${JSON.stringify(format)} (use json, ndjson, text or html)`, 2);
  if (positionals.length === 0) throw new CliError('analyze needs a file, a folder or - (standard input); see threadlens --help', 2);
  if (format === 'ndjson') {
    // Streams: each document is written when done, inputs are read as their turn comes.
    return analyzeNdjson(positionals, { name: values.name, targets, maxInputBytes, jobs, classify });
  }
  let inputs = listInputs(positionals, readStdin);
  if (inputs.length === 1 && inputs[0]!.name === '-') {
    inputs = splitNdjson(inputs[0]!) ?? [{ name: values.name ?? '-', bytes: inputs[0]!.bytes }];
  }
  if (format === 'html' && inputs.length !== 1) throw new CliError(`--format html writes one page for one input; got ${inputs.length} inputs`, 2);
  const docs: ThreadDocument[] = [];
  const out = (s: string): void => {
    process.stdout.write(s);
  };
  inputs.forEach((input, i) => {
    const doc = analyze(input.bytes, analyzeOptionsFor(input.name, { targets, maxInputBytes, classify }));
    if (format === 'text') out(`${i > 0 ? '\n' : ''}${formatText(doc)}`);
    else docs.push(doc);
    progress(i + 1, inputs.length);
  });
  if (format === 'json') out(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
  if (format === 'html') out(renderHtml(docs[0]!));
}
