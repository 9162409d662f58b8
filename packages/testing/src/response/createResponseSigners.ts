import { createSigner, type Signer, type SignType } from '@aopkit/signer';
import type { WireCharset } from '../request/charset.js';

/** The fake Alipay signer for a response's sign_type and charset (both follow the request). */
export type ResponseSigners = (signType: SignType, charset: WireCharset) => Signer;

/** Signers over the fake Alipay private key, created once per (sign_type, charset) pair. */
export function createResponseSigners(privateKey: string): ResponseSigners {
  const cache = new Map<string, Signer>();
  const signerFor: ResponseSigners = (signType, charset) => {
    const key = `${signType}/${charset}`;
    let signer = cache.get(key);
    if (!signer) {
      signer = createSigner({ privateKey, signType, charset });
      cache.set(key, signer);
    }
    return signer;
  };
  signerFor('RSA2', 'utf-8'); // parse the key now: a bad key fails at creation, not at the first request
  return signerFor;
}
