import { AlipayError } from './AlipayError.js';

/**
 * The response's signature did not verify, a success came unsigned, or (certificate mode) it was
 * signed by another certificate. The result is never returned: treat the outcome as unknown, and
 * check with the gateway before resending with a new out_biz_no.
 */
export class AlipaySignatureError extends AlipayError {
  override name = 'AlipaySignatureError';
  /** Why: `bad-signature`, `missing-signature` or `cert-sn-mismatch`. */
  readonly reason: string;
  /** The exact response-node text whose signature was checked (public data). */
  readonly content: string;
  /** The base64 signature received, `''` when none (public data; never in the message). */
  readonly signature: string;

  constructor(
    message: string,
    details: { reason: string; content: string; signature: string },
    options: { cause?: unknown } = {},
  ) {
    super(message, { retryable: false, cause: options.cause });
    this.reason = details.reason;
    this.content = details.content;
    this.signature = details.signature;
  }
}
