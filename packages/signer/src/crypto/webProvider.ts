import { base64Encode } from '../encoding/base64.js';
import { AlipayKeyError } from '../errors/AlipayKeyError.js';
import type { CryptoProvider, HashName, SignFn, VerifyFn } from './CryptoProvider.js';

const RSA = 'RSASSA-PKCS1-v1_5';
const ZERO_IV = new Uint8Array(16);

// WebCrypto's types want ArrayBuffer-backed views; ours always are.
const buf = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => bytes as Uint8Array<ArrayBuffer>;

/** The WebCrypto provider (`crypto.subtle`): Deno, Bun, workers, browsers, and Node when forced. */
export function createWebProvider(subtle: SubtleCrypto): CryptoProvider {
  return {
    name: 'web',
    createSignFn(pkcs8, hash): SignFn {
      // importKey is asynchronous: start it now, once, and let each signature await the same promise.
      const key = subtle
        .importKey('pkcs8', buf(pkcs8), { name: RSA, hash }, false, ['sign'])
        .catch((cause) => {
          throw new AlipayKeyError('privateKey was refused by WebCrypto', { cause });
        });
      key.catch(() => {}); // reported by the first sign(), not as an unhandled rejection
      return async (data) => base64Encode(new Uint8Array(await subtle.sign(RSA, await key, buf(data))));
    },
    createVerifyFn(spki): VerifyFn {
      // A WebCrypto key is bound to one hash; import lazily per hash, once each.
      const keys = new Map<HashName, Promise<CryptoKey>>();
      const keyFor = (hash: HashName): Promise<CryptoKey> => {
        let key = keys.get(hash);
        if (!key) {
          key = subtle.importKey('spki', buf(spki), { name: RSA, hash }, false, ['verify']);
          keys.set(hash, key);
        }
        return key;
      };
      return async (hash, data, signature) => {
        try {
          return await subtle.verify(RSA, await keyFor(hash), buf(signature), buf(data));
        } catch {
          return false;
        }
      };
    },
    async aesCbc(mode, keyBytes, data) {
      const key = await subtle.importKey('raw', buf(keyBytes), 'AES-CBC', false, [mode]);
      const params = { name: 'AES-CBC', iv: ZERO_IV };
      const out =
        mode === 'encrypt' ? subtle.encrypt(params, key, buf(data)) : subtle.decrypt(params, key, buf(data));
      return new Uint8Array(await out);
    },
  };
}
