import { BIZ_CONTENT_FIELDS, type FieldRule, IDENTITY_FIELDS, METHOD } from '@aopkit/types';
import { AlipayValidationError, type ValidationRule } from '../errors/AlipayValidationError.js';
import { keyName } from '../options/invalidOption.js';
import { isOptionsObject, own } from '../options/own.js';
import { excerpt } from '../text/excerpt.js';
import { hasLoneSurrogate, UNENCODABLE } from '../text/hasLoneSurrogate.js';
import { formatAmount } from './formatAmount.js';

type Field = keyof typeof BIZ_CONTENT_FIELDS;

const FIELDS = Object.keys(BIZ_CONTENT_FIELDS) as Field[];
const RULES: Readonly<Record<string, FieldRule>> = BIZ_CONTENT_FIELDS;
const invalid = (field: string, rule: ValidationRule, message: string) =>
  new AlipayValidationError(message, { field, rule });

function checkString(field: Field, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined; // empty means absent, as when signing
  if (field === 'amount') {
    // Its length is checked as sent: 12345678.9 goes out as "12345678.90", 11 characters.
    const text = formatAmount(value);
    const max = RULES.amount!.maxLength;
    if (max !== undefined && text.length > max)
      throw invalid(
        field,
        'maxLength',
        `amount must be at most ${max} characters as sent (got "${excerpt(text, 24)}")`,
      );
    return text;
  }
  if (typeof value !== 'string')
    throw invalid(field, 'type', `${field} must be a string (got ${value === null ? 'null' : typeof value})`);
  if (hasLoneSurrogate(value)) {
    throw invalid(field, 'charset', `${field} ${UNENCODABLE}`);
  }
  const rule = RULES[field]!;
  // Counted in UTF-16 units, as the gateway's Java String.length() and the fake count (JSON Schema
  // would count code points): an emoji counts 2. Never more lenient than the gateway.
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    throw invalid(
      field,
      'maxLength',
      `${field} must be at most ${rule.maxLength} characters, counted in UTF-16 units as the gateway counts them (an emoji counts 2; got ${value.length})`,
    );
  }
  if (rule.enum && !rule.enum.includes(value))
    throw invalid(field, 'enum', `${field} must be one of ${rule.enum.join(', ')}`);
  // `u` so a pattern written for JSON Schema reads code points. (amount, the one field with a pattern
  // today, is checked by formatAmount; others would be compiled here, on use.)
  if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value))
    throw invalid(field, 'pattern', `${field} must match ${rule.pattern}`);
  return value;
}

/**
 * Checks the business content against the spec's rules — required fields, maxLength, pattern,
 * unknown fields, at least one identity field — and serialises it as `biz_content`, once: fields in
 * the spec's order, whatever the caller's key order, so every attempt sends the same bytes. Only the
 * object's own properties count (an inherited `user_id` from a polluted `Object.prototype` never
 * reaches the signed content); a null-prototype object is fine.
 * Throws {@link AlipayValidationError} naming the field; nothing has touched the network yet.
 */
export function serializeBizContent(params: unknown): string {
  if (!isOptionsObject(params)) {
    throw invalid('params', 'type', 'send() takes an object of business fields');
  }
  for (const key of Object.keys(params)) {
    if (!Object.hasOwn(RULES, key)) {
      const name = keyName(key);
      throw invalid(name, 'unknown', `${name} is not a field of ${METHOD}; known: ${FIELDS.join(', ')}`);
    }
  }
  const out: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const value = checkString(field, own(params, field));
    if (value !== undefined) out[field] = value;
    else if (RULES[field]!.required) throw invalid(field, 'required', `${field} is required`);
  }
  if (!IDENTITY_FIELDS.some((f) => out[f] !== undefined)) {
    throw invalid(IDENTITY_FIELDS.join('|'), 'identity', `one of ${IDENTITY_FIELDS.join(', ')} is required`);
  }
  return JSON.stringify(out);
}
