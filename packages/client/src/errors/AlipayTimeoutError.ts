import { AlipayError } from './AlipayError.js';

/**
 * An attempt took longer than `timeoutMs`. Code `ERR_TIMEOUT`. Retryable: the identical request is
 * safe to resend. `mayHaveIssued` is true: the gateway may have issued the voucher after the client
 * stopped waiting.
 */
export class AlipayTimeoutError extends AlipayError {
  override name = 'AlipayTimeoutError';
  declare readonly code: 'ERR_TIMEOUT';
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: { cause?: unknown } = {}) {
    super(`no response within ${timeoutMs} ms`, {
      code: 'ERR_TIMEOUT',
      retryable: true,
      mayHaveIssued: true,
      cause: options.cause,
    });
    this.timeoutMs = timeoutMs;
  }
}
