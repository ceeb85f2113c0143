/**
 * Where tasks run: in this thread (`--jobs 1`), or in a pool of worker threads, each of which loads the
 * word lists once. `runOrdered` feeds a runner from a stream of items with a bounded number in flight
 * and hands the results back in input order, so that output never depends on the number of workers and
 * memory stays flat however many items there are.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  createEngine,
  failedResult,
  runTask,
  type Engine,
  type EngineOptions,
  type Task,
  type TaskResult,
} from './tasks.js';
import { packageFile } from '../io/package-files.js';

export interface Runner {
  /** Run one task. A failure is a result; rejects only when no worker thread can be started at all. */
  run(task: Task): Promise<TaskResult>;
  /** How many tasks may be in flight at once to keep every thread busy. */
  readonly window: number;
  /**
   * Stop: tasks not yet started (queued for a worker) and any run after this resolve at once as
   * `cancelled`; the tasks being cleaned finish, so that their outputs are whole and reported.
   */
  cancel(): void;
  close(): Promise<void>;
}

const CANCELLED: TaskResult = { kind: 'cancelled' };

/**
 * Tasks a worker holds at once: three, one whose output may still be syncing to disk, one being
 * cleaned and one waiting, so that it starts the next as soon as it finishes one; the rest wait in one
 * queue for whichever worker is free first (no worker idles while another has a backlog).
 */
export const TASKS_PER_WORKER = 3;

/**
 * Results that may wait, per worker, for a slower one before them to be handed back in order. Large
 * enough that one slow file does not stall the other workers; it bounds memory (a result is small).
 */
const REORDER_PER_WORKER = 32;

export function defaultJobs(): number {
  return os.availableParallelism();
}

/**
 * `--jobs 1`: run each task in this thread, no worker. Two in flight: the next file is cleaned while
 * the last one's output syncs to disk.
 */
class InlineRunner implements Runner {
  readonly window = 2;
  private engine: Engine | undefined;

  constructor(private readonly options: EngineOptions) {}

  private cancelled = false;

  async run(task: Task): Promise<TaskResult> {
    if (this.cancelled) return CANCELLED;
    this.engine ??= createEngine(this.options);
    return runTask(task, this.engine);
  }

  cancel(): void {
    this.cancelled = true;
  }

  async close(): Promise<void> {}
}

/**
 * How to start a worker. From `dist/run/` it runs the compiled `run/worker.js`; from the bundled CLI,
 * the worker bundle (see the comment below). When this module itself runs as
 * TypeScript (tests under vitest, scripts under tsx), Node cannot run `worker.ts` by itself, and on
 * Node 20 loader hooks given with `execArgv: ['--import', 'tsx']` do not reach a worker's entry file;
 * so a two-line bootstrap loads `worker.ts` through tsx's `tsImport`.
 */
export function workerEntry(self: string = import.meta.url): { entry: URL | string; eval: boolean } {
  if (self.endsWith('.ts')) {
    const tsx = import.meta.resolve('tsx/esm/api');
    const worker = JSON.stringify(new URL('./worker.ts', self).href);
    return { entry: `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${worker}, ${worker}));`, eval: true };
  }
  // Compiled: `worker.js` sits beside `pool.js`. The bundled CLI's workers run the worker bundle
  // (`dist/worker.cjs`) with its code cache, through the bin's launcher (`cli/launch.ts`).
  if (self.endsWith('/pool.js')) return { entry: new URL('./worker.js', self), eval: false };
  const launcher = JSON.stringify(packageFile('dist/cli/launch.js').href);
  return { entry: `import(${launcher}).then((launch) => launch.runWorker());`, eval: true };
}

interface Pending {
  id: number;
  task: Task;
  resolve: (result: TaskResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Has it answered once? A worker that dies before is one that cannot start. */
  started: boolean;
}

/** Up to `size` workers, started as work arrives, taking tasks from one queue. */
class WorkerPool implements Runner {
  readonly window: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private anyStarted = false;
  /** Why no worker can start (then every task is refused). */
  private broken: Error | undefined;
  private closed = false;

  constructor(
    private readonly options: EngineOptions,
    private readonly size: number,
  ) {
    this.window = size * REORDER_PER_WORKER;
  }

  private cancelled = false;

