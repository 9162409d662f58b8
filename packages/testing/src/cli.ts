#!/usr/bin/env node
// The entry: wires signals and the process streams to main(), which does the work and is testable in-process.
import { main } from './cli/main.js';

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: stop.signal,
});
