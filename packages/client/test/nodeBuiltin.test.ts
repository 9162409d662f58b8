import { afterEach, describe, expect, it } from 'vitest';
import { createAlipayClient } from '../src/index.js';
import { nodeBuiltins } from '../src/runtime/nodeBuiltin.js';
import { loadNodeHttpTransport } from '../src/transport/nodeHttpTransport.js';

const original = process.getBuiltinModule;
afterEach(() => {
  Object.assign(process, { getBuiltinModule: original });
});

describe('nodeBuiltins', () => {
  it('gives process.getBuiltinModule, bound, on Node', () => {
    const get = nodeBuiltins<typeof import('node:http')>();
    expect(get?.('node:http').STATUS_CODES[404]).toBe('Not Found');
  });

  it('is undefined where process.getBuiltinModule is missing, and node:http is then refused by name', () => {
    Object.assign(process, { getBuiltinModule: undefined });
    expect(nodeBuiltins()).toBeUndefined();
    expect(loadNodeHttpTransport()).toBeUndefined();
    expect(() =>
      createAlipayClient({
        appId: '2021000000000001',
        privateKey: 'unused: the transport is refused first',
        alipayPublicKey: 'unused',
        transport: 'node-http',
      }),
    ).toThrow("options.transport 'node-http' needs node:http, which this runtime lacks: use 'fetch'");
  });
});
