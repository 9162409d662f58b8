import { describe, expect, expectTypeOf, it } from 'vitest';
import * as client from '../src/index.js';

describe('public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(client).sort()).toEqual([
      'AlipayApiError',
      'AlipayConnectionError',
      'AlipayError',
      'AlipayResponseError',
      'AlipaySignatureError',
      'AlipayTimeoutError',
      'AlipayValidationError',
      'backoffDelay',
      'createAlipayClient',
      'shouldRetry',
    ]);
  });

  it('exports these types', () => {
    type Exported = [
      client.AlipayClient,
      client.AlipayClientOptions,
      client.AlipayLogger,
      client.RetryDelayOptions,
      client.SendOptions,
      client.VoucherSendParams,
      client.VoucherSendResult,
      client.ValidationRule,
      client.ApiErrorFields,
      client.SignatureMismatch,
    ];
    expectTypeOf<Exported>().toBeArray();
  });

  it('gives every error class its name, a retryable verdict and AlipayError as base', () => {
    const errors = [
      new client.AlipayValidationError('m', { field: 'f', rule: 'required' }),
      new client.AlipayApiError({ code: '40004', msg: 'Business Failed', verified: true, retryable: false }),
      new client.AlipaySignatureError('m', { reason: 'bad-signature', content: '{}', signature: 's' }),
      new client.AlipayTimeoutError(10),
      new client.AlipayConnectionError('m', { cause: new Error('reset') }),
      new client.AlipayResponseError('m', { status: 502 }),
    ];
    expect(errors.map((e) => [e.name, e.retryable, e instanceof client.AlipayError])).toEqual([
      ['AlipayValidationError', false, true],
      ['AlipayApiError', false, true],
      ['AlipaySignatureError', false, true],
      ['AlipayTimeoutError', true, true],
      ['AlipayConnectionError', true, true],
      ['AlipayResponseError', true, true],
    ]);
    expect(errors[4]!.cause).toBeInstanceOf(Error);
  });
});
