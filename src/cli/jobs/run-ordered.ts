import { Worker } from 'node:worker_threads';
import { failedTask, runTask, splitTask, type Task, type TaskResult } from './run-task.js';

/** Runs tasks and hands back their results; `close` frees its threads. */
export interface TaskRunner {
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

/** `--jobs 1`: every task runs on the main thread, in order. */
export function inlineRunner(): TaskRunner {
  return {
    run: async (task) => runTask(task),
    close: async () => {},
  };
}

interface Pending {
  task: Task;
  resolve: (out: TaskResult) => void;
  reject: (err: Error) => void;
}

/**
 * `--jobs N`: a pool of N worker threads running `runTask` from the built worker entry (dist/worker.js).
 * A task goes to the first idle worker; results are matched back by id. A worker that dies (out of memory,
 * or ended) fails only the task it was running, and a new worker takes its place.
 */
export function workerRunner(jobs: number, workerUrl: URL): TaskRunner {
  const idle: Worker[] = [];
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  const workers = new Set<Worker>();
  let closing = false;

  const pump = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage(job.task);
    }
  };
  const retire = (worker: Worker, err: Error): void => {
    if (!workers.delete(worker)) return;
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    const job = busy.get(worker);
    busy.delete(worker);
    void worker.terminate();
    job?.reject(err);
    if (!closing) spawn();
    pump();
  };
  const spawn = (): void => {
    // A smaller young generation trims each thread's resident memory (about 10 MB at --jobs 4).
    const worker = new Worker(workerUrl, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    worker.on('message', (msg: { out?: TaskResult; error?: string }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (job) {
        if (msg.error !== undefined) job.reject(new Error(msg.error.split('\n')[0]));
        else job.resolve(msg.out ?? { items: [] });
      }
      pump();
    });
    worker.on('error', (err) => retire(worker, err));
    worker.on('exit', (code) => retire(worker, new Error(`exit code ${code}`)));
    workers.add(worker);
    idle.push(worker);
  };
  for (let i = 0; i < jobs; i++) spawn();
  return {
    run: (task) =>
      new Promise<TaskResult>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        pump();
      }),
    close: async () => {
      closing = true;
      await Promise.all([...workers].map((w) => w.terminate()));
    },
  };
}

/**
 * Runs `tasks` through `runner` with at most `window` in flight and writes each task's result in input
 * order; a task that fails as a whole (its worker died) is written as `failedTask` error records. Awaiting
 * `write` (which waits for the output to drain) pauses the reading of `tasks`: this is the backpressure that
 * keeps memory flat however long the input.
 */
export async function runOrdered(tasks: AsyncIterable<Task>, runner: TaskRunner, window: number, write: (r: TaskResult) => Promise<void>): Promise<void> {
  const inflight: Promise<TaskResult>[] = [];
  // A batch whose worker died is run again one input at a time, so only the input that kills a worker fails.
  const start = (task: Task): Promise<TaskResult> =>
    runner.run(task).catch(async (err: Error) => {
      const single = splitTask(task);
      if (single.length <= 1) return failedTask(task, err);
      const parts = await Promise.all(single.map((t) => runner.run(t).catch((e: Error) => failedTask(t, e))));
      return { items: parts.flatMap((p) => p.items) };
    });
  try {
    for await (const task of tasks) {
      inflight.push(start(task));
      if (inflight.length >= window) await write(await inflight.shift()!);
    }
    while (inflight.length > 0) await write(await inflight.shift()!);
  } finally {
    await runner.close();
  }
}

/** A writer that resolves once the stream has taken the string (waits for `drain` when its buffer is full). */
export function streamWriter(stream: NodeJS.WritableStream): (s: string) => Promise<void> {
  return (s) => (s.length === 0 || stream.write(s) ? Promise.resolve() : new Promise<void>((resolve) => stream.once('drain', () => resolve())));
}
