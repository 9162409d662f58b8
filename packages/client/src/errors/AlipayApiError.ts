import type { ResultCode, SubCode } from '@aopkit/types';
import { excerpt } from '../text/excerpt.js';
import { AlipayError } from './AlipayError.js';

/** The raw gateway fields of a failed call. */
export interface ApiErrorFields {
  readonly code: ResultCode;
  readonly msg: string;
  readonly sub_code?: SubCode | (string & {});
  readonly sub_msg?: string;
}

/** Extra detail of an `isv.invalid-signature` failure: what each side signed, and where they part. */
export interface SignatureMismatch {
  /** The string the gateway says it verified (from sub_msg), `&amp;` decoded, credentials hidden. */
  readonly gatewaySignString: string;
  /** The string this client signed for that attempt, credentials hidden. */
  readonly clientSignString: string;
  /** The first difference, in words: a parameter missing or extra, a value or charset that differs. */
  readonly firstDifference: string;
}

/**
 * The gateway answered with a result code other than 10000. `code` is that result code (not an
 * `ERR_…` string: switch on it as the spec lists them); an answer with a code the spec does not
 * declare is never an AlipayApiError but an AlipayResponseError (`ERR_RESPONSE`, `resultCode`), so
 * `code` is always one of {@link ResultCode}. `sub_code` is any string: the spec's known ones are
 * typed, the gateway may send others.
 *
 * The message is English, from the spec's meaning of the code and sub code; the gateway's own `msg`
 * and Chinese `sub_msg` stay in their fields. `verified` is false when the answer came unsigned (some
 * gateway errors do): report it, but don't trust its details for decisions (`mayHaveIssued` is then
 * true). A verified refusal did not issue a voucher, except the retryable busy answers (20000,
 * `SYSTEM_ERROR`), after which `mayHaveIssued` is true.
 */
export class AlipayApiError extends AlipayError implements ApiErrorFields {
  override name = 'AlipayApiError';
  /** The gateway's result code (`'40004'`), one the spec declares. */
  declare readonly code: ResultCode;
  /** The gateway's `msg`, as sent. */
  readonly msg: string;
  readonly sub_code?: SubCode | (string & {});
  /** The gateway's `sub_msg` (usually Chinese), as sent, credentials hidden. */
  readonly sub_msg?: string;
  /** What to do about it, from the spec's result and sub-codes. */
  readonly advice?: string;
  /** Whether the response's signature verified. */
  readonly verified: boolean;
  readonly gatewaySignString?: string;
  readonly clientSignString?: string;
  readonly firstDifference?: string;

  /**
   * `fields.meanings`: the spec's English meaning of the code and of the sub code, for the message
   * (the client looks them up; without them the message has the codes and `msg`). The gateway's own
   * `msg`, and its `sub_msg` (which may quote the whole signed string), never reach the message.
   */
  constructor(
    fields: ApiErrorFields & {
      advice?: string;
      verified: boolean;
      retryable: boolean;
      meanings?: { readonly code: string; readonly sub_code?: string | undefined };
    },
    mismatch?: SignatureMismatch,
  ) {
    let text = `${fields.code} ${fields.meanings?.code ?? excerpt(fields.msg)}`;
    if (fields.sub_code !== undefined) {
      text += ` ${excerpt(fields.sub_code)}: ${
        mismatch
          ? `the gateway could not verify the request signature (first difference: ${mismatch.firstDifference}).`
          : (fields.meanings?.sub_code ?? 'see sub_msg.')
      }`;
    }
    if (!fields.verified) text += ' (unsigned: it may not be from the gateway)';
    if (fields.advice) text += ` ${fields.advice}`;
    super(text, {
      code: fields.code,
      retryable: fields.retryable,
      mayHaveIssued: !fields.verified || fields.retryable,
    });
    this.msg = fields.msg;
    if (fields.sub_code !== undefined) this.sub_code = fields.sub_code;
    if (fields.sub_msg !== undefined) this.sub_msg = fields.sub_msg;
    if (fields.advice !== undefined) this.advice = fields.advice;
    this.verified = fields.verified;
    if (mismatch) {
      this.gatewaySignString = mismatch.gatewaySignString;
      this.clientSignString = mismatch.clientSignString;
      this.firstDifference = mismatch.firstDifference;
    }
  }
}
