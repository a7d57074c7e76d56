/** Runs a measured child process (scripts/bench/report-usage.mjs preloaded) and returns its wall time, CPU time and peak memory. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface ChildRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  stdout: string;
}

export function runChild(root: string, args: readonly string[]): ChildRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', join(root, 'scripts', 'bench', 'report-usage.mjs'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const usage = /@usage (\{.*\})/.exec(r.stderr);
  if (!usage) throw new Error(`${args.join(' ')}: no usage line`);
  const { cpuMs, maxRssMb } = JSON.parse(usage[1]!) as { cpuMs: number; maxRssMb: number };
  return { wallMs, cpuMs, maxRssMb, stdout: r.stdout };
}

/** The run with the median CPU time. */
export function medianRun(runs: readonly ChildRun[]): ChildRun {
  return [...runs].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor((runs.length - 1) / 2)]!;
}
