/**
 * A worker thread of a batch or JSON Lines run (`--jobs N`): loads the word lists once, then runs each
 * task it is sent and posts the result back with the task's id. Started by `pool.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, runTask, type EngineOptions, type Task } from './tasks.js';

const engine = createEngine(workerData as EngineOptions);

parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
  parentPort!.postMessage({ id, result: runTask(task, engine) });
});
