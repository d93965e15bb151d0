#!/usr/bin/env node
import { run } from './run.js';

// A reader that stops early (`qif-report framework | head`) closes the pipe: that ends the listing, it is not a
// failure, so it is not reported as one. The work itself is done and written before anything is printed.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await run(process.argv.slice(2));
