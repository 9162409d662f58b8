import type { AopkitError, VerificationFailureReason } from '@aopkit/signer';
import type { ResultCode, SubCode } from '@aopkit/types';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AlipayApiError,
  AlipayError,
  AlipayErrorCode,
  AlipayLogger,
  AlipayResponseError,
  AlipayResponseMismatchError,
  AlipaySignatureError,
  AlipayValidationError,
} from '../src/index.js';

describe('error types users can switch on', () => {
  it('roots every client error in AopkitError', () => {
    expectTypeOf<AlipayError>().toExtend<AopkitError>();
    expectTypeOf<AlipayResponseMismatchError>().toExtend<AlipayResponseError>();
  });

  it('types AlipayApiError.code as the result-code union and sub_code as the known ones plus any string', () => {
    expectTypeOf<AlipayApiError['code']>().toEqualTypeOf<ResultCode>();
    expectTypeOf<AlipayApiError['sub_code']>().toEqualTypeOf<SubCode | (string & {}) | undefined>();
    expectTypeOf<'TEMPLATE_NOT_EXIST'>().toExtend<NonNullable<AlipayApiError['sub_code']>>();
    expectTypeOf<'99999'>().not.toExtend<AlipayApiError['code']>();
  });

  it('types each class’s code and AlipaySignatureError.reason as unions', () => {
    expectTypeOf<AlipayValidationError['code']>().toEqualTypeOf<'ERR_VALIDATION'>();
    expectTypeOf<AlipaySignatureError['code']>().toEqualTypeOf<'ERR_SIGNATURE'>();
    expectTypeOf<AlipayResponseMismatchError['code']>().toEqualTypeOf<'ERR_RESPONSE_MISMATCH'>();
    expectTypeOf<AlipayResponseError['code']>().toExtend<AlipayErrorCode>();
    expectTypeOf<AlipaySignatureError['reason']>().toEqualTypeOf<VerificationFailureReason>();
  });

  it('gives every error attempts and mayHaveIssued, and the logger an error level', () => {
    expectTypeOf<AlipayError['attempts']>().toEqualTypeOf<number>();
    expectTypeOf<AlipayError['mayHaveIssued']>().toEqualTypeOf<boolean>();
    expectTypeOf<AlipayLogger>().toHaveProperty('error');
  });
});
