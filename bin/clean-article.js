#!/usr/bin/env node
// Runs the compiled, bundled CLI (built by `npm run build`, which `npm ci` runs) and sets the exit status.
import { loadCli } from '../dist/cli/launch.js';

process.stdout.on('error', (error) => {
  // `clean-article file | head` closes the pipe early: that is not a failure.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await loadCli().main(process.argv.slice(2));
