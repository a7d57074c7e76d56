// Preloaded into the benchmark's child processes (`node --import`): on exit, writes the process's CPU time (all its
// threads), the main thread's CPU time (Linux: /proc/self/task/<pid>/stat; null elsewhere) and peak memory to
// stderr as one JSON line, so a run of the real `threadlens` bin can be measured from outside.
import { readFileSync, writeSync } from 'node:fs';

/** CPU ms of the main thread (its thread id is the process id), from its utime and stime in clock ticks (100 Hz). */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  writeSync(2, `\n@usage ${JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, mainCpuMs: mainThreadCpuMs(), maxRssMb: maxRSS / 1024 })}\n`);
});
