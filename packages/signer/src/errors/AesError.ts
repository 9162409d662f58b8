import { SignerError } from './SignerError.js';

/**
 * AES decryption failed: the ciphertext is not base64 of whole 16-byte blocks, or its padding does
 * not check out (a wrong key or corrupted text). `code` is `ERR_AES`. A malformed AES key is an
 * {@link AlipayKeyError} instead.
 */
export class AesError extends SignerError {
  override name = 'AesError';
  declare readonly code: 'ERR_AES';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'ERR_AES', cause: options.cause });
  }
}
