import { VERSION } from '../version.js';
import { runAnalyze } from './commands/analyze.js';
import { runSchema } from './commands/schema.js';
import { CliError } from './read-inputs.js';

const HELP = `threadlens ${VERSION}: what each comment in a news thread does

Usage:
  threadlens analyze <file|dir|->... [--format json|ndjson|text|html] [--target "topic"]...
  threadlens schema [--input]      JSON Schema of the output (or, with --input, of the JSON input)
  threadlens --help | --version

Options:
  --format, -f   json (default: one object, or an array for several inputs), ndjson, text, html (one page)
  --target, -t   a stance target (repeatable); default: targets derived from the article
  --name         name to report for standard input
`;

/** Runs the CLI; returns the exit code. */
export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === 'analyze') runAnalyze(rest);
    else if (command === 'schema') runSchema(rest);
    else throw new CliError(`unknown command ${JSON.stringify(command)}; see threadlens --help`, 2);
    return 0;
  } catch (err) {
    const e = err as Error & { code?: string; exitCode?: number };
    // parseArgs errors (unknown option, missing value) and our own are one clear line.
    const message = e instanceof CliError || e.code?.startsWith('ERR_PARSE_ARGS') || e.name?.startsWith('Threadlens') ? e.message : `internal error: ${e.message}`;
    process.stderr.write(`threadlens: ${message.replace(/^threadlens: /, '')}\n`);
    return e instanceof CliError ? e.exitCode ?? 1 : e.code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
