import { AlipayError } from './AlipayError.js';

/** An attempt took longer than `timeoutMs`. Retryable: the identical request is safe to resend. */
export class AlipayTimeoutError extends AlipayError {
  override name = 'AlipayTimeoutError';
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: { cause?: unknown } = {}) {
    super(`no response within ${timeoutMs} ms`, { retryable: true, cause: options.cause });
    this.timeoutMs = timeoutMs;
  }
}
