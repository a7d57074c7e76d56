import { VERSION } from '../index.js';

/** `threadlens --help`. */
export const HELP = `threadlens ${VERSION}: what each comment in a news thread does

Usage:
  threadlens analyze <file|dir|->... [--format json|ndjson|text|html] [--target "topic"]...
  threadlens classify [file|-] [--target "topic"]... [--jobs N]
                                   NDJSON {"id", "text", "target"?} in, one result line per record out
  threadlens schema [--input]      JSON Schema of the output (or, with --input, of the JSON input)
  threadlens --help | --version
  threadlens <command> --help      the options of one command

Exit codes:
  0  every input analysed
  1  the run could not start or stopped (a path that does not exist, an unreadable --options file...)
  2  usage error (unknown command or option, bad value)
  3  some inputs failed: each has its error record in the output and one line on standard error;
     every other input was written
`;

/** `threadlens analyze --help`. */
export const ANALYZE_HELP = `Usage: threadlens analyze <file|dir|->... [options]

Analyses article dumps: files, folders (their .txt, .text, .md and .json files, sorted, recursively) or
- (standard input; NDJSON on standard input is one dump per line).

Options:
  --format, -f   json (default: one object, or an array for several inputs), ndjson, text, html (one page)
  --target, -t   a stance target (repeatable); default: targets derived from the article
  --options      a JSON file with classifier options: steps, targets, sentimentLexicon, moderationTerms,
                 moderationSpans, paraphrases (as analyze() takes them), e.g. {"paraphrases": [["crossing", "trip"]]}
  --spans        which comments show moderation spans: learned (default, the rule chosen on held-out data) or
                 flagged (only a comment some moderation score flags); wins over the file's moderationSpans
  --name         name to report for standard input
  --jobs, -j     worker threads (default 1; 0: one per CPU); output is in input order and identical for every N.
                 Inputs go whole to the threads; a dump of 256 KiB or more is split: its posts are labelled on
                 the threads in batches and its corrections run on the main thread (-j 2 for one large dump)
  --max-input-bytes  largest input, in bytes (default 16777216); a larger one gets an input/too-large record
  --strict       an input that is not a dump (empty, binary, broken JSON, no comment section) fails (exit 3)
                 instead of giving a warning
  --debug        print the stack trace of internal errors
  --help, -h     this help

An input that fails gives {"source", "error": {"ruleId", "reason"}} in its place, one line on standard
error, and exit code 3; the other inputs are written as usual.
`;

/** `threadlens classify --help`. */
export const CLASSIFY_HELP = `Usage: threadlens classify [file|-] [options]

Classifies comments one by one: NDJSON {"id", "text", "target"?} per line in (a file or standard input),
one result line per record out, in input order. A line that is not a valid record gives an error line
{"id", "line", "error": {"ruleId", "reason"}} and the run goes on.

Options:
  --target, -t   a stance target for every record (repeatable), added to each record's own "target"
  --options      a JSON file with classifier options (as for analyze)
  --spans        which comments show moderation spans: learned (default) or flagged (as for analyze)
  --jobs, -j     worker threads (default 1; 0: one per CPU); output identical for every N
  --max-input-bytes  largest record text, in bytes (default 16777216)
  --debug        print the stack trace of internal errors
  --help, -h     this help
`;

/** `threadlens schema --help`. */
export const SCHEMA_HELP = `Usage: threadlens schema [--input]

Prints the JSON Schema (draft 2020-12) of analyze's output, or with --input of the JSON input format.

Options:
  --input        the schema of the JSON input instead of the output
  --help, -h     this help
`;
