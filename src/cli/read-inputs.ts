import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One input the CLI will analyse. */
export interface CliInput {
  name: string;
  bytes: Uint8Array;
}

/** A one-line error for people; the CLI prints it and exits non-zero. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** File endings read as dumps when a folder is given. */
export const DUMP_EXTENSIONS = ['.txt', '.json', '.text', '.md'];

/** Expands files, folders (their dump files, sorted, recursively) and "-" (standard input). */
export function listInputs(paths: readonly string[], readStdin: () => Uint8Array): CliInput[] {
  const out: CliInput[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ name: '-', bytes: readStdin() });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      throw new CliError(`cannot read ${JSON.stringify(p)}: ${describeFsError(err)}`);
    }
    if (st.isDirectory()) {
      for (const f of dumpFilesIn(p)) out.push({ name: relative(process.cwd(), f) || f, bytes: readOne(f) });
    } else out.push({ name: p, bytes: readOne(p) });
  }
  return out;
}

/** The dump files of a folder, recursively, sorted; a folder without any is an error. */
export function dumpFilesIn(dir: string): string[] {
  const files = walk(dir).filter((f) => DUMP_EXTENSIONS.some((e) => f.toLowerCase().endsWith(e)));
  if (files.length === 0) throw new CliError(`no dump files (${DUMP_EXTENSIONS.join(', ')}) in folder ${JSON.stringify(dir)}`);
  return files;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function readOne(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new CliError(`cannot read ${JSON.stringify(path)}: ${describeFsError(err)}`);
  }
}

/** A few words for a file-system error ("no such file or directory"). */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: string })?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (err as Error)?.message ?? String(err);
}
