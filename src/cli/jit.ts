import { setFlagsFromString } from 'node:v8';

/**
 * The input size below which `threadlens classify` turns TurboFan's inlining off: 1 MiB, about 4,000 ordinary
 * comments. A run that short is mostly warm-up, and compiling without inlining shortens the warm-up more than it
 * slows the records after it; at about 6,000 comments the two even out, and on 15,000 (4 MB) the run took about 7%
 * more CPU without inlining than with it (docs/performance.md, session 30).
 */
export const WARM_UP_BYTES = 1024 * 1024;

/**
 * Turns off TurboFan's inlining for this process (every thread), unless the user gave an inlining flag of their own
 * (`--turbo-inlining` / `--no-turbo-inlining`, on the command line or in NODE_OPTIONS). Over the bench's 1,500
 * ordinary comments the optimizing compiler's threads took about as much CPU as the classifiers themselves, most of
 * it compiling a few large functions again and again (the span scorer and the sarcasm reader 4-5 times each as
 * their type feedback grew), each time with their callees inlined; without inlining the run took 10-17% less CPU.
 * The optimized code is slower per record without inlining (about 7% on a long run), so only a short run gains:
 * `classify` calls this for a file under {@link WARM_UP_BYTES}, and `analyze` never (on the 8 MB dump the main
 * thread's corrections walk ran slower). V8 reads the flag at every optimizing compile, so it takes effect from the
 * next one. The library sets no flag (a process's flags are its owner's); nothing the CLI writes depends on it.
 */
export function limitInlining(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
  if (/--(?:no[-_])?turbo[-_]inlining\b/.test(given)) return;
  setFlagsFromString('--no-turbo-inlining');
}
