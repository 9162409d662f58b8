import { describe, expect, it } from 'vitest';
import {
  AlipayApiError,
  AlipayConnectionError,
  AlipayResponseError,
  AlipaySignatureError,
  AlipayTimeoutError,
  AlipayValidationError,
  backoffDelay,
  shouldRetry,
} from '../src/index.js';
import { apiErrorFrom } from '../src/response/apiErrorFrom.js';

const api = (code: string, sub_code?: string) => apiErrorFrom({ code, msg: 'x', sub_code }, true, '');

describe('shouldRetry', () => {
  it.each<[string, unknown, boolean]>([
    ['a connection error', new AlipayConnectionError('reset'), true],
    ['a timeout', new AlipayTimeoutError(10), true],
    ['HTTP 502', new AlipayResponseError('bad gateway', { status: 502 }), true],
    ['HTTP 404', new AlipayResponseError('not found', { status: 404 }), false],
    ['a 200 that is not JSON', new AlipayResponseError('not json', { status: 200 }), false],
    ['code 20000 isp.unknow-error', api('20000', 'isp.unknow-error'), true],
    ['code 20000 with an unknown sub_code', api('20000', 'isp.something-new'), true],
    ['40004 SYSTEM_ERROR', api('40004', 'SYSTEM_ERROR'), true],
    ['40004 TEMPLATE_NOT_EXIST', api('40004', 'TEMPLATE_NOT_EXIST'), false],
    ['40002 isv.invalid-signature', api('40002', 'isv.invalid-signature'), false],
    ['40001 isv.missing-app-id', api('40001', 'isv.missing-app-id'), false],
    ['an unknown code', api('99999'), false],
    [
      'a signature failure',
      new AlipaySignatureError('bad', { reason: 'bad-signature', content: '', signature: '' }),
      false,
    ],
    ['a validation error', new AlipayValidationError('bad', { field: 'x', rule: 'required' }), false],
    ['an abort reason', new DOMException('aborted', 'AbortError'), false],
    ['a plain Error', new Error('boom'), false],
  ])('%s → %s', (_name, outcome, want) => {
    expect(shouldRetry(outcome, 1, 2)).toBe(want);
  });

  it('stops when the budget is spent', () => {
    const outcome = new AlipayTimeoutError(10);
    expect([1, 2, 3].map((attempt) => shouldRetry(outcome, attempt, 2))).toEqual([true, true, false]);
    expect(shouldRetry(outcome, 1, 0)).toBe(false);
  });

  it('takes advice and retryable from the spec', () => {
    const e = api('40004', 'SYSTEM_ERROR') as AlipayApiError;
    expect(e).toBeInstanceOf(AlipayApiError);
    expect(e.advice).toBeTruthy();
    expect((api('40004', 'TEMPLATE_NOT_EXIST') as AlipayApiError).advice).toBeTruthy();
  });
});

describe('backoffDelay', () => {
  const delay = { initialMs: 500, maxMs: 5000 };
  it('grows exponentially up to the cap (random = 1 - ε shows the ceiling)', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, delay, top))).toEqual([
      499, 999, 1999, 3999, 4999, 4999,
    ]);
  });
  it('jitters over the whole range', () => {
    expect(backoffDelay(3, delay, () => 0)).toBe(0);
    expect(backoffDelay(3, delay, () => 0.5)).toBe(1000);
  });
});
