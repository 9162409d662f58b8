import { SignerError } from './SignerError.js';

/** A certificate (or root bundle) could not be read, or holds no usable RSA public key. */
export class AlipayCertificateError extends SignerError {
  override name = 'AlipayCertificateError';
}
