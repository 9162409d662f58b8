import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    // The library stays runtime-neutral: node:http and node:crypto are reached via getBuiltinModule.
    // Two more entries, built with it so all share one copy of the fake's code: `setup` (MSW's
    // setupServer, Node only), so the main entry never loads msw/node; `server`, the msw-free entry
    // (@aopkit/testing/server): nothing it reaches imports msw.
    entry: { index: 'src/index.ts', setup: 'src/setup/index.ts', server: 'src/server.ts' },
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
