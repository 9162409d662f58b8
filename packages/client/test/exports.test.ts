import { AopkitError } from '@aopkit/signer';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as client from '../src/index.js';

describe('public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(client).sort()).toEqual([
      'AlipayApiError',
      'AlipayConnectionError',
      'AlipayError',
      'AlipayResponseError',
      'AlipayResponseMismatchError',
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
      client.AlipayErrorCode,
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

  it('roots every error in AopkitError, with a stable code, mayHaveIssued and attempts', () => {
    const errors = [
      new client.AlipayValidationError('m', { field: 'f', rule: 'required' }),
      new client.AlipayApiError({ code: '40004', msg: 'Business Failed', verified: true, retryable: false }),
      new client.AlipaySignatureError('m', { reason: 'bad-signature', content: '{}', signature: 's' }),
      new client.AlipayTimeoutError(10),
      new client.AlipayConnectionError('m'),
      new client.AlipayResponseError('m', { status: 502 }),
      new client.AlipayResponseMismatchError({ field: 'user_id', expected: '2088a', received: '2088b' }),
    ];
    expect(errors.map((e) => [e.name, e.code, e.retryable, e.mayHaveIssued, e.attempts])).toEqual([
      ['AlipayValidationError', 'ERR_VALIDATION', false, false, 0],
      ['AlipayApiError', '40004', false, false, 0],
      ['AlipaySignatureError', 'ERR_SIGNATURE', false, true, 0],
      ['AlipayTimeoutError', 'ERR_TIMEOUT', true, true, 0],
      ['AlipayConnectionError', 'ERR_CONNECTION', true, true, 0],
      ['AlipayResponseError', 'ERR_RESPONSE', true, true, 0],
      ['AlipayResponseMismatchError', 'ERR_RESPONSE_MISMATCH', true, true, 0],
    ]);
    for (const e of errors) expect(e).toBeInstanceOf(AopkitError);
    expect(errors[6]).toBeInstanceOf(client.AlipayResponseError);
  });
});
