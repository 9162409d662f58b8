/**
 * Base class of every error `@aopkit/client` throws. `retryable` says whether sending the identical
 * request again is both safe (out_biz_no makes it idempotent) and likely to help.
 * Messages never contain key material or signatures.
 */
export class AlipayError extends Error {
  // An explicit string, not `new.target.name`: minifiers rename classes.
  override name = 'AlipayError';
  /** Whether the client would retry this outcome (see `shouldRetry`). */
  readonly retryable: boolean;

  constructor(message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}
