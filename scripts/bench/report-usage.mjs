// Preloaded into the benchmark's child processes (`node --import`): on exit, writes the process's CPU time and
// peak memory to stderr as one JSON line, so a run of the real `threadlens` bin can be measured from outside.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  writeSync(2, `\n@usage ${JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, maxRssMb: maxRSS / 1024 })}\n`);
});
