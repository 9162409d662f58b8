import { RESULT_CODE_HANDLING, type ResultCode, SUB_CODE_HANDLING, type SubCode } from '@aopkit/types';
import { AlipayApiError, type SignatureMismatch } from '../errors/AlipayApiError.js';
import { AlipayResponseError } from '../errors/AlipayResponseError.js';
import { excerpt } from '../text/excerpt.js';
import { firstDifference, gatewaySignStringFrom, hideCredentials } from './compareSignStrings.js';

/** A response node with a code other than 10000, as received. */
export interface FailureNode {
  readonly code: string;
  readonly msg?: unknown;
  readonly sub_code?: unknown;
  readonly sub_msg?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
interface Handling {
  readonly meaning: string;
  readonly advice: string;
  readonly retryable: boolean;
}
const lookup = <T extends Handling>(
  table: Readonly<Record<string, T>>,
  key: string | undefined,
): T | undefined => (key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined);

/**
 * Builds the error for a failed call. The English message, advice and retry verdict come from the
 * spec's sub-codes
 * (more specific) or else its result codes. A result code the spec does not declare is an
 * AlipayResponseError (not retried), so AlipayApiError's `code` is always a known one. For
 * `isv.invalid-signature`, the gateway's string is compared with the one this client signed.
 * `secrets` (the app_auth_token) are hidden wherever the gateway quotes them.
 */
export function apiErrorFrom(
  node: FailureNode,
  verified: boolean,
  clientSignString: string,
  secrets: readonly string[] = [],
): AlipayApiError | AlipayResponseError {
  const codeInfo = lookup(RESULT_CODE_HANDLING, node.code);
  if (codeInfo === undefined) {
    return new AlipayResponseError(
      `result code ${JSON.stringify(excerpt(node.code, 32))} is not in the spec`,
      { status: 200, resultCode: excerpt(node.code, 32) },
    );
  }
  const sub_code = text(node.sub_code);
  const sub_msg = text(node.sub_msg);
  const subInfo = lookup(SUB_CODE_HANDLING, sub_code);
  const hide = (s: string) => hideCredentials(s, secrets);
  let mismatch: SignatureMismatch | undefined;
  const gatewaySignString =
    sub_code === ('isv.invalid-signature' satisfies SubCode)
      ? gatewaySignStringFrom(sub_msg, clientSignString)
      : undefined;
  if (gatewaySignString !== undefined) {
    // Compared in full; shown without credentials (an error gets logged, printed, serialised).
    mismatch = {
      gatewaySignString: hide(gatewaySignString),
      clientSignString: hide(clientSignString),
      firstDifference: hide(firstDifference(gatewaySignString, clientSignString)),
    };
  }
  // AlipayApiError leaves out the fields that are undefined.
  return new AlipayApiError(
    {
      code: node.code as ResultCode,
      msg: text(node.msg) ?? codeInfo.msg,
      sub_code,
      sub_msg: sub_msg === undefined ? undefined : hide(sub_msg),
      advice: subInfo?.advice ?? codeInfo.advice,
      verified,
      retryable: subInfo?.retryable ?? codeInfo.retryable,
      meanings: { code: `${codeInfo.msg}: ${codeInfo.meaning}`, sub_code: subInfo?.meaning },
    },
    mismatch,
  );
}
