#!/usr/bin/env -S node --import tsx
import { main } from './main';

// Ctrl-C or SIGTERM: stop starting sends, let the ones in flight finish and be journaled, then report.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: finishing the sends in flight, then stopping\n`);
    controller.abort();
  });
}

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = controller.signal.aborted && code === 1 ? 130 : code;
