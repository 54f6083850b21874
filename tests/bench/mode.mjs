// Benchmark sizes: short by default (CI, tests/run.sh), full with LINLI_BENCH=full or
// --full (tests/bench/run.sh). Each benchmark's own LINLI_BENCH_* variables still win.
import path from 'node:path';

export const FULL = process.env.LINLI_BENCH === 'full' || process.argv.includes('--full');

// The value for this mode: LINLI_BENCH_<name> when set, else short or full.
export function size(name, short, full) {
  const env = process.env['LINLI_BENCH_' + name];
  if (env !== undefined && env !== '') return env;
  return FULL ? full : short;
}

// First line of a benchmark's output: which mode, and how to get the other.
export function announce(url) {
  const file = path.basename(new URL(url).pathname);
  console.log(FULL
    ? `# ${file}: full mode`
    : `# ${file}: short mode; full: LINLI_BENCH=full node tests/bench/${file} (all of them: tests/bench/run.sh)`);
}
