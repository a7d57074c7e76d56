import { Worker } from 'node:worker_threads';
import { runTask, type Task } from './run-task.js';

/** Runs tasks and hands back their output; `close` frees its threads. */
export interface TaskRunner {
  run(task: Task): Promise<string>;
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
  resolve: (out: string) => void;
  reject: (err: Error) => void;
}

/**
 * `--jobs N`: a pool of N worker threads running `runTask` from the built worker entry (dist/worker.js).
 * A task goes to the first idle worker; results are matched back by id.
 */
export function workerRunner(jobs: number, workerUrl: URL): TaskRunner {
  const idle: Worker[] = [];
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  let failure: Error | null = null;

  const pump = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage(job.task);
    }
  };
  const fail = (err: Error): void => {
    failure ??= err;
    for (const job of [...busy.values(), ...queue.splice(0)]) job.reject(failure);
    busy.clear();
  };
  const workers: Worker[] = [];
  for (let i = 0; i < jobs; i++) {
    // A smaller young generation trims each thread's resident memory (about 10 MB at --jobs 4).
    const worker = new Worker(workerUrl, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    worker.on('message', (msg: { out?: string; error?: string }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (job) {
        if (msg.error !== undefined) job.reject(new Error(msg.error));
        else job.resolve(msg.out ?? '');
      }
      pump();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0 && busy.has(worker)) fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    workers.push(worker);
    idle.push(worker);
  }
  return {
    run: (task) =>
      new Promise<string>((resolve, reject) => {
        if (failure) return reject(failure);
        queue.push({ task, resolve, reject });
        pump();
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Runs `tasks` through `runner` with at most `window` in flight and writes each task's output in input
 * order. Awaiting `write` (which waits for the output to drain) pauses the reading of `tasks`: this is
 * the backpressure that keeps memory flat however long the input.
 */
export async function runOrdered(tasks: AsyncIterable<Task>, runner: TaskRunner, window: number, write: (s: string) => Promise<void>): Promise<void> {
  const inflight: Promise<string>[] = [];
  try {
    for await (const task of tasks) {
      const p = runner.run(task);
      p.catch(() => {}); // observed below, in order; this only silences "unhandled" while it waits its turn
      inflight.push(p);
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
