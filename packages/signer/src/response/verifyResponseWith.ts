import { AlipaySignatureVerificationError } from '../errors/AlipaySignatureVerificationError.js';
import { SignerOptionError } from '../errors/SignerOptionError.js';
import { excerpt } from '../input/shown.js';
import { type MaybePromise, settle } from '../maybeAsync.js';
import { type ExtractedResponse, extractResponse } from './extractResponse.js';
import { isErrorReport } from './isErrorReport.js';
import type { VerifiedResponse } from './VerifiedResponse.js';

/** What response verification needs from a verifier. */
export interface ResponseCheck {
  /** Checks a base64 signature over text in the verifier's charset and sign type. */
  readonly verify: (content: string, signature: string) => MaybePromise<boolean>;
  /** Certificate mode: the SN responses must carry in `alipay_cert_sn`. */
  readonly alipayCertSn?: string | undefined;
}

const failure = (message: string, reason: AlipaySignatureVerificationError['reason'], e: ExtractedResponse) =>
  new AlipaySignatureVerificationError(message, { reason, content: e.content, signature: e.sign ?? '' });

function accept(extracted: ExtractedResponse): VerifiedResponse {
  extracted.verified = true;
  return extracted;
}

function refuse(extracted: ExtractedResponse): never {
  throw failure(
    `the signature of ${excerpt(extracted.nodeName)} does not verify`,
    'bad-signature',
    extracted,
  );
}

/** After a failed check: Java retries once with `\/` unescaped (some gateways sign before escaping slashes). */
function retry(
  check: ResponseCheck,
  extracted: ExtractedResponse,
  sign: string,
): MaybePromise<VerifiedResponse> {
  const { content } = extracted;
  if (!content.includes('\\/')) refuse(extracted);
  const ok = check.verify(content.replaceAll('\\/', '/'), sign);
  if (typeof ok === 'boolean') return ok ? accept(extracted) : refuse(extracted);
  return ok.then((ok) => (ok ? accept(extracted) : refuse(extracted)));
}

function run(check: ResponseCheck, rawBody: string, method: string): MaybePromise<VerifiedResponse> {
  if (typeof method !== 'string' || method === '') {
    throw new SignerOptionError('verifyResponse: method must be a non-empty string', {
      field: 'method',
      rule: typeof method === 'string' ? 'required' : 'type',
    });
  }
  const extracted = extractResponse(rawBody, method);
  const { sign } = extracted;
  if (sign === undefined) {
    // Some gateway errors come unsigned: report them, marked unverified. Never accept a success so.
    if (isErrorReport(extracted.node)) return extracted; // verified: false
    throw failure(
      `the response ${excerpt(extracted.nodeName)} is not signed`,
      'missing-signature',
      extracted,
    );
  }
  if (check.alipayCertSn !== undefined && extracted.alipayCertSn !== check.alipayCertSn) {
    // The received value is bounded: a hostile body could make it any size.
    const got = extracted.alipayCertSn === undefined ? 'null' : excerpt(extracted.alipayCertSn);
    throw failure(
      `alipay_cert_sn ${got} is not the configured Alipay certificate's SN ${check.alipayCertSn}`,
      'cert-sn-mismatch',
      extracted,
    );
  }
  // Synchronous with node:crypto: no promise is made until the very end.
  const ok = check.verify(extracted.content, sign);
  if (typeof ok === 'boolean') return ok ? accept(extracted) : retry(check, extracted, sign);
  return ok.then((ok) => (ok ? accept(extracted) : retry(check, extracted, sign)));
}

/** PROTOCOL §5, step by step. Synchronous inside when the crypto allows; always a promise outside. */
export function verifyResponseWith(
  check: ResponseCheck,
  rawBody: string,
  method: string,
): Promise<VerifiedResponse> {
  return settle(() => run(check, rawBody, method));
}
