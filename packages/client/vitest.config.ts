import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@aopkit/client',
    include: ['test/**/*.test.ts'],
    // A hang guard, not a speed target: five vitest processes share two cores when `pnpm test` runs.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
