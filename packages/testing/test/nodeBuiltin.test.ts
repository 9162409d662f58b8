import { afterEach, describe, expect, it } from 'vitest';
import { createFakeGateway, DEMO_APP_CERT, FakeGatewayError, startFakeGatewayServer } from '../src/index.js';
import { nodeBuiltin, requireNodeBuiltin } from '../src/runtime/nodeBuiltin.js';

const original = process.getBuiltinModule;
const withoutBuiltins = () => Object.assign(process, { getBuiltinModule: undefined });
afterEach(() => {
  Object.assign(process, { getBuiltinModule: original });
});

describe('nodeBuiltin', () => {
  it('gives the module on Node', () => {
    expect(typeof nodeBuiltin('node:http')?.createServer).toBe('function');
    expect(requireNodeBuiltin('node:crypto', 'unused').randomBytes(4)).toHaveLength(4);
  });

  it('where process.getBuiltinModule is missing: undefined, or ERR_FAKE_UNSUPPORTED with the message', () => {
    withoutBuiltins();
    expect(nodeBuiltin('node:crypto')).toBeUndefined();
    const required = () => requireNodeBuiltin('node:http', 'this call needs node:http');
    expect(required).toThrow(FakeGatewayError);
    expect(required).toThrow(
      expect.objectContaining({ code: 'ERR_FAKE_UNSUPPORTED', message: 'this call needs node:http' }),
    );
  });

  it('the calls that need one say so, and what to do instead', async () => {
    const gateway = createFakeGateway();
    withoutBuiltins();
    await expect(startFakeGatewayServer({ gateway })).rejects.toMatchObject({
      code: 'ERR_FAKE_UNSUPPORTED',
      message: 'startFakeGatewayServer needs Node.js (node:http)',
    });
    expect(() => gateway.registerApp()).toThrow(
      'registerApp: generating a key pair needs node:crypto; pass a publicKey instead',
    );
    expect(() => gateway.registerApp({ appCert: DEMO_APP_CERT })).toThrow(
      expect.objectContaining({
        code: 'ERR_FAKE_UNSUPPORTED',
        message: 'registerApp: reading a certificate needs node:crypto',
      }),
    );
  });
});
