import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@aopkit/voucher-campaign',
    include: ['test/**/*.test.ts'],
    // The Postgres journal's tests get a server: VOUCHER_CAMPAIGN_TEST_POSTGRES_URL, or a throwaway one.
    globalSetup: ['test/postgres.globalSetup.ts'],
    // A hang guard, not a speed target: the crash test spawns the CLI and kills it, and took 28 s with
    // the whole `pnpm test` pinned to one core.
    testTimeout: 120_000,
    hookTimeout: 30_000,
  },
});
