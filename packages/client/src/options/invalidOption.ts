import { AlipayValidationError, type ValidationRule } from '../errors/AlipayValidationError.js';
import { excerpt } from '../text/excerpt.js';

/** An option failed validation: names it and the rule, never its value when it may be secret. */
export const invalidOption = (field: string, rule: ValidationRule, why: string, cause?: unknown) =>
  new AlipayValidationError(`options.${field} ${why}`, { field, rule }, { cause });

/** A key name as given (an unknown option, a misspelt field): bounded, shown as text. */
export const keyName = (key: string): string => excerpt(key, 40);

// Printable ASCII only: a control character or a lone surrogate never lands in a message.
const SHORT_PRINTABLE = /^[\x20-\x7e]{0,12}$/;

/**
 * A short, safe description of a rejected value. Any option may hold a misplaced secret (a token or
 * an AES key pasted into `gateway`), so a string is shown only when it is too short to be one (at
 * most 12 printable characters: an AES key has 24, a token about 40, a key hundreds); else only its
 * length. Never `String()` of an object (a null-prototype one throws).
 */
export const shown = (value: unknown): string =>
  typeof value === 'string'
    ? SHORT_PRINTABLE.test(value)
      ? JSON.stringify(value)
      : `a string of ${value.length} characters`
    : typeof value === 'number' || typeof value === 'boolean' || value == null
      ? String(value)
      : typeof value;
