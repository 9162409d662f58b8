#!/usr/bin/env -S node --import tsx
import { main } from './main';

// Ctrl-C or SIGTERM: stop starting sends, let the ones in flight finish and be journaled, then report.
// The handler runs once: a second Ctrl-C meets Node's default and ends the process at once (safe too: the
// journal and the deterministic out_biz_no make a rerun resend, never double-issue, what was in flight).
const controller = new AbortController();
let received: 'SIGINT' | 'SIGTERM' | undefined;
const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
  received = signal;
  // No handler left: the next SIGINT or SIGTERM gets the default action.
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  process.stderr.write(
    `\n${signal}: finishing the sends in flight, then stopping (send it again to stop at once)\n`,
  );
  controller.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
// 128 + the signal's number, as shells report a process killed by it.
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
process.exitCode = received && code === 1 ? SIGNAL_EXIT[received] : code;
