import { RESULT_CODE_HANDLING, SUB_CODE_HANDLING, type SubCode } from '@aopkit/types';
import { AlipayApiError, type SignatureMismatch } from '../errors/AlipayApiError.js';
import { firstDifference, gatewaySignStringFrom, hideCredentials } from './compareSignStrings.js';

/** A response node with a code other than 10000, as received. */
export interface FailureNode {
  readonly code: string;
  readonly msg?: unknown;
  readonly sub_code?: unknown;
  readonly sub_msg?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const lookup = <T>(table: Readonly<Record<string, T>>, key: string | undefined): T | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * Builds the error for a failed call. Advice and the retry verdict come from the spec's sub-codes
 * (more specific) or else its result codes; an unknown code is not retried. For
 * `isv.invalid-signature`, the gateway's string is compared with the one this client signed.
 */
export function apiErrorFrom(node: FailureNode, verified: boolean, clientSignString: string): AlipayApiError {
  const sub_code = text(node.sub_code);
  const sub_msg = text(node.sub_msg);
  const subInfo = lookup<{ advice: string; retryable: boolean }>(SUB_CODE_HANDLING, sub_code);
  const codeInfo = lookup<{ msg: string; advice: string; retryable: boolean }>(
    RESULT_CODE_HANDLING,
    node.code,
  );
  let mismatch: SignatureMismatch | undefined;
  const gatewaySignString =
    sub_code === ('isv.invalid-signature' satisfies SubCode)
      ? gatewaySignStringFrom(sub_msg, clientSignString)
      : undefined;
  if (gatewaySignString !== undefined) {
    // Compared in full; shown without credentials (an error gets logged, printed, serialised).
    mismatch = {
      gatewaySignString: hideCredentials(gatewaySignString),
      clientSignString: hideCredentials(clientSignString),
      firstDifference: firstDifference(gatewaySignString, clientSignString),
    };
  }
  // AlipayApiError leaves out the fields that are undefined.
  return new AlipayApiError(
    {
      code: node.code,
      msg: text(node.msg) ?? codeInfo?.msg ?? '',
      sub_code,
      sub_msg: sub_msg === undefined ? undefined : hideCredentials(sub_msg),
      advice: subInfo?.advice ?? codeInfo?.advice,
      verified,
      retryable: subInfo?.retryable ?? codeInfo?.retryable ?? false,
    },
    mismatch,
  );
}
