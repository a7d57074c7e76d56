/** Worker-thread entry of `--jobs N` (built to dist/worker.js): runs the tasks the CLI posts, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './jobs/run-task.js';

parentPort?.on('message', (task: Task) => {
  try {
    parentPort!.postMessage({ out: runTask(task, true) });
  } catch (err) {
    // runTask reports each input's errors itself; only a failure around it gets here.
    parentPort!.postMessage({ error: String((err as Error)?.message ?? err) });
  }
});
