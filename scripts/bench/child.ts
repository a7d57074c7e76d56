/** Runs a measured child process (scripts/bench/report-usage.mjs preloaded) and returns its wall time, CPU time and peak memory. */
import { closeSync, openSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface ChildRun {
  wallMs: number;
  /** CPU time of the whole process (every thread). */
  cpuMs: number;
  /** CPU time of its main thread (null where /proc is not there). */
  mainCpuMs: number | null;
  maxRssMb: number;
  stdout: string;
}

/** `stdoutTo`: a file to write the child's standard output to (not held in memory); then `stdout` is empty. */
export function runChild(root: string, args: readonly string[], stdoutTo?: string): ChildRun {
  const fd = stdoutTo === undefined ? undefined : openSync(stdoutTo, 'w');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', join(root, 'scripts', 'bench', 'report-usage.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...(fd === undefined ? {} : { stdio: ['ignore', fd, 'pipe'] }),
  });
  const wallMs = performance.now() - t0;
  if (fd !== undefined) closeSync(fd);
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const usage = /@usage (\{.*\})/.exec(r.stderr);
  if (!usage) throw new Error(`${args.join(' ')}: no usage line`);
  const { cpuMs, mainCpuMs, maxRssMb } = JSON.parse(usage[1]!) as { cpuMs: number; mainCpuMs: number | null; maxRssMb: number };
  return { wallMs, cpuMs, mainCpuMs, maxRssMb, stdout: r.stdout ?? '' };
}

/** The run with the median CPU time. */
export function medianRun(runs: readonly ChildRun[]): ChildRun {
  return [...runs].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor((runs.length - 1) / 2)]!;
}
