import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  // Tests (and the README example they run) import the package by name; point it at the source.
  resolve: { alias: { '@aopkit/testing': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    name: '@aopkit/testing',
    include: ['test/**/*.test.ts'],
    // A hang guard, not a speed target: five vitest processes share two cores when `pnpm test` runs.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
