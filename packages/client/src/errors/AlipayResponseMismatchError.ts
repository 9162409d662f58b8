import { AlipayResponseError } from './AlipayResponseError.js';

/**
 * A genuine, validly signed success that does not answer this request: the request named a
 * `user_id`, the answer is for another user (a replayed answer, a proxy that mixed up connections).
 * Its voucher is not this call's, so `send()` never resolves with it. Code `ERR_RESPONSE_MISMATCH`.
 *
 * Retryable, and retried: `template_id` + `out_biz_no` identify the operation, so resending the
 * identical request can never issue a second voucher; it returns this request's own voucher (or its
 * real refusal). `mayHaveIssued` is true: this request's own answer was never seen.
 */
export class AlipayResponseMismatchError extends AlipayResponseError {
  override name = 'AlipayResponseMismatchError';
  declare readonly code: 'ERR_RESPONSE_MISMATCH';
  /** The response field that does not match the request (`user_id`). */
  readonly field: string;
  /** The value the request sent. */
  readonly expected: string;
  /** The value in the signed answer (an excerpt when long). */
  readonly received: string;

  constructor(details: { field: string; expected: string; received: string }) {
    super(
      `the signed success is for ${details.field} ${details.received}, not ${details.expected}: not this request's answer; resending the same out_biz_no is safe and returns its own voucher`,
      { status: 200, code: 'ERR_RESPONSE_MISMATCH', retryable: true },
    );
    this.field = details.field;
    this.expected = details.expected;
    this.received = details.received;
  }
}
