import { AlipayError } from './AlipayError.js';

/**
 * The request could not be sent or its response not read (DNS, refused, reset, dropped).
 * Retryable: whether or not the gateway acted, the identical request returns the same voucher.
 */
export class AlipayConnectionError extends AlipayError {
  override name = 'AlipayConnectionError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { retryable: true, cause: options.cause });
  }
}
