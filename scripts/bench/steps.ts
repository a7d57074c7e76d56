/**
 * Where `classifyRecord`'s time goes, step by step, as the pipeline runs: each post is labelled the way
 * `classifyRecord` labels it (src/classify/run-steps.ts, one target so that stance runs), with every step's `run`
 * timed in place. A piece several steps share (the post's tokens and sentiment score, `PostAnalysis.shared()`)
 * is charged once, to the first step that asks for it, so the rows add up to the pipeline's cost.
 */
import { compile } from '../../src/compile.js';
import { labelPost, planOf, threadAnalysis } from '../../src/classify/run-steps.js';
import type { PostStep, StepPost } from '../../src/classify/steps/index.js';

const TARGET = { name: 'the council', aliases: [] as string[] };

/** CPU µs per post of each step (and of the rest of `labelPost`: handle masking, the post's text analysis set-up), over `texts`, repeated for at least `minMs`. */
export function pipelineShares(texts: readonly string[], minMs: number): Map<string, number> {
  const config = compile({});
  const { before, posts } = planOf(config, true);
  const spent = new Map<string, number>(posts.map((s) => [s.name, 0]));
  const timed: PostStep[] = posts.map((step) => ({
    ...step,
    run(a, c) {
      const t0 = performance.now();
      step.run(a, c);
      spent.set(step.name, spent.get(step.name)! + (performance.now() - t0));
    },
  }));
  const pass = (): void => {
    for (const text of texts) {
      const thread = threadAnalysis(null, [], () => []);
      for (const step of before) step.run(thread, config);
      thread.targets = [...(thread.targets ?? []), TARGET];
      thread.subjects = new Set([...(thread.subjects ?? []), TARGET.name]);
      const post: StepPost = { id: '', text, span: [0, text.length], lines: [{ span: [0, text.length], text }], parentId: null, author: null, removed: false };
      labelPost(post, thread, config, timed, true);
    }
  };
  pass(); // warm-up
  for (const k of spent.keys()) spent.set(k, 0);
  let passes = 0;
  const start = process.cpuUsage();
  const wall0 = performance.now();
  let cpu = 0;
  while (cpu < minMs * 1000 || passes < 2) {
    pass();
    passes++;
    const u = process.cpuUsage(start);
    cpu = u.user + u.system;
  }
  // The kernel's CPU clock of a thread is too coarse for calls of a few µs, so the steps are timed by the wall
  // clock and their shares scaled to the CPU time of the whole run (the same factor for every step).
  const wall = performance.now() - wall0;
  const per = (ms: number): number => ((ms / wall) * cpu) / passes / texts.length;
  const out = new Map<string, number>();
  for (const [name, ms] of spent) out.set(name, per(ms));
  out.set('rest (handle masking, set-up)', per(wall - [...spent.values()].reduce((n, ms) => n + ms, 0)));
  return out;
}
