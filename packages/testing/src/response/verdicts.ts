import { RESULT_CODES, SUB_CODES, type SubCode } from '@aopkit/types';
import type { Verdict } from '../FakeGatewayCore.js';

/** The verdict of a sub code, all texts from @aopkit/types; `detail` is appended to its sub_msg. */
export function verdictOf(subCode: SubCode, detail = ''): Verdict {
  const info = SUB_CODES[subCode];
  return {
    code: info.code,
    msg: RESULT_CODES[info.code].msg,
    sub_code: subCode,
    sub_msg: info.subMsg + detail,
  };
}

/** 40004 INVALID_PARAMETER naming what is wrong, in Chinese then English. */
export function invalidParameter(zh: string, en: string): Verdict {
  return verdictOf('INVALID_PARAMETER', `：${zh}（${en}）`);
}

export const SUCCESS: Verdict = { code: '10000', msg: RESULT_CODES['10000'].msg };
