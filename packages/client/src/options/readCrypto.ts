import {
  certSerialNumber,
  createSigner,
  createVerifier,
  isPublicKeyOf,
  rootCertSerialNumber,
  type Signer,
  type Verifier,
} from '@aopkit/signer';
import type { Charset, CommonRequestParams } from '@aopkit/types';
import { excerpt } from '../text/excerpt.js';
import { invalidOption } from './invalidOption.js';
import { own } from './own.js';
import { readString } from './readString.js';

/** The parsed keys and certificate SNs of a client. */
export interface ClientCrypto {
  readonly signer: Signer;
  readonly verifier: Verifier;
  readonly appCertSn?: string;
  readonly alipayRootCertSn?: string;
}

type SignType = CommonRequestParams['sign_type'];

// The signer's errors say why a key was refused without echoing it; keep them as the cause.
function guarded<T>(field: string, what: string, make: () => T): T {
  try {
    return make();
  } catch (cause) {
    const why = cause instanceof Error ? `: ${excerpt(cause.message, 200)}` : '';
    throw invalidOption(field, 'key', `is not a usable ${what}${why}`, cause);
  }
}

/**
 * Refuses the app's own public key (or certificate: appCert itself, or another of the app's key)
 * where Alipay's belongs: the most common setup mistake. Every response would then fail
 * verification, after the gateway may have issued.
 */
function refuseOwnKey(field: 'alipayPublicKey' | 'alipayPublicCert', value: string, privateKey: string) {
  const key = field === 'alipayPublicKey';
  if (
    guarded(field, key ? 'RSA public key' : 'certificate', () =>
      isPublicKeyOf(value, privateKey, { publicKey: field }),
    )
  ) {
    throw invalidOption(
      field,
      'ownKey',
      `${key ? 'is your app public key' : 'is your app certificate'} (privateKey's own): pass the Alipay public ${key ? 'key' : 'certificate'}, which the Open Platform console shows as 支付宝公钥${key ? '' : '证书'}, not the one you uploaded`,
    );
  }
}

/**
 * Parses every key and certificate once, at creation: public-key mode or certificate mode. Keys and
 * certificates are trimmed of surrounding whitespace; read from the options' own properties only.
 */
export function readCrypto(options: object, signType: SignType, charset: Charset): ClientCrypto {
  // Keys and certificates: secret (never shown, trimmed).
  const key = (field: string, required = false) =>
    readString(own(options, field), field, { required, secret: true });
  const privateKey = key('privateKey', true)!;
  const alipayPublicKey = key('alipayPublicKey');
  const appCert = key('appCert');
  const alipayPublicCert = key('alipayPublicCert');
  const alipayRootCert = key('alipayRootCert');
  const certMode = appCert !== undefined || alipayPublicCert !== undefined || alipayRootCert !== undefined;
  if (alipayPublicKey !== undefined && certMode) {
    throw invalidOption(
      'alipayPublicKey',
      'conflict',
      'and the certificate options exclude each other: pick one mode',
    );
  }
  const signer = guarded('privateKey', 'RSA private key', () =>
    createSigner({ privateKey, signType, charset }),
  );
  if (!certMode) {
    if (alipayPublicKey === undefined) {
      throw invalidOption(
        'alipayPublicKey',
        'required',
        'is required (or, in certificate mode, appCert + alipayPublicCert + alipayRootCert): responses must be verified',
      );
    }
    const verifier = guarded('alipayPublicKey', 'RSA public key', () =>
      createVerifier({ alipayPublicKey, signType, charset }),
    );
    refuseOwnKey('alipayPublicKey', alipayPublicKey, privateKey);
    return { signer, verifier };
  }
  for (const [field, value] of Object.entries({ appCert, alipayPublicCert, alipayRootCert })) {
    if (value === undefined) throw invalidOption(field, 'required', 'is required in certificate mode');
  }
  const appCertSn = guarded('appCert', 'certificate', () => certSerialNumber(appCert!));
  const alipayRootCertSn = guarded('alipayRootCert', 'root certificate bundle', () =>
    rootCertSerialNumber(alipayRootCert!),
  );
  const verifier = guarded('alipayPublicCert', 'certificate', () =>
    createVerifier({ alipayPublicCert: alipayPublicCert!, signType, charset }),
  );
  refuseOwnKey('alipayPublicCert', alipayPublicCert!, privateKey);
  return { signer, verifier, appCertSn, alipayRootCertSn };
}
