import { setFlagsFromString } from 'node:v8';

/**
 * Turns off TurboFan's inlining for this process (every thread), unless the user gave an inlining flag of their own
 * (`--turbo-inlining` / `--no-turbo-inlining`, on the command line or in NODE_OPTIONS). `threadlens classify` calls
 * it: a run over short records is mostly warm-up, and over the bench's 1,500 ordinary comments the optimizing
 * compiler's threads took about as much CPU as the classifiers themselves, most of it compiling a few large
 * functions again and again (the span scorer and the sarcasm reader 4-5 times each as their type feedback grew),
 * each time with their callees inlined. Compiled without inlining, the run took 10-17% less CPU and the steady
 * per-comment speed stayed the same within the noise. `analyze` does not call it: on the 8 MB dump the main
 * thread's corrections walk ran slower without inlining (docs/performance.md, session 30). V8 reads the flag at
 * every optimizing compile, so it takes effect from the next one. The library sets no flag (a process's flags are
 * its owner's); nothing the CLI writes depends on it.
 */
export function limitInlining(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  if (/--(?:no[-_])?turbo[-_]inlining\b/.test(given)) return;
  setFlagsFromString('--no-turbo-inlining');
}
