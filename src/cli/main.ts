import { VERSION } from '../index.js';
import { runAnalyze } from './commands/analyze.js';
import { runClassify } from './commands/classify.js';
import { runSchema } from './commands/schema.js';
import { CliError } from './read-inputs.js';

const HELP = `threadlens ${VERSION}: what each comment in a news thread does

Usage:
  threadlens analyze <file|dir|->... [--format json|ndjson|text|html] [--target "topic"]...
  threadlens classify [file|-] [--target "topic"]... [--jobs N]
                                   NDJSON {"id", "text", "target"?} in, one result line per record out
  threadlens schema [--input]      JSON Schema of the output (or, with --input, of the JSON input)
  threadlens --help | --version

Options:
  --format, -f   json (default: one object, or an array for several inputs), ndjson, text, html (one page)
  --target, -t   a stance target (repeatable); default: targets derived from the article
  --options      a JSON file with classifier options: steps, targets, sentimentLexicon, moderationTerms,
                 paraphrases (as analyze() takes them), e.g. {"paraphrases": [["crossing", "trip"]]}
  --name         name to report for standard input
  --jobs, -j     worker threads for classify and analyze --format ndjson (default 1; 0: one per CPU);
                 output is in input order and identical for every N
  --max-input-bytes  largest input (analyze) or record text (classify), in bytes (default 16777216)
`;

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
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
    if (command === 'analyze') await runAnalyze(rest);
    else if (command === 'classify') await runClassify(rest);
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

// Output past a closed pipe (`threadlens classify big.ndjson | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
