import type { VerificationFailureReason } from '@aopkit/signer';
import { AlipayError } from './AlipayError.js';

const CHECK: Readonly<Record<VerificationFailureReason, string>> = {
  'bad-signature':
    'check that alipayPublicKey is the Alipay public key (支付宝公钥), not your app public key (in certificate mode: alipayPublicCert), and that keys and gateway are of one environment (sandbox keys against production, or the reverse, fail so)',
  'missing-signature': "a success must be signed: check that gateway is Alipay's",
  'cert-sn-mismatch': "check that alipayPublicCert is Alipay's current certificate",
};

/**
 * The response's signature did not verify, a success came unsigned, or (certificate mode) it was
 * signed by another certificate. Code `ERR_SIGNATURE`. The result is never returned, and the call is
 * not retried (a wrong key fails every time); `mayHaveIssued` is true: resend the same out_biz_no,
 * once the keys are right, to learn whether a voucher was issued.
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

  /** `message` says what failed; the advice on what to check and on the voucher is appended. */
  constructor(
    message: string,
    details: { reason: VerificationFailureReason; content: string; signature: string },
    options: { cause?: unknown } = {},
  ) {
    const check = Object.hasOwn(CHECK, details.reason) ? `: ${CHECK[details.reason]}` : '';
    super(
      `${message}${check}. A voucher may already have been issued: resend the same out_biz_no to learn it`,
      { code: 'ERR_SIGNATURE', retryable: false, mayHaveIssued: true, cause: options.cause },
    );
    this.reason = details.reason;
    this.content = details.content;
    this.signature = details.signature;
  }
}
