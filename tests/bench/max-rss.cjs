// Preloaded (`node --require`) into a process the bench starts: on exit, writes the process's peak resident set
// (every thread's, in KiB, from getrusage) to the file named by QIF_BENCH_MAX_RSS.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.QIF_BENCH_MAX_RSS) writeFileSync(process.env.QIF_BENCH_MAX_RSS, String(process.resourceUsage().maxRSS));
});
