import { AlipayError } from './AlipayError.js';

/**
 * The gateway's answer was not a usable response: HTTP status other than 200, a body that is not
 * JSON, or no response node. Retryable only for HTTP 5xx.
 */
export class AlipayResponseError extends AlipayError {
  override name = 'AlipayResponseError';
  /** The HTTP status, when the failure is one. */
  readonly status?: number;

  constructor(message: string, details: { status?: number } = {}, options: { cause?: unknown } = {}) {
    const { status } = details;
    super(message, {
      retryable: status !== undefined && status >= 500 && status <= 599,
      cause: options.cause,
    });
    if (status !== undefined) this.status = status;
  }
}
