import { SignerError } from './SignerError.js';

/**
 * A private or public key (or an AES key) could not be read, or the crypto library refused it.
 * `code` is `ERR_KEY_INVALID`. The message says why and names the option, never what the key was.
 */
export class AlipayKeyError extends SignerError {
  override name = 'AlipayKeyError';
  declare readonly code: 'ERR_KEY_INVALID';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'ERR_KEY_INVALID', cause: options.cause });
  }
}
