import { SignerError } from './SignerError.js';

/** Why a response was refused. */
export type VerificationFailureReason =
  /** A `sign` was present and does not verify (not even after Java's `\/` → `/` retry). */
  | 'bad-signature'
  /** A success (or an encrypted node) came without `sign`. */
  | 'missing-signature'
  /** Certificate mode: `alipay_cert_sn` is absent or is not the configured Alipay certificate's SN. */
  | 'cert-sn-mismatch';

/**
 * A gateway response failed verification. `code` is `ERR_RESPONSE_SIGNATURE`; `reason` says why.
 * Carries the exact content that was checked and the signature received: both are public data, never
 * a key.
 */
export class AlipaySignatureVerificationError extends SignerError {
  override name = 'AlipaySignatureVerificationError';
  declare readonly code: 'ERR_RESPONSE_SIGNATURE';
  readonly reason: VerificationFailureReason;
  /** The exact text whose signature was checked (the raw response node). */
  readonly content: string;
  /** The base64 signature received (`''` when none was sent). */
  readonly signature: string;

  constructor(
    message: string,
    details: { reason: VerificationFailureReason; content: string; signature: string },
    options: { cause?: unknown } = {},
  ) {
    super(message, { code: 'ERR_RESPONSE_SIGNATURE', cause: options.cause });
    this.reason = details.reason;
    this.content = details.content;
    this.signature = details.signature;
  }
}
