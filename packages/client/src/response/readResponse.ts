import {
  AlipayMalformedResponseError,
  AlipaySignatureVerificationError,
  aesDecrypt,
  type Charset,
  type VerifiedResponse,
  type Verifier,
} from '@aopkit/signer';
import { METHOD, RESPONSE_FIELDS, type ResultCode } from '@aopkit/types';
import { AlipayResponseError } from '../errors/AlipayResponseError.js';
import { AlipayResponseMismatchError } from '../errors/AlipayResponseMismatchError.js';
import { AlipaySignatureError } from '../errors/AlipaySignatureError.js';
import type { VoucherSendResult } from '../input/VoucherSendParams.js';
import { excerpt } from '../text/excerpt.js';

/** The spec's success code (checked against its result codes at compile time). */
export const SUCCESS = '10000' satisfies ResultCode;
const FIELDS = Object.keys(RESPONSE_FIELDS) as (keyof typeof RESPONSE_FIELDS)[];

async function verify(verifier: Verifier, rawBody: string): Promise<VerifiedResponse> {
  try {
    return await verifier.verifyResponse(rawBody, METHOD);
  } catch (cause) {
    if (cause instanceof AlipaySignatureVerificationError)
      throw (await import('./failureDiagnostics.js')).signatureErrorFrom(cause);
    if (cause instanceof AlipayMalformedResponseError) {
      throw new AlipayResponseError(
        `the gateway's answer is unusable: ${cause.message}`,
        { status: 200 },
        { cause },
      );
    }
    throw cause;
  }
}

async function decrypt(node: string, encryptKey: string | undefined, charset: Charset): Promise<unknown> {
  if (encryptKey === undefined) {
    throw new AlipayResponseError('the response is AES-encrypted but the client has no encryptKey', {
      status: 200,
    });
  }
  try {
    return JSON.parse(await aesDecrypt(node, encryptKey, { charset }));
  } catch (cause) {
    throw new AlipayResponseError(
      'the encrypted response could not be decrypted to JSON',
      { status: 200 },
      { cause },
    );
  }
}

/** What a response is checked against: the keys, and what this request asked. */
export interface ResponseExpectations {
  readonly verifier: Verifier;
  /** The string this attempt signed: explains an `isv.invalid-signature`. */
  readonly clientSignString: string;
  readonly encryptKey?: string | undefined;
  readonly charset: Charset;
  /** The `user_id` the request named, if any: a success must be for that user. */
  readonly userId?: string | undefined;
  /** Credentials to hide wherever the gateway quotes them (the app_auth_token). */
  readonly secrets: readonly string[];
}

/**
 * Verifies the raw body with the signer BEFORE anything is parsed or trusted, then reads it:
 * a verified 10000 that answers this request resolves to `{ voucher_id, user_id }`; any other code
 * throws AlipayApiError (`verified: false` when the error came unsigned); a success for another
 * user than the request named throws AlipayResponseMismatchError.
 */
export async function readResponse(
  rawBody: string,
  expect: ResponseExpectations,
): Promise<VoucherSendResult> {
  const { node: raw, verified } = await verify(expect.verifier, rawBody);
  const node = typeof raw === 'string' ? await decrypt(raw, expect.encryptKey, expect.charset) : raw;
  const fields = (typeof node === 'object' && node !== null ? node : {}) as Record<string, unknown>;
  const code = fields.code;
  if (typeof code !== 'string')
    throw new AlipayResponseError('the response node has no code', { status: 200 });
  if (code !== SUCCESS) {
    // Loaded on the first failure: the code tables and the sign-string comparison are the bulk of it.
    const { apiErrorFrom } = await import('./failureDiagnostics.js');
    throw apiErrorFrom({ ...fields, code }, verified, expect.clientSignString, expect.secrets);
  }
  // The signer never resolves an unsigned success; this guards the invariant all the same.
  if (!verified)
    throw new AlipaySignatureError('a success came unsigned', {
      reason: 'missing-signature',
      content: '',
      signature: '',
    });
  const result = {} as VoucherSendResult;
  for (const field of FIELDS) {
    const value = fields[field];
    if (typeof value !== 'string' || value === '') {
      throw new AlipayResponseError(`the success response has no ${field}`, { status: 200 });
    }
    result[field] = value;
  }
  // A genuine signed success for someone else (a replayed answer, a proxy that mixed connections)
  // is not this request's answer: its voucher must never be reported as this call's.
  if (expect.userId !== undefined && result.user_id !== expect.userId) {
    throw new AlipayResponseMismatchError({
      field: 'user_id',
      expected: expect.userId,
      received: excerpt(result.user_id, 32),
    });
  }
  return result;
}
