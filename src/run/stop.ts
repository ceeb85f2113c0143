/**
 * Stopping a run on Ctrl-C (SIGINT) or SIGTERM: the first signal stops taking new work, lets the work
 * in hand finish (outputs stay whole, the report keeps every file done) and the run ends with one line
 * and the signal's exit status. Listeners are removed at the first signal, so a second one takes the
 * default action: the process ends at once.
 */
import { EXIT_SIGNAL, type StopSignal } from '../core/errors.js';

/** Where signals come from: the process, in the bin; nothing in tests that run in process. */
export interface Signals {
  once(event: StopSignal, listener: () => void): unknown;
  off(event: StopSignal, listener: () => void): unknown;
}

const SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

export class Stop {
  /** The signal that stopped the run, if one did. */
  signal: StopSignal | undefined;
  /** Settles when a signal arrives; never, if none does. */
  readonly stopped: Promise<StopSignal>;
  private readonly listeners = new Map<StopSignal, () => void>();

  constructor(
    private readonly signals: Signals | undefined,
    onStop: () => void,
  ) {
    let resolve: (signal: StopSignal) => void = () => undefined;
    this.stopped = new Promise((r) => (resolve = r));
    for (const name of SIGNALS) {
      const listener = () => {
        this.dispose();
        this.signal = name;
        onStop();
        resolve(name);
      };
      this.listeners.set(name, listener);
      signals?.once(name, listener);
    }
  }

  /** The exit status for the signal that stopped the run. */
  get exitCode(): number | undefined {
    return this.signal === undefined ? undefined : EXIT_SIGNAL[this.signal];
  }

  dispose(): void {
    for (const [name, listener] of this.listeners) this.signals?.off(name, listener);
    this.listeners.clear();
  }
}
