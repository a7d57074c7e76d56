/** Timing helpers of the benchmark. CPU time (this thread) is used for throughput: it is steadier than wall time on a shared machine. */

/** CPU milliseconds (user + system) spent by `fn`. */
export function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Median of `runs` CPU-time measurements of `fn`. */
export function medianCpuMs(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(cpuMs(fn));
  return percentile(times, 50);
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Per-call wall-clock latencies (ms) of `fn` over `items`, `rounds` times, after `warmup` untimed rounds. */
export function latencies<T>(items: readonly T[], fn: (item: T) => unknown, rounds: number, warmup: number): number[] {
  for (let r = 0; r < warmup; r++) for (const it of items) fn(it);
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const it of items) {
      const t0 = performance.now();
      fn(it);
      out.push(performance.now() - t0);
    }
  }
  return out;
}

/** Runs `fn` over `items` until at least `minMs` CPU ms have passed; returns calls/ms and CPU ms per full pass. */
export function throughput<T>(items: readonly T[], fn: (item: T) => unknown, minMs: number): { passes: number; msPerPass: number } {
  for (const it of items) fn(it); // warm-up pass
  let passes = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < minMs || passes < 2) {
    for (const it of items) fn(it);
    passes++;
    const u = process.cpuUsage(start);
    elapsed = (u.user + u.system) / 1000;
  }
  return { passes, msPerPass: elapsed / passes };
}
