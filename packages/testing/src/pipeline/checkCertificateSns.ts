import type { Verdict } from '../FakeGatewayCore.js';
import { verdictOf } from '../response/verdicts.js';

/**
 * Certificate mode (PROTOCOL §9), once the signature has verified: app_cert_sn must be the app's
 * certificate SN, and alipay_root_cert_sn must list the root bundle's SNs. The spec declares no
 * dedicated sub code for a mismatch, so it is isv.invalid-parameter naming the parameter.
 */
export function checkCertificateSns(
  params: Readonly<Record<string, string>>,
  appCertSn: string,
  alipayRootCertSn: string | undefined,
): Verdict | undefined {
  if (params.app_cert_sn !== appCertSn) return verdictOf('isv.invalid-parameter', '：app_cert_sn');
  const sent = new Set((params.alipay_root_cert_sn ?? '').split('_'));
  const expected = alipayRootCertSn?.split('_') ?? [];
  if (!expected.every((sn) => sent.has(sn)))
    return verdictOf('isv.invalid-parameter', '：alipay_root_cert_sn');
  return undefined;
}
