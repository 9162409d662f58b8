import {
  certSerialNumber,
  createSigner,
  createVerifier,
  rootCertSerialNumber,
  type Signer,
  type Verifier,
} from '@aopkit/signer';
import type { CommonRequestParams } from '@aopkit/types';
import type { AlipayClientOptions } from './AlipayClientOptions.js';
import { invalidOption } from './invalidOption.js';
import { readString } from './readString.js';

/** The parsed keys and certificate SNs of a client. */
export interface ClientCrypto {
  readonly signer: Signer;
  readonly verifier: Verifier;
  readonly appCertSn?: string;
  readonly alipayRootCertSn?: string;
}

type Charset = CommonRequestParams['charset'];
type SignType = CommonRequestParams['sign_type'];

// The signer's errors say why a key was refused without echoing it; keep them as the cause.
function guarded<T>(field: string, what: string, make: () => T): T {
  try {
    return make();
  } catch (cause) {
    const why = cause instanceof Error ? `: ${cause.message}` : '';
    throw invalidOption(field, 'key', `is not a usable ${what}${why}`, cause);
  }
}

/** Parses every key and certificate once, at creation: public-key mode or certificate mode. */
export function readCrypto(options: AlipayClientOptions, signType: SignType, charset: Charset): ClientCrypto {
  const secret = { secret: true } as const;
  const privateKey = readString(options.privateKey, 'privateKey', { required: true, secret: true })!;
  const alipayPublicKey = readString(options.alipayPublicKey, 'alipayPublicKey', secret);
  const appCert = readString(options.appCert, 'appCert', secret);
  const alipayPublicCert = readString(options.alipayPublicCert, 'alipayPublicCert', secret);
  const alipayRootCert = readString(options.alipayRootCert, 'alipayRootCert', secret);
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
  return { signer, verifier, appCertSn, alipayRootCertSn };
}
