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
  | 'conflict';

/**
 * A call's input or a client option broke a rule of the spec; thrown before any network I/O.
 * `field` names the business field (`amount`) or the option (`timeoutMs`); never echoes a key.
 */
export class AlipayValidationError extends AlipayError {
  override name = 'AlipayValidationError';
  readonly field: string;
  readonly rule: ValidationRule;

  constructor(
    message: string,
    details: { field: string; rule: ValidationRule },
    options: { cause?: unknown } = {},
  ) {
    super(message, { retryable: false, cause: options.cause });
    this.field = details.field;
    this.rule = details.rule;
  }
}
