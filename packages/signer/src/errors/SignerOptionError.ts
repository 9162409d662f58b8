import { SignerError } from './SignerError.js';

/** The rule an option or argument broke. */
export type SignerOptionRule =
  /** It is missing. */
  | 'required'
  /** It has the wrong type (a number for a string, an invalid Date, …). */
  | 'type'
  /** It is not one of the allowed values. */
  | 'enum'
  /** The function has no such option (a misspelling would otherwise be ignored silently). */
  | 'unknown'
  /** It excludes another option that was given too. */
  | 'conflict'
  /** A string holds a lone surrogate, which no charset can encode: it cannot be signed as written. */
  | 'encodable';

/**
 * An option or argument of a signer function is invalid: `field` names it (`signType`, `params.memo`,
 * `content`) and `rule` the rule it broke. `code` is `ERR_INVALID_OPTION`. Thrown (or rejected with)
 * before any crypto runs. A value is shown in the message only as a short excerpt, and never for a
 * field that may hold a key or a secret.
 */
export class SignerOptionError extends SignerError {
  override name = 'SignerOptionError';
  declare readonly code: 'ERR_INVALID_OPTION';
  /** The option (`signType`), argument (`content`) or parameter (`params.biz_content`) at fault. */
  readonly field: string;
  readonly rule: SignerOptionRule;

  constructor(
    message: string,
    details: { field: string; rule: SignerOptionRule },
    options: { cause?: unknown } = {},
  ) {
    super(message, { code: 'ERR_INVALID_OPTION', cause: options.cause });
    this.field = details.field;
    this.rule = details.rule;
  }
}
