import { SignerError } from './SignerError.js';

/** A private or public key could not be read. The message says why, never what the key was. */
export class AlipayKeyError extends SignerError {
  override name = 'AlipayKeyError';
}
