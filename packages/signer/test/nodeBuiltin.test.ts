import { afterEach, describe, expect, it } from 'vitest';
import { nodeBuiltin } from '../src/runtime/nodeBuiltin.js';

const original = process.getBuiltinModule;
const originalVersions = process.versions;
afterEach(() => {
  Object.assign(process, { getBuiltinModule: original });
  Object.defineProperty(process, 'versions', { value: originalVersions, configurable: true });
});

describe('nodeBuiltin', () => {
  it('gives node:crypto on Node', () => {
    const crypto = nodeBuiltin('node:crypto');
    expect(crypto?.createHash('sha256').update('a').digest('hex')).toBe(
      'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
    );
  });

  it('is undefined where process.getBuiltinModule is missing, or the runtime is not Node', () => {
    Object.assign(process, { getBuiltinModule: undefined });
    expect(nodeBuiltin('node:crypto')).toBeUndefined();
    Object.assign(process, { getBuiltinModule: original });
    Object.defineProperty(process, 'versions', { value: {}, configurable: true });
    expect(nodeBuiltin('node:crypto')).toBeUndefined();
  });
});
