/** Exit statuses, documented in the README. */
export const EXIT_OK = 0;
/** An input could not be processed (missing, unreadable, binary, ...). */
export const EXIT_INPUT = 1;
/** The command line or configuration is wrong. */
export const EXIT_USAGE = 2;

/** A problem with how the tool was called: options, transform ids, configuration. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A problem with one input or output file; `file` names it in the message. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
