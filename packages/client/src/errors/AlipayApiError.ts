import { AlipayError } from './AlipayError.js';

/** The raw gateway fields of a failed call. */
export interface ApiErrorFields {
  readonly code: string;
  readonly msg: string;
  readonly sub_code?: string;
  readonly sub_msg?: string;
}

/** Extra detail of an `isv.invalid-signature` failure: what each side signed, and where they part. */
export interface SignatureMismatch {
  /** The string the gateway says it verified (from sub_msg), `&amp;` decoded. */
  readonly gatewaySignString: string;
  /** The string this client signed for that attempt. */
  readonly clientSignString: string;
  /** The first difference, in words: a parameter missing or extra, a value or charset that differs. */
  readonly firstDifference: string;
}

/**
 * The gateway answered with a code other than 10000. `verified` is false when the answer came
 * unsigned (some gateway errors do): report it, but don't trust its details for decisions.
 */
export class AlipayApiError extends AlipayError implements ApiErrorFields {
  override name = 'AlipayApiError';
  readonly code: string;
  readonly msg: string;
  readonly sub_code?: string;
  readonly sub_msg?: string;
  /** What to do about it, from the spec's result and sub-codes. */
  readonly advice?: string;
  /** Whether the response's signature verified. */
  readonly verified: boolean;
  readonly gatewaySignString?: string;
  readonly clientSignString?: string;
  readonly firstDifference?: string;

  constructor(
    fields: ApiErrorFields & { advice?: string; verified: boolean; retryable: boolean },
    mismatch?: SignatureMismatch,
  ) {
    // With a signature mismatch the sub_msg carries the whole signed string: keep it out of the message.
    const detail = mismatch
      ? `: the gateway could not verify the request signature (first difference: ${mismatch.firstDifference})`
      : fields.sub_msg
        ? `: ${fields.sub_msg}`
        : '';
    const sub = fields.sub_code === undefined ? '' : ` ${fields.sub_code}${detail}`;
    super(`${fields.code} ${fields.msg}${sub}`, { retryable: fields.retryable });
    this.code = fields.code;
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
