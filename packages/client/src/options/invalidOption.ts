import { AlipayValidationError, type ValidationRule } from '../errors/AlipayValidationError.js';

/** An option failed validation: names it and the rule, never its value when it may be secret. */
export const invalidOption = (field: string, rule: ValidationRule, why: string, cause?: unknown) =>
  new AlipayValidationError(`options.${field} ${why}`, { field, rule }, { cause });

/** A short, safe rendering of a non-secret option value for messages. */
export const shown = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    : String(value);
