import { VERSION } from '../index.js';
import { runAnalyze } from './commands/analyze.js';
import { runClassify } from './commands/classify.js';
import { runSchema } from './commands/schema.js';
import { HELP } from './help.js';
import { CliError } from './read-inputs.js';

/** Exit codes of the CLI (documented in `threadlens --help` and docs/cli.md). */
export const EXIT = {
  /** Every input analysed. */
  ok: 0,
  /** The run could not start or stopped: a path that does not exist, an unreadable `--options` file. */
  fatal: 1,
  /** Usage error: unknown command or option, bad value. */
  usage: 2,
  /** Some inputs failed; each has its error record in the output, every other input was written. */
  someFailed: 3,
} as const;

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const debug = argv.includes('--debug');
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (command === 'analyze' || command === 'classify') {
      const summary = await (command === 'analyze' ? runAnalyze(rest) : runClassify(rest));
      return summary.failed > 0 ? EXIT.someFailed : EXIT.ok;
    }
    if (command === 'schema') {
      await runSchema(rest);
      return EXIT.ok;
    }
    throw new CliError(`unknown command ${JSON.stringify(command)}; see threadlens --help`, EXIT.usage);
  } catch (err) {
    const e = err as Error & { code?: string; exitCode?: number };
    // parseArgs errors (unknown option, missing value) and our own are one clear line.
    const usage = typeof e?.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS');
    const known = e instanceof CliError || usage || e?.name?.startsWith('Threadlens');
    const message = known ? e.message : `internal error: ${e?.message ?? String(err)}`;
    process.stderr.write(`threadlens: ${message.replace(/^threadlens: /, '').replace(/\s+/g, ' ')}${usage && command ? `; see threadlens ${command} --help` : ''}\n`);
    if (debug && !known && e?.stack) process.stderr.write(`${e.stack}\n`);
    return e instanceof CliError ? (e.exitCode ?? EXIT.fatal) : usage ? EXIT.usage : EXIT.fatal;
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
