import {
  AlipayCertificateError,
  AlipayKeyError,
  certSerialNumber,
  createVerifier,
  type Verifier,
} from '@aopkit/signer';
import { configError } from '../errors/FakeGatewayError.js';
import type { AppSignType } from '../FakeGatewayCore.js';
import type { WireCharset } from '../request/charset.js';
import { checkEncryptKey } from './encryptKey.js';

/** How an app's key is configured: a public key, or (certificate mode) a public-key certificate. */
export type AppKey = { publicKey: string } | { appCert: string };

// createVerifier names the key and its fields after Alipay's; the key here is the app's.
const APP_KEY_NAMES = {
  alipayPublicKey: 'publicKey',
  alipayPublicCert: 'appCert',
  keyNoun: 'the key',
} as const;

/** A malformed app key: the signer's error, same class, its message naming the app and its field. */
function appKeyError(appId: string, field: 'publicKey' | 'appCert', path: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const message = `app ${appId}: ${reason.startsWith(field) ? reason : `${field}: ${reason}`}`;
  if (cause instanceof AlipayCertificateError) return new AlipayCertificateError(message, { cause });
  if (cause instanceof AlipayKeyError) return new AlipayKeyError(message, { cause });
  return configError(`${path}.${field}`, message, cause);
}

/** An app as the gateway holds it: its public key, parsed once per charset it is verified in. */
export class AppRecord {
  readonly #verifiers = new Map<WireCharset, Verifier>();
  /** Certificate mode: the app_cert_sn its requests must carry. */
  readonly appCertSn: string | undefined;
  /** AES content encryption: the app's key (base64 of 16 bytes), when it has one. */
  readonly encryptKey: string | undefined;

  constructor(
    readonly appId: string,
    readonly key: AppKey,
    readonly signType: AppSignType,
    encryptKey?: unknown,
    /** Where the app was given, for errors' `field`: `registerApp` or `fixtures.apps[i]`. */
    path = 'registerApp',
  ) {
    // A malformed encryptKey throws a FakeGatewayError naming the field (never the key).
    this.encryptKey =
      encryptKey === undefined ? undefined : checkEncryptKey(appId, encryptKey, `${path}.encryptKey`);
    const field = 'appCert' in key ? 'appCert' : 'publicKey';
    try {
      this.appCertSn = 'appCert' in key ? certSerialNumber(key.appCert) : undefined;
      // Parse now: a malformed key throws at registration (AlipayKeyError / AlipayCertificateError).
      this.verifierFor('utf-8');
    } catch (cause) {
      throw appKeyError(appId, field, path, cause);
    }
  }

  /** A verifier of request signatures made over bytes in `charset`. */
  verifierFor(charset: WireCharset): Verifier {
    let verifier = this.#verifiers.get(charset);
    if (!verifier) {
      const fieldNames = APP_KEY_NAMES; // the key is the app's, not Alipay's
      verifier =
        'appCert' in this.key
          ? createVerifier({ alipayPublicCert: this.key.appCert, charset, fieldNames })
          : createVerifier({ alipayPublicKey: this.key.publicKey, charset, fieldNames });
      this.#verifiers.set(charset, verifier);
    }
    return verifier;
  }
}
