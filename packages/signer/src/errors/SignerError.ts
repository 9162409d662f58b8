import { AopkitError } from './AopkitError.js';

/**
 * Base class of every error thrown by `@aopkit/signer`; each subclass has its own stable `code`:
 *
 * | class | `code` |
 * | --- | --- |
 * | `SignerOptionError` | `ERR_INVALID_OPTION` |
 * | `AlipayKeyError` | `ERR_KEY_INVALID` |
 * | `AlipayCertificateError` | `ERR_CERTIFICATE_INVALID` |
 * | `AlipaySignatureVerificationError` | `ERR_RESPONSE_SIGNATURE` |
 * | `AlipayMalformedResponseError` | `ERR_RESPONSE_MALFORMED` |
 * | `AesError` | `ERR_AES` |
 * | `CryptoUnavailableError` | `ERR_CRYPTO_UNAVAILABLE` |
 *
 * The signer throws no `SignerError` of its own (its default code, `ERR_SIGNER`, is for subclasses that
 * pass none). Messages never contain key material: they name the option or the step that failed, and
 * the underlying error (if any) is kept in `cause`.
 */
export class SignerError extends AopkitError {
  override name = 'SignerError';

  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { code: options.code ?? 'ERR_SIGNER', cause: options.cause });
  }
}
