import { AlipayError } from './AlipayError.js';

/**
 * The gateway's answer was not a usable response: HTTP status other than 200 (a redirect included),
 * a body that is not JSON, no response node, a result code the spec does not declare (`resultCode`
 * holds it), or (`ERR_RESPONSE_TOO_LARGE`) a body over `maxResponseBytes`. Code `ERR_RESPONSE` unless
 * said otherwise; retryable only for HTTP 5xx. `mayHaveIssued` is true: whatever answered, the
 * request may have reached the gateway; resend the same out_biz_no to learn the outcome.
 */
export class AlipayResponseError extends AlipayError {
  override name = 'AlipayResponseError';
  declare readonly code: 'ERR_RESPONSE' | 'ERR_RESPONSE_TOO_LARGE' | 'ERR_RESPONSE_MISMATCH';
  /** The HTTP status, when known. */
  readonly status?: number;
  /** A result code the spec does not declare, as the gateway sent it (an excerpt). */
  readonly resultCode?: string;

  constructor(
    message: string,
    details: {
      status?: number;
      code?: AlipayResponseError['code'];
      retryable?: boolean;
      resultCode?: string;
    } = {},
    options: { cause?: unknown } = {},
  ) {
    const { status } = details;
    super(message, {
      code: details.code ?? 'ERR_RESPONSE',
      retryable: details.retryable ?? (status !== undefined && status >= 500 && status <= 599),
      mayHaveIssued: true,
      cause: options.cause,
    });
    if (status !== undefined) this.status = status;
    if (details.resultCode !== undefined) this.resultCode = details.resultCode;
  }
}
