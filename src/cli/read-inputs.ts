import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A one-line error for people; the CLI prints it and exits non-zero. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** File endings read as dumps when a folder is given. */
export const DUMP_EXTENSIONS = ['.txt', '.json', '.text', '.md'];

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

/** A few words for a file-system error ("no such file or directory"). */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: string })?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (err as Error)?.message ?? String(err);
}
