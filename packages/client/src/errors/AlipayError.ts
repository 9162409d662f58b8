import { AopkitError } from '@aopkit/signer';

/** The stable `code` of each client error class (AlipayApiError carries the gateway's result code instead). */
export type AlipayErrorCode =
  | 'ERR_VALIDATION'
  | 'ERR_CONNECTION'
  | 'ERR_TIMEOUT'
  | 'ERR_RESPONSE'
  | 'ERR_RESPONSE_TOO_LARGE'
  | 'ERR_RESPONSE_MISMATCH'
  | 'ERR_SIGNATURE'
  /** A failure inside the client or the runtime (its crypto, a module that would not load); `cause` holds it. */
  | 'ERR_UNEXPECTED';

/** What every client error is built from. */
export interface AlipayErrorOptions {
  readonly code?: string;
  readonly retryable?: boolean;
  readonly mayHaveIssued?: boolean;
  readonly cause?: unknown;
}

/**
 * Base class of every error `@aopkit/client` throws, under the one aopkit root `AopkitError`: switch
 * on `code` (`ERR_VALIDATION`, `ERR_TIMEOUT`, … or, for AlipayApiError, the gateway's result code).
 * Thrown as itself only with `ERR_UNEXPECTED`: a failure inside the client or the runtime (a bug,
 * crypto that fails), never retried, its `cause` the original error.
 * Messages never contain key material, tokens or signatures, and never a whole input value.
 */
export class AlipayError extends AopkitError {
  // An explicit string, not `new.target.name`: minifiers rename classes.
  override name = 'AlipayError';
  /**
   * Whether sending the identical request again is both safe (out_biz_no makes it idempotent) and
   * likely to help; the client retries exactly these outcomes (see `shouldRetry`).
   */
  readonly retryable: boolean;
  /**
   * Whether a voucher may have been issued for this out_biz_no all the same: true when the answer
   * was lost or cannot be trusted (a timeout, a dropped connection, an HTTP error, a bad signature),
   * false when nothing was sent or the gateway's verified answer refused the call. When true,
   * resend the same out_biz_no (same template_id) to learn the outcome: it never issues twice.
   * On an error `send()` rejects with, true if any of its attempts may have issued one.
   */
  readonly mayHaveIssued: boolean;
  /** How many requests `send()` made before rejecting with this error (0: refused before sending). */
  readonly attempts: number = 0;

  constructor(message: string, options: AlipayErrorOptions = {}) {
    super(message, { code: options.code ?? 'ERR_UNEXPECTED', cause: options.cause });
    this.retryable = options.retryable ?? false;
    this.mayHaveIssued = options.mayHaveIssued ?? false;
  }
}

/** Records, on the error `send()` rejects with, the attempts it made and whether any may have issued. */
export function settleError(error: AlipayError, attempts: number, mayHaveIssued: boolean): AlipayError {
  const writable = error as { attempts: number; mayHaveIssued: boolean };
  writable.attempts = attempts;
  writable.mayHaveIssued = mayHaveIssued;
  return error;
}
