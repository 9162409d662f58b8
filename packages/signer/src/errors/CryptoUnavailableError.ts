import { SignerError } from './SignerError.js';

/**
 * The runtime lacks what was asked for: node:crypto with `crypto: 'node'` (a worker without
 * `nodejs_compat`), any crypto at all, or iconv-lite for a GBK / GB2312 charset (it needs Node's
 * `Buffer`). `code` is `ERR_CRYPTO_UNAVAILABLE`.
 */
export class CryptoUnavailableError extends SignerError {
  override name = 'CryptoUnavailableError';
  declare readonly code: 'ERR_CRYPTO_UNAVAILABLE';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: 'ERR_CRYPTO_UNAVAILABLE', cause: options.cause });
  }
}
