/**
 * Writing to stdout (or any stream) so that a failure is known: every write is checked, and a stream
 * that failed (a full disk behind `> file`, `/dev/full`) fails the next write and the final `flush()`
 * with an InputError naming the stream, instead of an unhandled 'error' event and a stack trace. A
 * reader that went away (`| head`) is `OutputClosed`: not a failure, the run just stops.
 */
import { InputError } from '../core/errors.js';
import { describe } from './files.js';

/** The reader of stdout has gone (EPIPE): stop quietly, exit 0. */
export class OutputClosed extends Error {
  override readonly name = 'OutputClosed';
}

export interface Output {
  /** Write; resolves when the stream can take more. Rejects once the stream has failed. */
  write(text: string): Promise<void>;
}

export class StreamWriter implements Output {
  private failure: Error | undefined;
  private readonly onError = (error: Error) => {
    this.failure ??= error;
  };

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly name = '<stdout>',
  ) {
    stream.on('error', this.onError);
  }

  private check(): void {
    const failure = this.failure;
    if (failure === undefined) return;
    if ((failure as NodeJS.ErrnoException).code === 'EPIPE') throw new OutputClosed(this.name);
    throw new InputError(this.name, `cannot write: ${describe(failure)}`);
  }

  /** Write without waiting (commander's help); a failure shows at the next write or at `flush()`. */
  writeNow(text: string): void {
    if (this.failure !== undefined) return;
    this.stream.write(text, (error) => {
      if (error) this.onError(error);
    });
  }

  async write(text: string): Promise<void> {
    this.check();
    let ok = true;
    const written = new Promise<void>((resolve) => {
      ok = this.stream.write(text, (error) => {
        if (error) this.onError(error);
        resolve();
      });
    });
    if (!ok) await written; // back-pressure: wait until this piece is out
    this.check();
  }

  /** Wait until everything written so far is out; throws if any of it failed. */
  async flush(): Promise<void> {
    if (this.failure === undefined) {
      await new Promise<void>((resolve) =>
        this.stream.write('', (error) => {
          if (error) this.onError(error);
          resolve();
        }),
      );
    }
    this.check();
  }

  /** Stop listening to the stream's errors. */
  close(): void {
    this.stream.off('error', this.onError);
  }
}
