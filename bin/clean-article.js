#!/usr/bin/env node
// Runs the compiled, bundled CLI (built by `npm run build`, which `npm ci` runs) and sets the exit status.
import { loadCli } from '../dist/cli/launch.js';

process.stdout.on('error', (error) => {
  // `clean-article file | head` closes the pipe early: that is not a failure. Any other write error
  // (a full disk behind `>`) is reported by main() in one line, with exit status 1.
  if (error.code === 'EPIPE') process.exit(0);
});

// Never a stack trace: a bug that escapes main() is one line, exit status 1.
process.on('uncaughtException', (error) => {
  process.stderr.write(`clean-article: internal error: ${String(error?.message ?? error).split('\n')[0]}\n`);
  process.exit(1);
});

// Batches and JSON Lines stop on Ctrl-C (130) or SIGTERM (143) after the work in hand; a second signal
// ends the process at once. The exit is explicit: stdin may still be open, waiting for more lines.
const code = await loadCli().main(process.argv.slice(2), {
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  // NO_COLOR, FORCE_COLOR, TERM and CLEAN_ARTICLE_CONFIG are read from here.
  env: process.env,
  signals: process,
});
if (code === 130 || code === 143) process.exit(code);
process.exitCode = code;
