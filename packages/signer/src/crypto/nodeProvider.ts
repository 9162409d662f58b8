import type * as NodeCrypto from 'node:crypto';
import type { CryptoProvider, HashName, SignFn, VerifyFn } from './CryptoProvider.js';

const NODE_HASH: Record<HashName, string> = { 'SHA-256': 'sha256', 'SHA-1': 'sha1' };
const ZERO_IV = new Uint8Array(16);

/** node:crypto, reached without an import statement so bundlers and Web runtimes never see it. */
export function loadNodeCrypto(): typeof NodeCrypto | undefined {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  if (!proc?.versions?.node || typeof proc.getBuiltinModule !== 'function') return undefined;
  return proc.getBuiltinModule('node:crypto');
}

/** The node:crypto provider: KeyObjects built once, signing on the libuv thread pool. */
export function createNodeProvider(crypto: typeof NodeCrypto): CryptoProvider {
  return {
    name: 'node',
    createSignFn(pkcs8, hash): SignFn {
      const key = crypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
      const algorithm = NODE_HASH[hash];
      // The callback form runs the RSA private operation (~1 ms) on the thread pool, so concurrent
      // signatures use every core instead of blocking the event loop one after another.
      return (data) =>
        new Promise((resolve, reject) => {
          crypto.sign(algorithm, data, key, (err, signature) => {
            if (err) reject(err);
            else resolve(signature.toString('base64'));
          });
        });
    },
    createVerifyFn(spki): VerifyFn {
      const key = crypto.createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
      // Synchronous on purpose: an RSA public operation (e = 65537) takes tens of microseconds,
      // about what a thread-pool round trip costs, so offloading it would only slow it down.
      return (hash, data, signature) => {
        try {
          return crypto.verify(NODE_HASH[hash], data, key, signature);
        } catch {
          return false;
        }
      };
    },
    async aesCbc(mode, key, data) {
      const algorithm = `aes-${key.length * 8}-cbc`;
      const cipher =
        mode === 'encrypt'
          ? crypto.createCipheriv(algorithm, key, ZERO_IV)
          : crypto.createDecipheriv(algorithm, key, ZERO_IV);
      return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]));
    },
  };
}
