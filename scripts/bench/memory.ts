/** Peak memory of the built CLI on one large dump: a fresh process, its peak RSS reported by a preload hook. */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliMemory {
  /** Peak resident set size of the CLI process, MB. */
  rssMb: number;
  /** Bytes written to standard output. */
  outBytes: number;
  /** Wall time, seconds. */
  seconds: number;
  /** Exit code. */
  code: number | null;
}

/** Runs `node dist/cli.js analyze <dump> ...args` with output to a file; returns its peak RSS and output size. */
export function cliMemory(root: string, dump: string, args: readonly string[]): CliMemory {
  const dir = mkdtempSync(join(tmpdir(), 'threadlens-bench-'));
  try {
    const input = join(dir, 'dump.json');
    const output = join(dir, 'out');
    const hook = join(dir, 'rss-hook.cjs');
    writeFileSync(input, dump);
    writeFileSync(hook, "process.on('exit', () => require('node:fs').writeSync(2, `\\nRSS_KB=${process.resourceUsage().maxRSS}\\n`));");
    const fd = openSync(output, 'w');
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', hook, join(root, 'dist', 'cli.js'), 'analyze', input, ...args], { stdio: ['ignore', fd, 'pipe'], maxBuffer: 1 << 26 });
    const seconds = (performance.now() - t0) / 1000;
    closeSync(fd);
    const rssKb = Number(/RSS_KB=(\d+)/.exec(r.stderr.toString('utf8'))?.[1] ?? Number.NaN);
    return { rssMb: rssKb / 1024, outBytes: statSync(output).size, seconds, code: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
