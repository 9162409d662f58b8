import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@aopkit/voucher-campaign',
    include: ['test/**/*.test.ts'],
    // The crash test spawns the CLI and kills it: give it room on a 2-core machine.
    testTimeout: 60_000,
  },
});
