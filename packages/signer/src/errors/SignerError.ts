/**
 * Base class of every error thrown by `@aopkit/signer`.
 *
 * Messages never contain key material: they name the option or the step that failed, and the
 * underlying error (if any) is kept in `cause`.
 */
export class SignerError extends Error {
  // An explicit string, not `new.target.name`: minifiers rename classes.
  override name = 'SignerError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
