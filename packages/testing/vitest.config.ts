import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests (and the README example they run) import the package by name; point it at the source.
  // Exact matches: a plain '@aopkit/testing' key would also rewrite '@aopkit/testing/setup'.
  resolve: {
    alias: [
      { find: /^@aopkit\/testing$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      {
        find: /^@aopkit\/testing\/setup$/,
        replacement: fileURLToPath(new URL('./src/setup/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    name: '@aopkit/testing',
    include: ['test/**/*.test.ts'],
    // A hang guard, not a speed target: five vitest processes share two cores when `pnpm test` runs.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
