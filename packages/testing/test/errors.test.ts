import { AopkitError } from '@aopkit/signer';
import { describe, expect, it } from 'vitest';
import { FakeGatewayError } from '../src/index.js';

describe('FakeGatewayError', () => {
  it('is an AopkitError with a stable code, a name and the field at fault', () => {
    const cause = new Error('underneath');
    const error = new FakeGatewayError('faults.rate must be between 0 and 1', {
      code: 'ERR_FAKE_CONFIG',
      field: 'faults.rate',
      cause,
    });
    expect(error).toBeInstanceOf(AopkitError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'FakeGatewayError', code: 'ERR_FAKE_CONFIG', field: 'faults.rate' });
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('FakeGatewayError: faults.rate must be between 0 and 1');
  });

  it('has no field when none is given', () => {
    const error = new FakeGatewayError('no template "X"', { code: 'ERR_FAKE_STATE' });
    expect(Object.hasOwn(error, 'field')).toBe(false);
    expect(error.cause).toBeUndefined();
  });
});
