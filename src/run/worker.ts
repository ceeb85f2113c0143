/**
 * A worker thread of a batch or JSON Lines run (`--jobs N`): loads the word lists once, then runs each
 * task it is sent and posts the result back with the task's id. Started by `pool.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, runTask, type EngineOptions, type Task } from './tasks.js';

const engine = createEngine(workerData as EngineOptions);

// A task's cleaning runs as soon as it arrives; its result is posted once its output is on disk, and
// the next task may start meanwhile (`runTask` never rejects: a failure is a result).
parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
  void runTask(task, engine).then((result) => parentPort!.postMessage({ id, result }));
});
