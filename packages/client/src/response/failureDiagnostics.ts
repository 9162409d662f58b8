import type { AlipaySignatureVerificationError, VerificationFailureReason } from '@aopkit/signer';
import { AlipaySignatureError } from '../errors/AlipaySignatureError.js';
import { excerpt } from '../text/excerpt.js';

// What turns a failed answer into an error that explains it. Loaded on the first failure only (with
// the spec's code tables and the sign-string comparison), so a client that only succeeds never
// parses it.
export { apiErrorFrom } from './apiErrorFrom.js';

const CHECK: Readonly<Record<VerificationFailureReason, string>> = {
  'bad-signature':
    'check that alipayPublicKey is the Alipay public key (支付宝公钥), not your app public key (in certificate mode: alipayPublicCert), and that keys and gateway are of one environment (sandbox keys against production, or the reverse, fail so)',
  'missing-signature': "a success must be signed: check that gateway is Alipay's",
  'cert-sn-mismatch': "check that alipayPublicCert is Alipay's current certificate",
};

/** The signer's refusal of a response, with what to check and what to do about the voucher. */
export function signatureErrorFrom(cause: AlipaySignatureVerificationError): AlipaySignatureError {
  const { reason, content, signature } = cause;
  const check = Object.hasOwn(CHECK, reason) ? `: ${CHECK[reason]}` : '';
  return new AlipaySignatureError(
    `the response was refused: ${excerpt(cause.message, 200)}${check}. A voucher may already have been issued: resend the same out_biz_no to learn it`,
    { reason, content, signature },
    { cause },
  );
}
