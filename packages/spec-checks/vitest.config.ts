import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@aopkit/spec-checks',
    include: ['test/**/*.test.ts'],
    // A hang guard, not a speed target: Prism starts in a few seconds, slower on a shared machine.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
