/** Exit statuses, documented in the README. */
export const EXIT_OK = 0;
/** An input could not be processed (missing, unreadable, binary, ...). */
export const EXIT_INPUT = 1;
/** The command line or configuration is wrong. */
export const EXIT_USAGE = 2;
/** `--check`: cleaning would change an input (as `prettier --check` and `git diff --exit-code`). */
export const EXIT_CHANGED = 1;
/**
 * `--check`: an input could not be checked (missing, unreadable, binary, ...), or the run could not
 * be made. Not EXIT_INPUT, which is 1 too: "would change" and "could not read" must differ for a CI
 * job. 2, as `prettier --check` ("something's wrong"), `diff` and `cmp` ("trouble"), and it wins
 * over EXIT_CHANGED in a batch that has both, as in prettier and black.
 */
export const EXIT_CHECK_FAILED = 2;

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

/** Exit statuses after a stop by a signal: 128 + the signal's number, as shells report them. */
export const EXIT_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof EXIT_SIGNAL;

/** Characters a message line may not hold as they are: C0 and C1 controls, DEL, line and paragraph separators. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` with its control characters escaped (`\n`, `\t`, `\x1B`, `\u2028`), so that a message naming
 * a file stays one line and cannot move the terminal's cursor, whatever the file is called.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const named = Object.hasOwn(NAMED_ESCAPES, c) ? NAMED_ESCAPES[c] : undefined;
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase()}`;
  });
}

/** One message line on stderr: `clean-article: <message>`, control characters escaped. */
export function messageLine(message: string): string {
  return `clean-article: ${printable(message)}\n`;
}
