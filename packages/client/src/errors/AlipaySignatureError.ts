import type { VerificationFailureReason } from '@aopkit/signer';
import { AlipayError } from './AlipayError.js';

/**
 * The response's signature did not verify, a success came unsigned, or (certificate mode) it was
 * signed by another certificate. Code `ERR_SIGNATURE`. The result is never returned, and the call is
 * not retried (a wrong key fails every time); `mayHaveIssued` is true: resend the same out_biz_no,
 * once the keys are right, to learn whether a voucher was issued. The client's message says what to
 * check: the Alipay public key or certificate, sandbox keys against production or the reverse.
 */
export class AlipaySignatureError extends AlipayError {
  override name = 'AlipaySignatureError';
  declare readonly code: 'ERR_SIGNATURE';
  /** Why: `bad-signature`, `missing-signature` or `cert-sn-mismatch`. */
  readonly reason: VerificationFailureReason;
  /** The exact response-node text whose signature was checked (public data). */
  readonly content: string;
  /** The base64 signature received, `''` when none (public data; never in the message). */
  readonly signature: string;

  constructor(
    message: string,
    details: { reason: VerificationFailureReason; content: string; signature: string },
    options: { cause?: unknown } = {},
  ) {
    super(message, { code: 'ERR_SIGNATURE', retryable: false, mayHaveIssued: true, cause: options.cause });
    this.reason = details.reason;
    this.content = details.content;
    this.signature = details.signature;
  }
}
