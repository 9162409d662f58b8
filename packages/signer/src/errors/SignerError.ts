import { AopkitError } from './AopkitError.js';

/**
 * Base class of every error thrown by `@aopkit/signer`.
 *
 * Messages never contain key material: they name the option or the step that failed, and the
 * underlying error (if any) is kept in `cause`.
 */
export class SignerError extends AopkitError {
  override name = 'SignerError';

  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { code: options.code ?? 'ERR_SIGNER', cause: options.cause });
  }
}
