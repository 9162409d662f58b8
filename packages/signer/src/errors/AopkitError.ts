/**
 * The root of every error the aopkit packages throw: `@aopkit/signer`'s, `@aopkit/client`'s and
 * `@aopkit/testing`'s configuration errors alike. Switch on `code`, a stable machine-readable string
 * (`ERR_…`), never on the message text, which may be reworded. As in panva/jose, each subclass sets its
 * own `code`; one class may carry several codes when the difference matters to a caller.
 *
 * Messages never contain key material, tokens or signatures.
 *
 * @example
 * try { createSigner({ privateKey }) } catch (e) {
 *   if (e instanceof AopkitError && e.code === 'ERR_KEY_INVALID') …
 * }
 */
export class AopkitError extends Error {
  // An explicit string, not `new.target.name`: minifiers rename classes.
  override name = 'AopkitError';
  /** A stable machine-readable code, such as `ERR_KEY_INVALID` or `ERR_API`. */
  readonly code: string;

  constructor(message: string, options: { code: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}
