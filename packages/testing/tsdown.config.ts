import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    // The library stays runtime-neutral: node:http and node:crypto are reached via getBuiltinModule.
    // `setup` (MSW's setupServer, Node only) is its own entry so the main one never loads msw/node;
    // built together, the two share one copy of the fake's code.
    entry: { index: 'src/index.ts', setup: 'src/setup/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    fixedExtension: false,
    platform: 'neutral',
    target: 'es2022',
    clean: true,
  },
  {
    // The CLI is Node-only (node:util, node:fs), ESM, and bundles what it needs from src/.
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    fixedExtension: false,
    platform: 'node',
    target: 'es2022',
    clean: false,
  },
]);
