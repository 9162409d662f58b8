import { SignerError } from './SignerError.js';

/**
 * A certificate (or root bundle) could not be read, or holds no usable RSA public key.
 * `code` is `ERR_CERTIFICATE_INVALID`.
 */
export class AlipayCertificateError extends SignerError {
  override name = 'AlipayCertificateError';
  declare readonly code: 'ERR_CERTIFICATE_INVALID';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'ERR_CERTIFICATE_INVALID', cause: options.cause });
  }
}
