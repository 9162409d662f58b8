import { AlipayError } from './AlipayError.js';

/** The rule a value broke. */
export type ValidationRule =
  | 'required'
  | 'type'
  | 'maxLength'
  | 'pattern'
  | 'enum'
  | 'unknown'
  | 'identity'
  | 'decimals'
  | 'charset'
  | 'key'
  /** A key where another belongs: the app's own public key or certificate given as Alipay's. */
  | 'ownKey'
  | 'conflict';

/**
 * A call's input or a client option broke a rule; thrown before any network I/O (code
 * `ERR_VALIDATION`, never retryable, `mayHaveIssued` false). `field` names the business field
 * (`amount`) or the option (`timeoutMs`); the message never echoes a key, a token or a long value.
 */
export class AlipayValidationError extends AlipayError {
  override name = 'AlipayValidationError';
  declare readonly code: 'ERR_VALIDATION';
  readonly field: string;
  readonly rule: ValidationRule;

  constructor(
    message: string,
    details: { field: string; rule: ValidationRule },
    options: { cause?: unknown } = {},
  ) {
    super(message, { code: 'ERR_VALIDATION', retryable: false, mayHaveIssued: false, cause: options.cause });
    this.field = details.field;
    this.rule = details.rule;
  }
}