  run(task: Task): Promise<TaskResult> {
    if (this.cancelled) return Promise.resolve(CANCELLED);
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  /** Give queued tasks to workers with room, starting a worker while every running one is busy. */
  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => s.pending.size === 0);
      if (slot === undefined && this.slots.length < this.size) slot = this.spawn();
      slot ??= this.slots.find((s) => s.pending.size < TASKS_PER_WORKER);
      if (slot === undefined) return;
      const pending = this.queue.shift()!;
      slot.pending.set(pending.id, pending);
      slot.worker.postMessage({ id: pending.id, task: pending.task });
    }
  }

  private spawn(): Slot {
    const { entry, eval: isCode } = workerEntry();
    const worker = new Worker(entry, { workerData: this.options, eval: isCode });
    const slot: Slot = { worker, pending: new Map(), started: false };
    worker.on('message', ({ id, result }: { id: number; result: TaskResult }) => {
      slot.started = this.anyStarted = true;
      const pending = slot.pending.get(id);
      slot.pending.delete(id);
      pending?.resolve(result);
      this.dispatch();
    });
    // A worker that dies (a bug, out of memory) fails the tasks it held, and the next task starts a new
    // one. If no worker ever started, none will: every task is refused with the reason.
    const fail = (message: string) => {
      const index = this.slots.indexOf(slot);
      if (index !== -1) this.slots.splice(index, 1);
      if (!slot.started && !this.anyStarted && slot.pending.size > 0) {
        this.broken ??= new Error(`cannot start a worker thread: ${message}`);
      }
      const lost = [...slot.pending.values(), ...(this.broken ? this.queue.splice(0) : [])];
      slot.pending.clear();
      for (const { task, resolve, reject } of lost) {
        if (this.broken) reject(this.broken);
        else resolve(failedResult(task, `internal error: ${message}`));
      }
      if (!this.broken) this.dispatch();
    };
    worker.on('error', (error) => fail(`worker failed: ${error.message.split('\n')[0]}`));
    worker.on('exit', (code) => fail(`worker exited with status ${code}`));
    this.slots.push(slot);
    return slot;
  }

  cancel(): void {
    this.cancelled = true;
    for (const pending of this.queue.splice(0)) pending.resolve(CANCELLED);
  }

  /** Stop every worker; tasks still queued (after an error elsewhere) are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** `jobs` threads of work: this one for 1, else a pool of that many workers. */
export function createRunner(options: EngineOptions, jobs: number): Runner {
  return jobs <= 1 ? new InlineRunner(options) : new WorkerPool(options, jobs);
}

/**
 * Run `run` on each item of `source` with at most `window` in flight, and give the results to `emit`
 * in the order of `source`. A result is emitted as soon as it and those before it are done, not when
 * the next item arrives (a JSON Lines record is answered while the input waits); the source is read
 * only as fast as results are emitted. The first failure of `run` or `emit` stops the run and is thrown.
 */
export async function runOrdered<T, R>(
  source: AsyncIterable<T> | Iterable<T>,
  run: (item: T) => Promise<R>,
  window: number,
  emit: (result: R) => void | Promise<void>,
): Promise<void> {
  const done = new Map<number, PromiseSettledResult<R>>();
  let started = 0;
  let emitted = 0;
  let failure: { reason: unknown } | undefined;
  let emitting: Promise<void> = Promise.resolve();
  let wake: () => void = () => undefined;
  // Emits the finished results at the head, in order; runs one at a time on the `emitting` chain.
  const drain = async () => {
    while (failure === undefined && done.has(emitted)) {
      const result = done.get(emitted)!;
      done.delete(emitted);
      try {
        if (result.status === 'rejected') throw result.reason;
        await emit(result.value);
        emitted++;
      } catch (reason) {
        failure = { reason };
      }
      wake();
    }
  };
  const settled = (k: number, result: PromiseSettledResult<R>) => {
    done.set(k, result);
    emitting = emitting.then(drain);
  };
  // Waits until fewer than `limit` results are pending (or a failure stopped the run).
  const room = async (limit: number): Promise<void> => {
    while (failure === undefined && started - emitted >= limit) await new Promise<void>((resolve) => (wake = resolve));
  };
  for await (const item of source) {
    const k = started++;
    run(item).then(
      (value) => settled(k, { status: 'fulfilled', value }),
      (reason: unknown) => settled(k, { status: 'rejected', reason }),
    );
    await room(window);
    if (failure !== undefined) break;
  }
  await room(1);
  await emitting;
  if (failure !== undefined) throw failure.reason;
}

/**
 * The items of `source` until `stop` settles: a stopped run takes no more items, even while `source`
 * waits (stdin with no more lines yet). A source left waiting is not waited for.
 */
export async function* until<T>(source: AsyncIterable<T>, stop: Promise<unknown>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const STOP: unique symbol = Symbol('stop');
  const stopped: Promise<typeof STOP> = stop.then(() => STOP);
  let waiting = false;
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), stopped]);
      if (typeof next === 'symbol') {
        waiting = true;
        return;
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // An async generator's return() waits for its pending next(): do not wait for one that may never end.
    const closing = iterator.return?.();
    if (!waiting) await closing;
    else void closing?.catch(() => undefined);
  }
}
