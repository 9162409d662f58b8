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
import { AlipaySignatureError } from '../errors/AlipaySignatureError.js';
import type { VoucherSendResult } from '../input/VoucherSendParams.js';
import { apiErrorFrom } from './apiErrorFrom.js';

/** The spec's success code (checked against its result codes at compile time). */
export const SUCCESS = '10000' satisfies ResultCode;
const FIELDS = Object.keys(RESPONSE_FIELDS) as (keyof typeof RESPONSE_FIELDS)[];

async function verify(verifier: Verifier, rawBody: string): Promise<VerifiedResponse> {
  try {
    return await verifier.verifyResponse(rawBody, METHOD);
  } catch (cause) {
    if (cause instanceof AlipaySignatureVerificationError) {
      const { reason, content, signature } = cause;
      throw new AlipaySignatureError(
        `the response was refused: ${cause.message}`,
        { reason, content, signature },
        { cause },
      );
    }
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

/**
 * Verifies the raw body with the signer BEFORE anything is parsed or trusted, then reads it:
 * a verified 10000 resolves to `{ voucher_id, user_id }`; any other code throws AlipayApiError
 * (`verified: false` when the error came unsigned). `clientSignString` explains signature failures.
 */
export async function readResponse(
  rawBody: string,
  verifier: Verifier,
  clientSignString: string,
  encryptKey?: string,
  charset: Charset = 'utf-8',
): Promise<VoucherSendResult> {
  const { node: raw, verified } = await verify(verifier, rawBody);
  const node = typeof raw === 'string' ? await decrypt(raw, encryptKey, charset) : raw;
  const fields = (typeof node === 'object' && node !== null ? node : {}) as Record<string, unknown>;
  const code = fields.code;
  if (typeof code !== 'string')
    throw new AlipayResponseError('the response node has no code', { status: 200 });
  if (code !== SUCCESS) throw apiErrorFrom({ ...fields, code }, verified, clientSignString);
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
  return result;
}
