/** Hash of an RSASSA-PKCS1-v1_5 signature: RSA2 = SHA-256, RSA = SHA-1. */
export type HashName = 'SHA-256' | 'SHA-1';

/** Which crypto implementation to use: `auto` = node:crypto where present, WebCrypto otherwise. */
export type CryptoChoice = 'auto' | 'node' | 'web';

/** Signs bytes with a key bound at creation; resolves to standard base64. */
export type SignFn = (data: Uint8Array) => Promise<string>;

/**
 * Verifies a raw signature over bytes with a key bound at creation; false on any failure, never a
 * rejection. Synchronous where the implementation allows it (node:crypto), so the response check
 * costs no extra promise hops on top of the RSA public operation.
 */
export type VerifyFn = (
  hash: HashName,
  data: Uint8Array,
  signature: Uint8Array,
) => boolean | Promise<boolean>;

/**
 * The small seam between the signer and a crypto implementation. Keys arrive as DER already
 * validated and normalised (PKCS#8 / SPKI), and are imported once, in the factory calls.
 */
export interface CryptoProvider {
  readonly name: 'node' | 'web';
  /** Imports a PKCS#8 RSA private key for one hash. Throws (or the SignFn rejects) if it is unusable. */
  createSignFn(pkcs8: Uint8Array, hash: HashName): SignFn;
  /** Imports an SPKI RSA public key. */
  createVerifyFn(spki: Uint8Array): VerifyFn;
  /**
   * `true` when its VerifyFn answers synchronously and is done with its arguments when it returns,
   * so callers may pass the same buffers again on the next call.
   */
  readonly verifiesInline?: boolean;
  /** AES-CBC with a zero IV and PKCS#7 padding (PROTOCOL §10). */
  aesCbc(mode: 'encrypt' | 'decrypt', key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
}
