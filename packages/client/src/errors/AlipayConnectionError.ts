import { AlipayError } from './AlipayError.js';

/**
 * The request could not be sent or its response not read (DNS, refused, reset, dropped). Code
 * `ERR_CONNECTION`. Retryable: whether or not the gateway acted, the identical request returns the
 * same voucher. `mayHaveIssued` is true: the request may have reached the gateway before the cut.
 */
export class AlipayConnectionError extends AlipayError {
  override name = 'AlipayConnectionError';
  declare readonly code: 'ERR_CONNECTION';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'ERR_CONNECTION', retryable: true, mayHaveIssued: true, cause: options.cause });
  }
}
